"""Every public page runs a fixed number of SQL queries, whatever the number of articles, people and tags."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles.models import Milestone
from people.models import Participation, Partnership
from search import index
from tests import factories
from tests.conftest import shared_by_module
from tests.html import parse

pytestmark = pytest.mark.django_db

# Feed → URL. Every feed runs 4 queries: the articles, their people, tags and bylines; a scope's feed one
# more, for the scope (its person, organisation, programme or tag).
FEEDS = {
    "feed": "/feeds/rss/",
    "atom feed": "/feeds/atom/",
    "json feed": "/feeds/json/",
    "kind feed": "/feeds/interviews/atom/",
}
SCOPE_FEEDS = {
    "person feed": "/personen/manon-reckin/feed/json/",
    "organisation feed": "/organisaties/gemeente-maastricht/feed/",
    "partnership feed": "/partnerschappen/partnerschap-huisvesting/feed/atom/",
    "city deal feed": "/city-deals/zorg-voor-veiligheid/feed/",
    "tag feed": "/tags/veiligheid/feed/atom/",
}

# Page type → (URL, pinned number of queries).
PAGES = {
    "home": ("/", 6),
    "article list": ("/artikelen/", 4),
    "article list by tag": ("/artikelen/?tag=veiligheid", 5),
    "article detail": ("/artikelen/artikel-0/", 7),
    "person": ("/personen/manon-reckin/", 5),
    "organisation": ("/organisaties/gemeente-maastricht/", 7),
    "partnership": ("/partnerschappen/partnerschap-huisvesting/", 10),
    "city deal": ("/city-deals/zorg-voor-veiligheid/", 10),
    "timeline": ("/tijdlijn/", 4),
    "timeline by tag": ("/tijdlijn/?tag=veiligheid", 5),
    "timeline by kind": ("/tijdlijn/?soort=city-deals", 4),
    "timeline by organisation": ("/tijdlijn/?organisatie=gemeente-maastricht", 5),
    "network": ("/netwerk/", 1),
    "tag": ("/tags/veiligheid/", 5),
    "person list": ("/personen/", 2),
    "organisation list": ("/organisaties/", 2),
    "partnership list": ("/partnerschappen/", 2),
    "city deal list": ("/city-deals/", 1),
    "tag list": ("/tags/", 2),
    "sitemap index": ("/sitemap.xml", 12),  # 6 for the overviews' last modification
    "article sitemap": ("/sitemap-artikelen.xml", 2),
    "tag sitemap": ("/sitemap-tags.xml", 2),
    "person sitemap": ("/sitemap-personen.xml", 2),
    "robots.txt": ("/robots.txt", 0),
    "feeds page": ("/feeds/", 5),
    **{name: (url, 4) for name, url in FEEDS.items()},
    **{name: (url, 5) for name, url in SCOPE_FEEDS.items()},
    "milestone feed": ("/tijdlijn/feed/", 1),
    "partnership milestone feed": ("/partnerschappen/partnerschap-huisvesting/tijdlijn/feed/atom/", 2),
    "city deal milestone feed": ("/city-deals/zorg-voor-veiligheid/tijdlijn/feed/json/", 2),
}


def build_world(number_of_articles):
    """Articles about one person, organisation, partnership, City Deal and tag, each with extras."""
    organisation = factories.OrganisationFactory(name="Gemeente Maastricht")
    person = factories.PersonFactory(name="Manon Reckin", organisation=organisation)
    partnership = factories.PartnershipFactory(name="Partnerschap Huisvesting")
    deal = factories.CityDealFactory(name="Zorg voor Veiligheid")
    for scope in (partnership, deal):
        for _ in range(number_of_articles):
            scope.contacts.add(factories.PersonFactory())
    factories.take_part(partnership, *(factories.OrganisationFactory() for _ in range(number_of_articles)))
    factories.take_part(partnership, organisation, role=Participation.Role.COORDINATOR)
    factories.take_part(
        deal, organisation, *(factories.OrganisationFactory() for _ in range(number_of_articles))
    )
    editor = factories.PersonFactory(name="Eva de Redacteur")
    articles = []
    for n in range(number_of_articles):
        article = factories.ArticleFactory(
            title=f"Artikel {n}",
            partnership=partnership,
            city_deal=deal,
            people=[person, factories.PersonFactory()],
            organisations=[organisation],
            tags=["veiligheid", f"onderwerp {n}"],
            authors=[editor, factories.PersonFactory()],
            with_image=n < 3,
        )
        article.related.add(*articles[-3:])
        articles.append(article)
    # Each programme's timeline: a milestone a year, each about two articles, with others' milestones too.
    deal.tags.add("veiligheid")
    for n in range(number_of_articles):
        day = datetime.date(2000 + n, 3, 1)
        for scope in (partnership, deal, factories.CityDealFactory(), factories.PartnershipFactory()):
            field = "partnership" if isinstance(scope, Partnership) else "city_deal"
            milestone = Milestone.objects.create(
                date=day, kind="implementation", description=f"Stap {n}", **{field: scope}
            )
            milestone.articles.add(*articles[n : n + 2])
            factories.take_part(scope, factories.OrganisationFactory())


def count_queries(url, expect=200, **headers):
    client = Client()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    assert response.status_code == expect, url
    return len(queries)


@pytest.fixture(scope="module", params=[13, 40])
def world(request, django_db_setup, django_db_blocker):
    """The same pages with 13 and with 40 articles, one page of results and several (each world is built
    once, for all the tests below)."""
    with shared_by_module(django_db_blocker):
        build_world(request.param)
        index.rebuild()  # the index is written on commit, which these tests never reach
        yield request.param


@pytest.mark.parametrize("page", PAGES, ids=list(PAGES))
def test_page_runs_a_fixed_number_of_queries(page, world):
    url, pinned = PAGES[page]
    assert count_queries(url) == pinned


# Search page → (URL, pinned number of queries). Without results it shows the latest articles instead.
# A search counts its body tier and reads a page of each tier (ranked, body only), whatever the page.
SEARCHES = {
    "search page without a query": ("/zoeken/", 4),
    "search": ("/zoeken/?q=veiligheid", 6),
    "search, page 2": ("/zoeken/?q=artikel&page=2", 6),
    "search with filters": ("/zoeken/?q=artikel+veiligheid&soort=interviews&tag=veiligheid", 7),
    "search without results": ("/zoeken/?q=onvindbaar", 8),
}


@pytest.mark.parametrize("page", SEARCHES, ids=list(SEARCHES))
def test_search_page_runs_a_fixed_number_of_queries(page, world):
    url, pinned = SEARCHES[page]
    response = Client().get(url)
    shows_results = page not in ("search page without a query", "search without results")
    assert bool(parse(response).select(".search-result")) == shows_results
    assert count_queries(url) == pinned


@pytest.mark.parametrize("page", [*FEEDS, *SCOPE_FEEDS, "article detail", "home", "tag"])
@pytest.mark.usefixtures("page_cache_on")
def test_an_unchanged_feed_or_page_is_answered_304_without_sql(page, world):
    url = PAGES[page][0]
    response = Client().get(url)
    for validator in ({"if_none_match": response["ETag"]}, {"if_modified_since": response["Last-Modified"]}):
        assert count_queries(url, expect=304, **validator) == 0
