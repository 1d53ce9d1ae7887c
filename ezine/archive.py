"""One-file archives of the whole e-zine: every content row and every uploaded file.

An archive is a zip file with ``manifest.json`` (format, counts, a SHA-256 of ``data.json`` and of every
file), ``data.json`` (Django's serialised data, content types by natural key, so it loads into any freshly
migrated database) and ``media/`` (the uploads, renditions included). ``export_archive`` and
``import_archive`` wrap these.

A restore trusts nothing in the file. Before anything is written it checks every member against the
manifest (sizes first, then checksums, read in pieces), and that the data holds only rows an archive may
hold: content, tags, revisions and groups; users only when asked for, and superuser rights only when asked
for separately. Article bodies, also those inside revisions, go through the sanitiser again. Rows and files
are restored all or nothing: the rows in one transaction, the files inside it, removed again if it fails.
"""

import hashlib
import io
import json
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, transaction

from articles import richtext

# 3: bylines name people (articles.Article.authors), no longer user accounts as in 2.
# 4: organisations take part in partnerships and City Deals through people.Participation (3: their links).
FORMAT = "ezine-archive/4"
OLDER_FORMATS = {"ezine-archive/1", "ezine-archive/2"}
# Formats restored after a conversion of their rows (see ``_participations_from_links``).
CONVERTED_FORMATS = {"ezine-archive/3"}
# Rows Django makes itself on migrate, or that are only valid for one running site.
EXCLUDED = {
    "contenttypes",
    "auth.permission",
    "sessions",
    "admin.logentry",
    "axes",
    "ezine.pendinginvalidation",
}
# The search index is made from the content; it is rebuilt after a restore instead of being archived.
DERIVED = {"search.searchentry", "search.searchterm"}
# Rows a migration creates (the editorial groups); the archive's copies update them by natural key.
MADE_BY_MIGRATIONS = {"auth.group", "auth.group_permissions"}
# What a restore takes from an archive; users only when asked for.
CONTENT = {
    "articles.article",
    "articles.taggedarticle",
    "articles.previewrevocation",
    "articles.milestone",
    "core.redirect",
    "wordpress.importedpost",
    "people.organisation",
    "people.person",
    "people.partnership",
    "people.citydeal",
    "people.participation",
    "taggit.tag",
    "taggit.taggeditem",
    "reversion.revision",
    "reversion.version",
    "auth.group",
}
USERS = "auth.user"
CHUNK = 1024 * 1024


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
    content = data.getvalue().encode()
    manifest = {"format": FORMAT, "counts": {}, "data": hashlib.sha256(content).hexdigest(), "files": {}}
    for row in json.loads(content):
        manifest["counts"][row["model"]] = manifest["counts"].get(row["model"], 0) + 1
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", content)
        for name in _media_files(storage):
            digest = hashlib.sha256()
            with storage.open(name, "rb") as source, archive.open(f"media/{name}", "w") as target:
                while chunk := source.read(CHUNK):
                    digest.update(chunk)
                    target.write(chunk)
            manifest["files"][name] = digest.hexdigest()
        archive.writestr("manifest.json", json.dumps(manifest, indent=2, sort_keys=True))
    return manifest


def _safe_media_name(member):
    """Return the storage name of an archive member under media/, refusing absolute or ``..`` paths."""
    path = PurePosixPath(member)
    if path.is_absolute() or ".." in path.parts or "\\" in member or path.parts[:1] != ("media",):
        raise ArchiveError(f"Unsafe path in archive: {member!r}")
    return str(PurePosixPath(*path.parts[1:]))


def _extract(archive, info, target, limit):
    """Copy member ``info`` to the file ``target`` in pieces, refusing more than ``limit`` bytes; return
    its SHA-256."""
    if info.file_size > limit:
        raise ArchiveError(
            f"{info.filename} is {info.file_size} bytes, more than the {limit} an archive may hold."
        )
    digest, size = hashlib.sha256(), 0
    with archive.open(info) as source, open(target, "wb") as output:
        while chunk := source.read(CHUNK):
            size += len(chunk)
            if size > limit:
                raise ArchiveError(f"{info.filename} is larger than the {limit} bytes an archive may hold.")
            digest.update(chunk)
            output.write(chunk)
    return digest.hexdigest()


