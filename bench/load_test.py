"""Load test: 60 s of wrk at 64 connections on a mix of pages, alone and while an editor saves every second.

    bench/load_test                 # uses the benchmark database (made by bench/run, or 10,000 articles)
    bench/load_test --seconds 20    # shorter

gunicorn (``ezine/gunicorn.conf.py``) with production settings, PostgreSQL and the Redis page cache on
127.0.0.1, every path of the mix fetched once before the first phase. Passes (exit 0) when no response is a
5xx, wrk saw no socket errors and no unexpected status, every editor save succeeded, and the number of
PostgreSQL connections never exceeded the gunicorn workers plus the editor and this script's own. Writes
bench/LOAD.md.
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402
from run import prepare_database  # noqa: E402

PROJECT = harness.PROJECT
PORT = 8311
# The editor: every second, one published article gets a new title and is saved as the admin saves it
# (signals: search index, page cache), in its own transaction. After each commit, once workers' near copies
# may no longer be behind (``EZINE_PAGE_CACHE_NEAR_SECONDS``, 0.2 s; issue 19 allows 1 s), it asks for the
# article's page, as any reader might: a page without the new title is stale.
EDITOR = """
import itertools, os, time, urllib.request
from django.conf import settings
from django.db import transaction
from articles.models import Article
ids = list(Article.objects.published().order_by("-published_at").values_list("pk", flat=True)[:200])
saves = stale = 0
deadline = time.monotonic() + float(os.environ["EDITOR_SECONDS"])
for number in itertools.count(1):
    if time.monotonic() > deadline:
        break
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=ids[number % len(ids)])
        article.title = article.title.split(" · ")[0] + f" · bijgewerkt {number}"
        article.save()
    saves += 1
    time.sleep(settings.EZINE_PAGE_CACHE_NEAR_SECONDS)
    url = os.environ["EDITOR_BASE"] + article.get_absolute_url()
    with urllib.request.urlopen(url, timeout=30) as response:
        stale += f"bijgewerkt {number}<" not in response.read().decode()
    time.sleep(1)
