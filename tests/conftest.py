import pytest
from django.core.cache import cache
from django.core.management import call_command

from articles.models import Article
from tests import factories


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Keep uploads of every test in a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def empty_cache():
    """Start every test with an empty cache: imagekit keeps there which renditions exist."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    """Tests see every page rendered; tests/test_page_cache.py turns the page cache on."""
    settings.EZINE_PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))


@pytest.fixture
def article(db):
    return factories.ArticleFactory()


def staff_client(django_user_model, username, group):
    from django.contrib.auth.models import Group
    from django.test import Client

    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "wachtwoord-123", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def writer_client(db, django_user_model):
    """A logged-in writer: group “Redacteur”, created by the editorial groups migration."""
    return staff_client(django_user_model, "schrijver", "Redacteur")


@pytest.fixture
def chief_client(db, django_user_model):
    """A logged-in chief editor: group “Eindredacteur”."""
    return staff_client(django_user_model, "chef", "Eindredacteur")


BODY = (
    '<p>Lees <a href="/artikelen/eerder/">het eerdere stuk</a> en <a href="#vraag">de vraag</a>.</p>'
    '<p><a href="https://www.agendastad.nl/">Agenda Stad</a></p>'
)


@pytest.fixture
def scopes():
    """A published interview about every kind of scope, and a draft, a scheduled and a withdrawn one about
    them too, and a published news article about nothing in particular."""
    organisation = factories.OrganisationFactory(name="Gemeente Maastricht")
    person = factories.PersonFactory(name="Manon Reckin", organisation=organisation)
    partnership = factories.PartnershipFactory(name="Partnerschap Betaalbare Huisvesting")
    deal = factories.CityDealFactory(name="City Deal Zorg voor Veiligheid in de Stad")
    relations = {
        "people": [person],
        "organisations": [organisation],
        "partnership": partnership,
        "city_deal": deal,
        "tags": ["veiligheid", "wonen"],
    }
    factories.ArticleFactory(
        title="Zichtbaar stuk",
        slug="zichtbaar-stuk",
        lead="Een inleiding & meer.",
        body=BODY,
        with_image=True,
        authors=[factories.UserFactory(first_name="Eva", last_name="de Vries")],
        **relations,
    )
    factories.ArticleFactory(title="Concept", draft=True, **relations)
    factories.ArticleFactory(title="Ingepland", scheduled=True, **relations)
    factories.ArticleFactory(title="Teruggetrokken", status=Article.Status.WITHDRAWN, **relations)
    factories.ArticleFactory(title="Over iets anders", kind=Article.Kind.NEWS)
    return {"person": person, "organisation": organisation, "partnership": partnership, "city_deal": deal}
