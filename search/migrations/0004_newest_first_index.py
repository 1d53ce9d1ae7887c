from django.db import migrations

INDEX = "searchentry_date_idx"


def create(apps, schema_editor):
    """The order of the matches found only in their body (search.query.SearchResults): newest first, the
    undated (people, organisations) last, read page by page. SQLite puts NULL last in a descending index
    by itself; it does not accept NULLS LAST there."""
    nulls_last = " NULLS LAST" if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON ezine_searchentry (date DESC{nulls_last}, id)")


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_narrow_rows")]

    operations = [migrations.RunPython(create, drop)]
