"""Uploads: which images and attachments editors may upload, and what readers get to see of them.

Bad files are tried through the admin forms, as editors meet them, and against the validators directly.
Readers must only ever get renditions (``/media/renditions/...``), never the original upload.
"""

import hashlib
import io
import re
import struct
import zipfile
import zlib
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import translation
from PIL import Image, ImageDraw, ImageFilter

from articles.models import Article
from core.validators import validate_attachment, validate_image_upload
from people.models import Organisation, Person
from tests import factories
from tests.conftest import shared_by_module
from tests.html import form_data, parse

pytestmark = pytest.mark.django_db

NOT_READABLE = "Dit bestand is geen leesbare afbeelding. Upload een JPEG-, PNG- of WebP-foto."
ALT_REQUIRED = "De hoofdafbeelding van een gepubliceerd artikel heeft een alternatieve tekst nodig."
ATTACHMENT_EXTENSIONS = (
    "Bijlagen moeten pdf- of kantoordocumenten zijn (doc, docx, odp, ods, odt, pdf, ppt, pptx, xls, xlsx)."
)


def wrong_format(name):
    return f"Afbeeldingen moeten JPEG, PNG of WebP zijn; dit bestand is {name}."


def too_many_pixels(megapixels):
    return (
        f"Deze afbeelding heeft meer dan {megapixels} megapixels. Maak haar kleiner en upload haar opnieuw."
    )


def too_large(size, limit):
    with translation.override("nl"):
        return f"Dit bestand is {filesizeformat(size)}; de grens is {filesizeformat(limit)}."


def content_mismatch(extension):
    return f"De inhoud van dit bestand past niet bij de naam .{extension}."


# Files, made in memory.


def photo(size=(1200, 800), grain=0.18):
    """Return a photo-like RGB image: gradients, structure and grain, which compresses like a photo."""
    vertical = Image.linear_gradient("L").resize(size)
    horizontal = Image.linear_gradient("L").rotate(90).resize(size)
    structure = Image.effect_mandelbrot(size, (-2.2, -1.1, 0.8, 1.1), 80)
    scene = Image.merge("RGB", (vertical, structure, horizontal)).filter(ImageFilter.GaussianBlur(2))
    noise = Image.merge("RGB", [Image.effect_noise(size, sigma) for sigma in (30, 28, 32)])
    return Image.blend(scene, noise, grain)


def encode(image, image_format, **options):
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def jpeg(size=(1200, 800), grain=0.18):
    return encode(photo(size, grain), "JPEG", quality=92)


def transparent_logo(size=(400, 200)):
    logo = Image.new("RGBA", size, (0, 0, 0, 0))
    ImageDraw.Draw(logo).ellipse((40, 20, size[0] - 40, size[1] - 20), fill=(200, 30, 30, 255))
    return encode(logo, "PNG")


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def handmade_png(width, height, pixel_data, bit_depth=8, colour_type=2):
    """Return a well-formed PNG (valid chunks and checksums) whose header claims ``width`` × ``height``."""
    header = struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", pixel_data)
        + png_chunk(b"IEND", b"")
    )


# 30000 × 30000 = 900 megapixels claimed by a file of about a hundred bytes.
DECOMPRESSION_BOMB = handmade_png(30000, 30000, zlib.compress(b"\0" * 4000), bit_depth=1, colour_type=0)
# 9000 × 5000 = 45 megapixels: over the e-zine's 40, under Pillow's own bomb limits.
PANORAMA_45_MEGAPIXELS = handmade_png(9000, 5000, zlib.compress(b"\0" * 4000), bit_depth=1, colour_type=0)
# Right header and checksums, but the pixel data is not a zlib stream: only decoding shows it.
PNG_WITH_CORRUPT_PIXELS = handmade_png(300, 200, b"these bytes are no deflate stream" * 4)

SVG_WITH_SCRIPT = b"""<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" onload="alert(document.cookie)">
  <script type="text/javascript">alert(document.domain)</script>
  <rect width="400" height="300" fill="navy"/>
</svg>
"""
HTML_PAGE = b"<!doctype html><html><body><h1>Hallo</h1><script>alert(1)</script></body></html>\n"
ELF_EXECUTABLE = b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00\x3e\x00" + bytes(2000)
MZ_EXECUTABLE = (
    b"MZ\x90\x00\x03\x00\x00\x00" + bytes(56) + b"This program cannot be run in DOS mode.\r\n" + bytes(2000)
)


