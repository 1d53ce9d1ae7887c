"""Uploads are served with a fixed content type, never sniffed, and attachments only as downloads."""

import pytest
from django.test import Client


@pytest.fixture
def media_file(media_root):
    def make(name, content=b"data"):
        path = media_root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        return path

    return make


def test_attachment_is_a_download_with_its_real_type(media_file):
    media_file("attachments/2026/essay.pdf", b"%PDF-1.4 test")
    response = Client().get("/media/attachments/2026/essay.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="essay.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_renditions_may_be_cached_for_a_year(media_file):
    media_file("renditions/articles/2026/x/abc.webp", b"RIFF")
    response = Client().get("/media/renditions/articles/2026/x/abc.webp")
    assert response["Content-Type"] == "image/webp"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["Content-Disposition"].startswith("inline")


@pytest.mark.parametrize("name", ["page.html", "image.svg", "script.js", "archive.zip", "noextension"])
def test_files_of_other_types_are_never_served(media_file, name):
    media_file(f"people/{name}", b"<script>alert(1)</script>")
    assert Client().get(f"/media/people/{name}").status_code == 404


@pytest.mark.parametrize(
    "path",
    ["/media/../manage.py", "/media/%2e%2e/manage.py", "/media/..%2fdb.sqlite3", "/media//etc/passwd.pdf"],
)
def test_paths_outside_the_media_folder_are_not_found(path):
    assert Client().get(path).status_code == 404


def test_only_reading_is_allowed(media_file):
    media_file("people/a.jpg", b"\xff\xd8\xff")
    assert Client().post("/media/people/a.jpg").status_code == 405
