"""The editorial roles, cell by cell, through the admin as editors use it.

Writer = group “Redacteur”; chief = group “Eindredacteur”. The groups come from a data migration.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article
from tests import factories
from tests.html import form_data, parse

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/articles/article/"
REFUSED_PUBLISH = "Alleen een eindredacteur mag een artikel publiceren, inplannen of terugtrekken."


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def post_change_form(client, article, **changes):
    """Open the article's change form as the user, change fields, submit it; return the response."""
    data = form_data(client.get(change_url(article)), "#article_form")
    data.update(changes)
    data.pop("_saveasnew", None)
    return client.post(change_url(article), data)


def run_action(client, action, *articles, **extra):
    return client.post(
        CHANGELIST, {"action": action, "_selected_action": [a.pk for a in articles], **extra}, follow=True
    )


def reload(article):
    return Article.objects.get(pk=article.pk)


FUTURE = timezone.localtime() + datetime.timedelta(days=3)


# Each cell: what the user tries, and how to tell whether it happened.


def create_draft(client):
    data = form_data(client.get("/admin/articles/article/add/"), "#article_form")
    data.update(title="Nieuw stuk", slug="nieuw-stuk", status="draft")
    client.post("/admin/articles/article/add/", data)
    return Article.objects.filter(slug="nieuw-stuk", status="draft").exists()


def create_published(client):
    data = form_data(client.get("/admin/articles/article/add/"), "#article_form")
    data.update(title="Meteen live", slug="meteen-live", status="published")
    client.post("/admin/articles/article/add/", data)
    return Article.objects.filter(slug="meteen-live", status="published").exists()


def edit_draft(client):
    article = factories.ArticleFactory(draft=True)
    post_change_form(client, article, title="Verbeterde titel")
    return reload(article).title == "Verbeterde titel"


def submit_for_review_in_form(client):
    article = factories.ArticleFactory(draft=True)
    post_change_form(client, article, status="review")
    return reload(article).status == "review"


def submit_for_review_action(client):
    article = factories.ArticleFactory(draft=True)
    run_action(client, "submit_for_review", article)
    return reload(article).status == "review"


def publish_in_form(client):
    article = factories.ArticleFactory(status=Article.Status.REVIEW, published_at=None)
    post_change_form(client, article, status="published")
    return reload(article).is_published


def schedule_in_form(client):
    article = factories.ArticleFactory(status=Article.Status.REVIEW, published_at=None)
    post_change_form(
        client,
        article,
        status="published",
        published_at_0=FUTURE.strftime("%d-%m-%Y"),
        published_at_1=FUTURE.strftime("%H:%M:%S"),
    )
    return reload(article).status == "published"


def publish_action(client):
    article = factories.ArticleFactory(status=Article.Status.REVIEW, published_at=None)
    run_action(client, "publish_now", article)
    return reload(article).is_published


def schedule_action(client):
    article = factories.ArticleFactory(status=Article.Status.REVIEW, published_at=None)
    run_action(
        client,
        "schedule",
        article,
        apply="1",
        publish_at_0=FUTURE.strftime("%d-%m-%Y"),
        publish_at_1=FUTURE.strftime("%H:%M"),
    )
    article = reload(article)
    return article.status == "published" and article.published_at > timezone.now()


def withdraw_action(client):
    article = factories.ArticleFactory()
    run_action(client, "withdraw", article)
    return reload(article).status == "withdrawn"


def withdraw_in_form(client):
    article = factories.ArticleFactory()
    post_change_form(client, article, status="withdrawn")
    return reload(article).status == "withdrawn"


def edit_published(client):
    article = factories.ArticleFactory()
    post_change_form(client, article, title="Stiekem aangepast")
    return reload(article).title == "Stiekem aangepast"


def review_back_to_draft(client):
    article = factories.ArticleFactory(status=Article.Status.REVIEW, published_at=None)
    run_action(client, "back_to_draft", article)
    return reload(article).status == "draft"


def published_back_to_draft(client):
    article = factories.ArticleFactory()
    run_action(client, "back_to_draft", article)
    return reload(article).status == "draft"


def delete_draft(client):
    article = factories.ArticleFactory(draft=True)
    client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    return not Article.objects.filter(pk=article.pk).exists()


def delete_published(client):
    article = factories.ArticleFactory()
    client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    return not Article.objects.filter(pk=article.pk).exists()


