"""Pick the pages bench/run.py loads, count their queries, explain a deep list page, profile a detail page.

Run by bench/run.py in the environment of the server (production settings, the benchmark database);
prints one JSON object. Through Django's test client with the page cache off, so every count is a render.
"""

import json
import math
import sys

import django_setup  # noqa: F401  (first: sets Django up, page cache off)
from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from taggit.models import Tag  # noqa: E402

from articles.models import Article  # noqa: E402
from people.models import CityDeal, Organisation, Person  # noqa: E402

SEARCH = "betaalbare woningen"
DEEP = "article list, deep page"


def most_linked(model, relation):
    return model.objects.annotate(n=Count(relation)).order_by("-n").first()


DEEP_PAGE = 500


def deep_page():
    """Page 500 of the article list, or its last page when a smaller archive has fewer."""
    return min(DEEP_PAGE, max(1, math.ceil(Article.objects.published().count() / settings.ARTICLES_PER_PAGE)))


def pages():
    published = Article.objects.published().order_by("-published_at")
    article = published.first()
    tag = Tag.objects.annotate(n=Count("articles_taggedarticle_items")).order_by("-n").first()
    return {
        "home": "/",
        "article list, page 1": "/artikelen/",
        DEEP: f"/artikelen/?page={deep_page()}",
        "article detail": article.get_absolute_url(),
        "person": most_linked(Person, "articles").get_absolute_url(),
        "organisation": most_linked(Organisation, "articles").get_absolute_url(),
        "City Deal": most_linked(CityDeal, "articles").get_absolute_url(),
        "tag": f"/tags/{tag.slug}/",
        "search": f"/zoeken/?q={SEARCH.replace(' ', '+')}",
        "RSS": "/feeds/rss/",
        "Atom": "/feeds/atom/",
        "JSON Feed": "/feeds/json/",
    }


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response.status_code, len(queries), [query["sql"] for query in queries]


def explain(sql):
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def profile(paths):
    from pyinstrument import Profiler

    client = Client()
    for path in paths[:20]:
        client.get(path)  # warm-up
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for path in paths:
        client.get(path)
    profiler.stop()
    return profiler.output_text(unicode=True, color=False, show_all=False)


def main():
    client = Client()
    chosen = pages()
    counts, plans = {}, {}
    for name, path in chosen.items():
        status, number, statements = count_queries(client, path)
        counts[name] = {"status": status, "queries": number}
        if name == DEEP:
            listing = next(sql for sql in statements if "OFFSET" in sql)
            plans[name] = {"sql": listing, "plan": explain(listing)}
    details = list(
        Article.objects.published().order_by("?").values_list("slug", flat=True)[: int(sys.argv[1])]
    )
    result = {
        "pages": chosen,
        "counts": counts,
        "plans": plans,
        "articles": Article.objects.count(),
        "published": Article.objects.published().count(),
        "details": [f"/artikelen/{slug}/" for slug in details],
    }
    if "--profile" in sys.argv:
        result["profile"] = profile(result["details"][:300])
    print(json.dumps(result, default=str))


if __name__ == "__main__":
    main()
