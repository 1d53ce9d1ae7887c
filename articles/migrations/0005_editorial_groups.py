"""Create the two editorial groups with their permissions.

Redacteur (writer): adds, changes and views articles, people, organisations, partnerships and
City Deals; may delete only articles that never reached readers (enforced in the admin).
Eindredacteur (chief editor): all of that, plus publishing, scheduling, withdrawing and deleting.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WRITER = "Redacteur"
CHIEF = "Eindredacteur"
CONTENT_MODELS = [
    ("articles", "article"),
    ("people", "person"),
    ("people", "organisation"),
    ("people", "partnership"),
    ("people", "citydeal"),
]


def codenames(actions):
    return [(app, f"{action}_{model}") for app, model in CONTENT_MODELS for action in actions]


GROUP_PERMISSIONS = {
    WRITER: [
        *codenames(["add", "change", "view"]),
        ("articles", "delete_article"),
        ("taggit", "view_tag"),
    ],
    CHIEF: [
        *codenames(["add", "change", "view", "delete"]),
        ("articles", "publish_article"),
        ("taggit", "view_tag"),
        ("taggit", "change_tag"),
        ("taggit", "delete_tag"),
    ],
}


def create_groups(apps, schema_editor):
    # Permissions are normally made after all migrations ran; these groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    add_groups(apps, schema_editor.connection.alias)


def add_groups(apps, using="default"):
    """Create the groups with their permissions (which must exist); also after a flush (articles.apps)."""
    Group = apps.get_model("auth", "Group").objects.db_manager(using)
    Permission = apps.get_model("auth", "Permission").objects.db_manager(using)
    for name, permissions in GROUP_PERMISSIONS.items():
        group, _ = Group.get_or_create(name=name)
        for app_label, codename in permissions:
            group.permissions.add(Permission.get(content_type__app_label=app_label, codename=codename))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUP_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_editorial_images"),
        ("people", "0002_editorial_images"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
