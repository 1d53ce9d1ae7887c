"""Offline checks of feeds: the W3C feed validator's rules for RSS 2.0 and Atom 1.0; JSON Feed 1.1's schema.

The W3C Feed Validation Service (https://validator.w3.org/feed/) cannot run here: it is on neither PyPI nor
Debian, and the network reaches only package registries. So the rules it applies to the elements our feeds
use are written out below as assertions over the XML, parsed with an XML parser. Each rule names the
validator's message (``MissingElement``, ``InvalidRFC2822Date``, ...). Each check returns a list of
problems; an empty list means the feed passes.
"""

import datetime
import email.utils
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import jsonschema

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

RSS_CHANNEL = {
    "title", "link", "description", "language", "copyright", "managingEditor", "webMaster", "pubDate",
    "lastBuildDate", "category", "generator", "docs", "cloud", "ttl", "image", "rating", "textInput",
    "skipHours", "skipDays", "item",
}  # fmt: skip
RSS_ITEM = {
    "title",
    "link",
    "description",
    "author",
    "category",
    "comments",
    "enclosure",
    "guid",
    "pubDate",
    "source",
}
RSS_SINGLE = {"title", "link", "description", "language", "copyright", "pubDate", "lastBuildDate", "ttl"}
RSS_SINGLE_ITEM = RSS_ITEM - {"category"}  # every item element but category appears at most once
ATOM_FEED = {
    "author", "category", "contributor", "generator", "icon", "id", "link", "logo", "rights", "subtitle",
    "title", "updated", "entry",
}  # fmt: skip
# Atom elements that appear at most once in a feed or entry (author, category, contributor, link may repeat).
ATOM_SINGLE = {
    "id",
    "title",
    "updated",
    "published",
    "subtitle",
    "summary",
    "content",
    "rights",
    "icon",
    "logo",
}
ATOM_ENTRY = {
    "author", "category", "content", "contributor", "id", "link", "published", "rights", "source", "summary",
    "title", "updated",
}  # fmt: skip

RFC2822 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d? (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} "
    r"\d\d:\d\d(:\d\d)? ([+-]\d\d[03]0|UT|GMT|Z)$"
)
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
TAG_URI = re.compile(
    r"^tag:([a-z0-9\-._]+?@)?[a-z0-9.\-]+?,\d{4}(-\d{2}(-\d{2})?)?:[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,]*"
    r"(#[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,]*)?$"
)
FULL_URI = re.compile(r"^[a-zA-Z][0-9a-zA-Z+\-.]*:(//)?[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,#]+$")
HTTP_URL = re.compile(r"^https?://[A-Za-z0-9.\-]+(:\d+)?(/|$)")
MIME_TYPE = re.compile(r'^[^\s()<>,;:\\"/\[\]?=]+/[^\s()<>,;:\\"/\[\]?=]+$')
LANGUAGE = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$")
BAD_CHARACTERS = re.compile("[\x80-\x9f\ufffd]")
# Elements that HTML feed readers must not run (SecurityRisk) and attributes that run script.
UNSAFE_TAGS = {
    "script",
    "iframe",
    "object",
    "embed",
    "applet",
    "frame",
    "frameset",
    "meta",
    "link",
    "style",
    "base",
}
SCHEMA = json.loads((Path(__file__).parent / "schemas" / "jsonfeed-1.1.schema.json").read_text())


