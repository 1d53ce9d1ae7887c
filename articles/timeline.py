"""Programmes over time: the timeline of a partnership or City Deal (its milestones and the articles about
it) and of all programmes at once (``/tijdlijn/``, with filters)."""

from dataclasses import dataclass
from datetime import date

from django.core.validators import slug_re
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag, TaggedItem

from core import dependencies
from people.models import CityDeal, Organisation, Participation, Partnership

from .models import Article, Milestone, current_phase, listing_keys

# The newest articles a programme's timeline places among its milestones (the rest is on its page).
TIMELINE_ARTICLES = 50

# The kinds of programme in an address (``/tijdlijn/?soort=city-deals``), as the search page names them.
PROGRAMME_KINDS = {"partnerschappen": Partnership, "city-deals": CityDeal}


@dataclass
class Entry:
    """One line of a timeline: a milestone or an article, at its date."""

    date: date
    date_attribute: str
    date_display: str
    label: str
    text: str
    url: str = ""
    milestone: Milestone | None = None
    article: Article | None = None

    @property
    def year(self):
        return self.date.year


def milestone_entry(milestone):
    return Entry(
        date=milestone.date,
        date_attribute=milestone.date_attribute,
        date_display=milestone.date_display,
        label=milestone.get_kind_display(),
        text=milestone.description,
        url=milestone.url,
        milestone=milestone,
    )


def article_entry(article):
    day = timezone.localdate(article.published_at)
    return Entry(
        date=day,
        date_attribute=day.isoformat(),
        date_display=date_format(day, "j F Y"),
        label=article.get_kind_display(),
        text=article.title,
        url=article.get_absolute_url(),
        article=article,
    )


def programme_timeline(programme):
    """Return (entries, current phase milestone) of one partnership or City Deal: its milestones and its
    newest published articles (``about()``) in time order, in three queries."""
    milestones = list(Milestone.objects.of(programme).for_timeline())
    articles = (
        Article.objects.published()
        .in_scope(programme)
        .only("title", "slug", "kind", "published_at")
        .order_by("-published_at", "-id")[:TIMELINE_ARTICLES]
    )
    entries = [*map(milestone_entry, milestones), *map(article_entry, articles)]
    # Milestones first on a day they share with an article: what happened, then what was written.
    entries.sort(key=lambda entry: (entry.date, entry.article is not None))
    return entries, current_phase(milestones)


# A response's keys travel in one header to the edge, which refuses header lines over 8 KB: a timeline
# naming more than this many holds the keys of any milestone and any article instead.
MAX_TIMELINE_KEYS = 100


def timeline_keys(entries):
    """Return the keys of what a timeline shows of articles: each article, and each milestone's set of
    articles (it names its published ones); for a long timeline, those of any article and milestone."""
    keys = set()
    for entry in entries:
        if entry.milestone is not None:
            keys |= listing_keys([entry.milestone], entry.milestone.articles.all(), relations=())
        else:
            keys.add(dependencies.key(entry.article))
    if len(keys) > MAX_TIMELINE_KEYS:
        keys = listing_keys([Milestone], [], relations=()) | {
            dependencies.model_key(Article, dependencies.EVERY)
        }
    return keys


@dataclass
class Filters:
    """What ``/tijdlijn/`` shows: everything, or the programmes of one tag, kind or organisation."""

    tag: Tag | None = None
    kind: str = ""
    organisation: Organisation | None = None

    @classmethod
    def from_query(cls, query):
        """Return the filters of a query string; an unknown or malformed value raises 404."""
        filters = cls()
        if tag := query.get("tag", ""):
            filters.tag = programme_tags().filter(slug=tag).first() if slug_re.fullmatch(tag) else None
            if filters.tag is None:
                raise Http404(_("There is no programme with this topic."))
        if kind := query.get("soort", ""):
            if kind not in PROGRAMME_KINDS:
                raise Http404(_("There is no such kind of programme."))
            filters.kind = kind
        if slug := query.get("organisatie", ""):
            organisations = participating_organisations()
            filters.organisation = (
                organisations.filter(slug=slug).first() if slug_re.fullmatch(slug) else None
            )
            if filters.organisation is None:
                raise Http404(_("This organisation takes part in no programme."))
        return filters

    def __bool__(self):
        return bool(self.tag or self.kind or self.organisation)

    def apply(self, milestones):
        if self.tag:
            milestones = milestones.filter(
                Q(partnership__in=tagged(Partnership, self.tag)) | Q(city_deal__in=tagged(CityDeal, self.tag))
            )
        if self.kind:
            field = "partnership" if PROGRAMME_KINDS[self.kind] is Partnership else "city_deal"
            milestones = milestones.filter(**{f"{field}__isnull": False})
        if self.organisation:
            taking_part = Participation.objects.filter(organisation=self.organisation)
            milestones = milestones.filter(
                Q(partnership__in=taking_part.values("partnership"))
                | Q(city_deal__in=taking_part.values("city_deal"))
            )
        return milestones


def tagged(model, tag):
    """Return the ids of the objects of ``model`` tagged ``tag``, as a subquery (content type by name: a
    join, not a lookup that some requests make and others find cached)."""
    meta = model._meta
    return TaggedItem.objects.filter(
        tag=tag, content_type__app_label=meta.app_label, content_type__model=meta.model_name
    ).values("object_id")


def programme_tags():
    """Return the tags of partnerships and City Deals."""
    return Tag.objects.filter(
        taggit_taggeditem_items__content_type__app_label=Partnership._meta.app_label,
        taggit_taggeditem_items__content_type__model__in=[
            Partnership._meta.model_name,
            CityDeal._meta.model_name,
        ],
    ).distinct()


def participating_organisations():
    """Return the organisations that take part in a partnership or City Deal."""
    return Organisation.objects.filter(pk__in=Participation.objects.values("organisation_id"))


def all_programmes_timeline(filters):
    """Return the entries of every programme's milestones that ``filters`` let through, in time order."""
    milestones = filters.apply(Milestone.objects.for_timeline())
    return [milestone_entry(milestone) for milestone in milestones.order_by("date", "pk")]
