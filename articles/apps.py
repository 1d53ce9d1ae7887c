import importlib

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def restore_editorial_groups(sender, using="default", plan=None, **kwargs):
    """Recreate the editorial groups after a flush (``manage.py flush``, a test database reset) emptied
    the tables; ``migrate`` (which passes a ``plan``) leaves them to their migration."""
    if plan is not None:
        return
    from django.apps import apps

    groups = importlib.import_module("articles.migrations.0005_editorial_groups")
    groups.add_groups(apps, using)
    importlib.import_module("articles.migrations.0012_programme_permissions").add_permissions(apps, using)


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        post_migrate.connect(restore_editorial_groups, sender=self)

        from taggit.models import Tag

        from core.redirects import follow_renames

        from .models import Article

        # A renamed article or tag keeps its old address (and its feeds') as a redirect.
        follow_renames(Article)
        follow_renames(Tag)
