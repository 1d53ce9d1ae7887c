"""What the feeds hold: every scope in RSS, Atom and JSON Feed, with full entries and stable ids."""

import datetime
from unittest import mock

import pytest
from django.test import Client
from django.utils import timezone

from articles import richtext
from articles.models import Article
from tests import factories
from tests.feedreader import CONTENT_TYPES, EVERY_FEED, FEED_IDS, FORMATS, SCOPES, feed_url, read, to_second

pytestmark = pytest.mark.django_db


def fetch(url, expect=200):
    response = Client().get(url)
    assert response.status_code == expect, url
    return response


def test_kind_feed_is_described_as_a_section():
    factories.ArticleFactory(title="Een column", kind=Article.Kind.COLUMN)
    feed = read(fetch("/feeds/columns/json/"))
    assert feed["title"] == "Agenda Stad — Columns"
    assert feed["description"] == "De nieuwste artikelen in de rubriek Columns"
    assert [entry["title"] for entry in feed["entries"]] == ["Een column"]


def test_every_kind_of_article_has_a_feed_with_a_dutch_address():
    assert [kind.slug for kind in Article.Kind] == [
        "interviews",
        "nieuws",
        "achtergrond",
        "portretten",
        "columns",
        "opinie",
    ]
    for kind in Article.Kind:
        factories.ArticleFactory(title=f"Soort {kind}", kind=kind)
        titles = [entry["title"] for entry in read(fetch(f"/feeds/{kind.slug}/rss/"))["entries"]]
        assert titles == [f"Soort {kind}"]


def test_entry_without_body_carries_its_lead_as_content():
    factories.ArticleFactory(title="Kort", lead="Alleen een inleiding.", body="")
    for format in FORMATS:
        entry = read(fetch(feed_url("everything", format)))["entries"][0]
        assert entry["content"] == "Alleen een inleiding."


@pytest.mark.parametrize("format", FORMATS)
def test_entry_id_survives_a_change_of_title_and_slug(format):
    article = factories.ArticleFactory(title="Eerste titel")
    before = read(fetch(feed_url("everything", format)))["entries"][0]
    article.title, article.slug = "Tweede titel", "tweede-titel"
    article.save()
    after = read(fetch(feed_url("everything", format)))["entries"][0]
    assert after["title"] == "Tweede titel"
    assert after["link"] == "http://testserver/artikelen/tweede-titel/"
    assert after["id"] == before["id"]


def test_entry_id_uses_the_configured_domain(settings):
    settings.EZINE_FEED_ID_DOMAIN = "agendastad.nl"
    article = factories.ArticleFactory()
    entry = read(fetch("/feeds/json/"))["entries"][0]
    assert entry["id"] == f"tag:agendastad.nl,{article.first_published_at:%Y-%m-%d}:article:{article.pk}"


def test_scheduled_article_enters_every_feed_at_its_publication_moment():
    now = timezone.now()
    person = factories.PersonFactory(name="Jantine Kriens")
    factories.ArticleFactory(title="Gepland", people=[person], published_at=now + datetime.timedelta(hours=2))
    for moment, expected in ((now, []), (now + datetime.timedelta(hours=2), ["Gepland"])):
        with mock.patch("django.utils.timezone.now", return_value=moment):
            for format in FORMATS:
                for url in (
                    feed_url("everything", format),
                    "/personen/jantine-kriens/feed/" + FORMATS[format],
                ):
                    assert [entry["title"] for entry in read(fetch(url))["entries"]] == expected, url


@pytest.mark.parametrize("format", FORMATS)
def test_edit_of_a_published_article_moves_its_updated_date(format):
    article = factories.ArticleFactory(published_at=timezone.now() - datetime.timedelta(days=3))
    later = timezone.now() + datetime.timedelta(minutes=5)
    with mock.patch("django.utils.timezone.now", return_value=later):
        article.lead = "Een betere inleiding."
        article.save()
        entry = read(fetch(feed_url("everything", format)))["entries"][0]
    assert entry["updated"] == to_second(later)
    assert entry["published"] == to_second(article.published_at)
    assert entry["summary"] == "Een betere inleiding."


@pytest.mark.parametrize(
    "url",
    [
        "/personen/niemand/feed/",
        "/organisaties/niemand/feed/json/",
        "/partnerschappen/geen/feed/atom/",
        "/city-deals/geen/feed/json/",
        "/tags/niets/feed/atom/",
        "/feeds/onzin/rss/",
        "/feeds/interview/json/",
    ],
)
def test_feed_of_unknown_scope_is_not_found(url):
    fetch(url, expect=404)


