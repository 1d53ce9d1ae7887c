"""The overviews of people, organisations, partnerships and City Deals.

Their own pages list articles, so they live one layer up, in ``articles.views``
(URLs: ``articles.people_urls``).
"""

from django.conf import settings
from django.views.generic import ListView

from core.views import KindFilterMixin

from .models import CityDeal, Organisation, Partnership, Person


class PersonListView(ListView):
    queryset = Person.objects.select_related("organisation")
    paginate_by = settings.ARTICLES_PER_PAGE * 2


class OrganisationListView(KindFilterMixin, ListView):
    model = Organisation
    kinds = Organisation.Kind
    paginate_by = settings.ARTICLES_PER_PAGE * 2

    def get_queryset(self):
        return self.filter_by_kind(super().get_queryset())


class PartnershipListView(ListView):
    queryset = Partnership.objects.prefetch_related("coordinators")


class CityDealListView(ListView):
    queryset = CityDeal.objects.prefetch_related("partners")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        deals = context["object_list"]
        context["phases"] = [
            (label, [deal for deal in deals if deal.phase == phase])
            for phase, label in CityDeal.Phase.choices
        ]
        return context
