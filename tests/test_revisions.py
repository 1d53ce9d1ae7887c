"""Revisions (django-reversion): every admin save is kept; editors list, compare, revert and recover them."""

import pytest
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from people.models import Person
from tests import factories
from tests.html import form_data, parse

pytestmark = pytest.mark.django_db


def admin_url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


def versions(obj):
    """Return the versions of ``obj``, oldest first."""
    return list(Version.objects.get_for_object(obj).select_related("revision__user").order_by("pk"))


def submit(client, url, form_selector, **changes):
    """Open the admin form at ``url``, change fields as an editor would, submit it; return the response."""
    data = form_data(client.get(url), form_selector)
    data.update(changes)
    return client.post(url, data)


def create_article(client, **fields):
    fields = {"title": "Eerste titel", "slug": "wijkaanpak", "status": "published", **fields}
    response = submit(client, admin_url(Article, "add"), "#article_form", **fields)
    assert response.status_code == 302, parse(response).select(".errorlist")
    return Article.objects.get(slug=fields["slug"])


def change_article(client, article, **changes):
    response = submit(client, admin_url(Article, "change", article.pk), "#article_form", **changes)
    assert response.status_code == 302, parse(response).select(".errorlist")
    return Article.objects.get(pk=article.pk)


def history_rows(client, model, obj):
    page = parse(client.get(admin_url(model, "history", obj.pk)))
    return [
        {
            "href": row.select_one("th a")["href"],
            "cells": [cell.get_text(strip=True) for cell in row.select("td")],
        }
        for row in page.select("#change-history tbody tr")
    ]


# Saving keeps a revision.


def test_adding_and_changing_an_article_in_the_admin_keeps_revisions_with_user_and_comment(
    admin_client, admin_user
):
    article = create_article(admin_client)
    [added] = versions(article)
    assert added.revision.user == admin_user
    assert added.revision.comment == "Toegevoegd."
    assert added.field_dict["title"] == "Eerste titel"

    change_article(admin_client, article, title="Tweede titel")
    added_again, changed = versions(article)
    assert added_again == added
    assert changed.revision.user == admin_user
    assert changed.revision.comment.endswith(" gewijzigd.")
    assert changed.field_dict["title"] == "Tweede titel"


def test_adding_and_changing_a_person_in_the_admin_keeps_revisions_with_user_and_comment(
    admin_client, admin_user
):
    response = submit(
        admin_client, admin_url(Person, "add"), "#person_form", name="Manon Reckin", slug="manon-reckin"
    )
    assert response.status_code == 302
    person = Person.objects.get(slug="manon-reckin")
    url = admin_url(Person, "change", person.pk)
    assert submit(admin_client, url, "#person_form", job_title="projectleider").status_code == 302

    added, changed = versions(person)
    assert (added.revision.user, added.revision.comment) == (admin_user, "Toegevoegd.")
    assert changed.revision.user == admin_user
    assert changed.revision.comment.endswith(" gewijzigd.")
    assert (added.field_dict["job_title"], changed.field_dict["job_title"]) == ("", "projectleider")


def test_workflow_actions_are_kept_as_revisions_with_the_editors_name(chief_client):
    article = factories.ArticleFactory(status=Article.Status.REVIEW, published_at=None, hero_alt="")
    chief_client.post(
        admin_url(Article, "changelist"), {"action": "publish_now", "_selected_action": [article.pk]}
    )
    [published] = versions(article)
    assert published.revision.user == chief_client.user
    assert published.revision.comment == "Gepubliceerd"
    assert published.field_dict["status"] == Article.Status.PUBLISHED


# History and comparison.


def test_history_page_lists_revisions_newest_first_with_user_and_comment(admin_client):
    article = create_article(admin_client)
    change_article(admin_client, article, title="Tweede titel")
    change_article(admin_client, article, lead="Een nieuwe intro.")
    oldest, middle, newest = versions(article)

    rows = history_rows(admin_client, Article, article)
    assert [row["href"] for row in rows] == [
        admin_url(Article, "revision", article.pk, version.pk) for version in (newest, middle, oldest)
    ]
    assert [row["cells"][1:] for row in rows] == [
        ["admin", newest.revision.comment],
        ["admin", middle.revision.comment],
        ["admin", "Toegevoegd."],
    ]