class TestAboutEveryScope:
    """Tests that read the articles about every kind of scope, built once for the class."""

    @pytest.mark.parametrize("scope,format", EVERY_FEED, ids=FEED_IDS)
    def test_every_feed_holds_only_the_published_articles_of_its_scope(self, scopes, scope, format):
        response = fetch(feed_url(scope, format))
        assert response["Content-Type"] == f"{CONTENT_TYPES[format]}; charset=utf-8"
        titles = {entry["title"] for entry in read(response)["entries"]}
        expected = {"Zichtbaar stuk", "Over iets anders"} if scope == "everything" else {"Zichtbaar stuk"}
        assert titles == expected

    @pytest.mark.parametrize("scope,format", EVERY_FEED, ids=FEED_IDS)
    def test_feed_title_and_description_name_the_scope_in_dutch(self, scopes, scope, format):
        feed = read(fetch(feed_url(scope, format)))
        _path, name, page = SCOPES[scope]
        assert feed["language"] == "nl"
        assert feed["link"] == f"http://testserver{page}"
        if name is None:
            assert feed["title"] == "Agenda Stad"
            assert feed["description"] == "E-zine over steden, de Agenda Stad en de EU Urban Agenda"
        else:
            assert feed["title"] == f"Agenda Stad — {name}"
            assert feed["description"].startswith("De nieuwste artikelen ")
            assert name in feed["description"]

    def test_city_deal_feed_title_is_the_one_subscribers_expect(self, scopes):
        feed = read(fetch("/city-deals/city-deal-zorg-voor-veiligheid-in-de-stad/feed/"))
        assert feed["title"] == "Agenda Stad — City Deal Zorg voor Veiligheid in de Stad"
        assert feed["description"] == "De nieuwste artikelen over City Deal Zorg voor Veiligheid in de Stad"

    @pytest.mark.parametrize("format", FORMATS)
    def test_entry_carries_id_lead_full_content_authors_tags_dates_and_image(self, scopes, format):
        article = Article.objects.get(title="Zichtbaar stuk")
        entry = next(
            e
            for e in read(fetch(feed_url("everything", format)))["entries"]
            if e["title"] == "Zichtbaar stuk"
        )

        assert entry["id"] == f"tag:testserver,{article.first_published_at:%Y-%m-%d}:article:{article.pk}"
        assert entry["link"] == "http://testserver/artikelen/zichtbaar-stuk/"
        assert entry["summary"] == "Een inleiding & meer."
        assert entry["authors"] == ["Eva de Vries"]  # the byline; Manon Reckin is interviewed, no author
        assert entry["tags"] == ["veiligheid", "wonen"]
        assert entry["published"] == to_second(article.published_at)
        assert entry["updated"] == to_second(article.updated_at)
        assert 'href="http://testserver/artikelen/eerder/"' in entry["content"]
        assert 'href="http://testserver/artikelen/zichtbaar-stuk/#vraag"' in entry["content"]
        assert 'href="https://www.agendastad.nl/"' in entry["content"]
        picture = article.hero_picture  # a rendition, never the original
        assert entry["image"]["href"] == f"http://testserver{picture.src}"
        if format != "json":
            assert entry["image"]["type"] == "image/jpeg"
            assert int(entry["image"]["length"]) == picture.file.storage.size(picture.file.name) > 0

    def test_entry_id_is_the_same_in_every_feed_and_format(self, scopes):
        ids = {
            entry["id"]
            for scope, format in EVERY_FEED
            for entry in read(fetch(feed_url(scope, format)))["entries"]
            if entry["title"] == "Zichtbaar stuk"
        }
        assert len(ids) == 1

    def test_feed_answers_only_get_and_head(self, scopes):
        assert Client().post("/feeds/rss/").status_code == 405
        head = Client().head("/city-deals/city-deal-zorg-voor-veiligheid-in-de-stad/feed/json/")
        assert head.status_code == 200
        assert head["Content-Type"].startswith("application/feed+json")


@pytest.mark.parametrize("format", FORMATS)
def test_feed_holds_at_most_the_latest_twenty_articles(settings, format):
    factories.ArticleFactory.create_batch(settings.FEED_LENGTH + 3)
    assert len(read(fetch(feed_url("everything", format)))["entries"]) == settings.FEED_LENGTH


@pytest.mark.parametrize("format", FORMATS)
def test_titles_with_markup_characters_arrive_intact(format):
    factories.ArticleFactory(title="‘Steden & regio’s <samen>’ “sterk”", lead="A < B & C > D")
    entry = read(fetch(feed_url("everything", format)))["entries"][0]
    assert entry["title"] == "‘Steden & regio’s <samen>’ “sterk”"
    assert entry["summary"] == "A < B & C > D"


@pytest.mark.parametrize(
    "html,expected",
    [
        ('<a href="/a/">x</a>', '<a href="https://e.nl/a/" rel="noopener">x</a>'),
        ("<a href='b/'>x</a>", '<a href="https://e.nl/artikelen/s/b/" rel="noopener">x</a>'),
        ("<a href=c>x</a>", '<a href="https://e.nl/artikelen/s/c" rel="noopener">x</a>'),
        (
            '<a title="a > b" href="/d">x</a>',
            '<a title="a &gt; b" href="https://e.nl/d" rel="noopener">x</a>',
        ),
        ('<a href="//cdn.e.nl/i.pdf">x</a>', '<a href="https://cdn.e.nl/i.pdf" rel="noopener">x</a>'),
        ('<a href="#vraag-2">x</a>', '<a href="https://e.nl/artikelen/s/#vraag-2" rel="noopener">x</a>'),
        ('<a href="mailto:redactie@e.nl">m</a>', '<a href="mailto:redactie@e.nl" rel="noopener">m</a>'),
        ('<a href="/e?x=1&amp;y=2">x</a>', '<a href="https://e.nl/e?x=1&amp;y=2" rel="noopener">x</a>'),
        ('<p>Schrijf href="/niet" in tekst</p>', '<p>Schrijf href="/niet" in tekst</p>'),
        ("<p>a < b</p>", "<p>a &lt; b</p>"),
    ],
)
def test_addresses_in_article_bodies_are_made_absolute(html, expected):
    assert richtext.sanitise(html, base_url="https://e.nl/artikelen/s/") == expected


def test_entry_without_image_file_has_no_enclosure_but_the_feed_still_works(media_root):
    article = factories.ArticleFactory(title="Zonder bestand", with_image=True)
    picture = article.hero_picture
    picture.file.storage.delete(picture.file.name)
    for format in FORMATS:
        entry = read(fetch(feed_url("everything", format)))["entries"][0]
        assert entry["title"] == "Zonder bestand"
        if format != "json":
            assert entry["image"] is None
