from django.urls import path
from django.utils.feedgenerator import Atom1Feed
from taggit.models import Tag

from . import views
from .feeds import ArticleFeed, scoped_feed_urls

app_name = "articles"

urlpatterns = [
    path("artikelen/", views.ArticleListView.as_view(), name="list"),
    path("artikelen/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("voorbeeld/<str:token>/", views.SharedPreviewView.as_view(), name="shared_preview"),
    path("tags/", views.TagListView.as_view(), name="tag_list"),
    path("tags/<slug:slug>/", views.TagDetailView.as_view(), name="tag_detail"),
    *scoped_feed_urls("tags", "tag", Tag),
    path("feeds/rss/", ArticleFeed(), name="feed"),
    path("feeds/atom/", ArticleFeed(feed_type=Atom1Feed), name="feed_atom"),
]
