from django.db import migrations


def reinstall(apps, schema_editor):
    """PostgreSQL: rebuild the generated vectors with the new weights and the small ``head`` vector that
    ranks (see search.backends.RANKING). SQLite's FTS5 table stays as it is."""
    from search.backends import backend

    if schema_editor.connection.vendor == "postgresql":
        search_backend = backend("postgresql")
        search_backend.uninstall(schema_editor)
        search_backend.install(schema_editor)
    elif schema_editor.connection.vendor == "sqlite":
        backend("sqlite").set_rank(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(reinstall, migrations.RunPython.noop)]
