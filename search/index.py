"""Keeping the index up to date: what each kind of object contributes, and writing its entries.

Every article is indexed whatever its status, with the moment from which readers may see it
(``articles.models.visible_from``); searching compares that with the time, so scheduled articles appear
at their moment without a job and drafts or withdrawn articles never do.
"""

import datetime
import html
import re
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article, visible_from
from people.models import CityDeal, Organisation, Partnership, Person

from . import analyser
from .backends import backend
from .models import SearchEntry, SearchTerm

TAG = re.compile(r"<[^>]*>")
# Two reindexes of one object at once (an editor's save while a rename reindexes what carries the name): the
# later one to commit its entry makes the other fail on the unique object, which then reads it again.
REINDEX_ATTEMPTS = 3
SPACE = re.compile(r"\s+")


def plain_text(markup):
    """Return the text of an HTML fragment, with tags turned into spaces and entities decoded."""
    return SPACE.sub(" ", html.unescape(TAG.sub(" ", markup or ""))).strip()


@dataclass(frozen=True)
class Texts:
    """The four weighted fields of an entry, as plain text: title > lead, keywords > body."""

    title: str
    lead: str = ""
    keywords: str = ""
    body: str = ""


def names(objects):
    return " · ".join(str(obj) for obj in objects)


# Each ``*_texts`` function reads the keywords (tags, names of related objects) only when asked:
# they need prefetched relations, which a page of results does not load.


def article_texts(article, keywords=True):
    related = ""
    if keywords:
        objects = [*article.tags.all(), *article.people.all(), *article.organisations.all()]
        related = names(objects + [scope for scope in (article.partnership, article.city_deal) if scope])
    return Texts(article.title, plain_text(article.lead), related, plain_text(article.body))


def person_texts(person, keywords=True):
    lead = names(part for part in (person.job_title, person.organisation) if part)
    return Texts(person.name, lead, names(person.tags.all()) if keywords else "", plain_text(person.bio))


def organisation_texts(organisation, keywords=True):
    lead = names(part for part in (organisation.get_kind_display(), organisation.city) if part)
    tags = names(organisation.tags.all()) if keywords else ""
    return Texts(organisation.name, lead, tags, plain_text(organisation.description))


def collaboration_texts(collaboration, keywords=True):
    if isinstance(collaboration, Partnership):
        label = collaboration.get_theme_display()
    else:
        label = collaboration.get_kind_display()
    tags = names(collaboration.tags.all()) if keywords else ""
    return Texts(collaboration.name, str(label), tags, plain_text(collaboration.description))


@dataclass(frozen=True)
class Source:
    """One kind of indexed object: its entry field, how to load it, its kind and date, its texts."""

    model: type
    field: str
    kind: str | None
    texts: object
    date_field: str | None = None
    select: tuple = ()
    prefetch: tuple = ("tags",)

    def queryset(self):
        return self.model._default_manager.select_related(*self.select).prefetch_related(*self.prefetch)

    def entry(self, obj, seen):
        """Return the unsaved entry of ``obj``, adding its words to the set ``seen``."""
        texts = self.texts(obj)
        date = getattr(obj, self.date_field) if self.date_field else None
        if date is not None and not isinstance(date, datetime.datetime):
            date = timezone.make_aware(datetime.datetime.combine(date, datetime.time()))
        return SearchEntry(
            kind=self.kind or obj.kind,
            date=date,
            visible_from=visible_from(obj.status, obj.published_at) if isinstance(obj, Article) else None,
            title_terms=analyser.analyse(texts.title, seen),
            lead_terms=analyser.analyse(texts.lead, seen),
            keyword_terms=analyser.analyse(texts.keywords, seen),
            body_terms=analyser.analyse(texts.body, seen),
            **{self.field: obj},
        )


SOURCES = {
    Article: Source(
        Article,
        "article",
        None,
        article_texts,
        "published_at",
        select=("partnership", "city_deal"),
        prefetch=("tags", "people", "organisations"),
    ),
    Person: Source(Person, "person", "person", person_texts, select=("organisation",)),
    Organisation: Source(Organisation, "organisation", "organisation", organisation_texts),
    Partnership: Source(Partnership, "partnership", "partnership", collaboration_texts, "start_date"),
    CityDeal: Source(CityDeal, "city_deal", "citydeal", collaboration_texts, "signed_on"),
}

OBJECT_KINDS = {source.kind: source for source in SOURCES.values() if source.kind}


def summary_of(obj):
    """Return the plain text a result's snippet is taken from: lead and body, no related objects."""
    texts = SOURCES[type(obj)].texts(obj, keywords=False)
    return f"{texts.lead} {texts.body}".strip()


def update(model, pks, chunk_size=1000):
    """(Re)index the objects of ``model`` with these primary keys; entries of deleted ones go.

    In chunks, so that reindexing a bulk import (thousands of articles saved in one transaction) keeps
    memory flat.
    """
    pks = list(pks)
    for attempt in range(REINDEX_ATTEMPTS):
        try:
            return _update(SOURCES[model], pks, chunk_size)
        except IntegrityError:
            # Another reindex of the same object committed its entry between this one's delete and insert:
            # it may have read the object before a change this one was started for. Read it again.
            if attempt == REINDEX_ATTEMPTS - 1:
                raise


def _update(source, pks, chunk_size):
    count = 0
    with transaction.atomic():
        for start in range(0, len(pks), chunk_size):
            chunk = pks[start : start + chunk_size]
            objects = list(source.queryset().filter(pk__in=chunk))
            SearchEntry.objects.filter(**{f"{source.field}__in": chunk}).delete()
            write(source, objects)
            count += len(objects)
    return count


def write(source, objects):
    """Write the entries of ``objects`` (loaded with their related objects) and their vocabulary."""
    seen = set()
    entries = [source.entry(obj, seen) for obj in objects]
    SearchEntry.objects.bulk_create(entries, batch_size=500)
    add_vocabulary(analyser.vocabulary(seen))


def add_vocabulary(vocabulary):
    terms = [SearchTerm(word=word, term=term, reversed_term=term[::-1]) for word, term in vocabulary.items()]
    SearchTerm.objects.bulk_create(terms, ignore_conflicts=True, batch_size=300)


def rebuild(models=None, chunk_size=1000, progress=None):
    """Rebuild the whole index (or that of ``models``) in chunks; return the number of entries per model.

    A full rebuild also gathers the vocabulary afresh, dropping words no longer in any text.
    """
    counts = {}
    if models is None:
        SearchTerm.objects.all().delete()
    for model in models or SOURCES:
        source = SOURCES[model]
        SearchEntry.objects.filter(**{f"{source.field}__isnull": False}).delete()
        pks = list(model._default_manager.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pks), chunk_size):
            with transaction.atomic():
                write(source, source.queryset().filter(pk__in=pks[start : start + chunk_size]))
            if progress:
                progress(model, min(start + chunk_size, len(pks)), len(pks))
        counts[model] = len(pks)
    backend().after_bulk_load()
    return counts