def pdf(size=(600, 400)):
    return encode(photo(size), "PDF")


def docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr(
            "word/document.xml",
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>Verslag</w:t></w:r></w:p></w:body></w:document>",
        )
    return buffer.getvalue()


def ole2_document():
    """Return the start of an old binary Office document (.doc, .xls, .ppt): an OLE2 container."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff" + bytes(4000)


def upload(name, content):
    return SimpleUploadedFile(name, content)


def stored_files(root):
    root = Path(root)
    return (
        sorted(path.relative_to(root) for path in root.rglob("*") if path.is_file()) if root.exists() else []
    )


def renditions(root):
    """Return (format, width, height, mode, path) of every rendition on disk."""
    found = []
    for path in (Path(root) / "renditions").rglob("*"):
        if path.is_file():
            with Image.open(path) as image:
                found.append((image.format, image.width, image.height, image.mode, path))
    return found


def sha256(content):
    return hashlib.sha256(content).hexdigest()


# The admin forms that take an image.

IMAGE_FORMS = {
    "article": (
        "admin:articles_article_add",
        "#article_form",
        "hero_image",
        Article,
        {"title": "Nieuw stuk"},
    ),
    "person": ("admin:people_person_add", "#person_form", "portrait", Person, {"name": "Manon Reckin"}),
    "organisation": (
        "admin:people_organisation_add",
        "#organisation_form",
        "logo",
        Organisation,
        {"name": "Gemeente Maastricht"},
    ),
}


def post_add_form(client, target, **data):
    """Fill in the admin's add form of ``target`` as an editor would, with ``data`` on top; submit it."""
    url_name, form_selector, _field, _model, required = IMAGE_FORMS[target]
    url = reverse(url_name)
    fields = form_data(client.get(url), form_selector)
    fields.update(required, slug="nieuw", **data)
    return client.post(url, fields)


def post_article(client, **data):
    return post_add_form(client, "article", **data)


def field_errors(response, field):
    assert response.status_code == 200, f"expected the form again, got {response.status_code}"
    return [item.get_text() for item in parse(response).select(f".field-{field} ul.errorlist li")]


# Bad images: (file name, content, error code and Dutch message). The admin shows the same message as
# the validator: its image field runs the e-zine's checks before Django's generic one.

BAD_IMAGES = {
    "text_renamed_jpg": (
        "notities.jpg",
        b"Dit is gewoon tekst, geen foto.\n" * 40,
        "invalid_image",
        NOT_READABLE,
    ),
    "html_renamed_png": ("pagina.png", HTML_PAGE, "invalid_image", NOT_READABLE),
    "svg_with_script": ("logo.svg", SVG_WITH_SCRIPT, "invalid_image", NOT_READABLE),
    "svg_renamed_png": ("logo.png", SVG_WITH_SCRIPT, "invalid_image", NOT_READABLE),
    "gif": (
        "animatie.gif",
        encode(photo((300, 200)).convert("P"), "GIF"),
        "image_format",
        wrong_format("GIF"),
    ),
    "bmp": ("scan.bmp", encode(photo((300, 200)), "BMP"), "image_format", wrong_format("BMP")),
    "truncated_png": (
        "afgebroken.png",
        encode(photo((300, 200)), "PNG")[:20000],
        "invalid_image",
        NOT_READABLE,
    ),
    "truncated_jpeg": ("afgebroken.jpg", jpeg((1200, 800))[:60000], "invalid_image", NOT_READABLE),
    "png_with_corrupt_pixels": ("kapot.png", PNG_WITH_CORRUPT_PIXELS, "invalid_image", NOT_READABLE),
    "over_40_megapixels": (
        "panorama.png",
        PANORAMA_45_MEGAPIXELS,
        "image_too_many_pixels",
        too_many_pixels(40),
    ),
    # Pillow refuses to open it at all; the validator still names the limit.
    "decompression_bomb": ("bom.png", DECOMPRESSION_BOMB, "image_too_many_pixels", too_many_pixels(40)),
}


@pytest.mark.parametrize("target", IMAGE_FORMS)
@pytest.mark.parametrize("case", BAD_IMAGES)
def test_admin_refuses_a_bad_image_with_a_dutch_message_and_saves_nothing(
    admin_client, media_root, target, case
):
    name, content, _code, message = BAD_IMAGES[case]
    field, model = IMAGE_FORMS[target][2], IMAGE_FORMS[target][3]
    response = post_add_form(admin_client, target, **{field: upload(name, content)})
    assert field_errors(response, field) == [message]
    assert not model.objects.exists()
    assert stored_files(media_root) == []


