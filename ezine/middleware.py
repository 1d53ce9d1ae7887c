import base64
import hashlib
import re

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
