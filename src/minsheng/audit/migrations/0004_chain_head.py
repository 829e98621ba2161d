"""The chain head: where the audit chain ends, so that losing its newest records shows."""

import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations, models

GENESIS = "0" * 64


def anchor_existing_chain(apps, schema_editor):
    AuditRecord = apps.get_model("audit", "AuditRecord")
    ChainHead = apps.get_model("audit", "ChainHead")
    db = schema_editor.connection.alias
    last = AuditRecord.objects.using(db).order_by("-id").values_list("id", "digest").first()
    ChainHead.objects.using(db).create(
        pk=1,
        count=AuditRecord.objects.using(db).count(),
        last_id=last[0] if last else None,
        last_digest=last[1] if last else GENESIS,
    )


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0003_hash_chain_append_only'),
    ]

    operations = [
        migrations.CreateModel(
            name='ChainHead',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('count', models.PositiveBigIntegerField(default=0, verbose_name='records')),
                ('last_id', models.BigIntegerField(blank=True, null=True, verbose_name='last record')),
                ('last_digest', models.CharField(max_length=64, verbose_name='last digest')),
            ],
            options={
                'verbose_name': 'audit chain head',
                'verbose_name_plural': 'audit chain head',
            },
        ),
        migrations.RunPython(anchor_existing_chain, migrations.RunPython.noop),
        pgtrigger.migrations.AddTrigger(
            model_name='chainhead',
            trigger=pgtrigger.compiler.Trigger(name='audit_head_kept', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot delete rows from % table', TG_TABLE_NAME;", hash='7b6bcb5f3d36cddd3169b84e9853bbeee84e95cf', operation='DELETE', pgid='pgtrigger_audit_head_kept_ca058', table='audit_chainhead', when='BEFORE')),
        ),
    ]
