import base64
import contextvars
import hashlib
import ipaddress
import logging
import re
import uuid

import psycopg2.errors
from django.conf import settings
from django.db import connection
from django.http import HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext as _


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


class NotModifiedMiddleware:
    """A 304 says nothing of a body's length (RFC 9110 §8.6): Django's ``CommonMiddleware`` would state
    ``Content-Length: 0``, which is not the length of the page it stands for. Outermost."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 304:
            response.headers.pop("Content-Length", None)
        return response


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


def client_address(request):
    """Return the address of the client that sent ``request``.

    That is ``REMOTE_ADDR``, unless the site runs behind ``EZINE_TRUSTED_PROXIES`` proxies: then it is the
    address the outermost of them saw, which it added to ``X-Forwarded-For`` (each proxy appends the address
    it was called from, so it is the N-th from the end). What a client writes in that header itself comes
    before and is never used. Login throttling (django-axes) keys lockouts on this address.
    """
    remote = request.META.get("REMOTE_ADDR")
    proxies = settings.EZINE_TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        return remote  # not through all of our proxies
    try:
        return str(ipaddress.ip_address(forwarded[-proxies]))
    except ValueError:
        return remote


class RequestSizeLimitMiddleware:
    """Refuses a request body larger than the limit before any of it is read: ``413`` with a Dutch message.

    Readers and the login page may send ``EZINE_MAX_REQUEST_BODY`` bytes, signed-in staff (uploads)
    ``EZINE_MAX_STAFF_REQUEST_BODY``. Goes after the authentication middleware (to know the user) and
    before anything that reads the body (CSRF, the views); the web server in front should refuse larger
    bodies too (README, Production).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.EZINE_MAX_REQUEST_BODY:
            limit = settings.EZINE_MAX_STAFF_REQUEST_BODY if request.user.is_staff else None
            if limit is None or length > limit:
                return too_large(limit or settings.EZINE_MAX_REQUEST_BODY)
        return self.get_response(request)


def too_large(limit):
    with translation.override(settings.LANGUAGE_CODE):
        message = _("This request is too large: at most %(limit)s may be sent.") % {
            "limit": filesizeformat(limit)
        }
    response = HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
    response["Connection"] = "close"
    return response


class AdminStatementTimeoutMiddleware:
    """Gives admin requests a longer SQL time limit than readers get (``EZINE_ADMIN_STATEMENT_TIMEOUT_MS``):
    an editor's bulk action may take longer than any public page should. Only on PostgreSQL with a limit
    set; the connection gets its own limit back before it serves the next request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (settings.EZINE_STATEMENT_TIMEOUT_MS > 0 and request.path_info.startswith("/admin/")):
            return self.get_response(request)
        if connection.vendor != "postgresql":
            return self.get_response(request)
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = %s", [settings.EZINE_ADMIN_STATEMENT_TIMEOUT_MS])
        try:
            return self.get_response(request)
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout TO DEFAULT")


def statement_timed_out(error):
    """Return whether the database error ``error`` is a statement cancelled by its time limit
    (PostgreSQL's ``query_canceled``, SQLSTATE 57014, which psycopg2 raises as ``QueryCanceled``)."""
    return isinstance(getattr(error, "__cause__", None), psycopg2.errors.QueryCanceled)
