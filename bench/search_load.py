"""Pathological searches at once while readers get cached pages: do the cached pages stay fast?

Usage (see bench/SEARCH.md; a database with ``generate_content --articles 100000`` in it):

    .venv/bin/python bench/search_load.py --database postgres://postgres@127.0.0.1:5432/ezine_search100k

Starts gunicorn (ezine/gunicorn.conf.py, production settings, Redis page cache) on 127.0.0.1, fills the
page cache with a set of pages, then measures them twice for ``--seconds`` each: alone, and while
``--attackers`` clients each send pathological searches back to back (every one a distinct query string,
so that no cache helps: repeated broad words, a high page number, long queries). Prints the latency of
the cached pages (p50, p99) and of the searches, with their status codes.
"""

import argparse
import itertools
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

CACHED = ["/", "/artikelen/", "/tags/", "/personen/", "/organisaties/", "/feeds/rss/", "/artikelen/?page=2"]
BROAD_WORDS = "werk stad wonen gemeente wijk bewoners samenwerking energie city deal".split()


def pathological(n):
    """Return the ``n``-th pathological search address: broad words, repeated, deep pages, long text."""
    words = [BROAD_WORDS[(n + i) % len(BROAD_WORDS)] for i in range(8)]
    kinds = [
        {"q": " ".join(words), "page": 10_000 + n},
        {"q": " ".join(words[:2]) + f" {n}", "page": 5000},
        {"q": " ".join(w + "en" for w in words) + " x" * 200},
        {"q": f"{words[0]} {words[1]}", "page": 400 + n},
        {"q": "a" * 190 + str(n)},
    ]
    return "/zoeken/?" + urlencode(kinds[n % len(kinds)])


def get(url):
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError:
        status = "error"
    return (time.perf_counter() - started) * 1000, status


def sample(base, seconds):
    """Fetch the cached pages one after another for ``seconds``; return the latencies in ms and statuses."""
    times, statuses = [], Counter()
    deadline = time.monotonic() + seconds
    for path in itertools.cycle(CACHED):
        if time.monotonic() > deadline:
            break
        ms, status = get(base + path)
        times.append(ms)
        statuses[status] += 1
    return times, statuses


def percentile(values, percent):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * percent / 100))] if ordered else float("nan")


def attack(base, first, stop, found):
    n = first
    while not stop.is_set():
        found.append(get(base + pathological(n)))
        n += 100


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/ezine_search100k")
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--attackers", type=int, default=8)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    env = harness.production_env(args.database, EZINE_STATEMENT_TIMEOUT_MS=5000)
    log = Path(tempfile.gettempdir()) / "search_load.log"
    harness.manage(env, "collectstatic", "--noinput", "-v0")  # production settings serve the manifest
    with harness.Server("ezine.wsgi", args.port, env, log) as server:
        for path in CACHED:  # fill the page cache
            get(server.base + path)
            get(server.base + path)
        alone, alone_statuses = sample(server.base, args.seconds)
        stop, found = threading.Event(), []
        attackers = [
            threading.Thread(target=attack, args=(server.base, n, stop, found)) for n in range(args.attackers)
        ]
        for thread in attackers:
            thread.start()
        time.sleep(1)
        loaded, loaded_statuses = sample(server.base, args.seconds)
        stop.set()
        for thread in attackers:
            thread.join()
    searches = [ms for ms, _ in found]
    print(f"machine: {harness.machine()['cpu']}; {harness.machine()['date']}")
    print(
        f"cached pages alone: {len(alone)} requests, p50 {percentile(alone, 50):.1f} ms, "
        f"p99 {percentile(alone, 99):.1f} ms, statuses {dict(alone_statuses)}"
    )
    print(
        f"cached pages with {args.attackers} pathological searches at once: {len(loaded)} requests, "
        f"p50 {percentile(loaded, 50):.1f} ms, p99 {percentile(loaded, 99):.1f} ms, "
        f"statuses {dict(loaded_statuses)}"
    )
    if searches:
        print(
            f"pathological searches: {len(searches)}, median {statistics.median(searches):.0f} ms, "
            f"p99 {percentile(searches, 99):.0f} ms, max {max(searches):.0f} ms, "
            f"statuses {dict(Counter(status for _, status in found))}"
        )


if __name__ == "__main__":
    main()
