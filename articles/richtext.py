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
_RULES = {
    "tags": {"p", "br", "h2", "h3", "strong", "em", "a", "ul", "ol", "li", "blockquote"},
    # "*": nh3 would otherwise keep lang and title on every element.
    "attributes": {"*": set(), "a": {"href", "title"}, "ol": {"start"}},
    "allowed_classes": {"h2": {"question"}, "h3": {"question"}},
    "url_schemes": {"http", "https", "mailto"},
    "link_rel": "noopener",
    "strip_comments": True,
}
_cleaner = nh3.Cleaner(**_RULES)

# What an editor leaves behind when they clear the field: empty blocks, line breaks, non-breaking spaces.
_EMPTY = re.compile(r"^(\s|&nbsp;|\xa0|<br>|<(p|h2|h3)( class=\"question\")?>|</(p|h2|h3)>)*$")
# nh3 empties a class attribute whose only value was not allowed; drop the attribute itself.
_EMPTY_CLASS = re.compile(r'<(h2|h3) class="">')


def sanitise(html, base_url=None):
    """Return ``html`` with everything outside the e-zine's small HTML vocabulary removed.

    With ``base_url``, every relative link address is made absolute against it: for feeds, which readers
    show away from the site, where a relative address leads nowhere.
    """
    cleaner = (
        _cleaner if base_url is None else nh3.Cleaner(**_RULES, url_relative=("rewrite_with_base", base_url))
    )
    cleaned = _EMPTY_CLASS.sub(r"<\1>", cleaner.clean(html or ""))
    return "" if _EMPTY.match(cleaned) else cleaned
