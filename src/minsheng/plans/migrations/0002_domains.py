from django.db import migrations

# 领域: the fixed but editable vocabulary of livelihood domains, in display order.
DOMAINS = [
    ("就业", "jiuye"), ("居住", "juzhu"), ("教育", "jiaoyu"), ("医疗", "yiliao"),
    ("托幼", "tuoyou"), ("养老", "yanglao"), ("环境", "huanjing"), ("交通出行", "jiaotong"),
    ("公共安全", "anquan"), ("政务服务", "zhengwu"), ("文化体育", "wenti"),
    ("乡村振兴", "xiangcun"), ("城市运行", "chengshi"),
]


def add_domains(apps, schema_editor):
    Domain = apps.get_model("plans", "Domain")
    for order, (name, slug) in enumerate(DOMAINS, start=1):
        Domain.objects.get_or_create(name=name, defaults={"slug": slug, "order": order})


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]
    operations = [migrations.RunPython(add_domains, migrations.RunPython.noop)]
