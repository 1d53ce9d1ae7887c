from django.db import models
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
