"""A newsroom at work: gunicorn with three workers and the Redis page cache, a save from ``manage.py`` in
another process, and every worker serving the change at once (no worker keeps a stale page)."""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from tests import factories

PROJECT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the workers need a database shared between processes (SQLite's test database is in memory)",
    ),
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server_env(redis_url):
    settings = connection.settings_dict
    return {
        **os.environ,
        # Development settings (no collected static files needed); the caching is the production one.
        "DJANGO_DEBUG": "True",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": (
            f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/"
            f"{settings['NAME']}"
        ),
        "REDIS_URL": redis_url,
        "EZINE_CACHE_PREFIX": f"workers-{secrets.token_hex(4)}",
        "DJANGO_LOG_LEVEL": "WARNING",
        "GUNICORN_ACCESS_LOG": "",
        "WEB_CONCURRENCY": "3",
    }


@pytest.fixture
def redis_url():
    url = "redis://127.0.0.1:6379/3"
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        if os.environ.get("EZINE_REQUIRE_REDIS"):
            pytest.fail("Redis is not running on 127.0.0.1:6379")
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    return url


@pytest.fixture
def gunicorn(server_env, tmp_path):
    port = free_port()
    log = open(tmp_path / "gunicorn.log", "w")
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "-c", "ezine/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "ezine.wsgi"],
        cwd=PROJECT,
        env=server_env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            break
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    else:
        process.terminate()
        pytest.fail((tmp_path / "gunicorn.log").read_text())
    yield base
    process.terminate()
    process.wait(30)
    log.close()


def get(url):
    """Return (status, body, X-Page-Cache) of a GET on a fresh connection."""
    request = urllib.request.Request(url, headers={"Connection": "close"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read().decode(), response.headers.get("X-Page-Cache")
    except urllib.error.HTTPError as error:
        return error.code, "", error.headers.get("X-Page-Cache")


def save_from_manage_py(env, code):
    """Run ``code`` in ``manage.py shell``: a save from another process, as an editor's script does."""
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], cwd=PROJECT, env=env, check=True, timeout=60
    )


def test_every_worker_serves_a_save_from_manage_py_at_once(gunicorn, server_env):
    article = factories.ArticleFactory(title="Eerste versie", slug="in-de-maak")
    url = gunicorn + article.get_absolute_url()
    before = [get(url) for _ in range(30)]
    assert all(status == 200 and "Eerste versie" in body for status, body, _ in before)
    assert sum(cache == "hit" for *_, cache in before) >= 25  # the page cache in Redis serves them

    save_from_manage_py(
        server_env,
        "from articles.models import Article; a = Article.objects.get(slug='in-de-maak'); "
        "a.title = 'Tweede versie'; a.save()",
    )
    after = [get(url) for _ in range(30)]
    assert all(status == 200 and "Tweede versie" in body for status, body, _ in after)

    save_from_manage_py(
        server_env,
        "from articles.models import Article; a = Article.objects.get(slug='in-de-maak'); "
        "a.status = Article.Status.WITHDRAWN; a.save()",
    )
    withdrawn = [get(url)[0] for _ in range(30)]
    assert withdrawn == [404] * 30
    home = [get(gunicorn + "/")[1] for _ in range(10)]
    assert not any("Tweede versie" in body for body in home)
