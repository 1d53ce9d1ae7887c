import functools
import json

from django import template
from django.urls import get_script_prefix, reverse
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

from core import dates

register = template.Library()


class CaptureNode(template.Node):
    def __init__(self, nodelist, variable):
        self.nodelist, self.variable = nodelist, variable

    def render(self, context):
        context[self.variable] = mark_safe(" ".join(self.nodelist.render(context).split()))
        return ""


@register.tag
def capture(parser, token):
    """Render the enclosed template into a variable: ``{% capture as title %}…{% endcapture %}``.

    Lets the base template use one block (such as the page title) in several places.
    """
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Use {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.simple_tag
def site_url(name):
    """Return the address of the page ``name`` that takes no arguments, like ``{% url name %}``: reversed once
    a process (and script prefix), since every page's menus and feed links ask for the same (16 reversals
    a page, a tenth of an article page's render when its content is kept)."""
    return _site_url(name, get_script_prefix())


@functools.lru_cache(maxsize=64)
def _site_url(name, prefix):
    return reverse(name)


@register.filter
def machine_datetime(moment):
    """Return ``moment`` for ``<time datetime>``: ISO 8601 to the second (see ``core.dates``)."""
    return dates.machine_datetime(moment)


@register.filter(is_safe=True)
def json_ld(data):
    """Return ``data`` (a JSON-LD object, or a list of them) as script elements, one per object, escaped so
    no text can end the element early."""
    scripts = []
    for item in data if isinstance(data, list) else [data]:
        if item:
            payload = json.dumps(item, ensure_ascii=False, separators=(",", ":")).translate(
                _json_script_escapes
            )
            scripts.append(f'<script type="application/ld+json">{payload}</script>')
    return mark_safe("\n  ".join(scripts))
