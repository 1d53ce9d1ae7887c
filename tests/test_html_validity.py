"""Every page type is valid HTML for the Nu HTML Checker (vnu-jar from npm, run with Java)."""

from django.test import Client

from tests.html import nu_errors


class TestDemoContent:
    """Tests over the demo content, loaded once for the class."""

    def test_every_page_type_has_no_html_errors(self, demo, vnu, tmp_path):
        from tests.test_browser import PAGE_TYPES

        client = Client()
        pages = {}
        for name, path in PAGE_TYPES.items():
            response = client.get(path)
            assert response.status_code == (404 if name == "404" else 200), path
            pages[name] = response.content
        assert nu_errors(vnu, pages, tmp_path) == []
