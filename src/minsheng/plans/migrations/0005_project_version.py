from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("plans", "0004_text_limits")]

    operations = [
        migrations.AddField(
            model_name="project",
            name="version",
            field=models.PositiveIntegerField(default=1, editable=False),
        ),
    ]
