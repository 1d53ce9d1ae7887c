"""What search engines and social networks get: titles, canonical URLs, Open Graph, JSON-LD, sitemap."""

import datetime
import json
import xml.etree.ElementTree as ET

import pytest
from django.test import Client
from django.utils import timezone

from articles.models import Article
from core.dates import machine_datetime
from tests import factories
from tests.html import parse

pytestmark = pytest.mark.django_db
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def json_ld(page):
    return [json.loads(script.string) for script in page.select('script[type="application/ld+json"]')]


def meta(page, name):
    tag = page.select_one(f'meta[property="{name}"]') or page.select_one(f'meta[name="{name}"]')
    return tag["content"] if tag else None


@pytest.fixture
def article():
    person = factories.PersonFactory(name="Sadik Harchaoui", job_title="directeur")
    return factories.ArticleFactory(
        title="Social deals & sociale impact",
        lead="Een inleiding over <sociale> investeringen.",
        with_image=True,
        hero_alt="Portret",
        people=[person],
        tags=["sociale impact"],
    )


def test_article_page_has_title_description_canonical_and_open_graph(article):
    page = parse(Client().get(article.get_absolute_url() + "?utm_source=nieuwsbrief"))
    assert page.title.get_text() == "Social deals & sociale impact · Agenda Stad"
    assert meta(page, "description") == "Een inleiding over <sociale> investeringen."
    canonical = "http://testserver/artikelen/social-deals-sociale-impact/"
    assert page.select_one("link[rel=canonical]")["href"] == canonical
    assert meta(page, "og:url") == canonical
    assert meta(page, "og:type") == "article"
    assert meta(page, "og:title") == "Social deals & sociale impact"
    assert meta(page, "og:image").startswith("http://testserver/media/renditions/")
    assert meta(page, "twitter:card") == "summary_large_image"


def test_article_json_ld_is_a_news_article_with_author_publisher_dates_and_image(article):
    data, _breadcrumbs = json_ld(parse(Client().get(article.get_absolute_url())))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.title
    assert data["datePublished"] == machine_datetime(article.published_at)
    assert data["publisher"]["name"] == "Agenda Stad"
    assert data["author"] and data["image"][0].startswith("http://testserver/media/renditions/")
    assert data["about"][0] == {
        "@type": "Person",
        "name": "Sadik Harchaoui",
        "url": "http://testserver/personen/sadik-harchaoui/",
        "jobTitle": "directeur",
        "worksFor": {"@type": "Organization", "name": article.people.get().organisation.name},
    }


def test_json_ld_cannot_be_broken_out_of():
    article = factories.ArticleFactory(title="</script><script>alert(1)</script>")
    page = Client().get(article.get_absolute_url()).content.decode()
    assert "</script><script>alert(1)" not in page
    data, _breadcrumbs = json_ld(parse(Client().get(article.get_absolute_url())))
    assert data["headline"] == "</script><script>alert(1)</script>"


def test_person_and_organisation_pages_describe_themselves_in_json_ld():
    person = factories.PersonFactory(name="Jantine Kriens", job_title="voorzitter", bio="Bestuurder.")
    person_data, _breadcrumbs = json_ld(parse(Client().get(person.get_absolute_url())))
    assert person_data["@type"] == "Person" and person_data["jobTitle"] == "voorzitter"
    organisation_data, _breadcrumbs = json_ld(parse(Client().get(person.organisation.get_absolute_url())))
    assert organisation_data["@type"] == "GovernmentOrganization"
    assert organisation_data["name"] == person.organisation.name


def test_home_page_describes_the_website():
    (data,) = json_ld(parse(Client().get("/")))
    assert data["@type"] == "WebSite" and data["inLanguage"] == "nl"


def test_paginated_lists_link_previous_and_next_pages(settings):
    factories.ArticleFactory.create_batch(settings.ARTICLES_PER_PAGE * 2 + 1)
    first = parse(Client().get("/artikelen/"))
    middle = parse(Client().get("/artikelen/?page=2"))
    assert first.select_one("link[rel=prev]") is None
    assert first.select_one("link[rel=next]")["href"] == "?page=2"
    assert middle.select_one("link[rel=prev]")["href"] == "?page=1"
    assert middle.select_one("link[rel=next]")["href"] == "?page=3"
    assert middle.select_one("link[rel=canonical]")["href"] == "http://testserver/artikelen/?page=2"


