"""The edge cache (Varnish with xkey, deploy/varnish/): it keeps what the page cache stores, for no longer,
and the app purges it on every change readers can see, from any process; an edge that cannot be purged
loses no change."""

import datetime
import http.server
import threading
from unittest import mock

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from ezine import edge, pagecache
from ezine.models import PendingInvalidation
from tests import factories, servers


class PurgeRecorder(http.server.BaseHTTPRequestHandler):
    """A stand-in edge: answers PURGE with 200 (or ``status``) and records the keys asked for."""

    purged = []
    status = 200

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        self.purged.append(self.headers.get("xkey"))
        self.send_response(self.status)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def recorder():
    server = http.server.HTTPServer(("127.0.0.1", 0), PurgeRecorder)
    PurgeRecorder.purged, PurgeRecorder.status = [], 200
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def edge_on(settings, recorder, monkeypatch):
    settings.EZINE_PAGE_CACHE_SECONDS = 600
    settings.EZINE_EDGE_PURGE_URLS = [f"http://127.0.0.1:{recorder.server_port}/"]
    monkeypatch.setattr(edge, "purge_again_soon", lambda keys: None)
    # As a new process: an outage another test left (and when it last retried) is not this test's.
    monkeypatch.setattr(pagecache, "_edge_outage", pagecache._Outage(pagecache._edge_outage.retry_after))
    return PurgeRecorder


@pytest.mark.django_db
def test_pages_the_page_cache_stores_are_marked_for_the_edge_with_their_keys(edge_on):
    article = factories.ArticleFactory(tags=["wonen"])
    miss = Client().get(article.get_absolute_url())
    hit = Client().get(article.get_absolute_url())
    for response in (miss, hit):
        keys = set(response["xkey"].split())
        assert {"ezine-all", f"ezine-article:{article.pk}", f"ezine-tag:{article.tags.get().pk}"} <= keys
        assert "ezine-any" not in keys  # an article page says exactly what it shows
    assert miss["Surrogate-Control"] == "max-age=600"
    assert 595 <= int(hit["Surrogate-Control"].removeprefix("max-age=")) <= 600
    assert hit["X-Page-Cache"] == "hit"
    # A hit gives the edge what is left of the stored entry's life, so the edge never keeps it longer.
    pagecache.near.forget()  # from Redis, not from this worker's near copy (which the edge never keeps)
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=300), tick=False):
        later = Client().get(article.get_absolute_url())
    assert later["X-Page-Cache"] == "hit"
    assert int(later["Surrogate-Control"].removeprefix("max-age=")) <= 300
    home = Client().get("/")
    assert {"ezine-all", "ezine-articles", f"ezine-article:{article.pk}"} <= set(home["xkey"].split())


@pytest.mark.django_db
def test_what_the_page_cache_does_not_store_is_not_marked(edge_on, admin_client):
    article = factories.ArticleFactory()
    factories.ArticleFactory(slug="concept", status="draft")
    for response in (
        Client().get(article.get_absolute_url() + "?utm_source=x"),  # rendered for an odd address
        Client().get("/artikelen/concept/"),  # 404
        admin_client.get(article.get_absolute_url()),  # an editor
        Client().get("/healthz"),
    ):
        assert "Surrogate-Control" not in response and "xkey" not in response


@pytest.mark.django_db
def test_a_page_with_more_keys_than_the_edge_takes_in_a_header_is_left_to_the_page_cache(edge_on, commit):
    """Varnish answers 503 to a response header line over 8 KB: such a page is not marked for the edge."""
    commit(lambda: [factories.ArticleFactory(title=f"Bericht {n}") for n in range(3)])
    with mock.patch("ezine.edge.MARK_HEADER_LENGTH", 40):
        miss, hit = Client().get("/"), Client().get("/")
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    assert "xkey" not in miss and "Surrogate-Control" not in miss


