"""The Redis cache backend (ezine.cache): Django's, reusing one Redis client; the page cache works on it."""

import pytest

from ezine.cache import RedisCache, RedisCacheClient
from tests import factories


def test_one_redis_client_serves_every_cache_call():
    backend = RedisCache("redis://127.0.0.1:6379/15", {})
    client = backend._cache.get_client("a")
    assert backend._cache.get_client("b") is client
    assert backend._cache.get_client(None, write=True) is client


def test_values_round_trip_through_redis(redis_cache):
    assert isinstance(redis_cache._cache, RedisCacheClient)
    redis_cache.set("page", (200, [("Content-Type", "text/html")], b"<p>hallo</p>"), 60)
    redis_cache.set("version", ("abc", None), None)
    assert redis_cache.get_many(["version", "page", "missing"]) == {
        "version": ("abc", None),
        "page": (200, [("Content-Type", "text/html")], b"<p>hallo</p>"),
    }


@pytest.mark.django_db
def test_page_cache_on_redis_serves_hits_and_renders_fresh_after_a_change(
    redis_cache, client, settings, django_capture_on_commit_callbacks
):
    settings.EZINE_PAGE_CACHE_SECONDS = 600
    with django_capture_on_commit_callbacks(execute=True):
        article = factories.ArticleFactory(title="Eerste titel")
    first, second = client.get("/"), client.get("/")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content and b"Eerste titel" in second.content

    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Tweede titel"
        article.save()
    fresh = client.get("/")
    assert fresh["X-Page-Cache"] == "miss" and b"Tweede titel" in fresh.content


def test_a_touch_on_redis_versions_its_keys_by_the_time_in_microseconds_never_going_back(redis_cache):
    import time_machine

    from ezine import pagecache

    with time_machine.travel(1_800_000_000, tick=False) as clock:
        first = pagecache.tick(["article:1"])
        assert first == 1_800_000_000 * 10**6
        second = pagecache.tick(["article:1", "tag:2"])  # in the same microsecond
        assert second == first + 1
        clock.shift(-60)  # a machine whose clock is behind
        third = pagecache.tick(["tag:2"])
        assert third == second + 1
    versions = redis_cache.get_many([pagecache.version_key("article:1"), pagecache.version_key("tag:2")])
    assert versions == {pagecache.version_key("article:1"): second, pagecache.version_key("tag:2"): third}
    assert redis_cache.get(pagecache.CLOCK_KEY) == third


def test_a_clock_lost_on_redis_restarts_above_every_version_handed_out(redis_cache):
    from ezine import pagecache

    before = pagecache.tick(["article:1"])
    redis_cache.delete(pagecache.CLOCK_KEY)
    assert pagecache.tick(["article:1"]) > before