def rss_problems(data, feed_url):
    """Return what the W3C validator would report about an RSS 2.0 feed served at ``feed_url``."""
    problems = []
    root = ElementTree.fromstring(data)
    if root.tag != "rss" or root.get("version") != "2.0":
        return [f"InvalidRSSVersion: {root.tag} {root.get('version')}"]
    channels = root.findall("channel")
    if len(channels) != 1:
        return [f"MissingElement or DuplicateElement: {len(channels)} channels"]
    channel = channels[0]
    problems += elements_problems(
        channel, "channel", RSS_CHANNEL, RSS_SINGLE, required={"title", "link", "description"}
    )
    problems += nonblank(channel, ["title", "description"], "channel")
    problems += full_links(channel, ["link"], "channel")
    for element in channel.findall("language"):
        problems += language_problems(element.text, "channel language")
    for name in ("pubDate", "lastBuildDate"):
        for element in channel.findall(name):
            problems += rfc2822_problems(element.text, f"channel {name}")
    for element in channel.findall("ttl"):
        if not (element.text or "").isdigit():
            problems.append(f"InvalidInteger: channel ttl {element.text!r}")
    problems += self_link_problems(channel.findall(f"{ATOM}link"), feed_url, "channel")
    guids = []
    for index, item in enumerate(channel.findall("item")):
        where = f"item {index}"
        problems += elements_problems(item, where, RSS_ITEM, RSS_SINGLE_ITEM)
        if item.find("title") is None and item.find("description") is None:
            problems.append(f"ItemMustContainTitleOrDescription: {where}")
        problems += nonblank(item, ["title"], where)
        problems += contains_html(item.findtext("title") or "", f"{where} title")
        problems += full_links(item, ["link", "comments"], where)
        for element in item.findall("pubDate"):
            problems += rfc2822_problems(element.text, f"{where} pubDate")
        guid = item.find("guid")
        if guid is None:
            problems.append(f"MissingGuid: {where}")
        else:
            problems += guid_problems(guid, where)
            guids.append(guid.text)
        for enclosure in item.findall("enclosure"):
            problems += enclosure_problems(
                enclosure.get("url"), enclosure.get("length"), enclosure.get("type"), where
            )
        for category in item.findall("category"):
            if not (category.text or "").strip():
                problems.append(f"NotBlank: {where} category")
        for creator in item.findall(f"{DC}creator"):
            if not (creator.text or "").strip():
                problems.append(f"NotBlank: {where} dc:creator")
        if item.find(f"{CONTENT}encoded") is not None and item.find("description") is None:
            problems.append(f"NeedDescriptionBeforeContent: {where}")
        for element in [item.find("description"), *item.findall(f"{CONTENT}encoded")]:
            if element is not None:
                problems += html_problems(element.text or "", f"{where} {element.tag}")
    problems += [f"DuplicateValue: guid {guid}" for guid in duplicates(guids)]
    problems += character_problems(root)
    problems += character_data_problems(data)
    return problems


def atom_problems(data, feed_url):
    """Return what the W3C validator would report about an Atom 1.0 feed served at ``feed_url``."""
    problems = []
    feed = ElementTree.fromstring(data)
    if feed.tag != f"{ATOM}feed":
        return [f"UndefinedElement: root {feed.tag}"]
    problems += language_problems(feed.get(XML_LANG), "feed xml:lang")
    problems += elements_problems(
        feed, "feed", ATOM_FEED, ATOM_SINGLE, required={"id", "title", "updated"}, namespace=ATOM
    )
    problems += atom_common_problems(feed, "feed")
    problems += self_link_problems(feed.findall(f"{ATOM}link"), feed_url, "feed")
    feed_has_author = feed.find(f"{ATOM}author") is not None
    ids = []
    for index, entry in enumerate(feed.findall(f"{ATOM}entry")):
        where = f"entry {index}"
        problems += elements_problems(
            entry, where, ATOM_ENTRY, ATOM_SINGLE, required={"id", "title", "updated"}, namespace=ATOM
        )
        problems += atom_common_problems(entry, where)
        if not feed_has_author and entry.find(f"{ATOM}author") is None:
            problems.append(f"MissingAuthor: {where} (and the feed has none)")
        links = entry.findall(f"{ATOM}link")
        if entry.find(f"{ATOM}content") is None and not [
            li for li in links if li.get("rel", "alternate") == "alternate"
        ]:
            problems.append(f"MissingAlternateLink: {where}")
        for link in links:
            if link.get("rel") == "enclosure":
                problems += enclosure_problems(link.get("href"), link.get("length"), link.get("type"), where)
        for name in ("summary", "content"):
            for element in entry.findall(f"{ATOM}{name}"):
                kind = element.get("type", "text")
                if kind not in ("text", "html", "xhtml") and not MIME_TYPE.match(kind):
                    problems.append(f"InvalidTextType: {where} {name} type {kind!r}")
                if kind in ("text", "html") and len(element):
                    problems.append(f"UndefinedElement: child elements in {where} {name} of type {kind}")
                if kind == "html":
                    problems += html_problems(element.text or "", f"{where} {name}")
        if entry.findtext(f"{ATOM}id"):
            ids.append(entry.findtext(f"{ATOM}id"))
    problems += [f"DuplicateIds: {entry_id}" for entry_id in duplicates(ids)]
    problems += character_problems(feed)
    return problems


