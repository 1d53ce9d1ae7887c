"""The search index: one entry per article, person, organisation, partnership and City Deal.

The entries hold the analysed terms of each field as plain text. The database turns them into its
full-text structure: on PostgreSQL a generated ``simple`` tsvector column with a GIN index, on SQLite
an FTS5 table kept in step by triggers (see :mod:`search.backends`). Neither is a Django field,
so the model is the same on both databases.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """The indexed text of one object; exactly one of the object fields is set."""

    kind = models.CharField(_("kind"), max_length=16)
    date = models.DateTimeField(_("date"), null=True, blank=True)
    # For an article, ``articles.models.visible_from`` (None: never), so that a search checks visibility
    # on the entry it reads instead of joining every match to its article; other objects are always
    # visible (None). Kept by reindexing, which every save of an article does.
    visible_from = models.DateTimeField(null=True, blank=True)
    article = models.OneToOneField(
        "articles.Article", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    person = models.OneToOneField(
        "people.Person", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    organisation = models.OneToOneField(
        "people.Organisation", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    partnership = models.OneToOneField(
        "people.Partnership", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    city_deal = models.OneToOneField(
        "people.CityDeal", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    title_terms = models.TextField(blank=True)
    lead_terms = models.TextField(blank=True)
    keyword_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)

    class Meta:
        db_table = "ezine_searchentry"  # from when search lived in the project package
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
        indexes = [
            models.Index(fields=["kind", "date"], name="searchentry_kind_idx"),
        ]

    def __str__(self):
        return f"{self.kind}: {self.title_terms[:50]}"


class SearchTerm(models.Model):
    """A word seen in the indexed text and its term: the vocabulary queries expand against.

    ``reversed_term`` lets the database find the compounds that end in a term ("huurcontract" for
    "contract") with an index, as a prefix search.
    """

    word = models.CharField(max_length=40, unique=True)
    term = models.CharField(max_length=40)
    reversed_term = models.CharField(max_length=40)

    class Meta:
        db_table = "ezine_searchterm"
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")
        indexes = [
            models.Index(
                fields=["word"], name="searchterm_word_prefix_idx", opclasses=["varchar_pattern_ops"]
            ),
            models.Index(fields=["term"], name="searchterm_term_idx", opclasses=["varchar_pattern_ops"]),
            models.Index(
                fields=["reversed_term"], name="searchterm_reversed_idx", opclasses=["varchar_pattern_ops"]
            ),
        ]

    def __str__(self):
        return f"{self.word} → {self.term}"
