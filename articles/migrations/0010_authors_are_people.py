"""Bylines name people instead of user accounts.

Each user named in a byline becomes a person: the one linked to the account, else a new person with the
user's name (the username when there is no name), so no byline is lost; the articles' revisions are
rewritten the same way.
"""

import json

from django.conf import settings
from django.db import migrations, models
from django.utils.text import slugify


def person_of(Person, user):
    """Return the person of ``user``: the one linked to the account, else a new one with the user's name
    (never an existing person of the same name: that may be someone interviewed)."""
    person = Person.objects.filter(user=user).first()
    if person is None:
        name = (" ".join(filter(None, [user.first_name, user.last_name])) or user.username)[:200]
        base = slugify(name)[:190] or "auteur"
        slug, n = base, 1
        while Person.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        person = Person.objects.create(name=name, slug=slug, job_title="redacteur", user=user)
    return person


def users_to_people(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Person = apps.get_model("people", "Person")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    for article in Article.objects.prefetch_related("authors"):
        article.writers.add(*(person_of(Person, user) for user in article.authors.all()))
    # The article's revisions name users too: a revert or recovery must bring back people.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Version = apps.get_model("reversion", "Version")
    content_type = ContentType.objects.filter(app_label="articles", model="article").first()
    if content_type is None:
        return
    people = {}
    for version in Version.objects.filter(content_type=content_type).iterator():
        data = json.loads(version.serialized_data)
        fields = data[0]["fields"] if data else {}
        if not fields.get("authors"):
            continue
        ids = []
        for user_id in fields["authors"]:
            if user_id not in people:
                user = User.objects.filter(pk=user_id).first()
                people[user_id] = person_of(Person, user).pk if user else None
            if people[user_id] is not None:
                ids.append(people[user_id])
        fields["authors"] = ids
        version.serialized_data = json.dumps(data)
        version.save(update_fields=["serialized_data"])


def people_to_users(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    for article in Article.objects.prefetch_related("writers"):
        article.authors.set([person.user_id for person in article.writers.all() if person.user_id])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_preview_revocation"),
        ("people", "0004_person_user"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="writers",
            field=models.ManyToManyField(blank=True, related_name="articles_written", to="people.person"),
        ),
        migrations.RunPython(users_to_people, people_to_users),
        migrations.RemoveField(model_name="article", name="authors"),
        migrations.RenameField(model_name="article", old_name="writers", new_name="authors"),
        migrations.AlterField(
            model_name="article",
            name="authors",
            field=models.ManyToManyField(
                blank=True,
                help_text="Who wrote the article, as named under it: “Tekst: …”.",
                related_name="articles_written",
                to="people.person",
                verbose_name="byline",
            ),
        ),
    ]
