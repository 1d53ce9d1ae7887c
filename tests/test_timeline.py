"""Programmes over time: milestones and participations, the timeline of each partnership and City Deal,
all programmes on /tijdlijn/ (with filters), the network of partners on /netwerk/, and the milestone feeds."""

import datetime
import json

import feedparser
import pytest
import reversion
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, Milestone, current_phase
from people.models import Organisation, Participation, Partnership
from tests import factories
from tests.html import parse

pytestmark = pytest.mark.django_db


def get(url, expect=200, **params):
    response = Client().get(url, params)
    assert response.status_code == expect, (url, params, response.status_code)
    return response


def published(title, day, **kwargs):
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    return factories.ArticleFactory(title=title, published_at=moment, **kwargs)


# Models


@pytest.mark.parametrize(
    "precision,shown,attribute",
    [("day", "12 maart 2019", "2019-03-12"), ("month", "maart 2019", "2019-03"), ("year", "2019", "2019")],
)
def test_a_milestone_date_is_shown_as_precisely_as_it_is_known(precision, shown, attribute):
    milestone = factories.MilestoneFactory.build(date=datetime.date(2019, 3, 12), precision=precision)
    assert (milestone.date_display, milestone.date_attribute) == (shown, attribute)


@pytest.mark.parametrize("model", [Milestone, Participation])
def test_a_milestone_or_participation_belongs_to_exactly_one_programme(model):
    partnership, deal = factories.PartnershipFactory(), factories.CityDealFactory()
    values = {"date": datetime.date(2019, 1, 1), "description": "Iets"} if model is Milestone else {}
    if model is Participation:
        values["organisation"] = factories.OrganisationFactory()
    for programmes in ({}, {"partnership": partnership, "city_deal": deal}):
        with pytest.raises(IntegrityError), transaction.atomic():
            model.objects.create(**values, **programmes)


def test_the_current_phase_is_the_latest_phase_milestone_up_to_today():
    partnership = factories.PartnershipFactory()
    make = factories.MilestoneFactory
    start = make(partnership=partnership, date=datetime.date(2016, 1, 1), kind="start")
    implementation = make(partnership=partnership, date=datetime.date(2019, 1, 1), kind="implementation")
    make(partnership=partnership, date=datetime.date(2020, 5, 1), kind="other")  # no phase of its own
    make(partnership=partnership, date=datetime.date(2031, 1, 1), kind="end")  # not yet
    milestones = list(Milestone.objects.of(partnership))
    assert current_phase(milestones, today=datetime.date(2026, 1, 1)) == implementation
    assert current_phase(milestones, today=datetime.date(2017, 1, 1)) == start
    assert current_phase(milestones, today=datetime.date(2015, 1, 1)) is None


def test_a_programme_groups_its_participants_by_role():
    deal = factories.CityDealFactory()
    city = factories.OrganisationFactory(name="Gemeente Maastricht", kind=Organisation.Kind.MUNICIPALITY)
    ministry = factories.OrganisationFactory(name="Ministerie van JenV", kind=Organisation.Kind.MINISTRY)
    police = factories.OrganisationFactory(name="Politie", kind=Organisation.Kind.OTHER)
    vng = factories.OrganisationFactory(name="VNG", kind=Organisation.Kind.NETWORK)
    factories.take_part(deal, city, ministry, police)
    factories.take_part(deal, vng, role=Participation.Role.COORDINATOR)
    groups = [
        (str(label), [str(o) for o in organisations]) for label, organisations in deal.participant_groups()
    ]
    assert groups == [
        ("Coördinatoren", ["VNG"]),
        ("Steden", ["Gemeente Maastricht"]),
        ("Departementen", ["Ministerie van JenV"]),
        ("Overige partners", ["Politie"]),
    ]


# A programme's page


@time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC))
def test_a_programme_page_shows_milestones_and_articles_in_time_order_and_its_phase():
    deal = factories.CityDealFactory(name="City Deal Zorg voor Veiligheid")
    make = factories.MilestoneFactory
    make(
        partnership=None,
        city_deal=deal,
        date=datetime.date(2016, 11, 24),
        kind="signing",
        description="Getekend.",
    )
    make(
        partnership=None,
        city_deal=deal,
        date=datetime.date(2019, 1, 1),
        precision="year",
        kind="implementation",
        description="De pilots beginnen.",
    )
    published("Veiligheid in de wijk", datetime.date(2018, 3, 5), city_deal=deal)
    published("Over iets anders", datetime.date(2018, 4, 5))
    factories.ArticleFactory(title="Nog een concept", city_deal=deal, status=Article.Status.DRAFT)

    page = parse(get(deal.get_absolute_url()))
    section = page.select_one("#timeline-heading").parent
    entries = section.select("ol.timeline > li")
    assert [
        (li.time["datetime"], li.select_one(".timeline__text").get_text(strip=True)) for li in entries
    ] == [
        ("2016-11-24", "Getekend."),
        ("2018-03-05", "Veiligheid in de wijk"),
        ("2019", "De pilots beginnen."),
    ]
    assert section.select_one(".phase-now").get_text(" ", strip=True) == "Fase: uitvoering sinds 2019"
    feed = section.select_one(".follow a")["href"]
    assert feed == f"{deal.get_absolute_url()}tijdlijn/feed/"


