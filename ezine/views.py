from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from articles.feeds import feed_urls
from articles.models import Article
from people.models import CityDeal, Partnership

from . import seo

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
            structured_data=seo.website(self.request),
            feeds=feed_urls("articles:feed"),
            **kwargs,
        )


@require_safe
def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; send them to the static icon."""
    return redirect(static("ezine/favicon.png"), permanent=True)
