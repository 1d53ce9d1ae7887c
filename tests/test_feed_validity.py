"""Every feed is valid: it passes the W3C feed validator's rules (checked offline, see tests/feedcheck.py),
feedparser reads it without a problem, and the JSON Feed passes the JSON Feed 1.1 schema; with the demo
content and with nasty content."""

import json

import feedparser
import pytest
from django.test import Client
from taggit.models import Tag

from articles.models import Article
from people.models import CityDeal, Organisation, Partnership, Person
from tests import factories
from tests.conftest import shared_by_module
from tests.feedcheck import atom_problems, json_feed_problems, rss_problems
from tests.feedreader import FORMATS, read
from tests.html import parse

pytestmark = pytest.mark.django_db

CHECKS = {"application/rss+xml": rss_problems, "application/atom+xml": atom_problems}
CHECKS["application/feed+json"] = json_feed_problems


def feed_problems(url):
    """Return the problems of the feed at ``url``: those of its format's checks, and feedparser's."""
    response = Client().get(url)
    assert response.status_code == 200, url
    content_type = response["Content-Type"].split(";")[0]
    problems = CHECKS[content_type](response.content, f"http://testserver{response.request['PATH_INFO']}")
    if content_type != "application/feed+json":
        parsed = feedparser.parse(response.content)
        if parsed.bozo:
            problems.append(f"feedparser: {parsed.bozo_exception}")
    return problems


class TestDemoContent:
    """Tests over the demo content, loaded once for the class."""

    def test_every_feed_of_the_demo_content_is_valid(self, demo):
        urls = [link["href"] for link in parse(Client().get("/feeds/")).select(".feed-list__urls dt a")]
        tags = Tag.objects.filter(
            articles_taggedarticle_items__content_object__in=Article.objects.published()
        )
        scopes = 1 + len(Article.Kind) + tags.distinct().count()
        scopes += sum(model.objects.count() for model in (Partnership, CityDeal, Person, Organisation))
        scopes += 1 + Partnership.objects.count() + CityDeal.objects.count()  # milestones
        assert len(urls) == len(set(urls)) == scopes * len(FORMATS)
        problems = {url: feed_problems(url) for url in urls}
        assert {url: found for url, found in problems.items() if found} == {}


CLEAN_TITLE = "‘Steden & regio’s’ <samen> \"sterk\" & 'snel' 🏙️🚲 مدينة עיר \u202bRTL\u202c!"
NASTY_TITLE = CLEAN_TITLE[:-1] + "\x01\x08\x0b\x1b\x7f\x85\x9f\ufffe\ufffd!"
NASTY_LEAD = 'Een lead met <b>geen vet</b> & "aanhalingstekens" \x02 en 🙂 שלום'
NASTY_BODY = (
    '<p dir="rtl">مرحبا بالمدينة 🏙️</p><p>A &amp; B &lt; C "q" \'q\' \x0b\x1b]]></p>'
    '<p><a href="/x/?a=1&amp;b=2">link</a> <img src="plein.jpg" alt="&lt;&gt;&quot;"></p>'
)


@pytest.fixture(scope="class")
def nasty(django_db_setup, django_db_blocker, shared_media_root):
    """An article whose title, lead, body, tags, people, byline and scopes hold markup characters, quotes,
    emoji, right-to-left text and control characters (made once for the class)."""
    with shared_by_module(django_db_blocker):
        yield make_nasty_article()


def make_nasty_article():
    organisation = factories.OrganisationFactory(name="Gemeente <Groot> & \x1bKlein 🏛️", slug="groot-klein")
    person = factories.PersonFactory(
        name='Zoë O\'Brien "Z" & אברהם\x07', slug="zoe", organisation=organisation
    )
    partnership = factories.PartnershipFactory(name="Partnerschap <&> \x0c", slug="partnerschap")
    deal = factories.CityDealFactory(name="City Deal ‘Stad & Land’ مدينة\x1f", slug="deal")
    return factories.ArticleFactory(
        title=NASTY_TITLE,
        lead=NASTY_LEAD,
        body=NASTY_BODY,
        with_image=True,
        people=[person],
        organisations=[organisation],
        partnership=partnership,
        city_deal=deal,
        tags=["wonen & werken", "<tag>", "ünïcode 🏙️\x1b"],
        authors=[person, factories.PersonFactory(name="Ölaf\x07 <O'Neill>")],
    )


NASTY_FEEDS = [
    "/feeds/",
    "/feeds/interviews/",
    "/tags/wonen-werken/feed/",
    "/tags/tag/feed/",
    "/personen/zoe/feed/",
    "/organisaties/groot-klein/feed/",
    "/partnerschappen/partnerschap/feed/",
    "/city-deals/deal/feed/",
]


