from datetime import datetime
from types import SimpleNamespace

from django import forms
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeData, mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from reversion_compare.admin import CompareVersionAdmin

from .diff import html_word_diff, names_diff, word_diff
from .models import Redirect
from .revisions import held_for, revert_one
from .validators import validate_image_upload


class TaggedContentForm(forms.ModelForm):
    """The admin form of every content model.

    Refuses tags that would get no web address (“???”), and refuses to overwrite changes someone else
    saved after this form was opened: it carries the object's ``updated_at`` as loaded and compares it,
    with the row locked, when it is saved.
    """

    loaded_version = forms.CharField(label=_("version as opened"), widget=forms.HiddenInput, required=False)
    # Bookkeeping of the form itself, never a change of the object: left out of change messages.
    internal_fields = {"loaded_version"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["loaded_version"] = self.instance.updated_at.isoformat()

    @property
    def changed_data(self):
        return [name for name in super().changed_data if name not in self.internal_fields]

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk and "loaded_version" in self.fields:
            # The admin saves inside a transaction: the lock holds until this save is done, so of two
            # editors saving at once the second sees the first one's change.
            current = (
                type(self.instance)
                ._default_manager.select_for_update()
                .filter(pk=self.instance.pk)
                .values_list("updated_at", flat=True)
                .first()
            )
            if current is not None and current.isoformat() != cleaned_data.get("loaded_version"):
                moment = date_format(timezone.localtime(current), "DATETIME_FORMAT")
                raise forms.ValidationError(
                    _(
                        "Someone else saved this page at %(moment)s, after you opened it. Your changes "
                        "have not been saved. Open the page again in a new tab, copy your changes "
                        "there and save again."
                    ),
                    code="conflict",
                    params={"moment": moment},
                )
        return cleaned_data

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


def thumbnail(rendition):
    """Return an ``<img>`` of ``rendition`` (``RenditionSet.smallest``) for admin lists and forms."""
    if rendition is None:
        return "—"
    return format_html(
        '<img src="{}" alt="" class="admin-thumbnail" width="120" loading="lazy">', rendition.url
    )


class OneObject:
    """A version whose "revert the revision" restores only its own object (``revert_one``): what
    django-reversion's revert and recover views call."""

    def __init__(self, version):
        self._version = version
        self.revision = SimpleNamespace(
            revert=lambda delete=False: revert_one(version), date_created=version.revision.date_created
        )

    def __getattr__(self, name):
        return getattr(self._version, name)


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

    class Media:
        css = {"all": ["core/admin.css"]}
        js = ["core/prose-editor-nl.js"]

    # Saved with every change: the compare page's own dates already say when.
    # Tags: reversion-compare cannot read taggit's manager; ``compare`` shows them from the tag links.
    compare_exclude = ["updated_at", "tags"]
    # Dutch nouns that take "het" (het artikel, het partnerschap): Django's messages say "De {name}".
    neuter_name = False

    # Messages in Dutch as editors would write them.

    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        # Django stores the labels of changed fields untranslated and translates them when shown, which
        # works only for labels in its own catalogue ("Lead" is not): keep them as editors read them.
        for entry in message:
            if "changed" in entry and "name" not in entry["changed"]:
                entry["changed"]["fields"] = [
                    str(form.fields[name].label or name) for name in form.changed_data
                ]
        return message

    def message_user(self, request, message, *args, **kwargs):
        # Django's messages about one object start “De {name} ‘…’”; only that start is Django's to fix
        # (the rest may quote a title).
        prefix = f"De {self.opts.verbose_name} "
        if self.neuter_name and str(message).startswith(prefix):
            replaced = f"Het {self.opts.verbose_name} " + str(message)[len(prefix) :]
            message = mark_safe(replaced) if isinstance(message, SafeData) else replaced
        super().message_user(request, message, *args, **kwargs)

    # History: a revert or a recovery acts on the one object chosen, and only when the editor may make
    # that change (``revert_refusal``); see core/revisions.py.

    def revert_refusal(self, request, current, restored):
        """Return why ``request.user`` may not turn ``current`` (None: deleted) into ``restored``, or None.

        Models with a workflow (articles) refine this; the change form checks the plain permissions.
        """
        return None

    def _reversion_revisionform_view(self, request, version, template_name, extra_context=None):
        if version.content_type_id != ContentType.objects.get_for_model(self.model).pk:
            raise Http404  # a version of another model (a tag link, a person with the same id)
        current = self.model._default_manager.filter(pk=version.object_id).first()
        if current is not None and not self.has_change_permission(request, current):
            raise PermissionDenied
        if reason := self.revert_refusal(request, current, version._object_version.object):
            raise PermissionDenied(reason)
        return super()._reversion_revisionform_view(request, OneObject(version), template_name, extra_context)

    def compare_view(self, request, object_id, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        return super().compare_view(request, object_id, extra_context)

    # Compare: texts word by word, rich text as the reader reads it (reversion-compare calls
    # ``compare_<internal type>`` for each changed field).

    def compare_TextField(self, obj_compare):
        old, new = (value if isinstance(value, str) else "" for value in obj_compare.to_string())
        if isinstance(obj_compare.field, ProseEditorField):
            return html_word_diff(old, new)
        return word_diff(old, new)

    compare_CharField = compare_SlugField = compare_TextField

    def compare(self, obj, version1, version2):
        diff, _unfollowed = super().compare(obj, version1, version2)
        # A moment the change form saved again without its microseconds is the same moment to an editor.
        old, new = version1.field_dict, version2.field_dict
        diff = [
            entry
            for entry in diff
            if not (
                isinstance(entry["field"], models.DateTimeField)
                and isinstance(old.get(entry["field"].attname), datetime)
                and isinstance(new.get(entry["field"].attname), datetime)
                and old[entry["field"].attname].replace(microsecond=0)
                == new[entry["field"].attname].replace(microsecond=0)
            )
        ]
        if tags := self._compare_tags(obj, version1, version2):
            diff.append(tags)
        # The note on fields marked “*” (not kept in revisions) only when the page shows one.
        return diff, any(entry["is_related"] and not entry["follow"] for entry in diff)

    def _compare_tags(self, obj, version1, version2):
        try:
            field = obj._meta.get_field("tags")
        except FieldDoesNotExist:
            return None
        tag_field = field.through._meta.get_field("tag")

        def names(version):
            ids = {getattr(link, tag_field.attname) for link in held_for(version, field.through)}
            return set(
                tag_field.related_model._default_manager.filter(pk__in=ids).values_list("name", flat=True)
            )

        old, new = names(version1), names(version2)
        if old == new:
            return None
        return {"field": field, "is_related": True, "follow": True, "diff": names_diff(old, new)}

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not self.has_change_permission(request, obj):
            return fieldsets
        return [*fieldsets, (None, {"fields": ["loaded_version"], "classes": ["hidden"]})]


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    """Moved addresses: recorded by themselves when a slug changes, or by an import; editable by hand."""

    list_display = ["old_path", "destination", "source", "created_at"]
    list_filter = ["source", "content_type"]
    search_fields = ["old_path", "new_path"]
    readonly_fields = ["content_type", "object_id", "created_at"]
    fields = ["old_path", "new_path", "content_type", "object_id", "source", "created_at"]

    @admin.display(description=_("leads to"))
    def destination(self, redirect):
        return redirect.new_path or redirect.target or "—"
