"""Every public page holds the keys of the articles it shows and of the sets it lists them from, so an edit
of a published article renders only the pages showing it, and a change of where readers find an article
only the lists it joins or leaves (articles.models.touched_keys, listing_keys)."""

import datetime
from types import SimpleNamespace
from unittest import mock

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article
from core import dependencies
from ezine import pagecache
from tests import factories
from tests.html import parse
from tests.test_dependencies import cached, rename, state

# Each test runs over the local-memory cache and over Redis (``page_cache_on``).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

TITLE = "Wonen in Utrecht"


@pytest.fixture
def world(commit):
    """``shown``, the newest article, an interview about "wonen" with its person, organisation and
    programmes; ``other``, the oldest, a news article about everything else; 13 news articles between them,
    so that ``shown`` is on page 1 of the list and ``other`` on page 2."""

    def build():
        now = timezone.now()

        def about(theme, title, kind, hours, **links):
            """An article in a partnership and a City Deal of their own, about ``theme``."""
            return factories.ArticleFactory(
                title=title,
                kind=kind,
                partnership=factories.PartnershipFactory(name=f"Partnerschap {theme}"),
                city_deal=factories.CityDealFactory(name=f"City Deal {theme}"),
                published_at=now - datetime.timedelta(hours=hours),
                **links,
            )

        utrecht = factories.OrganisationFactory(name="Gemeente Utrecht")
        delft = factories.OrganisationFactory(name="Gemeente Delft")
        anna = factories.PersonFactory(name="Anna de Vries", organisation=utrecht)
        bram = factories.PersonFactory(name="Bram Visser", organisation=delft)
        writer = factories.PersonFactory(name="Eva Schrijver", organisation=None)
        links = {"tags": ["mobiliteit"], "people": [bram], "organisations": [delft]}
        other = about("Mobiliteit", "Fietsen in Delft", Article.Kind.NEWS, 20, **links)
        fillers = [
            factories.ArticleFactory(
                title=f"Bericht {n}",
                kind=Article.Kind.NEWS,
                tags=["wonen"] if n == 0 else [],
                published_at=now - datetime.timedelta(hours=n + 2),
            )
            for n in range(13)
        ]
        links = {"tags": ["wonen"], "people": [anna], "authors": [writer]}
        shown = about("Wonen", TITLE, Article.Kind.INTERVIEW, 1, **links)
        factories.MilestoneFactory(partnership=shown.partnership, description="Start").articles.add(shown)
        return SimpleNamespace(
            shown=shown, other=other, reader=fillers[0], anna=anna, bram=bram, writer=writer
        )

    return commit(build)


def scope_pages(article, person):
    """Return the pages and feeds of the scopes of ``article``, named by kind."""
    organisation = person.organisation
    scopes = {
        "person": person,
        "organisation": organisation,
        "partnership": article.partnership,
        "City Deal": article.city_deal,
    }
    pages = {name: scope.get_absolute_url() for name, scope in scopes.items()}
    pages |= {f"{name} feed": scope.get_absolute_url() + "feed/" for name, scope in scopes.items()}
    return pages


def showing(w):
    """Return the pages that show ``w.shown``'s title."""
    return {
        "article": w.shown.get_absolute_url(),
        "article choosing it under read also": w.reader.get_absolute_url(),
        "home": "/",
        "list": "/artikelen/",
        "kind list": "/artikelen/?soort=interviews",
        "list of its tag": "/artikelen/?tag=wonen",
        "tag": "/tags/wonen/",
        "feed": "/feeds/rss/",
        "Atom feed": "/feeds/atom/",
        "JSON Feed": "/feeds/json/",
        "kind feed": "/feeds/interviews/atom/",
        "tag feed": "/tags/wonen/feed/",
        "byline's person": w.writer.get_absolute_url(),
        "search": "/zoeken/?q=utrecht",
        "timeline": "/tijdlijn/",
        **scope_pages(w.shown, w.anna),
    }


def not_showing(w):
    """Return pages that show nothing of ``w.shown``."""
    return {
        "unrelated article": w.other.get_absolute_url(),
        "list page 2": "/artikelen/?page=2",
        "other kind's list": "/artikelen/?soort=nieuws",
        "list of another tag": "/artikelen/?tag=mobiliteit",
        "another tag": "/tags/mobiliteit/",
        "other kind's feed": "/feeds/nieuws/rss/",
        "another tag's feed": "/tags/mobiliteit/feed/",
        "people": "/personen/",
        "organisations": "/organisaties/",
        "topics": "/tags/",
        "feeds": "/feeds/",
        "network": "/netwerk/",
        "milestone feed": "/tijdlijn/feed/",
        **{f"other {name}": path for name, path in scope_pages(w.other, w.bram).items()},
    }


