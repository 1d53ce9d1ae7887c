"""What search engines and social networks read: canonical URLs, Open Graph images and JSON-LD.

The JSON-LD of each model is next to it: ``people.seo``, ``articles.seo``.
"""

from django.conf import settings
from django.urls import reverse

# Query parameters that change what a page shows; others (tracking, typos) are left out of canonical URLs.
CANONICAL_PARAMETERS = ("soort", "tag", "q", "page")


def canonical_url(request):
    """Return the page's absolute URL with only the query parameters that change its content."""
    params = [(key, request.GET[key]) for key in CANONICAL_PARAMETERS if request.GET.get(key)]
    params = [(key, value) for key, value in params if not (key == "page" and value == "1")]
    query = "&".join(f"{key}={value}" for key, value in params)
    url = request.build_absolute_uri(request.path)
    return f"{url}?{query}" if query else url


def context(request):
    return {"canonical_url": canonical_url(request)}


def image_url(request, picture):
    """Return the absolute URL of the largest fallback rendition of a Picture, for og:image."""
    return request.build_absolute_uri(picture.src) if picture else None


def publisher(request):
    return {
        "@type": "Organization",
        "name": settings.EZINE_NAME,
        "url": request.build_absolute_uri(reverse("home")),
    }


def website(request):
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": settings.EZINE_NAME,
        "description": settings.EZINE_TAGLINE,
        "inLanguage": "nl",
        "url": request.build_absolute_uri(reverse("home")),
    }
