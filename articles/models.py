import datetime
import functools
import operator
from typing import NamedTuple

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models import OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItem, TaggedItemBase

from core import dependencies
from core.images import Focus, PhotoField, RenditionSet
from core.models import ContentModel
from core.validators import validate_attachment, validate_image_upload
from people.models import (
    CityDeal,
    InOneProgramme,
    Organisation,
    Participation,
    Partnership,
    Person,
    in_one_programme,
)

from . import richtext

# How many of the newest articles of each tag, person, partnership or City Deal "read also" chooses from.
RELATED_CANDIDATES = 300


def published_condition(prefix=""):
    """Return the condition of ``ArticleQuerySet.published()`` on the article at ``prefix`` (a relation
    path ending in ``__``), for a query about another model that joins its article (search entries)."""
    return Q(**{f"{prefix}status": Article.Status.PUBLISHED, f"{prefix}published_at__lte": timezone.now()})


def visible_from(status, published_at):
    """Return the moment from which ``published()`` has an article with this status and publication
    moment, ``None`` for never: the condition of ``published_condition`` as a value, for copies kept
    elsewhere (the search index compares it with the time itself)."""
    return published_at if status == Article.Status.PUBLISHED else None


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Return the articles readers may see: published, with a publication moment not in the future.

        This is the one definition of "visible to readers" (``published_condition``); every public view,
        feed and listing uses it.
        """
        return self.filter(published_condition())

    def scheduled(self):
        """Return the articles that will become visible to readers by themselves: published, not yet due."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())

    def in_scope(self, scope):
        """Return the articles about ``scope``: a person, organisation, partnership, City Deal, tag or kind.

        ``None`` means all articles. The condition itself is ``about()``.
        """
        if scope is None:
            return self
        return self.filter(about(type(scope), scope))

    def ever_published(self):
        """Return the articles that are or were once visible to readers (withdrawn ones included)."""
        return self.filter(EVER_PUBLISHED)

    def for_listing(self):
        """Return the articles with what a list or feed shows of them, in a fixed number of queries."""
        return self.select_related("partnership", "city_deal").prefetch_related(
            models.Prefetch("people", queryset=Person.objects.select_related("organisation")),
            "tags",
        )

    def for_detail(self):
        """Return the articles with everything their own page shows, in a fixed number of queries."""
        return self.select_related("partnership", "city_deal").prefetch_related(*detail_links())

    def related_to(self, article, limit=4):
        """Return up to ``limit`` published articles related to ``article``, in one query.

        The editors' own choice (``article.related``, prefetched) comes first; the rest is filled with the
        articles sharing most with it: the same partnership or City Deal and the same people count
        double, each shared tag once. Ties go to the newest.
        """
        chosen = list(article.related.all())[:limit]
        if len(chosen) >= limit:
            return chosen
        tag_ids = [tag.pk for tag in article.tags.all()]
        people_ids = [person.pk for person in article.people.all()]
        # Candidates: the newest few hundred articles of each link, each found through its own index, so
        # that a long archive is never scanned whole (one subquery: the union of them). Only the links this
        # article has count.
        newest = slice(0, RELATED_CANDIDATES)
        candidates, score = [], models.Value(0)
        if tag_ids:
            tagged = TaggedArticle.objects.filter(tag__in=tag_ids).order_by("-content_object_id")
            candidates.append(tagged.values_list("content_object_id")[newest])
            score += models.Count("tagged_items", filter=Q(tagged_items__tag__in=tag_ids), distinct=True)
        if people_ids:
            featuring = Article.people.through.objects.filter(person__in=people_ids).order_by("-article_id")
            candidates.append(featuring.values_list("article_id")[newest])
            score += 2 * models.Count("people", filter=Q(people__in=people_ids), distinct=True)
        for field in ("partnership", "city_deal"):
            if value := getattr(article, f"{field}_id"):
                candidates.append(
                    Article.objects.filter(**{field: value}).order_by("-pk").values_list("pk")[newest]
                )
                score += models.Case(models.When(**{field: value}, then=2), default=0)
        if not candidates:
            return chosen
        if connections[self.db].features.supports_slicing_ordering_in_compound:
            linked = Q(pk__in=candidates[0].union(*candidates[1:], all=True))  # PostgreSQL: one index each
        else:
            linked = functools.reduce(operator.or_, (Q(pk__in=ids) for ids in candidates))  # SQLite
        found = (
            self.published()
            .filter(linked)
            .exclude(pk__in=[article.pk, *(other.pk for other in chosen)])
            .annotate(score=score)
            .order_by("-score", "-published_at")
            .only("title", "slug", "kind", "published_at")[: limit - len(chosen)]
        )
        return chosen + list(found)

    def popular_tags(self, limit=12, recent=1000, last_published=False):
        """Return the tags most used on the newest ``recent`` of these articles, each with ``num_articles``
        (and ``last_published`` if asked): what is written about now (and no count over the whole archive
        on every home page)."""
        newest = self.order_by("-published_at", "-id").values("pk")[:recent]
        # COUNT(*), and the articles joined only when asked: PostgreSQL then reads each of the newest
        # articles' tags from an index (8 ms at 100,000 articles) instead of all 250,000 links (35 ms).
        tags = Tag.objects.filter(articles_taggedarticle_items__content_object__in=newest).annotate(
            num_articles=models.Count("*")
        )
        if last_published:
            field = "articles_taggedarticle_items__content_object__published_at"
            tags = tags.annotate(last_published=models.Max(field))
        return tags.order_by("-num_articles", "name")[:limit]