@pytest.mark.django_db
def test_the_edge_keeps_no_page_past_the_next_scheduled_publication(edge_on):
    import datetime

    from django.utils import timezone

    factories.ArticleFactory(published_at=timezone.now() + datetime.timedelta(seconds=90))
    response = Client().get("/")
    seconds = int(response["Surrogate-Control"].removeprefix("max-age="))
    assert 0 < seconds <= 90


@pytest.mark.django_db
def test_a_change_readers_see_purges_its_keys_at_the_edge_and_a_draft_nothing(edge_on, commit):
    article = commit(factories.ArticleFactory)
    assert len(edge_on.purged) == 1 and f"ezine-article:{article.pk}" in edge_on.purged[0].split()
    commit(factories.ArticleFactory, status="draft")
    assert len(edge_on.purged) == 1
    article.title = "Bijgewerkt"
    commit(article.save)
    assert edge_on.purged[1].split() == ["ezine-article:*", f"ezine-article:{article.pk}"]


@pytest.mark.django_db
def test_an_edge_that_cannot_be_purged_gets_the_change_from_the_outbox(edge_on, commit):
    cache.clear()
    edge_on.status = 503
    commit(factories.ArticleFactory)
    waiting = PendingInvalidation.objects.get()
    assert waiting.target == PendingInvalidation.Target.EDGE
    assert pagecache._edge_outage.seen
    # The edge is still down: the health check says so, yet keeps the server in use.
    health = Client().get("/healthz")
    assert (health.status_code, health.json()["edge"]) == (200, "error")
    assert PendingInvalidation.objects.count() == 1
    edge_on.status = 200
    health = Client().get("/healthz")
    assert health.json()["edge"] == "ok"
    assert not PendingInvalidation.objects.exists()
    assert len(edge_on.purged) == 3  # the failed purge, the failed retry, the drain
    assert edge_on.purged[-1] == "ezine-all"  # which keys the change touched was not kept


@pytest.mark.django_db
def test_readers_keep_getting_pages_while_the_edge_cannot_be_purged(edge_on, commit):
    edge_on.status = 503
    article = commit(factories.ArticleFactory, title="Tijdens de storing")
    for _ in range(3):
        response = Client().get(article.get_absolute_url())
        assert response.status_code == 200 and "Tijdens de storing" in response.content.decode()
    # One retry from this process, not one per request.
    assert len(edge_on.purged) == 2
    edge_on.status = 200
    pagecache._edge_outage.last_try = 0.0
    Client().get(article.get_absolute_url())
    assert not PendingInvalidation.objects.exists()


# A real Varnish in front of gunicorn with three workers.


@pytest.fixture
def edge_port():
    return servers.free_port()


@pytest.fixture
def server_env(edge_port):
    return servers.server_env(EZINE_EDGE_PURGE_URLS=f"http://127.0.0.1:{edge_port}/")


@pytest.fixture
def site(server_env, edge_port, tmp_path):
    with (
        servers.gunicorn(server_env, tmp_path) as backend,
        servers.varnish(backend, edge_port, tmp_path) as front,
    ):
        yield front


def edge_state(url, headers=None):
    status, body, response_headers = servers.get(url, headers)
    return status, body, response_headers.get("X-Edge-Cache")


@pytest.mark.django_db(transaction=True)
@servers.needs_shared_database
def test_varnish_serves_pages_and_every_save_from_manage_py_is_seen_at_once(site, server_env):
    article = factories.ArticleFactory(title="Eerste versie", slug="aan-de-rand")
    url = site + article.get_absolute_url()
    before = [edge_state(url) for _ in range(10)]
    assert all(status == 200 and "Eerste versie" in body for status, body, _ in before)
    assert [state for *_, state in before].count("hit") >= 9

    servers.update_article_from_manage_py(server_env, "aan-de-rand", title="Tweede versie")
    after = [edge_state(url) for _ in range(10)]
    assert all(status == 200 and "Tweede versie" in body for status, body, _ in after)

    servers.update_article_from_manage_py(server_env, "aan-de-rand", status="withdrawn")
    assert [edge_state(url)[0] for _ in range(10)] == [404] * 10
    assert not any("Tweede versie" in edge_state(site + "/")[1] for _ in range(5))


