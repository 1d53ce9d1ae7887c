from django.contrib import admin

from core.admin import ContentAdmin as BaseContentAdmin

from .models import CityDeal, Organisation, Participation, Partnership, Person


class ParticipationInline(admin.TabularInline):
    model = Participation
    fields = ["organisation", "role", "start_date", "end_date"]
    autocomplete_fields = ["organisation"]
    extra = 1


class ContentAdmin(BaseContentAdmin):
    prepopulated_fields = {"slug": ("name",)}
    search_fields = ["name"]


@admin.register(Organisation)
class OrganisationAdmin(ContentAdmin):
    list_display = ["name", "kind", "city", "country", "updated_at"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "city"]
    fields = ["name", "slug", "kind", "city", "country", "website", "description", "logo", "tags"]


@admin.register(Person)
class PersonAdmin(ContentAdmin):
    list_display = ["name", "job_title", "organisation", "updated_at"]
    list_filter = ["organisation__kind"]
    list_select_related = ["organisation"]
    search_fields = ["name", "job_title", "organisation__name"]
    autocomplete_fields = ["organisation", "user"]
    fields = [
        "name",
        "slug",
        "job_title",
        "organisation",
        "bio",
        "portrait",
        "portrait_credit",
        "website",
        "tags",
        "user",
    ]


@admin.register(Partnership)
class PartnershipAdmin(ContentAdmin):
    neuter_name = True
    list_display = ["name", "theme", "status", "start_date", "end_date"]
    list_filter = ["status", "theme"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["contacts"]
    inlines = [ParticipationInline]
    fields = [
        "name",
        "slug",
        "theme",
        "status",
        ("start_date", "end_date"),
        "description",
        "website",
        "action_plan_url",
        "contacts",
        "tags",
    ]


@admin.register(CityDeal)
class CityDealAdmin(ContentAdmin):
    list_display = ["name", "kind", "phase", "signed_on", "end_date"]
    list_filter = ["kind", "phase"]
    date_hierarchy = "signed_on"
    autocomplete_fields = ["contacts"]
    inlines = [ParticipationInline]
    fields = [
        "name",
        "slug",
        "kind",
        "phase",
        ("signed_on", "end_date"),
        "description",
        "website",
        "contacts",
        "tags",
    ]
