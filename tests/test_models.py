import pytest
from taggit.models import Tag

from articles.models import Article
from people.models import Organisation
from tests import factories

pytestmark = pytest.mark.django_db


def test_each_model_names_itself_and_links_to_its_page():
    organisation = factories.OrganisationFactory(name="Gemeente Maastricht")
    person = factories.PersonFactory(name="Manon Reckin", organisation=organisation)
    partnership = factories.PartnershipFactory(name="Partnerschap Betaalbare Huisvesting")
    deal = factories.CityDealFactory(name="City Deal Zorg voor Veiligheid in de Stad")
    article = factories.ArticleFactory(title="‘Veiligheid en leefbaarheid terug in de wijk’")

    assert str(organisation) == "Gemeente Maastricht"
    assert organisation.get_absolute_url() == "/organisaties/gemeente-maastricht/"
    assert str(person) == "Manon Reckin"
    assert person.get_absolute_url() == "/personen/manon-reckin/"
    assert str(partnership) == "Partnerschap Betaalbare Huisvesting"
    assert partnership.get_absolute_url() == "/partnerschappen/partnerschap-betaalbare-huisvesting/"
    assert str(deal) == "City Deal Zorg voor Veiligheid in de Stad"
    assert deal.get_absolute_url() == "/city-deals/city-deal-zorg-voor-veiligheid-in-de-stad/"
    assert str(article) == "‘Veiligheid en leefbaarheid terug in de wijk’"
    assert article.get_absolute_url() == "/artikelen/veiligheid-en-leefbaarheid-terug-in-de-wijk/"


def test_slug_is_made_unique_when_names_repeat():
    first = factories.OrganisationFactory(name="Aedes")
    second = factories.OrganisationFactory(name="Aedes")
    third = factories.OrganisationFactory(name="Aedes")
    assert [first.slug, second.slug, third.slug] == ["aedes", "aedes-2", "aedes-3"]


def test_slug_of_a_name_without_letters_falls_back_to_the_model_name():
    assert factories.OrganisationFactory(name="—").slug == "organisation"


def test_article_links_people_organisations_partnership_deal_tags_and_related_articles():
    organisation = factories.OrganisationFactory()
    person = factories.PersonFactory(organisation=organisation)
    partnership = factories.PartnershipFactory()
    deal = factories.CityDealFactory()
    other = factories.ArticleFactory()
    article = factories.ArticleFactory(
        partnership=partnership,
        city_deal=deal,
        people=[person],
        organisations=[organisation],
        tags=["wonen", "Europa"],
    )
    article.related.add(other)

    assert list(person.articles.all()) == [article]
    assert list(organisation.articles.all()) == [article]
    assert list(organisation.people.all()) == [person]
    assert list(partnership.articles.all()) == [article]
    assert list(deal.articles.all()) == [article]
    assert sorted(article.tags.names()) == ["Europa", "wonen"]
    assert list(other.related.all()) == [article], "related articles are related both ways"


def test_tags_are_shared_between_articles_and_people():
    factories.ArticleFactory(tags=["wonen"])
    factories.PersonFactory().tags.add("wonen")
    assert Tag.objects.filter(name="wonen").count() == 1


def test_tag_slug_drops_diacritics():
    factories.ArticleFactory(tags=["reünie"])
    assert Tag.objects.get(name="reünie").slug == "reunie"


def test_publishing_without_a_date_sets_it_to_now():
    article = factories.ArticleFactory(status=Article.Status.PUBLISHED, published_at=None)
    assert article.published_at is not None
    assert article.is_published


def test_city_deal_groups_partners_as_cities_ministries_and_others():
    deal = factories.CityDealFactory()
    city = factories.OrganisationFactory(name="Gemeente Maastricht", kind=Organisation.Kind.MUNICIPALITY)
    ministry = factories.OrganisationFactory(name="Ministerie van BZK", kind=Organisation.Kind.MINISTRY)
    other = factories.OrganisationFactory(name="Aedes", kind=Organisation.Kind.HOUSING_ASSOCIATION)
    factories.take_part(deal, city, ministry, other)

    groups = [(str(label), [org.name for org in orgs]) for label, orgs in deal.participant_groups()]

    assert groups == [
        ("Steden", ["Gemeente Maastricht"]),
        ("Departementen", ["Ministerie van BZK"]),
        ("Overige partners", ["Aedes"]),
    ]


def test_attachment_size_is_none_when_the_file_is_missing():
    article = factories.ArticleFactory(attachment="attachments/2017/verdwenen.pdf")
    assert article.attachment_size is None
    assert article.attachment_extension == "PDF"
    assert article.attachment_filename == "verdwenen.pdf"
