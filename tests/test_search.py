"""Search: the index follows every change, readers see only what they may, the page takes any input."""

import datetime
from unittest import mock

import pytest
import time_machine
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.db.models.query import QuerySet
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from search import index, search
from search.models import SearchEntry
from search.query import leaves
from search.query import parse as parse_query
from tests import factories
from tests.html import parse

# The index is written when a transaction commits, as after an editor's save: real transactions here.
pytestmark = pytest.mark.django_db(transaction=True)


def found(query, **filters):
    results = search(query, **filters)
    return [result.object for result in results[: results.count()]]


def get(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    return response


# The index stays up to date


def test_new_article_is_found_at_once():
    article = factories.ArticleFactory(title="Huurcontracten voor studenten")
    assert found("huurcontract") == [article]


def test_edited_article_is_found_by_its_new_words_only():
    article = factories.ArticleFactory(title="Vergaderen in het stadhuis")
    article.title = "Wandelen door het park"
    article.save()
    assert found("wandelen") == [article]
    assert found("vergaderen") == []


def test_deleted_article_leaves_the_index():
    article = factories.ArticleFactory(title="Een fabriek vol energie")
    article.delete()
    assert found("fabriek") == []
    assert not SearchEntry.objects.exists()


@pytest.mark.parametrize("status", [Article.Status.DRAFT, Article.Status.REVIEW, Article.Status.WITHDRAWN])
def test_article_that_is_not_published_is_never_found(status):
    article = factories.ArticleFactory(title="Geheime plannen voor de haven")
    assert found("haven") == [article]
    article.status = status
    article.save()
    assert found("haven") == []


def test_scheduled_article_is_found_from_its_moment_without_any_job():
    article = factories.ArticleFactory(title="Nieuwe City Deal over de energietransitie", scheduled=True)
    assert found("energietransitie") == []
    # Time passes: no save, no signal, no reindexing.
    with time_machine.travel(article.published_at + datetime.timedelta(microseconds=1), tick=False):
        assert found("energietransitie") == [article]
    with time_machine.travel(article.published_at - datetime.timedelta(microseconds=1), tick=False):
        assert found("energietransitie") == []


def test_an_article_withdrawn_without_reindexing_is_left_out_of_the_page():
    """The entry's copy of visibility is only as fresh as its last reindex: the page checks the article."""
    article = factories.ArticleFactory(title="Nieuwe City Deal over de energietransitie")
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)  # no signal, no reindex
    assert found("energietransitie") == []


def test_tags_added_to_and_removed_from_an_article_are_searchable_at_once():
    article = factories.ArticleFactory(title="Een gewoon artikel")
    article.tags.add("luchtkwaliteit")
    assert found("luchtkwaliteit") == [article]
    article.tags.remove("luchtkwaliteit")
    assert found("luchtkwaliteit") == []


def test_article_is_found_by_the_name_of_a_person_in_it_even_after_a_rename():
    person = factories.PersonFactory(name="Jantine Kriens")
    article = factories.ArticleFactory(title="Crisis dwingt tot samenwerking", people=[person])
    assert article in found("kriens")
    person.name = "Jantine de Vries"
    person.save()
    assert article in found("vries")
    assert found("kriens") == []


def test_person_added_to_an_article_from_the_persons_side_makes_the_article_findable():
    person = factories.PersonFactory(name="Sadik Harchaoui")
    article = factories.ArticleFactory(title="Sociale vitaliteit")
    person.articles.add(article)
    assert article in found("harchaoui")
    person.articles.clear()
    assert found("harchaoui") == [person]


def test_deleted_person_is_no_longer_found_in_the_articles_about_them():
    person = factories.PersonFactory(name="Martine de Vaan")
    article = factories.ArticleFactory(title="Lopen en vergaderen", people=[person])
    person.delete()
    assert found("vaan") == []
    assert found("lopen") == [article]


def test_renamed_tag_is_searchable_under_its_new_name():
    article = factories.ArticleFactory(title="Over de wijk", tags=["leefbaarheid"])
    tag = article.tags.get()
    tag.name = "veiligheid"
    tag.save()
    assert found("veiligheid") == [article]


