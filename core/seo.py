"""What search engines and social networks read: canonical URLs, Open Graph images and JSON-LD.

The JSON-LD of each model is next to it: ``people.seo``, ``articles.seo``.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse

# Query parameters that change what a page shows; others (tracking, typos) are left out of canonical URLs.
CANONICAL_PARAMETERS = ("soort", "tag", "organisatie", "q", "jaar", "page")


def canonical_query(request):
    """Return the query string of what the page shows: only ``CANONICAL_PARAMETERS``, in a fixed order,
    without empty values or ``page=1``. Tracking parameters (``utm_*``, ``fbclid``) and typos fall away:
    the canonical link and the page cache's key are the same for every such variant."""
    if not request.META.get("QUERY_STRING"):
        return ""  # most requests: no query to parse
    params = [(key, request.GET[key]) for key in CANONICAL_PARAMETERS if request.GET.get(key)]
    return urlencode([(key, value) for key, value in params if not (key == "page" and value == "1")])


def canonical_url(request):
    """Return the page's absolute URL with only the query parameters that change its content."""
    query = canonical_query(request)
    url = request.build_absolute_uri(request.path)
    return f"{url}?{query}" if query else url


def context(request):
    return {
        "canonical_url": canonical_url(request),
        # Social media show a page's own image (og_image) where it has one, the site's card otherwise.
        "default_og_image": request.build_absolute_uri(static(settings.EZINE_SHARE_IMAGE)),
    }


def image_url(request, picture):
    """Return the absolute URL of the largest fallback rendition of a Picture, for og:image."""
    return request.build_absolute_uri(picture.src) if picture else None


def publisher(request):
    return {
        "@type": "Organization",
        "name": settings.EZINE_NAME,
        "url": request.build_absolute_uri(reverse("home")),
    }


def breadcrumbs(request, trail):
    """Return a schema.org ``BreadcrumbList`` of ``trail``: (name, path) pairs from the home page on."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": number,
                "name": str(name),
                "item": request.build_absolute_uri(path),
            }
            for number, (name, path) in enumerate(trail, start=1)
        ],
    }


def website(request):
    """Return the home page's ``WebSite``, with the search page as its ``SearchAction``."""
    search = request.build_absolute_uri(reverse("search"))
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": settings.EZINE_NAME,
        "description": settings.EZINE_TAGLINE,
        "inLanguage": "nl",
        "url": request.build_absolute_uri(reverse("home")),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }
