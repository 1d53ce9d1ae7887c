"""Data migrations keep what editors made: bylines of user accounts become people, in the articles and in
their revisions."""

import json

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from reversion.models import Version

from articles.models import Article

BEFORE = [
    ("articles", "0009_preview_revocation"),
    ("people", "0004_person_user"),
    ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
]


@pytest.mark.django_db(transaction=True)
def test_bylines_of_user_accounts_become_people_in_articles_and_revisions():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    user = old.get_model("auth", "User").objects.create(
        username="eva", first_name="Eva", last_name="Verhoeven"
    )
    namesake = old.get_model("people", "Person").objects.create(name="Eva Verhoeven", slug="eva-verhoeven")
    article = old.get_model("articles", "Article").objects.create(
        title="Stad", slug="stad", kind="news", status="draft", lead="", body=""
    )
    article.authors.add(user)
    revision = old.get_model("reversion", "Revision").objects.create(comment="", date_created=timezone.now())
    content_type = old.get_model("contenttypes", "ContentType").objects.get(
        app_label="articles", model="article"
    )
    serialized = [
        {"model": "articles.article", "pk": article.pk, "fields": {"title": "Stad", "authors": [user.pk]}}
    ]
    old.get_model("reversion", "Version").objects.create(
        revision=revision,
        object_id=str(article.pk),
        content_type=content_type,
        db="default",
        format="json",
        serialized_data=json.dumps(serialized),
        object_repr="Stad",
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    [author] = Article.objects.get(pk=article.pk).authors.all()
    assert (author.name, author.user_id) == ("Eva Verhoeven", user.pk)
    assert author.pk != namesake.pk  # someone of the same name is not taken for the editor
    [version] = Version.objects.filter(object_id=str(article.pk))
    assert json.loads(version.serialized_data)[0]["fields"]["authors"] == [author.pk]
