"""Two editors editing the same object: the second save does not silently overwrite the first."""

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from people.models import Person
from tests import factories
from tests.html import form_data, parse

pytestmark = pytest.mark.django_db
CONFLICT = "Iemand anders heeft deze pagina opgeslagen"


@pytest.fixture
def second_editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("tweede", "t@example.org", "wachtwoord-12"))
    return client


def test_second_editor_gets_a_clear_conflict_message_and_the_first_change_stays(admin_client, second_editor):
    article = factories.ArticleFactory(draft=True, title="Oorspronkelijk")
    url = reverse("admin:articles_article_change", args=[article.pk])
    first_form = form_data(admin_client.get(url), "#article_form")
    second_form = form_data(second_editor.get(url), "#article_form")

    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=1)):
        first_form["title"] = "Versie van de eerste redacteur"
        assert admin_client.post(url, first_form).status_code == 302

        second_form["title"] = "Versie van de tweede redacteur"
        response = second_editor.post(url, second_form)

    assert response.status_code == 200
    assert (
        CONFLICT in parse(response).select_one(".errornote + ul.errorlist, ul.errorlist.nonfield").get_text()
    )
    assert Article.objects.get(pk=article.pk).title == "Versie van de eerste redacteur"
    # The second editor's text is still in the form, so nothing typed is lost.
    assert parse(response).select_one("input[name=title]")["value"] == "Versie van de tweede redacteur"


def test_saving_twice_in_a_row_by_one_editor_is_no_conflict(admin_client):
    person = factories.PersonFactory(job_title="wethouder")
    url = reverse("admin:people_person_change", args=[person.pk])
    for title in ("burgemeester", "gedeputeerde"):
        data = form_data(admin_client.get(url), "#person_form")
        data["job_title"] = title
        assert admin_client.post(url, data).status_code == 302
    assert Person.objects.get(pk=person.pk).job_title == "gedeputeerde"


def test_conflict_is_detected_for_people_too(admin_client, second_editor):
    person = factories.PersonFactory(job_title="wethouder")
    url = reverse("admin:people_person_change", args=[person.pk])
    stale = form_data(second_editor.get(url), "#person_form")
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=1)):
        fresh = form_data(admin_client.get(url), "#person_form")
        fresh["job_title"] = "burgemeester"
        admin_client.post(url, fresh)
        stale["job_title"] = "raadslid"
        response = second_editor.post(url, stale)
    assert CONFLICT in parse(response).get_text()
    assert Person.objects.get(pk=person.pk).job_title == "burgemeester"
