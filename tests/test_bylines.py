"""Bylines name people: the page, its JSON-LD and every feed name the same authors, with full names and
a link to their page; who is interviewed is featured, never an author."""

import json

import pytest

from tests import factories
from tests.feedreader import read
from tests.html import parse
from tests.test_revisions import create_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(commit):
    def build():
        interviewee = factories.PersonFactory(name="Manon Reckin", slug="manon-reckin")
        return factories.ArticleFactory(
            slug="wijk",
            people=[interviewee],
            authors=[
                factories.PersonFactory(name="Eva Verhoeven", slug="eva-verhoeven", job_title="redacteur"),
                factories.PersonFactory(name="Thijs Bakker", slug="thijs-bakker", job_title="redacteur"),
            ],
        )

    return commit(build)


def test_the_page_names_every_author_in_full_with_a_link(client, article):
    meta = parse(client.get("/artikelen/wijk/")).select_one(".article__header .meta")
    text = " ".join(meta.get_text().split())
    assert "Tekst: Eva Verhoeven en Thijs Bakker" in text
    assert [a["href"] for a in meta.select("a[rel=author]")] == [
        "/personen/eva-verhoeven/",
        "/personen/thijs-bakker/",
    ]
    assert "Manon Reckin" not in text


def test_json_ld_authors_are_people_with_name_and_url(client, article):
    page = parse(client.get("/artikelen/wijk/"))
    data = json.loads(page.select_one("script[type='application/ld+json']").string)
    authors = [(a["@type"], a["name"], a["url"]) for a in data["author"]]
    assert authors == [
        ("Person", "Eva Verhoeven", "http://testserver/personen/eva-verhoeven/"),
        ("Person", "Thijs Bakker", "http://testserver/personen/thijs-bakker/"),
    ]
    assert [p["name"] for p in data["about"]] == ["Manon Reckin"]


@pytest.mark.parametrize("path", ["/feeds/atom/", "/feeds/json/"])
def test_atom_and_json_feeds_name_each_author(client, article, path):
    [entry] = read(client.get(path))["entries"]
    assert entry["authors"] == ["Eva Verhoeven", "Thijs Bakker"]


def test_rss_names_all_authors_in_one_creator_so_every_reader_shows_them(client, article):
    content = client.get("/feeds/rss/").content.decode()
    assert content.count("<dc:creator>") == 1
    assert "<dc:creator>Eva Verhoeven en Thijs Bakker</dc:creator>" in content


def test_a_preview_without_a_date_has_no_stray_separator(admin_client):
    draft = factories.ArticleFactory(draft=True, authors=[factories.PersonFactory(name="Eva Verhoeven")])
    page = parse(admin_client.get(f"/admin/articles/article/{draft.pk}/voorbeeld/"))
    meta = " ".join(page.select_one(".article__header .meta").get_text().split())
    assert meta == "Tekst: Eva Verhoeven"


def test_without_authors_the_byline_is_absent_and_json_ld_names_the_publisher(client):
    factories.ArticleFactory(slug="zonder")
    page = parse(client.get("/artikelen/zonder/"))
    assert "Tekst:" not in page.select_one(".article__header").get_text()
    data = json.loads(page.select_one("script[type='application/ld+json']").string)
    assert data["author"][0]["@type"] == "Organization"


def test_an_editor_linked_to_a_person_gets_the_byline_on_a_new_article(admin_client, admin_user):
    me = factories.PersonFactory(name="Eva Verhoeven", user=admin_user)
    article = create_article(admin_client, slug="nieuw")
    assert list(article.authors.all()) == [me]


def test_a_writers_page_and_feed_list_what_they_wrote(client, article):
    page = parse(client.get("/personen/eva-verhoeven/"))
    assert article.title in page.get_text()
    [entry] = read(client.get("/personen/eva-verhoeven/feed/atom/"))["entries"]
    assert entry["title"] == article.title


@pytest.mark.usefixtures("page_cache_on")
def test_renaming_an_author_is_news_to_a_conditional_request(client, article, commit):
    first = client.get("/artikelen/wijk/")
    author = article.authors.get(slug="eva-verhoeven")
    author.name = "Eva Verhoeven-Bakker"
    commit(author.save)
    again = client.get("/artikelen/wijk/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and "Eva Verhoeven-Bakker" in again.content.decode()
