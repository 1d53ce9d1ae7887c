"""The admin login resists password guessing: five wrong passwords lock that user out from that address."""

import pytest
from django.test import Client

from tests.html import parse

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        "redacteur", "r@example.org", "juist-wachtwoord-1", is_staff=True
    )


def attempt(client, password, address="203.0.113.5", forwarded_for=None):
    headers = {"REMOTE_ADDR": address}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.post(LOGIN, {"username": "redacteur", "password": password, "next": "/admin/"}, **headers)


def test_wrong_passwords_lock_the_account_with_a_dutch_message(editor, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "fout").status_code == 200
    locked = attempt(client, "fout")
    assert locked.status_code == 429
    assert "Te veel inlogpogingen" in parse(locked).h1.get_text()
    # Even the right password is refused while locked.
    assert attempt(client, "juist-wachtwoord-1").status_code == 429


def test_lockout_is_per_address_so_colleagues_elsewhere_can_still_log_in(editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(Client(), "fout", address="203.0.113.5")
    response = attempt(Client(), "juist-wachtwoord-1", address="198.51.100.7")
    assert response.status_code == 302
    assert response.url == "/admin/"


def test_a_successful_login_resets_the_count(editor, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "fout")
    assert attempt(client, "juist-wachtwoord-1").status_code == 302
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(Client(), "fout").status_code == 200


PROXY = "10.0.0.2"  # every request reaches the app from the proxy in front


def test_behind_a_proxy_an_attacker_cannot_lock_an_editor_out_for_everyone(editor, settings):
    settings.EZINE_TRUSTED_PROXIES = 1
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(Client(), "fout", address=PROXY, forwarded_for="203.0.113.5")
    assert (
        attempt(Client(), "juist-wachtwoord-1", address=PROXY, forwarded_for="203.0.113.5").status_code == 429
    )
    response = attempt(Client(), "juist-wachtwoord-1", address=PROXY, forwarded_for="198.51.100.7")
    assert response.status_code == 302


def test_behind_a_proxy_a_forged_forwarded_for_does_not_escape_the_lockout(editor, settings):
    settings.EZINE_TRUSTED_PROXIES = 1
    for number in range(settings.AXES_FAILURE_LIMIT + 2):
        # The client writes its own header; the proxy appends the address it really came from.
        forged = f"192.0.2.{number}, 203.0.113.5"
        response = attempt(Client(), "fout", address=PROXY, forwarded_for=forged)
    assert response.status_code == 429


def test_without_a_trusted_proxy_the_forwarded_for_header_is_ignored(editor, settings):
    settings.EZINE_TRUSTED_PROXIES = 0
    for number in range(settings.AXES_FAILURE_LIMIT):
        attempt(Client(), "fout", address="203.0.113.5", forwarded_for=f"192.0.2.{number}")
    assert attempt(Client(), "juist-wachtwoord-1", address="203.0.113.5").status_code == 429