def body(path):
    return Client().get(path).content.decode()


def cards(path):
    """Return the titles of the article cards on ``path``."""
    return [card.get_text(strip=True) for card in parse(Client().get(path)).select(".card__title")]


def states(pages):
    return {name: state(path) for name, path in pages.items()}


def test_an_edit_of_a_published_article_renders_exactly_the_pages_showing_it(world, commit):
    shown, hidden = showing(world), not_showing(world)
    cached(*shown.values(), *hidden.values(), "/sitemap-artikelen.xml")
    commit(rename, world.shown, "title", "Wonen in Utrecht, herzien")
    assert states(hidden) == dict.fromkeys(hidden, "hit")
    assert state("/sitemap-artikelen.xml") == "miss"  # its last modification changed
    # "herzien" alone: search results mark the words searched for.
    assert {name: "herzien" in body(path) for name, path in shown.items()} == dict.fromkeys(shown, True)


def test_an_edit_touches_the_article_and_nothing_else_by_name(world, django_capture_on_commit_callbacks):
    with mock.patch.object(pagecache, "touch") as touch:
        with django_capture_on_commit_callbacks(execute=True):
            rename(world.shown, "lead", "Een nieuwe inleiding.")
    assert set(touch.call_args.args[0]) == {dependencies.key(world.shown), "article:*"}


def test_an_edit_saved_through_the_admin_touches_the_article_alone(world, chief_client, commit):
    from tests.test_workflow import post_change_form

    with mock.patch.object(pagecache, "touch") as touch:
        response = commit(post_change_form, chief_client, world.shown, title="Wonen in Utrecht, herzien")
    assert response.status_code == 302
    assert set(touch.call_args.args[0]) == {dependencies.key(world.shown), "article:*"}


def test_publishing_an_article_renders_the_lists_it_joins_and_no_other(world, commit):
    pages = {**showing(world), **not_showing(world)}
    cached(*pages.values())
    commit(
        factories.ArticleFactory,
        title="Vers over wonen",
        kind=Article.Kind.INTERVIEW,
        tags=["wonen"],
        people=[world.anna],
        partnership=world.shown.partnership,
    )
    joined = ["home", "list", "kind list", "list of its tag", "tag", "feed", "kind feed", "tag feed"]
    joined += [
        "person",
        "person feed",
        "organisation",
        "organisation feed",
        "partnership",
        "partnership feed",
    ]
    assert {name: "Vers over wonen" in body(pages[name]) for name in joined} == dict.fromkeys(joined, True)
    unrelated = ["unrelated article", "other kind's list", "another tag", "other person", "other partnership"]
    unrelated += ["City Deal", "people", "network", "byline's person"]
    assert {name: state(pages[name]) for name in unrelated} == dict.fromkeys(unrelated, "hit")


@pytest.mark.parametrize("change", ["withdrawn", "deleted"])
def test_an_article_withdrawn_or_deleted_leaves_every_list_and_no_other_page_renders(world, commit, change):
    shown, hidden = showing(world), not_showing(world)
    del shown["article"]
    cached(*shown.values(), *hidden.values())
    if change == "withdrawn":
        commit(rename, world.shown, "status", Article.Status.WITHDRAWN)
    else:
        commit(world.shown.delete)
    # The list moved up by one; the topics and the feeds of topics count the tag's articles.
    for name in ("list page 2", "topics", "feeds"):
        del hidden[name]
    assert states(hidden) == dict.fromkeys(hidden, "hit")
    assert {name: TITLE in body(path) for name, path in shown.items()} == dict.fromkeys(shown, False)


def test_a_deleted_article_moves_up_the_next_page_of_each_list_it_was_in(world, commit):
    def older_articles_about_anna():
        for n in range(12):
            when = world.shown.published_at - datetime.timedelta(minutes=n + 1)
            factories.ArticleFactory(title=f"Over Anna {n}", people=[world.anna], published_at=when)

    commit(older_articles_about_anna)
    pages = [
        f"{world.anna.get_absolute_url()}?page=2",
        f"{world.anna.organisation.get_absolute_url()}?page=2",
    ]
    cached(*pages)
    commit(world.shown.delete)
    assert [state(path) for path in pages] == [404, 404]  # its one article moved to page 1


