"""View building blocks shared by the apps' list pages."""


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
