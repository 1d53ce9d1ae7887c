import pytest
from django.test.utils import override_script_prefix
from django.urls import reverse

from articles.models import Article
from people.models import CityDeal, Organisation, Participation, Partnership, Person
from tests import factories
from tests.html import links, parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def interview():
    """A published interview with a person of an organisation about a City Deal, tagged."""
    organisation = factories.OrganisationFactory(name="Gemeente Maastricht")
    person = factories.PersonFactory(
        name="Manon Reckin", job_title="projectleider", organisation=organisation
    )
    deal = factories.CityDealFactory(name="City Deal Zorg voor Veiligheid in de Stad")
    factories.take_part(deal, organisation)
    return factories.ArticleFactory(
        title="Veiligheid terug in de wijk",
        lead="Maastricht pakt kwetsbare wijken aan.",
        body='<h2 class="question">Hoe begon het?</h2><p>Met een noodsignaal.</p>',
        city_deal=deal,
        people=[person],
        organisations=[organisation],
        tags=["veiligheid"],
        hero_credit="Pieter Verbeek",
        hero_caption="Maastricht.",
    )


def test_home_shows_the_latest_articles_with_the_newest_as_lead(interview):
    older = factories.ArticleFactory(
        title="Ouder stuk", published_at=interview.published_at.replace(year=2020)
    )
    page = parse(response := _get("/"))
    assert response.status_code == 200
    assert page.select_one(".card--lead .card__title").get_text(strip=True) == interview.title
    assert older.title in page.select_one(".home__main").get_text()
    assert page.html["lang"] == "nl"


def test_home_lists_partnerships_city_deals_and_popular_tags(interview):
    factories.PartnershipFactory(name="Partnerschap Luchtkwaliteit")
    page = parse(_get("/"))
    aside = page.select_one(".home__aside").get_text()
    assert "Partnerschap Luchtkwaliteit" in aside
    assert "City Deal Zorg voor Veiligheid in de Stad" in aside
    assert "veiligheid" in aside


def test_article_page_shows_lead_body_people_deal_tags_and_credit(interview):
    response = _get(interview.get_absolute_url())
    page = parse(response)
    assert page.h1.get_text() == interview.title
    assert page.select_one(".article__lead").get_text() == interview.lead
    assert page.select_one(".prose h2.question").get_text() == "Hoe begon het?"
    assert "Dit gaat over de City Deal" in page.get_text()
    hrefs = links(response)
    assert "/personen/manon-reckin/" in hrefs
    assert "/organisaties/gemeente-maastricht/" in hrefs
    assert "/city-deals/city-deal-zorg-voor-veiligheid-in-de-stad/" in hrefs
    assert "/tags/veiligheid/" in hrefs
    assert "projectleider" in page.select_one(".person-card").get_text()


def test_reader_can_click_from_article_to_person_organisation_deal_and_its_feed(interview):
    deal_page = _get(interview.city_deal.get_absolute_url())
    for url in (interview.people.get().get_absolute_url(), "/organisaties/gemeente-maastricht/"):
        assert interview.title in parse(_get(url)).get_text()
    page = parse(deal_page)
    assert interview.title in page.get_text()
    feed_link = page.select_one('link[rel=alternate][type="application/rss+xml"][href*="city-deals"]')
    assert feed_link["href"] == "/city-deals/city-deal-zorg-voor-veiligheid-in-de-stad/feed/"
    assert _get(feed_link["href"])["Content-Type"].startswith("application/rss+xml")


def test_hero_image_has_dimensions_alt_caption_and_credit_shown_as_foto():
    article = factories.ArticleFactory(
        with_image=True,
        hero_alt="Een straat in Maastricht",
        hero_caption="Maastricht.",
        hero_credit="Pieter Verbeek",
    )
    figure = parse(_get(article.get_absolute_url())).select_one("figure.hero")
    assert (figure.img["width"], figure.img["height"]) == ("1200", "800")
    assert figure.img["alt"] == "Een straat in Maastricht"
    assert figure.figcaption.get_text(" ", strip=True) == "Maastricht. Foto: Pieter Verbeek"
    assert figure.select_one(".credit").get_text() == "Foto: Pieter Verbeek"


@pytest.mark.parametrize(
    "traits",
    [{"draft": True}, {"scheduled": True}],
    ids=["draft", "scheduled"],
)
def test_unpublished_article_page_is_not_found(traits):
    article = factories.ArticleFactory(**traits)
    assert _get(article.get_absolute_url(), expect=404)


def test_unpublished_articles_are_not_listed_anywhere():
    person = factories.PersonFactory()
    factories.ArticleFactory(title="Geheim concept", draft=True, people=[person], tags=["wonen"])
    factories.ArticleFactory(title="Nog niet", scheduled=True, people=[person], tags=["wonen"])
    factories.ArticleFactory(title="Zichtbaar", people=[person], tags=["wonen"])
    for url in ("/", "/artikelen/", person.get_absolute_url(), "/tags/wonen/"):
        text = parse(_get(url)).get_text()
        assert "Zichtbaar" in text
        assert "Geheim concept" not in text
        assert "Nog niet" not in text