def test_a_change_of_kind_moves_the_article_between_the_kinds_lists_only(world, commit):
    cached(
        "/artikelen/?soort=interviews", "/artikelen/?soort=nieuws", "/feeds/nieuws/rss/", "/artikelen/?page=2"
    )
    cached("/tags/mobiliteit/", world.other.get_absolute_url())
    commit(rename, world.shown, "kind", Article.Kind.NEWS)
    assert TITLE not in body("/artikelen/?soort=interviews")
    assert TITLE in body("/artikelen/?soort=nieuws") and TITLE in body("/feeds/nieuws/rss/")
    assert [state(path) for path in ("/artikelen/?page=2", "/tags/mobiliteit/")] == ["hit", "hit"]
    assert state(world.other.get_absolute_url()) == "hit"


def test_a_new_publication_date_reorders_every_list_of_the_article(world, commit):
    cached("/artikelen/", "/artikelen/?page=2", "/tags/mobiliteit/", world.other.get_absolute_url())
    commit(rename, world.shown, "published_at", world.other.published_at - datetime.timedelta(hours=1))
    assert TITLE not in body("/artikelen/") and TITLE in body("/artikelen/?page=2")
    assert [state("/tags/mobiliteit/"), state(world.other.get_absolute_url())] == ["hit", "hit"]


def test_a_change_of_programme_moves_the_article_between_their_pages(world, commit):
    before, after = world.shown.partnership, world.other.partnership
    cached(before.get_absolute_url(), after.get_absolute_url(), world.bram.get_absolute_url())
    commit(rename, world.shown, "partnership", after)
    assert TITLE not in cards(before.get_absolute_url()) and TITLE in cards(after.get_absolute_url())
    assert state(world.bram.get_absolute_url()) == "hit"


def test_tagging_an_article_renders_the_lists_of_that_tag_and_no_unrelated_page(world, commit):
    cached("/tags/mobiliteit/", "/artikelen/?tag=mobiliteit", "/tags/mobiliteit/feed/", "/artikelen/?page=2")
    cached("/artikelen/?soort=nieuws", world.bram.get_absolute_url(), "/personen/")
    commit(world.shown.tags.add, "mobiliteit")
    for path in ("/tags/mobiliteit/", "/artikelen/?tag=mobiliteit", "/tags/mobiliteit/feed/"):
        assert TITLE in body(path), path
    for path in (
        "/artikelen/?page=2",
        "/artikelen/?soort=nieuws",
        world.bram.get_absolute_url(),
        "/personen/",
    ):
        assert state(path) == "hit", path


def test_untagging_an_article_takes_it_off_the_lists_of_that_tag(world, commit):
    cached("/tags/wonen/", "/artikelen/?tag=wonen", "/tags/mobiliteit/")
    commit(world.shown.tags.remove, "wonen")
    assert TITLE not in body("/tags/wonen/") and TITLE not in body("/artikelen/?tag=wonen")
    assert state("/tags/mobiliteit/") == "hit"


def test_a_topic_filter_for_a_tag_that_does_not_exist_yet_shows_its_first_article(world, commit):
    cached("/artikelen/?tag=energie")
    commit(world.shown.tags.add, "energie")
    assert TITLE in body("/artikelen/?tag=energie")


@pytest.mark.parametrize("relation", ["people", "organisations", "authors"])
def test_linking_an_article_renders_the_pages_of_who_it_is_about(world, commit, relation):
    person, organisation = world.bram, world.bram.organisation
    pages = [person.get_absolute_url(), person.get_absolute_url() + "feed/"]
    if relation != "authors":  # an organisation's articles: those about it and those featuring its people
        pages += [organisation.get_absolute_url(), organisation.get_absolute_url() + "feed/"]
    cached(*pages, "/tags/mobiliteit/")
    commit(getattr(world.shown, relation).add, organisation if relation == "organisations" else person)
    shown = [path for path in pages if TITLE in body(path)]
    expected = pages if relation != "organisations" else pages[2:]
    assert shown == expected
    assert state("/tags/mobiliteit/") == "hit"


def test_a_milestone_shows_its_article_once_published_and_no_longer_once_withdrawn(world, commit):
    draft = commit(factories.ArticleFactory, title="Het actieplan verschijnt", draft=True)
    milestone = commit(factories.MilestoneFactory, partnership=world.other.partnership, description="Plan")
    commit(milestone.articles.add, draft)
    programme = world.other.partnership.get_absolute_url()
    cached("/tijdlijn/", programme)
    commit(rename, draft, "status", Article.Status.PUBLISHED)
    assert "Het actieplan verschijnt" in body("/tijdlijn/")
    assert "Het actieplan verschijnt" in body(programme)
    commit(rename, draft, "status", Article.Status.WITHDRAWN)
    assert "Het actieplan verschijnt" not in body("/tijdlijn/")


