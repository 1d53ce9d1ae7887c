"""Every admin address is for staff only, every admin form needs its CSRF token, uploads stay in media."""

import io
import re

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import URLPattern, URLResolver, reverse
from PIL import Image

from articles.models import Article
from people.models import Organisation, Person
from tests import factories
from tests.html import form_data

pytestmark = pytest.mark.django_db


def admin_paths(patterns, prefix="/admin/"):
    """Yield every URL path of the admin, with sample values for its parameters."""
    for pattern in patterns:
        route = str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from admin_paths(pattern.url_patterns, prefix + route.lstrip("^"))
        elif isinstance(pattern, URLPattern):
            path = prefix + route.lstrip("^").rstrip("$")
            path = re.sub(r"<path:object_id>|<object_id>|<[a-z_]*id[0-9]?>", "1", path)
            path = re.sub(r"\((?:\?P<[^>]+>)?[^)]*\)", "1", path)
            path = re.sub(r"<[^>]+>", "1", path)
            yield path.replace("\\", "")


ADMIN_PATHS = sorted(set(admin_paths(admin.site.get_urls())))


@pytest.fixture
def content():
    factories.ArticleFactory(pk=1)
    factories.PersonFactory(pk=1)


def test_the_admin_has_many_addresses_to_check():
    assert len(ADMIN_PATHS) > 60


@pytest.mark.parametrize(
    "path", [p for p in ADMIN_PATHS if not p.startswith(("/admin/login", "/admin/logout"))]
)
def test_anonymous_visitors_are_sent_to_the_login_page(content, path):
    response = Client().get(path)
    assert response.status_code in (302, 404), path
    if response.status_code == 302:
        assert response.url.startswith("/admin/login/"), (path, response.url)


@pytest.mark.parametrize(
    "path", [p for p in ADMIN_PATHS if not p.startswith(("/admin/login", "/admin/logout"))]
)
def test_logged_in_readers_without_staff_status_get_nothing(content, path, django_user_model):
    user = django_user_model.objects.create_user("lezer", "lezer@example.org", "wachtwoord-123")
    client = Client()
    client.force_login(user)
    response = client.get(path)
    assert response.status_code in (302, 404), path
    if response.status_code == 302:
        assert response.url.startswith("/admin/login/"), (path, response.url)


def test_admin_forms_refuse_a_post_without_csrf_token(admin_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    response = client.post(reverse("admin:people_organisation_add"), {"name": "Zonder token", "slug": "x"})
    assert response.status_code == 403
    assert not Organisation.objects.filter(name="Zonder token").exists()
    page = client.get(reverse("admin:people_organisation_add")).content.decode()
    assert 'name="csrfmiddlewaretoken"' in page


def test_uploaded_file_names_cannot_leave_the_media_folder(admin_client, media_root):
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), "teal").save(buffer, format="JPEG")
    buffer.seek(0)
    buffer.name = "../../../../etc/passwd.jpg"
    data = {
        "name": "Reiziger",
        "slug": "reiziger",
        "portrait": buffer,
        "portrait_focus": "center",
    }
    response = admin_client.post(reverse("admin:people_person_add"), data)
    assert response.status_code == 302
    stored = Person.objects.get(slug="reiziger").portrait
    assert ".." not in stored.name and stored.name.startswith("people/")
    assert (media_root / stored.name).resolve().is_relative_to(media_root.resolve())


def test_an_html_file_cannot_be_uploaded_as_attachment(admin_client):
    article = factories.ArticleFactory(draft=True)
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(admin_client.get(url), "#article_form")
    data["attachment"] = io.BytesIO(b"<html><script>alert(1)</script></html>")
    data["attachment"].name = "pagina.html"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert not Article.objects.get(pk=article.pk).attachment


def view_on_site(client, obj):
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(obj)
    return client.get(f"/admin/r/{content_type.pk}/{obj.pk}/")


def test_view_on_site_tells_staff_without_rights_nothing(db, django_user_model):
    from django.test import Client

    from tests import factories

    draft = factories.ArticleFactory(title="Geheime fusie", draft=True)
    intern = django_user_model.objects.create_user(
        "stagiair", "s@example.org", "wachtwoord-123", is_staff=True
    )
    client = Client()
    client.force_login(intern)
    response = view_on_site(client, draft)
    assert response.status_code == 404
    assert "geheime-fusie" not in response.get("Location", "")


def test_view_on_site_opens_the_preview_of_an_unpublished_article(writer_client):
    from tests import factories

    draft = factories.ArticleFactory(title="Nog niet af", draft=True)
    response = view_on_site(writer_client, draft)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/articles/article/{draft.pk}/voorbeeld/"
    assert writer_client.get(response["Location"]).status_code == 200


def test_view_on_site_of_a_published_article_opens_its_page(writer_client):
    from tests import factories

    article = factories.ArticleFactory(title="Verschenen")
    response = view_on_site(writer_client, article)
    assert response.status_code == 302
    assert response["Location"].endswith(article.get_absolute_url())


@pytest.mark.parametrize("client_fixture", ["writer_client", "chief_client"])
def test_both_editorial_groups_edit_milestones_and_participations_with_a_city_deal(request, client_fixture):
    from articles.models import Milestone
    from people.models import CityDeal, Participation
    from tests.test_admin import inline_forms

    client = request.getfixturevalue(client_fixture)
    organisation = factories.OrganisationFactory(name="Gemeente Maastricht")
    response = client.get("/admin/people/citydeal/add/")
    assert response.status_code == 200
    prefixes = [inline.formset.prefix for inline in response.context["inline_admin_formsets"]]
    assert prefixes == ["participations", "milestones"]
    data = {
        "name": "City Deal Zorg",
        "slug": "zorg",
        "kind": "city_deal",
        "phase": "execution",
        "signed_on": "2016-11-24",
        **inline_forms("participations", [{"organisation": organisation.pk, "role": "city"}]),
        **inline_forms(
            "milestones",
            [{"date": "2016-11-24", "precision": "day", "kind": "signing", "description": "Getekend."}],
        ),
    }
    response = client.post("/admin/people/citydeal/add/", data)
    assert response.status_code == 302, response.context and response.context["errors"]
    deal = CityDeal.objects.get(slug="zorg")
    assert Participation.objects.get(city_deal=deal).organisation == organisation
    assert Milestone.objects.get(city_deal=deal).description == "Getekend."
