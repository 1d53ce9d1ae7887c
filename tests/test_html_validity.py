"""Every page type is valid HTML for the Nu HTML Checker (vnu-jar from npm, run with Java)."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture
def vnu():
    java = shutil.which("java")
    if not (java and VNU.exists()):
        message = "the HTML check needs java and node_modules/vnu-jar (run `make test` with npm installed)"
        if os.environ.get("EZINE_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return [java, "-jar", str(VNU)]


class TestDemoContent:
    """Tests over the demo content, loaded once for the class."""

    def test_every_page_type_has_no_html_errors(self, demo, vnu, tmp_path):
        from tests.test_browser import PAGE_TYPES

        client = Client()
        files = {}
        for name, path in PAGE_TYPES.items():
            response = client.get(path)
            assert response.status_code == (404 if name == "404" else 200), path
            files[name] = tmp_path / f"{name.replace(' ', '-')}.html"
            files[name].write_bytes(response.content)
        result = subprocess.run(
            [*vnu, "--errors-only", "--format", "json", *map(str, files.values())],
            capture_output=True,
            text=True,
            timeout=300,
        )
        messages = json.loads(result.stderr or result.stdout)["messages"]
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / "vnu-report.json").write_text(
            json.dumps({"pages": {n: str(p.name) for n, p in files.items()}, "messages": messages}, indent=2)
        )
        errors = [
            (Path(m["url"]).name, m.get("lastLine"), m["message"]) for m in messages if m["type"] == "error"
        ]
        assert errors == []
