import axes.apps
import taggit.apps
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EzineConfig(AppConfig):
    default = True  # "ezine" in INSTALLED_APPS means this one, not the configs below
    name = "ezine"
    verbose_name = _("E-zine")

    def ready(self):
        from ezine import pagecache

        pagecache.connect_signals()


# Third-party apps under the names editors see in the admin's sections.


class TagsConfig(taggit.apps.TaggitAppConfig):
    verbose_name = _("Tags")


class LoginAttemptsConfig(axes.apps.AppConfig):
    verbose_name = _("Login attempts")
