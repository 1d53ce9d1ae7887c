from django.contrib.sitemaps import Sitemap

from .models import Article


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return (
            Article.objects.published().only("slug", "updated_at", "published_at").order_by("-published_at")
        )

    def lastmod(self, article):
        return article.last_modified

    def get_latest_lastmod(self):
        # The index would otherwise load every article to find the newest; entries carry their own.
        return None


class TagSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        return Article.objects.published().popular_tags(limit=None, last_published=True)

    def lastmod(self, tag):
        return tag.last_published

    def get_latest_lastmod(self):
        return None