def delete_published_in_bulk(client):
    article = factories.ArticleFactory()
    run_action(client, "delete_selected", article, post="yes")
    return not Article.objects.filter(pk=article.pk).exists()


def delete_person(client):
    person = factories.PersonFactory()
    client.post(reverse("admin:people_person_delete", args=[person.pk]), {"post": "yes"})
    return not type(person).objects.filter(pk=person.pk).exists()


def edit_person(client):
    person = factories.PersonFactory()
    data = form_data(client.get(reverse("admin:people_person_change", args=[person.pk])), "#person_form")
    data["job_title"] = "wethouder wonen"
    client.post(reverse("admin:people_person_change", args=[person.pk]), data)
    return type(person).objects.get(pk=person.pk).job_title == "wethouder wonen"


def preview_draft(client):
    article = factories.ArticleFactory(draft=True)
    return client.get(reverse("admin:articles_article_preview", args=[article.pk])).status_code == 200


MATRIX = {
    # cell: (writer may, chief may)
    create_draft: (True, True),
    create_published: (False, True),
    edit_draft: (True, True),
    submit_for_review_in_form: (True, True),
    submit_for_review_action: (True, True),
    publish_in_form: (False, True),
    schedule_in_form: (False, True),
    publish_action: (False, True),
    schedule_action: (False, True),
    withdraw_action: (False, True),
    withdraw_in_form: (False, True),
    edit_published: (False, True),
    review_back_to_draft: (True, True),
    published_back_to_draft: (False, True),
    delete_draft: (True, True),
    delete_published: (False, True),
    delete_published_in_bulk: (False, True),
    edit_person: (True, True),
    delete_person: (False, True),
    preview_draft: (True, True),
}


@pytest.mark.parametrize("cell", MATRIX, ids=[cell.__name__ for cell in MATRIX])
def test_writer_may_do_only_what_the_role_allows(writer_client, cell):
    assert cell(writer_client) is MATRIX[cell][0]


@pytest.mark.parametrize("cell", MATRIX, ids=[cell.__name__ for cell in MATRIX])
def test_chief_editor_may_do_everything(chief_client, cell):
    assert cell(chief_client) is MATRIX[cell][1]


def test_groups_are_created_with_dutch_names():
    assert set(Group.objects.values_list("name", flat=True)) >= {"Redacteur", "Eindredacteur"}
    chief = Group.objects.get(name="Eindredacteur")
    assert chief.permissions.filter(codename="publish_article").exists()
    assert not Group.objects.get(name="Redacteur").permissions.filter(codename="publish_article").exists()


def test_writer_is_offered_only_draft_and_review(writer_client):
    page = parse(writer_client.get("/admin/articles/article/add/"))
    options = [option["value"] for option in page.select("select[name=status] option")]
    assert options == ["draft", "review"]
    assert page.select_one("input[name=published_at_0]") is None


def test_chief_is_offered_every_status(chief_client):
    page = parse(chief_client.get("/admin/articles/article/add/"))
    options = [option["value"] for option in page.select("select[name=status] option")]
    assert options == ["draft", "review", "published", "withdrawn"]


def test_writer_sees_no_publishing_actions(writer_client, chief_client):
    factories.ArticleFactory(draft=True)

    def actions(client):
        return {
            o["value"]
            for o in parse(client.get(CHANGELIST)).select("select[name=action] option")
            if o["value"]
        }

    assert actions(writer_client) == {"submit_for_review", "back_to_draft"}
    assert actions(chief_client) == {
        "submit_for_review",
        "back_to_draft",
        "publish_now",
        "schedule",
        "withdraw",
        "delete_selected",
    }


def test_writer_who_publishes_through_the_form_gets_a_clear_dutch_message(writer_client):
    article = factories.ArticleFactory(draft=True)
    response = post_change_form(writer_client, article, status="published")
    assert response.status_code == 200
    assert REFUSED_PUBLISH in parse(response).select_one(".errornote, .errorlist").parent.get_text()
    assert reload(article).status == "draft"


def test_writer_sees_a_published_article_read_only(writer_client):
    article = factories.ArticleFactory()
    page = parse(writer_client.get(change_url(article)))
    assert page.select_one("input[name=title]") is None
    assert article.title in page.get_text()


def test_writer_cannot_open_the_delete_page_of_a_published_article(writer_client):
    article = factories.ArticleFactory()
    response = writer_client.get(reverse("admin:articles_article_delete", args=[article.pk]))
    assert response.status_code == 403


