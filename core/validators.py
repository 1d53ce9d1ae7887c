"""Checks on uploaded files: they must really be what they claim, and of a sensible size."""

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

IMAGE_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
# The extensions a file of each image format may have: it is served by its name, so name and bytes agree.
IMAGE_EXTENSIONS = {"JPEG": {"jpg", "jpeg"}, "PNG": {"png"}, "WEBP": {"webp"}}

# Extension → the MIME types its bytes may sniff as. Office Open XML files are zip archives,
# and the old binary formats share one container, so each family accepts its container type.
ATTACHMENT_TYPES = {
    "pdf": {"application/pdf"},
    "docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/zip"},
    "xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip"},
    "pptx": {"application/vnd.openxmlformats-officedocument.presentationml.presentation", "application/zip"},
    "odt": {"application/vnd.oasis.opendocument.text", "application/zip"},
    "ods": {"application/vnd.oasis.opendocument.spreadsheet", "application/zip"},
    "odp": {"application/vnd.oasis.opendocument.presentation", "application/zip"},
    "doc": {"application/msword", "application/x-ole-storage"},
    "xls": {"application/vnd.ms-excel", "application/x-ole-storage"},
    "ppt": {"application/vnd.ms-powerpoint", "application/x-ole-storage"},
}
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _is_new_upload(file):
    """Files already in storage were checked when they arrived; only new uploads are read."""
    return not getattr(file, "_committed", False)


def _check_size(file, limit):
    if file.size > limit:
        raise ValidationError(
            _("This file is %(size)s; the limit is %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
        )


def extension_of(name):
    """Return the extension of the file name ``name`` in lower case, or "" when it has none."""
    base = (name or "").rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[-1].lower() if "." in base else ""


def content_does_not_match(name, code):
    return ValidationError(
        _("The content of this file does not match its .%(extension)s name."),
        code=code,
        params={"extension": extension_of(name)},
    )


def too_many_pixels():
    return ValidationError(
        _("This image has more than %(limit)s megapixels. Make it smaller and upload it again."),
        code="image_too_many_pixels",
        params={"limit": settings.MAX_IMAGE_PIXELS // 1_000_000},
    )


@deconstructible
class ImageUploadValidator:
    """Refuses files that are not a JPEG, PNG or WebP image within the size and pixel limits."""

    def __call__(self, file):
        if not _is_new_upload(file):
            return
        _check_size(file, settings.MAX_IMAGE_UPLOAD_SIZE)
        position = file.tell() if hasattr(file, "tell") else 0
        try:
            file.seek(0)
            with Image.open(file) as image:
                image_format, (width, height) = image.format, image.size  # read from the header only
                if image_format not in IMAGE_FORMATS:
                    raise ValidationError(
                        _("Images must be JPEG, PNG or WebP; this file is %(format)s."),
                        code="image_format",
                        params={"format": image_format},
                    )
                if extension_of(file.name) not in IMAGE_EXTENSIONS[image_format]:
                    raise content_does_not_match(file.name, code="image_content")
                if width * height > settings.MAX_IMAGE_PIXELS:
                    raise too_many_pixels()
                image.verify()
            # verify() reads no JPEG pixels and only checks PNG checksums: decode the whole image (its
            # size is bounded above) so a file cut off or damaged in its pixel data is refused here,
            # not when its renditions are made.
            file.seek(0)
            with Image.open(file) as image:
                image.load()
        except Image.DecompressionBombError as error:
            raise too_many_pixels() from error
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
            raise ValidationError(
                _("This file is not a readable image. Upload a JPEG, PNG or WebP photo."),
                code="invalid_image",
            ) from error
        finally:
            file.seek(position)

    def __eq__(self, other):
        return isinstance(other, ImageUploadValidator)


@deconstructible
class AttachmentValidator:
    """Refuses attachments that are not PDF or office documents, judged by their bytes, or too large."""

    def __call__(self, file):
        if not _is_new_upload(file):
            return
        _check_size(file, settings.MAX_ATTACHMENT_UPLOAD_SIZE)
        extension = extension_of(file.name)
        if extension not in ATTACHMENT_TYPES:
            raise ValidationError(
                _("Attachments must be PDF or office documents (%(extensions)s)."),
                code="attachment_extension",
                params={"extensions": ", ".join(sorted(ATTACHMENT_TYPES))},
            )
        position = file.tell() if hasattr(file, "tell") else 0
        file.seek(0)
        head = file.read(8192)
        file.seek(position)
        if sniffed_type(head) not in ATTACHMENT_TYPES[extension]:
            raise content_does_not_match(file.name, code="attachment_content")

    def __eq__(self, other):
        return isinstance(other, AttachmentValidator)


def sniffed_type(head):
    """Return the MIME type the first bytes of a file show, or None."""
    if head.startswith(OLE2_SIGNATURE):
        return "application/x-ole-storage"
    kind = filetype.guess(head)
    return kind.mime if kind else None


validate_image_upload = ImageUploadValidator()
validate_attachment = AttachmentValidator()
