from django.contrib.sitemaps import Sitemap

from .models import CityDeal, Organisation, Partnership, Person


class NamedContentSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5
    model = None

    def items(self):
        return self.model.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at

    def get_latest_lastmod(self):
        # The index would otherwise load every row to find the newest; entries carry their own.
        return None


class PersonSitemap(NamedContentSitemap):
    model = Person


class OrganisationSitemap(NamedContentSitemap):
    model = Organisation


class PartnershipSitemap(NamedContentSitemap):
    model = Partnership
    priority = 0.6


class CityDealSitemap(NamedContentSitemap):
    model = CityDeal
    priority = 0.6