def test_compare_view_shows_the_changed_title(admin_client):
    article = create_article(admin_client)
    change_article(admin_client, article, title="Tweede titel")
    older, newer = versions(article)

    history = parse(admin_client.get(admin_url(Article, "history", article.pk)))
    # The two newest revisions are preselected; the form sends them as version_id1 and version_id2.
    selected = {field["name"]: field["value"] for field in history.select("#change-history input[checked]")}
    assert selected == {"version_id1": str(older.pk), "version_id2": str(newer.pk)}

    response = admin_client.get(admin_url(Article, "compare", article.pk), selected)
    assert response.status_code == 200
    page = parse(response)
    sections = {heading.get_text(strip=True): heading for heading in page.select("#content-main h3")}
    assert "titel" in sections
    diff = sections["titel"].find_next_sibling("div", class_="module")
    assert [deleted.get_text() for deleted in diff.select("del")] == ["Eerste"]
    assert [inserted.get_text() for inserted in diff.select("ins")] == ["Tweede"]
    assert "lead" not in sections and "intro" not in sections


# Reverting.


def test_reverting_to_an_older_revision_restores_it_and_keeps_a_new_revision(admin_client, admin_user):
    article = create_article(admin_client, body="<p>Oude tekst.</p>")
    change_article(admin_client, article, title="Tweede titel", body="<p>Nieuwe tekst.</p>")
    first, second = versions(article)

    url = admin_url(Article, "revision", article.pk, first.pk)
    form = parse(admin_client.get(url))
    assert form.select_one("input[name=title]")["value"] == "Eerste titel"
    # Looking at an old revision changes nothing.
    assert Article.objects.get(pk=article.pk).title == "Tweede titel"

    response = submit(admin_client, url, "#article_form")
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.body) == ("Eerste titel", "<p>Oude tekst.</p>")
    *_, reverted = versions(article)
    assert reverted.pk not in (first.pk, second.pk)
    assert reverted.revision.user == admin_user
    assert reverted.revision.comment.startswith("Vorige versie van ")
    assert reverted.revision.comment.endswith(" is teruggeplaatst")
    assert reverted.field_dict["title"] == "Eerste titel"


def test_reverting_a_person_restores_the_old_job_title(admin_client):
    person = factories.PersonFactory(job_title="wethouder")
    url = admin_url(Person, "change", person.pk)
    submit(admin_client, url, "#person_form", job_title="burgemeester")
    submit(admin_client, url, "#person_form", job_title="gedeputeerde")
    first, _second = versions(person)
    response = submit(admin_client, admin_url(Person, "revision", person.pk, first.pk), "#person_form")
    assert response.status_code == 302
    assert Person.objects.get(pk=person.pk).job_title == "burgemeester"
    assert len(versions(person)) == 3


# Recovering deleted articles.


