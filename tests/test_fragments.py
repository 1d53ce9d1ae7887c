"""Fragments (core.fragments, ezine.pagecache.Fragments): parts of pages kept under the keys of what they
show, used with the page cache off too (editors, and every render the page cache misses). A kept part
saves its queries; a change readers can see renders the parts showing it again, at once, and no other."""

import datetime
import re
import socket
from types import SimpleNamespace
from unittest import mock

import pytest
import time_machine
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from core import dependencies, fragments
from ezine import pagecache
from tests import factories
from tests.servers import free_port
from tests.test_dependencies import rename, schedule

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["memory", "redis"])
def fragments_only(request, settings):
    """Fragments kept, over the local-memory cache and over Redis; the page cache off: every page renders."""
    if request.param == "redis":
        request.getfixturevalue("redis_cache")
    settings.EZINE_FRAGMENT_CACHE_SECONDS = 3600


@pytest.fixture
def article(commit):
    def build():
        person = factories.PersonFactory(name="Anna de Vries", organisation=factories.OrganisationFactory())
        return factories.ArticleFactory(
            title="Wonen in Utrecht",
            tags=["wonen"],
            people=[person],
            authors=[factories.PersonFactory(name="Eva Schrijver")],
            partnership=factories.PartnershipFactory(name="Partnerschap Wonen"),
            city_deal=factories.CityDealFactory(name="City Deal Wonen"),
        )

    return commit(build)


def page(path):
    response = Client().get(path)
    assert response.status_code == 200
    return response.content.decode()


def queries(path):
    with CaptureQueriesContext(connection) as captured:
        page(path)
    return len(captured)


@pytest.mark.usefixtures("fragments_only")
def test_a_kept_article_is_served_in_one_query_and_the_same_bytes(article):
    path = article.get_absolute_url()
    first = page(path)
    assert queries(path) == 1  # the article itself: a withdrawn one is a 404 at once
    assert page(path) == first


@pytest.mark.usefixtures("fragments_only")
def test_a_kept_home_page_runs_no_query(article):
    first = page("/")
    assert queries("/") == 0
    assert page("/") == first


def test_without_fragments_a_page_renders_whole_every_time(article):
    path = article.get_absolute_url()
    page(path)
    assert queries(path) == queries(path) > 1


@pytest.mark.usefixtures("fragments_only")
def test_editing_a_published_article_shows_on_its_page_and_home_at_once(article, commit):
    page(article.get_absolute_url()), page("/")
    commit(rename, article, "title", "Wonen in Utrecht, herzien")
    assert "Wonen in Utrecht, herzien" in page(article.get_absolute_url())
    assert "Wonen in Utrecht, herzien" in page("/")


@pytest.mark.usefixtures("fragments_only")
@pytest.mark.parametrize(
    "linked, field, value",
    [
        ("people", "name", "Anna de Boer"),
        ("authors", "name", "Eva de Schrijver"),
        ("partnership", "name", "Partnerschap Wonen en Zorg"),
        ("city_deal", "name", "City Deal Wonen en Zorg"),
        ("tags", "name", "Woningbouw"),
    ],
)
def test_renaming_what_an_article_links_to_shows_on_its_page(article, commit, linked, field, value):
    page(article.get_absolute_url())
    obj = getattr(article, linked)
    obj = obj.get() if hasattr(obj, "get") else obj
    commit(rename, obj, field, value)
    assert value in page(article.get_absolute_url())


@pytest.mark.usefixtures("fragments_only")
def test_renaming_a_popular_topic_shows_on_home(article, commit):
    older = [commit(factories.ArticleFactory, title=f"Bericht {n}", tags=["klimaat"]) for n in range(2)]
    for n in range(8):  # the newest articles on home are about other things
        commit(factories.ArticleFactory, title=f"Nieuws {n}")
    assert "klimaat" in page("/") and older
    commit(rename, older[0].tags.get(), "name", "Klimaatadaptatie")
    assert "Klimaatadaptatie" in page("/")


