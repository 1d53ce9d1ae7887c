from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max
from django.urls import include, path, re_path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Milestone
from articles.sitemaps import ArticleSitemap, TagSitemap
from core import dependencies
from people.models import CityDeal, Organisation, Partnership, Person
from people.sitemaps import CityDealSitemap, OrganisationSitemap, PartnershipSitemap, PersonSitemap

from . import media, views

admin.site.site_header = _("E-zine editorial office")
admin.site.site_title = _("E-zine editorial office")
admin.site.index_title = _("Content")


class OverviewSitemap(Sitemap):
    """The home page and the overview pages, each last modified when the newest thing it lists was."""

    changefreq = "daily"
    priority = 1.0

    @cached_property
    def overviews(self):
        """Return (URL name, last modified) of each overview; the index and the section both ask for it."""
        articles = Article.objects.published().aggregate(edit=Max("updated_at"), entry=Max("published_at"))
        latest_article = max(filter(None, articles.values()), default=None)
        return [
            ("home", latest_article),
            ("articles:list", latest_article),
            ("articles:tag_list", latest_article),
            *((f"people:{model._meta.model_name}_list", newest_edit(model)) for model in PEOPLE_MODELS),
            ("articles:timeline", newest_edit(Milestone)),
            # The network changes with participations, which keep no time of change.
            ("people:network", None),
        ]

    def items(self):
        return self.overviews

    def location(self, item):
        return reverse(item[0])

    def lastmod(self, item):
        return item[1]


PEOPLE_MODELS = (Person, Organisation, Partnership, CityDeal)


def newest_edit(model):
    return model.objects.aggregate(last=Max("updated_at"))["last"]


# A sitemap names every article with its last modification, and people and programmes with theirs.
sitemap_keys = dependencies.showing(dependencies.ANY, dependencies.model_key(Article, dependencies.EVERY))

SITEMAPS = {
    "overzichten": OverviewSitemap,
    "artikelen": ArticleSitemap,
    "personen": PersonSitemap,
    "organisaties": OrganisationSitemap,
    "partnerschappen": PartnershipSitemap,
    "city-deals": CityDealSitemap,
    "tags": TagSitemap,
}

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon),
    path("healthz", views.healthz, name="healthz"),
    path(
        "sitemap.xml",
        sitemap_keys(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_keys(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("zoeken/", views.SearchView.as_view(), name="search"),
    # Before the admin's own: its "view on site" shortcut, checked (see views.view_on_site).
    path(
        "admin/r/<int:content_type_id>/<path:object_id>/",
        admin.site.admin_view(views.view_on_site),
        name="view_on_site",
    ),
    path("admin/", admin.site.urls),
    path("", include("articles.urls")),
    path("", include("articles.people_urls")),
]

if settings.EZINE_SERVE_MEDIA:
    urlpatterns.append(re_path(r"^media/(?P<path>.+)$", media.serve, name="media"))
