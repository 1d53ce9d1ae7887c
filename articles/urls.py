from django.urls import path, register_converter
from taggit.models import Tag

from . import views
from .feeds import SectionConverter, format_urls, milestone_feed_urls, scoped_feed_urls

app_name = "articles"

register_converter(SectionConverter, "section")

urlpatterns = [
    path("artikelen/", views.ArticleListView.as_view(), name="list"),
    path("artikelen/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("voorbeeld/<str:token>/", views.SharedPreviewView.as_view(), name="shared_preview"),
    path("tags/", views.TagListView.as_view(), name="tag_list"),
    path("tags/<slug:slug>/", views.TagDetailView.as_view(), name="tag_detail"),
    *scoped_feed_urls("tags", "tag", Tag),
    path("tijdlijn/", views.TimelineView.as_view(), name="timeline"),
    *milestone_feed_urls(["tijdlijn/feed/", "tijdlijn/feed/atom/", "tijdlijn/feed/json/"], "milestone_feed"),
    path("feeds/", views.FeedListView.as_view(), name="feed_list"),
    *format_urls(["feeds/rss/", "feeds/atom/", "feeds/json/"], "feed"),
    *format_urls(
        ["feeds/<section:kind>/rss/", "feeds/<section:kind>/atom/", "feeds/<section:kind>/json/"], "kind_feed"
    ),
]
