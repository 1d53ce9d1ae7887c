"""generate_content: bulk, deterministic, proportional content that is searchable at once."""

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from people.models import CityDeal, Organisation, Partnership, Person
from search import search
from search.models import SearchEntry

pytestmark = pytest.mark.django_db


def generate(**options):
    call_command("generate_content", stdout=open("/dev/null", "w"), **options)
    return list(Article.objects.order_by("slug").values_list("slug", "title", "status", "body"))


def test_generated_content_is_proportional_and_indexed():
    generate(articles=120, seed=7)
    assert Article.objects.count() == 120
    assert Organisation.objects.count() == 20
    assert Person.objects.count() == 40
    assert Partnership.objects.count() == len(Partnership.Theme.choices)
    assert CityDeal.objects.count() == 8
    assert SearchEntry.objects.filter(article__isnull=False).count() == 120
    assert Article.objects.filter(tags__isnull=False).distinct().count() == 120
    assert search("woningen").count() > 0


def test_same_seed_gives_the_same_content():
    first = generate(articles=30, seed=3)
    second = generate(articles=30, seed=3, clear=True)
    assert first == second
    other = generate(articles=30, seed=4, clear=True)
    assert [title for _, title, _, _ in other] != [title for _, title, _, _ in second]


def test_generating_twice_with_one_seed_is_refused():
    generate(articles=5, seed=1)
    with pytest.raises(CommandError):
        generate(articles=5, seed=1)
