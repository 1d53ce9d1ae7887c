"""The pages of people, organisations, partnerships and City Deals (URL namespace ``people``).

Their overviews come from ``people.views``; their own pages and feeds list articles, so the URLs are
wired here, in the layer that knows both.
"""

from django.urls import path

from people import views as people_views
from people.models import CityDeal, Organisation, Partnership, Person

from . import views
from .feeds import scoped_feed_urls, scoped_milestone_feed_urls

app_name = "people"


def pages(prefix, name, list_view, detail_view, model):
    """Return the list, detail and feed URL patterns of one kind of object."""
    return [
        path(f"{prefix}/", list_view.as_view(), name=f"{name}_list"),
        path(f"{prefix}/<slug:slug>/", detail_view.as_view(), name=f"{name}_detail"),
        *scoped_feed_urls(prefix, name, model),
    ]


urlpatterns = [
    *pages("personen", "person", people_views.PersonListView, views.PersonDetailView, Person),
    *pages(
        "organisaties",
        "organisation",
        people_views.OrganisationListView,
        views.OrganisationDetailView,
        Organisation,
    ),
    *pages(
        "partnerschappen",
        "partnership",
        people_views.PartnershipListView,
        views.PartnershipDetailView,
        Partnership,
    ),
    *pages("city-deals", "citydeal", people_views.CityDealListView, views.CityDealDetailView, CityDeal),
    *scoped_milestone_feed_urls("partnerschappen", "partnership", Partnership),
    *scoped_milestone_feed_urls("city-deals", "citydeal", CityDeal),
    path("netwerk/", people_views.NetworkView.as_view(), name="network"),
]
