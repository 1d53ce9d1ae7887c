"""JSON-LD of an article (schema.org ``NewsArticle``)."""

from core.dates import machine_datetime
from core.seo import image_url, publisher
from people.seo import person_summary


def article(request, article):
    published = article.published_at or article.updated_at  # an unpublished article, in a preview
    authors = [person_summary(request, person) for person in article.authors.all()]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.lead,
        "inLanguage": "nl",
        "datePublished": machine_datetime(published),
        "dateModified": machine_datetime(article.last_modified),
        "mainEntityOfPage": request.build_absolute_uri(article.get_absolute_url()),
        "author": authors or [publisher(request)],
        "publisher": publisher(request),
        "about": [person_summary(request, person) for person in article.people.all()],
        "keywords": [tag.name for tag in article.tags.all()],
    }
    if picture := article.hero_picture:
        data["image"] = [image_url(request, picture)]
    return data


def topic(request, tag):
    """Return a tag's page as a schema.org ``CollectionPage`` of the articles about it."""
    return {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": tag.name,
        "about": {"@type": "Thing", "name": tag.name},
        "inLanguage": "nl",
        "url": request.build_absolute_uri(tag.get_absolute_url()),
    }
