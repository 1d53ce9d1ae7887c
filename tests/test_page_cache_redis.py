"""The page cache on a real Redis, as production runs it: a hit in one round trip, versions that expire
after the entries holding them, readers and editors served with Redis away or full, and each worker's near
copies (``ezine.pagecache.Near``): served with no round trip while Redis showed, less than
``EZINE_PAGE_CACHE_NEAR_SECONDS`` ago, that nothing changed; a change made in this process shows at once,
one made elsewhere within that time, never later (tests/test_workers.py: the same with three gunicorn
workers and a save from ``manage.py``).

The dependency model itself runs over Redis and over the local-memory cache in tests/test_dependencies.py
and tests/test_precise_keys.py.
"""

import datetime
import shutil
import subprocess
import time
from unittest import mock

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from redis.exceptions import OutOfMemoryError

from articles.models import Article
from ezine import pagecache
from ezine.models import PendingInvalidation
from tests import factories
from tests.servers import free_port, required

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_redis(redis_cache, settings):
    settings.EZINE_PAGE_CACHE_SECONDS = 600
    # Near copies trusted for a minute: a test that expects one served, or not served, cannot pass or fail
    # merely because the machine was slow; tests of the time running out shorten it.
    settings.EZINE_PAGE_CACHE_NEAR_SECONDS = 60
    return pagecache.store()


@pytest.fixture
def article(commit):
    return commit(factories.ArticleFactory, title="Wonen in de stad", tags=["wonen"])


def rename(article, title):
    article.title = title
    article.save()


def redis_commands(store):
    """Count the commands ``store`` sends to Redis (a pipeline or a script counts once)."""
    return mock.patch.object(store.client, "execute_command", wraps=store.client.execute_command)


def test_a_hit_on_redis_is_one_command_and_no_sql(on_redis, article, django_assert_num_queries):
    assert isinstance(on_redis, pagecache.RedisStore)
    Client().get(article.get_absolute_url())
    with redis_commands(on_redis) as sent, django_assert_num_queries(0):
        response = Client().get(article.get_absolute_url())
    assert response["X-Page-Cache"] == "hit"
    assert sent.call_count == 1


def test_a_change_on_redis_renders_the_page_fresh_in_one_lookup(on_redis, article, commit):
    Client().get(article.get_absolute_url())
    commit(rename, article, "Wonen in de stad, bewerkt")
    with redis_commands(on_redis) as sent:
        response = Client().get(article.get_absolute_url())
    assert response["X-Page-Cache"] == "miss" and "bewerkt" in response.content.decode()
    # The lookup, the log of the change (once a change, for the worker's other near copies), then storing
    # what was rendered.
    assert sent.call_count == 3


def test_versions_on_redis_never_expire_so_they_are_never_evicted_before_the_pages_holding_them(
    on_redis, article, commit
):
    """Under ``volatile-lru`` Redis evicts only keys with an expiry: entries, never versions."""
    request = Client().get(article.get_absolute_url()).wsgi_request
    entry = on_redis.get(f"ezine:page:{pagecache.PageCacheMiddleware(None).key(request)}")
    assert 0 < on_redis.client.ttl(
        cache.make_key(f"ezine:page:{pagecache.PageCacheMiddleware(None).key(request)}")
    )
    versions = [cache.make_key(pagecache.version_key(key)) for key in entry.keys]
    commit(rename, article, "Nieuwe titel")  # a touch sets versions too
    assert {on_redis.client.ttl(version) for version in versions} == {-1}


def test_a_lost_version_makes_its_pages_stale_not_fresh(on_redis, article):
    Client().get(article.get_absolute_url())
    on_redis.client.delete(cache.make_key(pagecache.version_key(f"article:{article.pk}")))
    assert Client().get(article.get_absolute_url())["X-Page-Cache"] == "miss"
    assert Client().get(article.get_absolute_url())["X-Page-Cache"] == "hit"


