"""Serve uploaded files with safe headers, for sites without a separate web server for /media/.

Only known types are served, each with the content type of this table (the browser may not guess), and
attachments are always downloads, so an uploaded file can never run as a page on this site. Readers get
renditions and attachments; original uploads only the editorial staff.

A web server in front that serves ``/media/`` itself must do the same: serve ``renditions/`` and
``attachments/`` and refuse the rest (see README, Production).
"""

import posixpath
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.utils._os import safe_join
from django.views.decorators.http import require_safe

SAFE_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".ppt": "application/vnd.ms-powerpoint",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".odp": "application/vnd.oasis.opendocument.presentation",
}
# Renditions get a new name whenever their source changes, so browsers may keep them for a year.
IMMUTABLE_PREFIX = settings.IMAGEKIT_CACHEFILE_DIR + "/"
# What readers may fetch: renditions and attachments. Original uploads are for the editorial staff only
# (pages and feeds never link to them).
PUBLIC_PREFIXES = (IMMUTABLE_PREFIX, "attachments/")


@require_safe
def serve(request, path):
    normalised = posixpath.normpath(path).lstrip("/")
    suffix = Path(normalised).suffix.lower()
    if suffix not in SAFE_TYPES or normalised.startswith(".."):
        raise Http404
    public = normalised.startswith(PUBLIC_PREFIXES)
    if not public and not request.user.is_staff:
        raise Http404
    try:
        full_path = Path(safe_join(settings.MEDIA_ROOT, normalised))
    except ValueError as error:
        raise Http404 from error
    if not full_path.is_file():
        raise Http404
    response = FileResponse(
        full_path.open("rb"),
        content_type=SAFE_TYPES[suffix],
        as_attachment=normalised.startswith("attachments/"),
        filename=full_path.name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    if normalised.startswith(IMMUTABLE_PREFIX):
        response["Cache-Control"] = "public, max-age=31536000, immutable"
    elif public:
        response["Cache-Control"] = "public, max-age=86400"
    else:
        response["Cache-Control"] = "private, no-store"
    return response
