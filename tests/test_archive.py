"""export_archive writes everything into one file; import_archive restores it into an empty database."""

import hashlib
import io
import json
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from articles.models import Article
from ezine import archive
from tests.html import parse

pytestmark = pytest.mark.django_db


def every_row():
    """Return all rows of every archived model, serialised, in a comparable order."""
    out = io.StringIO()
    labels = [model._meta.label for model in archive._models()]
    call_command("dumpdata", *labels, natural_foreign=True, stdout=out)
    return sorted(json.dumps(row, sort_keys=True) for row in json.loads(out.getvalue()))


def every_file(root):
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.rglob("*")
        if path.is_file()
    }


def empty_database():
    """Delete every archived row, as a restore needs, inside the test's own transaction.

    The groups made by a migration stay: a restore updates them. Articles go first, since the
    partnerships and City Deals they are about refuse to be deleted before them.
    """
    Article.objects.all().delete()
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
        call_command("import_archive", str(tmp_path / "backup.zip"), stdout=out)

        assert every_row() == rows_before
        assert every_file(settings.MEDIA_ROOT) == files_before
        # The search index is not archived but rebuilt from the restored content.
        results = parse(Client().get("/zoeken/", {"q": "Garnier"}))
        assert "Sebastien Garnier" in results.select_one("main").get_text()
        assert f"{len(rows_before)} rows, {len(files_before)} files" in out.getvalue()

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
