from django.conf import settings
from django.core import signing
from django.core.validators import slug_re
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.text import capfirst
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView
from django.views.generic.detail import SingleObjectMixin
from taggit.models import Tag

from core import dependencies, fragments
from core import seo as core_seo
from core.pagination import DeferredJoinPaginator
from core.views import KindFilterMixin
from people import seo as people_seo
from people.models import CityDeal, Organisation, Partnership, Person
from people.views import participants

from . import preview, seo, timeline
from .feeds import feed_catalogue, feed_urls
from .models import (
    Article,
    PreviewRevocation,
    article_page_keys,
    detail_links,
    listing_keys,
    public_scopes,
    set_key_of,
)


class ListedArticlesMixin:
    """Records the keys of the page of articles a list view shows (``listing_keys``): its ``object_list``,
    drawn from the sets of ``listed_from()``, and ``page_keys``, what else the page shows."""

    page_keys = ()

    def listed_from(self):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        keys = listing_keys(self.listed_from(), context["object_list"])
        dependencies.depends_on(self.request, *keys, *self.page_keys)
        return context


class ArticleListView(KindFilterMixin, ListedArticlesMixin, ListView):
    """All published articles, newest first, filterable by kind (``?soort=``) and tag (``?tag=``)."""

    template_name = "articles/article_list.html"
    kinds = Article.Kind
    paginate_by = settings.ARTICLES_PER_PAGE
    paginator_class = DeferredJoinPaginator

    def get_queryset(self):
        articles = self.filter_by_kind(Article.objects.published().for_listing())
        tag_slug = self.request.GET.get("tag", "")
        # Only a well-formed slug reaches the database (PostgreSQL refuses text with NUL in it).
        self.tag = Tag.objects.filter(slug=tag_slug).first() if slug_re.match(tag_slug) else None
        if self.tag:
            articles = articles.in_scope(self.tag)
        elif tag_slug:
            articles = articles.none()
        return articles

    def listed_from(self):
        """Return the sets listed: of the kind and of the tag asked for (a tag that does not exist yet: of
        any tag), or all articles."""
        tag = self.tag or (Tag if self.request.GET.get("tag") else None)
        return [scope for scope in (self.kind, tag) if scope is not None] or [None]

    def get_context_data(self, **kwargs):
        if self.tag:
            feeds, feed_scope = feed_urls("articles:tag_feed", slug=self.tag.slug), self.tag.name
        elif self.kind:
            feeds, feed_scope = feed_urls("articles:kind_feed", kind=self.kind), self.kind.section_title
        else:
            feeds, feed_scope = feed_urls("articles:feed"), None
        return super().get_context_data(current_tag=self.tag, feeds=feeds, feed_scope=feed_scope, **kwargs)


class ArticleDetailView(DetailView):
    """One published article; its validators come from the keys of what it shows (``ezine.pagecache``).

    All but the page's frame is one fragment (``core.fragments``) under the keys of the article, its links
    and its "read also": kept, the page costs one query.
    """

    template_name = "articles/article_detail.html"

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=settings.ARTICLE_MAX_AGE)
        return response

    def get_queryset(self):
        return Article.objects.published().select_related("partnership", "city_deal")

    def get_context_data(self, **kwargs):
        article = self.object

        def render_article():
            prefetch_related_objects([article], *detail_links())
            context = article_context(self.request, article)
            shown = [*context.pop("related_articles"), *article.related.all()]
            dependencies.depends_on(self.request, *article_page_keys(article, shown))
            return context

        context = fragments.cached(self.request, f"article:{article.pk}", render_article)
        return super().get_context_data(**context, **kwargs)


def article_context(request, article):
    """Return what the article page shows (also used by previews): ``content``, the article with what it
    links to, and what the page's head says of it."""
    related = Article.objects.related_to(article)
    return {
        "content": render_to_string(
            "articles/article_content.html", {"article": article, "related_articles": related}
        ),
        "related_articles": related,
        "structured_data": [
            seo.article(request, article),
            page_breadcrumbs(request, "articles:list", Article._meta.verbose_name_plural, article),
        ],
        "og_image": core_seo.image_url(request, article.hero_picture),
    }


def page_breadcrumbs(request, overview, overview_name, obj):
    """Return the ``BreadcrumbList`` of the page of ``obj``: home, its overview, itself."""
    trail = [(settings.EZINE_NAME, reverse("home")), (capfirst(overview_name), reverse(overview))]
    return core_seo.breadcrumbs(request, [*trail, (str(obj), obj.get_absolute_url())])


def render_preview(request, article, shared=False):
    """Return the article rendered exactly as readers will see it, marked as a preview."""
    context = {
        "article": article,
        "object": article,
        "preview": True,
        "shared_preview": shared,
        **article_context(request, article),
    }
    return preview.noindex(render(request, "articles/article_detail.html", context))


