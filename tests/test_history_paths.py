"""Every history path (list, view, revert, recover list, recover, compare) with every role, and the holes
found in them: a revert or recover acts on the one object the editor chose, through the workflow."""

import pytest
from django.test import Client
from reversion.models import Version
from taggit.models import Tag, TaggedItem

from articles.models import Article, TaggedArticle
from people.models import Person
from tests import factories
from tests.test_revisions import admin_url, change_article, create_article, submit, versions

pytestmark = pytest.mark.django_db


def version_of_link(article, revision):
    """Return a version of one of ``article``'s tag links in ``revision``."""
    links = Version.objects.get_for_model(TaggedArticle).filter(revision=revision)
    return next(v for v in links if v._object_version.object.content_object_id == article.pk)


def run_action(client, action, *articles):
    response = client.post(
        admin_url(Article, "changelist"),
        {"action": action, "_selected_action": [article.pk for article in articles]},
    )
    assert response.status_code == 302


@pytest.fixture
def withdrawn_with_tags(chief_client):
    """A published article with tags, then withdrawn by a chief editor: its first revision held the
    article as published, with its tag links."""
    article = create_article(chief_client, tags="wonen, veiligheid")
    run_action(chief_client, "withdraw", article)
    article.refresh_from_db()
    assert article.status == Article.Status.WITHDRAWN
    return article


@pytest.mark.parametrize("role", ["writer_client", "chief_client"])
def test_recover_through_a_tag_link_version_republishes_nothing(request, role, withdrawn_with_tags):
    client = request.getfixturevalue(role)
    published_revision = versions(withdrawn_with_tags)[0].revision
    link = version_of_link(withdrawn_with_tags, published_revision)
    url = admin_url(Article, "recover", link.pk)
    assert client.get(url).status_code == 404
    response = client.post(url, {"title": "x", "slug": withdrawn_with_tags.slug, "status": "published"})
    assert response.status_code == 404
    article = Article.objects.get(pk=withdrawn_with_tags.pk)
    assert article.status == Article.Status.WITHDRAWN


def test_revision_view_refuses_a_version_of_another_model_with_the_same_id(admin_client):
    response = submit(admin_client, admin_url(Person, "add"), "#person_form", name="Jan", slug="jan")
    assert response.status_code == 302
    person = Person.objects.get(slug="jan")
    article = factories.ArticleFactory(pk=person.pk)
    [person_version] = Version.objects.get_for_object(person)
    url = admin_url(Article, "revision", article.pk, person_version.pk)
    assert admin_client.get(url).status_code == 404
    assert admin_client.post(url, {"name": "Piet"}).status_code == 404
    assert Person.objects.get(pk=person.pk).name == "Jan"


def test_reverting_one_article_leaves_the_other_of_the_same_revision_alone(chief_client):
    first = create_article(chief_client, title="Een", slug="een", status="draft")
    second = create_article(chief_client, title="Twee", slug="twee", status="draft")
    run_action(chief_client, "publish_now", first, second)
    published_body = Article.objects.get(pk=first.pk).body
    [shared] = {v.revision_id for v in versions(first)[-1:]} & {v.revision_id for v in versions(second)[-1:]}
    change_article(chief_client, second, body="<p>Nieuwe tekst van twee.</p>")
    change_article(chief_client, first, body="<p>Nieuwe tekst van een.</p>")

    [target] = [v for v in versions(first) if v.revision_id == shared]
    assert (
        submit(chief_client, admin_url(Article, "revision", first.pk, target.pk), "#article_form").status_code
        == 302
    )
    assert Article.objects.get(pk=first.pk).body == published_body
    assert Article.objects.get(pk=second.pk).body == "<p>Nieuwe tekst van twee.</p>"


