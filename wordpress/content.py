"""Turning a WordPress post body into an e-zine body.

WordPress stores what its editors made: block comments (``<!-- wp:paragraph -->``), shortcodes
(``[caption]``, ``[gallery]``, ``[embed]``) and, from the classic editor, text whose paragraphs are
only blank lines (WordPress adds the ``<p>`` when it shows the page: ``wpautop``). This module removes
or maps those, rebuilds the paragraphs and then hands the result to the e-zine's own sanitiser, which
decides what survives (no scripts, no styles, no images in the body).
"""

import html
import re
from dataclasses import dataclass, field

from articles import richtext

BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.DOTALL)
CAPTION = re.compile(r"\[(?:wp_)?caption\b[^\]]*\](.*?)\[/(?:wp_)?caption\]", re.DOTALL | re.IGNORECASE)
EMBED = re.compile(r"\[embed\b[^\]]*\]\s*(.*?)\s*\[/embed\]", re.DOTALL | re.IGNORECASE)
# Shortcodes without a closing tag whose output has no place in an article body.
REMOVED = re.compile(
    r"\[/?(?:gallery|playlist|audio|video|contact-form-7|contact-form)\b[^\]]*\]", re.IGNORECASE
)
IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
LINK = re.compile(
    r"""<a\b[^>]*\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>(.*?)</a>""", re.DOTALL | re.IGNORECASE
)
HEADING = re.compile(r"<(/?)h([1-6])\b[^>]*>", re.IGNORECASE)
BLOCK_TAGS = (
    "address|article|aside|blockquote|div|dl|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|li|"
    "ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul"
)
STARTS_WITH_BLOCK = re.compile(rf"^\s*</?(?:{BLOCK_TAGS})\b", re.IGNORECASE)
BLOCK_BOUNDARY = re.compile(rf"(<(?:{BLOCK_TAGS})\b[^>]*>)", re.IGNORECASE)
CLOSE_BLOCK = re.compile(rf"(</(?:{BLOCK_TAGS})>)", re.IGNORECASE)
CREDIT = re.compile(r"(?:^|[\s.(])foto(?:\s*:\s*|\s+)(?P<credit>[^\s].*?)[\s.)]*$", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]+>")
SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


@dataclass
class Image:
    src: str
    alt: str = ""
    caption: str = ""


@dataclass
class Body:
    """A cleaned body and what was taken out of it: images (the body has none) and links to files."""

    html: str
    images: list = field(default_factory=list)
    links: list = field(default_factory=list)  # (href, link text)
    removed_shortcodes: int = 0


def attributes(tag):
    return {name.lower(): html.unescape(a if a is not None else b) for name, a, b in ATTRIBUTE.findall(tag)}


def plain(markup):
    return " ".join(html.unescape(TAG.sub(" ", SCRIPT.sub(" ", markup or ""))).split())


def split_credit(caption):
    """Return ``(caption, credit)`` from a caption such as “Sebastien Garnier. Foto: Aedes.”."""
    caption = " ".join((caption or "").split())
    match = CREDIT.search(caption)
    if not match:
        return caption, ""
    return caption[: match.start()].strip(" ("), match.group("credit").strip()


def wpautop(text):
    """Return ``text`` with WordPress's paragraphs made explicit: blank lines separate paragraphs and a
    single line break inside one is a ``<br>``. Block elements are left as they are."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = BLOCK_BOUNDARY.sub(r"\n\n\1", text)
    text = CLOSE_BLOCK.sub(r"\1\n\n", text)
    chunks = [chunk.strip() for chunk in re.split(r"\n\s*\n", text)]
    out = []
    for chunk in chunks:
        if not chunk:
            continue
        if STARTS_WITH_BLOCK.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)


def clean(content):
    """Return the ``Body`` of a WordPress post's ``content:encoded``."""
    images, removed = [], 0
    text = BLOCK_COMMENT.sub("", content or "")

    def caption(match):
        inner = match.group(1)
        found = IMG.search(inner)
        if found:
            attrs = attributes(found.group(0))
            images.append(Image(attrs.get("src", ""), attrs.get("alt", ""), plain(IMG.sub("", inner))))
        return "\n\n"

    text = CAPTION.sub(caption, text)
    text = EMBED.sub(
        lambda m: f'\n\n<p><a href="{html.escape(m.group(1))}">{html.escape(m.group(1))}</a></p>\n\n', text
    )
    text, removed = REMOVED.subn("", text)

    def image(match):
        attrs = attributes(match.group(0))
        images.append(Image(attrs.get("src", ""), attrs.get("alt", "")))
        return ""

    text = IMG.sub(image, text)
    # The e-zine's subheads are h2 and h3: a WordPress h1 becomes h2, h4 to h6 become h3.
    text = HEADING.sub(lambda m: f"<{m.group(1)}h{min(max(int(m.group(2)), 2), 3)}>", text)
    text = wpautop(text)
    links = [(html.unescape(a or b), plain(label)) for a, b, label in LINK.findall(text)]
    return Body(
        richtext.sanitise(text), images=[i for i in images if i.src], links=links, removed_shortcodes=removed
    )
