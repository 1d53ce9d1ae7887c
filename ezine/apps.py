from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EzineConfig(AppConfig):
    name = "ezine"
    verbose_name = _("E-zine")

    def ready(self):
        from ezine import pagecache
        from ezine.search import signals

        signals.connect()
        pagecache.connect_signals()
        post_migrate.connect(signals.index_existing_content, sender=self)
