"""Conditional GET for feeds and article pages: cheap to poll.

A validator (``ETag`` and ``Last-Modified``) is computed from the data in ONE aggregate query, without
rendering anything; a request whose ``If-None-Match`` or ``If-Modified-Since`` still matches gets
``304 Not Modified`` before any rendering. The semantics are those of Django's ``condition`` decorator.

What a feed's validator covers (the articles "in scope" are those of the feed, ``in_scope()``):

- an edit of an article in scope that is or was ever published (a withdrawal is an edit too);
- a publication, and a scheduled article reaching its publication moment (no job needed: the query
  compares with the current time);
- an article leaving the scope or the readers' view: deleted, withdrawn, unpublished or moved
  (the number of visible articles changes);
- a rename of the scope object (it is in the feed title);
- a change of the code, templates or translations, or of ``EZINE_NAME``/``EZINE_TAGLINE``.

The article page's validator is its content (``respond_with_content_etag``).
"""

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.db.models import Count, Max, OuterRef, Subquery, Value
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from .models import EVER_PUBLISHED, Article, about, public_scopes, published_condition


@dataclass(frozen=True)
class Validator:
    """What a response's ``ETag`` and ``Last-Modified`` are made of.

    ``parts`` is everything the response depends on, ``timestamps`` the moments among them; the newest
    is the ``Last-Modified``. A deletion has no moment: it changes only the ``ETag``, which clients that
    send both headers compare first (RFC 9110).
    """

    parts: tuple
    timestamps: tuple = ()

    @property
    def etag(self):
        source = "\x1f".join(
            str(part)
            for part in (
                code_version(),
                settings.EZINE_NAME,
                settings.EZINE_TAGLINE,
                *self.parts,
                *self.timestamps,
            )
        )
        # Weak: the validator says "the same content", not "the same bytes".
        return f'W/"{hashlib.sha256(source.encode()).hexdigest()[:32]}"'

    @property
    def last_modified(self):
        moments = [moment for moment in self.timestamps if moment is not None]
        return max(moments) if moments else None


def respond(request, validator, render, max_age):
    """Return ``304 Not Modified`` if the request's validators match ``validator``, else ``render()``.

    Either way with ``ETag``, ``Last-Modified`` and ``Cache-Control: public, max-age=...``.
    """
    etag = validator.etag
    last_modified = validator.last_modified
    timestamp = int(last_modified.timestamp()) if last_modified else None
    response = get_conditional_response(request, etag=etag, last_modified=timestamp)
    if response is None:
        response = render()
    if response.status_code in (200, 304):
        response.headers["ETag"] = etag
        if timestamp is not None:
            response.headers["Last-Modified"] = http_date(timestamp)
        patch_cache_control(response, public=True, max_age=max_age)
    return response


@cache
def code_version():
    """Return a digest of what shapes pages and feeds besides the data: the Django version, and the Python
    code, templates and compiled translations of the project's own apps.

    Part of every validator, so that a deploy that changes the output makes clients fetch it again.
    """
    base = Path(settings.BASE_DIR)
    digest = hashlib.sha256(django.get_version().encode())
    folders = [Path(config.path) for config in apps.get_app_configs() if Path(config.path).parent == base]
    files = [file for folder in folders for file in folder.glob("**/*") if file.suffix in {".py", ".mo"}]
    files += base.joinpath("templates").glob("**/*.html")
    for file in sorted(files):
        digest.update(file.relative_to(base).as_posix().encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def change_aggregates():
    """Return the aggregates over a set of articles that change whenever what readers see of them changes.

    ``last_edit``: the newest edit of an article that is or was ever published (so it never goes back in
    time when an article is withdrawn); ``last_entry``: the newest publication moment that has passed (a
    scheduled article entering); ``entries``: how many articles readers may see (one deleted, withdrawn or
    moved out). Visibility is ``published()`` itself, the one definition.
    """
    # The condition itself, not "in the set of published articles": that set, all 93,000 of them at 100,000
    # articles, was read for every scope's feed (60-200 ms a request).
    visible = published_condition()
    return {
        "last_edit": Max("updated_at", filter=EVER_PUBLISHED),
        "last_entry": Max("published_at", filter=visible),
        "entries": Count("pk", filter=visible, distinct=True),
    }


def newest_edit_of(articles):
    """Return the newest edit of any of ``articles`` that is or was ever published, as a subquery that
    walks the ``updated_at`` index backwards (an aggregate would read every article)."""
    edited = articles.ever_published().order_by("-updated_at")
    return Subquery(edited.values("updated_at")[:1])


def articles_validator(key, articles):
    """Return the validator of a feed of ``articles`` that has no scope object (everything, one kind).

    The same aggregates as ``change_aggregates()``, each written so that PostgreSQL answers it from an
    index: over a whole archive an aggregate query would read every article on every poll.
    """
    published = articles.published()
    changes = (
        Article.objects.order_by()
        .values(
            last_edit=newest_edit_of(articles),
            last_entry=Subquery(published.order_by("-published_at").values("published_at")[:1]),
            entries=aggregate_of(published, Count("pk")),
        )
        .first()
    ) or {"last_edit": None, "last_entry": None, "entries": 0}
    return Validator(
        parts=(key, changes["entries"] or 0), timestamps=(changes["last_edit"], changes["last_entry"])
    )


def scope_validator(scope):
    """Return the validator of a feed about ``scope``, an object from ``scopes_with_changes()``."""
    return Validator(
        parts=(type(scope).__name__, scope.pk, scope.slug, str(scope), scope.entries),
        timestamps=(scope.last_edit, scope.last_entry, getattr(scope, "updated_at", None)),
    )


def scopes_with_changes(model):
    """Return the scope objects of ``model`` (a person, organisation, partnership, City Deal or tag), each
    annotated with ``change_aggregates()`` over its articles: the scope lookup and its validator in one query.
    """
    articles = articles_about(model)
    return public_scopes(model).annotate(
        **{name: aggregate_of(articles, aggregate) for name, aggregate in change_aggregates().items()}
    )


def articles_about(model):
    """Return the articles about the ``model`` object of the enclosing query (``in_scope()`` as subquery)."""
    return Article.objects.filter(about(model, OuterRef("pk")))


def aggregate_of(queryset, aggregate):
    """Return ``aggregate`` over all of ``queryset`` as a scalar subquery (grouped by a constant: one row)."""
    grouped = queryset.order_by().annotate(_all=Value(1)).values("_all")
    return Subquery(grouped.annotate(value=aggregate).values("value"))


def respond_with_content_etag(request, response, max_age):
    """Return ``response`` (rendered) with an ``ETag`` made of its content, or ``304 Not Modified`` when the
    request's ``If-None-Match`` matches it.

    For the article page, which shows more than any aggregate could follow (tag names, the people linked,
    the "read also" choice): the page itself is the validator. A revalidation renders it, unless the page
    cache answers with the stored copy and its tag, which costs no SQL.
    """
    if response.status_code != 200:
        return response
    etag = f'W/"{hashlib.sha256(response.content).hexdigest()[:32]}"'
    response.headers["ETag"] = etag
    patch_cache_control(response, public=True, max_age=max_age)
    return get_conditional_response(request, etag=etag, response=response)
