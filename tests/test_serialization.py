"""Revisions, dumpdata and the archive keep a moment to the microsecond."""

import datetime

import pytest
from django.core import serializers
from django.utils import timezone

from articles.models import Article
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_publication_made_now_survives_serialization_to_the_microsecond():
    moment = timezone.now().replace(microsecond=650195)
    article = factories.ArticleFactory(published_at=moment)
    text = serializers.serialize("json", [article])
    assert "650195Z" in text
    [restored] = serializers.deserialize("json", text)
    assert restored.object.published_at == moment


def test_times_django_wrote_with_milliseconds_still_read():
    article = factories.ArticleFactory()
    text = serializers.serialize("json", [article]).replace(
        article.published_at.isoformat().removesuffix("+00:00"),
        article.published_at.replace(microsecond=650000).isoformat().removesuffix("+00:00")[:-3],
    )
    [restored] = serializers.deserialize("json", text)
    assert restored.object.published_at.microsecond == 650000
    assert isinstance(restored.object.published_at, datetime.datetime)
    assert Article.objects.count() == 1
