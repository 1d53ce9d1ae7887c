from django.db import models


class PendingInvalidation(models.Model):
    """A committed change the page cache could not hear of (Redis down): kept here, in the same database
    as the change, until the cache answers again and every cached page is made stale
    (``ezine.pagecache.drain_outbox``). No invalidation is lost to an outage."""

    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M:%S}"