@pytest.mark.usefixtures("fragments_only")
def test_renaming_a_tag_into_a_tie_for_the_last_popular_place_shows_on_home(commit):
    def build():
        # 13 tags on one article each: the 12 popular ones are the first by name.
        return [factories.ArticleFactory(tags=[f"onderwerp-{n:02}"]) for n in range(13)]

    last = commit(build)[-1]
    assert "onderwerp-12" not in page("/")
    commit(rename, last.tags.get(), "name", "aaa-onderwerp")
    assert "aaa-onderwerp" in page("/")


@pytest.mark.usefixtures("fragments_only")
def test_a_publication_about_the_same_topic_appears_in_read_also(article, commit):
    page(article.get_absolute_url())
    commit(factories.ArticleFactory, title="Wonen in Zwolle", tags=["wonen"])
    assert "Wonen in Zwolle" in page(article.get_absolute_url())


@pytest.mark.usefixtures("fragments_only")
def test_withdrawing_an_article_takes_it_off_home_and_its_page(article, commit):
    page(article.get_absolute_url()), page("/")

    def withdraw():
        article.status = Article.Status.DRAFT
        article.save()

    commit(withdraw)
    assert Client().get(article.get_absolute_url()).status_code == 404
    assert "Wonen in Utrecht" not in page("/")


@pytest.mark.usefixtures("fragments_only")
def test_renaming_a_city_deal_shows_on_home_while_its_newest_articles_stay_kept(article, commit):
    page("/")
    commit(rename, article.city_deal, "name", "City Deal Wonen en Zorg")
    with CaptureQueriesContext(connection) as captured:
        assert "City Deal Wonen en Zorg" in page("/")
    assert not any("articles_article" in query["sql"] for query in captured)


@pytest.mark.usefixtures("fragments_only")
def test_saving_a_draft_keeps_every_fragment(article, commit):
    draft = commit(factories.ArticleFactory, title="Concept", draft=True, tags=["wonen"])
    page(article.get_absolute_url()), page("/")
    commit(rename, draft, "title", "Concept, herzien")
    assert queries(article.get_absolute_url()) == 1
    assert queries("/") == 0


@pytest.mark.usefixtures("fragments_only")
def test_a_scheduled_article_appears_on_home_at_its_moment_without_a_save(article, commit):
    draft = commit(factories.ArticleFactory, title="Straks over wonen", draft=True, tags=["wonen"])
    moment = timezone.now() + datetime.timedelta(seconds=120)
    commit(schedule, draft, moment)
    assert "Straks over wonen" not in page("/")
    assert "Straks over wonen" not in page(article.get_absolute_url())
    with time_machine.travel(moment + datetime.timedelta(seconds=1), tick=False):
        assert "Straks over wonen" in page("/")
        assert "Straks over wonen" in page(article.get_absolute_url())


@pytest.mark.usefixtures("fragments_only")
def test_each_host_gets_its_own_absolute_links(article, settings):
    settings.ALLOWED_HOSTS = ["a.example", "b.example"]
    for host in ("a.example", "b.example", "a.example"):
        html = Client(HTTP_HOST=host).get(article.get_absolute_url()).content.decode()
        hosts = set(re.findall(r"https?://([a-z.]+\.example)/", html))
        assert hosts == {host}


@pytest.mark.usefixtures("fragments_only")
def test_a_preview_shows_the_draft_however_the_public_page_is_kept(article, admin_client):
    page(article.get_absolute_url())
    Article.objects.filter(pk=article.pk).update(title="Nog niet gepubliceerd")  # no signal: nothing touched
    assert "Wonen in Utrecht" in page(article.get_absolute_url())  # kept: nothing said it changed
    preview = admin_client.get(f"/admin/articles/article/{article.pk}/voorbeeld/")
    assert preview.status_code == 200
    assert "Nog niet gepubliceerd" in preview.content.decode()


