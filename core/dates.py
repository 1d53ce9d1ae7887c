"""Moments as machines read them: ISO 8601 / RFC 3339, to the second, with the UTC offset."""

from django.utils import timezone


def to_the_second(moment):
    """Return ``moment`` in the site's time zone without its microseconds, or None.

    HTML's ``<time datetime>`` allows at most three decimals of a second, and readers never need any: one
    form for every page, JSON-LD block and sitemap.
    """
    if moment is None:
        return None
    return timezone.localtime(moment).replace(microsecond=0)


def machine_datetime(moment):
    """Return ``moment`` as ``2026-12-02T16:30:05+01:00``, or "" when there is none."""
    moment = to_the_second(moment)
    return moment.isoformat() if moment else ""
