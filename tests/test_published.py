import datetime
from unittest import mock

import pytest
from django.utils import timezone
from imagekit.cachefiles import namers

from articles.models import Article
from search.query import parse, suggestions
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


def test_person_scope_holds_what_they_wrote_and_what_features_them_once():
    person = factories.PersonFactory()
    both = factories.ArticleFactory(title="beide", people=[person], authors=[person])
    written = factories.ArticleFactory(title="geschreven", authors=[person])
    featuring = factories.ArticleFactory(title="over", people=[person])
    factories.ArticleFactory(title="los", people=[factories.PersonFactory()])

    in_scope = list(Article.objects.published().in_scope(person))

    assert sorted(a.title for a in in_scope) == sorted([both.title, written.title, featuring.title])
    assert Article.objects.published().in_scope(person).count() == 3


def test_unknown_scope_type_is_refused():
    with pytest.raises(TypeError):
        Article.objects.in_scope(object())


# Nothing of an unpublished article leaks: not its words, not its tags, not its pictures.


@pytest.mark.parametrize("status", [Article.Status.DRAFT, Article.Status.REVIEW, Article.Status.WITHDRAWN])
def test_did_you_mean_never_suggests_a_word_only_a_hidden_article_holds(
    django_capture_on_commit_callbacks, status
):
    with django_capture_on_commit_callbacks(execute=True):
        factories.ArticleFactory(title="Geheime zeppelinhaven", status=status, published_at=None)
        factories.ArticleFactory(title="Woningen in de wijk")
    assert suggestions(parse("zeppelinhavn")) == []
    assert suggestions(parse("woningn")) == ["woningen"]


def test_a_tag_used_only_on_drafts_has_no_page_and_no_feed(client):
    factories.ArticleFactory(title="Concept", draft=True, tags=["fusieplan"])
    factories.ArticleFactory(title="Zichtbaar", tags=["wonen"])
    for path in (
        "/tags/fusieplan/",
        "/tags/fusieplan/feed/",
        "/tags/fusieplan/feed/atom/",
        "/tags/fusieplan/feed/json/",
    ):
        assert client.get(path).status_code == 404, path
    assert client.get("/tags/wonen/").status_code == 200
    assert client.get("/tags/wonen/feed/").status_code == 200


def test_a_tag_used_only_on_a_scheduled_article_has_no_page_until_its_moment(client):
    article = factories.ArticleFactory(title="Straks", scheduled=True, tags=["stadsverwarming"])
    assert client.get("/tags/stadsverwarming/").status_code == 404
    with mock.patch("django.utils.timezone.now", return_value=article.published_at):
        assert client.get("/tags/stadsverwarming/").status_code == 200


def test_a_tag_on_a_person_keeps_its_page(client):
    factories.PersonFactory(name="Iemand").tags.add("stadslogistiek")
    assert client.get("/tags/stadslogistiek/").status_code == 200


def test_a_draft_s_pictures_have_no_guessable_address(client, media_root):
    draft = factories.ArticleFactory(title="Concept met foto", draft=True, with_image=True)
    assert client.get(draft.hero_image.url).status_code == 404  # the original: staff only
    rendition = draft.hero_picture.src
    imagekit_default = namers.source_name_as_path(draft.hero_1200_jpeg.generator)
    assert rendition.rsplit("/", 1)[-1] != imagekit_default.rsplit("/", 1)[-1]
    assert client.get(rendition).status_code == 200  # exists, but only the secret key names it