def test_a_scheduled_article_enters_every_list_of_it_on_time(world, commit):
    moment = timezone.now().replace(microsecond=0) + datetime.timedelta(days=2)
    commit(
        factories.ArticleFactory,
        title="Straks over wonen",
        tags=["wonen"],
        people=[world.anna],
        partnership=world.shown.partnership,
        published_at=moment,
    )
    pages = ["/artikelen/?soort=interviews", "/tags/wonen/", "/feeds/interviews/rss/"]
    pages += [world.anna.get_absolute_url(), world.shown.partnership.get_absolute_url()]
    with time_machine.travel(moment - datetime.timedelta(seconds=90), tick=False):
        cached(*pages)
    with time_machine.travel(moment, tick=False):
        assert [path for path in pages if "Straks over wonen" not in body(path)] == []


def test_a_draft_with_links_saved_and_deleted_touches_nothing(world, commit):
    clock = cache.get(pagecache.CLOCK_KEY)
    draft = commit(factories.ArticleFactory, title="Concept", draft=True, tags=["wonen"], people=[world.anna])
    commit(draft.organisations.add, world.anna.organisation)
    commit(draft.authors.add, world.writer)
    commit(rename, draft, "title", "Concept, herzien")
    # From the other side: what is linked to a draft shows it nowhere yet.
    commit(world.shown.related.add, draft)
    commit(world.bram.articles.add, draft)
    commit(world.shown.milestones.get().articles.add, draft)
    commit(draft.delete)
    assert cache.get(pagecache.CLOCK_KEY) == clock


def test_a_person_moving_to_another_organisation_moves_their_articles_between_its_feeds(commit):
    """An organisation's articles include those featuring its people (``about()``)."""

    def build():
        utrecht = factories.OrganisationFactory(name="Gemeente Utrecht")
        delft = factories.OrganisationFactory(name="Gemeente Delft")
        anna = factories.PersonFactory(name="Anna de Vries", organisation=utrecht)
        factories.ArticleFactory(title="Wonen in Utrecht", people=[anna])
        return utrecht, delft, anna

    utrecht, delft, anna = commit(build)
    old_feed, new_feed = utrecht.get_absolute_url() + "feed/", delft.get_absolute_url() + "feed/"
    cached(old_feed, new_feed)
    assert "Wonen in Utrecht" in body(old_feed) and "Wonen in Utrecht" not in body(new_feed)
    commit(rename, anna, "organisation", delft)
    assert "Wonen in Utrecht" in body(new_feed)
    assert "Wonen in Utrecht" not in body(old_feed)


def test_a_topic_filter_for_a_slug_an_existing_tag_takes_shows_its_articles(commit):
    commit(factories.ArticleFactory, title="Wonen in Utrecht", tags=["wonen"])
    cached("/artikelen/?tag=huisvesting")
    assert "Wonen in Utrecht" not in body("/artikelen/?tag=huisvesting")
    commit(rename, Tag.objects.get(slug="wonen"), "slug", "huisvesting")
    assert "Wonen in Utrecht" in body("/artikelen/?tag=huisvesting")


def test_a_long_timeline_holds_few_keys_and_stays_fresh(commit, settings):
    """Its keys travel in one header, which the edge refuses over 8 KB: beyond ``MAX_TIMELINE_KEYS`` the
    timeline holds those of any milestone and article, and an edit of any of them still renders it again."""

    def build():
        partnership = factories.PartnershipFactory(name="Partnerschap Wonen")
        articles = []
        for n in range(60):
            milestone = factories.MilestoneFactory(partnership=partnership, description=f"Stap {n}")
            articles.append(factories.ArticleFactory(title=f"Stap {n} gezet", partnership=partnership))
            milestone.articles.add(articles[-1])
        return articles

    articles = commit(build)
    settings.EZINE_EDGE_PURGE_URLS = ["http://127.0.0.1:9/"]  # marks pages with their keys (purges fail)
    keys = Client().get("/tijdlijn/")["xkey"]
    assert len(keys) < 8192
    assert {"ezine-milestone:*:articles", "ezine-article:*"} <= set(keys.split())
    commit(rename, articles[0], "title", "Eerste stap gezet")
    assert "Eerste stap gezet" in body("/tijdlijn/")
