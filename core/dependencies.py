"""Surrogate keys: what a public response shows, named so that a change can say what it makes stale.

A page records the keys of what it shows (``depends_on``); a committed change touches the keys it
affects; the page cache and the edge cache drop exactly the pages holding a touched key (the way Varnish
xkey and Fastly surrogate keys work). Keys are short strings:

- ``"article:12"``, ``"person:3"``, ``"tag:7"``: one object (its name, its fields, its being visible);
- ``"tag:7:articles"``, ``"kind:news:articles"``, ``ARTICLES``: a set of visible articles, in order: those
  about that object, those of that kind, all of them. A page listing or choosing among them (a list, a feed,
  an article's "read also") holds the set's key besides the keys of the articles it shows;
- ``"article:*"``, ``"tag:*:articles"``: any of them. Touching a key touches its wildcard too
  (``widened``): a page that shows something of every article (a sitemap, search) holds ``"article:*"``;
- ``ANY``: any change of what has no keys of its own (people, organisations, programmes, milestones, tags
  and their overviews). Pages showing such things hold it, and every page that declares no keys of its own;
- ``ALL``: every page holds it. A change whose effects are not described (a model without keys, an outbox
  drained after an outage) touches it.

Which keys a change touches is defined once, next to the models (``articles.models.touched_keys``); which
keys a list of articles holds likewise (``articles.models.listing_keys``).
"""

import contextlib
import functools

from django.dispatch import Signal

ALL = "all"
ANY = "any"
ARTICLES = "articles"
EVERY = "*"

# Sent with ``keys`` by code that changes content without model signals (``bulk_create``, ``update``): the
# page cache and the edge touch them when the transaction commits, as for any other change.
changed_in_bulk = Signal()


def key(obj):
    """Return the key of one object: ``"<model name>:<pk>"``."""
    return f"{obj._meta.model_name}:{obj.pk}"


def model_key(model, pk):
    return f"{model._meta.model_name}:{pk}"


def articles_key(model, pk):
    """Return the key of the set of articles about the ``model`` object ``pk`` (``EVERY``: any of them)."""
    return set_key(model._meta.model_name, pk)


def set_key(name, value):
    """Return the key of the set of articles about the ``name`` (a kind of scope) ``value``."""
    return f"{name}:{value}:articles"


def widened(keys):
    """Return ``keys`` with the wildcard of each key naming one object or set (``"article:12"`` gives
    ``"article:*"``, ``"tag:7:articles"`` gives ``"tag:*:articles"``): what a change touches."""
    wildcards = set()
    for name in keys:
        parts = name.split(":")
        if len(parts) > 1 and parts[1] != EVERY:
            wildcards.add(":".join([parts[0], EVERY, *parts[2:]]))
    return set(keys) | wildcards


def start(request):
    """Begin recording what ``request``'s response shows (the page cache calls this)."""
    request.surrogate_keys = set()


def depends_on(request, *keys):
    """Record that the response to ``request`` shows what ``keys`` name (nothing when nobody records)."""
    recorded = getattr(request, "surrogate_keys", None)
    if recorded is not None:
        recorded.update(keys)


def showing(*keys):
    """Return a decorator for a view whose responses show what ``keys`` name (for views of other apps)."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            depends_on(request, *keys)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


@contextlib.contextmanager
def recording(request):
    """Record the keys of one part of ``request``'s response apart (a fragment, ``core.fragments``): yield the
    set they are recorded in. They count for the whole response too, when it records."""
    outer = getattr(request, "surrogate_keys", None)
    request.surrogate_keys = keys = set()
    try:
        yield keys
    finally:
        request.surrogate_keys = outer
        if outer is not None:
            outer.update(keys)


def complete(keys):
    """Return ``keys`` as kept with what they describe: ``ALL`` among them; ``ANY`` when there are none."""
    return sorted((set(keys) or {ANY}) | {ALL})


def recorded(request):
    """Return the keys of ``request``'s response, ``ALL`` among them; ``ANY`` when it declared none."""
    return complete(getattr(request, "surrogate_keys", None) or ())
