"""Every response carries the security headers; the policy allows no inline script and no other hosts."""

import pytest
from django.test import Client

from tests import factories
from tests.html import parse

pytestmark = pytest.mark.django_db

EXPECTED = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def policy(response):
    return dict(
        (directive.split()[0], directive.split()[1:])
        for directive in response["Content-Security-Policy"].split(";")
        if directive.strip()
    )


@pytest.mark.parametrize(
    "url", ["/", "/artikelen/", "/bestaat-niet/", "/feeds/rss/", "/robots.txt", "/admin/login/"]
)
def test_response_has_security_headers(url):
    response = Client().get(url)
    for header, value in EXPECTED.items():
        assert response[header] == value, (url, header)
    assert "camera=()" in response["Permissions-Policy"]
    csp = policy(response)
    assert csp["script-src"] == ["'self'"]
    assert csp["default-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert all("unsafe" not in value for values in csp.values() for value in values)


def test_admin_editor_import_map_is_allowed_by_its_hash_only(admin_client):
    response = admin_client.get("/admin/articles/article/add/")
    content = response.content.decode()
    assert '<script type="importmap">' in content
    hashes = [value for value in policy(response)["script-src"] if value.startswith("'sha256-")]
    assert len(hashes) == 1
    assert "'unsafe-inline'" not in policy(response)["script-src"]


def test_public_pages_render_no_inline_script():
    article = factories.ArticleFactory(body="<p>Tekst</p>")
    response = Client().get(article.get_absolute_url())
    html = response.content.decode()
    scripts = parse(response).select("script")
    assert all(script.get("src") or script.get("type") == "application/ld+json" for script in scripts)
    assert "onload=" not in html and "onclick=" not in html
