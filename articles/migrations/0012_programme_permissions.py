"""Give the editorial groups the permissions of milestones and participations.

Both are edited inline with a partnership or City Deal, so whoever edits those (both groups) adds,
changes and removes them.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = [
    (app, f"{action}_{model}")
    for app, model in [("articles", "milestone"), ("people", "participation")]
    for action in ("add", "change", "view", "delete")
]
GROUPS = ["Redacteur", "Eindredacteur"]


def add_permissions(apps, using="default"):
    """Add the permissions (which must exist) to the groups; also after a flush (articles.apps)."""
    Group = apps.get_model("auth", "Group").objects.db_manager(using)
    Permission = apps.get_model("auth", "Permission").objects.db_manager(using)
    for group in Group.filter(name__in=GROUPS):
        for app_label, codename in PERMISSIONS:
            group.permissions.add(Permission.get(content_type__app_label=app_label, codename=codename))


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations ran; the groups need these now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    add_permissions(apps, schema_editor.connection.alias)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        for app_label, codename in PERMISSIONS:
            group.permissions.remove(*Permission.objects.filter(content_type__app_label=app_label, codename=codename))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0011_programme_milestones"),
        ("people", "0006_remove_programme_links"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
