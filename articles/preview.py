"""Previews of unpublished articles: for editors in the admin, and signed links for interviewees.

A shared link carries the article's id and the moment it was made, signed with the site's secret key and a
timestamp: it cannot be guessed or altered, stops working after ``VALID_FOR``, dies when the article is
first published (and stays dead if it is withdrawn later), and when an editor revokes the article's links
(``PreviewRevocation``). It only ever shows the page; nothing can be changed through it.
"""

import time
from datetime import UTC, datetime, timedelta

from django.core import signing
from django.template.response import TemplateResponse

SALT = "articles.preview"
VALID_FOR = timedelta(days=7)


def make_token(article):
    return signing.TimestampSigner(salt=SALT).sign_object({"article": article.pk, "made": time.time()})


def read_token(token):
    """Return the article id in ``token`` and when the link was made (a datetime); raise
    signing.SignatureExpired or signing.BadSignature."""
    data = signing.TimestampSigner(salt=SALT).unsign_object(token, max_age=VALID_FOR)
    return data["article"], datetime.fromtimestamp(data.get("made", 0), UTC)


def noindex(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response


def render_unavailable(request, reason, article=None):
    """Return the page explaining that a shared preview link no longer works (410 Gone)."""
    response = TemplateResponse(
        request, "articles/preview_unavailable.html", {"reason": reason, "article": article}, status=410
    )
    return noindex(response)
