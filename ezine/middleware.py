import base64
import contextvars
import hashlib
import logging
import re
import uuid

from django.conf import settings


class PermissionsPolicyMiddleware:
    """Tells browsers the site uses no camera, microphone, location or payment features."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


IMPORT_MAP = re.compile(rb'<script type="importmap"[^>]*>(.*?)</script>', re.S)


class ImportMapHashMiddleware:
    """Allows the import maps the page itself rendered, by hash, under a policy without inline script.

    The admin's rich-text editor loads its modules through an inline ``<script type="importmap">``,
    which a strict Content-Security-Policy refuses unless the header names its hash. Only import maps
    are hashed, and only ones in the response the server made; no other inline script is allowed.
    Must come after ``csp.middleware.CSPMiddleware`` in MIDDLEWARE so it runs before it on the response.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
            return response
        hashes = [
            f"'sha256-{base64.b64encode(hashlib.sha256(body).digest()).decode()}'"
            for body in IMPORT_MAP.findall(response.content)
        ]
        if hashes:
            update = getattr(response, "_csp_update", None) or {}
            update["script-src"] = [*update.get("script-src", []), *hashes]
            response._csp_update = update
        return response


REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_request_id = contextvars.ContextVar("request_id", default="-")


class RequestIdMiddleware:
    """Gives every request an id, in the ``X-Request-ID`` response header and in every log line.

    A well-formed id from the proxy in front (``X-Request-ID``) is kept so logs can be joined up;
    anything else is replaced by a fresh random id.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if REQUEST_ID.match(incoming) else uuid.uuid4().hex
        request.id = request_id
        token = _request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response["X-Request-ID"] = request_id
        return response


class RequestIdLogFilter(logging.Filter):
    """Adds ``request_id`` to log records (``-`` outside a request)."""

    def filter(self, record):
        record.request_id = _request_id.get()
        return True