def _read_manifest(archive):
    try:
        info = archive.getinfo("manifest.json")
    except KeyError as error:
        raise ArchiveError("Not an e-zine archive: manifest.json is missing.") from error
    if info.file_size > CHUNK * 16:
        raise ArchiveError("manifest.json is too large.")
    try:
        manifest = json.loads(archive.read(info))
    except ValueError as error:
        raise ArchiveError("manifest.json is not valid JSON.") from error
    if isinstance(manifest, dict) and manifest.get("format") in OLDER_FORMATS:
        raise ArchiveError(
            f"This archive ({manifest['format']}) was made by an older version, whose bylines named user "
            "accounts. Restore it with that version, upgrade (manage.py migrate turns them into people), "
            "then make a new archive."
        )
    if not isinstance(manifest, dict) or manifest.get("format") not in {FORMAT, *CONVERTED_FORMATS}:
        raise ArchiveError(
            f"Unknown archive format {manifest.get('format') if isinstance(manifest, dict) else None!r}."
        )
    if not isinstance(manifest.get("files"), dict) or not isinstance(manifest.get("data"), str):
        raise ArchiveError("The manifest lacks the checksums of the data and the files.")
    return manifest


def _verify(archive, manifest, folder):
    """Check every member against the manifest and copy it into ``folder``; return {storage name: path}."""
    files, data_seen = {}, False
    for info in archive.infolist():
        name = info.filename
        if name == "manifest.json" or info.is_dir():
            continue
        if name == "data.json":
            if (
                _extract(archive, info, folder / "data.json", settings.EZINE_ARCHIVE_MAX_DATA)
                != manifest["data"]
            ):
                raise ArchiveError(
                    "data.json does not match its checksum; the archive is damaged or altered."
                )
            data_seen = True
            continue
        storage_name = _safe_media_name(name)
        if storage_name not in manifest["files"]:
            raise ArchiveError(f"{name} is not listed in the manifest.")
        target = folder / "media" / f"{len(files)}"
        target.parent.mkdir(exist_ok=True)
        if (
            _extract(archive, info, target, settings.EZINE_ARCHIVE_MAX_FILE)
            != manifest["files"][storage_name]
        ):
            raise ArchiveError(
                f"{storage_name} does not match its checksum; the archive is damaged or altered."
            )
        files[storage_name] = target
    if not data_seen:
        raise ArchiveError("Not an e-zine archive: data.json is missing.")
    if set(files) != set(manifest["files"]):
        raise ArchiveError("The archive is missing files listed in its manifest.")
    return files


def _sanitised_version(row):
    """Sanitise the article body inside a revision's stored copy, so reverting cannot bring back a script."""
    fields = row["fields"]
    if fields.get("content_type") != ["articles", "article"]:
        return
    try:
        stored = json.loads(fields["serialized_data"])
    except (KeyError, TypeError, ValueError) as error:
        raise ArchiveError("A revision in the archive holds data that is not JSON.") from error
    changed = False
    for item in stored:
        if isinstance(item, dict) and isinstance(item.get("fields"), dict) and "body" in item["fields"]:
            body = item["fields"]["body"]
            item["fields"]["body"] = richtext.sanitise(body)
            changed |= item["fields"]["body"] != body
    if changed:  # left as it was otherwise, to the byte
        fields["serialized_data"] = json.dumps(stored)


# Format 3's links of partnerships and City Deals to organisations: field → role (None: by kind).
PROGRAMME_LINKS = {
    "people.partnership": {"coordinators": "coordinator", "members": None},
    "people.citydeal": {"partners": None},
}
# As people/0005_participation: the kinds that give a role of their own; any other takes part as a partner.
ROLE_OF_KIND = {"municipality": "city", "ministry": "ministry"}


