from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EzineConfig(AppConfig):
    name = "ezine"
    verbose_name = _("E-zine")

    def ready(self):
        from ezine import pagecache

        pagecache.connect_signals()
