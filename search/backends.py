"""What differs between PostgreSQL and SQLite: the full-text structure, and how a query is written.

Queries arrive as a small tree (:class:`Term`, :class:`Phrase`, :class:`Any`, :class:`All`) of
analysed terms; each backend renders it in its own syntax, with the same boolean meaning, so both
databases find the same entries. Only the ranking function differs (``ts_rank`` against ``bm25``).
"""

from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
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


@dataclass(frozen=True)
class Feature:
    """One thing that lifts a result: the query (or its words as a phrase) found in some of the fields."""

    fields: tuple
    points: int
    phrase: bool = False


# The ranking, written once for both databases. A result's score is the sum of the points of the
# features it has, plus its relevance in those fields (below 1, so it only orders results with the same
# features); equal scores go newest first. The title counts most, then the names of related people,
# organisations and deals (and tags), then the lead. The words next to each other as typed (a phrase)
# count above the same words scattered. The body only makes a result match: entries found only with its
# help come after all others, newest first (search.query.SearchResults).
TITLE, NAMES, LEAD = "title_terms", "keyword_terms", "lead_terms"
RANKED_FIELDS = (TITLE, NAMES, LEAD)
RANKING = (
    Feature((TITLE,), 8),
    Feature((TITLE, NAMES), 4, phrase=True),
    Feature((NAMES,), 4),
    Feature((LEAD,), 2),
    Feature((LEAD,), 1, phrase=True),
)
# Relevance weights of the ranked fields (term frequency), in the order of RANKED_FIELDS.
RELEVANCE_WEIGHTS = (1.0, 0.4, 0.2)
# Relevance is rounded to this many decimals: results that differ by less are equal, and go newest first.
RELEVANCE_DECIMALS = 1


class Backend:
    """What both backends share: rendering a query tree with their own operators, running SQL."""

    any_operator = all_operator = phrase_operator = None

    def quote(self, term, fields=None):
        raise NotImplementedError

    def render(self, node, fields=None):
        """Return the query ``node`` in the database's syntax, limited to ``fields`` when given."""
        if isinstance(node, Term):
            return self.quote(node.text, fields)
        if isinstance(node, Phrase):
            return self.phrase(node, fields)
        operator = self.any_operator if isinstance(node, Any) else self.all_operator
        return "(" + operator.join(self.render(item, fields) for item in node.items) + ")"

    def phrase(self, node, fields):
        return self.phrase_operator.join(self.quote(term, fields) for term in node.terms)

    def features(self, query, phrase):
        """Return ``(points, query text limited to the feature's fields)`` of each feature that applies."""
        found = []
        for feature in RANKING:
            node = phrase if feature.phrase else query
            if node is not None:
                found.append((feature.points, self.render(node, feature.fields)))
        return found

    def execute(self, sql):
        with connection.cursor() as cursor:
            cursor.execute(sql)


class PostgreSQL(Backend):
    """Two generated ``simple`` tsvectors: ``vector`` of all fields (to match, with a GIN index), and
    ``head`` of the ranked fields alone (to rank: small, so stored inline), weighted A (title),
    B (names), C (lead), D (body)."""

    # Terms are letters and digits only, so quoting needs no escaping.
    any_operator, all_operator, phrase_operator = " | ", " & ", " <-> "

    weights = {TITLE: "A", NAMES: "B", LEAD: "C", "body_terms": "D"}

    def vector(self, fields):
        return " || ".join(
            f"setweight(to_tsvector('simple'::regconfig, {field}), '{self.weights[field]}')"
            for field in fields
        )

    def install(self, schema_editor):
        for column, fields in (("vector", FIELDS), ("head", RANKED_FIELDS)):
            schema_editor.execute(
                f"ALTER TABLE {TABLE} ADD COLUMN {column} tsvector "
                f"GENERATED ALWAYS AS ({self.vector(fields)}) STORED"
            )
        schema_editor.execute(f"CREATE INDEX searchentry_vector_idx ON {TABLE} USING gin (vector)")
        schema_editor.execute(f"CREATE INDEX searchentry_head_idx ON {TABLE} USING gin (head)")
        self.narrow_rows(schema_editor)

    def narrow_rows(self, schema_editor):
        """Keep the rows narrow: the long columns (body, the whole vector) out of line, ``head`` in line.

        A broad query visits the row of every match; at about 100 bytes a row they share a few thousand
        pages rather than one page each.
        """
        schema_editor.execute(f"ALTER TABLE {TABLE} SET (toast_tuple_target = 128)")
        schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN head SET STORAGE MAIN")

    def uninstall(self, schema_editor):
        schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS vector")
        schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS head")

    def quote(self, term, fields=None):
        return f"'{term}'" + (":" + "".join(self.weights[field] for field in fields) if fields else "")

    def condition(self, column, query, negate=False):
        return RawSQL(
            f"{'NOT ' if negate else ''}{TABLE}.{column} @@ to_tsquery('simple', %s)",
            [self.render(query)],
            output_field=BooleanField(),
        )

    def matching(self, queryset, query):
        """Return the entries of ``queryset`` that match ``query`` in any field."""
        return queryset.filter(self.condition("vector", query))

    def body_only(self, queryset, query):
        """Return the entries of ``queryset`` that match ``query`` only with the help of their body."""
        return queryset.filter(self.condition("vector", query), self.condition("head", query, negate=True))

    def ranked(self, queryset, query, phrase=None):
        """Return the entries of ``queryset`` that match ``query`` in the ranked fields, with their ``rank``.

        Only ``head`` is read (a small vector with an index of its own): a broad query does not read the
        body of every match.
        """
        tsquery = self.render(query)
        weights = "{" + ", ".join(str(w) for w in (0.0, *reversed(RELEVANCE_WEIGHTS))) + "}"
        # Normalisation 32: rank / (rank + 1), below 1.
        relevance = f"ts_rank('{weights}', {TABLE}.head, to_tsquery('simple', %s), 32)"
        parts, params = [f"round(({relevance})::numeric, {RELEVANCE_DECIMALS})"], [tsquery]
        for points, text in self.features(query, phrase):
            parts.append(f"(CASE WHEN {TABLE}.head @@ to_tsquery('simple', %s) THEN {points} ELSE 0 END)")
            params.append(text)
        rank = RawSQL("(" + " + ".join(parts) + ")::float", params, output_field=FloatField())
        return queryset.filter(self.condition("head", query)).annotate(rank=rank)

    def rows_upto(self, queryset, limit):
        """Return the rows of ``queryset`` (a ``values_list``), unordered, no more than ``limit``.

        With the sequential scan off for this statement: the planner's guess of the matches of a query with
        phrases can be ten times the truth, and it would then read the table row by row (each row's vector
        from TOAST) hoping to stop early. The GIN index is the cheaper way here.
        """
        try:
            sql, params = queryset.order_by()[:limit].query.sql_with_params()
        except EmptyResultSet:  # a filter that can match nothing (an unknown topic)
            return []
        with connection.cursor() as cursor:
            # Both statements in one string run in one implicit transaction, so SET LOCAL holds for the
            # query; the cursor holds the result of the last.
            cursor.execute(f"SET LOCAL enable_seqscan = off; {sql}", params)
            return cursor.fetchall()

    def after_bulk_load(self):
        """Refresh the planner's statistics: the generated column and its index follow every write."""
        self.execute(f"ANALYZE {TABLE}")