def _participations_from_links(rows):
    """Return format-3 ``rows`` as format 4 has them: the links of partnerships and City Deals to
    organisations taken out of their rows and added as participations, as migration
    ``people/0005_participation`` does (a coordinator listed as a member too stays a coordinator)."""
    kinds = {
        row.get("pk"): row["fields"].get("kind")
        for row in rows
        if isinstance(row, dict)
        and row.get("model") == "people.organisation"
        and isinstance(row.get("fields"), dict)
    }
    participations = []
    for row in rows:
        links = PROGRAMME_LINKS.get(row.get("model")) if isinstance(row, dict) else None
        if not links or not isinstance(row.get("fields"), dict):
            continue
        field = "partnership" if row["model"] == "people.partnership" else "city_deal"
        taken = set()
        for name, role in links.items():
            organisations = row["fields"].pop(name, None) or []
            if not isinstance(organisations, list):
                raise ArchiveError(f"{row['model']} {row.get('pk')!r}: {name} is not a list.")
            for organisation in organisations:
                if organisation in taken:
                    continue
                taken.add(organisation)
                participations.append(
                    {
                        "model": "people.participation",
                        "pk": None,
                        "fields": {
                            "organisation": organisation,
                            field: row.get("pk"),
                            "role": role or ROLE_OF_KIND.get(kinds.get(organisation), "partner"),
                        },
                    }
                )
    return rows + participations


def _trusted_rows(rows, with_users, with_superusers):
    """Return the rows of ``rows`` a restore may load, made safe; refuse the archive for any other."""
    if not isinstance(rows, list):
        raise ArchiveError("data.json is not a list of rows.")
    allowed = CONTENT | ({USERS} if with_users else set())
    kept = []
    for row in rows:
        if not isinstance(row, dict) or not isinstance(row.get("fields"), dict):
            raise ArchiveError("data.json holds something that is not a row.")
        label = str(row.get("model", "")).lower()
        if label == USERS and not with_users:
            continue  # users stay out unless asked for
        if label not in allowed:
            raise ArchiveError(f"The archive holds rows of {label!r}, which an archive may not hold.")
        fields = row["fields"]
        if label == "articles.article":
            fields["body"] = richtext.sanitise(fields.get("body", ""))
            if not with_users:
                fields.update(created_by=None, updated_by=None)
        elif label == "people.person" and not with_users:
            fields["user"] = None
        elif label == "reversion.revision" and not with_users:
            fields["user"] = None
        elif label == "reversion.version":
            _sanitised_version(row)
        elif label == USERS and not with_superusers:
            fields["is_superuser"] = False
            fields["user_permissions"] = []
        kept.append(row)
    return kept


def restore(path, storage=default_storage, with_users=False, with_superusers=False):
    """Load the archive at ``path`` into the current, empty database and storage; return its manifest.

    Users come along only ``with_users``, superuser rights only ``with_superusers`` as well.
    """
    with_users = with_users or with_superusers
    occupied = [
        model._meta.label
        for model in _models()
        if model._meta.label_lower not in MADE_BY_MIGRATIONS and model._default_manager.exists()
    ]
    if occupied:
        raise ArchiveError(
            f"The database is not empty ({', '.join(occupied[:5])}); restore needs an empty one."
        )
    try:
        archive = zipfile.ZipFile(Path(path))
    except zipfile.BadZipFile as error:
        raise ArchiveError("This is not a zip file.") from error
    with archive, tempfile.TemporaryDirectory() as directory:
        folder = Path(directory)
        manifest = _read_manifest(archive)
        files = _verify(archive, manifest, folder)
        try:
            rows = json.loads((folder / "data.json").read_bytes())
        except ValueError as error:
            raise ArchiveError("data.json is not valid JSON.") from error
        fixture = folder / "trusted.json"
        if manifest["format"] in CONVERTED_FORMATS and isinstance(rows, list):
            rows = _participations_from_links(rows)
        fixture.write_text(json.dumps(_trusted_rows(rows, with_users, with_superusers)))
        written = []
        try:
            with transaction.atomic():
                call_command("loaddata", str(fixture), verbosity=0)
                for name, source in files.items():
                    if storage.exists(name):
                        storage.delete(name)
                    with open(source, "rb") as content:
                        written.append(storage.save(name, File(content)))
                call_command("rebuild_search_index", verbosity=0, stdout=io.StringIO())
        except (DeserializationError, DatabaseError, ValueError, LookupError, OSError) as error:
            for name in written:
                storage.delete(name)
            raise ArchiveError(
                f"The archive's data could not be restored, nothing was changed: {error}"
            ) from error
    return manifest