def test_people_organisations_partnerships_and_city_deals_are_found():
    organisation = factories.OrganisationFactory(
        name="Aedes", description="Vereniging van woningcorporaties."
    )
    person = factories.PersonFactory(name="Sebastien Garnier", organisation=organisation)
    partnership = factories.PartnershipFactory(name="Partnerschap Luchtkwaliteit")
    deal = factories.CityDealFactory(name="Town Deal Sterke Streken")
    assert found("woningcorporatie") == [organisation]
    assert found("garnier") == [person]
    assert person in found("aedes")
    assert found("luchtkwaliteit") == [partnership]
    assert found("towndeals") == [deal]


def test_changes_of_a_rolled_back_transaction_are_not_indexed():
    with pytest.raises(RuntimeError), transaction.atomic():
        factories.ArticleFactory(title="Nooit gepubliceerd over de haven")
        raise RuntimeError
    assert not SearchEntry.objects.exists()
    article = factories.ArticleFactory(title="Wel gepubliceerd over de haven")
    assert found("haven") == [article]


def test_an_article_saved_with_its_relations_in_one_transaction_is_indexed_once():
    person = factories.PersonFactory(name="Manon Reckin")
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        factories.ArticleFactory(title="Veiligheid", people=[person], tags=["wijken"])
    deletes = [q for q in queries.captured_queries if q["sql"].startswith('DELETE FROM "ezine_searchentry"')]
    assert len(deletes) == 1
    assert len(found("reckin wijken veiligheid")) == 1


def test_rebuild_command_restores_a_lost_index():
    article = factories.ArticleFactory(title="Circulaire economie in Apeldoorn")
    SearchEntry.objects.all().delete()
    assert found("apeldoorn") == []
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))
    assert found("apeldoorn") == [article]


def test_migrate_indexes_content_that_predates_search():
    article = factories.ArticleFactory(title="Circulaire economie in Apeldoorn")
    SearchEntry.objects.all().delete()
    call_command("migrate", verbosity=0)
    assert found("apeldoorn") == [article]


# Ranking and matching


def test_title_match_ranks_above_lead_and_lead_above_body():
    in_body = factories.ArticleFactory(title="Een", lead="Twee", body="<p>Over de luchtkwaliteit.</p>")
    in_title = factories.ArticleFactory(title="Luchtkwaliteit in de stad", lead="Drie", body="<p>Vier</p>")
    in_lead = factories.ArticleFactory(title="Vijf", lead="Het gaat om luchtkwaliteit.", body="<p>Zes</p>")
    assert found("luchtkwaliteit") == [in_title, in_lead, in_body]


def test_every_word_of_the_query_must_match():
    both = factories.ArticleFactory(title="Veiligheid in de wijk")
    factories.ArticleFactory(title="Veiligheid op straat")
    assert found("veiligheid wijk") == [both]


def test_last_word_is_completed_as_a_prefix():
    article = factories.ArticleFactory(title="Woningcorporaties bouwen door")
    assert found("woningcorp") == [article]
    assert found("bouwen woningc") == [article]


# Filters and pagination


@pytest.fixture
def mixed():
    """An interview and a news item about housing from different years, a person and a City Deal."""
    tagged = factories.ArticleFactory(
        title="Wonen in Wenen",
        kind=Article.Kind.INTERVIEW,
        published_at=timezone.make_aware(datetime.datetime(2019, 5, 1)),
        tags=["europa"],
    )
    news = factories.ArticleFactory(
        title="Wonen in Utrecht",
        kind=Article.Kind.NEWS,
        published_at=timezone.make_aware(datetime.datetime(2021, 5, 1)),
    )
    person = factories.PersonFactory(name="Wonen Expert", job_title="adviseur wonen")
    person.tags.add("europa")
    deal = factories.CityDealFactory(name="City Deal Wonen")
    return {"interview": tagged, "news": news, "person": person, "deal": deal}


def test_search_filters_by_kind(mixed):
    assert set(found("wonen", kind="artikelen")) == {mixed["interview"], mixed["news"]}
    assert found("wonen", kind="interviews") == [mixed["interview"]]
    assert found("wonen", kind="personen") == [mixed["person"]]
    assert found("wonen", kind="city-deals") == [mixed["deal"]]
    assert len(found("wonen", kind="unknown")) == 4


