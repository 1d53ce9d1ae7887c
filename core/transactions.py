"""Work that waits for the commit of the transaction that asked for it."""

from django.db import transaction


def on_commit_collect(key, items, callback, using=None, robust=False):
    """Run ``callback(collected)`` once when the current transaction commits, with the set of every
    ``items`` asked for with the same ``key`` in that transaction; at once outside a transaction (as
    ``transaction.on_commit``).

    Readers never see uncommitted rows, so work that makes a change public (making cached pages stale, a
    search reindex) must wait for the commit, and a transaction that saves a hundred rows should do it
    once. A rolled-back transaction or savepoint drops the callback with what it collected; the next
    request in the same transaction registers it again.
    """
    connection = transaction.get_connection(using)
    registered = connection.__dict__.setdefault("on_commit_collect", {})
    current = registered.get(key)
    if current is not None and any(entry[1] is current for entry in connection.run_on_commit):
        current.collected.update(items)
        return

    def run():
        if registered.get(key) is run:
            del registered[key]
        callback(run.collected)

    run.collected = set(items)
    registered[key] = run
    transaction.on_commit(run, using=using, robust=robust)
