import feedparser
import pytest
from django.test import Client

from tests import factories

pytestmark = pytest.mark.django_db


def fetch(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, (url, feed.get("bozo_exception"))
    return response, feed


@pytest.fixture
def scopes():
    """One published article about every kind of scope, and a draft and a scheduled article about them too."""
    organisation = factories.OrganisationFactory(name="Gemeente Maastricht")
    person = factories.PersonFactory(name="Manon Reckin", organisation=organisation)
    partnership = factories.PartnershipFactory(name="Partnerschap Betaalbare Huisvesting")
    deal = factories.CityDealFactory(name="City Deal Zorg voor Veiligheid in de Stad")
    relations = {
        "people": [person],
        "organisations": [organisation],
        "partnership": partnership,
        "city_deal": deal,
        "tags": ["veiligheid"],
    }
    factories.ArticleFactory(title="Zichtbaar stuk", lead="Een inleiding & meer.", **relations)
    factories.ArticleFactory(title="Concept", draft=True, **relations)
    factories.ArticleFactory(title="Ingepland", scheduled=True, **relations)
    factories.ArticleFactory(title="Over iets anders")
    return {"person": person, "organisation": organisation, "partnership": partnership, "city_deal": deal}


SCOPED_FEEDS = [
    "/personen/manon-reckin/feed/",
    "/organisaties/gemeente-maastricht/feed/",
    "/partnerschappen/partnerschap-betaalbare-huisvesting/feed/",
    "/city-deals/city-deal-zorg-voor-veiligheid-in-de-stad/feed/",
    "/tags/veiligheid/feed/",
]


@pytest.mark.parametrize("url", ["/feeds/rss/", "/feeds/atom/"])
def test_site_feed_has_only_published_articles(scopes, url):
    _, feed = fetch(url)
    assert {entry.title for entry in feed.entries} == {"Zichtbaar stuk", "Over iets anders"}
    assert feed.feed.title == "Agenda Stad"
    assert feed.feed.language == "nl"


@pytest.mark.parametrize("url", SCOPED_FEEDS + [u + "atom/" for u in SCOPED_FEEDS])
def test_scoped_feed_has_only_the_published_articles_of_its_scope(scopes, url):
    _, feed = fetch(url)
    assert [entry.title for entry in feed.entries] == ["Zichtbaar stuk"]
    assert feed.feed.title.startswith("Agenda Stad — ")


def test_feed_title_names_the_scope(scopes):
    _, feed = fetch("/city-deals/city-deal-zorg-voor-veiligheid-in-de-stad/feed/")
    assert feed.feed.title == "Agenda Stad — City Deal Zorg voor Veiligheid in de Stad"
    assert feed.feed.link.endswith("/city-deals/city-deal-zorg-voor-veiligheid-in-de-stad/")


def test_feed_entry_carries_lead_dates_people_and_tags(scopes):
    response, feed = fetch("/feeds/atom/")
    entry = next(e for e in feed.entries if e.title == "Zichtbaar stuk")
    assert entry.summary == "Een inleiding & meer."
    assert entry.author == "Manon Reckin"
    assert [tag.term for tag in entry.tags] == ["veiligheid"]
    assert entry.link == "http://testserver/artikelen/zichtbaar-stuk/"
    assert entry.published_parsed and entry.updated_parsed
    assert response["Last-Modified"]


def test_feed_of_unknown_scope_is_not_found():
    for url in ("/personen/niemand/feed/", "/tags/niets/feed/atom/", "/city-deals/geen/feed/"):
        assert Client().get(url).status_code == 404


def test_feed_holds_at_most_the_latest_twenty_articles(settings):
    factories.ArticleFactory.create_batch(settings.FEED_LENGTH + 3)
    _, feed = fetch("/feeds/rss/")
    assert len(feed.entries) == settings.FEED_LENGTH


def test_titles_with_markup_characters_arrive_intact():
    factories.ArticleFactory(title="‘Steden & regio’s <samen>’ “sterk”")
    for url in ("/feeds/rss/", "/feeds/atom/"):
        _, feed = fetch(url)
        assert feed.entries[0].title == "‘Steden & regio’s <samen>’ “sterk”"
