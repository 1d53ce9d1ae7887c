"""What a deploy changes besides the data: part of every page cache key and of every validator."""

import hashlib
from functools import cache
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings


@cache
def code_version():
    """Return a digest of what shapes pages and feeds besides the data: the Django version, the Python
    code, templates and compiled translations of the project's own apps, and the e-zine's name and tagline.

    A deploy that changes the output then never serves pages stored before it, and clients fetch them again.
    """
    base = Path(settings.BASE_DIR)
    digest = hashlib.sha256(django.get_version().encode())
    digest.update(f"{settings.EZINE_NAME}\x1f{settings.EZINE_TAGLINE}".encode())
    folders = [Path(config.path) for config in apps.get_app_configs() if Path(config.path).parent == base]
    files = [file for folder in folders for file in folder.glob("**/*") if file.suffix in {".py", ".mo"}]
    files += base.joinpath("templates").glob("**/*.html")
    for file in sorted(files):
        digest.update(file.relative_to(base).as_posix().encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()