def test_reverting_an_article_restores_its_tags_and_drops_those_added_since(chief_client):
    article = create_article(chief_client, tags="wonen")
    article = change_article(chief_client, article, tags="wonen, veiligheid")
    first, _second = versions(article)
    assert (
        submit(
            chief_client, admin_url(Article, "revision", article.pk, first.pk), "#article_form"
        ).status_code
        == 302
    )
    assert sorted(Article.objects.get(pk=article.pk).tags.names()) == ["wonen"]


def test_a_revert_is_a_new_revision_with_the_editors_name(chief_client):
    article = create_article(chief_client)
    change_article(chief_client, article, title="Tweede titel")
    first, _second = versions(article)
    submit(chief_client, admin_url(Article, "revision", article.pk, first.pk), "#article_form")
    *_, newest = versions(article)
    assert newest.revision.user.username == "chef"
    assert Article.objects.get(pk=article.pk).updated_by.username == "chef"


def test_recovering_a_deleted_person_whose_tag_was_deleted_since(admin_client):
    response = submit(
        admin_client,
        admin_url(Person, "add"),
        "#person_form",
        name="Anouk Crapts",
        slug="anouk-crapts",
        tags="veiligheid, maastricht",
    )
    assert response.status_code == 302
    person = Person.objects.get(slug="anouk-crapts")
    admin_client.post(admin_url(Person, "delete", person.pk), {"post": "yes"})
    Tag.objects.filter(name="maastricht").delete()
    [deleted] = Version.objects.get_deleted(Person)
    response = submit(admin_client, admin_url(Person, "recover", deleted.pk), "#person_form")
    assert response.status_code == 302
    assert list(Person.objects.get(slug="anouk-crapts").tags.names()) == ["veiligheid"]
    assert TaggedItem.objects.count() == 1


# Each role on each history path of a published article.


@pytest.fixture
def nobody_client(db, django_user_model):
    """Staff without an editorial group: may log in to the admin, may do nothing there."""
    user = django_user_model.objects.create_user("gast", "gast@example.org", "wachtwoord-123", is_staff=True)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def history_paths(chief_client):
    """The history addresses of a published article changed once and of a deleted one."""
    article = create_article(chief_client)
    change_article(chief_client, article, title="Tweede titel")
    first, second = versions(article)
    gone = create_article(chief_client, slug="weg", title="Weg")
    chief_client.post(admin_url(Article, "delete", gone.pk), {"post": "yes"})
    [deleted] = Version.objects.get_deleted(Article)
    return article, {
        "history": admin_url(Article, "history", article.pk),
        "revision": admin_url(Article, "revision", article.pk, first.pk),
        "recoverlist": admin_url(Article, "recoverlist"),
        "recover": admin_url(Article, "recover", deleted.pk),
        "compare": admin_url(Article, "history", article.pk)
        + f"compare/?version_id1={first.pk}&version_id2={second.pk}",
    }


EXPECTED_GET = {
    # role: status of history, revision, recoverlist, recover, compare
    "client": {"history": 302, "revision": 302, "recoverlist": 302, "recover": 302, "compare": 302},
    "nobody_client": {"history": 403, "revision": 403, "recoverlist": 403, "recover": 403, "compare": 403},
    "writer_client": {"history": 200, "revision": 403, "recoverlist": 200, "recover": 403, "compare": 200},
    "chief_client": {"history": 200, "revision": 200, "recoverlist": 200, "recover": 200, "compare": 200},
}


@pytest.mark.parametrize("role", EXPECTED_GET)
def test_each_role_sees_the_history_paths_it_may(request, role, history_paths):
    _article, paths = history_paths
    client = request.getfixturevalue(role)
    got = {name: client.get(url).status_code for name, url in paths.items()}
    assert got == EXPECTED_GET[role]


@pytest.mark.parametrize("role", ["client", "nobody_client", "writer_client"])
def test_only_a_chief_editor_reverts_or_recovers_published_work(request, role, history_paths):
    article, paths = history_paths
    client = request.getfixturevalue(role)
    data = {"title": "Eerste titel", "slug": article.slug, "status": "published", "kind": "interview"}
    assert client.post(paths["revision"], data).status_code in (302, 403)
    assert client.post(paths["recover"], {**data, "slug": "weg", "title": "Weg"}).status_code in (302, 403)
    assert Article.objects.get(pk=article.pk).title == "Tweede titel"
    assert not Article.objects.filter(slug="weg").exists()