class TestNastyContent:
    """Feeds of an article full of characters that break XML and HTML, made once for the class."""

    @pytest.mark.parametrize("format", FORMATS)
    @pytest.mark.parametrize("base", NASTY_FEEDS)
    def test_feed_with_nasty_content_is_valid_and_keeps_every_character_but_the_forbidden(
        self, nasty, base, format
    ):
        url = f"{base}{format}/" if base.startswith("/feeds/") else base + FORMATS[format]
        assert feed_problems(url) == []
        feed = read(Client().get(url))
        (entry,) = feed["entries"]
        assert entry["title"] == CLEAN_TITLE
        assert entry["summary"] == 'Een lead met <b>geen vet</b> & "aanhalingstekens"  en 🙂 שלום'
        assert "مرحبا بالمدينة 🏙️" in entry["content"]
        assert "\x0b" not in entry["content"] and "\x1b" not in entry["content"]
        names = ['Zoë O\'Brien "Z" & אברהם', "Ölaf <O'Neill>"]
        if format == "rss":  # one dc:creator naming all: readers such as newsboat show only the last
            [joined] = entry["authors"]
            assert " en " in joined and all(name in joined for name in names)
        else:
            assert sorted(entry["authors"]) == sorted(names)
        assert sorted(entry["tags"]) == ["<tag>", "wonen & werken", "ünïcode 🏙️"]
        assert "\x1b" not in feed["title"] and "\x1f" not in feed["title"] and "\x0c" not in feed["title"]

    def test_plain_text_in_rss_uses_hexadecimal_character_references(self, nasty):
        content = Client().get("/feeds/rss/").content.decode()
        assert "<title>‘Steden &#x26; regio’s’ &#x3C;samen&#x3E; " in content
        assert "Ölaf &#x3C;O'Neill&#x3E;</dc:creator>" in content
        assert "<category>&#x3C;tag&#x3E;</category>" in content

    def test_json_feed_is_valid_json_with_text_unescaped(self, nasty):
        document = json.loads(Client().get("/feeds/json/").content)
        assert document["items"][0]["title"] == CLEAN_TITLE


# The checks must be able to fail: feeds that break their rules, and the problems found in them.

BROKEN_RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>t</title><link>/relatief/</link><description>d</description>
<lastBuildDate>Sun, 02 Mar 2026 12:00:00 +0000</lastBuildDate><language>nederlands!</language>
<item><title>&lt;samen&gt;</title><guid>tag:x,2026:1</guid><pubDate>2026-03-01</pubDate>
<enclosure url="/i.jpg" length="groot" type="jpeg"/><onzin>x</onzin>
<description>&lt;a href="/relatief"&gt;x&lt;/a&gt;&lt;script&gt;&lt;/script&gt;</description></item>
<item><title>b &lt;b&gt;vet&lt;/b&gt;</title><title>c</title>
<guid isPermaLink="false">tag:x,2026:1</guid></item>
<item><link>http://e.nl/</link></item></channel></rss>"""

BROKEN_ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl"><title>t</title><updated>gisteren</updated>
<entry><title>a</title><id>tag:x,2026:1</id><updated>2026-03-01T12:00:00Z</updated>
<content type="html">&lt;img src="plein.jpg"&gt;</content><category term=""/></entry>
<entry><title>b</title><id>tag:x,2026:1</id><updated>2026-03-01T12:00:00Z</updated><id>tag:geen datum</id>
<link rel="enclosure" href="http://e.nl/i.jpg"/><link href="http://e.nl/"/></entry></feed>"""

BROKEN_JSON_FEED = b"""{"version": "https://jsonfeed.org/version/1", "title": "t", "feed_url": "/relatief",
"items": [{"title": "zonder id of inhoud"}, {"id": "1", "content_html": "x", "date_published": "1 maart"}]}"""


def rules(problems):
    return {problem.split(":")[0] for problem in problems}


def test_rss_checks_find_every_kind_of_problem():
    assert rules(rss_problems(BROKEN_RSS, "http://e.nl/feeds/rss/")) == {
        "InvalidFullLink",
        "IncorrectDOW",
        "InvalidLanguage",
        "MissingSelf",
        "CharacterData",
        "ContainsHTML",
        "InvalidPermalink",
        "InvalidRFC2822Date",
        "InvalidIntegerAttribute",
        "InvalidMIMEAttribute",
        "UndefinedElement",
        "ContainsRelRef",
        "SecurityRisk",
        "DuplicateElement",
        "MissingGuid",
        "ItemMustContainTitleOrDescription",
        "DuplicateValue",
    }


def test_atom_checks_find_every_kind_of_problem():
    assert rules(atom_problems(BROKEN_ATOM, "http://e.nl/feeds/atom/")) == {
        "MissingElement",
        "InvalidRFC3339Date",
        "MissingSelf",
        "MissingAuthor",
        "ContainsRelRef",
        "MissingAttribute",
        "DuplicateElement",
        "InvalidTAG",
        "InvalidMIMEAttribute",
        "DuplicateIds",
    }


def test_json_feed_schema_refuses_a_broken_feed():
    problems = json_feed_problems(BROKEN_JSON_FEED, "http://e.nl/feeds/json/")
    assert any(problem.startswith("version:") for problem in problems)
    assert any(problem.startswith("feed_url:") for problem in problems)
    assert any(
        problem.startswith("items/0:") and "'id' is a required property" in problem for problem in problems
    )
    assert any(
        problem.startswith("items/0:") and "is not valid under any of the given schemas" in problem
        for problem in problems
    )
    assert any(problem.startswith("items/1/date_published:") for problem in problems)
