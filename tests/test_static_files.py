"""In production static files have hashed names, compressed copies and a year's Cache-Control (WhiteNoise)."""

import gzip
import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """The static files as production collects them, once for the module."""
    root = tmp_path_factory.mktemp("static")
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=root, STORAGES=storages):
        call_command("collectstatic", "--noinput", verbosity=0)
        yield root


def test_pages_link_the_stylesheet_by_its_content_hash_and_it_is_served_for_a_year(collected):
    page = Client().get("/").content.decode()
    href = re.search(r'href="(/static/ezine/css/site\.[0-9a-f]{12}\.css)"', page)
    assert href, "the stylesheet link carries a content hash"
    response = Client().get(href[1], headers={"accept-encoding": "gzip"})
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "immutable" in response["Cache-Control"]
    assert "max-age=315360000" in response["Cache-Control"]
    body = gzip.decompress(b"".join(response.streaming_content))
    assert body == (collected / "ezine/css/site.css").read_bytes()


def test_unhashed_names_are_not_cached_forever(collected):
    response = Client().get("/static/ezine/css/site.css")
    assert response.status_code == 200
    assert "immutable" not in response.get("Cache-Control", "")
