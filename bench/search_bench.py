"""Time two-word searches against the configured database and print the median.

Usage (see bench/SEARCH.md):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ezine_bench .venv/bin/python manage.py migrate
    DATABASE_URL=... .venv/bin/python manage.py generate_content --articles 10000
    DATABASE_URL=... .venv/bin/python bench/search_bench.py [--rounds 5]

Each measurement is what the search page does for a query: parse and widen it, count the results and
load the first page of them with highlighted snippets. A second figure times the whole page
(``/zoeken/?q=...``) through Django's test client, templates included.
"""

import argparse
import statistics
import time

import django_setup  # noqa: F401  (first: sets Django up)
from django.db import connection
from django.test import Client

from articles.models import Article
from ezine.views import SEARCH_RESULTS_PER_PAGE
from search import search

QUERIES = [
    "betaalbare woningen",
    "sociale huurwoningen",
    "energietransitie gemeenten",
    "veilige wijken",
    "city deal",
    "subsidies scholen",
    "woningcorporaties investeren",
    "jongeren werkloosheid",
    "duurzame fabriek",
    "town deals",
    "bewoners samenwerking",
    "reünie Utrecht",
]
# What an attacker might send: broad words repeated, many words, deep pages, long text (query, page).
PATHOLOGICAL = [
    ("werk werk werk werk werk werk werk werk", 10_000),
    ("werk stad wonen gemeente wijk bewoners samenwerking energie", 1),
    ("werk stad wonen gemeente wijk bewoners samenwerking energie", 5000),
    ("city deal", 99_999),
    ("stad " * 300, 1),
    ("a" * 190, 1),
    ("woningen gemeenten", 50),
    ("e-mail-town-deal-city-deal-co-creatie", 1),
]


def time_search(query):
    started = time.perf_counter()
    page = search(query).page(1, SEARCH_RESULTS_PER_PAGE)
    return time.perf_counter() - started, page.paginator.count, page.object_list


def time_page(client, query):
    started = time.perf_counter()
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    client = Client(HTTP_HOST="localhost")
    published = Article.objects.published().count()
    print(f"database: {connection.vendor}, {Article.objects.count()} articles ({published} published)")
    for query in QUERIES:  # warm-up: caches, connections, the database's buffers
        time_search(query)
        time_page(client, query)
    per_query = {query: [] for query in QUERIES}
    page_times = []
    for _ in range(args.rounds):
        for query in QUERIES:
            seconds, count, page = time_search(query)
            per_query[query].append(seconds)
            page_times.append(time_page(client, query))
    search_times = [seconds for times in per_query.values() for seconds in times]
    print(f"{'query':30} {'results':>8} {'median':>9}  top result")
    for query, times in per_query.items():
        _, count, page = time_search(query)
        median = statistics.median(times) * 1000
        print(f"{query:30} {count:>8} {median:>6.1f} ms  {page[0].object if page else '-'}")
    print(f"two-word queries: {len(search_times)} runs of {len(QUERIES)} queries")
    print(f"median search (count + first page): {statistics.median(search_times) * 1000:.1f} ms")
    print(f"median whole page /zoeken/?q=:      {statistics.median(page_times) * 1000:.1f} ms")
    print(f"slowest search:                     {max(search_times) * 1000:.1f} ms")
    ordered = sorted(search_times)
    print(f"p99 search:                         {ordered[int(len(ordered) * 0.99)] * 1000:.1f} ms")
    print("pathological (query, page): results, time")
    for query, number in PATHOLOGICAL:
        started = time.perf_counter()
        page = search(query).page(number, SEARCH_RESULTS_PER_PAGE)
        seconds = time.perf_counter() - started
        print(f"  {query[:50]!r} page {number}: {page.paginator.count}, {seconds * 1000:.0f} ms")


if __name__ == "__main__":
    main()
