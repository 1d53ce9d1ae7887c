"""The edge cache (Varnish with xkey, ``deploy/varnish/``) in front of the app.

The page cache decides what may be kept (``pagecache.PageCacheMiddleware``: anonymous readers, canonical
address, a storable response) and for how long (never past the next scheduled publication); this module
tells the edge by two headers, and drops what it keeps when readers could see a change. Responses carry the
same surrogate keys as the page cache's entries (``core.dependencies``), and a change purges the keys it
touched, so both caches drop the same pages. Only with ``EZINE_EDGE_PURGE_URLS`` set; otherwise nothing here
runs.
"""

import logging
import threading
import urllib.request

from django.conf import settings

logger = logging.getLogger(__name__)

# A page rendered from the state before a commit can reach the edge just after the purge (its render began
# before the commit). A second purge a moment later drops it too; renders take far less than this.
SECOND_PURGE_AFTER = 1.0


def enabled():
    return bool(settings.EZINE_EDGE_PURGE_URLS)


def edge_keys(keys):
    """Return ``keys`` as the edge knows them: prefixed (sites may share an edge), space-separated."""
    return " ".join(f"{settings.EZINE_CACHE_PREFIX}-{key}" for key in keys)


# Varnish also refuses a response header line over 8 KB (``http_resp_hdr_len``; its answer would be a 503):
# a page with more keys than fit is not kept at the edge (the page cache still keeps it).
MARK_HEADER_LENGTH = 7000


def mark(response, seconds, keys):
    """Let the edge keep ``response`` for ``seconds``, under ``keys`` (unless they are too many to send)."""
    header = edge_keys(keys)
    if len(header) > MARK_HEADER_LENGTH:
        return
    response["Surrogate-Control"] = f"max-age={seconds}"
    response["xkey"] = header


# Varnish refuses header lines longer than 8 KB (``http_req_hdr_len``): a change touching many keys (a bulk
# action) is purged in several requests.
PURGE_HEADER_LENGTH = 4000


def purge(keys):
    """Drop every page the edges keep under any of ``keys``, at every edge; raise ``OSError`` on failure."""
    for url in settings.EZINE_EDGE_PURGE_URLS:
        for header in purge_headers(keys):
            request = urllib.request.Request(url, method="PURGE", headers={"xkey": header})
            with urllib.request.urlopen(request, timeout=settings.EZINE_EDGE_PURGE_TIMEOUT) as response:
                if response.status != 200:
                    raise OSError(f"{url} answered {response.status} to PURGE")


def purge_headers(keys):
    """Return ``keys`` as ``xkey`` header values of at most ``PURGE_HEADER_LENGTH`` characters each."""
    headers, current = [], []
    for key in edge_keys(keys).split():
        if current and len(" ".join([*current, key])) > PURGE_HEADER_LENGTH:
            headers.append(" ".join(current))
            current = []
        current.append(key)
    return [*headers, " ".join(current)] if current else headers


def purge_again_soon(keys):
    """Purge ``keys`` once more after ``SECOND_PURGE_AFTER`` seconds (see there), in the background."""

    def again():
        try:
            purge(keys)
        except OSError:  # urllib.error.URLError included
            logger.warning("Second edge purge failed", exc_info=True)

    timer = threading.Timer(SECOND_PURGE_AFTER, again)
    timer.daemon = False  # a management command waits for it before exiting
    timer.start()
    return timer
