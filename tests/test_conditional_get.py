"""Cheap to poll: feeds and article pages send ETag, Last-Modified and Cache-Control, answer 304 while nothing
they show has changed, and 200 again as soon as something has.

The validators come from the keys of what a page shows (``ezine.pagecache.validators``), with the page cache
on, over the local-memory cache and over Redis (``page_cache_on``); changes count once committed."""

import datetime
from unittest import mock

import pytest
import time_machine
from django.test import Client
from django.utils import timezone
from django.utils.http import http_date
from taggit.models import Tag

from articles.models import Article
from core import release
from ezine import pagecache
from tests import factories
from tests.feedreader import EVERY_FEED, FEED_IDS, FORMATS, feed_url, read

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


def get(url, expect=200, **headers):
    response = Client().get(url, headers=headers)
    assert response.status_code == expect, url
    return response


@pytest.fixture
def clock():
    """A clock that tests move forward, minute by minute, so that Last-Modified (to the second) moves too."""
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller


def later(clock, minutes=1):
    clock.shift(datetime.timedelta(minutes=minutes))


def edit(article, **fields):
    for name, value in fields.items():
        setattr(article, name, value)
    article.save()


DEAL_FEED = "/city-deals/city-deal-zorg-voor-veiligheid-in-de-stad/feed/"
ORGANISATION_FEED = "/organisaties/gemeente-maastricht/feed/atom/"


def visible(scopes):
    return Article.objects.get(title="Zichtbaar stuk")


# Change → (what it does to the scopes fixture, the feed it must change). Each moves Last-Modified too: a
# reader polling with If-Modified-Since alone sees a deletion as well.
CHANGES = {
    "edit": (lambda s: edit(visible(s), lead="Nieuwe inleiding."), DEAL_FEED),
    "publication": (lambda s: factories.ArticleFactory(city_deal=s["city_deal"]), DEAL_FEED),
    "draft published": (
        lambda s: edit(
            Article.objects.get(title="Concept"), status=Article.Status.PUBLISHED, published_at=None
        ),
        DEAL_FEED,
    ),
    "withdrawal": (lambda s: edit(visible(s), status=Article.Status.WITHDRAWN), DEAL_FEED),
    "back to draft": (lambda s: edit(visible(s), status=Article.Status.DRAFT), DEAL_FEED),
    "rescheduled": (
        lambda s: edit(visible(s), published_at=timezone.now() + datetime.timedelta(days=1)),
        DEAL_FEED,
    ),
    "deletion": (lambda s: visible(s).delete(), DEAL_FEED),
    "moved out of scope": (lambda s: edit(visible(s), city_deal=factories.CityDealFactory()), DEAL_FEED),
    "scope renamed": (lambda s: edit(s["city_deal"], name="City Deal Veilige Stad"), DEAL_FEED),
    "tag renamed": (
        lambda s: edit(Tag.objects.get(name="veiligheid"), name="Veiligheid!"),
        "/tags/veiligheid/feed/",
    ),
    "kind changed": (lambda s: edit(visible(s), kind=Article.Kind.COLUMN), "/feeds/interviews/json/"),
}


