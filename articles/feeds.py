"""Feeds of the latest published articles, for everything, each kind of article, and each tag, person,
organisation, partnership and City Deal, in RSS 2.0, Atom 1.0 and JSON Feed 1.1.

One ``ArticleFeed`` class (Django's syndication framework) serves every scope and format; the format is
its ``feed_type``, one of the three generators below. Every feed answers conditional GETs, by the keys of
what it shows (``ezine.pagecache``): a poll costs no SQL.
"""

import copy
import datetime
import json
import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.http.request import split_domain_port
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed, SyndicationFeed, rfc3339_date
from django.utils.html import escape
from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.utils.xmlutils import SimplerXMLGenerator
from taggit.models import Tag

from core import dependencies
from people.models import CityDeal, Organisation, Partnership, Person

from . import richtext
from .models import Article, Milestone, listing_keys, public_scopes

# Characters XML 1.0 cannot carry (the C0 controls but tab, newline and carriage return; U+FFFE, U+FFFF;
# lone surrogates), the C1 controls it discourages and U+FFFD, the mark of text lost to a wrong encoding
# (the W3C validator flags both). Dropped from every text of every format.
UNSAFE_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffd-\uffff]")


def clean_text(value):
    """Return ``value`` without the characters XML 1.0 forbids; lists are cleaned item by item."""
    if isinstance(value, str):
        return UNSAFE_CHARACTERS.sub("", value)
    if isinstance(value, list | tuple):
        return [clean_text(item) for item in value]
    return value


class CleanTextFeed:
    """Drops what XML 1.0 cannot carry from every text of the feed and its items (so that no title can break
    a feed, and every format carries the same text)."""

    def __init__(self, **kwargs):
        super().__init__(**{key: clean_text(value) for key, value in kwargs.items()})

    def add_item(self, **kwargs):
        super().add_item(**{key: clean_text(value) for key, value in kwargs.items()})


class RssXmlGenerator(SimplerXMLGenerator):
    """Writes "&", "<" and ">" in the plain-text elements of RSS as hexadecimal character references, as the
    RSS Profile recommends: then no reader can take a title such as "Steden <samen>" for HTML.

    Django's own generator writes ``&amp;`` and ``&lt;``, which the W3C validator flags (CharacterData), and
    its ``Rss201rev2Feed.write()`` has no hook for another one: hence this class and ``RssFeed.write()``.
    """

    plain_text = {("channel", "title"), ("channel", "description"), ("item", "title")}
    plain_text |= {("item", "category"), ("item", "dc:creator")}
    references = str.maketrans({"&": "&#x26;", "<": "&#x3C;", ">": "&#x3E;"})

    def startDocument(self):
        super().startDocument()
        self.open_elements = [None]

    def startElement(self, name, attrs):
        super().startElement(name, attrs)
        self.open_elements.append(name)

    def endElement(self, name):
        super().endElement(name)
        self.open_elements.pop()

    def characters(self, content):
        if tuple(self.open_elements[-2:]) in self.plain_text:
            self.ignorableWhitespace(content.translate(self.references))  # written as it is
        else:
            super().characters(content)


