from django.views.generic import TemplateView

from articles.feeds import feed_urls
from articles.models import Article
from people.models import CityDeal, Partnership

HOME_ARTICLES = 7


class KindFilterMixin:
    """Lets a list view filter by ``?soort=``, one of the model's ``Kind`` choices; other values show all."""

    def filter_by_kind(self, queryset):
        self.kind = self.request.GET.get("soort", "")
        if self.kind in queryset.model.Kind.values:
            return queryset.filter(kind=self.kind)
        self.kind = ""
        return queryset

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            kinds=self.object_list.model.Kind.choices, current_kind=self.kind, **kwargs
        )


class HomeView(TemplateView):
    template_name = "ezine/home.html"

    def get_context_data(self, **kwargs):
        published = Article.objects.published()
        articles = list(published.for_listing()[:HOME_ARTICLES])
        return super().get_context_data(
            lead_article=articles[0] if articles else None,
            articles=articles[1:],
            partnerships=Partnership.objects.exclude(status=Partnership.Status.COMPLETED),
            city_deals=CityDeal.objects.exclude(phase=CityDeal.Phase.COMPLETED),
            popular_tags=published.popular_tags(),
            feeds=feed_urls("articles:feed"),
            **kwargs,
        )
