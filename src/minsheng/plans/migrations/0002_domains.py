from django.db import migrations

from minsheng.plans.vocabulary import DEFAULT_DOMAINS, ensure_default_domains

DOMAINS = DEFAULT_DOMAINS


def add_domains(apps, schema_editor):
    ensure_default_domains(apps.get_model("plans", "Domain"))


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]
    operations = [migrations.RunPython(add_domains, migrations.RunPython.noop)]