class RssFeed(CleanTextFeed, Rss201rev2Feed):
    """RSS 2.0, with the full text in ``content:encoded`` and each author in a ``dc:creator``."""

    def write(self, outfile, encoding):
        handler = RssXmlGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        handler.startElement("rss", self.rss_attributes())
        handler.startElement("channel", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        self.endChannelElement(handler)
        handler.endElement("rss")

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
            "xmlns:dc": "http://purl.org/dc/elements/1.1/",
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item["authors"]:
            # One element naming them all: readers such as newsboat show only the last of several.
            handler.addQuickElement("dc:creator", get_text_list(item["authors"], _("and")))
        if item["updateddate"] is not None:  # RSS has no date of change of its own
            handler.addQuickElement("atom:updated", rfc3339_date(item["updateddate"]))
        handler.addQuickElement("content:encoded", item["content"])


class AtomFeed(CleanTextFeed, Atom1Feed):
    """Atom 1.0, with the full text in ``<content type="html">`` and each author in an ``<author>``."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")
        handler.addQuickElement("content", item["content"], {"type": "html"})


class JsonFeed(CleanTextFeed, SyndicationFeed):
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), filled by the same ``Feed`` as RSS and Atom."""

    content_type = "application/feed+json; charset=utf-8"
    version = "https://jsonfeed.org/version/1.1"

    def write(self, outfile, encoding):
        outfile.write(json.dumps(self.as_dict(), ensure_ascii=False, separators=(",", ":")))

    def as_dict(self):
        feed = self.feed
        author = {"name": feed["author_name"], "url": feed["author_link"]}
        return without_none(
            {
                "version": self.version,
                "title": feed["title"],
                "home_page_url": feed["link"],
                "feed_url": feed["feed_url"],
                "description": feed["description"],
                "language": feed["language"],
                "authors": [without_none(author)] if feed["author_name"] else None,
                "items": [self.item_as_dict(item) for item in self.items],
            }
        )

    def item_as_dict(self, item):
        return without_none(
            {
                "id": item["unique_id"],
                "url": item["link"],
                "title": item["title"],
                "summary": item["summary"],
                "content_html": item["content"],
                "image": item["image"],
                "date_published": rfc3339_date(item["pubdate"]) if item["pubdate"] else None,
                "date_modified": rfc3339_date(item["updateddate"]) if item["updateddate"] else None,
                "authors": [{"name": name} for name in item["authors"]] or None,
                "tags": list(item["categories"]) or None,
            }
        )


def without_none(values):
    return {key: value for key, value in values.items() if value is not None}


# What an entry names besides the article's own fields: its byline (authors) and tags (categories).
FEED_RELATIONS = ("authors", "tags")

# The formats every feed comes in: key, URL name suffix, generator, label.
FORMATS = [
    ("rss", "", RssFeed, "RSS"),
    ("atom", "_atom", AtomFeed, "Atom"),
    ("json", "_json", JsonFeed, "JSON Feed"),
]


class SectionConverter:
    """A kind of article in a feed URL, by its name in addresses: ``interviews``, ``nieuws``, ..."""

    regex = "|".join(kind.slug for kind in Article.Kind)

    def to_python(self, value):
        return Article.Kind.from_slug(value)

    def to_url(self, value):
        return Article.Kind(value).slug


class ScopedFeed(Feed):
    """A Dutch feed of one kind of scope (``scope_model``; ``None``: everything) in one format."""

    language = "nl"
    item_guid_is_permalink = False

    def __init__(self, scope_model=None, feed_type=RssFeed):
        self.scope_model = scope_model
        self.feed_type = feed_type
        self.request = None

    def __call__(self, request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        # One copy per request, as class-based views make, so the item methods can build absolute URLs.
        feed = copy.copy(self)
        feed.request = request
        return feed.respond(*args, **kwargs)


class ArticleFeed(ScopedFeed):
    """The latest published articles of one scope, in one format.

    One instance serves one kind of scope and one format: ``ArticleFeed()`` is the RSS feed of everything
    (or, given a ``kind`` URL argument, of one kind of article), ``ArticleFeed(scope_model=CityDeal,
    feed_type=JsonFeed)`` the JSON Feed of one City Deal. The scope is ``None`` (everything), an
    ``Article.Kind``, or what ``Article.objects.in_scope()`` takes.
    """

    def respond(self, *args, **kwargs):
        scope = self.get_object(self.request, *args, **kwargs)
        feed = self.get_feed(scope, self.request)
        # Written to a string first: writing each of its thousands of pieces to the response costs more.
        response = HttpResponse(feed.writeString("utf-8"), content_type=feed.content_type)
        patch_cache_control(response, public=True, max_age=settings.FEED_MAX_AGE)
        return response

    def get_object(self, request, slug=None, kind=None):
        """Return the scope: ``None``, a kind, or the object ``slug`` names."""
        if self.scope_model is None:
            return kind
        scope = public_scopes(self.scope_model).filter(slug=slug).first()
        if scope is None:
            raise Http404(_("There is no feed at this address."))
        return scope

    def articles(self, scope):
        """Return the articles about ``scope``, whatever their status."""
        return Article.objects.in_scope(scope)

    def absolute(self, url):
        return self.request.build_absolute_uri(url)

    def title(self, scope):
        if scope is None:
            return settings.EZINE_NAME
        return f"{settings.EZINE_NAME} — {scope_name(scope)}"

    def description(self, scope):
        if scope is None:
            return settings.EZINE_TAGLINE
        if isinstance(scope, Article.Kind):
            return _("The latest articles in the section %(section)s") % {"section": scope_name(scope)}
        return _("The latest articles about %(scope)s") % {"scope": scope}

    def subtitle(self, scope):
        return self.description(scope)

    def link(self, scope):
        return scope_link(scope)

    def author_name(self):
        return settings.EZINE_NAME

    def author_link(self):
        return self.absolute(reverse("home"))

    def ttl(self):
        return settings.FEED_MAX_AGE // 60

    def items(self, scope):
        articles = self.articles(scope).published().for_listing().prefetch_related("authors")
        articles = list(articles[: settings.FEED_LENGTH])
        dependencies.depends_on(self.request, *listing_keys([scope], articles, FEED_RELATIONS))
        return articles

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # The lead is plain text; RSS and Atom carry the description as HTML.
        return escape(item.lead)

    def item_guid(self, item):
        """Return a ``tag:`` URI from the primary key and the date of first publication: it survives any
        change of title or slug, and is the same in every feed the article is in."""
        first_published = (item.first_published_at or item.published_at).astimezone(datetime.UTC)
        return f"tag:{self.id_domain()},{first_published:%Y-%m-%d}:article:{item.pk}"

    def id_domain(self):
        return settings.EZINE_FEED_ID_DOMAIN or split_domain_port(self.request.get_host())[0]

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_modified

    def item_categories(self, item):
        return sorted(tag.name for tag in item.tags.all())

    def item_enclosures(self, item):
        """Return the largest rendition of the main image (never the original), with its size in bytes and
        type; none when it has no file (yet)."""
        picture = item.hero_picture
        if picture is None:
            return []
        try:
            length = picture.file.storage.size(picture.file.name)
        except (OSError, ValueError):
            return []
        return [Enclosure(self.absolute(picture.src), str(length), picture.type)]

    def item_authors(self, item):
        """Return the names in the byline, as the article's page shows them (who is interviewed or
        featured is no author)."""
        return [person.name for person in item.authors.all()]

    def item_extra_kwargs(self, item):
        return {
            "summary": item.lead,
            "content": richtext.sanitise(item.body, base_url=self.absolute(item.get_absolute_url()))
            or escape(item.lead),
            "authors": self.item_authors(item),
            "image": self.absolute(item.hero_picture.src) if item.hero_image else None,
        }


def scope_name(scope):
    """Return the name of a feed's scope as its title shows it (a kind: the title of its section)."""
    return str(getattr(scope, "section_title", scope))


def scope_link(scope):
    """Return the path of the page that shows the articles of a feed's scope."""
    return reverse("home") if scope is None else scope.get_absolute_url()


def format_urls(routes, name, scope_model=None):
    """Return one URL pattern per format; ``routes`` are the RSS, Atom and JSON Feed routes, in that order."""
    return [
        path(route, ArticleFeed(scope_model=scope_model, feed_type=feed_type), name=f"{name}{suffix}")
        for route, (_key, suffix, feed_type, _label) in zip(routes, FORMATS, strict=True)
    ]


def scoped_feed_urls(prefix, name, scope_model):
    """Return the feed URL patterns of one kind of scope: ``personen/<slug>/feed/`` (RSS), ``…/feed/atom/``
    and ``…/feed/json/``, named ``<name>_feed``, ``<name>_feed_atom`` and ``<name>_feed_json``."""
    route = f"{prefix}/<slug:slug>/feed/"
    return format_urls([route, f"{route}atom/", f"{route}json/"], f"{name}_feed", scope_model)


def feed_urls(name, **kwargs):
    """Return the paths of one feed in every format: ``{"rss": ..., "atom": ..., "json": ...}``."""
    return {key: reverse(f"{name}{suffix}", kwargs=kwargs) for key, suffix, _feed_type, _label in FORMATS}


# A group of the feeds page lists at most this many feeds (three addresses each); a larger archive's people
# or organisations made the page megabytes. Every scope's page links its own feeds.
FEED_CATALOGUE_LIMIT = 250
TOO_MANY_TO_LIST = gettext_lazy(
    "There are too many to list here: the page of each has its own feeds, under “Follow via RSS”."
)


def feed_catalogue(request):
    """Return every feed, for the feeds page: a list of groups ``{"title", "feeds"}`` (and an optional
    ``"note"``), each feed ``{"title", "page", "urls": [(format label, absolute URL), ...]}``."""

    def feed(scope, name, **kwargs):
        urls = [
            (label, request.build_absolute_uri(reverse(f"{name}{suffix}", kwargs=kwargs)))
            for _key, suffix, _feed_type, label in FORMATS
        ]
        title = settings.EZINE_NAME if scope is None else scope_name(scope)
        return {"title": title, "page": scope_link(scope), "urls": urls}

    def group(title, scopes, name):
        """A group of scope feeds, or only a note when there are too many to list."""
        scopes = list(scopes[: FEED_CATALOGUE_LIMIT + 1])
        if len(scopes) > FEED_CATALOGUE_LIMIT:
            return {"title": title, "feeds": [], "note": TOO_MANY_TO_LIST}
        return {"title": title, "feeds": [feed(scope, name, slug=scope.slug) for scope in scopes]}

    def milestones(title, page, name, **kwargs):
        urls = [
            (label, request.build_absolute_uri(reverse(f"{name}{suffix}", kwargs=kwargs)))
            for _key, suffix, _feed_type, label in FORMATS
        ]
        return {"title": title, "page": page, "urls": urls}

    def programme_milestones(scope, name):
        return milestones(
            str(scope), scope.get_absolute_url(), f"people:{name}_milestone_feed", slug=scope.slug
        )

    tags = Tag.objects.filter(articles_taggedarticle_items__content_object__in=Article.objects.published())
    partnerships, deals = list(Partnership.objects.all()), list(CityDeal.objects.all())
    return [
        {"title": _("All articles"), "feeds": [feed(None, "articles:feed")]},
        {
            "title": _("Sections"),
            "feeds": [feed(kind, "articles:kind_feed", kind=kind) for kind in Article.Kind],
        },
        group(_("Partnerships"), partnerships, "people:partnership_feed"),
        group(_("City Deals"), deals, "people:citydeal_feed"),
        group(_("People"), Person.objects.all(), "people:person_feed"),
        group(_("Organisations"), Organisation.objects.all(), "people:organisation_feed"),
        group(_("Topics"), tags.distinct().order_by("name"), "articles:tag_feed"),
        {
            "title": _("Milestones"),
            "note": _("These feeds hold the latest milestones of the programmes instead of articles."),
            "feeds": [
                milestones(_("All programmes"), reverse("articles:timeline"), "articles:milestone_feed"),
                *(programme_milestones(partnership, "partnership") for partnership in partnerships),
                *(programme_milestones(deal, "citydeal") for deal in deals),
            ],
        },
    ]


class MilestoneFeed(ScopedFeed):
    """The milestones of every programme, or of one partnership or City Deal, newest first, in one format.

    Only milestones whose date has come; an entry's date is the milestone's (at midnight), its update the
    moment an editor last changed it.
    """

    def respond(self, *args, **kwargs):
        response = Feed.__call__(self, self.request, *args, **kwargs)
        response["Cache-Control"] = f"public, max-age={settings.FEED_MAX_AGE}"
        return response

    def get_object(self, request, slug=None):
        if self.scope_model is None:
            return None
        scope = self.scope_model.objects.filter(slug=slug).first()
        if scope is None:
            raise Http404(_("There is no feed at this address."))
        return scope

    def title(self, scope):
        name = _("Milestones") if scope is None else _("Milestones of %(programme)s") % {"programme": scope}
        return f"{settings.EZINE_NAME} — {name}"

    def description(self, scope):
        if scope is None:
            return _("The milestones of the partnerships and City Deals")
        return _("The milestones of %(programme)s") % {"programme": scope}

    def subtitle(self, scope):
        return self.description(scope)

    def link(self, scope):
        return reverse("articles:timeline") if scope is None else scope.get_absolute_url()

    def author_name(self):
        return settings.EZINE_NAME

    def author_link(self):
        return self.request.build_absolute_uri(reverse("home"))

    def ttl(self):
        return settings.FEED_MAX_AGE // 60

    def items(self, scope):
        milestones = Milestone.objects.reached().select_related("partnership", "city_deal")
        if scope is not None:
            milestones = milestones.of(scope)
        return milestones.order_by("-date", "-pk")[: settings.FEED_LENGTH]

    def item_title(self, item):
        return f"{item.programme}: {capfirst(item.get_kind_display())} ({item.date_display})"

    def item_description(self, item):
        return escape(item.description)

    def item_link(self, item):
        return f"{item.programme.get_absolute_url()}#mijlpaal-{item.pk}"

    def item_guid(self, item):
        created = item.created_at.astimezone(datetime.UTC)
        domain = settings.EZINE_FEED_ID_DOMAIN or split_domain_port(self.request.get_host())[0]
        return f"tag:{domain},{created:%Y-%m-%d}:milestone:{item.pk}"

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time()))

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [str(item.programme), item.get_kind_display()]

    def item_extra_kwargs(self, item):
        content = escape(item.description)
        if item.url:
            content += f' <a href="{escape(item.url)}">{escape(_("Document"))}</a>'
        return {"summary": item.description, "content": content, "authors": [], "image": None}


def milestone_feed_urls(routes, name, scope_model=None):
    """Return one milestone feed URL pattern per format (RSS, Atom, JSON Feed routes, in that order)."""
    return [
        path(route, MilestoneFeed(scope_model=scope_model, feed_type=feed_type), name=f"{name}{suffix}")
        for route, (_key, suffix, feed_type, _label) in zip(routes, FORMATS, strict=True)
    ]


def scoped_milestone_feed_urls(prefix, name, scope_model):
    """Return the milestone feeds of one kind of programme: ``<prefix>/<slug>/tijdlijn/feed/`` (RSS),
    ``…/atom/`` and ``…/json/``, named ``<name>_milestone_feed`` (+ ``_atom``, ``_json``)."""
    route = f"{prefix}/<slug:slug>/tijdlijn/feed/"
    return milestone_feed_urls(
        [route, f"{route}atom/", f"{route}json/"], f"{name}_milestone_feed", scope_model
    )