def test_a_milestone_links_its_articles_and_document():
    partnership = factories.PartnershipFactory()
    article = published("Het actieplan", datetime.date(2018, 12, 1), partnership=partnership)
    draft = factories.ArticleFactory(title="Nog niet af", status=Article.Status.DRAFT)
    milestone = factories.MilestoneFactory(
        partnership=partnership, kind="action_plan", url="https://example.org/actieplan.pdf"
    )
    milestone.articles.add(article, draft)
    entry = parse(get(partnership.get_absolute_url())).select_one(f"#mijlpaal-{milestone.pk}")
    assert [a["href"] for a in entry.select("a")] == [
        "https://example.org/actieplan.pdf",
        article.get_absolute_url(),  # the draft is not linked
    ]


def test_a_programme_without_milestones_or_articles_has_no_timeline():
    partnership = factories.PartnershipFactory()
    assert parse(get(partnership.get_absolute_url())).select_one("#timeline-heading") is None


def test_an_organisation_page_lists_its_programmes_with_role_and_period():
    organisation = factories.OrganisationFactory(name="Stad Wenen", kind=Organisation.Kind.MUNICIPALITY)
    partnership = factories.PartnershipFactory(
        name="Partnerschap Huisvesting",
        start_date=datetime.date(2015, 12, 1),
        end_date=datetime.date(2018, 12, 31),
    )
    Participation.objects.create(
        organisation=organisation,
        partnership=partnership,
        role=Participation.Role.COORDINATOR,
        start_date=datetime.date(2016, 3, 1),
    )
    section = parse(get(organisation.get_absolute_url())).select_one("#collaborations-heading").parent
    assert (
        section.li.get_text(" ", strip=True)
        == "Partnerschap Huisvesting partnerschap · coördinator · 2016–2018"
    )


# /tijdlijn/


@pytest.fixture
def programmes():
    """Two partnerships and a City Deal with milestones, tags and participants."""
    wenen = factories.OrganisationFactory(name="Stad Wenen", slug="stad-wenen")
    bzk = factories.OrganisationFactory(
        name="Ministerie van BZK", slug="bzk", kind=Organisation.Kind.MINISTRY
    )
    housing = factories.PartnershipFactory(name="Partnerschap Huisvesting")
    housing.tags.add("wonen")
    air = factories.PartnershipFactory(name="Partnerschap Luchtkwaliteit")
    deal = factories.CityDealFactory(name="City Deal Inclusieve Stad")
    deal.tags.add("wonen")
    factories.take_part(housing, wenen, role=Participation.Role.COORDINATOR)
    factories.take_part(housing, bzk)
    factories.take_part(deal, bzk)
    make = factories.MilestoneFactory
    make(
        partnership=housing,
        date=datetime.date(2015, 12, 1),
        precision="month",
        description="Huisvesting start.",
    )
    make(partnership=air, date=datetime.date(2017, 1, 1), precision="year", description="Lucht start.")
    make(
        partnership=None,
        city_deal=deal,
        date=datetime.date(2016, 6, 15),
        kind="signing",
        description="Getekend.",
    )
    make(
        partnership=housing,
        date=datetime.date(2018, 1, 1),
        precision="year",
        kind="end",
        description="Klaar.",
    )
    return {"housing": housing, "air": air, "deal": deal}


def timeline_texts(response):
    return [p.get_text(strip=True) for p in parse(response).select("main ol.timeline .timeline__text")]


def test_the_timeline_shows_every_programme_in_time_order_by_year(programmes):
    page = parse(get("/tijdlijn/"))
    assert [h2.get_text() for h2 in page.select(".timeline-year__title")] == ["2015", "2016", "2017", "2018"]
    assert timeline_texts(get("/tijdlijn/")) == ["Huisvesting start.", "Getekend.", "Lucht start.", "Klaar."]
    first = page.select_one("ol.timeline > li")
    assert first.time["datetime"] == "2015-12"
    assert first.select_one(".timeline__programme a").get_text() == "Partnerschap Huisvesting"


