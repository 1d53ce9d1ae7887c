"""Moments for machines: to the second, in the site's time zone, the same on pages, JSON-LD and sitemaps."""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from core.dates import machine_datetime
from tests import factories
from tests.html import parse

pytestmark = pytest.mark.django_db
NOW_WITH_MICROSECONDS = datetime.datetime(2026, 12, 2, 15, 28, 4, 257596, tzinfo=datetime.UTC)
# HTML's valid global date and time string, as the Nu checker reads it: at most three decimals.
HTML_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$")


def test_machine_datetime_drops_microseconds_and_gives_the_local_offset():
    assert machine_datetime(NOW_WITH_MICROSECONDS) == "2026-12-02T16:28:04+01:00"
    assert machine_datetime(None) == ""


def test_an_article_published_now_has_valid_times_on_every_page_and_in_json_ld():
    article = factories.ArticleFactory(
        title="Net verschenen", published_at=NOW_WITH_MICROSECONDS, tags=["wonen"]
    )
    for path in ("/", "/artikelen/", article.get_absolute_url(), "/tags/wonen/"):
        page = parse(Client().get(path))
        values = [time["datetime"] for time in page.select("time[datetime]")]
        assert values and all(HTML_DATETIME.match(value) for value in values), (path, values)
    json_ld = parse(Client().get(article.get_absolute_url())).select_one("script[type='application/ld+json']")
    assert '"datePublished":"2026-12-02T16:28:04+01:00"' in json_ld.string


def test_sitemap_lastmod_is_a_w3c_date():
    article = factories.ArticleFactory(published_at=NOW_WITH_MICROSECONDS)
    content = Client().get("/sitemap-artikelen.xml").content.decode()
    lastmods = re.findall(r"<lastmod>([^<]*)</lastmod>", content)
    # The last change (saved just now), as a date: not a moment with microseconds.
    assert lastmods == [timezone.localdate(article.updated_at).isoformat()]


@pytest.mark.django_db
def test_saving_an_article_unchanged_in_the_admin_keeps_its_publication_moment(admin_client):
    from django.urls import reverse

    from articles.models import Article
    from tests.html import form_data

    moment = timezone.now().replace(microsecond=123456) - datetime.timedelta(hours=2)
    article = factories.ArticleFactory(published_at=moment)
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(admin_client.get(url), "#article_form")
    data["title"] = "Alleen de kop verandert"
    assert admin_client.post(url, data).status_code == 302
    saved = Article.objects.get(pk=article.pk)
    assert (saved.title, saved.published_at) == ("Alleen de kop verandert", moment)

    data = form_data(admin_client.get(url), "#article_form")
    data["published_at_1"] = "09:15:00"
    assert admin_client.post(url, data).status_code == 302
    assert timezone.localtime(Article.objects.get(pk=article.pk).published_at).strftime("%H:%M:%S.%f") == (
        "09:15:00.000000"
    )
