"""What search engines and social networks read: canonical URLs, Open Graph images and JSON-LD."""

from django.conf import settings
from django.urls import reverse

from people.models import Organisation

GOVERNMENT = {Organisation.Kind.MINISTRY, Organisation.Kind.MUNICIPALITY, Organisation.Kind.PROVINCE}

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


def _person(request, person):
    data = {
        "@type": "Person",
        "name": person.name,
        "url": request.build_absolute_uri(person.get_absolute_url()),
    }
    if person.job_title:
        data["jobTitle"] = person.job_title
    if person.organisation:
        data["worksFor"] = {"@type": "Organization", "name": person.organisation.name}
    return data


def article(request, article):
    published = article.published_at or article.updated_at  # an unpublished article, in a preview
    authors = [
        {"@type": "Person", "name": user.get_full_name() or user.get_username()}
        for user in article.authors.all()
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.lead,
        "inLanguage": "nl",
        "datePublished": published.isoformat(),
        "dateModified": max(article.updated_at, published).isoformat(),
        "mainEntityOfPage": request.build_absolute_uri(article.get_absolute_url()),
        "author": authors or [publisher(request)],
        "publisher": publisher(request),
        "about": [_person(request, person) for person in article.people.all()],
        "keywords": [tag.name for tag in article.tags.all()],
    }
    if picture := article.hero_picture:
        data["image"] = [image_url(request, picture)]
    return data


def person(request, person):
    data = {"@context": "https://schema.org", **_person(request, person)}
    if person.bio:
        data["description"] = person.bio
    if picture := person.portrait_picture:
        data["image"] = image_url(request, picture)
    if person.website:
        data["sameAs"] = [person.website]
    return data


def organisation(request, organisation):
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization" if organisation.kind in GOVERNMENT else "Organization",
        "name": organisation.name,
        "url": request.build_absolute_uri(organisation.get_absolute_url()),
    }
    if organisation.description:
        data["description"] = organisation.description
    if organisation.website:
        data["sameAs"] = [organisation.website]
    if picture := organisation.logo_picture:
        data["logo"] = image_url(request, picture)
    if organisation.city:
        data["address"] = {
            "@type": "PostalAddress",
            "addressLocality": organisation.city,
            "addressCountry": organisation.country,
        }
    return data
