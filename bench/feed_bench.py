"""Measure the all-articles feed with 20 entries: bytes, SQL queries, and the median time to answer a full
request (200, rendered) and a conditional one (304, from the page cache), in each format.

    make bench                                   # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ezine make bench   # PostgreSQL
    .venv/bin/python bench/feed_bench.py --runs 500

It creates a throwaway test database (``test_<name>``, as the test suite does, dropped afterwards), loads the
demo content with its images into a temporary media folder, and copies its articles until 30 are published
(the feed shows the newest 20, each with people, tags and a main image). Requests go through Django's test
client with production settings (DEBUG off), in process: the times are Django's and the database's, without
a network or a web server in front.
"""

import argparse
import os
import platform
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import harness

URLS = {"RSS": "/feeds/rss/", "Atom": "/feeds/atom/", "JSON Feed": "/feeds/json/"}
HEADER = (
    f"{'feed':10} {'bytes':>7} {'queries 200':>12} {'median 200':>11} {'queries 304':>12} {'median 304':>11}"
)


def fill(published):
    """Load the demo content and copy its published articles until ``published`` are published."""
    from django.core.management import call_command

    from articles.models import Article
    from people.models import Person

    call_command("load_demo", stdout=open(os.devnull, "w"))
    # The demo loader leaves image dimensions empty, so Django would read every picture at every load; an
    # upload through the admin stores them. Store them here, so the figures are those of real content.
    for model, fields in (
        (Person, ["portrait_width", "portrait_height"]),
        (Article, ["hero_width", "hero_height"]),
    ):
        for instance in model.objects.all():  # loading computes the dimensions
            instance.save(update_fields=fields)
    originals = list(Article.objects.published())
    copies = published - len(originals)
    for n in range(copies):
        original = originals[n % len(originals)]
        copy = Article.objects.get(pk=original.pk)
        copy.pk = None
        copy.slug = f"{original.slug}-{n}"
        copy.title = f"{original.title} ({n + 1})"
        copy.published_at = original.published_at - timedelta(days=n + 1)
        copy.first_published_at = None
        copy.save()
        copy.people.set(original.people.all())
        copy.organisations.set(original.organisations.all())
        copy.tags.set(original.tags.all())
    return Article.objects.published().count()


def measure(url, runs, **headers):
    """Return (status, bytes, queries, median seconds) of ``runs`` GETs of ``url``."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=headers)
    queries = len(captured)  # now: the next request empties the log it reads from
    for _ in range(min(runs, 20)):  # warm up
        client.get(url, headers=headers)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(url, headers=headers)
        times.append(time.perf_counter() - start)
    return response, queries, statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=300, help="requests per measurement (default 300)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as media_root:
        harness.setup_django(media_root)
        import django
        from django.conf import settings
        from django.db import connection
        from django.test import Client
        from django.test.utils import setup_test_environment

        setup_test_environment()
        old_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            published = fill(settings.FEED_LENGTH + 10)
            print(f"Django {django.get_version()}, {connection.vendor}, Python {platform.python_version()}")
            print(
                f"{cpu()}; {published} published articles, {settings.FEED_LENGTH} per feed; {args.runs} runs"
            )
            print(HEADER)
            for name, url in URLS.items():
                settings.EZINE_PAGE_CACHE_SECONDS = 0  # a render each time
                full, full_queries, full_time = measure(url, args.runs)
                assert full.status_code == 200 and len(full_entries(full)) == settings.FEED_LENGTH
                # Polls are answered by the page cache (here in this process's memory, in production Redis).
                settings.EZINE_PAGE_CACHE_SECONDS = 600
                etag = Client().get(url)["ETag"]
                cheap, cheap_queries, cheap_time = measure(url, args.runs, if_none_match=etag)
                assert cheap.status_code == 304
                print(
                    f"{name:10} {len(full.content):>7} {full_queries:>12} {full_time * 1000:>9.2f}ms"
                    f" {cheap_queries:>12} {cheap_time * 1000:>9.2f}ms"
                )
            # Other work on the machine slows the times down; say how busy it was.
            print("load average (1, 5, 15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)


def full_entries(response):
    import json

    if response["Content-Type"].startswith("application/feed+json"):
        return json.loads(response.content)["items"]
    return response.content.split(b"<item>")[1:] or response.content.split(b"<entry>")[1:]


def cpu():
    try:
        model = next(
            line for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")
        )
        return f"{model.split(':', 1)[1].strip()}, {os.cpu_count()} cores"
    except (OSError, StopIteration):
        return f"{platform.processor() or 'unknown CPU'}, {os.cpu_count()} cores"


if __name__ == "__main__":
    main()
