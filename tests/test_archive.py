"""export_archive writes everything into one file; import_archive restores it into an empty database."""

import hashlib
import io
import json
import re
import tracemalloc
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from articles.models import Article
from ezine import archive
from people.models import Participation
from tests.html import parse

pytestmark = pytest.mark.django_db


def every_row():
    """Return all rows of every archived model, serialised, in a comparable order."""
    out = io.StringIO()
    labels = [model._meta.label for model in archive._models()]
    call_command("dumpdata", *labels, natural_foreign=True, stdout=out)
    # Django writes times to the millisecond, and a time whose milliseconds are 000 once without them:
    # "12:00:01.000Z" (from 12:00:01.000431) comes back as "12:00:01Z". The same moment either way.
    text = re.sub(r'(T\d\d:\d\d:\d\d)\.000(Z|[+-]\d\d:\d\d)"', r'\1\2"', out.getvalue())
    return sorted(json.dumps(row, sort_keys=True) for row in json.loads(text))


def every_file(root):
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.rglob("*")
        if path.is_file()
    }


def empty_database():
    """Delete every archived row, as a restore needs, inside the test's own transaction.

    The groups made by a migration stay: a restore updates them. Articles go first, since the
    partnerships and City Deals they are about refuse to be deleted before them, and participations
    before the organisations taking part.
    """
    Article.objects.all().delete()
    Participation.objects.all().delete()
    for model in archive._models():
        if model._meta.label_lower not in archive.MADE_BY_MIGRATIONS:
            model._default_manager.all().delete()


class TestDemoContent:
    """Tests over the demo content, loaded once for the class."""

    def test_demo_content_survives_a_round_trip(self, demo, settings, tmp_path):
        rows_before, files_before = every_row(), every_file(settings.MEDIA_ROOT)
        assert Article.objects.count() == 10 and len(files_before) > 100

        call_command("export_archive", str(tmp_path / "backup.zip"), stdout=io.StringIO())
        empty_database()
        settings.MEDIA_ROOT = tmp_path / "restored-media"
        out = io.StringIO()
        call_command("import_archive", str(tmp_path / "backup.zip"), "--with-superusers", stdout=out)

        assert every_row() == rows_before
        assert every_file(settings.MEDIA_ROOT) == files_before
        # The search index is not archived but rebuilt from the restored content.
        results = parse(Client().get("/zoeken/", {"q": "Garnier"}))
        assert "Sebastien Garnier" in results.select_one("main").get_text()
        assert f"{len(rows_before)} rows in the archive, {len(files_before)} files" in out.getvalue()

    def test_restore_refuses_a_database_with_content(self, demo, tmp_path):
        call_command("export_archive", str(tmp_path / "backup.zip"), stdout=io.StringIO())
        with pytest.raises(CommandError, match="not empty"):
            call_command("import_archive", str(tmp_path / "backup.zip"))

    def test_restore_refuses_a_damaged_file(self, demo, tmp_path):
        path = tmp_path / "backup.zip"
        call_command("export_archive", str(path), stdout=io.StringIO())
        damaged = tmp_path / "damaged.zip"
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(damaged, "w") as target:
            for item in source.infolist():
                content = source.read(item)
                if item.filename.endswith(".pdf"):
                    content = content[:-10]
                target.writestr(item, content)
        empty_database()
        with pytest.raises(CommandError, match="checksum"):
            call_command("import_archive", str(damaged))
        assert not Article.objects.exists()


@pytest.mark.parametrize(
    "member", ["media/../../etc/passwd", "/etc/passwd", "media/a/../../b", "elsewhere/x"]
)
def test_restore_refuses_paths_outside_the_media_folder(member):
    with pytest.raises(archive.ArchiveError, match="Unsafe path"):
        archive._safe_media_name(member)


def test_restore_refuses_a_file_that_is_no_archive(db, tmp_path):
    path = tmp_path / "not.zip"
    with zipfile.ZipFile(path, "w") as target:
        target.writestr("data.json", "[]")
    with pytest.raises(CommandError, match="manifest.json"):
        call_command("import_archive", str(path))


# A tampered archive: what an attacker (or a careless hand) may put in one.


