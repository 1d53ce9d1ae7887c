from django.conf import settings
from django.db.models import Prefetch
from django.views.generic import ListView

from articles.views import ScopedArticleListView
from ezine import seo
from ezine.views import KindFilterMixin

from .models import CityDeal, Organisation, Partnership, Person

people_with_organisation = Prefetch("contacts", queryset=Person.objects.select_related("organisation"))


class PersonListView(ListView):
    queryset = Person.objects.select_related("organisation")
    paginate_by = settings.ARTICLES_PER_PAGE * 2


class PersonDetailView(ScopedArticleListView):
    scope_queryset = Person.objects.select_related("organisation")
    template_name = "people/person_detail.html"
    feed_name = "people:person_feed"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            structured_data=seo.person(self.request, self.object),
            og_image=seo.image_url(self.request, self.object.portrait_picture),
            **kwargs,
        )


class OrganisationListView(KindFilterMixin, ListView):
    model = Organisation
    paginate_by = settings.ARTICLES_PER_PAGE * 2

    def get_queryset(self):
        return self.filter_by_kind(super().get_queryset())


class OrganisationDetailView(ScopedArticleListView):
    scope_queryset = Organisation.objects.prefetch_related("people")
    template_name = "people/organisation_detail.html"
    feed_name = "people:organisation_feed"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            structured_data=seo.organisation(self.request, self.object),
            og_image=seo.image_url(self.request, self.object.logo_picture),
            **kwargs,
        )


class PartnershipListView(ListView):
    queryset = Partnership.objects.prefetch_related("coordinators")


class PartnershipDetailView(ScopedArticleListView):
    scope_queryset = Partnership.objects.prefetch_related("coordinators", "members", people_with_organisation)
    template_name = "people/partnership_detail.html"
    feed_name = "people:partnership_feed"


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


class CityDealDetailView(ScopedArticleListView):
    scope_queryset = CityDeal.objects.prefetch_related("partners", people_with_organisation)
    template_name = "people/citydeal_detail.html"
    feed_name = "people:citydeal_feed"
