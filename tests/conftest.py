import pytest
from django.core.management import call_command

from tests import factories


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Keep uploads of every test in a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))


@pytest.fixture
def article(db):
    return factories.ArticleFactory()
