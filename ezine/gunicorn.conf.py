"""gunicorn settings for production: ``gunicorn -c ezine/gunicorn.conf.py ezine.wsgi``.

Sync workers: every request is short (a cached page, or a rendered page of a few SQL queries), so a
process per core plus one to cover the moments a worker waits on the database. Each worker holds at most
one database connection (``DJANGO_CONN_MAX_AGE`` keeps it open between requests, with health checks), so
the number of connections to PostgreSQL is bounded by ``workers``.
"""

import multiprocessing
import os

# Every SQL statement of the web process runs under a time limit (ezine/settings.py); read at app load.
os.environ.setdefault("EZINE_STATEMENT_TIMEOUT_MS", "5000")

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
worker_class = "sync"
# Searches that may run at once (search/limits.py): all workers but one, one at least; one worker stays free
# for cached pages however many expensive searches arrive, and readers searching at the same moment are
# rarely turned away (a search page turned away is answered from its previous copy when there is one).
os.environ.setdefault("EZINE_SEARCH_CONCURRENCY", str(max(1, workers - 1)))
# A request that takes longer than this is stuck: the worker is replaced and the error logged.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Behind a load balancer that reuses connections; sync workers close them after each response anyway.
keepalive = 2
# Recycle workers now and then so that a slow leak can never exhaust memory.
max_requests = 20000
max_requests_jitter = 2000
# Load the application once in the master: workers start faster and share memory.
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
# The proxy in front terminates TLS and sets X-Forwarded-Proto (see SECURE_PROXY_SSL_HEADER).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
