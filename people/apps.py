from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = _("People and organisations")

    def ready(self):
        from core.redirects import follow_renames

        from .models import CityDeal, Organisation, Partnership, Person

        for model in (Person, Organisation, Partnership, CityDeal):
            follow_renames(model)
