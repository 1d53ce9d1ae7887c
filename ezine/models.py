from django.db import models


class PendingInvalidation(models.Model):
    """A committed change the page cache (Redis down) or the edge cache (not purged) could not hear of:
    kept here, in the same database as the change, until that cache answers again and its pages are made
    stale (``ezine.pagecache.drain_outbox``). No invalidation is lost to an outage."""

    class Target(models.TextChoices):
        PAGE_CACHE = "cache", "page cache"
        EDGE = "edge", "edge cache"

    created_at = models.DateTimeField(auto_now_add=True)
    target = models.CharField(max_length=5, choices=Target.choices, default=Target.PAGE_CACHE)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M:%S}"
