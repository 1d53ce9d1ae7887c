"""Import this first in a bench script: it puts the project on the path and sets Django up."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ezine.settings")

import django  # noqa: E402

django.setup()