def write_archive(path, rows, files=None, manifest_changes=None, data=None):
    """Write an archive of ``rows`` and ``files`` ({storage name: bytes}) with a consistent manifest, as
    anyone can compute one: the checksums show damage, not intent."""
    data = json.dumps(rows).encode() if data is None else data
    files = files or {}
    manifest = {
        "format": archive.FORMAT,
        "counts": {},
        "data": hashlib.sha256(data).hexdigest(),
        "files": {name: hashlib.sha256(content).hexdigest() for name, content in files.items()},
        **(manifest_changes or {}),
    }
    with zipfile.ZipFile(path, "w") as target:
        target.writestr("data.json", data)
        for name, content in files.items():
            target.writestr(f"media/{name}", content)
        target.writestr("manifest.json", json.dumps(manifest))
    return path


SCRIPT_BODY = '<p>Hallo</p><script>alert(document.cookie)</script><p onclick="x()">klik</p>'


def article_row(pk=1, **fields):
    return {
        "model": "articles.article",
        "pk": pk,
        "fields": {
            "title": "Ingevoegd",
            "slug": f"ingevoegd-{pk}",
            "kind": "news",
            "status": "published",
            "published_at": "2026-01-05T10:00:00Z",
            "first_published_at": "2026-01-05T10:00:00Z",
            "created_at": "2026-01-05T10:00:00Z",
            "updated_at": "2026-01-05T10:00:00Z",
            "body": SCRIPT_BODY,
            "created_by": 7,
            "updated_by": 7,
            **fields,
        },
    }


def superuser_row(pk=7):
    return {
        "model": "auth.user",
        "pk": pk,
        "fields": {
            "username": "indringer",
            "password": "md5$zout$bekend",
            "is_superuser": True,
            "is_staff": True,
            "is_active": True,
            "date_joined": "2026-01-01T00:00:00Z",
            "groups": [],
            "user_permissions": [],
        },
    }


def test_a_changed_data_file_is_refused_before_anything_is_written(db, tmp_path, media_root):
    path = write_archive(tmp_path / "a.zip", [article_row()], files={"articles/x.jpg": b"jpeg"})
    with zipfile.ZipFile(path, "a") as target, pytest.warns(UserWarning, match="Duplicate name"):
        target.writestr("data.json", json.dumps([article_row(title="Veranderd")]))  # a second, later copy
    with pytest.raises(archive.ArchiveError, match="data.json does not match its checksum"):
        archive.restore(path)
    assert not Article.objects.exists()
    assert not (media_root / "articles" / "x.jpg").exists()


def test_bodies_are_sanitised_and_users_stay_out_unless_asked_for(db, tmp_path, django_user_model):
    path = write_archive(tmp_path / "a.zip", [superuser_row(), article_row()])
    archive.restore(path)
    article = Article.objects.get()
    assert article.body == "<p>Hallo</p><p>klik</p>"
    assert (article.created_by, article.updated_by) == (None, None)
    assert not django_user_model.objects.filter(username="indringer").exists()


def test_users_come_along_on_request_but_without_superuser_rights(db, tmp_path, django_user_model):
    archive.restore(write_archive(tmp_path / "a.zip", [superuser_row(), article_row()]), with_users=True)
    user = django_user_model.objects.get(username="indringer")
    assert (user.is_superuser, user.is_staff) == (False, True)
    assert Article.objects.get().created_by == user


def test_superuser_rights_come_along_only_when_asked_for_separately(db, tmp_path, django_user_model):
    archive.restore(write_archive(tmp_path / "a.zip", [superuser_row()]), with_superusers=True)
    assert django_user_model.objects.get(username="indringer").is_superuser


def test_a_revision_cannot_bring_back_a_script(db, tmp_path):
    stored = [{"model": "articles.article", "pk": 1, "fields": {"title": "Oud", "body": SCRIPT_BODY}}]
    version = {
        "model": "reversion.version",
        "pk": 1,
        "fields": {
            "revision": 1,
            "object_id": "1",
            "content_type": ["articles", "article"],
            "db": "default",
            "format": "json",
            "serialized_data": json.dumps(stored),
            "object_repr": "Oud",
        },
    }
    revision = {
        "model": "reversion.revision",
        "pk": 1,
        "fields": {"date_created": "2026-01-05T10:00:00Z", "user": 7, "comment": ""},
    }
    archive.restore(write_archive(tmp_path / "a.zip", [article_row(), revision, version]))
    from reversion.models import Version

    restored = json.loads(Version.objects.get().serialized_data)
    assert restored[0]["fields"]["body"] == "<p>Hallo</p><p>klik</p>"


