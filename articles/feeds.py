from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from taggit.models import Tag

from .models import Article


class ArticleFeed(Feed):
    """The latest published articles, of the whole e-zine or of one scope (a tag, person, City Deal, ...).

    One instance serves one scope model and one format: ``ArticleFeed()`` is the RSS feed of everything,
    ``ArticleFeed(scope_model=CityDeal, feed_type=Atom1Feed)`` the Atom feed of one City Deal.
    """

    language = "nl"

    def __init__(self, scope_model=None, feed_type=Rss201rev2Feed):
        self.scope_model = scope_model
        self.feed_type = feed_type

    def get_object(self, request, slug=None):
        if self.scope_model is None:
            return None
        return get_object_or_404(self.scope_model, slug=slug)

    def title(self, obj):
        if obj is None:
            return settings.EZINE_NAME
        return f"{settings.EZINE_NAME} — {obj}"

    def description(self, obj):
        if obj is None:
            return settings.EZINE_TAGLINE
        return _("The latest articles about %(scope)s") % {"scope": obj}

    def subtitle(self, obj):
        return self.description(obj)

    def link(self, obj):
        if obj is None:
            return reverse("home")
        if isinstance(obj, Tag):
            return reverse("articles:tag_detail", kwargs={"slug": obj.slug})
        return obj.get_absolute_url()

    def items(self, obj):
        return Article.objects.published().in_scope(obj).for_listing()[: settings.FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.published_at)

    def item_author_name(self, item):
        return ", ".join(person.name for person in item.people.all()) or None

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


def scoped_feed_urls(prefix, name, scope_model):
    """Return the RSS and Atom URL patterns of one kind of scope, e.g. ``personen/<slug>/feed/``."""
    return [
        path(f"{prefix}/<slug:slug>/feed/", ArticleFeed(scope_model=scope_model), name=f"{name}_feed"),
        path(
            f"{prefix}/<slug:slug>/feed/atom/",
            ArticleFeed(scope_model=scope_model, feed_type=Atom1Feed),
            name=f"{name}_feed_atom",
        ),
    ]
