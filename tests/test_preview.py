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


def test_shared_link_stays_dead_after_the_article_is_published_and_withdrawn(draft):
    url = shared_url(draft)
    draft.status = Article.Status.PUBLISHED
    draft.save()
    draft.status = Article.Status.WITHDRAWN
    draft.save()
    response = Client().get(url)
    assert response.status_code == 410
    assert "inmiddels gepubliceerd" in parse(response).get_text()
    assert parse(response).select_one(f"a[href='{draft.get_absolute_url()}']") is None


def test_an_editor_can_revoke_every_link_shared_so_far(writer_client, draft):
    first, second = shared_url(draft), shared_url(draft)
    share_page = reverse("admin:articles_article_share_preview", args=[draft.pk])
    response = writer_client.post(share_page, {"revoke": "1"})
    assert response.status_code == 200
    for url in (first, second):
        revoked = Client().get(url)
        assert revoked.status_code == 410
        assert "ingetrokken" in parse(revoked).get_text()
    new_url = parse(response).select_one("#preview-url")["value"]
    assert Client().get(new_url).status_code == 200


def test_only_who_may_edit_the_article_may_revoke_its_links(writer_client, draft):
    from django.core.exceptions import PermissionDenied

    from articles import workflow

    published = factories.ArticleFactory(title="Verschenen")
    with pytest.raises(PermissionDenied):
        workflow.revoke_preview_links(writer_client.user, published)


def test_reverting_an_article_does_not_bring_revoked_links_back(chief_client, draft):
    import reversion
    from reversion.models import Version

    with reversion.create_revision():
        draft.save()
    url = shared_url(draft)
    chief_client.post(reverse("admin:articles_article_share_preview", args=[draft.pk]), {"revoke": "1"})
    Version.objects.get_for_object(draft).first().revert()
    assert Client().get(url).status_code == 410
