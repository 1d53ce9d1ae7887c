from django.db import migrations


class Migration(migrations.Migration):
    """The search index moved to the ``search`` app; its tables stay where they are (``search`` 0001)."""

    dependencies = [
        ("ezine", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="SearchEntry"),
                migrations.DeleteModel(name="SearchTerm"),
            ],
            database_operations=[],
        ),
    ]
