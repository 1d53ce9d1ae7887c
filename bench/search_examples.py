"""Print the top three results of example searches: ``.venv/bin/python bench/search_examples.py [query ...]``.

Run it on the demo content (``manage.py load_demo``) against the configured database.
"""

import sys

import django_setup  # noqa: F401  (first: sets Django up)
from django.db import connection

from search import search

EXAMPLES = [
    "woningcorporaties",
    "huurwoning",
    "wonen europa",
    "steden",
    "towndeals",
    "town-deal",
    "veilige wijken",
    "gewerkt",
    "steenkool auto's",
    "circulair",
    "samenwerken gemeenten",
    "vechtclub",
]


def main(queries):
    print(f"database: {connection.vendor}")
    for query in queries:
        page = search(query).page(1, 3)
        top = "; ".join(f"{result.object} ({result.kind_label})" for result in page.object_list) or "-"
        print(f"{query} [{page.paginator.count}] → {top}")


if __name__ == "__main__":
    main(sys.argv[1:] or EXAMPLES)