def test_search_filters_by_tag_over_articles_and_other_objects(mixed):
    assert set(found("wonen", tag="europa")) == {mixed["interview"], mixed["person"]}
    assert found("wonen", tag="bestaat-niet") == []


def test_search_filters_by_year(mixed):
    assert found("wonen", year=2021) == [mixed["news"]]


def test_search_page_filters_by_kind_tag_and_year(mixed):
    page = parse(get("/zoeken/?q=wonen&soort=interviews&tag=europa&jaar=2019"))
    assert [a.get_text() for a in page.select(".search-result__title a")] == ["Wonen in Wenen"]
    assert page.select_one("#search-kind option[selected]")["value"] == "interviews"
    assert page.select_one("#search-tag option[selected]")["value"] == "europa"
    assert page.select_one("#search-year option[selected]")["value"] == "2019"


def test_search_page_is_paginated_and_keeps_the_query_in_page_links():
    for n in range(30):
        factories.ArticleFactory(title=f"Subsidie nummer {n}")
    first = parse(get("/zoeken/?q=subsidies"))
    assert len(first.select(".search-result")) == 12
    assert first.select_one("a[rel=next]")["href"] == "?q=subsidies&page=2"
    last = parse(get("/zoeken/?q=subsidies&page=3"))
    assert len(last.select(".search-result")) == 6
    assert parse(get("/zoeken/?q=subsidies&page=99")).select(".search-result") != []
    assert len(parse(get("/zoeken/?q=subsidies&page=abc")).select(".search-result")) == 12


# The page


def test_search_page_shows_kind_highlighted_title_snippet_and_date():
    factories.ArticleFactory(
        title="Betaalbare huisvesting",
        lead="Europa zoekt naar betaalbare woningen.",
        body="<p>Het partnerschap over <em>wonen</em> kwam met een actieplan.</p>",
        published_at=timezone.make_aware(datetime.datetime(2018, 3, 4, 12)),
    )
    result = parse(get("/zoeken/?q=woningen")).select_one(".search-result")
    assert result.select_one(".kicker").get_text() == "Interview"
    assert [mark.get_text() for mark in result.select("mark")] == ["woningen", "wonen"]
    assert "4 maart 2018" in result.select_one(".meta").get_text()


def test_snippet_escapes_the_text_and_only_adds_mark_elements():
    factories.ArticleFactory(
        title="Code", body="<p>Zet &lt;script&gt;alert(1)&lt;/script&gt; bij de bewoners</p>"
    )
    snippet = parse(get("/zoeken/?q=bewoners")).select_one(".search-result__snippet")
    assert {tag.name for tag in snippet.find_all(True)} == {"mark"}
    assert "<script>alert(1)</script>" in snippet.get_text()


def test_page_without_results_suggests_a_spelling_and_shows_the_latest_articles():
    factories.ArticleFactory(title="Woningcorporaties in de wijk")
    page = parse(get("/zoeken/?q=wijkk"))
    assert page.select(".search-result") == []
    assert "wijkk" in page.select_one("#search-empty-heading").get_text()
    assert page.select_one(".search-empty a[href='?q=wijk']").get_text() == "wijk"
    assert page.select_one(".cards .card__title").get_text(strip=True) == "Woningcorporaties in de wijk"


def test_every_page_has_a_labelled_search_form_in_its_header():
    form = parse(get("/")).select_one("header form[role=search]")
    assert form["action"] == "/zoeken/"
    field = form.select_one("input[name=q]")
    assert form.select_one(f"label[for={field['id']}]").get_text() == "Zoeken in het e-zine"