@pytest.mark.parametrize(
    "url",
    [
        "/artikelen/bestaat-niet/",
        "/personen/bestaat-niet/",
        "/organisaties/bestaat-niet/",
        "/partnerschappen/bestaat-niet/",
        "/city-deals/bestaat-niet/",
        "/tags/bestaat-niet/",
        "/nergens/",
    ],
)
def test_unknown_address_gives_a_dutch_not_found_page(url):
    response = _get(url, expect=404)
    assert "Pagina niet gevonden" in parse(response).h1.get_text()


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999999999999999999", "1.5", "", "%00"])
def test_bad_page_number_never_breaks_a_list(page):
    factories.ArticleFactory.create_batch(3)
    person = factories.PersonFactory()
    for url in ("/artikelen/", "/personen/", "/organisaties/", person.get_absolute_url(), "/tags/"):
        response = _client().get(url, {"page": page})
        assert response.status_code in (200, 404), (url, page)


def test_article_list_paginates_and_links_the_next_page(settings):
    factories.ArticleFactory.create_batch(settings.ARTICLES_PER_PAGE + 1)
    first = parse(_get("/artikelen/"))
    assert len(first.select(".card")) == settings.ARTICLES_PER_PAGE
    assert first.select_one("a[rel=next]")["href"] == "?page=2"
    second = parse(_get("/artikelen/?page=2"))
    assert len(second.select(".card")) == 1
    assert "pagina 2" in second.title.get_text()