print(saves, stale)
"""


def mix(info):
    """The request mix: what readers, feed readers and crawlers ask for, including a missing page."""
    pages = info["pages"]
    paths = [pages[name] for name in pages] * 20
    paths += info["details"][:600]
    paths += [f"/artikelen/?page={page}" for page in range(2, 60)]
    paths += [
        f"/zoeken/?q={query}" for query in ("wonen", "energie+gemeenten", "city+deal", "steden", "zorg")
    ]
    paths += ["/sitemap.xml", "/sitemap-artikelen.xml", "/robots.txt", "/healthz", "/feeds/", "/tags/"]
    paths += ["/personen/", "/organisaties/", "/city-deals/", "/partnerschappen/", "/bestaat-niet/"]
    return paths


def connections_sampler(database, stop, samples):
    query = f"SELECT count(*) FROM pg_stat_activity WHERE datname = '{database}'"
    while not stop.is_set():
        output = subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-tAc", query],
            capture_output=True,
            text=True,
        ).stdout.strip()
        if output:
            samples.append(int(output))
        time.sleep(0.5)


def statuses(access_log):
    counts = collections.Counter()
    for line in open(access_log):
        match = re.search(r'" (\d{3}) ', line)
        if match:
            counts[match[1]] += 1
    return counts


def warm(base, paths):
    """Fetch every path once, as readers had before the load: a steady state, not the first second after a
    deploy (then many readers asking for one search at once can find every search slot taken: a 503 with
    ``Retry-After`` by design, see search/limits.py)."""
    for path in sorted(set(paths)):
        try:
            harness.fetch(base + path)
        except urllib.error.HTTPError:
            pass  # the missing page


def phase(name, env, args, script, workdir, database, editor, paths):
    access_log = str(workdir / f"{name}.access.log")
    samples, stop = [], threading.Event()
    sampler = threading.Thread(target=connections_sampler, args=(database, stop, samples))
    with harness.Server("ezine.wsgi", PORT, env, str(workdir / "gunicorn.log"), access_log) as server:
        if not editor:
            warm(server.base, paths)
        sampler.start()
        editor_process = None
        if editor:
            editor_process = subprocess.Popen(
                [str(harness.BIN / "python"), "manage.py", "shell", "--no-imports", "-c", EDITOR],
                cwd=PROJECT,
                env={**env, "EDITOR_SECONDS": str(args.seconds), "EDITOR_BASE": server.base},
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        figures = harness.wrk(server.base + "/", args.seconds, args.connections, script=script)
        saves = None
        if editor_process:
            out, err = editor_process.communicate(timeout=120)
            counts = out.split()[-2:] if len(out.split()) >= 2 else ["0", "0"]
            saves = {
                "saves": int(counts[0]),
                "stale": int(counts[1]),
                "failed": editor_process.returncode != 0,
                "error": err[-500:],
            }
        stop.set()
        sampler.join()
    codes = statuses(access_log)
    return {
        **figures,
        "statuses": dict(sorted(codes.items())),
        "5xx": sum(n for code, n in codes.items() if code.startswith("5")),
        "max_connections": max(samples, default=0),
        "editor": saves,
    }


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument(
        "--articles", type=int, default=10_000, help="generate this many if the database has fewer"
    )
    parser.add_argument("--database", default=os.environ.get("BENCH_DATABASE_URL", harness.DEFAULT_DATABASE))
    parser.add_argument("--output", default=str(PROJECT / "bench" / "LOAD.md"))
    args = parser.parse_args()

    harness.ensure_tools()
    database = args.database.rsplit("/", 1)[1]
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", database], stderr=subprocess.DEVNULL)
    env = harness.production_env(args.database, EZINE_PAGE_CACHE_SECONDS=600)
    prepare_database(env, args.articles)
    harness.manage(env, "collectstatic", "--noinput", "-v0")
    info = harness.page_set(env, 600)
    workdir = Path(tempfile.mkdtemp(prefix="load-"))
    script = harness.rotating_script(mix(info), workdir)
    workers = os.cpu_count() + 1
    results = {}
    for name, editor in (("readers only", False), ("readers + editor saving every second", True)):
        print(f"{name}: {args.seconds} s, {args.connections} connections ...", flush=True)
        results[name] = phase(
            name.split()[0] + str(editor), env, args, script, workdir, database, editor, mix(info)
        )
        print(json.dumps(results[name]), flush=True)

    # Bound: one connection per gunicorn worker, the editor's, and the sampler's own psql.
    bound = workers + 2
    ok = all(
        r["5xx"] == 0
        and r["socket_errors"] == 0
        and set(r["statuses"]) <= {"200", "301", "302", "304", "404"}
        and r["max_connections"] <= bound
        and (
            r["editor"] is None
            or (not r["editor"]["failed"] and r["editor"]["saves"] > 0 and r["editor"]["stale"] == 0)
        )
        for r in results.values()
    )
    machine = harness.machine()
    lines = [
        "# Load test",
        "",
        "Written by `bench/load_test` (see bench/README.md); the figures are that run's.",
        "",
        f"- Date: {machine['date']}; commit `{machine['commit']}`; machine: {machine['cpu']}",
        f"- `wrk -t2 -c{args.connections} -d{args.seconds}s` over a mix of {len(mix(info))} paths in random "
        "order (every page type, feeds, search, sitemaps, 600 articles, list pages 1-59, one missing page)",
        f"- gunicorn {workers} sync workers, production settings, "
        f"PostgreSQL ({info['articles']:,} articles), "
        "Redis page cache",
        f"- Connection bound checked: at most {bound} (workers + editor + the sampler's psql)",
        "",
        "| phase | requests | req/s | p50 ms | p99 ms | statuses | 5xx | socket errors | max DB connections "
        "| editor saves |",
        "|" + " --- |" * 10,
    ]
    for name, r in results.items():
        editor = (
            f"{r['editor']['saves']} ({'failed' if r['editor']['failed'] else 'all succeeded'}; "
            f"stale pages right after a save: {r['editor']['stale']})"
            if r["editor"]
            else "–"
        )
        lines.append(
            f"| {name} | {r['requests']:,} | {r['rps']:,.0f} | {r['p50']:.1f} | {r['p99']:.1f} "
            f"| {', '.join(f'{code}: {n:,}' for code, n in r['statuses'].items())} | {r['5xx']} "
            f"| {r['socket_errors']} | {r['max_connections']} | {editor} |"
        )
    lines += ["", f"Result: **{'passed' if ok else 'FAILED'}**", ""]
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text("\n".join(lines))
    print("\n".join(lines))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