@pytest.mark.parametrize("label", ["sessions.session", "auth.permission", "axes.accessattempt", "nep.model"])
def test_rows_an_archive_may_not_hold_refuse_the_whole_archive(db, tmp_path, label):
    rows = [article_row(), {"model": label, "pk": 1, "fields": {}}]
    with pytest.raises(archive.ArchiveError, match="may not hold"):
        archive.restore(write_archive(tmp_path / "a.zip", rows))
    assert not Article.objects.exists()


def test_an_unknown_field_changes_nothing_and_writes_no_files(db, tmp_path, media_root):
    rows = [article_row(onbekend_veld="x")]
    path = write_archive(tmp_path / "a.zip", rows, files={"articles/2026/foto.jpg": b"\xff\xd8\xff"})
    with pytest.raises(archive.ArchiveError, match="nothing was changed"):
        archive.restore(path)
    assert not Article.objects.exists()
    assert not media_root.exists() or not any(p.is_file() for p in media_root.rglob("*"))


def test_a_member_larger_than_allowed_is_refused_before_it_is_read(db, tmp_path, settings):
    settings.EZINE_ARCHIVE_MAX_FILE = 1024 * 1024
    path = tmp_path / "bom.zip"
    big = b"\0" * (20 * 1024 * 1024)
    write_archive(path, [article_row()], files={"articles/bom.pdf": big})
    del big
    tracemalloc.start()
    with pytest.raises(archive.ArchiveError, match="more than the 1048576"):
        archive.restore(path)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 5 * 1024 * 1024
    assert not Article.objects.exists()


def test_a_file_not_listed_in_the_manifest_is_refused(db, tmp_path):
    path = write_archive(tmp_path / "a.zip", [article_row()])
    with zipfile.ZipFile(path, "a") as target:
        target.writestr("media/extra.pdf", b"%PDF")
    with pytest.raises(archive.ArchiveError, match="not listed"):
        archive.restore(path)


def test_an_archive_from_before_bylines_named_people_is_refused_with_its_reason(db, tmp_path):
    path = write_archive(tmp_path / "a.zip", [article_row()], manifest_changes={"format": "ezine-archive/2"})
    with pytest.raises(archive.ArchiveError, match="older version, whose bylines named user accounts"):
        archive.restore(path)
    assert not Article.objects.exists()


def test_the_page_cache_outbox_stays_out_of_an_archive(db, tmp_path, media_root):
    from ezine.models import PendingInvalidation

    PendingInvalidation.objects.create()
    media_root.mkdir(exist_ok=True)
    manifest = archive.export(tmp_path / "a.zip")
    assert "ezine.pendinginvalidation" not in manifest["counts"]


def test_an_archive_with_the_old_programme_links_is_restored_with_participations(db, tmp_path):
    def organisation(pk, kind):
        fields = {"name": f"Organisatie {pk}", "slug": f"organisatie-{pk}", "kind": kind, "country": "NL"}
        fields.update(created_at="2026-01-05T10:00:00Z", updated_at="2026-01-05T10:00:00Z")
        return {"model": "people.organisation", "pk": pk, "fields": fields}

    moments = {"created_at": "2026-01-05T10:00:00Z", "updated_at": "2026-01-05T10:00:00Z"}
    partnership = {
        "model": "people.partnership",
        "pk": 1,
        "fields": {
            "name": "Huisvesting",
            "slug": "huisvesting",
            "theme": "housing",
            "start_date": "2015-12-01",
            "status": "completed",
            "coordinators": [1],
            "members": [1, 2, 3],  # the coordinator is listed as a member too
            **moments,
        },
    }
    deal = {
        "model": "people.citydeal",
        "pk": 1,
        "fields": {
            "name": "Zorg",
            "slug": "zorg",
            "kind": "city_deal",
            "phase": "idea",
            "partners": [2, 4],
            **moments,
        },
    }
    rows = [organisation(1, "municipality"), organisation(2, "ministry"), organisation(3, "company")]
    rows += [organisation(4, "municipality"), partnership, deal]
    path = write_archive(tmp_path / "a.zip", rows, manifest_changes={"format": "ezine-archive/3"})

    archive.restore(path)

    found = Participation.objects.values_list(
        "partnership__slug", "city_deal__slug", "organisation_id", "role"
    )
    assert sorted(found, key=str) == sorted(
        [
            ("huisvesting", None, 1, "coordinator"),
            ("huisvesting", None, 2, "ministry"),
            ("huisvesting", None, 3, "partner"),
            (None, "zorg", 2, "ministry"),
            (None, "zorg", 4, "city"),
        ],
        key=str,
    )
