"""A malformed, cut-off or hostile WordPress export is refused with a clear Dutch message or cleaned; nothing
is ever half-imported."""

import io
import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from PIL import Image

from articles.models import Article
from core.models import Redirect
from wordpress import importer, wxr
from wordpress.models import ImportedPost

pytestmark = pytest.mark.django_db

WXR = Path(__file__).parent / "wxr"


@pytest.fixture
def chief(django_user_model):
    user = django_user_model.objects.create_user("chef", "chef@example.org", "wachtwoord-123", is_staff=True)
    user.groups.add(Group.objects.get(name="Eindredacteur"))
    return user


def run(path, *args):
    out = io.StringIO()
    call_command("import_wordpress", str(path), "--user", "chef", *map(str, args), stdout=out)
    return out.getvalue()


def assert_nothing_imported():
    assert not Article.objects.exists()
    assert not Redirect.objects.exists()
    assert not ImportedPost.objects.exists()


@pytest.mark.parametrize("name", ["billion-laughs.xml", "external-entity.xml"])
def test_an_export_with_entity_declarations_is_refused_before_anything_is_read(chief, name):
    with pytest.raises(CommandError, match="documenttypedeclaratie"):
        run(WXR / name)
    assert_nothing_imported()


def test_a_truncated_export_is_refused_and_nothing_is_half_imported(chief):
    with pytest.raises(CommandError, match="onvolledig"):
        run(WXR / "truncated.xml")
    assert_nothing_imported()


def test_a_file_that_is_no_export_is_refused(chief, tmp_path):
    html = tmp_path / "pagina.xml"
    html.write_text("<html><body>Geen export</body></html>")
    with pytest.raises(CommandError, match="geen WordPress-export"):
        run(html)
    binary = tmp_path / "plaatje.xml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(CommandError, match="geen geldige XML"):
        run(binary)
    assert_nothing_imported()


def test_an_undeclared_entity_is_refused(chief, tmp_path):
    path = tmp_path / "entiteit.xml"
    path.write_text(
        '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>&geheim;</title></channel></rss>'
    )
    with pytest.raises(CommandError, match="Niets geïmporteerd"):
        run(path)


def test_an_unknown_user_is_refused(db):
    with pytest.raises(CommandError, match="Er is geen gebruiker"):
        call_command("import_wordpress", str(WXR / "agenda-stad.xml"), "--user", "niemand")


@pytest.fixture
def hostile(chief, tmp_path, media_root):
    uploads = tmp_path / "site" / "uploads"
    (uploads / "2020/01").mkdir(parents=True)
    outside = tmp_path / "site" / "geheim.jpg"
    Image.new("RGB", (10, 10), "red").save(outside, "JPEG")
    os.symlink(outside, uploads / "2020/01/ontsnapt.jpg")
    return run(WXR / "hostile.xml", "--media", uploads)


def test_scripts_and_event_handlers_are_cleaned_from_the_html(hostile):
    scripts = ImportedPost.objects.get(post_id=1).article
    for bad in (
        "<script",
        "onmouseover",
        "javascript:",
        "data:text",
        "iframe",
        "<style",
        "onerror",
        "object",
    ):
        assert bad not in scripts.body
    assert scripts.title == "Scripts"
    assert scripts.lead == "Inleiding"
    assert scripts.slug == "etcpasswd"


def test_paths_that_leave_the_media_folder_are_refused_and_reported(hostile):
    assert not Article.objects.exclude(hero_image="").exists()
    assert not Article.objects.exclude(attachment="").exists()
    assert hostile.count("geweigerd: het pad wijst buiten de mediamap") == 4
    assert "#0 Geen nummer: geen bericht-id" in hostile


def test_a_field_larger_than_allowed_skips_its_post(chief, tmp_path, monkeypatch):
    monkeypatch.setattr(wxr, "MAX_FIELD", 1000)
    path = tmp_path / "groot.xml"
    path.write_text(
        (WXR / "hostile.xml")
        .read_text()
        .replace("<p>Een link die de map uit wijst.</p>", "<p>lang</p>" * 200)
    )
    report = run(path)
    assert "#3 Symbolische link: het veld encoded is te groot" in report
    assert not ImportedPost.objects.filter(post_id=3).exists()
    assert ImportedPost.objects.filter(post_id=1).exists()


def test_a_failure_halfway_leaves_no_rows_and_no_files(chief, tmp_path, media_root, monkeypatch):
    uploads = tmp_path / "uploads"
    (uploads / "2017/10").mkdir(parents=True)
    Image.new("RGB", (600, 400), "teal").save(uploads / "2017/10/garnier.jpg", "JPEG")

    def fail(self):
        assert Article.objects.exists()  # articles were written by now
        raise OSError("schijf vol")

    monkeypatch.setattr(importer.Importer, "write_redirects", fail)
    with pytest.raises(CommandError, match="schijf vol"):
        run(WXR / "agenda-stad.xml", "--media", uploads)
    assert_nothing_imported()
    assert not [p for p in Path(media_root).rglob("*") if p.is_file() and "renditions" not in p.parts]


def test_a_post_that_appears_twice_becomes_one_article(chief, tmp_path):
    text = (WXR / "hostile.xml").read_text()
    first = text.index("\t<item>")
    end = text.index("</item>", first) + len("</item>")
    path = tmp_path / "dubbel.xml"
    path.write_text(text[:end] + "\n" + text[first:end] + text[end:])
    report = run(path)
    assert ImportedPost.objects.filter(post_id=1).count() == 1
    assert Article.objects.count() == 3
    assert "#1 Scripts: de export bevat dit bericht twee keer" in report