@pytest.mark.parametrize("case", BAD_IMAGES)
def test_image_validator_refuses_a_bad_image(case):
    name, content, code, message = BAD_IMAGES[case]
    with pytest.raises(ValidationError) as refusal:
        validate_image_upload(upload(name, content))
    assert refusal.value.code == code
    assert refusal.value.messages == [message]


@pytest.mark.parametrize("target", IMAGE_FORMS)
def test_admin_refuses_an_image_over_the_size_limit(admin_client, settings, media_root, target):
    settings.MAX_IMAGE_UPLOAD_SIZE = 100_000
    content = jpeg((1200, 800))
    assert len(content) > settings.MAX_IMAGE_UPLOAD_SIZE
    field, model = IMAGE_FORMS[target][2], IMAGE_FORMS[target][3]
    response = post_add_form(admin_client, target, **{field: upload("groot.jpg", content)})
    assert field_errors(response, field) == [too_large(len(content), 100_000)]
    assert not model.objects.exists()
    assert stored_files(media_root) == []


@pytest.mark.parametrize("target", IMAGE_FORMS)
def test_admin_refuses_an_image_over_the_pixel_limit(admin_client, settings, media_root, target):
    settings.MAX_IMAGE_PIXELS = 2_000_000
    field, model = IMAGE_FORMS[target][2], IMAGE_FORMS[target][3]
    response = post_add_form(admin_client, target, **{field: upload("breed.jpg", jpeg((2000, 1200)))})
    assert field_errors(response, field) == [too_many_pixels(2)]
    assert not model.objects.exists()
    assert stored_files(media_root) == []


def test_image_validator_checks_size_and_pixels_against_the_settings(settings):
    content = jpeg((1200, 800))
    validate_image_upload(upload("foto.jpg", content))
    settings.MAX_IMAGE_UPLOAD_SIZE = len(content) - 1
    with pytest.raises(ValidationError) as refusal:
        validate_image_upload(upload("foto.jpg", content))
    assert refusal.value.code == "file_too_large"
    settings.MAX_IMAGE_UPLOAD_SIZE = len(content)
    settings.MAX_IMAGE_PIXELS = 1200 * 800 - 1
    with pytest.raises(ValidationError) as refusal:
        validate_image_upload(upload("foto.jpg", content))
    assert refusal.value.code == "image_too_many_pixels"
    settings.MAX_IMAGE_PIXELS = 1200 * 800
    validate_image_upload(upload("foto.jpg", content))


def test_image_validator_leaves_the_file_where_it_was_reading():
    image = upload("foto.jpg", jpeg((400, 300)))
    image.seek(123)
    validate_image_upload(image)
    assert image.tell() == 123


def test_images_already_in_storage_are_not_checked_again(admin_client, settings, media_root):
    """Stricter limits apply to new uploads; articles with older images stay editable."""
    article = factories.ArticleFactory(hero_image=upload("oud.jpg", jpeg((1200, 800))), hero_alt="Een plein")
    settings.MAX_IMAGE_UPLOAD_SIZE = 1000
    settings.MAX_IMAGE_PIXELS = 1000
    article.full_clean()

    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(admin_client.get(url), "#article_form")
    data["title"] = "Nieuwe titel"
    assert admin_client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.title == "Nieuwe titel"
    assert article.hero_image.name.endswith("oud.jpg")


# Alternative text.


def test_publishing_an_article_with_a_main_image_requires_alt_text(admin_client, media_root):
    response = post_article(
        admin_client, status="published", hero_alt="", hero_image=upload("plein.jpg", jpeg((800, 600)))
    )
    assert field_errors(response, "hero_alt") == [ALT_REQUIRED]
    assert not Article.objects.exists()
    assert stored_files(media_root) == []


