"""Surrogate keys: what a public response shows, named so that a change can say what it makes stale.

A page records the keys of what it shows (``depends_on``); a committed change touches the keys it
affects; the page cache and the edge cache drop exactly the pages holding a touched key (the way Varnish
xkey and Fastly surrogate keys work). Keys are short strings:

- ``"article:12"``, ``"person:3"``, ``"tag:7"``: one object (its name, its fields, its being visible);
- ``"tag:7:articles"``: which articles are about that object (a page choosing among them, such as an
  article's "read also", depends on it);
- ``ANY``: what any visible change may alter. Overviews, lists, feeds and every page that declares no keys
  of its own depend on it, so they are as fresh as the content;
- ``ALL``: every page holds it. A change whose effects are not described (a model without keys, an outbox
  drained after an outage) touches it.

Which keys a change touches is defined once, next to the models (``articles.models.touched_keys``).
"""

from django.dispatch import Signal

ALL = "all"
ANY = "any"

# Sent with ``keys`` by code that changes content without model signals (``bulk_create``, ``update``): the
# page cache and the edge touch them when the transaction commits, as for any other change.
changed_in_bulk = Signal()


def key(obj):
    """Return the key of one object: ``"<model name>:<pk>"``."""
    return f"{obj._meta.model_name}:{obj.pk}"


def model_key(model, pk):
    return f"{model._meta.model_name}:{pk}"


def articles_key(model, pk):
    """Return the key of the set of articles about the ``model`` object ``pk``."""
    return f"{model._meta.model_name}:{pk}:articles"


def start(request):
    """Begin recording what ``request``'s response shows (the page cache calls this)."""
    request.surrogate_keys = set()


def depends_on(request, *keys):
    """Record that the response to ``request`` shows what ``keys`` name (nothing when nobody records)."""
    recorded = getattr(request, "surrogate_keys", None)
    if recorded is not None:
        recorded.update(keys)


def recorded(request):
    """Return the keys of ``request``'s response, ``ALL`` among them; ``ANY`` when it declared none."""
    keys = getattr(request, "surrogate_keys", None) or {ANY}
    return sorted(keys | {ALL})
