"""View building blocks shared by the apps' list pages."""

from django.http import HttpResponsePermanentRedirect, QueryDict

from .seo import canonical_query


def slug_of(kind):
    """Return the name of ``kind`` (a ``TextChoices`` member) in addresses: its ``slug``, else its value."""
    return getattr(kind, "slug", kind.value)


def permanent_redirect_with(request, **params):
    """Return a 301 to this page with the query parameters ``params`` replaced, the others that change
    the page kept (tracking parameters fall away, as in the canonical link)."""
    query = QueryDict(canonical_query(request), mutable=True)
    for name, value in params.items():
        query[name] = value
    return HttpResponsePermanentRedirect(f"{request.path}?{query.urlencode()}")


class KindFilterMixin:
    """Lets a list view filter by ``?soort=``, the name of one of ``kinds`` in addresses; other values
    show all. An old spelling (the value stored in the database) redirects permanently to the name."""

    kinds = None  # the model's ``Kind`` choices

    def get(self, request, *args, **kwargs):
        value = request.GET.get("soort", "")
        self.kind = next((kind for kind in self.kinds if slug_of(kind) == value), None)
        if self.kind is None and value in self.kinds.values:
            return permanent_redirect_with(request, soort=slug_of(self.kinds(value)))
        return super().get(request, *args, **kwargs)

    def filter_by_kind(self, queryset):
        return queryset if self.kind is None else queryset.filter(kind=self.kind)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            kinds=[(slug_of(kind), kind.label) for kind in self.kinds],
            current_kind=slug_of(self.kind) if self.kind else "",
            **kwargs,
        )