def atom_common_problems(element, where):
    """Return the problems with the id, dates, title, links, authors and categories of a feed or entry."""
    problems = []
    for child in element.findall(f"{ATOM}id"):
        problems += uri_problems((child.text or "").strip(), f"{where} id")
    for name in ("updated", "published"):
        for child in element.findall(f"{ATOM}{name}"):
            problems += rfc3339_problems(child.text, f"{where} {name}")
    problems += nonblank(element, [f"{ATOM}title"], where)
    for author in element.findall(f"{ATOM}author"):
        if not (author.findtext(f"{ATOM}name") or "").strip():
            problems.append(f"MissingElement: name in {where} author")
    for category in element.findall(f"{ATOM}category"):
        if not (category.get("term") or "").strip():
            problems.append(f"MissingAttribute: term of {where} category")
    alternates = []
    for link in element.findall(f"{ATOM}link"):
        if not link.get("href"):
            problems.append(f"MissingAttribute: href of {where} link")
        else:
            problems += uri_problems(link.get("href"), f"{where} link")
        if link.get("rel", "alternate") == "alternate":
            alternates.append((link.get("type"), link.get("hreflang")))
    problems += [f"DuplicateAtomLink: {where} alternate {key}" for key in duplicates(alternates)]
    return problems


def json_feed_problems(data, feed_url):
    """Return the violations of the JSON Feed 1.1 schema, and of what it cannot say, in a JSON Feed."""
    document = json.loads(data)
    validator = jsonschema.Draft202012Validator(SCHEMA)
    problems = [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(document)
    ]
    if problems:
        return problems
    if document.get("feed_url") != feed_url:
        problems.append(f"feed_url {document.get('feed_url')} is not the address {feed_url}")
    for item in document["items"]:
        for name in ("date_published", "date_modified"):
            if name in item:
                problems += rfc3339_problems(item[name], f"item {item['id']} {name}")
        if "content_html" in item:
            problems += html_problems(item["content_html"], f"item {item['id']} content_html")
    problems += [
        f"duplicate item id {item_id}" for item_id in duplicates([item["id"] for item in document["items"]])
    ]
    return problems


def elements_problems(parent, where, allowed, single, required=(), namespace=""):
    """Return unknown, duplicated and missing child elements (UndefinedElement, DuplicateElement,
    MissingElement); children in other namespaces (extensions) are allowed."""
    problems = []
    names = []
    for child in parent:
        if namespace and child.tag.startswith(namespace):
            names.append(child.tag[len(namespace) :])
        elif not namespace and not child.tag.startswith("{"):
            names.append(child.tag)
        elif namespace and not child.tag.startswith("{"):
            problems.append(f"UndefinedElement: {child.tag} in {where}")
    problems += [f"UndefinedElement: {name} in {where}" for name in names if name not in allowed]
    problems += [f"DuplicateElement: {name} in {where}" for name in duplicates(names) if name in single]
    problems += [f"MissingElement: {name} in {where}" for name in sorted(required) if name not in names]
    return problems


def nonblank(parent, names, where):
    return [
        f"NotBlank: {name} in {where}"
        for name in names
        for element in parent.findall(name)
        if not (element.text or "").strip()
    ]


def full_links(parent, names, where):
    return [
        problem
        for name in names
        for element in parent.findall(name)
        for problem in url_problems(element.text, f"{where} {name}")
    ]


def url_problems(value, where):
    """InvalidFullLink / InvalidURLAttribute: an absolute http(s) URL."""
    value = (value or "").strip()
    if not HTTP_URL.match(value) or not FULL_URI.match(value):
        return [f"InvalidFullLink: {where} {value!r}"]
    return []


def uri_problems(value, where):
    """InvalidTAG / InvalidFullLink: a tag: URI (RFC 4151) or another absolute URI."""
    if value.lower().startswith("tag:"):
        return [] if TAG_URI.match(value) else [f"InvalidTAG: {where} {value!r}"]
    return [] if FULL_URI.match(value) else [f"InvalidFullLink: {where} {value!r}"]


def guid_problems(guid, where):
    """A guid is a permalink (an http URL, not a tag: URI) unless isPermaLink="false"; it is never blank."""
    value = (guid.text or "").strip()
    permalink = guid.get("isPermaLink", "true")
    if permalink not in ("true", "false"):
        return [f"InvalidBooleanAttribute: {where} guid isPermaLink {permalink!r}"]
    if not value:
        return [f"NotBlank: {where} guid"]
    if permalink == "true":
        if value.lower().startswith(("tag:", "urn:uuid:")):
            return [f"InvalidPermalink: {where} guid {value!r}"]
        return url_problems(value, f"{where} guid")
    if len(value) < 9 and value.isdigit():
        return [f"NotSufficientlyUnique: {where} guid {value!r}"]
    return uri_problems(value, f"{where} guid") if ":" in value else []


