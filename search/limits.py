"""How many searches may run at once: the rest are turned away at once, so that a handful of expensive
searches can never occupy every worker while readers wait for cached pages.

The slots are keys in the shared cache (Redis in production), taken with ``add`` and given back when the
search ends; a slot of a worker that died frees itself after ``SLOT_SECONDS``. Without a working cache
every search may run (the statement time limit still bounds each one).
"""

from contextlib import contextmanager

from django.conf import settings
from django.core.cache import cache

# Longer than any search may run (the statement time limit of the web process is a few seconds).
SLOT_SECONDS = 30


@contextmanager
def search_slot():
    """Yield True while holding one of ``EZINE_SEARCH_CONCURRENCY`` slots, False when all are taken.

    A limit of 0 means no limit.
    """
    limit = settings.EZINE_SEARCH_CONCURRENCY
    taken = None
    try:
        for slot in range(limit):
            if cache.add(f"search-slot-{slot}", 1, timeout=SLOT_SECONDS):
                taken = f"search-slot-{slot}"
                break
    except Exception:  # noqa: BLE001  (the cache is away: do not refuse readers for it)
        limit = 0
    try:
        yield limit == 0 or taken is not None
    finally:
        if taken is not None:
            try:
                cache.delete(taken)
            except Exception:  # noqa: BLE001  (it frees itself after SLOT_SECONDS)
                pass
