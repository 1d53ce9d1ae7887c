"""Addresses that moved keep working: one mechanism for renamed slugs and imported archives.

A ``Redirect`` maps an old path to an object (or, rarely, a fixed path). ``follow_renames(model)`` makes a
model record one whenever an object's address changes; importers call ``add_redirect()`` for the
addresses of the old site. ``destination()`` answers where an old address leads now; the project's
middleware asks it only for requests that found nothing (404), so a live page always wins over a
redirect and a new object may take over a freed slug.

Paths below a redirected one move with it: with ``/personen/old/`` redirected, ``/personen/old/feed/``
leads to the same feed of the renamed person (when such an address exists).
"""

from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save, pre_save
from django.urls import Resolver404, resolve

from .models import Redirect

# WordPress's "plain" permalinks: /?p=123, /?page_id=4, /?cat=7, /?tag=x, /?attachment_id=9, /?feed=rss2.
# A home page request carrying one of these is looked up as exactly ``/?<key>=<value>``.
LEGACY_QUERY_KEYS = ("p", "page_id", "attachment_id", "cat", "tag", "feed", "author")


def add_redirect(old_path, target=None, new_path="", source=""):
    """Send readers asking for ``old_path`` to ``target`` (an object with ``get_absolute_url``) or to the
    fixed ``new_path``; replaces what ``old_path`` led to before. Returns the ``Redirect``."""
    if (target is None) == (not new_path):
        raise ValueError("A redirect leads to an object or to a path, exactly one of them.")
    content_type = ContentType.objects.get_for_model(target) if target is not None else None
    redirect, _created = Redirect.objects.update_or_create(
        old_path=old_path,
        defaults={
            "content_type": content_type,
            "object_id": target.pk if target is not None else None,
            "new_path": new_path,
            "source": source,
        },
    )
    return redirect


def legacy_query_path(request):
    """Return ``/?<key>=<value>`` for a home page request with an old query-style address, else None."""
    if request.path_info != "/":
        return None
    for key in LEGACY_QUERY_KEYS:
        value = request.GET.get(key)
        if value:
            return f"/?{urlencode({key: value})}"
    return None


def destination(path, visible):
    """Return where ``path`` leads now (a path), or None.

    ``path`` is a request path (or a legacy ``/?key=value``); ``visible(model)`` returns the objects of
    ``model`` readers may see, so that an old address never reveals an unpublished object's new one.
    """
    if "\x00" in path:
        return None
    candidates = [path]
    if "?" not in path:
        # The path and each of its ancestors (without the root): /a/b/feed/, /a/b/, /a/.
        parts = path.rstrip("/").split("/")
        candidates += [f"{'/'.join(parts[:n])}/" for n in range(len(parts) - 1, 1, -1)]
    found = {redirect.old_path: redirect for redirect in Redirect.objects.filter(old_path__in=candidates)}
    for candidate in candidates:
        redirect = found.get(candidate)
        if redirect is None:
            continue
        if redirect.content_type_id is None:
            base = redirect.new_path
        else:
            model = redirect.content_type.model_class()
            target = visible(model).filter(pk=redirect.object_id).first() if model else None
            if target is None:
                return None
            base = target.get_absolute_url()
        new = base + path[len(candidate) :]
        if new != base and not resolves(new):
            continue
        return new
    return None


def resolves(path):
    try:
        resolve(path)
    except Resolver404:
        return False
    return True


def follow_renames(model):
    """Record a redirect whenever an object of ``model`` gets another address (a changed slug); forget
    an object's redirects when it is deleted."""
    pre_save.connect(_remember_address, sender=model, dispatch_uid=f"redirects-pre-{model._meta.label}")
    post_save.connect(_record_move, sender=model, dispatch_uid=f"redirects-post-{model._meta.label}")
    post_delete.connect(_forget, sender=model, dispatch_uid=f"redirects-delete-{model._meta.label}")


def _remember_address(sender, instance, raw=False, **kwargs):
    instance._old_address = None
    if raw or instance.pk is None:
        return
    old_slug = sender._default_manager.filter(pk=instance.pk).values_list("slug", flat=True).first()
    if old_slug and old_slug != instance.slug:
        current = instance.slug
        instance.slug = old_slug
        try:
            instance._old_address = instance.get_absolute_url()
        finally:
            instance.slug = current


def _record_move(sender, instance, raw=False, **kwargs):
    old_address = getattr(instance, "_old_address", None)
    if raw or not old_address:
        return
    instance._old_address = None
    add_redirect(old_address, target=instance, source="slug")
    # Back at an address it had before: that redirect would lead to itself.
    content_type = ContentType.objects.get_for_model(sender)
    Redirect.objects.filter(
        old_path=instance.get_absolute_url(), content_type=content_type, object_id=instance.pk
    ).delete()


def _forget(sender, instance, **kwargs):
    content_type = ContentType.objects.get_for_model(sender)
    Redirect.objects.filter(content_type=content_type, object_id=instance.pk).delete()
