"""The floor of the stack: a trivial Django view under the same gunicorn, returning N bytes of HTML.

    gunicorn -c ezine/gunicorn.conf.py bench.floor:application      # GET /?bytes=21000

No database, no templates, no middleware: what Django and gunicorn cost for a response of that size.
"""

import django
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="floor-benchmark-only",
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)
django.setup()

CHUNK = b"<p>Lorem ipsum dolor sit amet, stedelijke agenda.</p>\n"


def page(request):
    size = min(int(request.GET.get("bytes", "20000")), 10_000_000)
    body = (CHUNK * (size // len(CHUNK) + 1))[:size]
    return HttpResponse(body, content_type="text/html; charset=utf-8")


urlpatterns = [path("", page)]
application = get_wsgi_application()
