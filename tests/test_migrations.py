"""Data migrations keep what editors made: bylines of user accounts become people, in the articles and in
their revisions."""

import json

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from people.models import Participation

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


PARTICIPATION_BEFORE = [("people", "0004_person_user"), ("articles", "0010_authors_are_people")]


@pytest.mark.django_db(transaction=True)
def test_partnership_and_city_deal_links_become_participations_with_roles():
    executor = MigrationExecutor(connection)
    executor.migrate(PARTICIPATION_BEFORE)
    old = executor.loader.project_state(PARTICIPATION_BEFORE).apps
    Organisation = old.get_model("people", "Organisation")
    wenen = Organisation.objects.create(name="Stad Wenen", slug="stad-wenen", kind="municipality")
    bzk = Organisation.objects.create(name="Ministerie van BZK", slug="bzk", kind="ministry")
    aedes = Organisation.objects.create(name="Aedes", slug="aedes", kind="housing_association")
    maastricht = Organisation.objects.create(
        name="Gemeente Maastricht", slug="maastricht", kind="municipality"
    )
    housing = old.get_model("people", "Partnership").objects.create(
        name="Huisvesting", slug="huisvesting", theme="housing", start_date="2015-12-01"
    )
    housing.coordinators.add(wenen)
    housing.members.add(wenen, bzk, aedes)  # a coordinator listed as a member too
    deal = old.get_model("people", "CityDeal").objects.create(name="Zorg", slug="zorg")
    deal.partners.add(maastricht, bzk, aedes)

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    rows = Participation.objects.values_list(
        "partnership__slug", "city_deal__slug", "organisation__slug", "role"
    )
    assert sorted(rows, key=str) == sorted(
        [
            ("huisvesting", None, "stad-wenen", "coordinator"),
            ("huisvesting", None, "bzk", "ministry"),
            ("huisvesting", None, "aedes", "partner"),
            (None, "zorg", "maastricht", "city"),
            (None, "zorg", "bzk", "ministry"),
            (None, "zorg", "aedes", "partner"),
        ],
        key=str,
    )

    executor = MigrationExecutor(connection)
    executor.migrate(PARTICIPATION_BEFORE)  # and back: the links again
    old = executor.loader.project_state(PARTICIPATION_BEFORE).apps
    housing = old.get_model("people", "Partnership").objects.get(slug="huisvesting")
    assert set(housing.coordinators.values_list("slug", flat=True)) == {"stad-wenen"}
    assert set(housing.members.values_list("slug", flat=True)) == {"bzk", "aedes"}
    deal = old.get_model("people", "CityDeal").objects.get(slug="zorg")
    assert set(deal.partners.values_list("slug", flat=True)) == {"maastricht", "bzk", "aedes"}
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
