"""Responsive renditions of uploaded images, made by django-imagekit when an image is saved.

A ``RenditionSet`` adds one imagekit ``ImageSpecField`` per width and format to a model and builds the
``<picture>`` sources for templates without touching the disk or the database. Public pages and feeds
show only renditions, never the original upload.

A ``PhotoField`` stores an upload without its location and other personal metadata.
"""

import io
import os
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from imagekit.cachefiles import namers
from imagekit.models import ImageSpecField
from PIL import Image
from pilkit.processors import ResizeToFit

FORMATS = {
    "webp": ("WEBP", {"quality": 80, "method": 6}),
    "jpeg": ("JPEG", {"quality": 82, "progressive": True, "optimize": True}),
    "png": ("PNG", {"optimize": True}),
}
MIME_TYPES = {"webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}


class Focus(models.TextChoices):
    """Which part of an image to keep when a layout crops it (a card, a round portrait)."""

    CENTER = "center", _("centre")
    TOP = "top", _("top")
    BOTTOM = "bottom", _("bottom")
    LEFT = "left", _("left")
    RIGHT = "right", _("right")
    TOP_LEFT = "top-left", _("top left")
    TOP_RIGHT = "top-right", _("top right")
    BOTTOM_LEFT = "bottom-left", _("bottom left")
    BOTTOM_RIGHT = "bottom-right", _("bottom right")


# The one piece of EXIF an image keeps: how to turn it upright. Everything else (GPS position, camera make,
# model and serial number, owner, description, time taken) goes, as do XMP, IPTC and comments.
ORIENTATION = 0x0112
REENCODE_OPTIONS = {
    # The JPEG's own quantisation tables and subsampling: as close to lossless as re-encoding gets.
    "JPEG": {"quality": "keep", "subsampling": "keep", "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90, "method": 4},
}


def secret_rendition_name(generator):
    """Name a rendition as imagekit's ``source_name_as_path`` does, with its hash keyed by the secret key:
    the address of a rendition of an unpublished article cannot be worked out from the original's name and
    the specs (which are public). Changing ``SECRET_KEY`` renames every rendition (run ``generateimages``).
    """
    folder, name = os.path.split(namers.source_name_as_path(generator))
    stem, extension = os.path.splitext(name)
    return os.path.join(folder, salted_hmac("core.images.rendition", stem).hexdigest()[:32] + extension)


# Where else than in EXIF images carry personal data: XMP, comments, Photoshop's IPTC block.
METADATA_INFO = {"xmp", "XML:com.adobe.xmp", "comment", "photoshop"}


def has_metadata(image):
    """Return whether ``image`` (open in Pillow) carries more than an orientation and a colour profile."""
    if set(image.getexif()) - {ORIENTATION} or METADATA_INFO & set(image.info):
        return True
    return bool(getattr(image, "text", None))  # PNG text chunks


def without_metadata(file):
    """Return the image ``file`` (a JPEG, PNG or WebP, already validated) without metadata but its
    orientation and colour profile: re-encoded when it has any, as it is (no loss at all) when not."""
    file.seek(0)
    with Image.open(file) as image:
        if not has_metadata(image):
            file.seek(0)
            return file
        image_format = image.format
        options = dict(REENCODE_OPTIONS.get(image_format, {}))
        if icc_profile := image.info.get("icc_profile"):
            options["icc_profile"] = icc_profile
        if orientation := image.getexif().get(ORIENTATION):
            kept = Image.Exif()
            kept[ORIENTATION] = orientation
            options["exif"] = kept.tobytes()
        output = io.BytesIO()
        image.save(output, format=image_format, **options)
    return ContentFile(output.getvalue(), name=file.name)


class PhotoField(models.ImageField):
    """An ``ImageField`` that stores new uploads without their location and personal metadata, whichever way
    they arrive (admin, shell, import)."""

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            file.file = without_metadata(file.file)
        return super().pre_save(model_instance, add)


@dataclass(frozen=True)
class Picture:
    """What a ``<picture>`` element needs: a srcset per format, a fallback ``src`` and the image size.

    ``file`` is the largest fallback rendition, for feeds (enclosures) and social media previews.
    """

    sources: list  # (mime type, srcset) for each modern format
    fallback_srcset: str
    src: str
    width: int
    height: int
    focus: str
    file: object = None
    type: str = ""


class RenditionSet:
    """Renditions of one image field in several widths, each in a modern format and a fallback format."""

    def __init__(self, source, widths, formats=("webp",), fallback="jpeg", focus_field=None):
        self.source = source
        self.widths = sorted(widths)
        self.formats = formats
        self.fallback = fallback
        self.focus_field = focus_field

    def attach(self, model, name):
        """Add this set's spec fields to ``model`` as ``<name>_<width>_<format>``, and ``<name>_picture``."""
        self.name = name
        setattr(model, f"{name}_picture", property(self.picture))
        for width in self.widths:
            for key in (*self.formats, self.fallback):
                image_format, options = FORMATS[key]
                model.add_to_class(
                    self.field_name(width, key),
                    ImageSpecField(
                        source=self.source,
                        processors=[ResizeToFit(width=width, upscale=False)],
                        format=image_format,
                        options=options,
                    ),
                )
        return self

    def field_name(self, width, key):
        return f"{self.name}_{width}_{key}"

    def smallest(self, instance):
        """Return the smallest rendition of ``instance``'s image in the first modern format (a thumbnail),
        or None when it has none."""
        if not getattr(instance, self.source):
            return None
        return getattr(instance, self.field_name(self.widths[0], self.formats[0]))

    def picture(self, instance):
        """Return the Picture of ``instance``'s image, or None when it has none."""
        image = getattr(instance, self.source)
        if not image:
            return None
        original_width = getattr(instance, image.field.width_field) or self.widths[-1]
        original_height = getattr(instance, image.field.height_field) or self.widths[-1]
        # ResizeToFit never enlarges: widths above the original's all give the original's width, so
        # each actual width is listed once, made from the smallest width asked for it.
        widths = sorted({min(width, original_width): width for width in reversed(self.widths)}.items())

        def srcset(key):
            return ", ".join(
                f"{getattr(instance, self.field_name(asked, key)).url} {actual}w" for actual, asked in widths
            )

        largest_actual, largest_asked = widths[-1]
        largest = getattr(instance, self.field_name(largest_asked, self.fallback))
        return Picture(
            sources=[(MIME_TYPES[key], srcset(key)) for key in self.formats],
            fallback_srcset=srcset(self.fallback),
            src=largest.url,
            file=largest,
            type=MIME_TYPES[self.fallback],
            width=largest_actual,
            height=round(original_height * largest_actual / original_width),
            focus=getattr(instance, self.focus_field) if self.focus_field else Focus.CENTER,
        )
