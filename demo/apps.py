from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo content (``load_demo``) and seeded bulk content for benchmarks (``generate_content``)."""

    name = "demo"
    verbose_name = _("Demo content")