HOSTILE = [
    "<script>alert(1)</script>",
    '" onmouseover="alert(1)',
    "x" * 2000,
    "wonen " * 400,
    "a\x00b",
    "\x00",
    "'; DROP TABLE articles_article; --",
    "wonen)) | !( :* <-> & ",
    'NEAR("a" "b") OR "',
    "🏙️ stad ‮ reünie",
    "ｗｏｎｅｎ ﬁets",
    "\u0301\u0301\u0301",
    "{{ request }} {% debug %}",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_any_query_gives_a_page_that_never_echoes_it_unescaped(query):
    factories.ArticleFactory(title="Wonen in de stad")
    response = Client().get("/zoeken/", {"q": query, "soort": query, "tag": query, "jaar": query})
    assert response.status_code == 200
    page = parse(response)
    assert page.select("script") == []
    assert page.select("[onmouseover]") == []
    # Shown back as typed, up to 2,000 characters, NUL bytes as spaces.
    assert page.select_one("#search-q")["value"] == query.replace("\x00", " ")[:2000].strip()


@pytest.mark.parametrize(
    "raw", ["q=%ED%A0%80", "q=%FF%FE%00", "q=wonen&page=-1", "jaar=99999999999999999999&q=stad", "q[]=x&q=y"]
)
def test_malformed_query_strings_give_a_page(raw):
    assert Client().get(f"/zoeken/?{raw}").status_code == 200


def test_a_search_the_database_gives_up_on_answers_a_dutch_page_not_an_error(client):
    """The web process runs every statement under a time limit; a cancelled search says "too broad"."""
    import psycopg2.errors
    from django.db import OperationalError

    def cancelled(*args, **kwargs):
        try:
            raise psycopg2.errors.QueryCanceled("canceling statement due to statement timeout")
        except psycopg2.errors.QueryCanceled as cause:
            raise OperationalError("canceling statement due to statement timeout") from cause

    with mock.patch("ezine.views.search", side_effect=cancelled):
        response = client.get("/zoeken/", {"q": "werk werk werk"})
    assert response.status_code == 503
    page = parse(response)
    assert page.select_one("#search-empty-heading").get_text() == "Deze zoekopdracht is te breed."
    assert page.select_one("#search-q")["value"] == "werk werk werk"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="statement_timeout is PostgreSQL's")
def test_a_statement_over_the_time_limit_is_recognised_as_timed_out():
    from django.db import OperationalError

    from ezine.middleware import statement_timed_out

    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 50")
        with pytest.raises(OperationalError) as raised:
            cursor.execute("SELECT pg_sleep(1)")
        cursor.execute("SET statement_timeout TO DEFAULT")
    assert statement_timed_out(raised.value)


def test_a_search_beyond_the_searches_that_may_run_at_once_is_turned_away_at_once(client, settings):
    from django.core.cache import cache

    settings.EZINE_SEARCH_CONCURRENCY = 1
    factories.ArticleFactory(title="Wonen in de stad")
    cache.add("search-slot-0", 1)  # another worker's search is running
    response = client.get("/zoeken/", {"q": "wonen"})
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    heading = parse(response).select_one("#search-empty-heading").get_text()
    assert heading == "Er lopen op dit moment veel zoekopdrachten."
    cache.delete("search-slot-0")
    assert client.get("/zoeken/", {"q": "wonen"}).status_code == 200
    assert cache.get("search-slot-0") is None  # given back when the search ended


def test_body_matches_follow_the_ranked_ones_newest_first_counted_or_capped():
    """Matches found only with the help of the body come after the ranked ones, newest first: sorted
    here when they are few, walked from the newest when more than ``MAX_COUNTED`` (the same order)."""
    now = timezone.now()
    ranked = factories.ArticleFactory(title="Het warmtenet van de wijk")
    body = [
        factories.ArticleFactory(
            title=f"Bericht {n}",
            body="<p>Over een warmtenet.</p>",
            published_at=now - datetime.timedelta(days=n),
        )
        for n in (3, 1, 4, 2, 5)
    ]
    newest_first = [ranked, *sorted(body, key=lambda article: article.published_at, reverse=True)]

    results = search("warmtenet")
    assert [result.object for result in results[0:6]] == newest_first
    assert (results.count(), results.capped) == (6, False)
    assert [result.object for result in search("warmtenet")[2:4]] == newest_first[2:4]

    with mock.patch("search.query.MAX_COUNTED", 4):
        capped = search("warmtenet")
        assert [result.object for result in capped[0:4]] == newest_first[:4]
        assert (capped.count(), capped.capped) == (4, True)
        assert [result.object for result in search("warmtenet")[2:4]] == newest_first[2:4]


