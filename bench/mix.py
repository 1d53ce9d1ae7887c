"""A 300-page mix while editors work, through Django and through Varnish, against the floor and nginx.

    bench/mix                                   # 20 s per measurement, the benchmark database
    bench/mix --seconds 10 --database postgres://postgres@127.0.0.1:5432/ezine_render100k

gunicorn (``ezine/gunicorn.conf.py``) with production settings, PostgreSQL and the Redis page cache, with
Varnish (``deploy/varnish/``) in front, purged by the app on every commit readers can see. Readers ask for
300 published articles, home, the article list, a tag page and the RSS feed in random order (``wrk -t2
-c32``), in three phases: alone; while an editor saves a draft every second; while an editor edits a
published article of the mix every 5 s. Right after each published edit the editor asks for the pages that
show the article (0.2 s later: workers' near copies may be that far behind) and counts those without the
new title as stale. Each phase runs straight against gunicorn and through Varnish. References in the same
run: the floor (``bench/floor.py``, a trivial Django view returning as many bytes as each page of the mix,
and as one article page) and nginx serving that page as a file. Writes the section
"Editing mixes and the edge (issue 19)" of bench/RESULTS.md.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402
from run import prepare_database  # noqa: E402

PROJECT = harness.PROJECT
PORTS = {"gunicorn": 8321, "varnish": 8322, "floor": 8323, "nginx": 8324}
TITLE = "## Editing mixes and the edge (issue 19)"
# The other pages of the mix, by their names in bench/pages.py; the article pages come on top.
OTHER_PAGES = ("home", "article list, page 1", "tag", "RSS")
# Pages that may show the newest article; after an edit each that links to it must show the new title.
SHOWING_THE_NEWEST = ("home", "article list, page 1", "RSS")
PHASES = {
    "readers only": None,
    "draft saved every 1 s": {"kind": "draft", "interval": 1},
    "published article edited every 5 s": {"kind": "published", "interval": 5},
}
GOALS = {"draft saved every 1 s": 0.90, "published article edited every 5 s": 0.80}
FLOOR_GOAL, NGINX_GOAL = 0.80, 0.5

# The editor, in its own ``manage.py shell``: every EDITOR_INTERVAL seconds it gives one article a new
# title and saves it as the admin does (signals: search index, page cache, edge purge), in a transaction.
# For a published article it then asks, as any reader might, for the article's page and for those of
# EDITOR_CHECK that link to it: a response without the new title is stale (it began the near copies'
# time, EZINE_PAGE_CACHE_NEAR_SECONDS, after the commit; the issue allows 1 s). It puts the title back at
# the end, and prints "ready" once set up, then its figures as JSON.
EDITOR = """
import json, os, time, urllib.request
from django.conf import settings
from django.db import transaction
from articles.models import Article

def page(path):
    with urllib.request.urlopen(os.environ["EDITOR_BASE"] + path, timeout=30) as response:
        return response.read().decode()

def edit(title):
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=int(os.environ["EDITOR_ARTICLE"]))
        article.title = title
        article.save()
    return article

article = Article.objects.get(pk=int(os.environ["EDITOR_ARTICLE"]))
original = article.title.split(" · ")[0]
checked = []
if article.status == Article.Status.PUBLISHED:
    candidates = os.environ["EDITOR_CHECK"].split()
    checked = [article.get_absolute_url(), *(p for p in candidates if article.get_absolute_url() in page(p))]
interval = float(os.environ["EDITOR_INTERVAL"])
print("ready", flush=True)
start = time.monotonic()
saves, stale, took = 0, [], []
while time.monotonic() - start < float(os.environ["EDITOR_SECONDS"]):
    saves += 1
    began = time.monotonic()
    edit(f"{original} · bijgewerkt {saves}")
    took.append(time.monotonic() - began)
    if checked:
        time.sleep(settings.EZINE_PAGE_CACHE_NEAR_SECONDS)
    for path in checked:
        if f"bijgewerkt {saves}<" not in page(path):
            stale.append(path)
    time.sleep(max(0.0, start + saves * interval - time.monotonic()))