def test_a_draft_with_a_main_image_needs_no_alt_text_yet(admin_client):
    response = post_article(
        admin_client, status="draft", hero_alt="", hero_image=upload("plein.jpg", jpeg((800, 600)))
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.hero_image
    assert article.hero_alt == ""


def test_publishing_an_article_without_a_main_image_needs_no_alt_text(admin_client):
    response = post_article(admin_client, status="published", hero_alt="")
    assert response.status_code == 302
    assert Article.objects.get().is_published


def test_publishing_a_draft_with_a_main_image_later_still_requires_alt_text(admin_client):
    article = factories.ArticleFactory(draft=True, hero_image=upload("plein.jpg", jpeg((800, 600))))
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(admin_client.get(url), "#article_form")
    data["status"] = "published"
    response = admin_client.post(url, data)
    assert field_errors(response, "hero_alt") == [ALT_REQUIRED]
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


# Good images: accepted, kept as uploaded, and rendered in several widths and formats.

GOOD_IMAGES = {
    "jpeg": ("foto.jpg", lambda: jpeg((1000, 667))),
    "png": ("grafiek.png", lambda: encode(photo((1000, 667)).convert("RGBA"), "PNG")),
    "webp": ("foto.webp", lambda: encode(photo((1000, 667)), "WEBP", quality=90)),
}


@pytest.mark.parametrize("case", GOOD_IMAGES)
def test_admin_accepts_jpeg_png_and_webp_and_makes_renditions(admin_client, media_root, case):
    name, make = GOOD_IMAGES[case]
    content = make()
    response = post_article(admin_client, hero_image=upload(name, content), hero_alt="Een grafiek")
    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.hero_width, article.hero_height) == (1000, 667)
    # Nothing to strip: the original is kept exactly as sent.
    assert sha256(Path(article.hero_image.path).read_bytes()) == sha256(content)

    made = renditions(media_root)
    # One file per width (480, 800, 1200, 1600) and format; the two widths above 1000 stay 1000 wide.
    assert len(made) == 8
    assert {(image_format, width) for image_format, width, *_ in made} == {
        (image_format, width) for image_format in ("WEBP", "JPEG") for width in (480, 800, 1000)
    }
    for _format, width, height, mode, _path in made:
        assert width <= 1000
        assert height == pytest.approx(width * 667 / 1000, abs=1)
        assert mode == "RGB"


def test_portrait_renditions_are_never_wider_than_the_original(admin_client, media_root):
    response = post_add_form(admin_client, "person", portrait=upload("portret.jpg", jpeg((400, 400))))
    assert response.status_code == 302
    made = renditions(media_root)
    assert len(made) == 6
    assert {(image_format, width) for image_format, width, *_ in made} == {
        (image_format, width) for image_format in ("WEBP", "JPEG") for width in (160, 320, 400)
    }
    picture = Person.objects.get().portrait_picture
    widths = [int(entry.split()[1].removesuffix("w")) for entry in picture.fallback_srcset.split(", ")]
    assert widths == [160, 320, 400]
    assert (picture.width, picture.height) == (400, 400)


def test_logo_renditions_are_webp_and_png_and_keep_transparency(admin_client, media_root):
    response = post_add_form(admin_client, "organisation", logo=upload("logo.png", transparent_logo()))
    assert response.status_code == 302
    made = renditions(media_root)
    assert {(image_format, width) for image_format, width, *_ in made} == {
        (image_format, width) for image_format in ("WEBP", "PNG") for width in (160, 320)
    }
    for _format, _width, _height, _mode, path in made:
        with Image.open(path) as image:
            assert image.convert("RGBA").getpixel((0, 0))[3] == 0, path


def test_photo_renditions_are_much_smaller_than_the_original(media_root):
    original = jpeg((1200, 800))
    factories.ArticleFactory(hero_image=upload("straat.jpg", original), hero_alt="Een straat")
    sizes = {
        (image_format, width): path.stat().st_size
        for image_format, width, _h, _m, path in renditions(media_root)
    }
    for width in (480, 800, 1200):
        assert sizes["WEBP", width] < sizes["JPEG", width] < len(original)
    assert sizes["WEBP", 480] < sizes["WEBP", 800] < sizes["WEBP", 1200] < len(original) / 2


# What readers get: only renditions.


@pytest.fixture(scope="class")
def illustrated(django_db_setup, django_db_blocker, shared_media_root):
    """An article, a person and an organisation with images, made once for the class."""
    with shared_by_module(django_db_blocker):
        yield make_illustrated()


def make_illustrated():
    # Smooth images: quick to turn into renditions, which every test using this fixture waits for.
    organisation = factories.OrganisationFactory(logo=upload("logo.png", transparent_logo()))
    person = factories.PersonFactory(
        organisation=organisation, portrait=upload("portret.jpg", jpeg((600, 600), grain=0))
    )
    article = factories.ArticleFactory(
        hero_image=upload("straat.jpg", jpeg((1200, 800), grain=0)),
        hero_alt="Een straat in Utrecht",
        people=[person],
        organisations=[organisation],
    )
    return SimpleNamespace(article=article, person=person, organisation=organisation)