@pytest.mark.parametrize(
    "params,expected",
    [
        ({"tag": "wonen"}, ["Huisvesting start.", "Getekend.", "Klaar."]),
        ({"soort": "city-deals"}, ["Getekend."]),
        ({"soort": "partnerschappen"}, ["Huisvesting start.", "Lucht start.", "Klaar."]),
        ({"organisatie": "stad-wenen"}, ["Huisvesting start.", "Klaar."]),
        ({"organisatie": "bzk", "soort": "city-deals"}, ["Getekend."]),
        ({"tag": "wonen", "soort": "partnerschappen", "utm_source": "x"}, ["Huisvesting start.", "Klaar."]),
    ],
)
def test_the_timeline_filters_by_topic_kind_and_organisation(programmes, params, expected):
    response = get("/tijdlijn/", **params)
    assert timeline_texts(response) == expected
    form = parse(response).select_one("form.timeline-filters")
    for name, value in params.items():
        if name != "utm_source":
            assert form.select_one(f"select[name={name}] option[selected]")["value"] == value


@pytest.mark.parametrize(
    "params",
    [
        {"tag": "bestaat-niet"},
        {"tag": "x\x00"},
        {"soort": "interviews"},
        {"organisatie": "onbekend"},
        {"organisatie": "<script>"},
        {"organisatie": "gemeente-zonder-programma"},  # exists, but takes part in nothing
    ],
)
def test_an_unknown_filter_value_answers_404(programmes, params):
    factories.OrganisationFactory(name="Gemeente zonder programma", slug="gemeente-zonder-programma")
    get("/tijdlijn/", expect=404, **params)


@pytest.mark.parametrize("value", ["\x00", "%", "' OR 1=1 --", "a" * 5000, "wonen\n"])
def test_garbage_parameters_never_give_a_server_error(programmes, value):
    for name in ("tag", "soort", "organisatie", "page", "q"):
        assert Client().get("/tijdlijn/", {name: value}).status_code in (200, 404)
    assert Client().get("/netwerk/", {"organisatie": value}).status_code == 200


def test_the_timeline_says_so_when_nothing_matches(programmes):
    factories.PartnershipFactory(name="Leeg").tags.add("leeg")
    assert "Geen mijlpalen bij deze keuze." in parse(get("/tijdlijn/", tag="leeg")).get_text()


# /netwerk/


def test_the_network_counts_programmes_and_partners_and_names_pairs_that_share_several(programmes):
    page = parse(get("/netwerk/"))
    assert "2 organisaties nemen deel aan 2 partnerschappen en City Deals." in page.get_text()
    cards = {
        card.h3.get_text(strip=True): card.select_one(".meta").get_text(strip=True)
        for card in page.select(".network__organisation")
    }
    assert cards == {
        "Ministerie van BZK": "2 programma’s · werkt samen met 1 organisatie",
        "Stad Wenen": "1 programma · werkt samen met 1 organisatie",
    }
    assert page.select_one("#pairs-heading") is None  # no pair shares more than one programme

    factories.take_part(programmes["deal"], Organisation.objects.get(slug="stad-wenen"))
    pair = parse(get("/netwerk/")).select_one(".network-pairs li").get_text(" ", strip=True)
    assert pair.startswith("Ministerie van BZK en Stad Wenen : 2 programma’s")


# Feeds


def test_the_milestone_feeds_hold_reached_milestones_newest_first(programmes):
    factories.MilestoneFactory(
        partnership=programmes["air"], date=datetime.date(2999, 1, 1), description="Later."
    )
    parsed = feedparser.parse(get("/tijdlijn/feed/").content)
    assert parsed.bozo == 0
    assert [entry.summary for entry in parsed.entries] == [
        "Klaar.",
        "Lucht start.",
        "Getekend.",
        "Huisvesting start.",
    ]
    assert parsed.entries[0].title == "Partnerschap Huisvesting: Einde (2018)"
    milestone = Milestone.objects.get(description="Klaar.")
    assert (
        parsed.entries[0].link
        == f"http://testserver/partnerschappen/partnerschap-huisvesting/#mijlpaal-{milestone.pk}"
    )

    housing = programmes["housing"].get_absolute_url()
    atom = feedparser.parse(get(f"{housing}tijdlijn/feed/atom/").content)
    assert atom.bozo == 0
    assert [entry.summary for entry in atom.entries] == ["Klaar.", "Huisvesting start."]
    deal = programmes["deal"].get_absolute_url()
    items = json.loads(get(f"{deal}tijdlijn/feed/json/").content)["items"]
    assert [item["summary"] for item in items] == ["Getekend."]
    assert items[0]["date_published"].startswith("2016-06-15")


