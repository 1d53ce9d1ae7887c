from django import forms
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from reversion_compare.admin import CompareVersionAdmin

from .validators import validate_image_upload


class TaggedContentForm(forms.ModelForm):
    """Refuses tags that would get no web address, such as “???”."""

    def clean_tags(self):
        tags = self.cleaned_data["tags"]
        for name in tags:
            if not slugify(name):
                raise forms.ValidationError(
                    _("The tag “%(tag)s” needs at least one letter or digit."), params={"tag": name}
                )
        return tags


class CheckedImageField(forms.ImageField):
    """An image field that applies the e-zine's own checks first, so editors get their precise message
    (too large, too many pixels, wrong format) instead of Django's generic “not a valid image”."""

    def to_python(self, data):
        if data:
            validate_image_upload(data)
        return super().to_python(data)


class ContentAdmin(CompareVersionAdmin):
    """Shared admin behaviour for the e-zine's content models.

    Every save through the admin is kept as a revision (django-reversion): the history page lists them,
    compares two, reverts one, and deleted objects can be recovered.
    """

    form = TaggedContentForm
    # Editors typing "www.example.org" get https://, the scheme every site they link to uses.
    formfield_overrides = {
        models.URLField: {"assume_scheme": "https"},
        models.ImageField: {"form_class": CheckedImageField},
    }
    history_latest_first = True
