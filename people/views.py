"""The overviews of people, organisations, partnerships and City Deals.

Their own pages list articles, so they live one layer up, in ``articles.views``
(URLs: ``articles.people_urls``).
"""

from collections import Counter

from django.conf import settings
from django.db.models import Prefetch
from django.views.generic import ListView, TemplateView

from core.views import KindFilterMixin

from .models import CityDeal, Organisation, Participation, Partnership, Person


class PersonListView(ListView):
    queryset = Person.objects.select_related("organisation")
    paginate_by = settings.ARTICLES_PER_PAGE * 2


class OrganisationListView(KindFilterMixin, ListView):
    model = Organisation
    kinds = Organisation.Kind
    paginate_by = settings.ARTICLES_PER_PAGE * 2

    def get_queryset(self):
        return self.filter_by_kind(super().get_queryset())


# A programme's participants with their organisations, for its page, its card and its JSON-LD.
participants = Prefetch("participations", queryset=Participation.objects.select_related("organisation"))


class PartnershipListView(ListView):
    queryset = Partnership.objects.prefetch_related(participants)


class CityDealListView(ListView):
    queryset = CityDeal.objects.all()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        deals = context["object_list"]
        context["phases"] = [
            (label, [deal for deal in deals if deal.phase == phase])
            for phase, label in CityDeal.Phase.choices
        ]
        return context


class NetworkView(TemplateView):
    """Which organisations work together in which partnerships and City Deals, with counts (one query): the
    pairs that share most programmes, and each organisation (those in most programmes first) with its
    programmes, roles and periods."""

    template_name = "people/network.html"
    strongest = 15

    def get_context_data(self, **kwargs):
        participations = Participation.objects.select_related("organisation", "partnership", "city_deal")
        by_programme, by_organisation = {}, {}
        for participation in participations.order_by("organisation__name", "pk"):
            programme = participation.programme
            by_programme.setdefault(programme, {})[participation.organisation_id] = participation.organisation
            by_organisation.setdefault(participation.organisation, []).append(participation)
        shared = Counter()
        together = {}
        for programme, members in by_programme.items():
            ordered = sorted(members.values(), key=lambda organisation: (organisation.name, organisation.pk))
            for i, first in enumerate(ordered):
                for second in ordered[i + 1 :]:
                    shared[first, second] += 1
                    together.setdefault((first, second), []).append(programme)
        partners = Counter()
        for first, second in shared:
            partners[first] += 1
            partners[second] += 1
        # Pairs that share more than one programme: those that share one are on each other's lines below.
        pairs = sorted(
            ((pair, count) for pair, count in shared.items() if count > 1),
            key=lambda item: (-item[1], item[0][0].name, item[0][1].name),
        )
        organisations = [
            {
                "organisation": organisation,
                "participations": entries,
                "programmes": len({entry.programme for entry in entries}),
                "partners": partners[organisation],
            }
            for organisation, entries in by_organisation.items()
        ]
        organisations.sort(key=lambda item: (-item["programmes"], item["organisation"].name))
        return super().get_context_data(
            organisations=organisations,
            programme_count=len(by_programme),
            pairs=[
                {"organisations": pair, "count": count, "programmes": sorted(together[pair], key=str)}
                for pair, count in pairs[: self.strongest]
            ],
            **kwargs,
        )
