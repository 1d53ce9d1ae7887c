"""A newsroom at work: gunicorn with three workers and the Redis page cache, a save from ``manage.py`` in
another process, and every worker serving the change once its near copies' time is up (0.2 s; no worker
keeps a stale page longer)."""

import time

import pytest
from django.conf import settings

from tests import factories, servers

pytestmark = [pytest.mark.django_db(transaction=True), servers.needs_shared_database]


@pytest.fixture
def server_env():
    return servers.server_env()


@pytest.fixture
def gunicorn(server_env, tmp_path):
    with servers.gunicorn(server_env, tmp_path) as base:
        yield base


def get(url):
    """Return (status, body, X-Page-Cache)."""
    status, body, headers = servers.get(url)
    return status, body, headers.get("X-Page-Cache")


def test_every_worker_serves_a_save_from_manage_py_within_the_near_time(gunicorn, server_env):
    article = factories.ArticleFactory(title="Eerste versie", slug="in-de-maak")
    url = gunicorn + article.get_absolute_url()
    before = [get(url) for _ in range(30)]
    assert all(status == 200 and "Eerste versie" in body for status, body, _ in before)
    assert sum(cache == "hit" for *_, cache in before) >= 25  # the page cache in Redis serves them

    servers.update_article_from_manage_py(server_env, "in-de-maak", title="Tweede versie")
    time.sleep(settings.EZINE_PAGE_CACHE_NEAR_SECONDS)  # the same default in the server
    after = [get(url) for _ in range(30)]
    assert all(status == 200 and "Tweede versie" in body for status, body, _ in after)

    servers.update_article_from_manage_py(server_env, "in-de-maak", status="withdrawn")
    time.sleep(settings.EZINE_PAGE_CACHE_NEAR_SECONDS)
    withdrawn = [get(url)[0] for _ in range(30)]
    assert withdrawn == [404] * 30
    home = [get(gunicorn + "/")[1] for _ in range(10)]
    assert not any("Tweede versie" in body for body in home)
