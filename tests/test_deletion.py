import pytest
from django.db.models import ProtectedError
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article
from tests import factories
from tests.html import parse

pytestmark = pytest.mark.django_db


def test_deleting_an_organisation_keeps_its_articles_and_people():
    organisation = factories.OrganisationFactory()
    person = factories.PersonFactory(organisation=organisation)
    article = factories.ArticleFactory(organisations=[organisation], people=[person])

    organisation.delete()

    article.refresh_from_db()
    person.refresh_from_db()
    assert person.organisation is None
    assert list(article.people.all()) == [person]
    assert not article.organisations.exists()
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_deleting_a_person_keeps_their_articles():
    person = factories.PersonFactory()
    article = factories.ArticleFactory(people=[person])
    person.delete()
    assert Article.objects.filter(pk=article.pk).exists()
    assert not article.people.exists()


def test_deleting_a_tag_keeps_its_articles():
    article = factories.ArticleFactory(tags=["wonen"])
    Tag.objects.get(name="wonen").delete()
    assert Article.objects.filter(pk=article.pk).exists()


@pytest.mark.parametrize(
    "factory,field", [(factories.PartnershipFactory, "partnership"), (factories.CityDealFactory, "city_deal")]
)
def test_deleting_a_partnership_or_deal_with_articles_is_refused(factory, field):
    scope = factory()
    article = factories.ArticleFactory(**{field: scope})
    with pytest.raises(ProtectedError):
        scope.delete()
    article.refresh_from_db()
    assert getattr(article, field) == scope


@pytest.mark.parametrize(
    "factory,field", [(factories.PartnershipFactory, "partnership"), (factories.CityDealFactory, "city_deal")]
)
def test_admin_explains_in_dutch_why_a_linked_deal_cannot_be_deleted(admin_client, factory, field):
    scope = factory()
    factories.ArticleFactory(title="Het artikel erover", **{field: scope})
    url = reverse(f"admin:people_{scope._meta.model_name}_delete", args=[scope.pk])

    page = parse(admin_client.get(url))
    assert "kan niet worden verwijderd" in page.title.get_text()
    assert "Artikel: Het artikel erover" in page.select_one("#content").get_text(" ", strip=True)

    admin_client.post(url, {"post": "yes"})
    assert type(scope).objects.filter(pk=scope.pk).exists()


def test_unlinked_partnership_can_be_deleted(admin_client):
    partnership = factories.PartnershipFactory()
    url = reverse("admin:people_partnership_delete", args=[partnership.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not type(partnership).objects.exists()