class TestAboutEveryScope:
    """Tests that read the articles about every kind of scope, built once for the class."""

    @pytest.mark.parametrize("scope,format", EVERY_FEED, ids=FEED_IDS)
    def test_every_feed_answers_304_while_unchanged(self, scopes, scope, format):
        url = feed_url(scope, format)
        first = get(url)
        assert first["ETag"].startswith('W/"')
        assert first["Cache-Control"] == "public, max-age=300"
        by_etag = get(url, expect=304, if_none_match=first["ETag"])
        by_date = get(url, expect=304, if_modified_since=first["Last-Modified"])
        for response in (by_etag, by_date):
            assert response.content == b""
            assert "Content-Length" not in response  # RFC 9110 §8.6: not the length of the feed
            assert response["ETag"] == first["ETag"]
            assert response["Last-Modified"] == first["Last-Modified"]
            assert response["Cache-Control"] == "public, max-age=300"

    def test_stale_validators_get_the_whole_feed(self, scopes):
        get("/feeds/rss/", expect=200, if_none_match='W/"verouderd"')
        get("/feeds/rss/", expect=200, if_modified_since="Mon, 01 Jan 2001 00:00:00 GMT")

    @pytest.mark.parametrize("url", ["/feeds/atom/", "/artikelen/zichtbaar-stuk/"])
    def test_malformed_validators_are_ignored_not_an_error(self, scopes, url):
        get(url, expect=200, if_none_match="geen etag", if_modified_since="gisteren")
        get(url, expect=200, if_none_match='W/"', if_modified_since="Mon, 99 Foo 2026 99:99:99 GMT")

    def test_last_modified_is_the_moment_of_the_last_change_shown_not_the_time_of_the_request(
        self, scopes, clock, commit
    ):
        get(DEAL_FEED)
        later(clock)
        commit(edit, visible(scopes), lead="Bewerkt.")
        changed_at = http_date(timezone.now().timestamp())
        for _ in range(2):
            later(clock)
            response = get(DEAL_FEED)
            assert response["Last-Modified"] == changed_at
        get(DEAL_FEED, expect=304, if_modified_since=changed_at)

    @pytest.mark.parametrize("change", CHANGES)
    def test_feed_changes_as_soon_as_what_it_shows_changes(self, scopes, clock, change, commit):
        make_change, url = CHANGES[change]
        first = get(url)
        get(url, expect=304, if_none_match=first["ETag"])
        later(clock)
        commit(make_change, scopes)
        later(clock)
        changed = get(url, expect=200, if_none_match=first["ETag"], if_modified_since=first["Last-Modified"])
        assert changed["ETag"] != first["ETag"]
        assert read(changed) != read(first)
        get(url, expect=304, if_none_match=changed["ETag"])
        get(url, expect=200, if_modified_since=first["Last-Modified"])

    @pytest.mark.parametrize("change", ["deleted", "moved out of scope"])
    def test_feed_changes_when_an_older_article_leaves_it(self, scopes, clock, change, commit):
        older = commit(
            factories.ArticleFactory,
            title="Ouder stuk",
            city_deal=scopes["city_deal"],
            published_at=timezone.now() - datetime.timedelta(days=9),
        )
        later(clock)
        commit(edit, visible(scopes), lead="Het nieuwste van alles in deze City Deal.")
        first = get(DEAL_FEED)
        later(clock)
        commit(older.delete if change == "deleted" else lambda: edit(older, city_deal=None))
        changed = get(
            DEAL_FEED, expect=200, if_none_match=first["ETag"], if_modified_since=first["Last-Modified"]
        )
        assert [entry["title"] for entry in read(changed)["entries"]] == ["Zichtbaar stuk"]

    def test_organisation_feed_changes_when_someone_in_an_older_article_joins_the_organisation(
        self, scopes, clock, commit
    ):
        newcomer = commit(factories.PersonFactory, name="Nieuwkomer")
        commit(factories.ArticleFactory, title="Over de nieuwkomer", people=[newcomer])
        first = get(ORGANISATION_FEED)
        later(clock)
        commit(edit, newcomer, organisation=scopes["organisation"])
        changed = get(ORGANISATION_FEED, expect=200, if_none_match=first["ETag"])
        assert "Over de nieuwkomer" in [entry["title"] for entry in read(changed)["entries"]]

    def test_scheduled_article_changes_the_feeds_at_its_moment_without_any_job(self, scopes, clock, commit):
        deal = scopes["city_deal"]
        commit(
            factories.ArticleFactory,
            title="Om twaalf uur",
            city_deal=deal,
            published_at=timezone.now() + datetime.timedelta(hours=1),
        )
        later(clock)
        first = {url: get(url) for url in ("/feeds/json/", DEAL_FEED, "/feeds/interviews/rss/")}
        later(clock, minutes=30)
        for url, response in first.items():
            get(url, expect=304, if_none_match=response["ETag"], if_modified_since=response["Last-Modified"])
        later(clock, minutes=31)
        for url, response in first.items():
            changed = get(url, expect=200, if_none_match=response["ETag"])
            assert "Om twaalf uur" in [entry["title"] for entry in read(changed)["entries"]]
            get(url, expect=200, if_modified_since=response["Last-Modified"])

    def test_changes_outside_the_scope_or_unseen_by_readers_keep_the_feed_not_modified(
        self, scopes, clock, commit
    ):
        first = {url: get(url) for url in ("/feeds/atom/", DEAL_FEED)}
        later(clock)
        commit(edit, Article.objects.get(title="Concept"), title="Nog steeds een concept")
        commit(edit, Article.objects.get(title="Over iets anders"), title="Iets anders, bewerkt")
        get(DEAL_FEED, expect=304, if_none_match=first[DEAL_FEED]["ETag"])
        get("/feeds/atom/", expect=200, if_none_match=first["/feeds/atom/"]["ETag"])

    def test_a_deploy_that_changes_the_code_changes_every_validator(self, scopes):
        first = get("/feeds/rss/")
        with mock.patch.object(pagecache, "code_version", return_value="een andere versie"):
            get("/feeds/rss/", expect=200, if_none_match=first["ETag"])


