# The links became participations in 0005 (a migration of their own: PostgreSQL alters no table with rows
# just written in the same transaction).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("people", "0005_participation"),
    ]

    operations = [
        migrations.RemoveField(
            model_name='citydeal',
            name='partners',
        ),
        migrations.RemoveField(
            model_name='partnership',
            name='coordinators',
        ),
        migrations.RemoveField(
            model_name='partnership',
            name='members',
        ),
    ]