@pytest.mark.django_db(transaction=True)
@servers.needs_shared_database
def test_varnish_keeps_its_pages_when_a_draft_is_saved(site, server_env):
    factories.ArticleFactory(title="Gepubliceerd")
    edge_state(site + "/")
    assert edge_state(site + "/")[2] == "hit"
    servers.save_from_manage_py(
        server_env,
        "from tests.factories import ArticleFactory; ArticleFactory(title='Nog een concept', status='draft')",
    )
    status, body, state = edge_state(site + "/")
    assert (status, state) == (200, "hit") and "Nog een concept" not in body


@pytest.mark.django_db(transaction=True)
@servers.needs_shared_database
def test_varnish_gives_readers_with_cookies_or_tracking_parameters_the_same_object(site):
    factories.ArticleFactory()
    edge_state(site + "/")
    assert edge_state(site + "/", {"Cookie": "sessionid=verzonnen; csrftoken=x"})[2] == "hit"
    assert edge_state(site + "/?utm_source=nieuwsbrief&utm_medium=mail")[2] == "hit"
    # An editor's marker passes the edge; the app checks its signature (a forged one gets its page cache).
    status, _, headers = servers.get(site + "/", {"Cookie": "ezine_editor=vervalst"})
    assert (status, headers.get("X-Edge-Cache"), headers.get("X-Page-Cache")) == (200, "miss", "hit")


@pytest.mark.django_db(transaction=True)
@servers.needs_shared_database
def test_varnish_never_passes_the_admin_or_a_purge_without_a_key(site):
    assert [edge_state(site + "/admin/login/")[2] for _ in range(2)] == ["miss", "miss"]
    import urllib.error
    import urllib.request

    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(urllib.request.Request(site + "/", method="PURGE"), timeout=5)
    assert refused.value.code == 400


@pytest.mark.django_db
def test_a_change_touching_very_many_keys_makes_everything_stale_at_once(edge_on, commit, monkeypatch):
    monkeypatch.setattr(pagecache, "MOST_KEYS_TOUCHED", 20)
    commit(lambda: [factories.ArticleFactory(tags=[f"tag-{n}"]) for n in range(10)])
    assert edge_on.purged == ["ezine-all"]


@pytest.mark.django_db
def test_a_change_touching_many_keys_is_purged_in_requests_the_edge_accepts(edge_on, commit):
    def publish_many():
        for number in range(150):
            factories.ArticleFactory(title=f"Bulk {number}", tags=[f"tag-{number}"])

    commit(publish_many)
    assert len(edge_on.purged) > 1
    assert all(len(header) <= edge.PURGE_HEADER_LENGTH for header in edge_on.purged)
    purged = {key for header in edge_on.purged for key in header.split()}
    assert len(purged) >= 300 and "ezine-articles" in purged
    assert not PendingInvalidation.objects.exists()


@pytest.mark.django_db
def test_keys_of_a_rolled_back_transaction_are_not_touched_by_the_next(edge_on, commit):
    from django.db import transaction

    article = commit(factories.ArticleFactory)
    edge_on.purged.clear()
    try:
        with transaction.atomic():
            rename_in_transaction = factories.ArticleFactory(title="Teruggedraaid")
            raise RuntimeError(rename_in_transaction.pk)
    except RuntimeError as error:
        gone = error.args[0]
    article.title = "Daarna"
    commit(article.save)
    purged = {key for header in edge_on.purged for key in header.split()}
    assert f"ezine-article:{article.pk}" in purged and f"ezine-article:{gone}" not in purged