def enclosure_problems(url, length, mime_type, where):
    """An enclosure has an http(s) URL, a non-negative integer length (its size in bytes) and a MIME type."""
    problems = url_problems(url, f"{where} enclosure url")
    if length is None:
        problems.append(f"MissingAttribute: {where} enclosure length")
    elif not length.isdigit():
        problems.append(f"InvalidIntegerAttribute: {where} enclosure length {length!r}")
    if mime_type is None or not MIME_TYPE.match(mime_type):
        problems.append(f"InvalidMIMEAttribute: {where} enclosure type {mime_type!r}")
    return problems


def self_link_problems(links, feed_url, where):
    """MissingSelf / SelfDoesntMatchLocation: a link rel="self" to the address the feed was fetched from."""
    selves = [link.get("href") for link in links if link.get("rel") == "self"]
    if not selves:
        return [f"MissingSelf: {where}"]
    return [f"SelfDoesntMatchLocation: {href} is not {feed_url}" for href in selves if href != feed_url]


def contains_html(text, where):
    """ContainsHTML: a plain-text element (an RSS title) that holds an HTML end tag."""
    return [f"ContainsHTML: {where} {tag!r}" for tag in re.findall(r"</(\w+)>", text)[:1]]


def language_problems(value, where):
    return [] if value and LANGUAGE.match(value) else [f"InvalidLanguage: {where} {value!r}"]


def rfc2822_problems(value, where):
    """InvalidRFC2822Date, IncorrectDOW, ImplausibleDate (before 1990 or more than ten minutes ahead)."""
    value = value or ""
    if not RFC2822.match(value):
        return [f"InvalidRFC2822Date: {where} {value!r}"]
    moment = email.utils.parsedate_to_datetime(value)
    if moment.strftime("%a") != value[:3]:
        return [f"IncorrectDOW: {where} {value!r}"]
    return implausible(moment, where)


def rfc3339_problems(value, where):
    """InvalidRFC3339Date and ImplausibleDate."""
    value = value or ""
    if not RFC3339.match(value):
        return [f"InvalidRFC3339Date: {where} {value!r}"]
    try:
        moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return [f"InvalidRFC3339Date: {where} {value!r}"]
    return implausible(moment, where)


def implausible(moment, where):
    now = datetime.datetime.now(datetime.UTC)
    if moment.year < 1990 or moment > now + datetime.timedelta(minutes=10):
        return [f"ImplausibleDate: {where} {moment.isoformat()}"]
    return []


def character_problems(root):
    """BadCharacters: C1 controls and U+FFFD (text decoded with a wrong encoding) in a text or attribute."""
    problems = []
    for element in root.iter():
        for text in [element.text or "", element.tail or "", *element.attrib.values()]:
            if BAD_CHARACTERS.search(text):
                problems.append(f"BadCharacters: in {element.tag} {text[:40]!r}")
    return problems


def character_data_problems(data):
    """CharacterData (RSS Profile): plain text that holds "<tag" or "&#" writes "&" and "<" as hexadecimal
    character references, not as ``&amp;`` and ``&lt;``."""
    problems = []
    source = data.decode()
    for match in re.finditer(r"<(title|category|dc:creator)>(.*?)</\1>", source, re.DOTALL):
        decoded = ElementTree.fromstring(f"<x>{match[2]}</x>").text or ""
        if re.search(r"&#[x0-9]|<[/a-zA-Z]", decoded) and re.search(r"&(amp|lt);", match[2]):
            problems.append(f"CharacterData: {match[1]} {match[2][:60]!r}")
    return problems


class HtmlScanner(HTMLParser):
    """Collects what the W3C validator flags in HTML content: relative references (ContainsRelRef) and
    elements or attributes that run script (SecurityRisk, SecurityRiskAttr)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag in UNSAFE_TAGS:
            self.problems.append(f"SecurityRisk: <{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"SecurityRiskAttr: {name} on <{tag}>")
            if name in ("href", "src", "poster", "cite") and value is not None:
                self.check_absolute(value, tag)
            if name == "srcset" and value:
                for candidate in value.split(","):
                    self.check_absolute(candidate.split()[0], tag)

    def check_absolute(self, value, tag):
        value = value.strip()
        if not urlsplit(value).scheme:
            self.problems.append(f"ContainsRelRef: {value!r} in <{tag}>")
        elif value.lower().startswith("javascript:"):
            self.problems.append(f"SecurityRisk: {value!r} in <{tag}>")


def html_problems(html, where):
    scanner = HtmlScanner()
    scanner.feed(html)
    scanner.close()
    return [f"{problem} ({where})" for problem in scanner.problems]


def duplicates(values):
    seen, repeated = set(), []
    for value in values:
        if value in seen and value not in repeated:
            repeated.append(value)
        seen.add(value)
    return repeated
