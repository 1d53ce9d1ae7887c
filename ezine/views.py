import logging
import uuid

from django.conf import settings
from django.contrib.contenttypes import views as contenttypes_views
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import DatabaseError, OperationalError, connection
from django.db.models import Max, Min
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.timezone import localtime
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView
from taggit.models import Tag

from articles.feeds import feed_urls
from articles.models import Article, listing_keys, set_key_of
from core import dependencies, fragments, seo
from core.views import permanent_redirect_with
from ezine import edge, pagecache
from ezine.middleware import statement_timed_out
from people.models import CityDeal, Partnership
from search import search
from search.forms import SearchForm
from search.limits import search_slot
from search.query import OLD_KIND_SPELLINGS, suggestions, topics

logger = logging.getLogger(__name__)

HOME_ARTICLES = 7
SEARCH_RESULTS_PER_PAGE = settings.ARTICLES_PER_PAGE
LATEST_WHEN_NOTHING_FOUND = 5


class HomeView(TemplateView):
    """The newest articles with the popular topics, and the partnerships and City Deals under way: two
    fragments (``core.fragments``), since each changes when the other does not."""

    template_name = "ezine/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **fragments.cached(self.request, "home:latest", self.latest),
            programmes=fragments.cached(self.request, "home:programmes", self.programmes),
            structured_data=seo.website(self.request),
            feeds=feed_urls("articles:feed"),
            **kwargs,
        )

    def latest(self):
        published = Article.objects.published()
        articles = list(published.for_listing()[:HOME_ARTICLES])
        # The popular topics: chosen among the tags of the newest articles (any set of a tag), by count and
        # then by name: a rename of any tag may change them (``tag:*``).
        popular_tags = list(published.popular_tags())
        keys = [
            *listing_keys([None], articles),
            set_key_of(Tag),
            dependencies.model_key(Tag, dependencies.EVERY),
        ]
        dependencies.depends_on(self.request, *keys)
        context = {"lead_article": articles[0] if articles else None, "articles": articles[1:]}
        return {
            "latest": render_to_string("ezine/home_latest.html", context),
            "topics": render_to_string("ezine/home_topics.html", {"popular_tags": popular_tags}),
        }

    def programmes(self):
        dependencies.depends_on(self.request, dependencies.ANY)
        context = {
            "partnerships": Partnership.objects.exclude(status=Partnership.Status.COMPLETED),
            "city_deals": CityDeal.objects.exclude(phase=CityDeal.Phase.COMPLETED),
        }
        return render_to_string("ezine/home_programmes.html", context)


