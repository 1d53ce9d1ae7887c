"""Bylines name people instead of user accounts.

Each user named in a byline becomes (or is matched to) a person: the one linked to the account, else the
one with the user's full name, else a new person with that name (the username when there is no name), so
no byline is lost.
"""

from django.db import migrations, models
from django.utils.text import slugify


def users_to_people(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Person = apps.get_model("people", "Person")
    for article in Article.objects.prefetch_related("authors"):
        for user in article.authors.all():
            name = " ".join(filter(None, [user.first_name, user.last_name])) or user.username
            person = (
                Person.objects.filter(user=user).first()
                or Person.objects.filter(name=name, user__isnull=True).first()
            )
            if person is None:
                base, slug, n = slugify(name) or "auteur", None, 1
                slug = base
                while Person.objects.filter(slug=slug).exists():
                    n += 1
                    slug = f"{base}-{n}"
                person = Person.objects.create(name=name, slug=slug, job_title="redacteur", user=user)
            elif person.user_id is None:
                person.user = user
                person.save(update_fields=["user"])
            article.writers.add(person)


def people_to_users(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    for article in Article.objects.prefetch_related("writers"):
        article.authors.set([person.user_id for person in article.writers.all() if person.user_id])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_preview_revocation"),
        ("people", "0004_person_user"),
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
