"""Old addresses keep working: a renamed slug (of any kind of object, feeds included) answers 301 to the
new address in one hop; a freed slug can be taken over; nothing unpublished is revealed."""

import pytest
from django.urls import reverse
from taggit.models import Tag

from core.models import Redirect
from core.redirects import add_redirect
from tests import factories

pytestmark = pytest.mark.django_db

SCOPE_FACTORIES = {
    "person": factories.PersonFactory,
    "organisation": factories.OrganisationFactory,
    "partnership": factories.PartnershipFactory,
    "citydeal": factories.CityDealFactory,
}


def rename(obj, slug):
    obj.slug = slug
    obj.save()
    return obj


def assert_moved(client, old, new):
    response = client.get(old)
    assert response.status_code == 301, old
    assert response["Location"] == new
    assert client.get(new).status_code == 200


def test_renamed_article_answers_301_from_its_old_address(client):
    article = factories.ArticleFactory(slug="oude-titel")
    old = article.get_absolute_url()
    rename(article, "nieuwe-titel")
    assert_moved(client, old, "/artikelen/nieuwe-titel/")


@pytest.mark.parametrize("name", SCOPE_FACTORIES)
def test_renamed_scope_keeps_its_page_and_every_feed(client, name):
    scope = SCOPE_FACTORIES[name](slug="oud")
    factories.ArticleFactory(**({"people": [scope]} if name == "person" else {}))
    old = {url: reverse(f"people:{name}{url}", kwargs={"slug": "oud"}) for url in ("_detail", "_feed")}
    old_feeds = [
        reverse(f"people:{name}_feed{suffix}", kwargs={"slug": "oud"}) for suffix in ("_atom", "_json")
    ]
    rename(scope, "nieuw")
    assert_moved(client, old["_detail"], reverse(f"people:{name}_detail", kwargs={"slug": "nieuw"}))
    assert_moved(client, old["_feed"], reverse(f"people:{name}_feed", kwargs={"slug": "nieuw"}))
    for suffix, path in zip(("_atom", "_json"), old_feeds, strict=True):
        assert_moved(client, path, reverse(f"people:{name}_feed{suffix}", kwargs={"slug": "nieuw"}))


def test_renamed_tag_keeps_its_page_and_feed(client):
    factories.ArticleFactory(tags=["wonen"])
    tag = Tag.objects.get(name="wonen")
    rename(tag, "huisvesting")
    assert_moved(client, "/tags/wonen/", "/tags/huisvesting/")
    assert_moved(client, "/tags/wonen/feed/", "/tags/huisvesting/feed/")


def test_a_chain_of_renames_resolves_in_one_hop(client):
    person = factories.PersonFactory(slug="a")
    rename(person, "b")
    rename(person, "c")
    assert_moved(client, "/personen/a/", "/personen/c/")
    assert_moved(client, "/personen/b/", "/personen/c/")


def test_a_new_object_may_take_over_a_freed_slug(client):
    first = factories.PersonFactory(slug="jan", name="Jan de Eerste")
    rename(first, "jan-de-eerste")
    factories.PersonFactory(slug="jan", name="Jan de Tweede")
    response = client.get("/personen/jan/")
    assert response.status_code == 200
    assert "Jan de Tweede" in response.text


def test_back_at_an_old_slug_there_is_no_redirect_to_itself(client):
    person = factories.PersonFactory(slug="een")
    rename(person, "twee")
    rename(person, "een")
    assert client.get("/personen/een/").status_code == 200
    assert_moved(client, "/personen/twee/", "/personen/een/")
    assert not Redirect.objects.filter(old_path="/personen/een/").exists()


def test_the_query_string_goes_along(client):
    person = factories.PersonFactory(slug="oud")
    rename(person, "nieuw")
    response = client.get("/personen/oud/", {"page": "2"})
    assert response["Location"] == "/personen/nieuw/?page=2"


def test_renamed_draft_does_not_reveal_its_new_address(client):
    article = factories.ArticleFactory(slug="geheim-concept", draft=True)
    rename(article, "nog-geheimer")
    response = client.get("/artikelen/geheim-concept/")
    assert response.status_code == 404
    assert "nog-geheimer" not in response.text


def test_withdrawn_article_is_not_redirected_to(client):
    article = factories.ArticleFactory(slug="was-openbaar")
    rename(article, "andere-naam")
    article.status = article.Status.DRAFT
    article.save()
    assert client.get("/artikelen/was-openbaar/").status_code == 404


def test_deleting_the_object_forgets_its_redirects(client):
    person = factories.PersonFactory(slug="oud")
    rename(person, "nieuw")
    person.delete()
    assert not Redirect.objects.exists()
    assert client.get("/personen/oud/").status_code == 404


def test_an_address_below_a_redirect_that_leads_nowhere_stays_404(client):
    rename(factories.PersonFactory(slug="oud"), "nieuw")
    assert client.get("/personen/oud/bestaat-niet/").status_code == 404


def test_legacy_query_address_on_the_home_page_redirects(client):
    article = factories.ArticleFactory()
    add_redirect("/?p=123", target=article, source="wordpress")
    response = client.get("/", {"p": "123", "utm_source": "nieuwsbrief"})
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()
    assert client.get("/", {"p": "999"}).status_code == 200


def test_fixed_path_redirect(client):
    add_redirect("/over-ons/", new_path="/artikelen/")
    assert_moved(client, "/over-ons/", "/artikelen/")


def test_a_redirect_leads_to_an_object_or_a_path_not_both():
    with pytest.raises(ValueError):
        add_redirect("/x/", target=factories.PersonFactory(), new_path="/y/")
    with pytest.raises(ValueError):
        add_redirect("/x/")


def test_nul_in_an_unknown_address_is_a_404_not_a_500(client):
    assert client.get("/personen/%00/").status_code == 404
    assert client.get("/", {"p": "\x00"}).status_code in (200, 404)
