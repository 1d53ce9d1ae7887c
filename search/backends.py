"""What differs between PostgreSQL and SQLite: the full-text structure, and how a query is written.

Queries arrive as a small tree (:class:`Term`, :class:`Phrase`, :class:`Any`, :class:`All`) of
analysed terms; each backend renders it in its own syntax, with the same boolean meaning, so both
databases find the same entries. Only the ranking function differs (``ts_rank`` against ``bm25``).
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, FloatField
from django.db.models.expressions import RawSQL

TABLE = "ezine_searchentry"
FIELDS = ("title_terms", "lead_terms", "keyword_terms", "body_terms")


@dataclass(frozen=True)
class Term:
    text: str


@dataclass(frozen=True)
class Phrase:
    terms: tuple


@dataclass(frozen=True)
class Any:
    items: tuple


@dataclass(frozen=True)
class All:
    items: tuple


class Backend:
    """What both backends share: rendering a query tree with their own operators, running SQL."""

    phrase_separator = any_operator = all_operator = None

    def quote(self, term):
        raise NotImplementedError

    def render(self, node):
        if isinstance(node, Term):
            return self.quote(node.text)
        if isinstance(node, Phrase):
            return self.quote(self.phrase_separator.join(node.terms))
        operator = self.any_operator if isinstance(node, Any) else self.all_operator
        return "(" + operator.join(self.render(item) for item in node.items) + ")"

    def execute(self, sql):
        with connection.cursor() as cursor:
            cursor.execute(sql)


class PostgreSQL(Backend):
    """A generated ``simple`` tsvector with weights A (title), B (lead, keywords), C (body)."""

    # Terms are letters and digits only, so quoting needs no escaping.
    phrase_separator, any_operator, all_operator = "' <-> '", " | ", " & "

    weights = dict(zip(FIELDS, "ABBC", strict=True))

    def install(self, schema_editor):
        vector = " || ".join(
            f"setweight(to_tsvector('simple'::regconfig, {field}), '{weight}')"
            for field, weight in self.weights.items()
        )
        schema_editor.execute(
            f"ALTER TABLE {TABLE} ADD COLUMN vector tsvector GENERATED ALWAYS AS ({vector}) STORED"
        )
        schema_editor.execute(f"CREATE INDEX searchentry_vector_idx ON {TABLE} USING gin (vector)")

    def uninstall(self, schema_editor):
        schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS vector")

    def quote(self, term):
        return f"'{term}'"

    def ranked(self, queryset, query):
        """Return ``queryset`` narrowed to the entries matching ``query``, each with its ``rank``."""
        tsquery = self.render(query)
        matches = RawSQL(
            f"{TABLE}.vector @@ to_tsquery('simple', %s)", [tsquery], output_field=BooleanField()
        )
        rank = RawSQL(
            f"ts_rank({TABLE}.vector, to_tsquery('simple', %s))", [tsquery], output_field=FloatField()
        )
        return queryset.filter(matches).annotate(rank=rank)

    def after_bulk_load(self):
        """Refresh the planner's statistics: the generated column and its index follow every write."""
        self.execute(f"ANALYZE {TABLE}")


class SQLite(Backend):
    """An external-content FTS5 table over the entries, kept in step by triggers."""

    phrase_separator, any_operator, all_operator = " ", " OR ", " AND "

    fts = f"{TABLE}_fts"
    # bm25 weights per column, in the order of FIELDS: title > lead, keywords > body.
    bm25 = "10.0, 4.0, 4.0, 1.0"

    def install(self, schema_editor):
        columns = ", ".join(FIELDS)
        new = ", ".join(f"new.{field}" for field in FIELDS)
        old = ", ".join(f"old.{field}" for field in FIELDS)
        delete = f"INSERT INTO {self.fts}({self.fts}, rowid, {columns}) VALUES ('delete', old.id, {old});"
        insert = f"INSERT INTO {self.fts}(rowid, {columns}) VALUES (new.id, {new});"
        for statement in (
            f"CREATE VIRTUAL TABLE {self.fts} USING fts5({columns}, content='{TABLE}', content_rowid='id')",
            f"CREATE TRIGGER {TABLE}_ai AFTER INSERT ON {TABLE} BEGIN {insert} END",
            f"CREATE TRIGGER {TABLE}_ad AFTER DELETE ON {TABLE} BEGIN {delete} END",
            f"CREATE TRIGGER {TABLE}_au AFTER UPDATE ON {TABLE} BEGIN {delete} {insert} END",
            # The table's rank column: bm25 with the column weights, stored in the table's settings.
            f"INSERT INTO {self.fts}({self.fts}, rank) VALUES ('rank', 'bm25({self.bm25})')",
        ):
            schema_editor.execute(statement)

    def uninstall(self, schema_editor):
        for trigger in ("ai", "ad", "au"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_{trigger}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {self.fts}")

    def quote(self, term):
        return f'"{term}"'

    def ranked(self, queryset, query):
        """Return ``queryset`` narrowed to the entries matching ``query``, each with its ``rank``.

        The FTS5 table is joined (``extra``: the ORM cannot join a table it has no model for), so
        that its ``rank`` column (bm25 with the column weights) is computed once per match.
        """
        return queryset.extra(
            tables=[self.fts],
            where=[f"{self.fts}.rowid = {TABLE}.id", f"{self.fts} MATCH %s"],
            params=[self.render(query)],
            select={"rank": f"-{self.fts}.rank"},
        )

    def after_bulk_load(self):
        """Merge the FTS5 segments written by a bulk load, so that queries read fewer of them."""
        self.execute(f"INSERT INTO {self.fts}({self.fts}) VALUES ('optimize')")


def backend(vendor=None):
    """Return the backend of the default database (or of ``vendor``)."""
    vendor = vendor or connection.vendor
    if vendor == "postgresql":
        return PostgreSQL()
    if vendor == "sqlite":
        return SQLite()
    raise NotImplementedError(f"Search supports PostgreSQL and SQLite, not {vendor}.")
