"""A scheduled article appears on its own at its moment, with time frozen around that moment."""

import datetime

import feedparser
import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from articles.models import Article
from tests import factories

pytestmark = pytest.mark.django_db

MOMENT = timezone.make_aware(datetime.datetime(2027, 3, 1, 9, 0, 0))
JUST_BEFORE = MOMENT - datetime.timedelta(microseconds=1)
JUST_AFTER = MOMENT + datetime.timedelta(microseconds=1)


@pytest.fixture
def scheduled():
    with time_machine.travel(MOMENT - datetime.timedelta(days=2), tick=False):
        return factories.ArticleFactory(title="Ingepland interview", published_at=MOMENT, tags=["wonen"])


def visible_everywhere(article):
    client = Client()
    page = client.get(article.get_absolute_url()).status_code == 200
    listed = article.title in client.get("/artikelen/").content.decode()
    home = article.title in client.get("/").content.decode()
    tag = article.title in client.get("/tags/wonen/").content.decode()
    feed = article.title in [e.title for e in feedparser.parse(client.get("/feeds/rss/").content).entries]
    queryset = Article.objects.published().filter(pk=article.pk).exists()
    return {"page": page, "list": listed, "home": home, "tag": tag, "feed": feed, "published()": queryset}


@pytest.mark.parametrize(
    "moment,expected",
    [(JUST_BEFORE, False), (MOMENT, True), (JUST_AFTER, True)],
    ids=["just before", "at", "just after"],
)
def test_scheduled_article_is_visible_from_its_moment_on(scheduled, moment, expected):
    with time_machine.travel(moment, tick=False):
        assert visible_everywhere(scheduled) == dict.fromkeys(visible_everywhere(scheduled), expected)


def test_a_scheduled_article_needs_no_job_to_appear(scheduled):
    with time_machine.travel(JUST_BEFORE, tick=False):
        assert Client().get(scheduled.get_absolute_url()).status_code == 404
    with time_machine.travel(JUST_AFTER, tick=False):
        assert Client().get(scheduled.get_absolute_url()).status_code == 200
    assert Article.objects.get(pk=scheduled.pk).updated_at == scheduled.updated_at, "nothing was written"


def test_withdrawn_article_disappears_at_once(scheduled):
    with time_machine.travel(JUST_AFTER, tick=False):
        scheduled.status = Article.Status.WITHDRAWN
        scheduled.save()
        assert not any(visible_everywhere(scheduled).values())


def test_article_in_review_never_appears_whatever_its_date():
    article = factories.ArticleFactory(status=Article.Status.REVIEW, published_at=MOMENT)
    with time_machine.travel(JUST_AFTER, tick=False):
        assert not Article.objects.published().filter(pk=article.pk).exists()
