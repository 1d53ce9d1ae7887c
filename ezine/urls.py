from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import views

admin.site.site_header = _("E-zine editorial office")
admin.site.site_title = _("E-zine editorial office")
admin.site.index_title = _("Content")

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("zoeken/", views.SearchView.as_view(), name="search"),
    path("admin/", admin.site.urls),
    path("", include("articles.urls")),
    path("", include("people.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
