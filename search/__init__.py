"""Search that understands Dutch: one component over articles, people, organisations and collaborations.

- :mod:`~search.analyser`: the Dutch analyser (text → index terms), the same for both databases;
- :mod:`~search.index`: what each object contributes to the index, and writing it;
  :mod:`~search.signals` keeps it up to date on every save, delete and tag or relation change;
- :mod:`~search.query`: :func:`search`, the one entry point for finding things;
- :mod:`~search.backends`: PostgreSQL (``simple`` tsvector) and SQLite (FTS5).
"""


def search(q, kind=None, tag=None, year=None):
    """Return the ranked :class:`~search.query.SearchResults` for ``q``; see :func:`.query.search`."""
    from .query import search

    return search(q, kind=kind, tag=tag, year=year)
