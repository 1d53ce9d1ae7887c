"""Print the top three results of example searches: ``.venv/bin/python bench/search_examples.py [query ...]``.

Run it on the demo content (``manage.py load_demo``) against the configured database.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ezine.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from ezine.search import search  # noqa: E402

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
