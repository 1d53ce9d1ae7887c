"""Photos keep no location or personal metadata, are named by what they are, and reach readers only as
renditions: on pages, in feeds and at their stored address."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image, ImageCms

from articles.models import Article
from tests import factories
from tests.feedreader import read
from tests.test_uploads import content_mismatch, field_errors, photo, post_article

pytestmark = pytest.mark.django_db

GPS, MAKE, MODEL, DESCRIPTION, ARTIST, ORIENTATION = 0x8825, 0x010F, 0x0110, 0x010E, 0x013B, 0x0112
GPS_LATITUDE_REF, GPS_LATITUDE = 1, 2


def phone_photo(image_format="JPEG", orientation=6):
    """Return a photo as a phone writes it: GPS position, make, model, owner, description, orientation
    and an sRGB colour profile."""
    exif = Image.Exif()
    exif[MAKE], exif[MODEL] = "Fairphone", "FP5"
    exif[DESCRIPTION], exif[ARTIST] = "Thuis, Lange Nieuwstraat 12", "Eva de Vries"
    exif[ORIENTATION] = orientation
    exif.get_ifd(GPS).update({GPS_LATITUDE_REF: "N", GPS_LATITUDE: (52.0, 5.0, 31.2)})
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    photo((900, 600)).save(buffer, image_format, exif=exif.tobytes(), icc_profile=profile, quality=90)
    return buffer.getvalue(), profile


@pytest.mark.parametrize("image_format, name", [("JPEG", "telefoon.jpg"), ("WEBP", "telefoon.webp")])
def test_uploaded_photo_loses_location_and_personal_metadata_but_keeps_orientation_and_profile(
    admin_client, media_root, image_format, name
):
    content, profile = phone_photo(image_format)
    with Image.open(io.BytesIO(content)) as sent:
        assert sent.getexif().get_ifd(GPS) and sent.getexif()[MAKE] == "Fairphone"  # what a phone sends

    response = post_article(
        admin_client, hero_image=SimpleUploadedFile(name, content), hero_alt="Een straat in Utrecht"
    )
    assert response.status_code == 302
    stored = Path(Article.objects.get().hero_image.path).read_bytes()
    with Image.open(io.BytesIO(stored)) as image:
        exif = image.getexif()
        assert dict(exif) == {ORIENTATION: 6}
        assert not exif.get_ifd(GPS)
        assert image.info.get("icc_profile") == profile
        assert image.size == (900, 600)
    for secret in (b"Fairphone", b"FP5", b"Nieuwstraat", b"Eva de Vries"):
        assert secret not in stored


def test_photo_saved_outside_the_admin_loses_its_metadata_too(media_root):
    content, _profile = phone_photo()
    person = factories.PersonFactory(portrait=SimpleUploadedFile("portret.jpg", content))
    with Image.open(person.portrait.path) as image:
        assert dict(image.getexif()) == {ORIENTATION: 6}


@pytest.mark.parametrize("name", ["looks_like_doc.pdf", "foto.png", "foto.eps", "foto.webp", "foto"])
def test_image_whose_name_does_not_match_its_content_is_refused(admin_client, media_root, name):
    content, _profile = phone_photo("JPEG")
    response = post_article(admin_client, hero_image=SimpleUploadedFile(name, content), hero_alt="Straat")
    extension = name.rsplit(".", 1)[-1] if "." in name else ""
    assert field_errors(response, "hero_image") == [content_mismatch(extension)]
    assert not Article.objects.exists()
    assert not media_root.exists() or not any(path.is_file() for path in media_root.rglob("*"))


@pytest.mark.parametrize("name", ["foto.jpg", "foto.JPEG"])
def test_image_named_by_its_format_in_any_case_is_accepted(admin_client, media_root, name):
    content, _profile = phone_photo("JPEG")
    response = post_article(admin_client, hero_image=SimpleUploadedFile(name, content), hero_alt="Straat")
    assert response.status_code == 302


@pytest.fixture
def published_photo(media_root):
    content, _profile = phone_photo()
    return factories.ArticleFactory(
        title="Met foto", hero_image=SimpleUploadedFile("straat.jpg", content), hero_alt="Een straat"
    )


def test_original_upload_is_not_public_but_its_renditions_are(published_photo, admin_client):
    original = published_photo.hero_image.url
    assert Client().get(original).status_code == 404
    staff = admin_client.get(original)
    assert staff.status_code == 200 and staff["Cache-Control"] == "private, no-store"
    rendition = Client().get(published_photo.hero_picture.src)
    assert rendition.status_code == 200 and rendition["Content-Type"] == "image/jpeg"


@pytest.mark.parametrize("feed", ["/feeds/rss/", "/feeds/atom/", "/feeds/json/"])
def test_feeds_offer_a_rendition_of_the_main_image_never_the_original(published_photo, feed):
    entry = read(Client().get(feed))["entries"][0]
    picture = published_photo.hero_picture
    address = "http://testserver" + picture.src
    if feed.endswith("json/"):
        assert entry["image"] == {"href": address}
    else:
        size = str(Path(picture.file.path).stat().st_size)
        assert dict(entry["image"]) == {"href": address, "type": "image/jpeg", "length": size}
    assert "/renditions/" in address and published_photo.hero_image.url not in address