def test_with_redis_away_readers_get_pages_and_a_save_waits_in_the_outbox(article, commit, settings):
    """Nothing listens on the port: every cache call is refused, as when Redis is stopped."""
    settings.EZINE_PAGE_CACHE_SECONDS = 600
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "ezine.cache.RedisCache", "LOCATION": f"redis://127.0.0.1:{free_port()}/0"},
    }
    response = Client().get(article.get_absolute_url())
    assert response.status_code == 200 and "X-Page-Cache" not in response
    commit(rename, Article.objects.get(pk=article.pk), "Bewerkt terwijl Redis weg was")
    assert PendingInvalidation.objects.filter(target=PendingInvalidation.Target.PAGE_CACHE).count() == 1
    assert "Bewerkt terwijl Redis weg was" in Client().get(article.get_absolute_url()).content.decode()
    assert Client().get("/healthz").status_code == 503


@pytest.fixture
def full_redis(settings):
    """A Redis of its own, with ``maxmemory`` and ``noeviction`` as production may run it, filled up."""
    server = shutil.which("redis-server")
    if server is None:
        required("redis-server", "EZINE_REQUIRE_REDIS")
    port = free_port()
    process = subprocess.Popen(
        [server, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        import redis

        client = redis.Redis(port=port)
        for _ in range(100):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        settings.CACHES = {
            **settings.CACHES,
            "default": {"BACKEND": "ezine.cache.RedisCache", "LOCATION": f"redis://127.0.0.1:{port}/0"},
        }
        settings.EZINE_PAGE_CACHE_SECONDS = 600
        yield client
    finally:
        process.terminate()
        process.wait(5)


def fill(client):
    """Fill Redis up, then hold it below what it uses: a freed buffer must not let a write slip through."""
    used = client.info("memory")["used_memory"]
    client.config_set("maxmemory", used + 2_000_000)
    client.config_set("maxmemory-policy", "noeviction")
    with pytest.raises(OutOfMemoryError):
        for n in range(100_000):
            client.set(f"fill:{n}", b"x" * 10_000)
    client.config_set("maxmemory", client.info("memory")["used_memory"] - 1_000_000)
    with pytest.raises(OutOfMemoryError):
        client.incr("fill:clock")


def test_with_redis_full_readers_get_pages_and_a_save_still_shows(full_redis, article, commit):
    path = article.get_absolute_url()
    Client().get(path)
    assert Client().get(path)["X-Page-Cache"] == "hit"
    fill(full_redis)
    commit(rename, Article.objects.get(pk=article.pk), "Bewerkt met een volle Redis")
    # The new version was refused; the old one was deleted instead (deleting is allowed when full).
    assert not PendingInvalidation.objects.exists()
    for _ in range(2):
        response = Client().get(path)
        assert response.status_code == 200
        assert "Bewerkt met een volle Redis" in response.content.decode()
    assert Client().get("/").status_code == 200  # rendered, not stored


def test_with_redis_full_cached_pages_are_still_served_from_it(full_redis, article):
    path = article.get_absolute_url()
    Client().get(path)
    fill(full_redis)
    assert Client().get(path)["X-Page-Cache"] == "hit"


def test_a_change_refused_by_a_full_redis_is_not_undone_once_memory_frees(full_redis, article, commit):
    """The versions a refused touch deleted must not come back at an older moment: a page stored next
    (the home page, holding the article's key) gave them its own render's moment, which old entries
    shared, and the article's old page counted as fresh again."""
    path = article.get_absolute_url()
    Client().get(path)
    fill(full_redis)
    commit(rename, Article.objects.get(pk=article.pk), "Bewerkt met een volle Redis")
    full_redis.config_set("maxmemory", 0)  # entries expire, memory frees
    assert "Bewerkt met een volle Redis" in Client().get("/").content.decode()  # stored now
    response = Client().get(path)
    assert "Bewerkt met een volle Redis" in response.content.decode()


def test_a_render_begun_before_a_change_a_full_redis_refused_is_not_stored(full_redis, article, commit):
    path = article.get_absolute_url()
    real = pagecache.RedisStore.store

    def change_while_rendering(self, name, entry, seconds):
        fill(full_redis)
        commit(rename, Article.objects.get(pk=article.pk), "Bewerkt tijdens het renderen")
        full_redis.config_set("maxmemory", 0)
        return real(self, name, entry, seconds)

    with mock.patch.object(pagecache.RedisStore, "store", change_while_rendering):
        assert "Bewerkt tijdens het renderen" not in Client().get(path).content.decode()
    response = Client().get(path)
    assert response["X-Page-Cache"] == "miss"
    assert "Bewerkt tijdens het renderen" in response.content.decode()


@pytest.mark.parametrize("page_cache_on", ["memory", "redis"], indirect=True)
def test_a_schedule_looked_up_earlier_never_replaces_one_looked_up_later(page_cache_on):
    store = pagecache.store()
    later = pagecache.Schedule(2000.0, 1500.0, computed_at=120.0)
    earlier = pagecache.Schedule(3000.0, 1400.0, computed_at=110.0)
    store.save_schedule(later)
    store.save_schedule(earlier)  # a process that looked it up before the last change, writing after
    assert store.lookup("ezine:page:none").schedule == later


@pytest.mark.parametrize("page_cache_on", ["memory", "redis"], indirect=True)
def test_a_schedule_left_by_older_code_is_looked_up_again_not_an_error(page_cache_on, article):
    cache.set(pagecache.SCHEDULE_KEY, (None,), None)  # pickled, as before
    assert Client().get("/").status_code == 200
    assert pagecache.store().lookup("ezine:page:none").schedule is not None


def test_a_publication_scheduled_while_redis_was_full_still_appears_on_time(full_redis, commit):
    commit(factories.ArticleFactory, title="Al verschenen")
    Client().get("/")
    fill(full_redis)
    moment = timezone.now() + datetime.timedelta(minutes=1)
    commit(factories.ArticleFactory, title="Gepland toen Redis vol was", published_at=moment)
    full_redis.config_set("maxmemory", 0)
    Client().get("/")  # stored now: it must not live past the moment it could not be told
    with time_machine.travel(moment + datetime.timedelta(seconds=5), tick=False):
        assert "Gepland toen Redis vol was" in Client().get("/").content.decode()


def test_after_a_change_a_full_redis_refused_the_pages_it_did_not_touch_are_still_served(
    full_redis, article, commit
):
    other = commit(factories.ArticleFactory, title="Ander stuk")
    Client().get(other.get_absolute_url())
    fill(full_redis)
    commit(rename, Article.objects.get(pk=article.pk), "Bewerkt met een volle Redis")  # the clock goes too
    assert Client().get(other.get_absolute_url())["X-Page-Cache"] == "hit"
    assert "Bewerkt met een volle Redis" in Client().get(article.get_absolute_url()).content.decode()


# Near copies


def served(path):
    response = Client().get(path)
    return response["X-Page-Cache"], response.content.decode()


def change_elsewhere(keys):
    """Touch ``keys`` as another process or machine does: on Redis, without this process knowing."""
    with mock.patch.object(pagecache.near, "forget"):
        pagecache.touch(keys)


def articles(commit, *titles):
    """Return the paths of new articles, each page served once from Redis: kept as near copies."""
    paths = [commit(factories.ArticleFactory, title=title).get_absolute_url() for title in titles]
    for path in paths * 2:
        served(path)
    return paths


def test_a_page_served_from_redis_is_served_again_without_redis_or_sql(
    on_redis, article, django_assert_num_queries
):
    path = article.get_absolute_url()
    assert [served(path)[0] for _ in range(2)] == ["miss", "hit"]  # rendered, then found on Redis
    with redis_commands(on_redis) as sent, django_assert_num_queries(0):
        responses = [Client().get(path) for _ in range(5)]
    assert sent.call_count == 0
    assert {r["X-Page-Cache"] for r in responses} == {"hit"}
    assert {r["ETag"] for r in responses} == {Client().get(path)["ETag"]}


def test_a_change_committed_in_this_process_shows_at_once(on_redis, article, commit):
    path = article.get_absolute_url()
    served(path), served(path)
    commit(rename, article, "Wonen in de stad, bewerkt")
    assert served(path) == ("miss", mock.ANY) and "bewerkt" in served(path)[1]


def test_a_lookup_begun_before_this_process_ticks_never_brings_its_copy_back(on_redis, article, commit):
    """Another thread of the worker reads the clock just before the tick of a change made here."""
    path = article.get_absolute_url()
    served(path), served(path)
    client = pagecache.redis_client()
    real = client.eval

    def reader_first(script, *args):
        if script == pagecache.TICK_SCRIPT:
            pagecache.near.forget()  # its copy had to be looked up
            assert served(path)[0] == "hit"
        return real(script, *args)

    with mock.patch.object(client, "eval", reader_first):
        commit(rename, article, "Wonen in de stad, bewerkt")
    assert "bewerkt" in served(path)[1]


def test_a_change_made_elsewhere_shows_once_the_near_time_is_up(on_redis, article, settings):
    path = article.get_absolute_url()
    served(path), served(path)
    change_elsewhere([f"article:{article.pk}"])
    # Within the near time this worker may still serve its copy: Redis is not asked ...
    with redis_commands(on_redis) as sent:
        assert served(path)[0] == "hit"
    assert sent.call_count == 0
    # ... and once it is up, it asks, finds the page stale and renders it.
    settings.EZINE_PAGE_CACHE_NEAR_SECONDS = 0.05
    time.sleep(0.05)
    assert served(path)[0] == "miss"


def test_a_change_elsewhere_leaves_other_pages_copies_served_after_one_look_at_the_log(on_redis, commit):
    first, second = articles(commit, "Wonen in Utrecht", "Wonen in Zwolle")
    change_elsewhere(["article:999999"])  # an article neither page shows
    pagecache.near.forget()  # the near time is up
    with redis_commands(on_redis) as sent:
        assert served(first)[0] == "hit"
    assert sent.call_count == 2  # its look-up, then the log since the clock this worker knew
    with redis_commands(on_redis) as sent:
        assert served(second)[0] == "hit"
    assert sent.call_count == 0


def test_a_change_elsewhere_to_what_a_page_shows_drops_its_copy(on_redis, commit):
    first, second = articles(commit, "Wonen in Utrecht", "Wonen in Zwolle")
    change_elsewhere([f"article:{Article.objects.get(title='Wonen in Utrecht').pk}"])
    pagecache.near.forget()
    served(second)
    assert served(first)[0] == "miss"


def test_a_change_of_everything_elsewhere_drops_every_copy(on_redis, commit):
    first, second = articles(commit, "Wonen in Utrecht", "Wonen in Zwolle")
    change_elsewhere(["all"])
    pagecache.near.forget()
    assert [served(first)[0], served(second)[0]] == ["miss", "miss"]


def test_without_the_whole_log_no_copy_is_carried_over(on_redis, commit):
    first, second = articles(commit, "Wonen in Utrecht", "Wonen in Zwolle")
    on_redis.client.delete(cache.make_key(pagecache.LOG_KEY))  # trimmed, or lost
    change_elsewhere(["article:999999"])
    pagecache.near.forget()
    served(first)
    with redis_commands(on_redis) as sent:
        assert served(second)[0] == "hit"
    assert sent.call_count == 1  # looked up again


def test_the_log_says_which_keys_ticks_touched_and_starts_again_with_the_clock(on_redis):
    first = pagecache.tick(["article:1"])
    second = pagecache.tick(["article:2", "tag:3"])
    third = pagecache.tick(["articles"])
    assert on_redis.changes(first, third) == {"article:2", "tag:3", "articles"}
    assert on_redis.changes(second, second) == set()
    assert on_redis.changes(first, third, most=1) is None  # too many ticks to read: not known
    cache.delete(pagecache.CLOCK_KEY)  # as a change a full Redis refused does
    restarted = pagecache.tick(["article:4"])
    # The change refused in between was never logged: no log from before the restart counts.
    assert on_redis.changes(third, restarted) is None
    assert on_redis.changes(restarted, pagecache.tick(["tag:5"])) == {"tag:5"}


# The tick script of the release before the log: a worker still running it during a rolling deploy.
UNLOGGED_TICK = """
local now = redis.call('INCR', KEYS[1])
if now < tonumber(ARGV[1]) then now = tonumber(ARGV[1]); redis.call('SET', KEYS[1], ARGV[1]) end
for i = 2, #KEYS do redis.call('SET', KEYS[i], now) end
return now
"""


def test_a_tick_the_log_does_not_hold_carries_no_copy_over(on_redis, commit):
    first, second = articles(commit, "Wonen in Utrecht", "Wonen in Zwolle")
    key = f"article:{Article.objects.get(title='Wonen in Utrecht').pk}"
    names = [cache.make_key(name) for name in (pagecache.CLOCK_KEY, pagecache.version_key(key))]
    on_redis.client.eval(UNLOGGED_TICK, len(names), *names, time.time_ns() // 1000)
    change_elsewhere(["article:999999"])  # logged, after the tick that was not
    pagecache.near.forget()
    served(second)
    assert served(first)[0] == "miss"


def test_a_tick_of_many_keys_is_logged_as_touching_everything(on_redis):
    before = pagecache.tick(["article:1"])
    after = pagecache.tick([f"article:{n}" for n in range(pagecache.LOG_MOST_KEYS + 1)])
    assert on_redis.changes(before, after) == {"all"}


def test_a_copy_keeps_the_validators_redis_gives_when_a_scheduled_article_appears(on_redis, commit):
    first, second = articles(commit, "Wonen in Utrecht", "Wonen in Zwolle")
    moment = timezone.now() + datetime.timedelta(seconds=30)
    commit(factories.ArticleFactory, title="Gepland", published_at=moment)
    served(second)  # the clock moved: the copy of the first page is carried over
    with time_machine.travel(moment + datetime.timedelta(seconds=1), tick=False):
        pagecache.near.forget()
        served(second)  # looks the schedule up again: the newest publication is another
        with redis_commands(on_redis) as sent:
            near = Client().get(first)
        assert sent.call_count == 0
        pagecache.near.clear()
        from_redis = Client().get(first)
    assert from_redis["X-Page-Cache"] == "hit"
    assert (near["ETag"], near["Last-Modified"]) == (from_redis["ETag"], from_redis["Last-Modified"])


def test_a_copy_carried_over_a_publication_elsewhere_has_the_validators_redis_gives(on_redis, commit):
    first, second = articles(commit, "Wonen in Utrecht", "Wonen in Zwolle")
    with mock.patch.object(pagecache.near, "forget"):  # published in another process: the newest now
        commit(factories.ArticleFactory, title="Elders gepubliceerd", published_at=timezone.now())
    pagecache.near.forget()
    served(first)
    with redis_commands(on_redis) as sent:
        carried = Client().get(second)
    assert sent.call_count == 0
    pagecache.near.clear()
    from_redis = Client().get(second)
    assert from_redis["X-Page-Cache"] == "hit" and carried["ETag"] == from_redis["ETag"]
    assert carried["Last-Modified"] == from_redis["Last-Modified"]


def test_without_near_time_every_hit_asks_redis(on_redis, article, settings):
    settings.EZINE_PAGE_CACHE_NEAR_SECONDS = 0
    path = article.get_absolute_url()
    served(path), served(path)
    with redis_commands(on_redis) as sent:
        assert [served(path)[0] for _ in range(3)] == ["hit"] * 3
    assert sent.call_count == 3


def test_a_near_copy_is_never_served_past_a_scheduled_publication(on_redis, commit):
    moment = timezone.now() + datetime.timedelta(seconds=60)
    commit(factories.ArticleFactory, title="Gepland stuk", published_at=moment)
    served("/"), served("/")
    assert "Gepland stuk" not in served("/")[1]
    with time_machine.travel(moment + datetime.timedelta(seconds=1), tick=False):
        assert "Gepland stuk" in served("/")[1]


def test_a_near_copy_is_not_kept_at_the_edge(on_redis, article, settings):
    """The edge, purged at a change, would keep a copy up to the near time behind it as current."""
    settings.EZINE_EDGE_PURGE_URLS = ["http://127.0.0.1:9/"]
    path = article.get_absolute_url()
    served(path)
    from_redis = Client().get(path)
    assert from_redis["X-Page-Cache"] == "hit" and "Surrogate-Control" in from_redis
    near = Client().get(path)
    assert near["X-Page-Cache"] == "hit" and "Surrogate-Control" not in near and "xkey" not in near


def test_with_redis_gone_near_copies_last_only_their_time_then_pages_render(on_redis, article, settings):
    path = article.get_absolute_url()
    served(path), served(path)
    running = settings.CACHES
    gone = {"BACKEND": "ezine.cache.RedisCache", "LOCATION": f"redis://127.0.0.1:{free_port()}/0"}
    settings.CACHES = {**running, "default": gone}
    try:
        assert served(path)[0] == "hit"  # within the near time
        settings.EZINE_PAGE_CACHE_NEAR_SECONDS = 0.05
        time.sleep(0.05)
        response = Client().get(path)
    finally:
        settings.CACHES = running  # for the fixture to empty it
    assert response.status_code == 200 and "X-Page-Cache" not in response


def test_a_clock_deleted_by_a_refused_change_is_seen_before_any_near_copy(on_redis, article, commit):
    path = article.get_absolute_url()
    served(path), served(path)
    with mock.patch.object(pagecache, "touch", side_effect=pagecache.CACHE_ERRORS[0]("OOM")):
        commit(rename, article, "Bewerkt met een volle Redis")
    assert cache.get(pagecache.CLOCK_KEY) is None
    assert "Bewerkt met een volle Redis" in served(path)[1]


def test_near_copies_take_at_most_their_bytes_the_least_recently_served_going_first(settings):
    def entry(size, keys=("all",)):
        return pagecache.Entry(
            7, list(keys), time.time() + 60, 200, [("Content-Type", "text/html")], b"x" * size, None
        )

    one = pagecache.footprint(entry(900))
    settings.EZINE_PAGE_CACHE_NEAR_BYTES = 8 * one + 10
    near, state = pagecache.Near(), pagecache.Schedule(None, None, 0.0)
    near.saw(7, state, time.monotonic())
    for name in "abcd":
        near.keep(name, entry(900), 0, 7, state)
    near.get("a")  # served lately: kept longest
    for name in "efghij":
        near.keep(name, entry(900), 0, 7, state)
    assert near.size == sum(kept.size for kept in near.kept.values()) <= settings.EZINE_PAGE_CACHE_NEAR_BYTES
    assert near.get("a") is not None and near.get("b") is None and near.get("j") is not None
    # More than an eighth of the room, counting its keys: not kept, and the copy it replaces goes.
    near.keep("j", entry(900, keys=[f"article:{n}" for n in range(40)]), 0, 7, state)
    assert near.get("j") is None and near.size == sum(kept.size for kept in near.kept.values())


def test_the_bytes_counted_for_a_near_copy_are_those_python_takes():
    import pickle
    import tracemalloc

    stored = [
        pickle.dumps(
            pagecache.Entry(
                7,
                [f"article:{n}" for n in range(page, page + 30)],
                0.0,
                200,
                [(f"X-Header-{n}", f"value {page}") for n in range(15)],
                bytes(range(256)) * 40,
                bytes(range(256)) * 10,
            )
        )
        for page in range(100)
    ]
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        entries = [pickle.loads(data) for data in stored]
        taken = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert 0.9 < sum(map(pagecache.footprint, entries)) / taken < 1.2
