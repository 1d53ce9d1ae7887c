from django.db import migrations


def narrow(apps, schema_editor):
    """PostgreSQL: an index on the ranking vector ``head``, and narrow rows (see
    search.backends.PostgreSQL.narrow_rows): every row is rewritten under the new TOAST target, then the
    table compacted, so that a broad query's matches share a few thousand pages."""
    from search.backends import TABLE, backend

    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS searchentry_head_idx ON {TABLE} USING gin (head)")
    backend("postgresql").narrow_rows(schema_editor)
    schema_editor.execute(f"UPDATE {TABLE} SET body_terms = body_terms")
    schema_editor.execute(f"VACUUM FULL ANALYZE {TABLE}")


class Migration(migrations.Migration):
    # VACUUM runs outside a transaction.
    atomic = False

    dependencies = [("search", "0002_ranked_head_vector")]

    operations = [migrations.RunPython(narrow, migrations.RunPython.noop)]