def reader_request():
    """A reader's request as the page cache middleware hands it on: with the fragments."""
    request = RequestFactory().get("/")
    request.fragments = pagecache.fragments
    return request


@pytest.mark.usefixtures("fragments_only")
def test_a_kept_fragment_gives_its_keys_to_the_page():
    request = reader_request()
    first = fragments.cached(request, "test", lambda: dependencies.depends_on(request, "article:1") or "html")
    request = reader_request()
    dependencies.start(request)
    assert fragments.cached(request, "test", lambda: pytest.fail("rendered again")) == first == "html"
    assert {"article:1", dependencies.ALL} <= set(dependencies.recorded(request))


@pytest.mark.usefixtures("fragments_only")
def test_keys_of_a_fragment_rendered_count_for_the_page_and_for_the_fragment_alone():
    request = reader_request()
    dependencies.start(request)
    dependencies.depends_on(request, "person:9")

    def render():
        dependencies.depends_on(request, "article:1")
        return "html"

    fragments.cached(request, "test", render)
    assert {"person:9", "article:1"} <= set(dependencies.recorded(request))
    kept = pagecache.store().lookup(pagecache.fragments.key(request, "test")).entry
    assert "article:1" in kept.keys and "person:9" not in kept.keys


def test_with_redis_away_the_parts_are_rendered(article, settings):
    settings.EZINE_FRAGMENT_CACHE_SECONDS = 3600
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "ezine.cache.RedisCache", "LOCATION": f"redis://127.0.0.1:{free_port()}/0"},
    }
    assert "Wonen in Utrecht" in page(article.get_absolute_url())
    assert "Wonen in Utrecht" in page("/")


@pytest.mark.usefixtures("fragments_only")
@pytest.mark.parametrize("page_cache", [0, 600], ids=["page cache off", "page cache on, editor"])
def test_a_change_saved_while_the_cache_was_away_shows_once_it_answers(
    article, commit, admin_client, settings, page_cache
):
    settings.EZINE_PAGE_CACHE_SECONDS = page_cache
    reader = admin_client if page_cache else Client()  # editors bypass the page cache, not fragments
    reader.get(article.get_absolute_url())
    with mock.patch.object(pagecache, "stale_in_cache", return_value=False):  # Redis did not answer
        commit(rename, article, "title", "Bewerkt terwijl Redis weg was")
    assert pagecache._outage.seen  # this process saw it: its next page drains the outbox first
    html = reader.get(article.get_absolute_url()).content.decode()
    assert '<h1 class="article__title">Bewerkt terwijl Redis weg was</h1>' in html


@pytest.fixture
def hanging_redis(settings):
    """A port that takes connections and never answers, as a Redis that hangs does."""
    listener = socket.create_server(("127.0.0.1", 0))
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "ezine.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{listener.getsockname()[1]}/0",
            "OPTIONS": settings.REDIS_OPTIONS,  # as production's
        },
    }
    yield
    listener.close()


@pytest.mark.usefixtures("hanging_redis")
@pytest.mark.parametrize("page_cache", [0, 600])
def test_a_redis_that_hangs_holds_no_page_up(article, settings, page_cache):
    settings.EZINE_PAGE_CACHE_SECONDS, settings.EZINE_FRAGMENT_CACHE_SECONDS = page_cache, 3600
    # Without a timeout, each of these requests would wait for Redis for ever.
    responses = [Client().get(path) for path in ("/", article.get_absolute_url())]
    assert [response.status_code for response in responses] == [200, 200]
    assert "Wonen in Utrecht" in responses[1].content.decode()


def test_a_fragment_is_not_kept_past_the_next_publication():
    state = SimpleNamespace(upcoming=1_000 + 30)
    assert pagecache.lifetime(state.upcoming, now=1_000, seconds=3600) == 30
    assert pagecache.lifetime(None, now=1_000, seconds=3600) == 3600