class SQLite(Backend):
    """An external-content FTS5 table over the entries, kept in step by triggers."""

    any_operator, all_operator, phrase_operator = " OR ", " AND ", " + "

    fts = f"{TABLE}_fts"
    # bm25 weights per column, in the order of FIELDS: the ranked fields only, the body not.
    bm25 = ", ".join(
        str(dict(zip(RANKED_FIELDS, RELEVANCE_WEIGHTS, strict=True)).get(f, 0.0)) for f in FIELDS
    )

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
        ):
            schema_editor.execute(statement)
        self.set_rank(schema_editor)

    def set_rank(self, schema_editor):
        """Make the table's ``rank`` column bm25 with the weights of the ranked fields (a table setting)."""
        schema_editor.execute(
            f"INSERT INTO {self.fts}({self.fts}, rank) VALUES ('rank', 'bm25({self.bm25})')"
        )

    def uninstall(self, schema_editor):
        for trigger in ("ai", "ad", "au"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_{trigger}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {self.fts}")

    def quote(self, term, fields=None):
        return f'"{term}"'

    def render(self, node, fields=None):
        text = super().render(node)
        return "{" + " ".join(fields) + "} : (" + text + ")" if fields else text

    def lookup(self, text):
        return f"{TABLE}.id IN (SELECT rowid FROM {self.fts} WHERE {self.fts} MATCH %s)", [text]

    def matching(self, queryset, query):
        """Return the entries of ``queryset`` that match ``query`` in any field."""
        where, params = self.lookup(self.render(query))
        return queryset.extra(where=[where], params=params)

    def body_only(self, queryset, query):
        """Return the entries of ``queryset`` that match ``query`` only with the help of their body."""
        where, params = self.lookup(self.render(query))
        head, head_params = self.lookup(self.render(query, RANKED_FIELDS))
        return queryset.extra(where=[where, f"NOT {head}"], params=params + head_params)

    def ranked(self, queryset, query, phrase=None):
        """Return the entries of ``queryset`` that match ``query`` in the ranked fields, with their ``rank``.

        The FTS5 table is joined (``extra``: the ORM cannot join a table it has no model for), so that
        its ``rank`` column (bm25 on the ranked fields) is computed once per match; each feature is a
        lookup of its own.
        """
        # bm25 is negative, better when lower: -bm25 / (1 - bm25) is the relevance, below 1.
        parts = [f"round(-{self.fts}.rank / (1 - {self.fts}.rank), {RELEVANCE_DECIMALS})"]
        params = []
        for points, text in self.features(query, phrase):
            where, where_params = self.lookup(text)
            parts.append(f"(CASE WHEN {where} THEN {points} ELSE 0 END)")
            params += where_params
        return queryset.extra(
            tables=[self.fts],
            where=[f"{self.fts}.rowid = {TABLE}.id", f"{self.fts} MATCH %s"],
            params=[self.render(query, RANKED_FIELDS)],
            select={"rank": " + ".join(parts)},
            select_params=params,
        )

    def rows_upto(self, queryset, limit):
        """Return the rows of ``queryset`` (a ``values_list``), unordered, no more than ``limit``."""
        return list(queryset.order_by()[:limit])

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
