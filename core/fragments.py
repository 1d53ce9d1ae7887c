"""Fragments: parts of a page kept apart, under the keys of what they show (``core.dependencies``).

A view hands the work of one part of its page (its queries and its template) to ``cached``, with a name
saying what the part is about ("article:12"). Where the project keeps fragments (``ezine.pagecache``:
Redis, for GET and HEAD requests), a part whose keys no committed change touched since its render is
taken as kept, without its queries; else it is rendered, its keys recorded apart and kept with it. Either
way its keys count for the whole page, so that the page cache and the edge drop the page with the part.

What the part returns must be picklable (strings, lists, dicts), and may depend only on its name and on
the address's scheme and host, never on the visitor: previews and anything else shown to one person
render without ``cached``.
"""


def cached(request, name, render):
    """Return ``render()``, or what it returned earlier under ``name`` while that is still current."""
    fragments = getattr(request, "fragments", None)
    if fragments is None:
        return render()
    return fragments.get(request, name, render)
