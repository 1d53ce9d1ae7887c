"""Moved addresses answer 301: the middleware around ``core.redirects``."""

from django.conf import settings
from django.http import HttpResponsePermanentRedirect

from articles.models import public_scopes
from core.redirects import destination, legacy_query_path


class RedirectMiddleware:
    """Answers a moved address with 301 to where its content is now (see ``core.redirects``).

    Only a request that found nothing (404) is looked up, so the database is asked only then, and a live
    page always wins; besides, a home page request with an old WordPress query (``/?p=123``). Outside
    the page cache, so that a cached 404 is redirected too.
    """

    # How long browsers and caches may keep a redirect: a freed slug may be taken over later.
    MAX_AGE = 3600

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and (legacy := legacy_query_path(request)):
            if response := self.redirect(request, legacy, query=False):
                return response
        response = self.get_response(request)
        if response.status_code == 404 and request.method in ("GET", "HEAD") and self.may_have_moved(request):
            return self.redirect(request, request.path_info, query=True) or response
        return response

    @staticmethod
    def may_have_moved(request):
        """Uploaded and static files never move: their 404s cost no lookup."""
        return not request.path_info.startswith((settings.MEDIA_URL, settings.STATIC_URL))

    def redirect(self, request, path, query):
        new = destination(path, public_scopes)
        if new is None:
            return None
        if query and request.META.get("QUERY_STRING"):
            new = f"{new}?{request.META['QUERY_STRING']}"
        response = HttpResponsePermanentRedirect(request.META.get("SCRIPT_NAME", "") + new)
        response["Cache-Control"] = f"public, max-age={self.MAX_AGE}"
        return response
