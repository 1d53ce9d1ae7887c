"""Every public page runs a fixed number of SQL queries, whatever the number of articles, people and tags."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests import factories

pytestmark = pytest.mark.django_db

# Page type → (URL, pinned number of queries).
PAGES = {
    "home": ("/", 6),
    "article list": ("/artikelen/", 4),
    "article list by tag": ("/artikelen/?tag=veiligheid", 5),
    "article detail": ("/artikelen/artikel-0/", 5),
    "person": ("/personen/manon-reckin/", 5),
    "organisation": ("/organisaties/gemeente-maastricht/", 6),
    "partnership": ("/partnerschappen/partnerschap-huisvesting/", 8),
    "city deal": ("/city-deals/zorg-voor-veiligheid/", 7),
    "tag": ("/tags/veiligheid/", 5),
    "person list": ("/personen/", 2),
    "organisation list": ("/organisaties/", 2),
    "partnership list": ("/partnerschappen/", 2),
    "city deal list": ("/city-deals/", 2),
    "tag list": ("/tags/", 2),
    "feed": ("/feeds/rss/", 3),
    "atom feed": ("/feeds/atom/", 3),
    "city deal feed": ("/city-deals/zorg-voor-veiligheid/feed/", 4),
    "tag feed": ("/tags/veiligheid/feed/atom/", 4),
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
    partnership.members.add(*(factories.OrganisationFactory() for _ in range(number_of_articles)))
    partnership.coordinators.add(organisation)
    deal.partners.add(organisation, *(factories.OrganisationFactory() for _ in range(number_of_articles)))
    articles = []
    for n in range(number_of_articles):
        article = factories.ArticleFactory(
            title=f"Artikel {n}",
            partnership=partnership,
            city_deal=deal,
            people=[person, factories.PersonFactory()],
            organisations=[organisation],
            tags=["veiligheid", f"onderwerp {n}"],
        )
        article.related.add(*articles[-3:])
        articles.append(article)


def count_queries(url):
    client = Client()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("page", PAGES, ids=list(PAGES))
@pytest.mark.parametrize("number_of_articles", [3, 30])
def test_page_runs_a_fixed_number_of_queries(page, number_of_articles):
    build_world(number_of_articles)
    url, pinned = PAGES[page]
    assert count_queries(url) == pinned
