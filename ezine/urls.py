from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path, reverse
from django.utils.translation import gettext_lazy as _

from articles.sitemaps import ArticleSitemap, TagSitemap
from people.sitemaps import CityDealSitemap, OrganisationSitemap, PartnershipSitemap, PersonSitemap

from . import media, views

admin.site.site_header = _("E-zine editorial office")
admin.site.site_title = _("E-zine editorial office")
admin.site.index_title = _("Content")


class OverviewSitemap(Sitemap):
    """The home page and the overview pages."""

    changefreq = "daily"
    priority = 1.0

    def items(self):
        return [
            "home",
            "articles:list",
            "people:person_list",
            "people:organisation_list",
            "people:partnership_list",
            "people:citydeal_list",
            "articles:tag_list",
        ]

    def location(self, name):
        return reverse(name)


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
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("zoeken/", views.SearchView.as_view(), name="search"),
    path("admin/", admin.site.urls),
    path("", include("articles.urls")),
    path("", include("articles.people_urls")),
]

if settings.EZINE_SERVE_MEDIA:
    urlpatterns.append(re_path(r"^media/(?P<path>.+)$", media.serve, name="media"))
