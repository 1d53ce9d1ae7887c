import json
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def parse(response):
    """Return the parsed HTML of a response."""
    return BeautifulSoup(response.content.decode(), "html.parser")


def links(response):
    return [a["href"] for a in parse(response).select("a[href]")]


def form_data(response, form_selector="form"):
    """Return what a browser would submit for the form in ``response``, without files or buttons."""
    form = parse(response).select_one(form_selector)
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        if field.name == "textarea":
            data[name] = field.get_text()
        elif field.name == "select":
            selected = [option.get("value", option.get_text()) for option in field.select("option[selected]")]
            if field.has_attr("multiple"):
                data[name] = selected
            elif selected:
                data[name] = selected[0]
            elif first := field.select_one("option"):
                data[name] = first.get("value", first.get_text())
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.get("type") not in ("file", "submit", "button", "image", "reset"):
            data[name] = field.get("value", "")
    return data


def nu_errors(vnu, pages, folder):
    """Return the errors the Nu HTML Checker finds in ``pages`` ({name: HTML bytes}), as (page, line,
    message); the whole report goes to test-artifacts/."""
    files = {}
    for name, content in pages.items():
        files[name] = Path(folder) / f"{name.replace(' ', '-').replace('/', '-')}.html"
        files[name].write_bytes(content)
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
    return [(Path(m["url"]).name, m.get("lastLine"), m["message"]) for m in messages if m["type"] == "error"]