PAGES = {
    # page: (address, number of pictures on it)
    "article": (lambda objects: objects.article.get_absolute_url(), 2),  # main image, person card
    "person": (lambda objects: objects.person.get_absolute_url(), 2),  # portrait, article card
    "organisation": (lambda objects: objects.organisation.get_absolute_url(), 3),  # logo, person, article
    "home": (lambda objects: reverse("home"), 1),
    "article_list": (lambda objects: reverse("articles:list"), 1),
}


def srcset_entries(srcset):
    return [(url, int(descriptor.removesuffix("w"))) for url, descriptor in map(str.split, srcset.split(","))]


def rendition_on_disk(url):
    prefix = settings.MEDIA_URL + "renditions/"
    assert url.startswith(prefix), f"{url} is not a rendition"
    path = Path(settings.MEDIA_ROOT) / url.removeprefix(settings.MEDIA_URL)
    assert path.is_file(), f"{url} was not generated"
    return path


class TestIllustratedPages:
    """Pages showing an article, a person and an organisation with images, made once for the class."""

    @pytest.mark.parametrize("page", PAGES)
    def test_public_pages_show_only_renditions(self, client, illustrated, page):
        address, expected_pictures = PAGES[page]
        response = client.get(address(illustrated))
        assert response.status_code == 200
        html = response.content.decode()
        for original in (
            illustrated.article.hero_image,
            illustrated.person.portrait,
            illustrated.organisation.logo,
        ):
            assert original.url not in html
            assert original.name not in html
        # Everything from the media folder, in <img>, <source>, Open Graph tags and JSON-LD alike.
        media_urls = re.findall(re.escape(settings.MEDIA_URL) + r"[^\s\"'<>,)]+", html)
        assert media_urls
        for url in media_urls:
            rendition_on_disk(url)

        document = parse(response)
        pictures = document.select("picture")
        assert len(pictures) == expected_pictures
        assert len(document.select("img")) == expected_pictures  # no image outside a <picture>
        for picture in pictures:
            img = picture.select_one("img")
            assert img["width"].isdigit() and img["height"].isdigit()
            webp = picture.select("source[type='image/webp']")
            assert len(webp) == 1
            with Image.open(rendition_on_disk(img["src"])) as largest:
                assert (largest.width, largest.height) == (int(img["width"]), int(img["height"]))
            for srcset, formats in ((webp[0]["srcset"], {"WEBP"}), (img["srcset"], {"JPEG", "PNG"})):
                entries = srcset_entries(srcset)
                widths = [width for _url, width in entries]
                assert widths and widths == sorted(set(widths))
                for url, width in entries:
                    with Image.open(rendition_on_disk(url)) as rendition:
                        assert rendition.width == width
                        assert rendition.format in formats

    def test_main_image_srcset_offers_each_width_up_to_the_original(self, client, illustrated):
        page = parse(client.get(illustrated.article.get_absolute_url()))
        picture = page.select_one("figure.hero picture")
        assert [width for _url, width in srcset_entries(picture.select_one("source")["srcset"])] == [
            480,
            800,
            1200,
        ]
        assert [width for _url, width in srcset_entries(picture.select_one("img")["srcset"])] == [
            480,
            800,
            1200,
        ]
        img = picture.select_one("img")
        assert img["alt"] == "Een straat in Utrecht"
        assert (img["width"], img["height"]) == ("1200", "800")


# Attachments.

GOOD_ATTACHMENTS = {
    "pdf": ("verslag.pdf", pdf),
    "docx": ("verslag.docx", docx),
    "doc": ("verslag.doc", ole2_document),
    "uppercase_extension": ("VERSLAG.PDF", pdf),
}


@pytest.mark.parametrize("case", GOOD_ATTACHMENTS)
def test_attachment_validator_accepts_pdf_and_office_documents(case):
    name, make = GOOD_ATTACHMENTS[case]
    validate_attachment(upload(name, make()))