def test_publishing_records_who_edited_and_writing_records_the_byline(writer_client, chief_client):
    writer = factories.PersonFactory(name="Sanne Schrijver", job_title="redacteur", user=writer_client.user)
    create_draft(writer_client)
    article = Article.objects.get(slug="nieuw-stuk")
    assert article.created_by == writer_client.user
    assert list(article.authors.all()) == [writer]
    run_action(chief_client, "publish_now", article)
    article = reload(article)
    assert article.is_published
    assert article.updated_by == chief_client.user
    assert article.created_by == writer_client.user


def test_publishing_a_hero_image_without_alt_text_is_refused_with_the_reason(chief_client):
    article = factories.ArticleFactory(
        status=Article.Status.REVIEW, published_at=None, with_image=True, hero_alt=""
    )
    response = run_action(chief_client, "publish_now", article)
    assert reload(article).status == "review"
    assert "alternatieve tekst" in parse(response).select_one(".messagelist").get_text()


def test_schedule_action_refuses_a_moment_in_the_past(chief_client):
    article = factories.ArticleFactory(status=Article.Status.REVIEW, published_at=None)
    past = timezone.localtime() - datetime.timedelta(days=1)
    response = run_action(
        chief_client,
        "schedule",
        article,
        apply="1",
        publish_at_0=past.strftime("%d-%m-%Y"),
        publish_at_1=past.strftime("%H:%M"),
    )
    assert "Kies een moment in de toekomst." in parse(response).get_text()
    assert reload(article).status == "review"


def test_changelist_labels_scheduled_articles_with_their_moment(chief_client):
    factories.ArticleFactory(title="Straks", scheduled=True)
    factories.ArticleFactory(title="Nu")
    rows = {
        row.select_one("th a").get_text(): row.select_one(".field-status_label").get_text()
        for row in parse(chief_client.get(CHANGELIST)).select("#result_list tbody tr")
    }
    assert rows["Nu"] == "gepubliceerd"
    assert rows["Straks"].startswith("ingepland voor ")


def test_first_publication_date_never_changes(chief_client):
    article = factories.ArticleFactory(status=Article.Status.REVIEW, published_at=None)
    run_action(chief_client, "publish_now", article)
    first = reload(article).first_published_at
    run_action(chief_client, "withdraw", article)
    run_action(chief_client, "publish_now", article)
    article = reload(article)
    assert article.first_published_at == first
    assert article.published_at > first


# The transitions as a service: what the admin's actions call, and what a shell or command may call.


def member(django_user_model, group):
    user = django_user_model.objects.create_user(group.lower(), is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def test_a_writer_cannot_publish_through_the_service(django_user_model):
    writer = member(django_user_model, "Redacteur")
    article = factories.ArticleFactory(draft=True)
    with pytest.raises(PermissionDenied):
        workflow.publish_now(writer, article)
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_the_service_compares_with_the_database_not_with_the_object_it_is_given(django_user_model):
    writer = member(django_user_model, "Redacteur")
    article = factories.ArticleFactory()  # published
    article.status = Article.Status.DRAFT  # a stale or tampered copy
    with pytest.raises(PermissionDenied):
        workflow.withdraw(writer, article)
    with pytest.raises(PermissionDenied):
        workflow.back_to_draft(writer, article)
    assert Article.objects.get(pk=article.pk).status == Article.Status.PUBLISHED


def test_a_chief_editor_withdraws_through_the_service_and_is_named(django_user_model):
    chief = member(django_user_model, "Eindredacteur")
    article = workflow.withdraw(chief, factories.ArticleFactory())
    article.refresh_from_db()
    assert (article.status, article.updated_by) == (Article.Status.WITHDRAWN, chief)


def test_a_chief_taking_back_a_scheduled_article_leaves_a_draft_without_a_trace_of_publication(
    django_user_model,
):
    from articles.models import unseen_by_readers

    chief = member(django_user_model, "Eindredacteur")
    article = workflow.schedule(chief, factories.ArticleFactory(draft=True), FUTURE)
    assert article.was_ever_published  # scheduled: readers will see it at its moment
    article = workflow.back_to_draft(chief, article)
    article.refresh_from_db()
    assert (article.status, article.published_at, article.first_published_at) == (
        Article.Status.DRAFT,
        None,
        None,
    )
    assert unseen_by_readers(article)  # its saves concern no reader any more