def test_article_list_filters_by_kind_and_tag():
    factories.ArticleFactory(title="Een interview", kind=Article.Kind.INTERVIEW, tags=["wonen"])
    factories.ArticleFactory(title="Een nieuwsbericht", kind=Article.Kind.NEWS, tags=["wonen"])
    factories.ArticleFactory(title="Ander onderwerp", kind=Article.Kind.NEWS, tags=["energie"])

    def titles(query):
        return {h.get_text(strip=True) for h in parse(_get("/artikelen/" + query)).select(".card__title")}

    assert titles("?soort=nieuws") == {"Een nieuwsbericht", "Ander onderwerp"}
    assert titles("?tag=wonen") == {"Een interview", "Een nieuwsbericht"}
    assert titles("?soort=nieuws&tag=wonen") == {"Een nieuwsbericht"}
    assert titles("?soort=onzin") == {"Een interview", "Een nieuwsbericht", "Ander onderwerp"}


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/artikelen/?soort=news", "/artikelen/?soort=nieuws"),
        ("/artikelen/?soort=interview&tag=wonen", "/artikelen/?soort=interviews&tag=wonen"),
        ("/zoeken/?q=wonen&soort=interview", "/zoeken/?soort=interviews&q=wonen"),
        ("/zoeken/?q=wonen&soort=articles", "/zoeken/?soort=artikelen&q=wonen"),
        ("/zoeken/?q=wonen&soort=citydeal", "/zoeken/?soort=city-deals&q=wonen"),
        ("/zoeken/?q=wonen&soort=person", "/zoeken/?soort=personen&q=wonen"),
    ],
)
def test_old_spellings_of_a_kind_redirect_permanently_to_the_dutch_name(client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new
    assert client.get(new).status_code == 200


def test_every_address_names_a_kind_of_article_the_same_way():
    article = factories.ArticleFactory(kind=Article.Kind.INTERVIEW)
    page = parse(_get(article.get_absolute_url()))
    assert page.select_one(".kicker a")["href"] == "/artikelen/?soort=interviews"
    assert reverse("articles:kind_feed", kwargs={"kind": Article.Kind.INTERVIEW}) == "/feeds/interviews/rss/"
    search_kinds = [o["value"] for o in parse(_get("/zoeken/?q=wonen")).select("#search-kind option")]
    list_kinds = [a["href"] for a in parse(_get("/artikelen/")).select(".filters a")]
    for kind in Article.Kind:
        assert kind.slug in search_kinds
        assert f"?soort={kind.slug}" in list_kinds


def test_city_deal_list_groups_deals_by_phase():
    factories.CityDealFactory(name="Deal in uitvoering", phase=CityDeal.Phase.EXECUTION)
    factories.CityDealFactory(name="Deal in ideefase", phase=CityDeal.Phase.IDEA)
    sections = parse(_get("/city-deals/")).select("section.phase")
    assert [s.h2.get_text() for s in sections] == ["Ideefase", "In uitvoering"]
    assert "Deal in ideefase" in sections[0].get_text()


def test_city_deal_page_groups_partners_as_cities_ministries_and_others():
    deal = factories.CityDealFactory()
    factories.take_part(
        deal,
        factories.OrganisationFactory(name="Gemeente Maastricht", kind=Organisation.Kind.MUNICIPALITY),
        factories.OrganisationFactory(name="Ministerie van JenV", kind=Organisation.Kind.MINISTRY),
        factories.OrganisationFactory(name="Politie", kind=Organisation.Kind.OTHER),
    )
    columns = parse(_get(deal.get_absolute_url())).select(".columns section")
    assert [(c.h2.get_text(), c.li.get_text()) for c in columns] == [
        ("Steden", "Gemeente Maastricht"),
        ("Departementen", "Ministerie van JenV"),
        ("Overige partners", "Politie"),
    ]


def test_partnership_page_shows_coordinators_members_and_contacts():
    partnership = factories.PartnershipFactory(status=Partnership.Status.COMPLETED)
    coordinator = factories.OrganisationFactory(name="Stad Wenen")
    factories.take_part(partnership, coordinator, role=Participation.Role.COORDINATOR)
    aedes = factories.OrganisationFactory(name="Aedes", kind=Organisation.Kind.HOUSING_ASSOCIATION)
    factories.take_part(partnership, aedes)
    partnership.contacts.add(factories.PersonFactory(name="Sebastien Garnier"))
    text = parse(_get(partnership.get_absolute_url())).get_text()
    for expected in (
        "Coördinatoren",
        "Stad Wenen",
        "Overige partners",
        "Aedes",
        "Contactpersonen",
        "Sebastien Garnier",
    ):
        assert expected in text
    assert "Afgerond" in text


def test_organisation_page_lists_its_people():
    person = factories.PersonFactory(name="Jantine Kriens")
    assert "Jantine Kriens" in parse(_get(person.organisation.get_absolute_url())).get_text()


def test_organisation_list_filters_by_kind():
    factories.OrganisationFactory(name="Aedes", kind=Organisation.Kind.HOUSING_ASSOCIATION)
    factories.OrganisationFactory(name="Gemeente Utrecht", kind=Organisation.Kind.MUNICIPALITY)
    text = parse(_get("/organisaties/?soort=municipality")).select_one(".org-list").get_text()
    assert "Gemeente Utrecht" in text and "Aedes" not in text


def test_every_page_has_a_skip_link_navigation_and_one_h1(interview):
    urls = [
        "/",
        "/artikelen/",
        interview.get_absolute_url(),
        "/personen/",
        Person.objects.get().get_absolute_url(),
        "/organisaties/",
        "/partnerschappen/",
        "/city-deals/",
        interview.city_deal.get_absolute_url(),
        "/tags/",
        "/tags/veiligheid/",
    ]
    for url in urls:
        page = parse(_get(url))
        assert page.select_one("a.skip-link")["href"] == "#main", url
        assert page.select_one("main#main"), url
        assert page.select_one("nav[aria-label]"), url
        assert len(page.select("h1")) == 1, url
        assert page.title.get_text().strip(), url


def _client():
    from django.test import Client

    return Client()


def _get(url, expect=200):
    response = _client().get(url)
    assert response.status_code == expect, (url, response.status_code)
    return response


def test_feed_links_on_pages_point_to_existing_feeds(interview):
    page = parse(_get(reverse("people:person_detail", kwargs={"slug": "manon-reckin"})))
    for link in page.select("link[rel=alternate]"):
        assert _client().get(link["href"]).status_code == 200, link["href"]


def test_organisation_page_lists_the_partnerships_and_city_deals_it_takes_part_in():
    organisation = factories.OrganisationFactory(name="Gemeente Maastricht")
    factories.take_part(factories.CityDealFactory(name="City Deal Zorg voor Veiligheid"), organisation)
    partnership = factories.PartnershipFactory(name="Partnerschap Huisvesting")
    factories.take_part(partnership, organisation, role=Participation.Role.COORDINATOR)
    factories.CityDealFactory(name="Andere deal")
    section = parse(_get(organisation.get_absolute_url())).select_one("#collaborations-heading").parent
    items = [(li.a.get_text(), li.a["href"], li.span.get_text()) for li in section.select("li")]
    assert items == [  # oldest first: the partnership began in 2015, the deal in 2016
        (
            "Partnerschap Huisvesting",
            "/partnerschappen/partnerschap-huisvesting/",
            "partnerschap · coördinator · 2015–nu",
        ),
        (
            "City Deal Zorg voor Veiligheid",
            "/city-deals/city-deal-zorg-voor-veiligheid/",
            "City Deal · stad · 2016–nu",
        ),
    ]


@pytest.mark.parametrize("tag", ["\u202e\x00", "wonen\x00", "\x00", "<b>", "a b"])
def test_a_tag_parameter_that_is_no_slug_finds_nothing_on_every_database(client, tag):
    factories.ArticleFactory(title="Over wonen", tags=["wonen"])
    response = client.get("/artikelen/", {"tag": tag})
    assert response.status_code == 200
    assert parse(response).select(".card__title") == []


def test_menu_links_follow_the_script_prefix_the_site_is_served_under(client):
    """The menus' addresses are reversed once a process, and once more for each prefix (``site_url``)."""
    plain = links(client.get("/"))
    with override_script_prefix("/ezine/"):  # as the WSGI handler sets it from SCRIPT_NAME
        prefixed = links(client.get("/"))
    assert reverse("articles:list") in plain and "/ezine" + reverse("articles:list") not in plain
    assert "/ezine" + reverse("articles:list") in prefixed
