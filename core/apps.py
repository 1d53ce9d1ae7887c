from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Shared building blocks: the base content model, images, upload checks, admin base, template tags.

    It imports no other app of the project; every app may import it.
    """

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.db.models.signals import post_init
        from imagekit.specs.sourcegroups import signal_router

        # imagekit listens to the creation of every model instance (a tag, a person, a row of any list) to
        # note a hash of its image fields; imagekit 6 hashes the field, not the file, so the note never
        # matches at the save and changes nothing: a rendition is made when a saved image has none either
        # way. It cost a tenth of a list page's render.
        post_init.disconnect(signal_router.post_init_receiver, dispatch_uid="ik_spec_field_receivers")