def test_a_milestone_feed_of_an_unknown_programme_answers_404():
    get("/partnerschappen/bestaat-niet/tijdlijn/feed/", expect=404)
    get("/city-deals/bestaat-niet/tijdlijn/feed/json/", expect=404)


def test_the_timeline_and_the_feeds_page_link_the_milestone_feeds(programmes):
    page = parse(get("/tijdlijn/"))
    assert {link["href"] for link in page.select("link[rel=alternate]")} >= {
        "/tijdlijn/feed/",
        "/tijdlijn/feed/atom/",
        "/tijdlijn/feed/json/",
    }
    feeds = [a["href"] for a in parse(get("/feeds/")).select(".feed-list__urls dt a")]
    assert "http://testserver/tijdlijn/feed/" in feeds
    assert f"http://testserver{programmes['deal'].get_absolute_url()}tijdlijn/feed/json/" in feeds


def test_the_sitemap_lists_the_timeline_and_the_network(programmes):
    content = get("/sitemap-overzichten.xml").content.decode()
    assert "http://testserver/tijdlijn/" in content and "http://testserver/netwerk/" in content


class TestDemoContent:
    """The demo carries the programme facts of the domain: start years, phases and participants."""

    def test_the_housing_partnership_ran_from_december_2015_to_2018_with_an_action_plan(self, demo):
        page = parse(get("/partnerschappen/partnerschap-betaalbare-huisvesting/"))
        section = page.select_one("#timeline-heading").parent
        assert section.select_one(".phase-now").get_text(" ", strip=True) == "Fase: afgerond sinds 2018"
        milestones = [
            (li.time.get_text(), li.select_one(".timeline__label").get_text())
            for li in section.select("li.timeline__entry--milestone")
        ]
        assert milestones == [
            ("december 2015", "Start"),
            ("30 mei 2016", "Overig"),
            ("2018", "Actieplan"),
            ("2018", "Einde"),
        ]
        coordinators = page.select(".columns section")[0]
        assert coordinators.h2.get_text() == "Coördinatoren"
        assert [a.get_text() for a in coordinators.select("a")] == [
            "Ministerie van Vervoer en Bouw van de Slowaakse Republiek",
            "Stad Wenen",
        ]

    def test_the_first_town_deal_was_signed_in_june_2022_by_five_municipalities_and_the_state(self, demo):
        deal = parse(get("/city-deals/town-deal-sterke-streken/"))
        assert deal.select_one(".phase-now").get_text(" ", strip=True) == "Fase: ondertekend sinds juni 2022"
        groups = {
            section.h2.get_text(): len(section.select("li")) for section in deal.select(".columns section")
        }
        assert groups == {"Steden": 5, "Departementen": 1}

    def test_every_programme_has_a_timeline_and_every_new_page_opens(self, demo):
        assert Milestone.objects.values("partnership", "city_deal").distinct().count() == 9
        for url in (
            "/tijdlijn/",
            "/netwerk/",
            "/tijdlijn/feed/",
            "/tijdlijn/?organisatie=gemeente-amsterdam",
        ):
            get(url)


def test_a_participation_cannot_end_before_it_starts():
    participation = Participation(
        organisation=factories.OrganisationFactory(),
        partnership=factories.PartnershipFactory(),
        start_date=datetime.date(2018, 1, 1),
        end_date=datetime.date(2017, 1, 1),
    )
    with pytest.raises(ValidationError, match="Een deelname kan niet eindigen voordat ze begint."):
        participation.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        participation.save()


def test_a_recovered_partnership_comes_back_with_its_participations_and_milestones():
    partnership = factories.PartnershipFactory(name="Partnerschap Huisvesting")
    factories.take_part(partnership, factories.OrganisationFactory(name="Stad Wenen"))
    factories.MilestoneFactory(partnership=partnership, description="Het begin.")
    with reversion.create_revision():
        partnership.save()
    [version] = Version.objects.get_for_object(partnership)
    partnership.delete()
    assert not Participation.objects.exists() and not Milestone.objects.exists()

    version.revision.revert()

    partnership = Partnership.objects.get(name="Partnerschap Huisvesting")
    assert [str(organisation) for organisation in partnership.organisations()] == ["Stad Wenen"]
    assert [milestone.description for milestone in partnership.milestones.all()] == ["Het begin."]
