"""Previews: editors see a draft exactly as readers will; interviewees get a signed link that expires."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles import preview
from articles.models import Article
from tests import factories
from tests.html import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return factories.ArticleFactory(
        title="Concept met citaten",
        draft=True,
        body='<h2 class="question">Wat vindt u?</h2><p>“Dit is mijn citaat.”</p>',
    )


def shared_url(article):
    return reverse("articles:shared_preview", args=[preview.make_token(article)])


def assert_noindex(response):
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert parse(response).select_one("meta[name=robots]")["content"] == "noindex, nofollow"


def test_admin_preview_shows_the_draft_with_the_reader_template_and_a_banner(admin_client, draft):
    response = admin_client.get(reverse("admin:articles_article_preview", args=[draft.pk]))
    page = parse(response)
    assert response.status_code == 200
    assert "articles/article_detail.html" in [t.name for t in response.templates]
    assert page.h1.get_text() == "Concept met citaten"
    assert page.select_one(".prose h2.question").get_text() == "Wat vindt u?"
    assert "Voorbeeld" in page.select_one(".preview-banner").get_text()
    assert_noindex(response)


def test_change_form_offers_preview_and_share_buttons(admin_client, draft):
    page = parse(admin_client.get(reverse("admin:articles_article_change", args=[draft.pk])))
    tools = {a.get_text(): a["href"] for a in page.select(".object-tools a")}
    assert tools["Voorbeeld"] == reverse("admin:articles_article_preview", args=[draft.pk])
    assert tools["Voorbeeld delen"] == reverse("admin:articles_article_share_preview", args=[draft.pk])


def test_admin_preview_is_for_staff_only(client, draft):
    response = client.get(reverse("admin:articles_article_preview", args=[draft.pk]))
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_share_page_gives_a_link_that_works_without_login(admin_client, draft):
    page = parse(admin_client.get(reverse("admin:articles_article_share_preview", args=[draft.pk])))
    url = page.select_one("#preview-url")["value"]
    assert url.startswith("http://testserver/voorbeeld/")
    response = Client().get(url.removeprefix("http://testserver"))
    assert response.status_code == 200
    assert "Dit is mijn citaat." in parse(response).select_one(".prose").get_text()
    assert "nog niet gepubliceerd" in parse(response).select_one(".preview-banner").get_text()
    assert_noindex(response)


def test_shared_link_still_works_just_before_seven_days(draft):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        url = shared_url(draft)
        traveller.shift(preview.VALID_FOR - datetime.timedelta(seconds=1))
        assert Client().get(url).status_code == 200


def test_shared_link_expires_after_seven_days(draft):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        url = shared_url(draft)
        traveller.shift(preview.VALID_FOR + datetime.timedelta(seconds=1))
        response = Client().get(url)
    assert response.status_code == 410
    assert "zeven dagen geldig" in parse(response).get_text()
    assert "Dit is mijn citaat." not in response.content.decode()


def test_shared_link_stops_once_the_article_is_published(draft):
    url = shared_url(draft)
    draft.status = Article.Status.PUBLISHED
    draft.save()
    response = Client().get(url)
    assert response.status_code == 410
    assert parse(response).select_one(f'a[href="{draft.get_absolute_url()}"]')


def test_shared_link_of_a_scheduled_article_works_until_its_moment():
    article = factories.ArticleFactory(scheduled=True)
    url = shared_url(article)
    assert Client().get(url).status_code == 200
    with time_machine.travel(article.published_at + datetime.timedelta(seconds=1), tick=False):
        assert Client().get(url).status_code == 410


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: token.replace(token.split(":")[0], "eyJhcnRpY2xlIjoyfQ"),
        lambda token: "eyJhcnRpY2xlIjoxfQ:1abcde:" + "x" * 43,
        lambda token: token.split(":")[0],
        lambda token: "",
    ],
    ids=["changed signature", "other article id", "forged", "no signature", "empty"],
)
def test_tampered_link_shows_nothing(draft, tamper):
    token = tamper(preview.make_token(draft))
    url = f"/voorbeeld/{token}/" if token else "/voorbeeld//"
    response = Client().get(url)
    assert response.status_code == 404
    assert "Dit is mijn citaat." not in response.content.decode()


def test_links_for_different_articles_cannot_be_derived_from_each_other(draft):
    other = factories.ArticleFactory(draft=True)
    first, second = preview.make_token(draft), preview.make_token(other)
    assert first.rsplit(":", 1)[1] != second.rsplit(":", 1)[1]
    assert len(first.rsplit(":", 1)[1]) >= 27, "the signature is long enough not to be guessed"


def test_shared_link_is_read_only(draft):
    url = shared_url(draft)
    assert Client().post(url, {"title": "Gewijzigd"}).status_code == 405
    assert Article.objects.get(pk=draft.pk).title == "Concept met citaten"


def test_link_to_a_deleted_article_is_not_found(draft):
    url = shared_url(draft)
    draft.delete()
    assert Client().get(url).status_code == 404
