"""Seal the records written before the chain existed, then let PostgreSQL refuse changes.

The existing records are chained in id order with the same digest function the service
uses; the trigger comes last, since sealing is the one UPDATE the table ever sees.
"""

import django.db.models.deletion
import django.utils.timezone
import pgtrigger.compiler
import pgtrigger.migrations
from django.conf import settings
from django.db import migrations, models

from minsheng.audit import chain


def seal_existing_records(apps, schema_editor):
    AuditRecord = apps.get_model("audit", "AuditRecord")
    previous = chain.GENESIS
    for record in AuditRecord.objects.using(schema_editor.connection.alias).order_by("id"):
        record.previous_digest = previous
        record.digest = chain.digest_of(record)
        AuditRecord.objects.using(schema_editor.connection.alias).filter(pk=record.pk).update(
            previous_digest=record.previous_digest, digest=record.digest
        )
        previous = record.digest


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0002_record_jurisdiction'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='auditrecord',
            name='digest',
            field=models.CharField(default='', editable=False, max_length=64, verbose_name='digest'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='auditrecord',
            name='previous_digest',
            field=models.CharField(default='', editable=False, max_length=64, verbose_name='previous digest'),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name='auditrecord',
            name='actor',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='actor'),
        ),
        migrations.AlterField(
            model_name='auditrecord',
            name='at',
            field=models.DateTimeField(db_index=True, default=django.utils.timezone.now, editable=False, verbose_name='time'),
        ),
        migrations.AlterField(
            model_name='auditrecord',
            name='content_type',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, to='contenttypes.contenttype', verbose_name='object type'),
        ),
        migrations.RunPython(seal_existing_records, migrations.RunPython.noop),
        pgtrigger.migrations.AddTrigger(
            model_name='auditrecord',
            trigger=pgtrigger.compiler.Trigger(name='audit_append_only', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot update or delete rows from % table', TG_TABLE_NAME;", hash='7243b760fd3bbc0ed727c22a19fd6bc84650e06a', operation='UPDATE OR DELETE', pgid='pgtrigger_audit_append_only_ecc7d', table='audit_auditrecord', when='BEFORE')),
        ),
    ]