@pytest.fixture
def deleted_article(admin_client, admin_user):
    """An article made and changed in the admin, then deleted there; return what it was."""
    factories.PersonFactory(name="Ad de Beheerder", user=admin_user)
    person = factories.PersonFactory(name="Manon Reckin")
    organisation = factories.OrganisationFactory(name="Gemeente Maastricht")
    article = create_article(
        admin_client,
        lead="Maastricht pakt de wijken aan.",
        body='<h2 class="question">Wat doen jullie?</h2><p>We praten met de families.</p>',
        kind="interview",
        people=[person.pk],
        organisations=[organisation.pk],
        tags="veiligheid, wijkaanpak",
    )
    article = change_article(admin_client, article, title="Veiligheid terug in de wijk")
    before = Article.objects.get(pk=article.pk)
    response = admin_client.post(admin_url(Article, "delete", article.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()
    return before, person, organisation


def recover(client, article_pk):
    [deleted] = Version.objects.get_deleted(Article).filter(object_id=str(article_pk))
    page = parse(client.get(admin_url(Article, "recoverlist")))
    rows = [
        (row.select_one("th a")["href"], row.select_one("td").get_text(strip=True))
        for row in page.select("#change-history tbody tr")
    ]
    assert rows == [(admin_url(Article, "recover", deleted.pk), "Veiligheid terug in de wijk")]
    return submit(client, rows[0][0], "#article_form")


def test_deleted_article_is_recovered_from_the_recover_list_with_its_fields(
    admin_client, admin_user, deleted_article
):
    before, person, organisation = deleted_article
    response = recover(admin_client, before.pk)
    assert response.status_code == 302

    restored = Article.objects.get(pk=before.pk)
    fields = ("slug", "title", "kind", "lead", "body", "status", "hero_focus", "published_at")
    for field in (*fields, "first_published_at"):  # times to the microsecond (core/serializers.py)
        assert getattr(restored, field) == getattr(before, field), field
    assert list(restored.people.all()) == [person]
    assert list(restored.organisations.all()) == [organisation]
    assert list(restored.authors.all()) == [admin_user.person]
    assert restored.created_by == admin_user
    *_, recovered = versions(restored)
    assert recovered.revision.user == admin_user
    assert recovered.revision.comment.startswith("Vorige versie van ")


def test_recovered_article_keeps_its_tags(admin_client, deleted_article):
    before, _person, _organisation = deleted_article
    recover(admin_client, before.pk)
    assert sorted(Article.objects.get(pk=before.pk).tags.names()) == ["veiligheid", "wijkaanpak"]


def test_recovering_deleted_article_restores_it_on_the_public_site(admin_client, client, deleted_article):
    before, *_ = deleted_article
    assert client.get(before.get_absolute_url()).status_code == 404
    recover(admin_client, before.pk)
    page = parse(client.get(before.get_absolute_url()))
    assert page.select_one("h1.article__title").get_text() == "Veiligheid terug in de wijk"
    assert page.select_one(".article__body h2.question").get_text() == "Wat doen jullie?"


# Writers and published articles.


@pytest.fixture
def published_twice(chief_client):
    """A published article saved twice by a chief editor: "Eerste titel", then "Tweede titel"."""
    article = create_article(chief_client)
    return change_article(chief_client, article, title="Tweede titel")


def test_writer_cannot_revert_a_published_article_to_an_older_published_revision(
    writer_client, published_twice
):
    first, second = versions(published_twice)
    url = admin_url(Article, "revision", published_twice.pk, first.pk)
    page = parse(writer_client.get(url))
    assert page.select_one("input[name=title]") is None  # read-only for the writer

    response = writer_client.post(url, {"title": "Eerste titel", "status": "published"})
    assert response.status_code == 403
    article = Article.objects.get(pk=published_twice.pk)
    assert (article.title, article.status) == ("Tweede titel", Article.Status.PUBLISHED)
    assert versions(article) == [first, second]


def test_writer_cannot_revert_a_published_article_to_its_draft_revision(writer_client, chief_client):
    article = create_article(chief_client, status="draft")
    article = change_article(chief_client, article, title="Tweede titel", status="published")
    draft, published = versions(article)
    assert draft.field_dict["status"] == Article.Status.DRAFT

    url = admin_url(Article, "revision", article.pk, draft.pk)
    assert writer_client.get(url).status_code == 403
    response = writer_client.post(url, {"title": "Eerste titel", "status": "draft", "slug": article.slug})
    assert response.status_code == 403
    article = Article.objects.get(pk=article.pk)
    assert (article.title, article.status) == ("Tweede titel", Article.Status.PUBLISHED)
    assert article.first_published_at is not None
    assert versions(article) == [draft, published]


def test_writer_cannot_recover_a_deleted_published_article(writer_client, chief_client, published_twice):
    chief_client.post(admin_url(Article, "delete", published_twice.pk), {"post": "yes"})
    [deleted] = Version.objects.get_deleted(Article)
    url = admin_url(Article, "recover", deleted.pk)
    response = writer_client.post(url, {"title": "Tweede titel", "slug": "wijkaanpak", "status": "published"})
    assert response.status_code == 403
    assert not Article.objects.exists()


def test_writer_may_revert_a_draft_of_their_own(writer_client):
    article = create_article(writer_client, status="draft")
    change_article(writer_client, article, title="Tweede titel")
    first, _second = versions(article)
    url = admin_url(Article, "revision", article.pk, first.pk)
    assert submit(writer_client, url, "#article_form").status_code == 302
    assert Article.objects.get(pk=article.pk).title == "Eerste titel"
