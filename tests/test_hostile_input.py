"""Property-based: whatever a visitor sends to any public address, the site answers sanely.

Hypothesis generates paths (slugs, tokens, kinds), query strings (``page``, ``q``, ``soort``, ``tag``,
``jaar``), headers and form posts for every public URL pattern. The answer is always one of the
expected status codes, never a 500, and no generated text comes back unescaped. Runs are derandomised
so CI is reproducible; the number of examples run is written to test-artifacts/hypothesis.json.
"""

import json
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import Article
from people.models import CityDeal, Organisation, Partnership, Person

pytestmark = pytest.mark.django_db

ALLOWED = {200, 301, 302, 304, 400, 404, 405}
# A piece of markup that must never come back as markup. Escaped (&lt;…) it is harmless.
CANARY = '<i id="hyp">'
EXAMPLES_PER_PATTERN = 40
ARTIFACT = Path(__file__).resolve().parent.parent / "test-artifacts" / "hypothesis.json"


def public_patterns():
    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern)

    return [p for p in walk(get_resolver().url_patterns) if not p.startswith(("admin/", "^media"))]


PATTERNS = public_patterns()
HOSTILE = settings(
    max_examples=EXAMPLES_PER_PATTERN,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")

# Text a visitor (or a scanner) might send: anything printable, control characters, markup, SQL,
# very long strings, the canary.
hostile_text = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=30),
    st.sampled_from(
        [
            CANARY,
            f"{CANARY}<script>alert(1)</script>",
            "' OR 1=1 --",
            '"; DROP TABLE articles_article; --',
            "../../etc/passwd",
            "%00",
            "\x00",
            "0",
            "-1",
            "99999999999999999999999",
            "1e400",
            "NaN",
            "ð\u202e\u200b",
            "a" * 2000,
            "",
        ]
    ),
)


# Half the time a value carries the canary, so every parameter is tried with markup in it.
value = st.one_of(
    hostile_text, st.builds(lambda before, after: before + CANARY + after, st.text(max_size=8), hostile_text)
)


@pytest.fixture
def demo_slugs(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    return {
        "slug": [
            obj.slug
            for model in (Article, Person, Organisation, Partnership, CityDeal)
            for obj in model.objects.all()
        ],
        "kind": ["interviews", "nieuws", "opinie"],
        "section": ["artikelen", "personen", "tags"],
    }


def path_for(pattern, values):
    def fill(match):
        return quote(values.get(match.group(1), "x"), safe="")

    return "/" + PARAMETER.sub(fill, pattern)


@st.composite
def requests(draw, pattern, slugs):
    values = {}
    for name in PARAMETER.findall(pattern):
        known = slugs.get(name, slugs["slug"])
        values[name] = draw(st.one_of(st.sampled_from(known), value))
    query = draw(
        st.dictionaries(
            st.sampled_from(["page", "q", "soort", "tag", "organisatie", "jaar", "utm_source"]),
            value,
            min_size=1,
            max_size=4,
        )
    )
    headers = draw(
        st.dictionaries(
            st.sampled_from(
                [
                    "HTTP_IF_NONE_MATCH",
                    "HTTP_IF_MODIFIED_SINCE",
                    "HTTP_ACCEPT_LANGUAGE",
                    "HTTP_X_REQUEST_ID",
                    "HTTP_REFERER",
                ]
            ),
            value.filter(lambda text: "\n" not in text and "\r" not in text and "\x00" not in text),
            max_size=3,
        )
    )
    method = draw(st.sampled_from(["get", "get", "get", "head", "post"]))
    form = draw(
        st.dictionaries(
            st.sampled_from(["q", "title", "csrfmiddlewaretoken", "page"]), hostile_text, max_size=3
        )
    )
    return pattern, path_for(pattern, values), query, headers, method, form


def test_no_input_breaks_a_public_page_or_comes_back_unescaped(demo_slugs):
    client = Client(raise_request_exception=False)
    seen = {"examples": 0, "patterns": {}, "statuses": {}}

    def check(request):
        pattern, path, query, headers, method, form = request
        if method == "post":
            response = client.post(
                f"{path}?{'&'.join(f'{k}={quote(v)}' for k, v in query.items())}", form, **headers
            )
        else:
            response = getattr(client, method)(path, query, **headers)
        seen["examples"] += 1
        seen["patterns"][pattern] = seen["patterns"].get(pattern, 0) + 1
        seen["statuses"][response.status_code] = seen["statuses"].get(response.status_code, 0) + 1
        assert response.status_code in ALLOWED, (method, path, query, headers, response.status_code)
        if not response.streaming:
            assert CANARY.encode() not in response.content, (method, path, query, headers)

    for pattern in PATTERNS:

        @HOSTILE
        @given(request=requests(pattern, demo_slugs))
        def run(request):
            check(request)

        run()
    ARTIFACT.parent.mkdir(exist_ok=True)
    ARTIFACT.write_text(json.dumps(seen, indent=2, sort_keys=True, default=str))
    assert set(seen["patterns"]) == set(PATTERNS), "every public pattern was tried"
