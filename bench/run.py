"""Load every page type under gunicorn + PostgreSQL + Redis, against the floor and nginx; see bench/README.md.

bench/run                       # 100,000 articles, 10 s per measurement
bench/run --seconds 5 --articles 10000
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

PROJECT = harness.PROJECT
PORTS = {"cached": 8301, "uncached": 8302, "floor": 8303, "nginx": 8304, "whole": 8305}
ROTATING = "article detail, 2,000 different"


def prepare_database(env, articles):
    """Migrate, load the demo and generate articles until the database holds ``articles`` (once)."""
    harness.manage(env, "migrate", "--noinput", "-v0")
    count = harness.output(
        env, "manage.py", "shell", "-c", "from articles.models import Article; print(Article.objects.count())"
    ).split()[-1]  # after the shell's own note on what it imported
    if int(count) < articles:
        harness.manage(env, "load_demo")
        harness.manage(env, "generate_content", "--clear", "--articles", str(articles))


def measure(base, pages, details, seconds, connections, workdir, etag):
    results = {}
    for name, path in pages.items():
        results[name] = harness.wrk(base + path, seconds, connections)
        print(f"  {name:34} {results[name]['rps']:8.0f} req/s", flush=True)
    results["RSS, 304 poll"] = harness.wrk(
        base + pages["RSS"], seconds, connections, headers=[f"If-None-Match: {etag}"]
    )
    script = harness.rotating_script(details, workdir)
    results[ROTATING] = harness.wrk(base + "/", seconds, connections, script=script)
    return results


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=10, help="seconds of wrk per measurement")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--database", default=os.environ.get("BENCH_DATABASE_URL", harness.DEFAULT_DATABASE))
    parser.add_argument("--output", default=str(PROJECT / "bench" / "RESULTS.md"))
    args = parser.parse_args()

    harness.ensure_tools()
    workdir = Path(tempfile.mkdtemp(prefix="bench-"))
    env = harness.production_env(args.database)
    subprocess.run(
        ["createdb", "-h", "127.0.0.1", "-U", "postgres", args.database.rsplit("/", 1)[1]],
        stderr=subprocess.DEVNULL,
    )
    prepare_database(env, args.articles)
    harness.manage(env, "collectstatic", "--noinput", "-v0")
    print("Counting queries, explaining a deep list page, profiling detail pages ...", flush=True)
    # Counted and profiled rendered whole: nothing kept yet that a later run would find.
    info = harness.page_set({**env, "EZINE_FRAGMENT_CACHE_SECONDS": "0"}, 2000, profile=True)
    pages, details = info["pages"], info["details"]

    results, sizes, etag = {}, {}, None
    log = str(workdir / "gunicorn.log")
    # Uncached: the page cache off, its fragments kept (core/fragments.py); whole: nothing kept, every part
    # of every page rendered.
    for mode, seconds, fragments in (("cached", 600, 3600), ("uncached", 0, 3600), ("whole", 0, 0)):
        mode_env = {
            **env,
            "EZINE_PAGE_CACHE_SECONDS": str(seconds),
            "EZINE_FRAGMENT_CACHE_SECONDS": str(fragments),
        }
        with harness.Server("ezine.wsgi", PORTS[mode], mode_env, log) as server:
            (workdir / "html").mkdir(exist_ok=True)
            for index, (name, path) in enumerate(pages.items(), start=1):
                status, headers, body = harness.fetch(server.base + path)  # warms the cache
                assert status == 200, (name, status)
                sizes[name] = len(body)
                # Validators come with the page cache: uncached, a poll is answered in full.
                etag = headers.get("ETag", etag) if name == "RSS" else etag
                (workdir / "html" / f"{index}.html").write_bytes(body)  # nginx serves these
            print(f"{mode}:", flush=True)
            results[mode] = measure(
                server.base, pages, details, args.seconds, args.connections, workdir, etag
            )

    sizes["RSS, 304 poll"] = 0
    sizes[ROTATING] = sizes["article detail"]
    print("floor (trivial Django view, same sizes):", flush=True)
    with harness.Server("bench.floor:application", PORTS["floor"], env, log) as floor:
        results["floor"] = {
            name: harness.wrk(f"{floor.base}/?bytes={size}", args.seconds, args.connections)
            for name, size in sizes.items()
        }
    print("nginx (the same pages as static files):", flush=True)
    with harness.Nginx(workdir / "html", PORTS["nginx"]) as nginx:
        results["nginx"] = {
            name: harness.wrk(f"{nginx.base}/{index}.html", args.seconds, args.connections)
            for index, name in enumerate(pages, start=1)
        }
    report = render(harness.machine(), args, info, sizes, results)
    Path(args.output).write_text(report)
    (workdir / "results.json").write_text(json.dumps(results, indent=1))
    print(report)
    print(f"Written to {args.output}; raw figures in {workdir / 'results.json'}")


def figures(result):
    return f"{result['rps']:,.0f}", f"{result['p50']:.1f}", f"{result['p99']:.1f}"


def render(machine, args, info, sizes, results):
    floor, nginx = results["floor"], results["nginx"]
    lines = [
        "# Benchmark results",
        "",
        "Written by `bench/run` (see bench/README.md); every figure below comes from the run it describes.",
        "",
        f"- Date: {machine['date']}; commit `{machine['commit']}`",
        f"- Machine: {machine['cpu']}; {machine['os']}; Python {machine['python']}",
        f"- Load: {machine['tools']}; `wrk -t2 -c{args.connections} -d{args.seconds}s` per measurement, "
        "on the same machine",
        f"- Server: gunicorn, `ezine/gunicorn.conf.py` ({os.cpu_count() + 1} sync workers), "
        "production settings, "
        "PostgreSQL 15, Redis cache",
        f"- Database: {info['articles']:,} articles ({info['published']:,} published), proportional people, "
        "organisations, tags, partnerships and City Deals (`generate_content`)",
        "- Floor (a): a trivial Django view under the same gunicorn returning as many bytes as the page;"
        " nginx (b): the same page as a static file, keep-alive off",
        "",
        "| page | bytes | SQL | cached req/s | p50 ms | p99 ms | uncached req/s | p50 ms | p99 ms "
        "| whole req/s | p50 ms | floor req/s | floor p99 | cached/(a) | uncached/(a) | whole/(a) "
        "| nginx req/s | cached/(b) | errors |",
        "|" + " --- |" * 19,
    ]
    for name in results["cached"]:
        cached, uncached, base = results["cached"][name], results["uncached"][name], floor[name]
        whole = results["whole"][name]
        web = nginx.get(name)
        errors = sum(r[key] for r in (cached, uncached, whole) for key in ("non_2xx_3xx", "socket_errors"))
        cells = [
            name,
            f"{sizes[name]:,}",
            info["counts"].get(name, {}).get("queries", ""),
            *figures(cached),
            *figures(uncached),
            *figures(whole)[:2],
            f"{base['rps']:,.0f}",
            f"{base['p99']:.1f}",
            f"{cached['rps'] / base['rps']:.0%}",
            f"{uncached['rps'] / base['rps']:.0%}",
            f"{whole['rps'] / base['rps']:.0%}",
            f"{web['rps']:,.0f}" if web else "–",
            f"{cached['rps'] / web['rps']:.0%}" if web else "–",
            errors,
        ]
        lines.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    plan = info["plans"].get("article list, deep page", {})
    lines += [
        "",
        "`SQL`: queries per whole render at this size, counted through Django's test client. "
        "`uncached`: the page cache off, the fragments of the home and article pages kept "
        "(`core/fragments.py`); "
        "`whole`: nothing kept, every page rendered whole. "
        "`errors`: non-2xx/3xx responses plus socket errors, cached, uncached and whole runs together. "
        f"`{ROTATING}` requests 2,000 different published articles in random order.",
        "",
        f"## {info['pages']['article list, deep page']}: the plan PostgreSQL chose for the list query",
        "",
        "```sql",
        plan.get("sql", ""),
        "```",
        "",
        "```text",
        plan.get("plan", ""),
        "```",
        "",
        "## Where an uncached article page spends its time",
        "",
        "pyinstrument, 300 different articles rendered in process through Django's test client:",
        "",
        "```text",
        info.get("profile", "").strip(),
        "```",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