# The articles that are or were once published: their edits and withdrawal are news to readers and feeds.
EVER_PUBLISHED = Q(first_published_at__isnull=False)

# How an article refers to each kind of scope (people and organisations: see ``about()``).
SCOPE_LOOKUPS = {Partnership: "partnership", CityDeal: "city_deal", Tag: "tags"}


def about(model, scope):
    """Return the condition that selects the articles about ``scope``, an object of ``model`` or an
    ``OuterRef`` to one (for a subquery per scope, as feed validators use).

    The one definition of "articles in a scope": the queryset (``in_scope()``), feeds, validators, search
    and sitemaps all use it. A person's articles are those featuring them and those they wrote; an
    organisation's include those featuring its people; a kind's are the articles of that kind.
    """
    if issubclass(model, Article.Kind):
        return Q(kind=scope)
    # One subquery deeper than the articles: an outer reference must reach one level further out.
    outer = OuterRef(scope) if isinstance(scope, OuterRef) else scope
    if issubclass(model, Person):
        featuring = Article.people.through.objects.filter(person=outer)
        written = Article.authors.through.objects.filter(person=outer)
        return any_of_links(featuring, written)
    if issubclass(model, Organisation):
        linked = Article.organisations.through.objects.filter(organisation=outer)
        featuring = Article.people.through.objects.filter(person__organisation=outer)
        return any_of_links(linked, featuring)
    try:
        return Q(**{SCOPE_LOOKUPS[model]: scope})
    except KeyError:
        raise TypeError(f"Articles have no scope of type {model.__name__}") from None


def any_of_links(*links):
    """Return the condition "linked by any of ``links``", querysets of link rows with an ``article_id``.

    One ``IN`` over their union: PostgreSQL starts from the scope's few links. Two ``IN`` joined by ``OR``
    it cannot turn into a join, so it walked the whole archive newest first and tested every article
    (0.1 s for a person's page at 100,000 articles).
    """
    first, *others = (link.values("article_id") for link in links)
    return Q(pk__in=first.union(*others))


@reversion.register()
class TaggedArticle(TaggedItemBase):
    """Tags on articles, with a real foreign key so tag pages and tag counts are plain joins."""

    content_object = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = _("article tag")
        verbose_name_plural = _("article tags")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_article_unique"),
        ]


