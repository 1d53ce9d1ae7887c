from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WordpressConfig(AppConfig):
    """Bringing an old WordPress site along: its posts, media and addresses (``import_wordpress``)."""

    name = "wordpress"
    verbose_name = _("WordPress import")