edit(original)
print(json.dumps({"saves": saves, "stale": stale, "checked": checked, "slowest_save": max(took, default=0)}))
"""


def choose_pages(env, count):
    """Return the page names and paths of bench/pages.py, the mix, and the ids of the articles to edit."""
    info = harness.page_set(env, count)
    pages = info["pages"]
    newest = pages["article detail"]
    articles = [newest, *(path for path in info["details"] if path != newest)][:count]
    ids = harness.output(
        env,
        "manage.py",
        "shell",
        "--no-imports",
        "-c",
        "from articles.models import Article\n"
        f"print(Article.objects.get(slug={newest.strip('/').rsplit('/', 1)[1]!r}).pk)\n"
        "print(Article.objects.filter(status=Article.Status.DRAFT).order_by('pk').first().pk)",
    ).split()
    return info, articles + [pages[name] for name in OTHER_PAGES], {"published": ids[-2], "draft": ids[-1]}


def warm(base, paths):
    """Fetch every path once (filling the caches); return the body sizes."""
    sizes = {}
    for path in paths:
        status, _, body = harness.fetch(base + path)
        assert status == 200, (path, status)
        sizes[path] = len(body)
    return sizes


def phase(base, editor, args, script, env, ids, check):
    """Load ``base`` with the mix for ``args.seconds``, with ``editor`` (or none) saving meanwhile."""
    process = None
    if editor:
        process = subprocess.Popen(
            [str(harness.BIN / "python"), "manage.py", "shell", "--no-imports", "-c", EDITOR],
            cwd=PROJECT,
            env={
                **env,
                "EDITOR_BASE": base,
                "EDITOR_ARTICLE": ids[editor["kind"]],
                "EDITOR_INTERVAL": str(editor["interval"]),
                "EDITOR_SECONDS": str(args.seconds),
                "EDITOR_CHECK": " ".join(check),
            },
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        if process.stdout.readline().strip() != "ready":
            raise SystemExit(f"The editor did not start: {process.communicate()[1][-2000:]}")
    figures = harness.wrk(base + "/", args.seconds, args.connections, script=script)
    if process:
        out, err = process.communicate(timeout=120)
        figures["editor"] = (
            json.loads(out.strip().splitlines()[-1])
            if process.returncode == 0
            else {"failed": err[-2000:], "saves": 0, "stale": [], "checked": []}
        )
    return figures


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=int, default=20, help="seconds of wrk per measurement")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--pages", type=int, default=300, help="different article pages in the mix")
    parser.add_argument(
        "--articles", type=int, default=100_000, help="generate this many if the database has fewer"
    )
    parser.add_argument("--database", default=os.environ.get("BENCH_DATABASE_URL", harness.DEFAULT_DATABASE))
    parser.add_argument("--output", default=str(PROJECT / "bench" / "RESULTS.md"))
    args = parser.parse_args()

    load_before = os.getloadavg()
    harness.ensure_tools()
    workdir = Path(tempfile.mkdtemp(prefix="mix-"))
    log = str(workdir / "servers.log")
    database = args.database.rsplit("/", 1)[1]
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", database], stderr=subprocess.DEVNULL)
    varnish_base = f"http://127.0.0.1:{PORTS['varnish']}"
    env = harness.production_env(
        args.database, EZINE_PAGE_CACHE_SECONDS=600, EZINE_EDGE_PURGE_URLS=varnish_base + "/"
    )
    prepare_database(env, args.articles)
    harness.manage(env, "collectstatic", "--noinput", "-v0")
    info, paths, ids = choose_pages(env, args.pages)
    check = [info["pages"][name] for name in SHOWING_THE_NEWEST]
    script = harness.rotating_script(paths, workdir)

    results = {}
    with (
        harness.Server("ezine.wsgi", PORTS["gunicorn"], env, log) as server,
        harness.Varnish(server.base, PORTS["varnish"], log) as varnish,
    ):
        for via, base in (("gunicorn", server.base), ("Varnish", varnish.base)):
            for name, editor in PHASES.items():
                sizes = warm(base, paths)
                print(f"{via}, {name}: {args.seconds} s ...", flush=True)
                results[via, name] = phase(base, editor, args, script, env, ids, check)
                print(json.dumps(results[via, name]), flush=True)
        # Like for like with nginx and gunicorn, which close every connection: readers through Varnish
        # opening a new connection for each request.
        results["Varnish, new connection per request"] = harness.wrk(
            varnish.base + "/", args.seconds, args.connections, script=script, headers=["Connection: close"]
        )
        # The references: an article page of the mix's median size, as bytes from the floor and as a file.
        article = sorted(paths[: args.pages], key=sizes.get)[args.pages // 2]
        (workdir / "html").mkdir()
        (workdir / "html" / "article.html").write_bytes(harness.fetch(server.base + article)[2])

    with harness.Server("bench.floor:application", PORTS["floor"], env, log) as floor:
        results["floor"] = harness.wrk(
            f"{floor.base}/?bytes={sizes[article]}", args.seconds, args.connections
        )
        # Like for like with the mix: each of its paths' sizes, in random order through the same wrk script.
        (workdir / "floor").mkdir()
        floor_script = harness.rotating_script(
            [f"/?bytes={sizes[path]}" for path in paths], workdir / "floor"
        )
        results["floor, the mix"] = harness.wrk(
            floor.base + "/", args.seconds, args.connections, script=floor_script
        )
    with harness.Nginx(workdir / "html", PORTS["nginx"]) as nginx:
        assert harness.fetch(f"{nginx.base}/article.html")[0] == 200
        results["nginx"] = harness.wrk(f"{nginx.base}/article.html", args.seconds, args.connections)
    results["floor"]["bytes"] = sizes[article]
    for result in results.values():
        result["errors"] = result["non_2xx_3xx"] + result["socket_errors"]

    sizes_of_articles = [sizes[path] for path in paths[: args.pages]]
    section = render(harness.machine(), load_before, args, info, paths, sizes_of_articles, results)
    harness.replace_section(args.output, TITLE, section)
    raw = {" / ".join(key) if isinstance(key, tuple) else key: value for key, value in results.items()}
    (workdir / "results.json").write_text(json.dumps(raw, indent=1))
    print(section)
    print(f"Written to {args.output}; raw figures in {workdir / 'results.json'}")


def render(machine, load_before, args, info, paths, sizes_of_articles, results):
    floor, nginx, floor_mix = results["floor"], results["nginx"], results["floor, the mix"]
    cached = results["gunicorn", "readers only"]
    lines = [
        TITLE,
        "",
        "Written by `bench/mix` (see bench/README.md), not by `bench/run`, which rewrites this file: keep "
        "this section when it does. Every figure comes from the run it describes.",
        "",
        f"- Date: {machine['date']}; commit `{machine['commit']}`",
        f"- Machine: {machine['cpu']}; {machine['os']}; Python {machine['python']}; load average before the "
        f"run {load_before[0]:.2f} / {load_before[1]:.2f} / {load_before[2]:.2f} (1 / 5 / 15 min)",
        f"- Load: {machine['tools']}; `wrk -t2 -c{args.connections} -d{args.seconds}s` per measurement, on "
        "the same machine",
        f"- Mix: {len(paths)} paths in random order: {args.pages} different published articles (the "
        "newest among them), home, article list page 1, the biggest tag's page, RSS; every path fetched "
        f"once before each phase. Article pages {min(sizes_of_articles):,}-{max(sizes_of_articles):,} bytes",
        f"- Server: gunicorn, `ezine/gunicorn.conf.py` ({os.cpu_count() + 1} sync workers), production "
        f"settings, PostgreSQL ({info['articles']:,} articles, {info['published']:,} published), Redis page "
        "cache; Varnish (`deploy/varnish/start`, xkey) in front, purged by the app on commit "
        "(`EZINE_EDGE_PURGE_URLS`)",
        "- Editor: a `manage.py shell` process saving one article (`select_for_update`, new title, "
        "`save()`, in a transaction): a draft every second, or the newest published article every 5 s. "
        "After each published edit, once the near copies' time is up (`EZINE_PAGE_CACHE_NEAR_SECONDS`, "
        "0.2 s; the issue allows 1 s), it fetches the article's page and the pages linking to it "
        "(through the server under load) and counts each one without the new title as stale",
        "- References: floor, the mix = `bench/floor.py` under the same gunicorn returning as many bytes as "
        "each path of the mix, in random order through the same wrk script (the goal is judged on it); "
        f"floor, one page = the same returning {floor['bytes']:,} bytes "
        "(the mix's article page of median size) to plain wrk; "
        "nginx = the same article page as a static file, keep-alive off like gunicorn's sync workers (wrk "
        "keeps its connections to Varnish alive, so Varnish is also measured with a new connection per "
        "request, and the goal judged on that)",
        "",
        "| via | phase | req/s | p50 ms | p99 ms | errors | saves | slowest save s | stale | vs readers only "
        "| goal |",
        "|" + " --- |" * 11,
    ]
    met = {}
    for (via, name), result in ((key, value) for key, value in results.items() if isinstance(key, tuple)):
        alone = results[via, "readers only"]
        editor = result.get("editor")
        ratio = result["rps"] / alone["rps"]
        goal = GOALS.get(name)
        if goal:
            met[f"{name}, {via}: {ratio:.2f} ≥ {goal:.2f}"] = ratio >= goal
        lines.append(
            "| "
            + " | ".join(
                str(cell)
                for cell in (
                    via,
                    name,
                    f"{result['rps']:,.0f}",
                    f"{result['p50']:.1f}",
                    f"{result['p99']:.1f}",
                    error_cell(result),
                    "–" if editor is None else ("failed" if "failed" in editor else editor["saves"]),
                    "–" if editor is None or "failed" in editor else f"{editor['slowest_save']:.2f}",
                    "–" if editor is None else stale_cell(editor),
                    "–" if goal is None else f"{ratio:.2f}",
                    "–" if goal is None else f"≥ {goal:.2f} {'met' if ratio >= goal else 'NOT met'}",
                )
            )
            + " |"
        )
    closing = results["Varnish, new connection per request"]
    references = (
        ("Varnish", "readers only, new connection per request", closing),
        ("floor", "reference: the mix", floor_mix),
        ("floor", "reference: one page", floor),
        ("nginx", "reference", nginx),
    )
    for via, name, reference in references:
        lines.append(
            f"| {via} | {name} | {reference['rps']:,.0f} | {reference['p50']:.1f} "
            f"| {reference['p99']:.1f} | {error_cell(reference)} | – | – | – | – | – |"
        )
    cached_ratio = cached["rps"] / floor_mix["rps"]
    kept_alive, like_for_like = (
        results["Varnish", "readers only"]["rps"] / nginx["rps"],
        closing["rps"] / nginx["rps"],
    )
    met[
        f"cached mix through Django / floor of the mix: {cached_ratio:.2f} ≥ {FLOOR_GOAL} "
        f"(/ floor of one page: {cached['rps'] / floor['rps']:.2f})"
    ] = cached_ratio >= FLOOR_GOAL
    met[
        f"mix through Varnish / nginx, both closing every connection: {like_for_like:.2f} ≥ {NGINX_GOAL} "
        f"(with keep-alive to Varnish: {kept_alive:.2f})"
    ] = like_for_like >= NGINX_GOAL
    stale = sum(len(r["editor"]["stale"]) for r in results.values() if r.get("editor"))
    errors = sum(r["errors"] for r in results.values())
    failed = [f"{k[0]}, {k[1]}" for k, r in results.items() if r.get("editor") and "failed" in r["editor"]]
    met["0 stale pages"] = stale == 0
    met["0 errors"] = errors == 0 and not failed
    lines += [
        "",
        "`errors`: non-2xx/3xx responses plus socket errors seen by wrk. `stale`: pages fetched 0.2 s after "
        "a commit without the new title, of the pages checked after each edit. `saves`: fewer than the "
        "phase's seconds divided by the interval when saves took longer than the interval. `slowest save`: "
        "the longest transaction (select, save, commit with its invalidation and purge) of the phase.",
        "",
        "| goal (issue 19) | met |",
        "| --- | --- |",
        *(f"| {goal} | {'yes' if ok else '**no**'} |" for goal, ok in met.items()),
        "",
        f"Met: {'; '.join(goal for goal, ok in met.items() if ok) or 'none'}. "
        f"Not met: {'; '.join(goal for goal, ok in met.items() if not ok) or 'none'}."
        + (f" Editor failed in: {', '.join(failed)}." if failed else ""),
        "",
    ]
    return "\n".join(lines)


def error_cell(result):
    kinds = ", ".join(f"{kind} {n}" for kind, n in result["socket_error_kinds"].items() if n)
    return f"{result['errors']} ({kinds})" if kinds else str(result["errors"])


def stale_cell(editor):
    if "failed" in editor:
        return "–"
    checked = len(editor["checked"]) * editor["saves"]
    return f"{len(editor['stale'])} of {checked}" if checked else "– (draft)"


if __name__ == "__main__":
    main()
