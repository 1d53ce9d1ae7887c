"""Read a feed response, in any of our three formats, into one shape that tests can compare across formats;
and the address of every scope's feed in every format (the scopes of the ``scopes`` fixture).

RSS and Atom are read with feedparser (and must parse without a problem: ``bozo == 0``), JSON Feed with
the json module.
"""

import datetime
import html
import json
from calendar import timegm

import feedparser

FORMATS = {"rss": "", "atom": "atom/", "json": "json/"}
CONTENT_TYPES = {
    "rss": "application/rss+xml",
    "atom": "application/atom+xml",
    "json": "application/feed+json",
}

# Scope → (feed path without format, feed title after "Agenda Stad — ", page the feed links to).
SCOPES = {
    "everything": ("/feeds/", None, "/"),
    "kind": ("/feeds/interviews/", "Interviews", "/artikelen/?soort=interviews"),
    "tag": ("/tags/veiligheid/feed/", "veiligheid", "/tags/veiligheid/"),
    "person": ("/personen/manon-reckin/feed/", "Manon Reckin", "/personen/manon-reckin/"),
    "organisation": (
        "/organisaties/gemeente-maastricht/feed/",
        "Gemeente Maastricht",
        "/organisaties/gemeente-maastricht/",
    ),
    "partnership": (
        "/partnerschappen/partnerschap-betaalbare-huisvesting/feed/",
        "Partnerschap Betaalbare Huisvesting",
        "/partnerschappen/partnerschap-betaalbare-huisvesting/",
    ),
    "city deal": (
        "/city-deals/city-deal-zorg-voor-veiligheid-in-de-stad/feed/",
        "City Deal Zorg voor Veiligheid in de Stad",
        "/city-deals/city-deal-zorg-voor-veiligheid-in-de-stad/",
    ),
}  # fmt: skip


def feed_url(scope, format):
    """Return the path of a scope's feed in a format: /feeds/rss/ and /feeds/interviews/rss/ for the
    feeds without a page of their own, …/feed/, …/feed/atom/ and …/feed/json/ for the others."""
    base = SCOPES[scope][0]
    if base.startswith("/feeds/"):
        return f"{base}{format}/"
    return base + FORMATS[format]


EVERY_FEED = [(scope, format) for scope in SCOPES for format in FORMATS]
FEED_IDS = [f"{scope}-{format}" for scope, format in EVERY_FEED]


def read(response):
    """Return ``{"title", "description", "link", "language", "entries": [...]}`` of a feed response; each
    entry with its id, title, link, summary (as plain text), content, authors, tags, published and updated
    dates (to the second) and image."""
    if response["Content-Type"].startswith(CONTENT_TYPES["json"]):
        return read_json(json.loads(response.content))
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return {
        "title": feed.feed.title,
        "description": feed.feed.get("subtitle"),
        "link": feed.feed.link,
        "language": feed.feed.get("language"),
        "entries": [
            {
                "id": entry.id,
                "title": entry.title,
                "link": entry.link,
                "summary": html.unescape(entry.summary),
                "content": entry.content[0].value if "content" in entry else None,
                "authors": [author.name for author in entry.get("authors", [])],
                "tags": [tag.term for tag in entry.get("tags", [])],
                "published": from_struct(entry.published_parsed),
                "updated": from_struct(entry.updated_parsed),
                "image": entry.enclosures[0] if entry.get("enclosures") else None,
            }
            for entry in feed.entries
        ],
    }


def read_json(document):
    return {
        "title": document["title"],
        "description": document.get("description"),
        "link": document["home_page_url"],
        "language": document.get("language"),
        "entries": [
            {
                "id": item["id"],
                "title": item.get("title"),
                "link": item["url"],
                "summary": item.get("summary"),
                "content": item.get("content_html"),
                "authors": [author["name"] for author in item.get("authors", [])],
                "tags": item.get("tags", []),
                "published": from_iso(item["date_published"]),
                "updated": from_iso(item["date_modified"]),
                "image": {"href": item["image"]} if "image" in item else None,
            }
            for item in document["items"]
        ],
    }


def from_struct(moment):
    return datetime.datetime.fromtimestamp(timegm(moment), datetime.UTC)


def from_iso(value):
    return datetime.datetime.fromisoformat(value).replace(microsecond=0).astimezone(datetime.UTC)


def to_second(moment):
    return moment.replace(microsecond=0).astimezone(datetime.UTC)
