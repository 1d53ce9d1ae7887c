"""Reading a WordPress eXtended RSS export (WXR 1.0-1.2) as a stream, trusting nothing in it.

The file is parsed with lxml's ``iterparse`` and every item is cleared once read, so memory stays flat
however long the export. A document type declaration is refused before any content is read: WordPress
never writes one, and it is where entity expansion ("billion laughs") and external entities live.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from lxml import etree

WP_NAMESPACE = "http://wordpress.org/export/"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
EXCERPT = "http://wordpress.org/export/1.2/excerpt/"
DC = "http://purl.org/dc/elements/1.1/"

# The longest text of one field: a long article is some hundreds of kilobytes.
MAX_FIELD = 2 * 1024 * 1024


# How much of the file start is searched for declarations: a prolog longer than this is not WordPress's.
PROLOG = 64 * 1024


DOCTYPE_REFUSED = gettext_lazy(
    "The export contains a document type declaration (<!DOCTYPE> or <!ENTITY>). WordPress never "
    "writes one; it can hide entity expansion or external files, so the file is refused."
)


class WXRError(Exception):
    """The export cannot be imported; the message says why, in Dutch, for the editor."""


@dataclass
class Author:
    login: str
    display_name: str


@dataclass
class Term:
    """A category or tag: ``nicename`` is its slug on the old site, ``parent`` the parent's nicename."""

    domain: str
    nicename: str
    name: str
    parent: str = ""


@dataclass
class Item:
    """One ``<item>``: a post, page or attachment, with its fields as the export has them."""

    post_id: int
    post_type: str
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_name: str = ""
    status: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    post_parent: int = 0
    attachment_url: str = ""
    terms: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    too_large: str = ""  # the name of a field over MAX_FIELD: the item is skipped

    def date(self, timezone):
        """Return the publication moment (aware), or None when the export has none (drafts)."""
        for value, zone in ((self.post_date_gmt, datetime.UTC), (self.post_date, timezone)):
            try:
                moment = datetime.datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S")
            except ValueError:
                continue  # empty, or WordPress's 0000-00-00 00:00:00
            return moment.replace(tzinfo=zone)
        return None


@dataclass
class Export:
    """What comes before the items: the old site's address, its authors and terms."""

    base_site_url: str = ""
    base_blog_url: str = ""
    authors: dict = field(default_factory=dict)  # login → Author
    terms: dict = field(default_factory=dict)  # (domain, nicename) → Term


def local(tag):
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def namespace(tag):
    return tag[1:].partition("}")[0] if isinstance(tag, str) and tag.startswith("{") else None


def text_of(element):
    return (element.text or "").strip() if element is not None else ""


def read(path, export=None):
    """Yield the items of the export at ``path``, filling ``export`` (an ``Export``) on the way.

    Raises ``WXRError`` for a file that is not a well-formed WXR export, holds a document type
    declaration or is cut off; items already yielded must then be thrown away (the importer does).
    """
    export = export if export is not None else Export()
    refuse_declarations(path)
    context = etree.iterparse(
        str(path),
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    depth, checked, channel_seen = 0, False, False
    try:
        for event, element in context:
            if event == "start":
                if not checked:
                    checked = True
                    docinfo = element.getroottree().docinfo
                    if docinfo.internalDTD is not None or docinfo.doctype:
                        raise WXRError(str(DOCTYPE_REFUSED))
                    if local(element.tag) != "rss":
                        raise WXRError(
                            _("This is not a WordPress export: the file does not start with <rss>.")
                        )
                depth += 1
                continue
            depth -= 1
            if depth > 2:
                continue  # read with its item or channel element
            name = local(element.tag)
            if depth == 1 and name == "channel":
                channel_seen = True
            if depth != 2:
                continue
            if name == "item":
                yield parse_item(element)
            elif (namespace(element.tag) or "").startswith(WP_NAMESPACE):
                parse_channel_element(element, name, export)
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]
    except etree.XMLSyntaxError as error:
        raise WXRError(
            _("The export is not well-formed XML or is incomplete (cut off?): %(error)s") % {"error": error}
        ) from error
    if not channel_seen:
        raise WXRError(_("This is not a WordPress export: it has no <channel>."))


DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
ELEMENT = re.compile(rb"<[A-Za-z_]")


def refuse_declarations(path):
    """Refuse a file whose prolog (what precedes the first element) declares a document type or entities,
    before the parser reads it: libxml2 would expand or fetch them while still reading the prolog."""
    with open(path, "rb") as handle:
        head = handle.read(PROLOG)
    first = ELEMENT.search(head)
    if DECLARATION.search(head[: first.start()] if first else head):
        raise WXRError(str(DOCTYPE_REFUSED))


def parse_channel_element(element, name, export):
    children = {local(child.tag): child for child in element}
    if name == "base_site_url":
        export.base_site_url = text_of(element)
    elif name == "base_blog_url":
        export.base_blog_url = text_of(element)
    elif name == "author":
        login = text_of(children.get("author_login"))
        if login:
            display = text_of(children.get("author_display_name"))
            if not display:
                display = " ".join(
                    part
                    for part in (
                        text_of(children.get("author_first_name")),
                        text_of(children.get("author_last_name")),
                    )
                    if part
                )
            export.authors[login] = Author(login, display or login)
    elif name in ("category", "tag"):
        domain = "category" if name == "category" else "post_tag"
        nicename = text_of(children.get("category_nicename" if name == "category" else "tag_slug"))
        label = text_of(children.get("cat_name" if name == "category" else "tag_name"))
        if nicename:
            parent = text_of(children.get("category_parent")) if name == "category" else ""
            export.terms[(domain, nicename)] = Term(domain, nicename, label or nicename, parent)


ITEM_FIELDS = {
    "title": "title",
    "link": "link",
    "guid": "guid",
    "creator": "creator",
    "post_name": "post_name",
    "status": "status",
    "post_date": "post_date",
    "post_date_gmt": "post_date_gmt",
    "attachment_url": "attachment_url",
    "post_type": "post_type",
}


def parse_item(element):
    values, terms, meta, too_large = {}, [], {}, ""
    for child in element:
        name, ns = local(child.tag), namespace(child.tag) or ""
        value = child.text or ""
        if len(value) > MAX_FIELD:
            too_large, value = name, ""
        if name == "encoded" and ns == CONTENT:
            values["content"] = value
        elif name == "encoded" and ns.startswith(WP_NAMESPACE):
            values["excerpt"] = value
        elif name == "category" and child.get("domain") in ("category", "post_tag"):
            terms.append(Term(child.get("domain"), (child.get("nicename") or "").strip(), value.strip()))
        elif name == "postmeta":
            parts = {local(part.tag): part for part in child}
            key = text_of(parts.get("meta_key"))
            meta_value = parts.get("meta_value")
            if key and meta_value is not None:
                meta[key] = (meta_value.text or "")[:MAX_FIELD]
        elif name in ("post_id", "post_parent"):
            try:
                values[name] = int(value.strip() or 0)
            except ValueError:
                values[name] = 0
        elif name in ITEM_FIELDS:
            values[ITEM_FIELDS[name]] = value.strip()
    return Item(
        post_id=values.pop("post_id", 0),
        post_type=values.pop("post_type", "post"),
        terms=terms,
        meta=meta,
        too_large=too_large,
        **values,
    )