def test_code_version_follows_the_templates(settings, tmp_path):
    settings.BASE_DIR = tmp_path
    template = tmp_path / "templates" / "base.html"
    template.parent.mkdir()
    versions = []
    for markup in ("<p>oud</p>", "<p>nieuw</p>"):
        template.write_text(markup)
        release.code_version.cache_clear()
        versions.append(release.code_version())
    release.code_version.cache_clear()
    assert versions[0] != versions[1]


@pytest.mark.parametrize("format", FORMATS)
def test_unknown_scope_is_not_found_whatever_the_validators(format):
    for url in ("/personen/niemand/feed/", "/tags/niets/feed/"):
        get(
            url + FORMATS[format],
            expect=404,
            if_none_match="*",
            if_modified_since="Mon, 01 Jan 2001 00:00:00 GMT",
        )


# The article page.


@pytest.fixture
def page(commit):
    """A published article with a person of an organisation, an organisation, a partnership, a City Deal and
    a related article: everything its page shows."""

    def build():
        organisation = factories.OrganisationFactory(name="Aedes")
        article = factories.ArticleFactory(
            title="Een interview",
            people=[factories.PersonFactory(name="Sebastien Garnier", organisation=organisation)],
            organisations=[factories.OrganisationFactory(name="Gemeente Wenen")],
            partnership=factories.PartnershipFactory(name="Partnerschap Huisvesting"),
            city_deal=factories.CityDealFactory(name="City Deal Wonen"),
            tags=["wonen"],
        )
        article.related.add(factories.ArticleFactory(title="Eerder verschenen"))
        return article

    return commit(build)


def test_article_page_answers_304_while_unchanged(page):
    first = get(page.get_absolute_url())
    assert first["ETag"].startswith('W/"')
    assert first["Cache-Control"] == "public, max-age=0"
    assert get(page.get_absolute_url(), expect=304, if_none_match=first["ETag"]).content == b""
    assert get(page.get_absolute_url(), expect=304, if_modified_since=first["Last-Modified"]).content == b""


PAGE_CHANGES = {
    "article edited": lambda a: edit(a, lead="Een nieuwe inleiding."),
    "person renamed": lambda a: edit(a.people.get(), name="S. Garnier"),
    "person's organisation renamed": lambda a: edit(a.people.get().organisation, name="Aedes vereniging"),
    "organisation renamed": lambda a: edit(a.organisations.get(), name="Stad Wenen"),
    "partnership renamed": lambda a: edit(a.partnership, name="Partnerschap Betaalbaar Wonen"),
    "city deal renamed": lambda a: edit(a.city_deal, name="City Deal Goed Wonen"),
    "related article edited": lambda a: edit(a.related.get(), title="Eerder verschenen, bijgewerkt"),
    "related article withdrawn": lambda a: edit(a.related.get(), status=Article.Status.WITHDRAWN),
    "related article added": lambda a: a.related.add(factories.ArticleFactory(title="Ook interessant")),
    # Found in review: none of these moved the old aggregate validator, so browsers kept the old page.
    "tag renamed": lambda a: edit(a.tags.get(), name="Woningbouw"),
    "tag deleted": lambda a: a.tags.get().delete(),
    "person unlinked": lambda a: a.people.clear(),
}


@pytest.mark.parametrize("change", PAGE_CHANGES)
def test_article_page_changes_as_soon_as_what_it_shows_changes(page, clock, change, commit):
    url = page.get_absolute_url()
    first = get(url)
    later(clock)
    commit(PAGE_CHANGES[change], page)
    later(clock)
    changed = get(url, expect=200, if_none_match=first["ETag"])
    assert changed["ETag"] != first["ETag"]
    assert changed.content != first.content


def test_unpublished_article_is_not_found_whatever_the_validators(page, commit):
    url = page.get_absolute_url()
    etag = get(url)["ETag"]
    commit(edit, page, status=Article.Status.WITHDRAWN)
    get(url, expect=404, if_none_match=etag)
    get(url, expect=404, if_none_match="*")


def test_article_page_is_fresh_when_another_article_on_its_read_also_list_appears(commit):
    article = commit(factories.ArticleFactory, tags=["wonen"])
    client = Client()
    first = client.get(article.get_absolute_url())
    assert client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    commit(factories.ArticleFactory, title="Nieuw woonstuk", tags=["wonen"])
    fresh = client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert fresh.status_code == 200
    assert "Nieuw woonstuk" in fresh.content.decode()
