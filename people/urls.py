from django.urls import path

from articles.feeds import scoped_feed_urls

from . import views
from .models import CityDeal, Organisation, Partnership, Person

app_name = "people"


def pages(prefix, name, list_view, detail_view, model):
    """Return the list, detail and feed URL patterns of one kind of object."""
    return [
        path(f"{prefix}/", list_view.as_view(), name=f"{name}_list"),
        path(f"{prefix}/<slug:slug>/", detail_view.as_view(), name=f"{name}_detail"),
        *scoped_feed_urls(prefix, name, model),
    ]


urlpatterns = [
    *pages("personen", "person", views.PersonListView, views.PersonDetailView, Person),
    *pages(
        "organisaties", "organisation", views.OrganisationListView, views.OrganisationDetailView, Organisation
    ),
    *pages(
        "partnerschappen", "partnership", views.PartnershipListView, views.PartnershipDetailView, Partnership
    ),
    *pages("city-deals", "citydeal", views.CityDealListView, views.CityDealDetailView, CityDeal),
]