@require_safe
def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; send them to the static icon."""
    return redirect(static("ezine/favicon.png"), permanent=True)


def publication_years(articles):
    """Return the years from the newest to the oldest of ``articles``, from two index lookups."""
    span = articles.aggregate(first=Min("published_at"), last=Max("published_at"))
    if span["first"] is None:
        return []
    return list(range(localtime(span["last"]).year, localtime(span["first"]).year - 1, -1))


class SearchView(TemplateView):
    """``/zoeken/?q=``: results of all kinds, filterable by kind, topic and year; never an error page."""

    template_name = "ezine/search.html"

    def get(self, request, *args, **kwargs):
        if new_name := OLD_KIND_SPELLINGS.get(request.GET.get("soort", "")):
            return permanent_redirect_with(request, soort=new_name)
        if request.GET.get("q"):
            with search_slot() as free:
                if not free:
                    # As many searches as may run at once are running: say so now rather than queue.
                    form = SearchForm(request.GET)
                    context = {"form": form, "query": form.value("q") or "", "busy": True}
                    response = render(request, self.template_name, context, status=503)
                    response["Retry-After"] = "5"
                    return response
                return self.answer(request, *args, **kwargs)
        return self.answer(request, *args, **kwargs)

    def answer(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs).render()
        except OperationalError as error:
            if not statement_timed_out(error):
                raise
            # A search so broad that the database gave up: say so, rather than hold the worker.
            logger.warning("Search cancelled by the statement time limit: %r", request.GET.get("q", "")[:200])
            form = SearchForm(request.GET)
            context = {"form": form, "query": form.value("q") or "", "too_broad": True}
            return render(request, self.template_name, context, status=503)

    def get_context_data(self, **kwargs):
        # What a search may find: any article (an edit can change which searches match it), the people,
        # organisations, programmes and tags (``ANY``).
        dependencies.depends_on(
            self.request, dependencies.ANY, dependencies.model_key(Article, dependencies.EVERY)
        )
        form = SearchForm(self.request.GET)
        query, tag_slug = form.value("q") or "", form.value("tag")
        tag = Tag.objects.filter(slug=tag_slug).first() if tag_slug else None
        # An unknown topic is passed on as its slug: it finds nothing, rather than everything.
        results = search(query, kind=form.value("soort"), tag=tag or tag_slug, year=form.value("jaar"))
        page = results.page(self.request.GET.get("page"), SEARCH_RESULTS_PER_PAGE)
        published = Article.objects.published()
        context = {
            "form": form,
            "query": query,
            "searched": bool(results.parsed),
            "results_capped": results.capped,
            "current_tag": tag,
            "years": publication_years(published),
            "topics": topics(page.object_list, tag),
            "page_obj": page,
            "paginator": page.paginator,
            "is_paginated": page.has_other_pages(),
            "results": page.object_list,
        }
        if not page.object_list:
            context["suggestions"] = suggestions(results.parsed)
            context["latest_articles"] = published.for_listing()[:LATEST_WHEN_NOTHING_FOUND]
        return super().get_context_data(**context, **kwargs)


@require_safe
@never_cache
def healthz(request):
    """Tell the load balancer whether the database and the cache answer; say nothing else."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except DatabaseError:
        logger.exception("Health check: database unreachable")
        checks["database"] = "error"
    try:
        key = f"healthz:{uuid.uuid4().hex}"
        cache.set(key, "1", timeout=10)
        checks["cache"] = "ok" if cache.get(key) == "1" else "error"
        cache.delete(key)
    except Exception:  # any backend error (Redis down, ...) means the cache is not healthy
        logger.exception("Health check: cache unreachable")
        checks["cache"] = "error"
    if checks["cache"] == "ok" and checks["database"] == "ok":
        # Changes saved while the cache was away make the cached pages stale now (pagecache's outbox).
        try:
            pagecache.drain_outbox()
        except pagecache.CACHE_ERRORS:
            logger.exception("Health check: the page cache outbox could not be drained")
            checks["cache"] = "error"
    if edge.enabled() and checks["database"] == "ok":
        # Reported, not fatal: an edge that cannot be purged is no reason to take this server out of use.
        try:
            pagecache.drain_edge_outbox()
            checks["edge"] = "ok"
        except OSError:
            logger.exception("Health check: the edge cache could not be purged")
            checks["edge"] = "error"
    healthy = checks["database"] == "ok" and checks["cache"] == "ok"
    return JsonResponse({"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503)


def view_on_site(request, content_type_id, object_id):
    """The admin's "view on site" shortcut (``/admin/r/…``), for staff who may see the object: others get
    404, so the shortcut tells them nothing (not even a draft's slug). An unpublished article opens its
    preview, since its own address answers 404."""
    try:
        content_type = ContentType.objects.get_for_id(content_type_id)
    except ContentType.DoesNotExist as error:
        raise Http404 from error
    label, name = content_type.app_label, content_type.model
    if not (request.user.has_perm(f"{label}.view_{name}") or request.user.has_perm(f"{label}.change_{name}")):
        raise Http404
    if content_type.model_class() is Article:
        try:
            article = Article.objects.filter(pk=object_id).first()
        except (ValueError, ValidationError):
            article = None
        if article is None:
            raise Http404
        if not article.is_published:
            return redirect("admin:articles_article_preview", article.pk)
    return contenttypes_views.shortcut(request, content_type_id, object_id)