class ScopedArticleListView(ListedArticlesMixin, SingleObjectMixin, ListView):
    """A page about one object (a person, a tag, a City Deal, ...) with its published articles, newest first.

    Subclasses set ``model`` (or ``scope_queryset``), ``template_name``, ``overview`` (the URL name of the
    list it belongs to) and ``feed_name``, the URL name of the scope's RSS feed (its Atom and JSON feeds
    are that name plus ``_atom`` and ``_json``); ``describe()`` gives its JSON-LD and ``image()`` its
    picture for social media.
    """

    paginate_by = settings.ARTICLES_PER_PAGE
    scope_queryset = None
    feed_name = None
    overview = None
    # The object's people, organisation, programmes and milestones: what has no keys of its own.
    page_keys = (dependencies.ANY,)

    def get(self, request, *args, **kwargs):
        self.object = self.get_object(queryset=self.get_scope_queryset())
        return super().get(request, *args, **kwargs)

    def get_scope_queryset(self):
        return self.scope_queryset.all() if self.scope_queryset is not None else public_scopes(self.model)

    def get_queryset(self):
        return Article.objects.published().in_scope(self.object).for_listing()

    def listed_from(self):
        return [self.object]

    def get_context_data(self, **kwargs):
        name = self.object._meta.verbose_name_plural
        return super().get_context_data(
            object=self.object,
            feeds=feed_urls(self.feed_name, slug=self.object.slug),
            structured_data=[
                self.describe(),
                page_breadcrumbs(self.request, self.overview, name, self.object),
            ],
            og_image=core_seo.image_url(self.request, self.image()),
            **kwargs,
        )

    def describe(self):
        raise NotImplementedError

    def image(self):
        return None


class TagDetailView(ScopedArticleListView):
    model = Tag
    template_name = "articles/tag_detail.html"
    feed_name = "articles:tag_feed"
    overview = "articles:tag_list"
    page_keys = ()  # the tag's name and articles, nothing else

    def describe(self):
        return seo.topic(self.request, self.object)


people_with_organisation = Prefetch("contacts", queryset=Person.objects.select_related("organisation"))


class PersonDetailView(ScopedArticleListView):
    scope_queryset = Person.objects.select_related("organisation")
    template_name = "people/person_detail.html"
    feed_name = "people:person_feed"
    overview = "people:person_list"

    def describe(self):
        return people_seo.person(self.request, self.object)

    def image(self):
        return self.object.portrait_picture


class OrganisationDetailView(ScopedArticleListView):
    scope_queryset = Organisation.objects.prefetch_related("people")
    template_name = "people/organisation_detail.html"
    feed_name = "people:organisation_feed"
    overview = "people:organisation_list"

    def describe(self):
        return people_seo.organisation(self.request, self.object)

    def image(self):
        return self.object.logo_picture


class ProgrammeDetailView(ScopedArticleListView):
    """A partnership or City Deal: its participants, its timeline (the current phase stated) and articles."""

    def get_context_data(self, **kwargs):
        entries, phase = timeline.programme_timeline(self.object)
        dependencies.depends_on(self.request, *timeline.timeline_keys(entries))
        name = self.request.resolver_match.url_name.removesuffix("_detail")
        return super().get_context_data(
            timeline=entries,
            phase=phase,
            milestone_feeds=feed_urls(f"people:{name}_milestone_feed", slug=self.object.slug),
            **kwargs,
        )

    def describe(self):
        return people_seo.programme(self.request, self.object)


class PartnershipDetailView(ProgrammeDetailView):
    scope_queryset = Partnership.objects.prefetch_related(participants, people_with_organisation)
    template_name = "people/partnership_detail.html"
    feed_name = "people:partnership_feed"
    overview = "people:partnership_list"


class CityDealDetailView(ProgrammeDetailView):
    scope_queryset = CityDeal.objects.prefetch_related(participants, people_with_organisation)
    template_name = "people/citydeal_detail.html"
    feed_name = "people:citydeal_feed"
    overview = "people:citydeal_list"


class TimelineView(TemplateView):
    """Every programme's milestones on one timeline, filtered by topic, kind of programme or organisation."""

    template_name = "articles/timeline.html"

    def get(self, request, *args, **kwargs):
        self.filters = timeline.Filters.from_query(request.GET)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        entries = timeline.all_programmes_timeline(self.filters)
        dependencies.depends_on(self.request, dependencies.ANY, *timeline.timeline_keys(entries))
        return super().get_context_data(
            filters=self.filters,
            entries=entries,
            tags=timeline.programme_tags().order_by("name"),
            organisations=timeline.participating_organisations().only("name", "slug"),
            kinds=[
                (slug, model._meta.verbose_name_plural) for slug, model in timeline.PROGRAMME_KINDS.items()
            ],
            feeds=feed_urls("articles:milestone_feed"),
            **kwargs,
        )


class TagListView(ListView):
    """The tags in use on published articles, most used first."""

    template_name = "articles/tag_list.html"
    paginate_by = 100

    def get_queryset(self):
        # Which tags the newest articles carry: any tag's set of articles, and their order.
        dependencies.depends_on(self.request, dependencies.ANY, set_key_of(None), set_key_of(Tag))
        return Article.objects.published().popular_tags(limit=None)


class SharedPreviewView(View):
    """A signed, expiring, read-only link to an unpublished article, for interviewees to check quotes."""

    def get(self, request, token):
        try:
            article_id, made = preview.read_token(token)
        except signing.SignatureExpired:
            return preview.render_unavailable(request, "expired")
        except signing.BadSignature as error:
            raise Http404 from error
        article = get_object_or_404(Article.objects.for_detail(), pk=article_id)
        if article.has_reached_readers:  # dead from then on, even if it is withdrawn later
            return preview.render_unavailable(request, "published", article)
        if PreviewRevocation.objects.filter(article=article, revoked_at__gte=made).exists():
            return preview.render_unavailable(request, "revoked")
        return render_preview(request, article, shared=True)


class FeedListView(TemplateView):
    """Every feed, with its address to copy into a feed reader."""

    template_name = "articles/feed_list.html"

    def get_context_data(self, **kwargs):
        # The feeds of people and programmes, and of the tags of published articles: any tag's set.
        dependencies.depends_on(self.request, dependencies.ANY, set_key_of(Tag))
        return super().get_context_data(
            groups=feed_catalogue(self.request), feed_length=settings.FEED_LENGTH, **kwargs
        )