def test_staff_without_a_group_is_refused_not_redirected(nobody_client, history_paths):
    _article, paths = history_paths
    assert nobody_client.post(paths["revision"], {}).status_code == 403


def test_a_writer_may_recover_a_deleted_draft(writer_client, chief_client):
    draft = create_article(writer_client, status="draft", slug="concept", title="Concept")
    chief_client.post(admin_url(Article, "delete", draft.pk), {"post": "yes"})
    [deleted] = Version.objects.get_deleted(Article)
    assert (
        submit(writer_client, admin_url(Article, "recover", deleted.pk), "#article_form").status_code == 302
    )
    assert Article.objects.get(slug="concept").status == Article.Status.DRAFT


def test_chief_reverting_a_withdrawn_article_to_its_published_version_republishes_it(
    chief_client, withdrawn_with_tags
):
    first = versions(withdrawn_with_tags)[0]
    response = submit(
        chief_client, admin_url(Article, "revision", withdrawn_with_tags.pk, first.pk), "#article_form"
    )
    assert response.status_code == 302
    assert Article.objects.get(pk=withdrawn_with_tags.pk).status == Article.Status.PUBLISHED


def test_writer_cannot_take_back_a_withdrawn_article_through_its_history(writer_client, withdrawn_with_tags):
    first = versions(withdrawn_with_tags)[0]
    url = admin_url(Article, "revision", withdrawn_with_tags.pk, first.pk)
    assert (
        writer_client.post(
            url, {"title": "x", "slug": withdrawn_with_tags.slug, "status": "published"}
        ).status_code
        == 403
    )
    assert Article.objects.get(pk=withdrawn_with_tags.pk).status == Article.Status.WITHDRAWN


def test_recovering_an_article_whose_slug_was_taken_since_gives_it_another(chief_client):
    gone = create_article(chief_client, slug="weg", title="Weg")
    chief_client.post(admin_url(Article, "delete", gone.pk), {"post": "yes"})
    factories.ArticleFactory(slug="weg", title="Nieuw")
    [deleted] = Version.objects.get_deleted(Article)
    response = submit(chief_client, admin_url(Article, "recover", deleted.pk), "#article_form")
    assert response.status_code == 302
    assert Article.objects.get(pk=gone.pk).slug == "weg-2"
    assert Article.objects.get(slug="weg").title == "Nieuw"


def test_reverting_an_organisation_leaves_people_of_the_same_revision_alone(admin_client):
    import reversion

    from people.models import Organisation

    with reversion.create_revision():
        organisation = factories.OrganisationFactory(name="Gemeente Maastricht")
        person = factories.PersonFactory(name="Anouk Crapts", organisation=organisation)
    person.name = "Anouk Crapts-Jansen"
    person.save()
    [version] = Version.objects.get_for_object(organisation)
    url = admin_url(Organisation, "revision", organisation.pk, version.pk)
    assert submit(admin_client, url, "#organisation_form").status_code == 302
    assert Person.objects.get(pk=person.pk).name == "Anouk Crapts-Jansen"


def test_reverting_after_a_tag_was_removed_and_added_again(chief_client):
    article = create_article(chief_client, tags="wonen, klimaat")
    article = change_article(chief_client, article, tags="wonen")
    article = change_article(chief_client, article, tags="wonen, klimaat", title="Derde")
    first, *_ = versions(article)
    url = admin_url(Article, "revision", article.pk, first.pk)
    assert chief_client.get(url).status_code == 200
    assert submit(chief_client, url, "#article_form").status_code == 302
    assert sorted(Article.objects.get(pk=article.pk).tags.names()) == ["klimaat", "wonen"]
