from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ezine.admin import ContentAdmin

from .models import Article


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
            return queryset.filter(status=Article.Status.PUBLISHED).exclude(
                pk__in=queryset.published().values("pk")
            )
        if self.value() == "draft":
            return queryset.filter(status=Article.Status.DRAFT)
        return queryset


@admin.register(Article)
class ArticleAdmin(ContentAdmin):
    list_display = ["title", "kind", "status", "visibility", "published_at", "partnership", "city_deal"]
    list_filter = [VisibilityFilter, "status", "kind", "partnership", "city_deal"]
    list_select_related = ["partnership", "city_deal"]
    search_fields = ["title", "lead", "people__name", "organisations__name"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ["people", "organisations", "partnership", "city_deal", "related"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "lead", "body"]}),
        (_("Main image"), {"fields": ["hero_image", "hero_alt", "hero_caption", "hero_credit"]}),
        (_("About"), {"fields": ["people", "organisations", "partnership", "city_deal", "tags", "related"]}),
        (_("Publication"), {"fields": ["status", "published_at"]}),
        (
            _("Source and attachment"),
            {
                "fields": ["source_note", "source_url", "attachment", "attachment_title"],
                "classes": ["collapse"],
            },
        ),
    ]

    @admin.display(description=_("visible"), boolean=True)
    def visibility(self, article):
        return article.is_published
