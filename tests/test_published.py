import datetime
from unittest import mock

import pytest
from django.utils import timezone

from articles.models import Article
from tests import factories

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime.datetime(2026, 3, 1, 12, 0, 0))


@pytest.fixture
def frozen_now():
    with mock.patch("django.utils.timezone.now", return_value=NOW):
        yield NOW


def visible_titles():
    return set(Article.objects.published().values_list("title", flat=True))


def test_article_published_a_moment_ago_is_visible(frozen_now):
    factories.ArticleFactory(title="net", published_at=NOW - datetime.timedelta(microseconds=1))
    assert visible_titles() == {"net"}


def test_article_published_exactly_now_is_visible(frozen_now):
    factories.ArticleFactory(title="nu", published_at=NOW)
    assert visible_titles() == {"nu"}


def test_article_scheduled_a_moment_from_now_is_not_visible(frozen_now):
    factories.ArticleFactory(title="straks", published_at=NOW + datetime.timedelta(microseconds=1))
    assert visible_titles() == set()


def test_scheduled_article_becomes_visible_at_its_moment_without_any_job():
    publish_at = NOW + datetime.timedelta(hours=2)
    with mock.patch("django.utils.timezone.now", return_value=NOW):
        factories.ArticleFactory(title="gepland", published_at=publish_at)
        assert visible_titles() == set()
    with mock.patch("django.utils.timezone.now", return_value=publish_at):
        assert visible_titles() == {"gepland"}


def test_draft_is_never_visible_even_with_a_past_date(frozen_now):
    factories.ArticleFactory(
        title="concept", status=Article.Status.DRAFT, published_at=NOW - datetime.timedelta(days=9)
    )
    assert visible_titles() == set()


def test_published_articles_come_newest_first(frozen_now):
    factories.ArticleFactory(title="oud", published_at=NOW - datetime.timedelta(days=2))
    factories.ArticleFactory(title="nieuw", published_at=NOW - datetime.timedelta(days=1))
    assert list(Article.objects.published().values_list("title", flat=True)) == ["nieuw", "oud"]


def test_organisation_scope_includes_articles_featuring_its_people_once():
    organisation = factories.OrganisationFactory()
    person = factories.PersonFactory(organisation=organisation)
    both = factories.ArticleFactory(title="beide", people=[person], organisations=[organisation])
    via_person = factories.ArticleFactory(title="via persoon", people=[person])
    factories.ArticleFactory(title="los")

    in_scope = list(Article.objects.published().in_scope(organisation))

    assert sorted(a.title for a in in_scope) == sorted([both.title, via_person.title])


def test_unknown_scope_type_is_refused():
    with pytest.raises(TypeError):
        Article.objects.in_scope(object())
