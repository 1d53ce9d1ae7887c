"""The Dutch test set: recall of at least 90% on both databases, and no matches the analyser must avoid."""

import pytest
from django.db import connection

from search import search
from tests import factories
from tests.dutch_search_set import MISSES, PAIRS

# The index is written when a transaction commits: real transactions here.
pytestmark = pytest.mark.django_db(transaction=True)

REQUIRED_RECALL = 0.9


def index_texts(pairs):
    """Return one published article per pair, its text as the body, all indexed together."""
    return [
        factories.ArticleFactory(title=f"Tekst {n}", lead="", body=f"<p>{text}</p>")
        for n, (_, text) in enumerate(pairs)
    ]


def found(query, article):
    results = search(query)
    return article in [result.object for result in results[: results.count()]]


def test_dutch_test_set_is_large_enough():
    assert len(PAIRS) >= 40
    assert len({query for query, _ in PAIRS}) >= 40


def test_search_finds_at_least_90_percent_of_the_dutch_test_set():
    articles = index_texts(PAIRS)
    missed = [pair for pair, article in zip(PAIRS, articles, strict=True) if not found(pair[0], article)]
    recall = 1 - len(missed) / len(PAIRS)
    print(
        f"\nrecall on {connection.vendor}: {recall:.1%} ({len(PAIRS) - len(missed)}/{len(PAIRS)})",
        f"missed: {missed}",
    )
    assert recall >= REQUIRED_RECALL, missed


def test_search_keeps_apart_words_the_stemmer_would_merge():
    articles = index_texts(MISSES)
    wrongly_found = [pair for pair, article in zip(MISSES, articles, strict=True) if found(pair[0], article)]
    assert wrongly_found == []


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="compares with PostgreSQL's own dutch configuration"
)
def test_stock_postgresql_dutch_configuration_finds_less_of_the_test_set():
    with connection.cursor() as cursor:
        stock = 0
        for query, text in PAIRS:
            cursor.execute(
                "SELECT to_tsvector('dutch', %s) @@ websearch_to_tsquery('dutch', %s)", [text, query]
            )
            stock += cursor.fetchone()[0]
    articles = index_texts(PAIRS)
    ours = sum(found(query, article) for (query, _), article in zip(PAIRS, articles, strict=True))
    print(
        f"\nstock PostgreSQL dutch: {stock / len(PAIRS):.1%} ({stock}/{len(PAIRS)});",
        f"ours: {ours}/{len(PAIRS)}",
    )
    assert stock < ours


def test_a_repeated_word_or_another_form_of_it_is_asked_once():
    from search.query import parse

    assert [word.whole for word in parse("werk werk werk werk werk werk werk werk").words] == ["werk"]
    assert [word.whole for word in parse("werk werkt wonen werken").words] == ["werk", "wonen"]
