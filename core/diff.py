"""What changed between two versions of a text, word by word, for the admin's history compare.

Rich text is compared as the text a reader reads: tags go, paragraphs stay. The result is escaped HTML in
which removed words are ``<del>`` and added words ``<ins>``, one ``<p>`` per paragraph.
"""

from difflib import SequenceMatcher
from html.parser import HTMLParser

from django.utils.html import escape
from django.utils.safestring import mark_safe

BREAK = "\n"
# Elements that start a new line for a reader: each ends a paragraph of the comparison.
BLOCKS = {"p", "h1", "h2", "h3", "h4", "li", "blockquote", "br", "ul", "ol", "div"}


class _TextOf(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self.parts.append(BREAK)

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self.parts.append(BREAK)

    def handle_data(self, data):
        self.parts.append(data)


def text_of(html):
    """Return the text of ``html`` as a reader sees it: no tags, entities decoded, a line per block."""
    parser = _TextOf()
    parser.feed(html or "")
    parser.close()
    return "".join(parser.parts)


def _tokens(text):
    """Return the words of ``text``, with BREAK between its paragraphs (never two in a row)."""
    tokens = []
    for paragraph in (text or "").split(BREAK):
        words = paragraph.split()
        if words:
            if tokens:
                tokens.append(BREAK)
            tokens.extend(words)
    return tokens


def word_diff(old, new):
    """Return escaped HTML showing how the plain text ``old`` became ``new``, word by word."""
    old_tokens, new_tokens = _tokens(old), _tokens(new)
    pieces = []  # (kind, word) with kind "", "del" or "ins"
    matcher = SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if operation == "equal":
            pieces += [("", word) for word in old_tokens[old_start:old_end]]
        else:
            pieces += [("del", word) for word in old_tokens[old_start:old_end]]
            pieces += [("ins", word) for word in new_tokens[new_start:new_end]]

    paragraphs = [[]]  # each a list of [kind, [words]] runs
    for kind, word in pieces:
        if word == BREAK:
            if kind == "del":
                word = "¶"  # two paragraphs became one: show where the break was
            else:
                paragraphs.append([])
                continue
        runs = paragraphs[-1]
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(word)
        else:
            runs.append([kind, [word]])

    html = []
    for runs in paragraphs:
        words = []
        for kind, run in runs:
            text = escape(" ".join(run))
            words.append(f"<{kind}>{text}</{kind}>" if kind else text)
        html.append(f"<p>{' '.join(words)}</p>")
    return mark_safe(f'<div class="word-diff">{"".join(html)}</div>')


def html_word_diff(old_html, new_html):
    """Return :func:`word_diff` of the texts of two pieces of HTML."""
    return word_diff(text_of(old_html), text_of(new_html))


def names_diff(old, new):
    """Return escaped HTML of the names in ``old`` and ``new`` (tags), in order, the removed ones
    ``<del>`` and the added ones ``<ins>``."""
    old, new = set(old), set(new)
    html = []
    for name in sorted(old | new, key=str.casefold):
        text = escape(name)
        html.append(
            f"<del>{text}</del>" if name not in new else f"<ins>{text}</ins>" if name not in old else text
        )
    return mark_safe(f'<div class="word-diff"><p>{", ".join(html)}</p></div>')
