"""Time ``import_wordpress`` on a generated export: wall time, CPU time and peak memory of a first import
and of a second, identical one (which must change nothing).

    .venv/bin/python bench/wordpress_bench.py                     # 10,000 posts, SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ezine .venv/bin/python bench/wordpress_bench.py
    .venv/bin/python bench/wordpress_bench.py --posts 2000         # compare peak memory across sizes

The export is written to a temporary folder, deterministically from ``--seed``: posts of about 4 KB of
block-editor HTML with categories, tags, an author, an excerpt and old permalinks, as a WordPress site of a
few years writes them; ``--images`` of them have a featured image in a generated uploads folder. The import
runs in process, in a throwaway test database (dropped afterwards; for SQLite a file, not Django's in-memory
test database), with production settings (DEBUG off).
Peak memory is the resident set's high-water mark during the import alone (Linux: reset through
/proc/self/clear_refs before each run).
"""

import argparse
import io
import os
import random
import tempfile
import time
from pathlib import Path

import harness

WORDS = (
    "stad wijk gemeente bewoners woningen corporatie partnerschap europa agenda deal samenwerking rijk "
    "provincie leefbaarheid veiligheid zorg jongeren onderwijs energie circulair fabriek ondernemers "
    "binnenstad mobiliteit luchtkwaliteit armoede werkgelegenheid migratie wethouder ministerie aanpak"
).split()


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def label(nicename):
    return nicename.replace("-", " ").title()


def write_export(path, posts, images, uploads, seed):
    """Write a WXR file of ``posts`` posts; the first ``images`` get a featured image in ``uploads``."""
    from PIL import Image

    rng = random.Random(seed)
    site = "https://oud.example.org"
    categories = [f"rubriek-{n}" for n in range(30)]
    tags = [f"onderwerp-{n}" for n in range(300)]
    if images:
        (uploads / "2019/05").mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (1200, 800), "teal").save(uploads / "2019/05/beeld.jpg", "JPEG")
    with open(path, "w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n'
            f"<channel>\n<title>Oud</title>\n<wp:base_site_url>{site}</wp:base_site_url>\n"
        )
        for n in range(20):
            out.write(
                f"<wp:author><wp:author_login>auteur{n}</wp:author_login>"
                f"<wp:author_display_name><![CDATA[Auteur {n}]]></wp:author_display_name></wp:author>\n"
            )
        for name in categories:
            out.write(
                f"<wp:category><wp:category_nicename>{name}</wp:category_nicename>"
                f"<wp:cat_name><![CDATA[{name.replace('-', ' ').title()}]]></wp:cat_name></wp:category>\n"
            )
        for post in range(1, posts + 1):
            year, month = 2010 + post % 14, 1 + post % 12
            slug = f"bericht-{post}"
            paragraphs = "\n".join(
                f"<!-- wp:paragraph -->\n<p>{sentence(rng, 40)} <strong>{sentence(rng, 6)}</strong></p>\n"
                "<!-- /wp:paragraph -->"
                for _ in range(6)
            )
            terms = "".join(
                f'<category domain="category" nicename="{c}"><![CDATA[{label(c)}]]></category>'
                for c in rng.sample(categories, 2)
            ) + "".join(
                f'<category domain="post_tag" nicename="{t}"><![CDATA[{t}]]></category>'
                for t in rng.sample(tags, 4)
            )
            thumbnail = ""
            if post <= images:
                thumbnail = (
                    "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
                    f"<wp:meta_value>{posts + post}</wp:meta_value></wp:postmeta>"
                )
            out.write(
                f"<item><title><![CDATA[{sentence(rng, 7)[:-1]} {post}]]></title>"
                f"<link>{site}/{year}/{month:02d}/{slug}/</link>"
                f"<dc:creator>auteur{post % 20}</dc:creator><guid>{site}/?p={post}</guid>"
                f"<content:encoded><![CDATA[{paragraphs}]]></content:encoded>"
                f"<excerpt:encoded><![CDATA[{sentence(rng, 25)}]]></excerpt:encoded>"
                f"<wp:post_id>{post}</wp:post_id>"
                f"<wp:post_date_gmt>{year}-{month:02d}-{1 + post % 28:02d} 10:00:00</wp:post_date_gmt>"
                f"<wp:post_name>{slug}</wp:post_name><wp:status>publish</wp:status>"
                f"<wp:post_type>post</wp:post_type>{terms}{thumbnail}</item>\n"
            )
        for post in range(1, images + 1):
            out.write(
                f"<item><title>beeld {post}</title><wp:post_id>{posts + post}</wp:post_id>"
                f"<wp:post_parent>{post}</wp:post_parent><wp:post_type>attachment</wp:post_type>"
                f"<wp:attachment_url>{site}/wp-content/uploads/2019/05/beeld.jpg</wp:attachment_url>"
                "<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key>"
                "<wp:meta_value>Een beeld</wp:meta_value></wp:postmeta></item>\n"
            )
        out.write("</channel>\n</rss>\n")


def reset_peak():
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def rss_mb(field="VmHWM"):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def timed_import(path, user, uploads):
    from django.core.management import call_command

    reset_peak()
    before = rss_mb("VmRSS")
    wall, cpu = time.perf_counter(), time.process_time()
    out = io.StringIO()
    call_command("import_wordpress", str(path), "--user", user.username, "--media", str(uploads), stdout=out)
    return time.perf_counter() - wall, time.process_time() - cpu, before, rss_mb(), out.getvalue()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--images", type=int, default=100, help="posts with a featured image (default 100)")
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        harness.setup_django(str(folder / "media"))
        from django.contrib.auth import get_user_model
        from django.db import connection
        from django.test.utils import setup_test_environment

        from articles.models import Article
        from core.models import Redirect

        setup_test_environment()
        export, uploads = folder / "export.xml", folder / "uploads"
        uploads.mkdir()
        write_export(export, args.posts, args.images, uploads, args.seed)
        old_name = connection.settings_dict["NAME"]
        if connection.vendor == "sqlite":
            # A file, as in production: Django's default test database for SQLite lives in memory, which
            # would count the database itself in this process's memory.
            connection.settings_dict["TEST"]["NAME"] = str(folder / "bench.sqlite3")
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            user = get_user_model().objects.create_superuser("bench", "bench@example.org", "bench")
            print(
                f"{connection.vendor}; export of {args.posts} posts ({args.images} with an image), "
                f"{export.stat().st_size / 1e6:.1f} MB; {os.cpu_count()} cores"
            )
            print("load average before (1, 5, 15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
            for label in ("first import", "second, identical import"):
                wall, cpu, before, peak, report = timed_import(export, user, uploads)
                print(
                    f"{label:26} wall {wall:6.1f} s  CPU {cpu:6.1f} s  "
                    f"RSS before {before:4.0f} MB, peak {peak:4.0f} MB (+{peak - before:.0f} MB)"
                )
            print(report.splitlines()[3])  # Articles unchanged: the second run changed nothing
            print(f"articles {Article.objects.count()}, redirects {Redirect.objects.count()}")
            print("load average after (1, 5, 15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
