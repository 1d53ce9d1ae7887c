"""The ranking set: the result a reader expects comes first (mean reciprocal rank) on both databases."""

import io

import pytest
from django.core.management import call_command
from django.db import connection

from search import index, search
from tests.conftest import shared_by_module
from tests.search_ranking_set import RANKING

pytestmark = pytest.mark.django_db

REQUIRED_MRR = 0.85
# Looked for among the first results only: beyond these, a reader would not see it.
DEPTH = 20


def label(result):
    return str(result.object)


def matches(result, expected):
    if isinstance(expected, tuple):
        title, year = expected
        return label(result) == title and result.date is not None and result.date.year == year
    return label(result) == expected


def reciprocal_ranks():
    """Return ``{(query, expected): (1 / rank of expected or 0, the first three results)}``."""
    found = {}
    for query, expected in RANKING:
        results = list(search(query)[:DEPTH])
        rank = next((n for n, result in enumerate(results, 1) if matches(result, expected)), None)
        found[query, expected] = (1 / rank if rank else 0.0, [label(result) for result in results[:3]])
    return found


@pytest.fixture(scope="module")
def content(django_db_setup, django_db_blocker, shared_media_root):
    with shared_by_module(django_db_blocker):
        call_command("load_demo", stdout=io.StringIO())
        call_command("generate_content", articles=400, seed=1, stdout=io.StringIO())
        index.rebuild()  # the index follows commits, which this shared transaction never makes
        yield


def test_ranking_set_is_large_enough():
    assert len(RANKING) >= 40
    assert len({query for query, _ in RANKING}) == len(RANKING)


def test_the_result_a_reader_expects_comes_first(content):
    ranks = reciprocal_ranks()
    mrr = sum(rank for rank, _ in ranks.values()) / len(ranks)
    missed = {key: top for key, (rank, top) in ranks.items() if rank < 1}
    print(f"\nMRR on {connection.vendor}: {mrr:.3f} over {len(ranks)} queries; not first: {missed}")
    assert mrr >= REQUIRED_MRR, missed


def test_the_article_titled_with_the_word_comes_before_an_organisation_named_with_a_compound(content):
    assert label(search("steden")[0]) == "‘Steden worden alleen maar belangrijker’"
