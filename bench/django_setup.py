"""Import this first in a bench script: it puts the project on the path and sets Django up.

The page cache is off: these scripts time rendering in process; bench/run measures the cache under gunicorn.
Fragments (core/fragments.py) are kept as the settings say: ``EZINE_FRAGMENT_CACHE_SECONDS=0`` renders whole.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ezine.settings")
os.environ["EZINE_PAGE_CACHE_SECONDS"] = "0"

import django  # noqa: E402

django.setup()