@pytest.mark.parametrize("case", ["pdf", "docx"])
def test_admin_accepts_a_pdf_or_office_attachment_and_readers_can_download_it(
    admin_client, client, media_root, case
):
    name, make = GOOD_ATTACHMENTS[case]
    content = make()
    response = post_article(
        admin_client, status="published", attachment=upload(name, content), attachment_title="Het verslag"
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.attachment.name.startswith("attachments/")
    assert sha256(Path(article.attachment.path).read_bytes()) == sha256(content)

    paragraph = parse(client.get(article.get_absolute_url())).select_one("p.attachment")
    assert paragraph.select_one("a")["href"] == article.attachment.url
    assert paragraph.select_one("a").get_text() == "Het verslag"
    assert f"({case.upper()}, " in paragraph.get_text()


BAD_ATTACHMENTS = {
    "elf_renamed_pdf": ("verslag.pdf", ELF_EXECUTABLE, content_mismatch("pdf"), "attachment_content"),
    "exe_renamed_pdf": ("verslag.pdf", MZ_EXECUTABLE, content_mismatch("pdf"), "attachment_content"),
    "html_renamed_pdf": ("verslag.pdf", HTML_PAGE, content_mismatch("pdf"), "attachment_content"),
    "docx_renamed_pdf": ("verslag.pdf", docx(), content_mismatch("pdf"), "attachment_content"),
    "pdf_renamed_docx": ("verslag.docx", pdf(), content_mismatch("docx"), "attachment_content"),
    "html": ("verslag.html", HTML_PAGE, ATTACHMENT_EXTENSIONS, "attachment_extension"),
    "exe": ("setup.exe", MZ_EXECUTABLE, ATTACHMENT_EXTENSIONS, "attachment_extension"),
    "svg": ("plaatje.svg", SVG_WITH_SCRIPT, ATTACHMENT_EXTENSIONS, "attachment_extension"),
    "pdf_with_html_extension": ("verslag.pdf.html", pdf(), ATTACHMENT_EXTENSIONS, "attachment_extension"),
    "no_extension": ("verslag", pdf(), ATTACHMENT_EXTENSIONS, "attachment_extension"),
}


@pytest.mark.parametrize("case", BAD_ATTACHMENTS)
def test_admin_refuses_a_bad_attachment_with_a_dutch_message_and_saves_nothing(
    admin_client, media_root, case
):
    name, content, message, _code = BAD_ATTACHMENTS[case]
    response = post_article(admin_client, attachment=upload(name, content))
    assert field_errors(response, "attachment") == [message]
    assert not Article.objects.exists()
    assert stored_files(media_root) == []


@pytest.mark.parametrize("case", BAD_ATTACHMENTS)
def test_attachment_validator_refuses_a_bad_attachment(case):
    name, content, message, code = BAD_ATTACHMENTS[case]
    with pytest.raises(ValidationError) as refusal:
        validate_attachment(upload(name, content))
    assert refusal.value.code == code
    assert refusal.value.messages == [message]


def test_admin_refuses_an_attachment_over_the_size_limit(admin_client, settings, media_root):
    settings.MAX_ATTACHMENT_UPLOAD_SIZE = 10_000
    content = pdf()
    assert len(content) > 10_000
    response = post_article(admin_client, attachment=upload("verslag.pdf", content))
    assert field_errors(response, "attachment") == [too_large(len(content), 10_000)]
    assert not Article.objects.exists()
    assert stored_files(media_root) == []


def test_attachments_already_in_storage_are_not_checked_again(settings):
    article = factories.ArticleFactory(attachment=upload("verslag.pdf", pdf()))
    settings.MAX_ATTACHMENT_UPLOAD_SIZE = 10
    Path(article.attachment.path).write_bytes(MZ_EXECUTABLE)
    article.full_clean()


def test_an_image_replaced_on_an_article_loaded_from_the_database_gets_renditions(media_root):
    article = factories.ArticleFactory(hero_image=upload("oud.jpg", jpeg((900, 600))), hero_alt="Oud")
    before = {path for *_, path in renditions(media_root)}
    article = Article.objects.get(pk=article.pk)
    article.hero_image = upload("nieuw.jpg", jpeg((700, 500)))
    article.save()
    made = [rendition for rendition in renditions(media_root) if rendition[-1] not in before]
    assert {(image_format, width) for image_format, width, *_ in made} == {
        (image_format, width) for image_format in ("WEBP", "JPEG") for width in (480, 700)
    }
    assert Article.objects.get(pk=article.pk).hero_picture.width == 700


def test_an_article_saved_again_keeps_its_renditions(media_root):
    article = factories.ArticleFactory(hero_image=upload("foto.jpg", jpeg((900, 600))), hero_alt="Foto")
    made = {path: path.stat().st_mtime_ns for *_, path in renditions(media_root)}
    article = Article.objects.get(pk=article.pk)
    article.title = "Nieuwe titel"
    article.save()
    assert {path: path.stat().st_mtime_ns for *_, path in renditions(media_root)} == made