@pytest.mark.parametrize("status", list(Article.Status))
@pytest.mark.parametrize("moment", ["past", "future", "none"])
def test_the_index_copy_of_visibility_agrees_with_published(status, moment):
    """``visible_from`` on an entry is ``published()`` as a value: an entry is visible exactly when its
    article is listed by ``published()``."""
    published_at = {
        "past": timezone.now() - datetime.timedelta(hours=1),
        "future": timezone.now() + datetime.timedelta(hours=1),
        "none": None,
    }[moment]
    article = factories.ArticleFactory(title="Een artikel")
    Article.objects.filter(pk=article.pk).update(status=status, published_at=published_at)
    call_command("rebuild_search_index", verbosity=0)
    entry = SearchEntry.objects.get(article=article)
    entry_visible = entry.visible_from is not None and entry.visible_from <= timezone.now()
    assert entry_visible == Article.objects.published().filter(pk=article.pk).exists()


def test_two_words_match_their_join_only_when_some_text_has_it():
    """Each join repeats the whole query; a join no text has would match nothing and only cost time."""
    factories.ArticleFactory(title="Werk in de stad")
    assert "werkstad" not in set(leaves(parse_query("werk stad").tree))
    assert found("werk stad") != []
    joined = factories.ArticleFactory(title="De werkstad van morgen")
    assert "werkstad" in set(leaves(parse_query("werk stad").tree))
    assert joined in found("werk stad")


def test_a_ranked_tier_that_fills_every_place_spares_reading_the_body_tier():
    for n in range(3):
        factories.ArticleFactory(title=f"Warmtenet {n}")
    factories.ArticleFactory(title="Bericht", body="<p>Over een warmtenet.</p>")

    def queries_for_first_page(max_counted):
        with mock.patch("search.query.MAX_COUNTED", max_counted):
            results = search("warmtenet")
            with CaptureQueriesContext(connection) as queries:
                shown = [result.object.title for result in results[0:2]]
            return len(queries), shown, results.count(), results.capped

    # Ranked tier, body tier, the page's objects, their tags.
    assert queries_for_first_page(10) == (4, ["Warmtenet 2", "Warmtenet 1"], 4, False)
    # Three ranked matches for two places: more than can be shown, whatever the body holds.
    assert queries_for_first_page(2) == (3, ["Warmtenet 2", "Warmtenet 1"], 2, True)


def test_a_reindex_that_lost_a_race_for_the_entry_reads_the_object_again():
    """Two reindexes of one article at once: the one that commits its entry second fails on the unique
    article and must not be lost (it may hold the newer state, such as a withdrawal)."""
    article = factories.ArticleFactory(title="Het warmtenet van de wijk")
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)  # withdrawn meanwhile
    real_write, calls = index.write, []

    def write_losing_once(source, objects):
        calls.append(source)
        if len(calls) == 1:
            raise IntegrityError("duplicate key value violates unique constraint")
        real_write(source, objects)

    with mock.patch("search.index.write", write_losing_once):
        index.update(Article, [article.pk])
    assert len(calls) == 2
    assert SearchEntry.objects.get(article=article).visible_from is None
    assert found("warmtenet") == []


def test_a_result_reindexed_between_ranking_and_loading_is_left_out_not_a_500():
    kept, gone = (factories.ArticleFactory(title=f"Warmtenet {n}") for n in range(2))
    real_in_bulk = QuerySet.in_bulk

    def in_bulk_after_a_reindex(self, id_list=None, **kwargs):
        found_entries = real_in_bulk(self, id_list, **kwargs)
        return {pk: entry for pk, entry in found_entries.items() if entry.article_id != gone.pk}

    with mock.patch.object(QuerySet, "in_bulk", in_bulk_after_a_reindex):
        assert [result.object for result in search("warmtenet")[0:12]] == [kept]
    response = Client().get("/zoeken/", {"q": "warmtenet"})
    assert response.status_code == 200
