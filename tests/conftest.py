import io
import os
import shutil
from contextlib import contextmanager

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase, override_settings

from articles.models import Article
from ezine import pagecache
from tests import factories, servers
from tests.html import ARTIFACTS


@pytest.fixture(scope="module", autouse=True)
def shared_media_root(tmp_path_factory):
    """Keep the uploads of every test module in a temporary folder of its own: data shared by the tests
    of a module or class, built once, has its images there."""
    path = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=path):
        yield path


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run a change as if its transaction committed (tests run inside one that never does).

    Build what later committed changes are made to with it too: a change made outside it waits for a commit
    that never comes, and the touches of later changes join it (``core.transactions.on_commit_collect``).
    """

    def run(change, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return change(*args, **kwargs)

    return run


@pytest.fixture
def media_root(settings, tmp_path):
    """An empty uploads folder for this test alone, for tests that look at what was stored."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@contextmanager
def shared_by_module(django_db_blocker):
    """Rows made in this block are seen by every test that runs inside it, and rolled back at its end.

    For a module-, class- or session-scoped fixture; tests of its scope that do not ask for the fixture
    see the rows too once it is built, so keep the tests that share data in a class of their own.

    pytest-django runs each test in a savepoint within this transaction, so tests still never see each
    other's changes; building data once per module (as ``TestCase.setUpTestData`` does per class) instead
    of once per test is most of what keeps the suite fast.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def empty_cache():
    """Start every test with an empty cache (imagekit keeps there which renditions exist) and no near copies
    of pages (``ezine.pagecache.near``)."""
    cache.clear()
    pagecache.near.clear()
    yield
    cache.clear()
    pagecache.near.clear()


def redis_test_url():
    """Return the Redis database of this test process (one per xdist worker: tests clear it), or skip the
    test when Redis is not running (fail with ``EZINE_REQUIRE_REDIS``)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    return servers.redis_url(15 - int(worker) % 12)


@pytest.fixture
def redis_cache(settings):
    """The default cache on Redis, as in production, empty before and after the test."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "ezine.cache.RedisCache", "LOCATION": redis_test_url(), "KEY_PREFIX": "test"},
    }
    cache.clear()
    pagecache.near.clear()
    yield cache
    cache.clear()
    pagecache.near.clear()


@pytest.fixture(params=["memory", "redis"])
def page_cache_on(request, settings):
    """The page cache on, over the local-memory cache of development and over Redis, as in production
    (``ezine.pagecache.RedisStore``, its own scripts)."""
    if request.param == "redis":
        request.getfixturevalue("redis_cache")
    settings.EZINE_PAGE_CACHE_SECONDS = 600
    settings.EZINE_FRAGMENT_CACHE_SECONDS = 3600


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    """Tests see every page rendered; tests/test_page_cache.py turns the page cache on (with fragments)."""
    settings.EZINE_PAGE_CACHE_SECONDS = 0
    settings.EZINE_FRAGMENT_CACHE_SECONDS = 0


@pytest.fixture(scope="session", autouse=True)
def fast_password_hasher():
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker, shared_media_root):
    """The demo content, loaded once for the tests of a class that ask for it (once per test outside one)."""
    with shared_by_module(django_db_blocker):
        call_command("load_demo", stdout=io.StringIO())
        yield


@pytest.fixture
def vnu():
    """The command that runs the Nu HTML Checker (vnu-jar from npm, with Java)."""
    java, jar = (
        shutil.which("java"),
        ARTIFACTS.parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar",
    )
    if not (java and jar.exists()):
        message = "the HTML check needs java and node_modules/vnu-jar (run `make test` with npm installed)"
        if os.environ.get("EZINE_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return [java, "-jar", str(jar)]


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


@pytest.fixture(scope="class")
def scopes(django_db_setup, django_db_blocker, shared_media_root):
    """A published interview about every kind of scope, and a draft, a scheduled and a withdrawn one about
    them too, and a published news article about nothing in particular (built once per class)."""
    with shared_by_module(django_db_blocker):
        # Committed, as far as the caches can tell: a change left waiting for a commit would take up the
        # changes of the tests too (``core.transactions.on_commit_collect``), which then never count.
        with TestCase.captureOnCommitCallbacks(execute=True):
            scopes = build_scopes()
        yield scopes


def build_scopes():
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
        authors=[factories.PersonFactory(name="Eva de Vries", job_title="redacteur", organisation=None)],
        **relations,
    )
    factories.ArticleFactory(title="Concept", draft=True, **relations)
    factories.ArticleFactory(title="Ingepland", scheduled=True, **relations)
    factories.ArticleFactory(title="Teruggetrokken", status=Article.Status.WITHDRAWN, **relations)
    factories.ArticleFactory(title="Over iets anders", kind=Article.Kind.NEWS)
    return {"person": person, "organisation": organisation, "partnership": partnership, "city_deal": deal}
