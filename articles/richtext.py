"""The article body: what the editor offers and what the sanitiser lets through, kept in one place."""

import re

import nh3

# The editor's toolbar: what an e-zine needs and nothing more.
EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "NodeClass": {"cssClasses": {"heading": [{"className": "question", "title": "Interviewvraag"}]}},
    "History": True,
}

# The sanitiser allows exactly what the toolbar can make. No styles, no event handlers, no scripts,
# only http(s) and mailto links; every link gets rel="noopener".
_cleaner = nh3.Cleaner(
    tags={"p", "br", "h2", "h3", "strong", "em", "a", "ul", "ol", "li", "blockquote"},
    attributes={"a": {"href", "title"}, "ol": {"start"}},
    allowed_classes={"h2": {"question"}, "h3": {"question"}},
    url_schemes={"http", "https", "mailto"},
    link_rel="noopener",
    strip_comments=True,
)

_EMPTY = re.compile(r"^\s*(<(?P<tag>p|h2|h3)>\s*</(?P=tag)>\s*)*$")


def sanitise(html):
    """Return ``html`` with everything outside the e-zine's small HTML vocabulary removed."""
    cleaned = _cleaner.clean(html or "")
    return "" if _EMPTY.match(cleaned) else cleaned
