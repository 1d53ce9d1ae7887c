"""Deep pages of the article list hold exactly what plain pagination would, in the same order."""

import datetime

import pytest
from django.core.paginator import Paginator
from django.test import Client
from django.utils import timezone

from articles.models import Article
from core.pagination import DeferredJoinPaginator
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    moment = timezone.now() - datetime.timedelta(days=1)
    # Several articles share a publication moment: the id decides their order.
    for number in range(29):
        factories.ArticleFactory(
            title=f"Archief {number:02}", published_at=moment - datetime.timedelta(hours=number // 3)
        )
    factories.ArticleFactory(title="Concept", draft=True)


@pytest.mark.parametrize("orphans", [0, 4])
def test_every_page_matches_plain_pagination(archive, orphans):
    articles = Article.objects.published().for_listing()
    plain, deferred = (
        Paginator(articles, 12, orphans=orphans),
        DeferredJoinPaginator(articles, 12, orphans=orphans),
    )
    assert deferred.num_pages == plain.num_pages
    for number in plain.page_range:
        assert list(deferred.page(number)) == list(plain.page(number)), number


def test_the_last_page_of_the_list_shows_the_oldest_articles(archive):
    page = Client().get("/artikelen/?page=3").content.decode()
    assert "Archief 28" in page
    assert "Archief 00" not in page
    assert "Concept" not in page
