"""Time uncached renders in process: the median of N renders of each page type, page cache off.

Run against the benchmark database with production settings (DEBUG off), as bench/run does:

    DATABASE_URL=postgres://... .venv/bin/python bench/render_bench.py             # the table
    ... bench/render_bench.py --renders 50 --only tag person                         # some pages
    ... bench/render_bench.py --profile tag                                          # pyinstrument
    ... bench/render_bench.py --explain tag                                          # each query's plan

Prints a Markdown table: page, SQL queries per render, time in SQL, median and fastest render in ms.
Needs ``collectstatic`` first (production settings serve hashed static names).
"""

import argparse
import os
import secrets
import statistics
import time

os.environ.setdefault("DJANGO_DEBUG", "False")
os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "False")
os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")

import django_setup  # noqa: E402, F401  (sets Django up, page cache off)
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from pages import explain, pages  # noqa: E402

RENDERED = (
    "home",
    "article list, page 1",
    "article detail",
    "person",
    "organisation",
    "City Deal",
    "tag",
    "RSS",
    "person feed",
    "tag feed",
)


def chosen_pages():
    """Return bench/pages.py's pages and the RSS feeds of its person, organisation, City Deal and tag."""
    chosen = pages()
    for scope in ("person", "organisation", "City Deal", "tag"):
        chosen[f"{scope} feed"] = f"{chosen[scope]}feed/"
    return chosen


class SQLTimer:
    """An ``execute_wrapper`` adding up the time spent in the database."""

    def __init__(self):
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - start


def measure(client, path, renders):
    """Return the median and fastest render of ``path``, and the median time in SQL, in ms."""
    for _ in range(3):
        client.get(path)  # warm-up: templates, connections, the first query plans
    totals, in_sql = [], []
    for _ in range(renders):
        timer = SQLTimer()
        with connection.execute_wrapper(timer):
            start = time.perf_counter()
            response = client.get(path)
            totals.append(time.perf_counter() - start)
        assert response.status_code == 200, (path, response.status_code)
        in_sql.append(timer.seconds)
    return 1000 * statistics.median(totals), 1000 * min(totals), 1000 * statistics.median(in_sql)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=20)
    parser.add_argument("--only", nargs="*", default=RENDERED, help="page names, as in bench/pages.py")
    parser.add_argument("--profile", help="a page name: print its pyinstrument profile over the renders")
    parser.add_argument("--flat", choices=("self", "total"), help="with --profile: a flat list of functions")
    parser.add_argument("--explain", help="a page name: print EXPLAIN (ANALYZE, BUFFERS) of its queries")
    parser.add_argument("--queries", help="a page name: print the median time of each of its queries")
    args = parser.parse_args()
    chosen = chosen_pages()
    client = Client()
    if args.profile:
        from pyinstrument import Profiler

        path = chosen[args.profile]
        client.get(path)
        profiler = Profiler(interval=0.0005)
        with profiler:
            for _ in range(args.renders):
                client.get(path)
        flat = {"flat": True, "flat_time": args.flat} if args.flat else {}
        print(profiler.output_text(unicode=True, color=False, show_all=bool(args.flat), **flat))
        return
    if args.queries:
        times = {}
        for _ in range(args.renders):
            with CaptureQueriesContext(connection) as queries:
                client.get(chosen[args.queries])
            for number, query in enumerate(queries):
                times.setdefault(number, (query["sql"], []))[1].append(float(query["time"]))
        for sql, seconds in times.values():
            print(f"{1000 * statistics.median(seconds):8.2f} ms  {sql[:300]}")
        return
    if args.explain:
        with CaptureQueriesContext(connection) as queries:
            client.get(chosen[args.explain])
        for query in queries:
            print(query["sql"], "\n", explain(query["sql"]), "\n", sep="")
        return
    print("| page | SQL | ms in SQL | median ms | fastest ms |")
    print("| --- | --- | --- | --- | --- |")
    for name in args.only:
        with CaptureQueriesContext(connection) as queries:
            client.get(chosen[name])
        number = len(queries)  # before the next request resets Django's query log
        median, fastest, in_sql = measure(client, chosen[name], args.renders)
        print(f"| {name} | {number} | {in_sql:.1f} | {median:.1f} | {fastest:.1f} |", flush=True)


if __name__ == "__main__":
    main()
