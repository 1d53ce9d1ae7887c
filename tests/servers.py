"""Real servers for tests of a working newsroom: gunicorn with several workers, Redis, Varnish.

The processes share the test database, so the tests using them need PostgreSQL (SQLite's test database
lives in the memory of the test process) and ``transaction=True``.
"""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connection

PROJECT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
needs_shared_database = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the servers need a database shared between processes (SQLite's test database is in memory)",
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def required(what, variable):
    """Fail in CI (``variable`` set), skip elsewhere, when ``what`` is missing."""
    if os.environ.get(variable):
        pytest.fail(f"{what} is missing")
    pytest.skip(f"{what} is missing")


def redis_url(database=3):
    """Return the URL of a database of the Redis on 127.0.0.1:6379; skip (fail in CI) when it is down."""
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        required("Redis on 127.0.0.1:6379", "EZINE_REQUIRE_REDIS")
    return f"redis://127.0.0.1:6379/{database}"


def server_env(**extra):
    """Return the environment of a server sharing the test database and a Redis page cache of its own."""
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
        "REDIS_URL": redis_url(),
        "EZINE_CACHE_PREFIX": f"test-{secrets.token_hex(4)}",
        "DJANGO_LOG_LEVEL": "WARNING",
        "GUNICORN_ACCESS_LOG": "",
        "WEB_CONCURRENCY": "3",
        **extra,
    }


def wait_for(url, process, log):
    for _ in range(150):
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except (urllib.error.URLError, ConnectionError):
            if process.poll() is not None:
                break
            time.sleep(0.1)
    process.terminate()
    pytest.fail(log.read_text())


@contextmanager
def running(command, env, log, ready_url):
    """Run ``command`` until the block ends, once ``ready_url`` answers; its output goes to ``log``."""
    with open(log, "w") as output:
        process = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=output, stderr=subprocess.STDOUT)
        try:
            wait_for(ready_url, process, log)
            yield
        finally:
            process.terminate()
            process.wait(30)


@contextmanager
def gunicorn(env, tmp_path):
    """Yield the address of gunicorn serving the project with ``env``."""
    port = free_port()
    command = [str(BIN / "gunicorn"), "-c", "ezine/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"]
    command.append("ezine.wsgi")
    base = f"http://127.0.0.1:{port}"
    with running(command, env, tmp_path / "gunicorn.log", base + "/healthz"):
        yield base


@contextmanager
def varnish(backend, port, tmp_path):
    """Yield the address of Varnish (deploy/varnish/) on ``port`` in front of ``backend``."""
    if not shutil.which("varnishd"):
        required("varnishd (Debian: varnish and varnish-modules)", "EZINE_REQUIRE_VARNISH")
    command = ["deploy/varnish/start", backend.removeprefix("http://"), f"127.0.0.1:{port}"]
    env = {**os.environ, "VARNISH_MEMORY": "64m"}
    base = f"http://127.0.0.1:{port}"
    with running(command, env, tmp_path / "varnish.log", base + "/healthz"):
        yield base


def get(url, headers=None):
    """Return (status, body, response headers) of a GET on a fresh connection."""
    request = urllib.request.Request(url, headers={"Connection": "close", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, "", error.headers


def save_from_manage_py(env, code):
    """Run ``code`` in ``manage.py shell``: a save from another process, as an editor's script does."""
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], cwd=PROJECT, env=env, check=True, timeout=60
    )


def update_article_from_manage_py(env, slug, **fields):
    """Change the article ``slug`` and save it in ``manage.py shell``: another process than any server's."""
    changes = "; ".join(f"a.{name} = {value!r}" for name, value in fields.items())
    save_from_manage_py(
        env,
        f"from articles.models import Article; a = Article.objects.get(slug={slug!r}); {changes}; a.save()",
    )
