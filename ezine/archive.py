"""One-file archives of the whole e-zine: every database row and every uploaded file.

An archive is a zip file with ``manifest.json`` (format, counts, a SHA-256 of every file), ``data.json``
(Django's serialised data, content types by natural key, so it loads into any freshly migrated
database) and
``media/`` (the uploads, renditions included). ``export_archive`` and ``import_archive`` wrap these.
"""

import hashlib
import io
import json
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

FORMAT = "ezine-archive/1"
# Rows Django makes itself on migrate, or that are only valid for one running site.
EXCLUDED = {"contenttypes", "auth.permission", "sessions", "admin.logentry"}
# The search index is made from the content; it is rebuilt after a restore instead of being archived.
DERIVED = {"search.searchentry", "search.searchterm"}
# Rows a migration creates (the editorial groups); the archive's copies update them by natural key.
MADE_BY_MIGRATIONS = {"auth.group", "auth.group_permissions"}


class ArchiveError(Exception):
    pass


def _models():
    for model in apps.get_models():
        label = model._meta.label_lower
        skipped = EXCLUDED | DERIVED
        if model._meta.app_label not in skipped and label not in skipped and not model._meta.proxy:
            yield model


def _media_files(storage, directory=""):
    directories, files = storage.listdir(directory)
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for name in sorted(directories):
        yield from _media_files(storage, f"{directory}/{name}" if directory else name)


def export(path, storage=default_storage):
    """Write the archive to ``path``; return its manifest."""
    data = io.StringIO()
    call_command(
        "dumpdata",
        *(model._meta.label for model in _models()),
        # Primary keys are kept (revisions refer to objects by them); content types and permissions
        # are referred to by natural keys because their ids differ between databases.
        natural_foreign=True,
        format="json",
        stdout=data,
    )
    rows = json.loads(data.getvalue())
    manifest = {"format": FORMAT, "counts": {}, "files": {}}
    for row in rows:
        manifest["counts"][row["model"]] = manifest["counts"].get(row["model"], 0) + 1
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", data.getvalue())
        for name in _media_files(storage):
            with storage.open(name, "rb") as file:
                content = file.read()
            manifest["files"][name] = hashlib.sha256(content).hexdigest()
            archive.writestr(f"media/{name}", content, compress_type=zipfile.ZIP_STORED)
        archive.writestr("manifest.json", json.dumps(manifest, indent=2, sort_keys=True))
    return manifest


def _safe_media_name(member):
    """Return the storage name of an archive member under media/, refusing absolute or ``..`` paths."""
    path = PurePosixPath(member)
    if path.is_absolute() or ".." in path.parts or "\\" in member or path.parts[:1] != ("media",):
        raise ArchiveError(f"Unsafe path in archive: {member!r}")
    return str(PurePosixPath(*path.parts[1:]))


def restore(path, storage=default_storage):
    """Load the archive at ``path`` into the current, empty database and storage; return its manifest."""
    with zipfile.ZipFile(Path(path)) as archive:
        try:
            manifest = json.loads(archive.read("manifest.json"))
        except KeyError as error:
            raise ArchiveError("Not an e-zine archive: manifest.json is missing.") from error
        if manifest.get("format") != FORMAT:
            raise ArchiveError(f"Unknown archive format {manifest.get('format')!r}.")
        occupied = [
            model._meta.label
            for model in _models()
            if model._meta.label_lower not in MADE_BY_MIGRATIONS and model._default_manager.exists()
        ]
        if occupied:
            raise ArchiveError(
                f"The database is not empty ({', '.join(occupied[:5])}); restore needs an empty one."
            )
        files = {}
        for member in archive.namelist():
            if member.startswith("media/") and not member.endswith("/"):
                name = _safe_media_name(member)
                content = archive.read(member)
                if hashlib.sha256(content).hexdigest() != manifest["files"].get(name):
                    raise ArchiveError(f"{name} does not match its checksum; the archive is damaged.")
                files[name] = content
        if set(files) != set(manifest["files"]):
            raise ArchiveError("The archive is missing files listed in its manifest.")
        # Files first: rows that point at images find them in place.
        for name, content in files.items():
            if storage.exists(name):
                storage.delete(name)
            storage.save(name, ContentFile(content))
        with tempfile.TemporaryDirectory() as directory:
            fixture = Path(directory) / "data.json"
            fixture.write_bytes(archive.read("data.json"))
            call_command("loaddata", str(fixture), verbosity=0)
        call_command("rebuild_search_index", verbosity=0, stdout=io.StringIO())
    return manifest
