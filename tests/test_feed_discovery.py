"""Readers find the feeds: the feeds page lists every feed with its address to copy, and every page that has
a feed links to it ("Volg via RSS") and announces it in every format with <link rel="alternate">."""

from unittest import mock

import pytest
from django.test import Client

from tests import factories
from tests.html import parse

pytestmark = pytest.mark.django_db

FEED_TYPES = ["application/rss+xml", "application/atom+xml", "application/feed+json"]


def page(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    return parse(response)


PARTNERSHIP = "/partnerschappen/partnerschap-betaalbare-huisvesting/"
DEAL = "/city-deals/city-deal-zorg-voor-veiligheid-in-de-stad/"

# Page → (its feed's RSS path, or None when its only feed is the site's).
PAGES = {
    "/": None,
    "/artikelen/": None,
    "/artikelen/zichtbaar-stuk/": None,
    "/artikelen/?soort=interviews": "/feeds/interviews/rss/",
    "/artikelen/?tag=veiligheid": "/tags/veiligheid/feed/",
    "/tags/veiligheid/": "/tags/veiligheid/feed/",
    "/personen/manon-reckin/": "/personen/manon-reckin/feed/",
    "/organisaties/gemeente-maastricht/": "/organisaties/gemeente-maastricht/feed/",
}
PAGES |= {url: f"{url}feed/" for url in [PARTNERSHIP, DEAL]}


class TestAboutEveryScope:
    """Tests that read the articles about every kind of scope, built once for the class."""

    def test_feeds_page_lists_every_feed_in_every_format_with_its_address_to_copy(self, scopes):
        factories.ArticleFactory(tags=["energie"], draft=True)
        html = page("/feeds/")
        groups = {
            section.h2.get_text(): [
                item.select_one(".feed-list__title").get_text() for item in section.select("li")
            ]
            for section in html.select("section.feed-group")
        }
        assert groups == {
            "Alle artikelen": ["Agenda Stad"],
            "Rubrieken": ["Interviews", "Nieuws", "Achtergrond", "Portretten", "Columns", "Opinie"],
            "Partnerschappen": ["Partnerschap Betaalbare Huisvesting"],
            "City Deals": ["City Deal Zorg voor Veiligheid in de Stad"],
            "Personen": ["Eva de Vries", "Manon Reckin"],
            "Organisaties": ["Gemeente Maastricht"],
            "Onderwerpen": ["veiligheid", "wonen"],
            "Mijlpalen": [
                "Alle programma’s",
                "Partnerschap Betaalbare Huisvesting",
                "City Deal Zorg voor Veiligheid in de Stad",
            ],
        }
        deal = html.find("a", string="City Deal Zorg voor Veiligheid in de Stad").find_parent("li")
        addresses = [
            (dt.get_text(), dt.a["href"], dd.code.get_text())
            for dt, dd in zip(deal("dt"), deal("dd"), strict=True)
        ]
        base = "http://testserver/city-deals/city-deal-zorg-voor-veiligheid-in-de-stad/feed/"
        assert addresses == [
            ("RSS", base, base),
            ("Atom", base + "atom/", base + "atom/"),
            ("JSON Feed", base + "json/", base + "json/"),
        ]
        assert html.select_one("h1").get_text() == "Feeds"

    def test_a_group_too_large_to_list_says_where_its_feeds_are(self, scopes):
        with mock.patch("articles.feeds.FEED_CATALOGUE_LIMIT", 1):
            html = page("/feeds/")
        people = html.find("h2", string="Personen").find_parent("section")
        assert people.select("li") == []
        assert "op de pagina van elk staan de eigen feeds, onder ‘Volg via RSS’" in people.p.get_text()
        organisations = html.find("h2", string="Organisaties").find_parent("section")
        assert [item.a.get_text() for item in organisations.select("li")] == ["Gemeente Maastricht"]

    def test_every_address_on_the_feeds_page_serves_its_feed(self, scopes):
        links = [(dt.get_text(), dt.a["href"]) for dt in page("/feeds/").select(".feed-list__urls dt")]
        # Everything, 6 kinds, a partnership, a City Deal, 2 people (one interviewed, one writer), an
        # organisation, 2 tags, and the milestones of all programmes and of each; each in 3 formats.
        assert len(links) == 3 * 17
        for label, url in links:
            response = Client().get(url)
            assert response.status_code == 200, url
            assert (
                response["Content-Type"].split(";")[0]
                == FEED_TYPES[["RSS", "Atom", "JSON Feed"].index(label)]
            )

    @pytest.mark.parametrize("url", PAGES)
    def test_every_page_with_a_feed_announces_it_in_every_format_and_links_to_all_feeds(self, scopes, url):
        html = page(url)
        rss = PAGES[url]
        alternates = {(link["type"], link["href"]) for link in html.select("link[rel=alternate]")}
        site = {
            (FEED_TYPES[0], "/feeds/rss/"),
            (FEED_TYPES[1], "/feeds/atom/"),
            (FEED_TYPES[2], "/feeds/json/"),
        }
        if rss is None:
            assert alternates == site
        else:
            base = rss.removesuffix("rss/")
            own = {(FEED_TYPES[0], rss), (FEED_TYPES[1], base + "atom/"), (FEED_TYPES[2], base + "json/")}
            assert alternates == site | own
        for _type, href in alternates:
            assert Client().get(href).status_code == 200, href
        footer = [a["href"] for a in html.select(".site-footer a")]
        assert footer == ["/feeds/rss/", "/feeds/atom/", "/feeds/json/", "/feeds/"]

    @pytest.mark.parametrize("url", [url for url in PAGES if url != "/artikelen/zichtbaar-stuk/"])
    def test_every_list_of_articles_invites_to_follow_it_via_rss(self, scopes, url):
        follow = page(url).select_one("p.follow")
        assert follow.select_one("a.follow__link").get_text() == "Volg via RSS"
        assert follow.select_one("a.follow__link")["href"] == (PAGES[url] or "/feeds/rss/")
        assert [a.get_text() for a in follow.select(".follow__alt a")] == ["Atom", "JSON Feed", "alle feeds"]
        assert follow.select(".follow__alt a")[-1]["href"] == "/feeds/"

    def test_article_list_of_an_unknown_kind_offers_the_site_feed(self, scopes):
        assert page("/artikelen/?soort=onzin").select_one("a.follow__link")["href"] == "/feeds/rss/"
