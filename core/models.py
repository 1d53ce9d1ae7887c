from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


class ContentModel(models.Model):
    """Base for everything the e-zine publishes: a unique slug and timestamps.

    Subclasses name the field their slug is made from in ``slug_source``.
    """

    slug_source = "name"

    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        allow_unicode=False,
        help_text=_("The last part of the web address. Filled in from the name; change it with care."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.unique_slug(getattr(self, self.slug_source))
        super().save(*args, **kwargs)

    @classmethod
    def unique_slug(cls, text):
        """Return a slug for ``text`` that no other row of this model uses."""
        max_length = cls._meta.get_field("slug").max_length
        base = (slugify(text) or cls._meta.model_name)[: max_length - 8].strip("-")
        slug, n = base, 2
        while cls._default_manager.filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug


class Redirect(models.Model):
    """An address that moved: readers asking for ``old_path`` are sent (301) to where its content is now.

    The destination is an object (``target``: its address as it is at the moment of the request, so a
    chain of renames resolves in one hop) or, for what has no object, a fixed ``new_path``. An address is
    only redirected when nothing lives there any more: a new object may take over a freed slug. See
    ``core.redirects``.
    """

    old_path = models.CharField(
        _("old address"),
        max_length=500,
        unique=True,
        help_text=_("A path on this site, such as /artikelen/old-title/ or /?p=123."),
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("type")
    )
    object_id = models.PositiveBigIntegerField(_("object"), null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    new_path = models.CharField(
        _("new address"), max_length=500, blank=True, help_text=_("Only for an address without an object.")
    )
    source = models.CharField(_("source"), max_length=40, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")
        ordering = ["old_path"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(object_id__isnull=False) | ~Q(new_path=""), name="redirect_has_destination"
            ),
        ]

    def __str__(self):
        return self.old_path