# Revisions include the article's tags, so reverting or recovering an article brings them back.
@reversion.register(follow=["tagged_items"])
class Article(ContentModel):
    slug_source = "title"

    class Kind(models.TextChoices):
        INTERVIEW = "interview", _("interview")
        NEWS = "news", _("news")
        BACKGROUND = "background", _("background")
        PORTRAIT = "portrait", _("portrait")
        COLUMN = "column", _("column")
        OPINION = "opinion", _("opinion")

        @property
        def slug(self):
            """Return the kind's name in every address: ``/feeds/interviews/``, ``?soort=interviews``."""
            return KIND_SECTIONS[self][0]

        @property
        def section_title(self):
            """Return the title of the kind's section, as feeds and filters name it: “Interviews”."""
            return KIND_SECTIONS[self][1]

        @classmethod
        def from_slug(cls, slug):
            """Return the kind named ``slug`` in an address, or None."""
            return next((kind for kind in cls if kind.slug == slug), None)

        def get_absolute_url(self):
            return f"{reverse('articles:list')}?soort={self.slug}"

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        REVIEW = "review", _("in review")
        PUBLISHED = "published", _("published")
        WITHDRAWN = "withdrawn", _("withdrawn")

    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.NEWS)
    lead = models.TextField(
        _("lead"), blank=True, help_text=_("The introduction shown above the article and in lists.")
    )
    body = ProseEditorField(
        _("body"),
        extensions=richtext.EDITOR_EXTENSIONS,
        sanitize=richtext.sanitise,
        blank=True,
        help_text=_("Interview questions as subheads with the style “Interviewvraag”."),
    )
    hero_image = PhotoField(
        _("main image"),
        upload_to="articles/%Y/",
        blank=True,
        width_field="hero_width",
        height_field="hero_height",
        validators=[validate_image_upload],
        help_text=_("JPEG, PNG or WebP, at most 15 MB. Readers get smaller copies in modern formats."),
    )
    hero_focus = models.CharField(
        _("focus"),
        max_length=16,
        choices=Focus.choices,
        default=Focus.CENTER,
        help_text=_("The part of the image to keep where a layout crops it, such as in article cards."),
    )
    hero_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    hero_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    hero_alt = models.CharField(
        _("alternative text"),
        max_length=255,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    hero_caption = models.CharField(_("caption"), max_length=255, blank=True)
    hero_credit = models.CharField(
        _("photo credit"),
        max_length=200,
        blank=True,
        help_text=_("Photographer or source, shown as “Foto: …”. Without the word “Foto”."),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_("Empty means now, when published. A date in the future schedules the article."),
    )
    first_published_at = models.DateTimeField(
        _("first published at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the article was first published; never changes afterwards."),
    )
    # Bylines name people (with a page of their own), not user accounts: the page, its JSON-LD and every
    # feed name the same authors. Who is interviewed or featured is ``people``, never an author.
    authors = models.ManyToManyField(
        Person,
        verbose_name=_("byline"),
        related_name="articles_written",
        blank=True,
        help_text=_("Who wrote the article, as named under it: “Tekst: …”."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last edited by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
    )
    people = models.ManyToManyField(Person, verbose_name=_("people"), related_name="articles", blank=True)
    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("organisations"), related_name="articles", blank=True
    )
    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership"),
        related_name="articles",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    city_deal = models.ForeignKey(
        CityDeal,
        verbose_name=_("City Deal"),
        related_name="articles",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    tags = TaggableManager(verbose_name=_("tags"), through=TaggedArticle, blank=True)
    related = models.ManyToManyField("self", verbose_name=_("related articles"), blank=True)
    source_note = models.CharField(
        _("source note"),
        max_length=255,
        blank=True,
        help_text=_("E.g. “Dit artikel verscheen eerder op de website van het Ministerie van BZK.”"),
    )
    source_url = models.URLField(_("source link"), blank=True)
    attachment = models.FileField(
        _("attachment"),
        upload_to="attachments/%Y/",
        blank=True,
        validators=[validate_attachment],
        help_text=_("PDF or office document, at most 25 MB."),
    )
    attachment_title = models.CharField(_("attachment title"), max_length=200, blank=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-id"]
        get_latest_by = "published_at"
        permissions = [("publish_article", _("Can publish, schedule and withdraw articles"))]
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"], name="article_published_idx"),
            models.Index(fields=["kind", "status", "-published_at"], name="article_kind_idx"),
            # The sitemap index asks for the newest edit (ezine/urls.py).
            models.Index(fields=["-updated_at"], name="article_updated_idx"),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.status == self.Status.PUBLISHED and self.hero_image and not self.hero_alt.strip():
            raise ValidationError(
                {"hero_alt": _("A published article's main image needs an alternative text.")},
                code="alt_required",
            )

    def save(self, *args, **kwargs):
        self.body = richtext.sanitise(self.body)
        if self.status == self.Status.PUBLISHED:
            if self.published_at is None:
                self.published_at = timezone.now()
            if self.first_published_at is None:
                self.first_published_at = self.published_at
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.slug})

    @property
    def section(self):
        """Return the kind of this article as a section (its name in addresses, its page)."""
        return self.Kind(self.kind)

    @property
    def was_ever_published(self):
        """Return whether readers have (or once had) this article; the row form is ``EVER_PUBLISHED``."""
        return self.first_published_at is not None

    @property
    def has_reached_readers(self):
        """Return whether readers have seen this article at some moment (a scheduled one: once it is due)."""
        return self.first_published_at is not None and self.first_published_at <= timezone.now()

    @property
    def last_modified(self):
        """Return the moment readers last saw this article change: the later of its edit and publication."""
        if self.published_at is None:
            return self.updated_at
        return max(self.updated_at, self.published_at)

    @property
    def is_published(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def attachment_filename(self):
        return self.attachment.name.rsplit("/", 1)[-1]

    @property
    def attachment_extension(self):
        name = self.attachment_filename
        return name.rsplit(".", 1)[-1].upper() if "." in name else ""

    @property
    def attachment_size(self):
        """Return the attachment's size in bytes, or None when the file is missing from storage."""
        try:
            return self.attachment.size
        except (OSError, ValueError):
            return None


def public_tags():
    """Return the tags readers may see: those on a published article, or on a person, organisation,
    partnership or City Deal (always public). A tag only on unpublished articles is as hidden as they are.
    """
    # EXISTS per tag: a tag's page looks up one tag and stops at its first published article (a set of the
    # tags of every published article read all their links, 250,000 at 100,000 articles: 0.3 s a page).
    on_published = TaggedArticle.objects.filter(published_condition("content_object__"), tag=OuterRef("pk"))
    return Tag.objects.filter(
        models.Exists(on_published) | models.Exists(TaggedItem.objects.filter(tag=OuterRef("pk")))
    )


class PreviewRevocation(models.Model):
    """When an article's shared preview links were last revoked: links made before then stop working.

    Kept outside the article (and its revisions), so that reverting an article never brings revoked links
    back.
    """

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="preview_revocation"
    )
    revoked_at = models.DateTimeField(_("revoked at"))

    class Meta:
        verbose_name = _("preview link revocation")
        verbose_name_plural = _("preview link revocations")

    def __str__(self):
        return f"{self.article}: {self.revoked_at:%Y-%m-%d %H:%M}"


def public_scopes(model):
    """Return the objects of ``model`` that have a page for readers: the published articles, every person,
    organisation, partnership and City Deal, and of the tags ``public_tags()``."""
    if model is Article:
        return Article.objects.published()
    return public_tags() if model is Tag else model._default_manager.all()


# Each kind of article is a section of the e-zine with a Dutch name, the same in every address (feeds, the
# article list's and the search page's ``?soort=``). The English values stay in the database; in an
# address they are old spellings that redirect to these.
KIND_SECTIONS = {
    Article.Kind.INTERVIEW: ("interviews", _("Interviews")),
    Article.Kind.NEWS: ("nieuws", _("News")),
    Article.Kind.BACKGROUND: ("achtergrond", _("Background")),
    Article.Kind.PORTRAIT: ("portretten", _("Portraits")),
    Article.Kind.COLUMN: ("columns", _("Columns")),
    Article.Kind.OPINION: ("opinie", _("Opinion")),
}


HERO_RENDITIONS = RenditionSet("hero_image", widths=[480, 800, 1200, 1600], focus_field="hero_focus").attach(
    Article, "hero"
)


def unseen_by_readers(obj, created=False):
    """Return whether a change to ``obj`` can show on no public page: an article that never reached readers
    nor is scheduled to (a draft, one in review), its links (tags, people, ...), a tag just made (it is on
    nothing public yet), a preview revocation.

    The one answer to "does this change concern readers?": the page cache keeps its pages when it is yes,
    so an editor saving a draft every second costs readers nothing.
    """
    if isinstance(obj, Article):
        return not obj.was_ever_published
    if type(obj) in link_models():
        linked = [getattr(obj, field.attname) for field in link_fields(obj) if field.related_model is Article]
        return not Article.objects.filter(EVER_PUBLISHED, pk__in=linked).exists()
    if isinstance(obj, Tag):
        return created
    return isinstance(obj, PreviewRevocation)


# Surrogate keys (core.dependencies): what the pages of articles show, and what a committed change makes
# stale. The page cache and the edge cache act on them (ezine/pagecache.py); this is their one definition.

# What the "read also" choice of an article page draws from (``related_to``): the articles about these.
READ_ALSO_SCOPES = (Tag, Person, Partnership, CityDeal)


class ReadersView(NamedTuple):
    """Where readers find a published article: in which sets of articles, at which place."""

    published_at: datetime.datetime
    kind: str
    partnership_id: int | None
    city_deal_id: int | None


READERS_VIEW_FIELDS = ("status", "published_at", "kind", "partnership_id", "city_deal_id")


def readers_view(status, published_at, kind, partnership_id, city_deal_id):
    """Return where readers find an article (``ReadersView``), or ``None`` when nowhere.

    A scheduled article counts as published: the pages listing its sets are rendered again when it is
    scheduled, and no page outlives the moment (the page cache), so it appears on them on time.
    """
    if status != Article.Status.PUBLISHED or published_at is None:
        return None
    return ReadersView(published_at, kind, partnership_id, city_deal_id)


def readers_view_before(article):
    """Return ``readers_view`` of ``article`` as the database holds it (before a save), or ``None``, and
    whether that row was ever published."""
    if article.pk is None:
        return None, False
    row = (
        Article.objects.filter(pk=article.pk).values_list(*READERS_VIEW_FIELDS, "first_published_at").first()
    )
    return (readers_view(*row[:-1]), row[-1] is not None) if row else (None, False)


def person_before(person):
    """Return the organisation (pk) ``person`` belongs to as stored, before a save: ``touched_keys`` tells
    from it whether they moved."""
    if person.pk is None:
        return None
    return Person.objects.filter(pk=person.pk).values_list("organisation_id", flat=True).first()


def set_key_of(scope):
    """Return the key of the set of articles ``in_scope(scope)``: all (``None``), of a kind, about an object
    (a milestone's: its articles), or about any object of a model."""
    if scope is None:
        return dependencies.ARTICLES
    if isinstance(scope, str):
        return dependencies.set_key("kind", Article.Kind(scope).value)
    if isinstance(scope, type):
        return dependencies.articles_key(scope, dependencies.EVERY)
    return dependencies.articles_key(type(scope), scope.pk)


# What a list of articles shows of each besides its own fields: the people on its card (``for_listing``).
LISTED_RELATIONS = ("people",)


def listing_keys(scopes, articles, relations=LISTED_RELATIONS):
    """Return the keys of a list of ``articles`` drawn from the sets of ``scopes`` (``set_key_of``; several:
    the articles in all of them): each set and scope object (its name is shown), each article, and the
    objects of its ``relations`` (prefetched: no query).

    The one definition of what a page or feed listing articles holds; an edit of an article it does not
    show leaves it alone.
    """
    keys = {set_key_of(scope) for scope in scopes}
    keys |= {dependencies.key(scope) for scope in scopes if isinstance(scope, models.Model)}
    # A scope that is any object of a model (a topic filter for a tag not there yet): any of their names.
    keys |= {dependencies.model_key(scope, dependencies.EVERY) for scope in scopes if isinstance(scope, type)}
    for article in articles:
        keys.add(dependencies.key(article))
        for name in relations:
            keys |= {dependencies.key(obj) for obj in getattr(article, name).all()}
    return keys


def detail_links():
    """Return the lookups of what an article's own page shows of its links, for ``prefetch_related``."""
    return [
        models.Prefetch("people", queryset=Person.objects.select_related("organisation")),
        "tags",
        "organisations",
        models.Prefetch("authors", queryset=Person.objects.select_related("organisation")),
        models.Prefetch(
            "related", queryset=Article.objects.published().only("title", "slug", "kind", "published_at")
        ),
    ]


def article_page_keys(article, shown):
    """Return the keys of what the page of ``article`` shows; ``shown`` are the articles it links to."""
    people = [*article.people.all(), *article.authors.all()]
    organisations = [*article.organisations.all(), *(p.organisation for p in people if p.organisation_id)]
    keys = {dependencies.key(obj) for obj in [article, *people, *organisations, *article.tags.all(), *shown]}
    keys |= {dependencies.key(obj) for obj in (article.partnership, article.city_deal) if obj is not None}
    # "Read also" chooses among the articles about its tags, people, partnership and City Deal.
    keys |= {dependencies.articles_key(Tag, tag.pk) for tag in article.tags.all()}
    keys |= {dependencies.articles_key(Person, person.pk) for person in article.people.all()}
    for model, pk in ((Partnership, article.partnership_id), (CityDeal, article.city_deal_id)):
        if pk is not None:
            keys.add(dependencies.articles_key(model, pk))
    return keys


def touched_keys(obj, before=None, deleted=False):
    """Return the keys a committed change (save or delete) of ``obj`` makes stale; ``None`` when this
    defines none for its model (the caller must then assume everything changed).

    ``before`` is ``readers_view_before()`` of an article, taken before it was saved (``deleted``: it is
    gone, as if withdrawn). An article's own key always: an edit renders the pages showing it and no other;
    when where readers find it changed, also the sets it joined, left or moved in (``membership_keys``).
    """
    if isinstance(obj, Article):
        now = readers_view(*(getattr(obj, field) for field in READERS_VIEW_FIELDS))
        if deleted:
            before, now = now, None
        return {dependencies.key(obj)} | membership_keys(obj, before, now)
    if isinstance(obj, Person) and before != obj.organisation_id:
        # The articles featuring a person are about their organisation too (``about()``): a move (``before``:
        # the organisation they left, ``person_before``) changes the sets of both.
        moved = {dependencies.articles_key(Organisation, pk) for pk in (before, obj.organisation_id) if pk}
        return {dependencies.key(obj), dependencies.ANY, *moved}
    if isinstance(obj, (Person, Organisation, Partnership, CityDeal, Tag, Milestone, Participation)):
        # What overviews and the pages of people and programmes show (they hold ``ANY``), and pages naming it.
        return {dependencies.key(obj), dependencies.ANY}
    if isinstance(obj, TaggedItem):
        content = obj.content_type.model_class()
        if content is None:
            return None
        return {dependencies.model_key(content, obj.object_id), dependencies.key(obj.tag), dependencies.ANY}
    if obj.__class__ in link_models():
        return link_keys([[(field.related_model, getattr(obj, field.attname)) for field in link_fields(obj)]])
    if isinstance(obj, PreviewRevocation):
        return set()
    return None


def membership_keys(article, before, now):
    """Return the keys of the sets of articles ``article`` joins, leaves or moves in when where readers find
    it goes from ``before`` to ``now`` (``readers_view``), and of the pages relating to it.

    Published, withdrawn, deleted or due: every set it is in, and the pages naming it among their related
    articles; a new publication moment: every set it was or is in (its place changed); another kind or
    programme: the sets it left and joined.
    """
    if before == now:
        return set()
    shown_or_hidden = (before is None) != (now is None)
    moved = not shown_or_hidden and before.published_at != now.published_at
    linked = link_keys(links_of(article)) if shown_or_hidden or moved else set()
    old, new = view_sets(before, linked), view_sets(now, linked)
    return old | new if moved else old ^ new


def view_sets(view, linked):
    """Return the keys of the sets an article is in when readers see it as ``view``, ``linked`` those it
    is in by its links (none when they do not see it)."""
    if view is None:
        return set()
    keys = {set_key_of(None), set_key_of(view.kind), *linked}
    for model, pk in ((Partnership, view.partnership_id), (CityDeal, view.city_deal_id)):
        if pk is not None:
            keys.add(dependencies.articles_key(model, pk))
    return keys


def links_changed(instance, model, pk_set):
    """Return the keys an ``m2m_changed`` of ``instance`` with the ``model`` objects ``pk_set`` touches."""
    if model is Article and pk_set:
        # Articles readers never saw show nowhere through the link (yet): their publication will tell.
        pk_set = Article.objects.filter(EVER_PUBLISHED, pk__in=pk_set).values_list("pk", flat=True)
    return link_keys([[(type(instance), instance.pk), (model, pk)] for pk in pk_set])


def link_keys(links):
    """Return the keys touched when each of ``links`` (its two ends, (model, pk) pairs) is made or undone.

    A link of an article: the article's own key and the set of articles about the other end (an article:
    its key, as its page names the first among its related articles); a person's also makes the set of
    their organisation's (``about()``). Another link (a programme's contacts): both ends and ``ANY``.
    """
    keys, people = set(), set()
    for ends in links:
        if all(model is not Article for model, _pk in ends):
            keys |= {dependencies.model_key(model, pk) for model, pk in ends if pk is not None}
            keys.add(dependencies.ANY)
            continue
        for model, pk in ends:
            if model is Article:
                keys.add(dependencies.model_key(Article, pk))
            elif pk is not None:
                keys.add(dependencies.articles_key(model, pk))
                if model is Person:
                    people.add(pk)
    if people:
        working_at = Person.objects.filter(pk__in=people, organisation__isnull=False)
        keys |= {
            dependencies.articles_key(Organisation, pk)
            for pk in working_at.values_list("organisation_id", flat=True)
        }
    return keys


def links_of(article):
    """Return the links of ``article`` (to tags, people, organisations, milestones and other articles) as
    ``link_keys`` takes them: one query per kind of link."""
    links = []
    for through in link_models():
        fields = link_fields(through)
        for field in fields:
            if field.related_model is Article:
                rows = through.objects.filter(**{field.attname: article.pk})
                for values in rows.values_list(*(other.attname for other in fields)):
                    links.append(
                        [(other.related_model, pk) for other, pk in zip(fields, values, strict=True)]
                    )
    return links


@functools.cache
def link_models():
    """Return the models linking an article to a scope, a milestone or another article (many-to-many)."""
    names = ("people", "organisations", "authors", "related")
    throughs = {Article._meta.get_field(name).remote_field.through for name in names}
    return frozenset({TaggedArticle, Milestone.articles.through, *throughs})


def link_fields(row):
    """Return the two ends of a link: the relation fields of a row (or model) of ``link_models()``."""
    return [field for field in row._meta.concrete_fields if field.is_relation]


class MilestoneQuerySet(models.QuerySet):
    def of(self, programme):
        """Return the milestones of a partnership or City Deal."""
        field = "partnership" if isinstance(programme, Partnership) else "city_deal"
        return self.filter(**{field: programme})

    def reached(self, today=None):
        """Return the milestones whose date has come (the current phase and the feeds consider these)."""
        return self.filter(date__lte=today or timezone.localdate())

    def for_timeline(self):
        """Return the milestones with their programme and published articles, in a fixed number of queries."""
        return self.select_related("partnership", "city_deal").prefetch_related(
            models.Prefetch(
                "articles", queryset=Article.objects.published().only("title", "slug", "published_at")
            )
        )


class Milestone(InOneProgramme):
    """A dated step in a partnership or City Deal: its start, signing, action plan, and so on."""

    class Kind(models.TextChoices):
        START = "start", _("start")
        SIGNING = "signing", _("signing")
        ACTION_PLAN = "action_plan", _("action plan")
        IMPLEMENTATION = "implementation", _("implementation")
        EVALUATION = "evaluation", _("evaluation")
        END = "end", _("end")
        OTHER = "other", _("other")

    class Precision(models.TextChoices):
        DAY = "day", _("day")
        MONTH = "month", _("month")
        YEAR = "year", _("year")

    date = models.DateField(
        _("date"),
        help_text=_("When only the month or year is known: its first day, and say so in precision."),
    )
    precision = models.CharField(
        _("precision"), max_length=8, choices=Precision.choices, default=Precision.DAY
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.OTHER)
    description = models.CharField(
        _("description"), max_length=300, help_text=_("One short sentence, e.g. “Het actieplan verschijnt.”")
    )
    articles = models.ManyToManyField(
        Article, verbose_name=_("articles"), related_name="milestones", blank=True
    )
    url = models.URLField(_("document"), blank=True, help_text=_("A link to a document elsewhere, optional."))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = MilestoneQuerySet.as_manager()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["date", "pk"]
        get_latest_by = "date"
        indexes = [models.Index(fields=["date"], name="milestone_date_idx")]
        constraints = [
            in_one_programme("milestone_in_one_programme"),
        ]

    def __str__(self):
        return f"{self.programme}: {self.date_display} — {self.description}"

    @property
    def date_display(self):
        """Return the date as precisely as it is known: “12 maart 2019”, “maart 2019”, “2019”."""
        return date_format(self.date, DATE_FORMATS[self.precision])

    @property
    def date_attribute(self):
        """Return the date for ``<time datetime>``: ``2019-03-12``, ``2019-03`` or ``2019``."""
        return self.date.isoformat()[: DATE_ATTRIBUTE_LENGTHS[self.precision]]

    @property
    def phase_name(self):
        return PHASE_NAMES.get(self.kind)


DATE_FORMATS = {
    Milestone.Precision.DAY: "j F Y",
    Milestone.Precision.MONTH: "F Y",
    Milestone.Precision.YEAR: "Y",
}
DATE_ATTRIBUTE_LENGTHS = {
    Milestone.Precision.DAY: 10,
    Milestone.Precision.MONTH: 7,
    Milestone.Precision.YEAR: 4,
}

# The phase a programme is in from a milestone of each kind on (“Fase: uitvoering sinds 2019”); a milestone
# of kind ``other`` starts no phase.
PHASE_NAMES = {
    Milestone.Kind.START: _("started"),
    Milestone.Kind.SIGNING: _("signed"),
    Milestone.Kind.ACTION_PLAN: _("action plan"),
    Milestone.Kind.IMPLEMENTATION: _("implementation"),
    Milestone.Kind.EVALUATION: _("evaluation"),
    Milestone.Kind.END: _("completed"),
}


def current_phase(milestones, today=None):
    """Return the milestone that started the phase a programme is in: the latest one up to ``today`` that
    starts a phase (``PHASE_NAMES``), or None. ``milestones`` are the programme's, in date order (a
    prefetched list costs no query).

    The one definition of a programme's current phase.
    """
    today = today or timezone.localdate()
    reached = [m for m in milestones if m.date <= today and m.kind in PHASE_NAMES]
    return reached[-1] if reached else None


# Revisions of partnerships and City Deals hold their milestones too (``people.models`` registers them
# with their tags and participations; milestones live here because they link to articles).
reversion.register(Milestone)
for _model in (Partnership, CityDeal):
    reversion.unregister(_model)
    reversion.register(_model, follow=["tag_links", "participations", "milestones"])