def sitemap_entries(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    root = ET.fromstring(response.content)
    return {entry.findtext("s:loc", namespaces=SITEMAP_NS): entry for entry in root}


class TestDemoContent:
    """Tests over the demo content, loaded once for the class."""

    def test_each_page_type_has_its_own_title_and_description(self, demo):
        deal = factories.CityDealFactory(name="City Deal Testdeal")
        urls = [
            "/",
            "/artikelen/",
            Article.objects.published().first().get_absolute_url(),
            "/personen/",
            "/organisaties/",
            "/partnerschappen/",
            "/city-deals/",
            deal.get_absolute_url(),
            "/tags/",
        ]
        pages = [parse(Client().get(url)) for url in urls]
        titles = [page.title.get_text() for page in pages]
        assert len(set(titles)) == len(titles), titles
        assert all(meta(page, "description") for page in pages)

    def test_sitemap_index_lists_one_sitemap_per_kind_of_content(self, demo):
        sections = sitemap_entries("/sitemap.xml")
        assert set(sections) == {
            f"http://testserver/sitemap-{name}.xml"
            for name in (
                "overzichten",
                "artikelen",
                "personen",
                "organisaties",
                "partnerschappen",
                "city-deals",
                "tags",
            )
        }

    def test_sitemap_lists_published_articles_only_with_lastmod(self, demo):
        entries = sitemap_entries("/sitemap-artikelen.xml")
        for article in Article.objects.all():
            url = "http://testserver" + article.get_absolute_url()
            assert (url in entries) == article.is_published, article
            if article.is_published:
                assert entries[url].findtext("s:lastmod", namespaces=SITEMAP_NS)
        assert "http://testserver/personen/sebastien-garnier/" in sitemap_entries("/sitemap-personen.xml")
        deals = sitemap_entries("/sitemap-city-deals.xml")
        assert "http://testserver/city-deals/city-deal-zorg-voor-veiligheid-in-de-stad/" in deals


def test_unknown_sitemap_section_is_not_found():
    assert Client().get("/sitemap-geheim.xml").status_code == 404


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_admin_and_previews():
    response = Client().get("/robots.txt")
    text = response.content.decode()
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Disallow: /admin/" in text and "Disallow: /voorbeeld/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_related_articles_prefer_the_editors_choice_then_shared_topics():
    deal = factories.CityDealFactory()
    article = factories.ArticleFactory(city_deal=deal, tags=["wonen", "zorg"])
    chosen = factories.ArticleFactory(title="Gekozen")
    article.related.add(chosen)
    same_deal_and_tag = factories.ArticleFactory(title="Zelfde deal en tag", city_deal=deal, tags=["wonen"])
    one_tag = factories.ArticleFactory(title="Eén tag", tags=["zorg"])
    factories.ArticleFactory(title="Niets gemeen", tags=["energie"])
    factories.ArticleFactory(title="Concept", draft=True, city_deal=deal)
    article = Article.objects.for_detail().get(pk=article.pk)

    related = Article.objects.related_to(article)

    assert [a.title for a in related] == [chosen.title, same_deal_and_tag.title, one_tag.title]


def test_article_page_offers_read_also_and_more_about_its_people():
    person = factories.PersonFactory(name="Manon Reckin")
    article = factories.ArticleFactory(people=[person], tags=["veiligheid"])
    factories.ArticleFactory(title="Ander veiligheidsstuk", tags=["veiligheid"])
    page = parse(Client().get(article.get_absolute_url()))
    assert "Ander veiligheidsstuk" in page.select_one("#related-heading").parent.get_text()
    assert page.select_one('#more-heading + ul a[href="/personen/manon-reckin/"]')

    def test_every_detail_page_has_breadcrumbs_from_home_through_its_overview(self, demo):
        article = Article.objects.published().first()
        pages = {
            article.get_absolute_url(): ("Artikelen", "/artikelen/"),
            "/personen/manon-reckin/": ("Personen", "/personen/"),
            "/organisaties/gemeente-maastricht/": ("Organisaties", "/organisaties/"),
            "/partnerschappen/partnerschap-betaalbare-huisvesting/": ("Partnerschappen", "/partnerschappen/"),
            "/city-deals/city-deal-zorg-voor-veiligheid-in-de-stad/": ("City Deals", "/city-deals/"),
            "/tags/veiligheid/": ("Tags", "/tags/"),
        }
        for path, (overview, overview_path) in pages.items():
            crumbs = next(
                node for node in json_ld(parse(Client().get(path))) if node["@type"] == "BreadcrumbList"
            )
            items = crumbs["itemListElement"]
            assert [item["position"] for item in items] == [1, 2, 3]
            assert [item["item"] for item in items] == [
                "http://testserver/",
                f"http://testserver{overview_path}",
                f"http://testserver{path}",
            ]
            assert [item["name"] for item in items[:2]] == ["Agenda Stad", overview]

    def test_partnership_city_deal_and_tag_pages_describe_themselves_in_json_ld(self, demo):
        partnership = json_ld(parse(Client().get("/partnerschappen/partnerschap-betaalbare-huisvesting/")))[0]
        assert partnership["@type"] == "Project"
        assert partnership["name"] == "Partnerschap Betaalbare Huisvesting"
        assert partnership["member"] and all(m["@type"] == "Organization" for m in partnership["member"])
        deal = json_ld(parse(Client().get("/city-deals/city-deal-zorg-voor-veiligheid-in-de-stad/")))[0]
        assert deal["@type"] == "Project" and "Gemeente Maastricht" in [m["name"] for m in deal["member"]]
        topic = json_ld(parse(Client().get("/tags/veiligheid/")))[0]
        assert topic == {
            "@context": "https://schema.org",
            "@type": "CollectionPage",
            "name": "veiligheid",
            "about": {"@type": "Thing", "name": "veiligheid"},
            "inLanguage": "nl",
            "url": "http://testserver/tags/veiligheid/",
        }

    def test_every_page_type_has_an_open_graph_image(self, demo):
        from tests.test_browser import PAGE_TYPES

        for name, path in PAGE_TYPES.items():
            page = parse(Client().get(path))
            image = meta(page, "og:image")
            assert image and image.startswith("http://testserver/"), name
        assert meta(parse(Client().get("/tags/veiligheid/")), "og:image").endswith(
            "/static/ezine/og-default.png"
        )

    def test_every_overview_and_tag_in_the_sitemaps_has_a_last_modification(self, demo):
        for section in ("overzichten", "tags"):
            entries = sitemap_entries(f"/sitemap-{section}.xml")
            assert entries and all(
                entry.findtext("s:lastmod", namespaces=SITEMAP_NS) for entry in entries.values()
            )


def test_home_page_offers_the_search_page_to_search_engines():
    (website,) = json_ld(parse(Client().get("/")))
    assert website["potentialAction"] == {
        "@type": "SearchAction",
        "target": {"@type": "EntryPoint", "urlTemplate": "http://testserver/zoeken/?q={search_term_string}"},
        "query-input": "required name=search_term_string",
    }


def test_canonical_link_encodes_its_query():
    page = parse(Client().get("/zoeken/", {"q": "huur & koop #1", "utm_source": "x"}))
    assert page.select_one("link[rel=canonical]")["href"] == "http://testserver/zoeken/?q=huur+%26+koop+%231"


def test_the_home_page_loads_its_lead_image_at_once_and_the_rest_lazily():
    factories.ArticleFactory(title="Ouder", with_image=True)
    factories.ArticleFactory(title="Nieuwste", with_image=True)
    page = parse(Client().get("/"))
    lead = page.select_one(".card--lead img")
    assert lead is not None and not lead.has_attr("loading")
    cards = parse(Client().get("/artikelen/")).select(".card img")
    assert cards and all(image["loading"] == "lazy" for image in cards)


def test_a_tag_s_last_modification_in_the_sitemap_is_its_newest_article_s_publication():
    now = timezone.now()
    for days, tags in ((40, ["wonen"]), (10, ["wonen", "zorg"]), (3, ["zorg"])):
        factories.ArticleFactory(tags=tags, published_at=now - datetime.timedelta(days=days))
    factories.ArticleFactory(tags=["wonen"], draft=True)
    entries = sitemap_entries("/sitemap-tags.xml")
    for tag, days in (("wonen", 10), ("zorg", 3)):
        lastmod = entries[f"http://testserver/tags/{tag}/"].findtext("s:lastmod", namespaces=SITEMAP_NS)
        assert lastmod == timezone.localdate(now - datetime.timedelta(days=days)).isoformat()
