import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin import ContentAdmin, TaggedContentForm, thumbnail
from people.admin import CityDealAdmin, PartnershipAdmin
from people.models import CityDeal, Partnership, Person

from . import preview, richtext, workflow
from .models import HERO_RENDITIONS, Article, Milestone
from .views import render_preview


class VisibilityFilter(admin.SimpleListFilter):
    title = _("visibility")
    parameter_name = "visibility"

    def lookups(self, request, model_admin):
        return [
            ("live", _("visible to readers")),
            ("scheduled", _("scheduled")),
            ("draft", _("draft")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "live":
            return queryset.published()
        if self.value() == "scheduled":
            return queryset.scheduled()
        if self.value() == "draft":
            return queryset.filter(status=Article.Status.DRAFT)
        return queryset


class ArticleForm(TaggedContentForm):
    """Offers each user only the statuses their role allows, and refuses the rest with a clear message."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.before = Article.objects.get(pk=self.instance.pk) if self.instance.pk else None
        if "status" in self.fields:
            allowed = workflow.allowed_statuses(user)
            self.fields["status"].widget.choices = [
                (value, label) for value, label in Article.Status.choices if value in allowed
            ]

    def clean_published_at(self):
        value = self.cleaned_data.get("published_at")
        stored = self.instance.published_at
        # The form shows the moment to the second: saved unchanged, it keeps the stored microseconds (a
        # publication "now" has them), or every save would move the publication date.
        if value is not None and stored is not None and value == stored.replace(microsecond=0):
            return stored
        return value

    def clean(self):
        cleaned_data = super().clean()
        after = Article(
            status=cleaned_data.get("status", self.instance.status),
            published_at=cleaned_data.get("published_at", self.instance.published_at),
        )
        if reason := workflow.refusal(self.user, self.before, after):
            raise ValidationError(reason, code="not_allowed")
        return cleaned_data


class ScheduleForm(forms.Form):
    publish_at = forms.SplitDateTimeField(label=_("Publish at"), widget=AdminSplitDateTime)

    def clean_publish_at(self):
        moment = self.cleaned_data["publish_at"]
        if moment <= timezone.now():
            raise ValidationError(_("Choose a moment in the future."), code="past")
        return moment


@admin.register(Article)
class ArticleAdmin(ContentAdmin):
    form = ArticleForm
    change_form_template = "admin/articles/article/change_form.html"
    neuter_name = True
    list_display = [
        "title",
        "hero_thumbnail",
        "kind",
        "status_label",
        "published_at",
        "byline",
        "updated_by",
        "updated_at",
    ]
    list_filter = [VisibilityFilter, "status", "kind", "partnership", "city_deal"]
    list_select_related = ["partnership", "city_deal", "updated_by"]
    search_fields = ["title", "lead", "people__name", "organisations__name"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ["authors", "people", "organisations", "partnership", "city_deal", "related"]
    readonly_fields = ["hero_thumbnail", "created_by", "updated_by", "first_published_at"]
    actions = ["submit_for_review", "publish_now", "schedule", "withdraw", "back_to_draft"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "lead", "body"]}),
        (
            _("Main image"),
            {
                "fields": [
                    "hero_thumbnail",
                    "hero_image",
                    "hero_alt",
                    "hero_caption",
                    "hero_credit",
                    "hero_focus",
                ]
            },
        ),
        (_("About"), {"fields": ["people", "organisations", "partnership", "city_deal", "tags", "related"]}),
        (
            _("Publication"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "authors",
                    "first_published_at",
                    "created_by",
                    "updated_by",
                ]
            },
        ),
        (
            _("Source and attachment"),
            {
                "fields": ["source_note", "source_url", "attachment", "attachment_title"],
                "classes": ["collapse"],
            },
        ),
    ]

    # Permissions: the editorial roles of articles.workflow.

    def has_publish_permission(self, request):
        return workflow.can_publish(request.user)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and workflow.may_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or workflow.may_delete(request.user, obj))

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not workflow.can_publish(request.user):
            # Deleting from the list would bypass the per-article check; writers delete one by one.
            actions.pop("delete_selected", None)
        return actions

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not workflow.can_publish(request.user):
            readonly.append("published_at")
        return readonly

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:  # nothing uploaded yet to show
            return [
                (name, {**options, "fields": [f for f in options["fields"] if f != "hero_thumbnail"]})
                for name, options in fieldsets
            ]
        if self.has_change_permission(request, obj):
            return fieldsets
        # Read only: the body as readers see it, not its HTML source.
        return [
            (name, {**options, "fields": ["body_html" if f == "body" else f for f in options["fields"]]})
            for name, options in fieldsets
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)

        class RequestArticleForm(form):
            def __init__(self, *args, **form_kwargs):
                super().__init__(*args, user=request.user, **form_kwargs)

        return RequestArticleForm

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("authors")

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change and not form.instance.authors.exists():
            # The byline names the person of the editor's account, when the account has one.
            author = Person.objects.filter(user=request.user).first()
            if author is not None:
                form.instance.authors.add(author)

    # List columns.

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, article):
        if article.status == Article.Status.PUBLISHED and not article.is_published:
            moment = date_format(timezone.localtime(article.published_at), "DATETIME_FORMAT")
            return _("scheduled for %(moment)s") % {"moment": moment}
        return article.get_status_display()

    @admin.display(description=_("image"))
    def hero_thumbnail(self, article):
        return thumbnail(HERO_RENDITIONS.smallest(article))

    @admin.display(description=_("body"))
    def body_html(self, article):
        return mark_safe(richtext.sanitise(article.body))

    @admin.display(description=_("byline"))
    def byline(self, article):
        return ", ".join(person.name for person in article.authors.all())

    # Actions: each goes article by article through the workflow's transitions, so every change is
    # checked and kept as a revision with the editor's name.

    def _transition(self, request, queryset, change, comment, done_message):
        changed = 0
        for article in queryset:
            try:
                change(request.user, article)
            except PermissionDenied as refused:
                self.message_user(request, f"{article}: {refused}", messages.ERROR)
            except ValidationError as error:
                self.message_user(request, f"{article}: {' '.join(error.messages)}", messages.ERROR)
            else:
                changed += 1
        if changed:
            reversion.set_comment(str(comment))
            self.message_user(request, done_message(changed), messages.SUCCESS)

    @admin.action(description=_("Submit for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._transition(
            request,
            queryset,
            workflow.submit_for_review,
            _("Submitted for review"),
            lambda n: (
                ngettext("%d article submitted for review.", "%d articles submitted for review.", n) % n
            ),
        )

    @admin.action(description=_("Publish now"), permissions=["publish"])
    def publish_now(self, request, queryset):
        now = timezone.now()
        self._transition(
            request,
            queryset,
            lambda user, article: workflow.publish_now(user, article, now),
            _("Published"),
            lambda n: ngettext("%d article published.", "%d articles published.", n) % n,
        )

    @admin.action(description=_("Schedule…"), permissions=["publish"])
    def schedule(self, request, queryset):
        form = ScheduleForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            moment = form.cleaned_data["publish_at"]
            self._transition(
                request,
                queryset,
                lambda user, article: workflow.schedule(user, article, moment),
                _("Scheduled"),
                lambda n: ngettext("%d article scheduled.", "%d articles scheduled.", n) % n,
            )
            return None
        return TemplateResponse(
            request,
            "admin/articles/article/schedule.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Schedule articles"),
                "opts": self.model._meta,
                "articles": queryset,
                "form": form,
                "media": self.media + form.media,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )

    @admin.action(description=_("Withdraw"), permissions=["publish"])
    def withdraw(self, request, queryset):
        self._transition(
            request,
            queryset.filter(status=Article.Status.PUBLISHED),
            workflow.withdraw,
            _("Withdrawn"),
            lambda n: ngettext("%d article withdrawn.", "%d articles withdrawn.", n) % n,
        )

    @admin.action(description=_("Back to draft"), permissions=["change"])
    def back_to_draft(self, request, queryset):
        self._transition(
            request,
            queryset,
            workflow.back_to_draft,
            _("Back to draft"),
            lambda n: ngettext("%d article set back to draft.", "%d articles set back to draft.", n) % n,
        )

    # History: a revert or a recovery is a transition like any other (core.admin.ContentAdmin).

    def revert_refusal(self, request, current, restored):
        return workflow.refusal(request.user, current, restored)

    # Preview: the reader's page of a draft, and a link to share it.

    def get_urls(self):
        return [
            path(
                "<path:object_id>/voorbeeld/",
                self.admin_site.admin_view(self.preview_view),
                name="articles_article_preview",
            ),
            path(
                "<path:object_id>/voorbeeldlink/",
                self.admin_site.admin_view(self.share_preview_view),
                name="articles_article_share_preview",
            ),
            *super().get_urls(),
        ]

    def _article_for_preview(self, request, object_id):
        article = get_object_or_404(Article.objects.for_detail(), pk=object_id)
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        return article

    def preview_view(self, request, object_id):
        return render_preview(request, self._article_for_preview(request, object_id))

    def share_preview_view(self, request, object_id):
        article = self._article_for_preview(request, object_id)
        if request.method == "POST" and "revoke" in request.POST:
            workflow.revoke_preview_links(request.user, article)
            self.message_user(request, _("Every preview link shared before now has stopped working."))
        url = request.build_absolute_uri(
            reverse("articles:shared_preview", args=[preview.make_token(article)])
        )
        return TemplateResponse(
            request,
            "admin/articles/article/share_preview.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Share a preview"),
                "opts": self.model._meta,
                "original": article,
                "article": article,
                "url": url,
                "valid_until": timezone.now() + preview.VALID_FOR,
            },
        )


class MilestoneInline(admin.StackedInline):
    model = Milestone
    formfield_overrides = ContentAdmin.formfield_overrides
    fields = [("date", "precision", "kind"), "description", "articles", "url"]
    autocomplete_fields = ["articles"]
    extra = 0


# Partnerships and City Deals are edited with their milestones, which live here (they link to articles):
# the people app's admin, extended with the inline.
admin.site.unregister(Partnership)
admin.site.unregister(CityDeal)


@admin.register(Partnership)
class PartnershipWithMilestonesAdmin(PartnershipAdmin):
    inlines = [*PartnershipAdmin.inlines, MilestoneInline]


@admin.register(CityDeal)
class CityDealWithMilestonesAdmin(CityDealAdmin):
    inlines = [*CityDealAdmin.inlines, MilestoneInline]
