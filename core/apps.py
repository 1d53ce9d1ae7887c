from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Shared building blocks: the base content model, images, upload checks, admin base, template tags.

    It imports no other app of the project; every app may import it.
    """

    name = "core"
    verbose_name = _("Core")
