from django import forms
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from reversion_compare.admin import CompareVersionAdmin


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


class ContentAdmin(CompareVersionAdmin):
    """Shared admin behaviour for the e-zine's content models.

    Every save through the admin is kept as a revision (django-reversion): the history page lists them,
    compares two, reverts one, and deleted objects can be recovered.
    """

    form = TaggedContentForm
    # Editors typing "www.example.org" get https://, the scheme every site they link to uses.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    history_latest_first = True
