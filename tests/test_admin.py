import io

import pytest
from django.urls import reverse
from PIL import Image

from articles.models import Article
from people.models import CityDeal, Organisation, Partnership, Person
from tests import factories
from tests.html import parse

pytestmark = pytest.mark.django_db

MODELS = [Article, Person, Organisation, Partnership, CityDeal]
FACTORIES = {
    Article: factories.ArticleFactory,
    Person: factories.PersonFactory,
    Organisation: factories.OrganisationFactory,
    Partnership: factories.PartnershipFactory,
    CityDeal: factories.CityDealFactory,
}


def inline_forms(prefix, rows):
    """Return the POST data of an admin inline formset with ``rows`` (dicts of field values), all new."""
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": "0"}
    for n, row in enumerate(rows):
        data.update({f"{prefix}-{n}-{field}": value for field, value in row.items()})
    return data


def admin_url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_changelist_add_and_change_pages_open_for_a_superuser(admin_client, model):
    obj = FACTORIES[model]()
    for url in (admin_url(model, "changelist"), admin_url(model, "add"), admin_url(model, "change", obj.pk)):
        assert admin_client.get(url).status_code == 200, url


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_changelist_search_and_filters_work(admin_client, model):
    FACTORIES[model]()
    response = admin_client.get(admin_url(model, "changelist"), {"q": "a"})
    assert response.status_code == 200


@pytest.mark.parametrize("visibility", ["live", "scheduled", "draft"])
def test_article_visibility_filter_shows_the_right_articles(admin_client, visibility):
    factories.ArticleFactory(title="Live stuk")
    factories.ArticleFactory(title="Gepland stuk", scheduled=True)
    factories.ArticleFactory(title="Concept stuk", draft=True)
    expected = {"live": "Live stuk", "scheduled": "Gepland stuk", "draft": "Concept stuk"}[visibility]
    page = parse(admin_client.get(admin_url(Article, "changelist"), {"visibility": visibility}))
    assert [a.get_text() for a in page.select("#result_list tbody th a")] == [expected]


def test_admin_is_in_dutch(admin_client):
    page = parse(admin_client.get(admin_url(Article, "add")))
    labels = {label.get_text(strip=True) for label in page.select("label")}
    assert {"Titel:", "Intro:", "Publicatiedatum:"} <= labels


def test_autocomplete_is_offered_for_every_relation(admin_client):
    page = parse(admin_client.get(admin_url(Article, "add")))
    for field in ("people", "organisations", "partnership", "city_deal", "related"):
        assert "admin-autocomplete" in page.select_one(f"select[name={field}]")["class"], field


def portrait_upload():
    buffer = io.BytesIO()
    Image.new("RGB", (400, 400), "teal").save(buffer, format="JPEG")
    buffer.seek(0)
    buffer.name = "portret.jpg"
    return buffer


def test_editor_can_publish_an_interview_end_to_end_without_the_shell(admin_client, client):
    """The story of the foundation issue, through the admin forms, then as a reader."""
    response = admin_client.post(
        admin_url(Organisation, "add"),
        {
            "name": "Gemeente Maastricht",
            "slug": "gemeente-maastricht",
            "kind": "municipality",
            "country": "NL",
        },
    )
    assert response.status_code == 302, response.content
    organisation = Organisation.objects.get(slug="gemeente-maastricht")

    response = admin_client.post(
        admin_url(Person, "add"),
        {
            "name": "Manon Reckin",
            "slug": "manon-reckin",
            "job_title": "projectleider Aanpak Onaantastbaren",
            "organisation": organisation.pk,
            "portrait": portrait_upload(),
            "portrait_credit": "Pieter Verbeek",
            "portrait_focus": "top",
            "tags": "veiligheid",
        },
    )
    assert response.status_code == 302, response.content
    person = Person.objects.get(slug="manon-reckin")
    assert (person.portrait_width, person.portrait_height) == (400, 400)

    response = admin_client.post(
        admin_url(CityDeal, "add"),
        {
            "name": "City Deal Zorg voor Veiligheid in de Stad",
            "slug": "zorg-voor-veiligheid",
            "kind": "city_deal",
            "phase": "execution",
            "signed_on": "2016-06-20",
            "contacts": [person.pk],
            **inline_forms("participations", [{"organisation": organisation.pk, "role": "city"}]),
            **inline_forms(
                "milestones",
                [
                    {
                        "date": "2016-06-20",
                        "precision": "day",
                        "kind": "signing",
                        "description": "De deal wordt ondertekend.",
                    }
                ],
            ),
        },
    )
    assert response.status_code == 302, response.content
    deal = CityDeal.objects.get(slug="zorg-voor-veiligheid")
    [participation] = deal.participations.all()
    assert (participation.organisation, participation.role) == (organisation, "city")
    assert deal.milestones.get().description == "De deal wordt ondertekend."

    response = admin_client.post(
        admin_url(Article, "add"),
        {
            "title": "Veiligheid terug in de wijk",
            "slug": "veiligheid-terug-in-de-wijk",
            "kind": "interview",
            "lead": "Maastricht pakt de wijken aan.",
            "body": '<h2 class="question">Wat doen jullie?</h2><p>We praten met de families.</p>',
            "people": [person.pk],
            "organisations": [organisation.pk],
            "city_deal": deal.pk,
            "tags": "veiligheid, wijkaanpak",
            "hero_focus": "center",
            "status": "published",
            "published_at_0": "",
            "published_at_1": "",
        },
    )
    assert response.status_code == 302, parse(response).select(".errorlist")
    article = Article.objects.get(slug="veiligheid-terug-in-de-wijk")
    assert article.is_published

    home = parse(client.get("/"))
    assert home.select_one(".card--lead a")["href"] == "/artikelen/veiligheid-terug-in-de-wijk/"
    article_page = parse(client.get(article.get_absolute_url()))
    hrefs = {a["href"] for a in article_page.select("a[href]")}
    assert {person.get_absolute_url(), organisation.get_absolute_url(), deal.get_absolute_url()} <= hrefs
    for url in (person.get_absolute_url(), organisation.get_absolute_url(), deal.get_absolute_url()):
        assert "Veiligheid terug in de wijk" in parse(client.get(url)).get_text()
    person_page = parse(client.get(person.get_absolute_url()))
    assert person_page.select_one(".portrait .credit").get_text() == "Foto: Pieter Verbeek"
    feed = client.get("/city-deals/zorg-voor-veiligheid/feed/")
    assert b"Veiligheid terug in de wijk" in feed.content


def test_tag_without_letters_or_digits_is_refused_with_a_dutch_message(admin_client):
    response = admin_client.post(
        admin_url(Organisation, "add"),
        {"name": "Aedes", "slug": "aedes", "kind": "other", "country": "NL", "tags": "wonen, ???"},
    )
    assert response.status_code == 200
    assert "De tag “???” moet minstens één letter of cijfer bevatten." in parse(response).get_text()
    assert not Organisation.objects.exists()


def test_view_on_site_links_to_the_public_page(admin_client):
    article = factories.ArticleFactory()
    page = parse(admin_client.get(admin_url(Article, "change", article.pk)))
    link = page.select_one("a.viewsitelink")
    assert link is not None
    assert admin_client.get(link["href"]).url == "http://testserver" + article.get_absolute_url()


def test_admin_requires_staff_login(client):
    for model in MODELS:
        response = client.get(admin_url(model, "changelist"))
        assert response.status_code == 302
        assert response.url.startswith("/admin/login/")
