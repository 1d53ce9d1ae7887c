"""Characters and numbers a visitor may put in any parameter of any public page: never a 500.

A deterministic matrix (tests/test_hostile_input.py explores the same ground at random): every public
list, scope, feed and search address, with each parameter it reads (``q``, ``tag``, ``soort``, ``jaar``,
``page``) set to text the database refuses (NUL), bytes that are no UTF-8 (a lone surrogate, an overlong
sequence), direction marks, and out-of-range numbers. Runs on both databases (PostgreSQL refuses NUL in
text where SQLite does not).
"""

import pytest
from django.core.management import call_command

from articles.models import Article
from people.models import CityDeal, Organisation, Partnership, Person
from search import index
from search import query as search_query
from tests.conftest import shared_by_module

pytestmark = pytest.mark.django_db

# Raw query-string values, as a client would send them (percent-encoded bytes).
BAD_VALUES = {
    "nul": "%00",
    "nul-after-text": "wonen%00",
    "lone-surrogate": "%ED%A0%80",
    "overlong-slash": "%C0%AF",
    "invalid-byte": "%FF%FE",
    "rtl-override": "%E2%80%AE",
    "rtl-mark": "%E2%80%8Fstad",
    "rtl-override-nul": "%E2%80%AE%00",
    "zero-width": "%E2%80%8B",
    "very-long": "a" * 5000,
    "many-words": "+".join(f"w{n}oord" for n in range(400)),
    "huge-number": "99999999999999999999999",
    "negative": "-1",
    "float": "1e400",
    "not-a-number": "NaN",
}
PARAMETERS = ("q", "tag", "soort", "jaar", "page")
ALLOWED = {200, 301, 302, 400, 404}


@pytest.fixture(scope="module")
def addresses(django_db_setup, django_db_blocker, shared_media_root):
    """Every public page that reads query parameters, on the demo content."""
    with shared_by_module(django_db_blocker):
        call_command("load_demo", stdout=open("/dev/null", "w"))
        index.rebuild()  # the index follows commits, which this shared transaction never makes
        article = Article.objects.published().exclude(tags=None).first()
        tag = article.tags.first().slug
        paths = [
            "/",
            "/zoeken/",
            "/artikelen/",
            "/tags/",
            f"/tags/{tag}/",
            f"/tags/{tag}/feed/",
            f"/tags/{tag}/feed/atom/",
            f"/tags/{tag}/feed/json/",
            "/feeds/",
            "/feeds/rss/",
            "/feeds/atom/",
            "/feeds/json/",
            "/feeds/interviews/rss/",
            f"/artikelen/{article.slug}/",
        ]
        for model, section in (
            (Person, "personen"),
            (Organisation, "organisaties"),
            (Partnership, "partnerschappen"),
            (CityDeal, "city-deals"),
        ):
            slug = model.objects.order_by("pk").first().slug
            paths += [f"/{section}/", f"/{section}/{slug}/", f"/{section}/{slug}/feed/"]
        yield paths


@pytest.mark.parametrize("name", PARAMETERS)
@pytest.mark.parametrize("bad", BAD_VALUES, ids=list(BAD_VALUES))
def test_a_bad_value_in_any_parameter_of_a_public_page_is_never_a_server_error(client, addresses, name, bad):
    failures = []
    for path in addresses:
        # Alone, and next to a search, so that the filter reaches the search's query too.
        for query in (f"{name}={BAD_VALUES[bad]}", f"q=wonen&{name}={BAD_VALUES[bad]}"):
            response = client.get(f"{path}?{query}")
            if response.status_code not in ALLOWED:
                failures.append((path, query[:60], response.status_code))
    assert failures == []


@pytest.mark.parametrize("name", ["q", "tag", "soort", "jaar", "page"])
def test_a_bad_parameter_in_the_path_of_a_page_is_not_found(client, addresses, name):
    for prefix in ("/tags/", "/personen/", "/artikelen/", "/feeds/"):
        response = client.get(f"{prefix}%ED%A0%80%00/?{name}=1")
        assert response.status_code == 404, prefix


def test_a_page_beyond_the_last_of_a_search_shows_the_last_page_in_a_fixed_number_of_queries(
    client, addresses, django_assert_max_num_queries
):
    first = client.get("/zoeken/?q=stad")
    last_number = first.context["paginator"].num_pages
    assert last_number > 1
    last = client.get(f"/zoeken/?q=stad&page={last_number}")
    for page in (last_number + 1, 500, 99_999_999_999_999_999_999):
        with django_assert_max_num_queries(len(last_queries(client, last_number)) + 2):
            response = client.get(f"/zoeken/?q=stad&page={page}")
        assert response.status_code == 200
        assert response.context["page_obj"].number == last_number
        assert [r.object for r in response.context["results"]] == [r.object for r in last.context["results"]]


def last_queries(client, number):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(f"/zoeken/?q=stad&page={number}")
    return queries.captured_queries


def test_a_page_number_that_is_no_number_shows_the_first_page_of_a_search(client, addresses):
    first = client.get("/zoeken/?q=stad")
    for page in ("abc", "-1", "0", "1e400", "%00"):
        response = client.get(f"/zoeken/?q=stad&page={page}")
        assert response.status_code == 200, page
        assert response.context["page_obj"].number == 1
        assert [r.object for r in response.context["results"]] == [r.object for r in first.context["results"]]


def test_a_page_higher_than_any_reader_goes_is_not_found_on_the_article_list(client, addresses):
    assert client.get("/artikelen/?page=99999999999999999999999").status_code == 404


def test_a_year_that_is_no_year_is_ignored_by_the_search(client, addresses):
    plain = client.get("/zoeken/?q=stad")
    for year in ("abc", "99999", "-5", "%00", "2015%00"):
        response = client.get(f"/zoeken/?q=stad&jaar={year}")
        assert response.status_code == 200, year
        assert response.context["paginator"].count == plain.context["paginator"].count


def test_an_unknown_kind_is_ignored_by_the_search(client, addresses):
    plain = client.get("/zoeken/?q=stad")
    response = client.get("/zoeken/?q=stad&soort=%ED%A0%80")
    assert response.context["paginator"].count == plain.context["paginator"].count


def test_a_query_is_cut_to_its_first_words_and_characters():
    words = " ".join(f"woord{n}" for n in range(100))
    parsed = search_query.parse(words)
    assert len(parsed.words) == search_query.MAX_WORDS
    assert len(search_query.parse("a" * 10_000).text) <= search_query.MAX_QUERY_LENGTH


def test_a_very_long_query_still_gives_a_search_page(client, addresses):
    response = client.get("/zoeken/", {"q": "stad " * 2000})
    assert response.status_code == 200
    assert response.context["paginator"].count > 0
