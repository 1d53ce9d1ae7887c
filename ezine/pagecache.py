"""Whole-page cache for anonymous readers, invalidated by surrogate keys: exactly what a change touches.

Every response an anonymous reader gets for a public page or feed is kept in the cache (Redis in
production) with the keys of what it shows (``core.dependencies``: an article page names the article, its
people, organisations, programmes, tags and the articles it links to; a list or feed the articles it shows
and the sets it lists them from; pages of people, programmes and the like ``ANY``) and the moment, on a
clock in the cache, its render began. Each key has a version: the clock tick of the last committed change
that touched it (``articles.models.touched_keys`` says which keys a change touches; a draft touches none).
An entry counts while none of its keys has a version later than its render: on Redis a hit costs one
round trip (a script reads the entry and the newest version of its keys: ``RedisStore``) and no SQL.
The same versions give every stored page its ``ETag`` and ``Last-Modified`` (``validators``): readers'
revalidations and feed polls are answered ``304`` without SQL. The edge cache (``ezine.edge``) keeps the
same pages under the same keys, and is purged by them.

A scheduled article must appear on time without anyone saving anything: no entry lives past the next
scheduled publication moment, which is kept in the cache and looked up again once it has passed.

Signed-in editors, previews, the admin, media and the health check bypass the cache, as do responses that
set cookies or say ``private``/``no-store``. An editor is recognised by a signed marker cookie set when
they sign in (``EditorMarkerMiddleware``), checked without the database: a made-up session cookie gets the
cached page like any reader, so a flood of them costs no renders.

Each worker also keeps a near copy of the pages it served from Redis (``Near``), served without asking
Redis while Redis showed the clock they were current under less than ``EZINE_PAGE_CACHE_NEAR_SECONDS`` ago
(0.2 s by default; 0 turns it off): a change committed in another process or on another machine reaches
every worker within that time, one committed in this process at once. Redis stays the one store of pages
and versions; without it nothing is kept, near or far.
"""

import hashlib
import logging
import pickle
import re
import threading
import time
from collections import OrderedDict
from typing import NamedTuple

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import Error as DBError
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, get_conditional_response, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from django.utils.text import compress_string
from redis.exceptions import RedisError

from core import dependencies
from core.release import code_version
from core.seo import canonical_query
from core.transactions import on_commit_collect

from . import edge

logger = logging.getLogger(__name__)

CLOCK_KEY = "ezine:clock"
# Which keys each tick touched (a Redis stream, entry id = the tick, with the tick before it), for workers to
# tell which of their near copies a change left current (``Near.saw``). Only the newest LOG_LENGTH ticks,
# about; a tick of more than LOG_MOST_KEYS keys is logged as touching ``ALL`` (at most ~2 MB in all).
LOG_KEY = "ezine:changes"
LOG_LENGTH = 1000
LOG_MOST_KEYS = 100
# Text (``Schedule.text``) under a name of its own: the pickled tuple earlier releases kept under
# "ezine:next-publication" stays theirs during a rolling deploy.
SCHEDULE_KEY = "ezine:schedule"
# What Django's Redis cache backend raises when Redis is down, refuses or times out.
CACHE_ERRORS = (RedisError, OSError)
# The apps whose models appear on public pages (taggit: tags and their links). Not auth: bylines name
# people, and an editor logging in (``last_login``) changes no page.
CONTENT_APPS = {"articles", "people", "taggit"}
# The most keys one transaction touches one by one; more touch ``ALL``.
MOST_KEYS_TOUCHED = 1000
# Responses must say none of these to be stored.
PRIVATE_DIRECTIVES = {"private", "no-store", "no-cache"}


def version_key(key):
    return f"ezine:key:{key}"


def next_publication():
    """Return the ``Schedule`` as the database has it now (two queries on the publication index)."""
    from articles.models import Article

    computed_at = time.time()
    upcoming = Article.objects.scheduled().order_by("published_at").values_list("published_at", flat=True)
    passed = Article.objects.published().order_by("-published_at").values_list("published_at", flat=True)
    moments = [moment.timestamp() if moment else None for moment in (upcoming.first(), passed.first())]
    return Schedule(*moments, computed_at)


class Schedule(NamedTuple):
    """What the cache keeps under ``SCHEDULE_KEY`` (as text, ``Schedule.text``): the timestamps of the next
    scheduled publication and of the newest one readers can see (``None``: none), and of the moment they
    were looked up. A scheduled article touches no key when its moment comes, so the newest publication is
    part of every page's validators (``validators``); entries never outlive the next one (``lifetime``)."""

    upcoming: float | None
    passed: float | None
    computed_at: float

    @property
    def text(self):
        return " ".join("-" if value is None else repr(value) for value in self)

    @classmethod
    def parse(cls, text):
        """Return the ``Schedule`` written as ``text`` (str or bytes), or ``None`` if it is not one."""
        try:
            text = text.decode() if isinstance(text, bytes) else text
            upcoming, passed, computed_at = (None if part == "-" else float(part) for part in text.split())
        except (AttributeError, ValueError):  # none, or left by older code (UnicodeDecodeError too)
            return None
        return cls(upcoming, passed, computed_at) if computed_at is not None else None


def schedule(state=None):
    """Return the ``Schedule`` the cache held (``state``), looked up again when it is missing or its
    publication has passed. With the database away, the one held (nothing is stored past its moment)."""
    if state is not None and (state.upcoming is None or state.upcoming > time.time()):
        return state
    try:
        state = next_publication()
    except DBError:
        logger.warning("Next publication not looked up (database)", exc_info=True)
        return state or Schedule(time.time(), None, 0.0)
    try:
        store().save_schedule(state)
    except CACHE_ERRORS:  # full: the next reader looks it up again
        logger.warning("Page cache refused the schedule", exc_info=True)
    return state


# One step on Redis, so that no other process comes between: advance the clock to the current time in
# microseconds or, when it is ahead (several machines' clocks, several changes in one microsecond), by one;
# give the keys that tick. Two touches at once can then never leave a key at the older tick, and a version
# says when its key last changed (``Last-Modified``). Versions have no expiry: one per object and set of
# articles (about 8 MB at 100,000 articles), never evicted under ``volatile-lru``, while entries are. A
# lost clock restarts from the current time: above every version handed out, as long as the machines'
# clocks agree (NTP) better than the time since the last change.
# Each tick is logged under its own number with the keys it touched and the tick before it (``after``), so a
# reader of the log can tell it whole: a tick that was not logged (by an earlier release's script during a
# rolling deploy) breaks the chain. A clock that starts again starts a new log.
TICK_SCRIPT = """
local previous = redis.call('GET', KEYS[1])
local now = redis.call('INCR', KEYS[1])
if now < tonumber(ARGV[1]) then now = tonumber(ARGV[1]); redis.call('SET', KEYS[1], ARGV[1]) end
for i = 3, #KEYS do redis.call('SET', KEYS[i], now) end
if not previous then redis.call('DEL', KEYS[2]) end
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], string.format('%d-0', now), 'keys', ARGV[3],
  'after', previous or '-')
return now
"""


def tick(keys=()):
    """Advance the clock that versions keys; give ``keys`` the new tick; return it."""
    wall = time.time_ns() // 1000
    client = redis_client()
    try:
        if client is not None:
            names = [CLOCK_KEY, LOG_KEY, *map(version_key, keys)]
            names = [cache.make_and_validate_key(name) for name in names]
            logged = keys if len(keys) <= LOG_MOST_KEYS else [dependencies.ALL]
            return int(client.eval(TICK_SCRIPT, len(names), *names, wall, LOG_LENGTH, " ".join(logged)))
        # Another cache (tests, development without Redis): the same steps, one process at a time.
        now = max((cache.get(CLOCK_KEY) or 0) + 1, wall)
        cache.set(CLOCK_KEY, now, None)
        cache.set_many({version_key(key): now for key in keys}, None)
        return now
    finally:
        # After the tick: a look-up begun before it is not believed (another thread), so this process's
        # change shows at once in its near copies.
        near.forget()


def redis_client():
    """Return the Redis client of the default cache, or ``None`` when it is not Redis."""
    backend = getattr(cache, "_cache", None)
    return backend.get_client(write=True) if hasattr(backend, "get_client") else None


class Entry(NamedTuple):
    """A stored response: the clock when its render began, the keys of what it shows, the moment (a
    timestamp) it expires, and the response itself (its body also gzipped, when worth it)."""

    rendered_at: int
    keys: list
    expires: float
    status: int
    headers: list
    content: bytes
    gzipped: bytes | None


class Found(NamedTuple):
    """What the cache holds for a request: the clock, the ``Schedule`` and the stored entry, with the newest
    version of the entry's keys and those of its keys that have none (a version lost, or deleted by a
    change a full cache refused)."""

    clock: int | None
    schedule: Schedule | None
    entry: Entry | None
    newest: int = 0
    missing: tuple = ()


class CacheStore:
    """Entries and versions in any Django cache (the local-memory cache of tests and development), two
    round trips a hit: the entry, then its keys' versions; one process at a time."""

    def lookup(self, name):
        found = cache.get_many([CLOCK_KEY, SCHEDULE_KEY, name])
        clock, state, entry = found.get(CLOCK_KEY), Schedule.parse(found.get(SCHEDULE_KEY)), found.get(name)
        if entry is None:
            return Found(clock, state, None)
        names = [version_key(key) for key in entry.keys]
        versions = cache.get_many(names)
        missing = tuple(key for key, name in zip(entry.keys, names, strict=True) if name not in versions)
        return Found(clock, state, entry, max(versions.values(), default=0), missing)

    def store(self, name, entry, seconds):
        """Keep ``entry`` for ``seconds`` if it is current: none of its keys was touched since its render
        began (``entry.rendered_at``), and the clock was neither lost nor deleted meanwhile (as a change
        a full cache refused does, with the versions it touched). A key without a version gets the
        entry's moment, only while the clock still shows it: then no change at all has come between.
        Return the newest version of its keys, or 0 when it was not stored."""
        clock, rendered_at = cache.get(CLOCK_KEY), entry.rendered_at
        names = [version_key(key) for key in entry.keys]
        versions = cache.get_many(names)
        if clock is None or max(versions.values(), default=0) > rendered_at:
            return 0
        if len(versions) < len(names):
            if clock != rendered_at:
                return 0
            for version in names:
                cache.add(version, rendered_at, None)
        cache.set(name, entry, seconds)
        return max(versions.values(), default=0) if len(versions) == len(names) else rendered_at

    def save_schedule(self, state):
        """Keep ``state`` unless what the cache holds was looked up later (two processes at once)."""
        held = Schedule.parse(cache.get(SCHEDULE_KEY))
        if held is None or held.computed_at <= state.computed_at:
            cache.set(SCHEDULE_KEY, state.text, None)

    def get(self, name):
        return cache.get(name)

    def changes(self, since, until):
        """Return the keys the ticks after ``since`` up to ``until`` touched, or ``None`` when that is not
        known: here never (no log; near copies are then looked up again after every change)."""
        return None


# A hit in one step: the clock, the schedule and the entry, and the newest version of the entry's keys,
# whose names the entry begins with (a line of names, space-separated, then the pickled entry). Reads keys
# it is not given (the versions): fine on one Redis server or a replicated pair, not on Redis Cluster. The
# entry is returned whole, not cut after its names: a copy less through Lua (a 45 KB entry: 150 -> 95 µs of
# Redis's time a hit, measured with INFO commandstats).
LOOKUP_SCRIPT = r"""
local found = redis.call('MGET', KEYS[1], KEYS[2], KEYS[3])
local entry = found[3]
if not entry then return {found[1], found[2], false, 0} end
local line = string.find(entry, '\n', 1, true)
local names = {}
for name in string.gmatch(string.sub(entry, 1, line - 1), '%S+') do names[#names + 1] = name end
local newest, result = 0, {found[1], found[2], entry, 0}
for first = 1, #names, 500 do
  local versions = redis.call('MGET', unpack(names, first, math.min(first + 499, #names)))
  for i = 1, #versions do
    local version = tonumber(versions[i])
    if version == nil then result[#result + 1] = first + i - 1
    elseif version > newest then newest = version end
  end
end
result[4] = newest
return result
"""

# Store an entry only if it is current, in one step (see ``CacheStore.store``). KEYS: the entry, the
# clock, the versions of the entry's keys; ARGV: the render's clock, seconds, the data.
STORE_SCRIPT = """
local clock, rendered, newest, missing = tonumber(redis.call('GET', KEYS[2])), tonumber(ARGV[1]), 0, false
if clock == nil then return 0 end
for i = 3, #KEYS do
  local version = tonumber(redis.call('GET', KEYS[i]))
  if version == nil then missing = true
  elseif version > rendered then return 0
  elseif version > newest then newest = version end
end
if missing then
  if clock ~= rendered then return 0 end
  for i = 3, #KEYS do redis.call('SET', KEYS[i], ARGV[1], 'NX') end
  newest = rendered
end
redis.call('SET', KEYS[1], ARGV[3], 'EX', ARGV[2])
return newest
"""

# Keep a schedule unless the one held was looked up later (see ``CacheStore.save_schedule``).
SCHEDULE_SCRIPT = """
local held = redis.call('GET', KEYS[1])
local computed = held and tonumber(string.match(held, '(%S+)$'))
if computed and computed > tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
return 1
"""


class RedisStore(CacheStore):
    """The same on Redis, one round trip each (Lua scripts, run by SHA once Redis knows them)."""

    def __init__(self, client):
        self.client = client
        self.lookup_script = client.register_script(LOOKUP_SCRIPT)
        self.store_script = client.register_script(STORE_SCRIPT)
        self.schedule_script = client.register_script(SCHEDULE_SCRIPT)

    def lookup(self, name):
        clock, state, entry, newest, *missing = self.lookup_script(
            keys=[cache.make_key(CLOCK_KEY), cache.make_key(SCHEDULE_KEY), cache.make_key(name)]
        )
        clock, state = int(clock) if clock is not None else None, Schedule.parse(state)
        if entry is None:
            return Found(clock, state, None)
        entry = self.decode(entry)
        return Found(clock, state, entry, newest, tuple(entry.keys[i - 1] for i in missing))

    def store(self, name, entry, seconds):
        names = [cache.make_key(version_key(key)) for key in entry.keys]
        data = b" ".join(n.encode() for n in names) + b"\n" + pickle.dumps(entry, pickle.HIGHEST_PROTOCOL)
        keys = [cache.make_key(name), cache.make_key(CLOCK_KEY), *names]
        return int(self.store_script(keys=keys, args=[entry.rendered_at, seconds, data]))

    def save_schedule(self, state):
        self.schedule_script(keys=[cache.make_key(SCHEDULE_KEY)], args=[repr(state.computed_at), state.text])

    def get(self, name):
        data = self.client.get(cache.make_key(name))
        return self.decode(data) if data is not None else None

    def changes(self, since, until, most=LOG_LENGTH):
        """The same from the log, which must hold every tick from ``since`` to ``until``, each after the one
        before (else one was trimmed, never logged, or the clock restarted between: not known); more than
        ``most`` ticks are not read, and not known."""
        ticks = self.client.xrange(cache.make_key(LOG_KEY), f"{since}-0", f"{until}-0", count=most + 1)
        if not ticks or ticks[0][0] != f"{since}-0".encode() or len(ticks) > most:
            return None
        touched, before = set(), since
        for tick, fields in ticks[1:]:
            if fields.get(b"after") != str(before).encode():
                return None
            before = int(tick.split(b"-")[0])
            touched.update(fields[b"keys"].decode().split())
        return touched if before == until else None

    @staticmethod
    def decode(data):
        """Return the entry stored as ``data``: its line of key names, then the entry pickled."""
        return pickle.loads(memoryview(data)[data.index(b"\n") + 1 :])


class Kept(NamedTuple):
    """A near copy: the entry, the newest version of its keys, its validators (``ETag``,
    ``Last-Modified``) and the newest visible publication they were made with, the clock it was current
    under and about how many bytes it takes."""

    entry: Entry
    newest: int
    validators: tuple
    passed: float | None
    clock: int
    size: int


class Near:
    """This worker's copies of pages it served from Redis, served without a round trip while Redis showed,
    less than ``EZINE_PAGE_CACHE_NEAR_SECONDS`` ago, the clock they were current under: no change was
    committed before that moment. At most ``EZINE_PAGE_CACHE_NEAR_BYTES``, the least recently served go
    first. A hit from Redis costs about as much as the whole of Django's own work for a request on the
    machine of bench/RESULTS.md (one round trip); the near copy answers in a dictionary look-up.
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.clear()

    def clear(self):
        with self.lock:
            self.kept, self.size = OrderedDict(), 0
            self.clock, self.state, self.seen_at = None, None, float("-inf")
            self.forgot_at = float("-inf")

    def forget(self):
        """Ask Redis again before serving any copy (a change in this process; a clock deleted), and take no
        answer to a look-up begun before."""
        with self.lock:
            self.seen_at, self.forgot_at = float("-inf"), time.monotonic()

    def saw(self, clock, state, since):
        """Note what a look-up begun at ``since`` (``time.monotonic()``) found: the clock and the schedule.

        When the clock moved, the copies none of whose keys a tick in between touched are current under the
        new one too (the log, one round trip): a change to one article leaves the copies of other pages
        served without a look-up each. Without the whole log (trimmed, restarted) none are.
        """
        with self.lock:
            if clock is None:
                self.seen_at = float("-inf")
                return
            if since < max(self.seen_at, self.forgot_at):
                return
            before = self.clock
        try:
            touched = store().changes(before, clock) if before is not None and before < clock else None
        except CACHE_ERRORS:
            touched = None  # the copies are looked up again; the page found is served all the same
        with self.lock:
            if since < max(self.seen_at, self.forgot_at) or self.clock != before:
                return  # another thread got there first, or this process changed something meanwhile
            if touched is not None:
                for name, kept in list(self.kept.items()):
                    if kept.clock == before and touched.isdisjoint(kept.entry.keys):
                        self.kept[name] = kept._replace(clock=clock)
            self.clock, self.state, self.seen_at = clock, state, since

    def get(self, name):
        """Return the copy kept under ``name`` and the schedule when it may be served now, else ``None``."""
        seconds = settings.EZINE_PAGE_CACHE_NEAR_SECONDS
        if seconds <= 0:
            return None
        with self.lock:
            if time.monotonic() - self.seen_at >= seconds:
                return None
            kept, state = self.kept.get(name), self.state
            if kept is None or kept.clock != self.clock:
                return None
            # No entry outlives the next publication (``lifetime``): none is served past it.
            if time.time() >= kept.entry.expires:
                return None
            if kept.passed != state.passed:  # part of every validator: a publication reached its moment
                kept = kept._replace(validators=validators(name, kept.newest, state), passed=state.passed)
                self.kept[name] = kept
            self.kept.move_to_end(name)
        return kept, state

    def keep(self, name, entry, newest, clock, state):
        """Keep ``entry``, current under ``clock`` with ``newest`` the newest version of its keys; return its
        validators (``validators``)."""
        tags = validators(name, newest, state)
        limit = settings.EZINE_PAGE_CACHE_NEAR_BYTES
        with self.lock:
            old = self.kept.pop(name, None)
            self.size -= old.size if old else 0
            size = footprint(entry)
            if clock is None or settings.EZINE_PAGE_CACHE_NEAR_SECONDS <= 0 or size > limit // 8:
                return tags
            self.kept[name] = Kept(entry, newest, tags, state.passed, clock, size)
            self.size += size
            while self.size > limit:
                self.size -= self.kept.popitem(last=False)[1].size
        return tags


near = Near()


def footprint(entry):
    """Return about how many bytes ``entry`` takes in memory: its bodies, keys and headers as Python keeps
    them (each string ~50 bytes over its length, each list item and tuple 8 and 56 more)."""
    strings = [*entry.keys, *(part for header in entry.headers for part in header)]
    objects = 49 + len(strings) * 58 + len(entry.headers) * 56 + 400  # 400: the entry and its tuple, a key
    return len(entry.content) + len(entry.gzipped or b"") + sum(map(len, strings)) + objects


_stores = {}


def store():
    """Return the store of the default cache: ``RedisStore`` on Redis, ``CacheStore`` on any other."""
    client = redis_client()
    if client is None:
        return CacheStore()
    if id(client) not in _stores:
        _stores.clear()
        _stores[id(client)] = RedisStore(client)
    return _stores[id(client)]


def touch(keys):
    """Make stale every stored page holding one of ``keys``: their versions become a new clock tick.

    The next publication moment is written first: a reader who sees the new tick also sees the moment,
    so no entry stored then outlives it. When the database cannot tell it (connection lost right after
    the commit), the schedule is dropped, for readers to look up again, and the keys are touched anyway.
    """
    try:
        state = next_publication()
    except DBError:
        logger.warning("Next publication not looked up (database); readers will", exc_info=True)
        cache.delete(SCHEDULE_KEY)
    else:
        store().save_schedule(state)
    tick(keys)


def content_changed(sender, instance=None, created=False, **kwargs):
    """Signal receiver (save, delete, many-to-many change of content): remember the keys the change
    touches and touch them once the transaction commits.

    Readers never see uncommitted rows, so a touch before the commit would be useless (a reader could
    store the old state as current). One touch per transaction, of all the keys its changes touched;
    none for a change no reader can see (``unseen_by_readers``: a draft, its tags).
    """
    from articles.models import links_changed, touched_keys, unseen_by_readers

    # Nothing to touch for a change readers could not see before nor can now (an article published before
    # and reverted to a never-published version was seen: ``_seen``, noted before the save).
    seen_before = getattr(instance, "_seen", False)
    if instance is not None and unseen_by_readers(instance, created) and not seen_before:
        return
    action = kwargs.get("action")
    if action is None:
        deleted = kwargs.get("signal") is pre_delete
        keys = touched_keys(instance, getattr(instance, "_readers_view_before", None), deleted=deleted)
    elif action in ("post_add", "post_remove"):
        keys = links_changed(instance, kwargs["model"], kwargs["pk_set"])
    elif action == "pre_clear":
        keys = None  # which links go is not told
    else:
        return
    keys = keys if keys is not None else {dependencies.ALL}
    on_commit_collect("ezine.pagecache.touch", keys, touch_after_commit, robust=True)


def bulk_change(sender, keys, **kwargs):
    """Receiver of ``core.dependencies.changed_in_bulk``: touch ``keys`` once the transaction commits."""
    on_commit_collect("ezine.pagecache.touch", keys, touch_after_commit, robust=True)


def remember_readers_view(sender, instance, **kwargs):
    """``pre_save`` of an article or a person: note where readers found it (a person: in which
    organisation's articles), to tell afterwards whether that changed."""
    from articles.models import Article, person_before, readers_view_before

    if isinstance(instance, Article):
        instance._readers_view_before, instance._seen = readers_view_before(instance)
    else:
        instance._readers_view_before = person_before(instance)


def touch_after_commit(keys):
    """Make stale what a committed transaction's changes touched, whatever state the caches are in.

    A cache that refuses writes (Redis full, ``noeviction``) still deletes: a key without a version makes
    every page holding it stale. A cache that does not answer at all gets the change in the database's
    outbox (``PendingInvalidation``), drained when it answers again; so does an edge cache
    (``ezine.edge``) that cannot be purged. Never raises: the save has been committed and the editor
    must not see an error page.
    """
    from .models import PendingInvalidation

    keys = dependencies.widened(keys)
    # A change this large (an import, a bulk action) makes nearly every page stale anyway: one key is
    # cheaper than thousands of versions and purges.
    keys = sorted(keys) if len(keys) <= MOST_KEYS_TOUCHED else [dependencies.ALL]
    if not keys:
        return
    if not stale_in_cache(keys):
        PendingInvalidation.objects.create(target=PendingInvalidation.Target.PAGE_CACHE)
        _outage.set()
    if edge.enabled():
        try:
            edge.purge(keys)
            edge.purge_again_soon(keys)
        except OSError:
            logger.warning("Edge cache not purged; the change waits in the outbox", exc_info=True)
            PendingInvalidation.objects.create(target=PendingInvalidation.Target.EDGE)
            _edge_outage.set()


def stale_in_cache(keys):
    """Return whether the pages holding ``keys`` are stale now: new versions, or at least none."""
    try:
        touch(keys)
        return True
    except CACHE_ERRORS:
        logger.warning("Page cache refused new versions", exc_info=True)
    try:
        # The clock too: a render that began before this change must not be stored as current by
        # giving these keys its own moment (``CacheStore.store``); the clock restarts at the next tick.
        # The schedule as well: the change may have scheduled an article; readers look it up again.
        try:
            cache.delete_many([CLOCK_KEY, SCHEDULE_KEY, *(version_key(key) for key in keys)])
        finally:
            near.forget()
        return True
    except CACHE_ERRORS:
        logger.warning("Page cache unreachable; the change waits in the outbox", exc_info=True)
    return False


class _Outage:
    """Whether this process saw a cache fail since it last drained the outbox, and when to try again."""

    def __init__(self, retry_after=0.0):
        self.seen = False
        self.retry_after = retry_after
        self.last_try = 0.0

    def set(self):
        self.seen = True

    def due(self):
        """Return whether to try draining now (at most once per ``retry_after`` seconds)."""
        if not self.seen or time.monotonic() - self.last_try < self.retry_after:
            return False
        self.last_try = time.monotonic()
        return True


_outage = _Outage()
# An edge that cannot be purged delays no reader: its outbox is tried again at most every 10 seconds.
_edge_outage = _Outage(retry_after=10.0)


def drain_outbox():
    """Make every page stale for the changes waiting in the outbox for the page cache (which keys they
    touched was not kept); return how many there were.

    Raises the cache's error when it still does not answer: the changes stay in the outbox.
    """
    from .models import PendingInvalidation

    drained = _drain(PendingInvalidation.Target.PAGE_CACHE, lambda: touch([dependencies.ALL]))
    _outage.seen = False
    return drained


def drain_edge_outbox():
    """The same for the edge cache: purge all of it; raises ``OSError`` when that fails."""
    from .models import PendingInvalidation

    drained = _drain(PendingInvalidation.Target.EDGE, lambda: edge.purge([dependencies.ALL]))
    _edge_outage.seen = False
    return drained


def _drain(target, make_stale):
    from .models import PendingInvalidation

    waiting = PendingInvalidation.objects.filter(target=target)
    last = waiting.order_by("-pk").values_list("pk", flat=True).first()
    if last is None:
        return 0
    make_stale()
    drained, _ = waiting.filter(pk__lte=last).delete()
    return drained


def connect_signals():
    """Connect ``content_changed`` to the content models only: a receiver for every model would keep Django
    from deleting other rows (sessions, search entries) in one fast query."""
    from django.apps import apps

    from articles.models import Article
    from people.models import Person

    pre_save.connect(remember_readers_view, sender=Article, dispatch_uid="ezine.pagecache.readers_view")
    pre_save.connect(remember_readers_view, sender=Person, dispatch_uid="ezine.pagecache.person_before")
    dependencies.changed_in_bulk.connect(bulk_change, dispatch_uid="ezine.pagecache.bulk_change")
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            # Before a deletion: the links that go with it (an article's people, its milestones) send no
            # signals of their own, and say which sets it leaves only while they exist.
            for signal in (post_save, pre_delete, m2m_changed):
                signal.connect(
                    content_changed, sender=model, dispatch_uid=f"ezine.pagecache.{label}.{model.__name__}"
                )


# What is worth compressing: text of some size (HTML, feeds, JSON, XML), as Django's GZipMiddleware judges.
COMPRESSIBLE = ("text/", "application/xml", "application/rss+xml", "application/atom+xml", "application/json")
COMPRESSIBLE += ("application/feed+json",)
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def compressed(response):
    """Return the gzip of a stored page's body, or None when it is not worth it (small, or not text)."""
    content_type = response.get("Content-Type", "")
    if (
        len(response.content) < 200
        or not content_type.startswith(COMPRESSIBLE)
        or response.has_header("Content-Encoding")
    ):
        return None
    return compress_string(response.content)


def lifetime(upcoming, now=None, seconds=None):
    """Return how many seconds an entry stored now may live (a page: ``EZINE_PAGE_CACHE_SECONDS`` at most,
    else ``seconds``): never past the next publication."""
    now = time.time() if now is None else now
    seconds = settings.EZINE_PAGE_CACHE_SECONDS if seconds is None else seconds
    if upcoming is not None:
        seconds = min(seconds, int(upcoming - now))
    return max(seconds, 0)


def look_up(key):
    """Return what the store holds under ``key`` (``Found``), the clock a render starting now runs under
    and the ``Schedule``: the first steps of serving a page or a fragment. Read before rendering: a change
    committed during the render has a later version."""
    found = store().lookup(key)
    return found, found.clock or PageCacheMiddleware.restart_clock(), schedule(found.schedule)


def hashed_address(request, host, rest):
    """Return the digest naming what is kept for ``rest`` of the addresses at ``request``'s scheme and
    ``host``, in this release of the code: a deploy that changes templates or code never serves what was
    rendered before it."""
    address = f"{code_version()} {request.scheme}://{host}{rest}"
    return hashlib.sha256(address.encode()).hexdigest()


class PageCacheMiddleware:
    """Serve anonymous readers' GET and HEAD requests from the cache; see the module docstring.

    Place it after ``SecurityMiddleware`` (redirects to https happen first) and before the session
    middleware; the headers the inner middleware sets (CSP, frame options) are stored with the page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.EZINE_FRAGMENT_CACHE_SECONDS > 0 and request.method in ("GET", "HEAD"):
            request.fragments = fragments
        key = self.key(request)
        if key is None:
            return self.get_response(request)
        key = f"ezine:page:{key}"
        try:
            if _outage.seen:
                self.drain()  # the first request after an outage: what changed meanwhile goes first
            if _edge_outage.due():
                self.drain_edge()
            kept = near.get(key)
            if kept is not None:
                # Not for the edge to keep: a near copy may be up to its time behind a change, and the edge,
                # purged at the change, would keep it as current.
                return self.hit(request, kept[0].entry, kept[0].validators, kept[1], edge_may_keep=False)
            since = time.monotonic()
            found, clock, state = look_up(key)
            near.saw(found.clock, state, since)
            stored = found.entry
            fresh, clock = self.fresh(found, clock) if stored is not None else (False, clock)
            stale = None if fresh else stored
            if fresh:
                tags = near.keep(key, stored, found.newest, found.clock, state)
                return self.hit(request, stored, tags, state)
        except CACHE_ERRORS:
            # The cache is down: readers get the page rendered, not an error; nothing is stored, and no
            # fragment is looked up (a Redis that times out would make each of them wait as long).
            _outage.set()
            request.fragments = None
            logger.warning("Page cache unreachable; serving %s uncached", request.path, exc_info=True)
            return self.get_response(request)
        dependencies.start(request)
        response = self.get_response(request)
        if stale is not None and response.status_code == 503 and response.has_header("Retry-After"):
            # The page turned the request away for load (too many searches at once): the copy from before
            # the last change beats "come back later". Never kept at the edge.
            response = self.replay(request, stale)
            response["X-Page-Cache"] = "stale"
            return response
        # Stored only when rendered from the canonical address: links on a page repeat its query string, and
        # one visitor's ``?ref=…`` must not reach every reader's copy.
        canonical = request.META.get("QUERY_STRING", "") == canonical_query(request)
        if request.method == "GET" and canonical and self.storable(response):
            seconds = lifetime(state.upcoming) if clock is not None else 0
            if seconds > 0:
                keys = dependencies.recorded(request)
                patch_vary_headers(response, ["Accept-Encoding"])
                entry = Entry(
                    clock,
                    keys,
                    time.time() + seconds,
                    response.status_code,
                    list(response.items()),
                    response.content,
                    compressed(response),
                )
                try:
                    # A page rendered from the state before a commit is neither stored nor sent to the edge.
                    newest = store().store(key, entry, seconds)
                except CACHE_ERRORS:
                    logger.warning("Page cache unreachable; %s not stored", request.path, exc_info=True)
                    newest = 0
                if newest:
                    response["ETag"], response["Last-Modified"] = validators(key, newest, state)
                    if edge.enabled():
                        edge.mark(response, seconds, keys)
            response["X-Page-Cache"] = "miss"
            return conditional(request, response)
        return response

    def hit(self, request, stored, tags, state, edge_may_keep=True):
        """Return the stored page ``stored`` with its validators ``tags`` (``ETag``, ``Last-Modified``)."""
        response = self.replay(request, stored)
        response["ETag"], response["Last-Modified"] = tags
        if edge_may_keep and edge.enabled():
            seconds = min(lifetime(state.upcoming), int(stored.expires - time.time()))
            edge.mark(response, max(seconds, 0), stored.keys)
        return conditional(request, response)

    @staticmethod
    def restart_clock():
        """Return a new tick for a cache without a clock, or ``None`` when it refuses one (full): stored
        pages are still served (a hit needs no clock), and what renders now is not stored."""
        try:
            return tick()
        except CACHE_ERRORS:
            logger.warning("Page cache refused a new clock; nothing is stored meanwhile", exc_info=True)
            return None

    @staticmethod
    def fresh(found, clock):
        """Return whether no key of the entry ``found`` was touched since its render began, and the clock a
        render starting now runs under.

        A key without a version (lost, or deleted by a change that the full cache refused) gets one now:
        the entry is stale, and the page rendered now current under that version.
        """
        if found.missing:
            return False, tick(found.missing)
        # Past its moment (a scheduled publication) even where the cache's own expiry has not run yet.
        return found.newest <= found.entry.rendered_at and time.time() < found.entry.expires, clock

    @staticmethod
    def drain():
        try:
            drain_outbox()
        except DBError:
            logger.warning("Page cache outbox not drained (database)", exc_info=True)

    def drain_edge(self):
        try:
            drain_edge_outbox()
        except (OSError, DBError):
            logger.warning("Edge cache still not purged", exc_info=True)

    def key(self, request):
        """Return the cache key of ``request`` within a version, or ``None`` when it must bypass the cache."""
        if settings.EZINE_PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
            return None
        if signed_in_editor(request):
            return None
        if request.path_info.startswith(tuple(settings.EZINE_PAGE_CACHE_EXCLUDE)):
            return None
        try:
            host = request.get_host()
        except DisallowedHost:
            return None  # the inner middleware answers 400
        # Only the query parameters a page reads: ``?utm_source=N`` makes no entry of its own.
        return hashed_address(request, host, f"{request.path}?{canonical_query(request)}")

    def storable(self, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        directives = {
            d.split("=")[0].strip().lower() for d in cc_delim_re.split(response.get("Cache-Control", ""))
        }
        return not directives & PRIVATE_DIRECTIVES

    def replay(self, request, stored):
        response = HttpResponse(stored.content, status=stored.status, headers=dict(stored.headers))
        gzipped = stored.gzipped
        if gzipped is not None and ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
            # Compressed once, when stored: a hit costs no compression.
            response.content = gzipped
            response["Content-Encoding"] = "gzip"
            response["Content-Length"] = str(len(gzipped))
        response["X-Page-Cache"] = "hit"
        return response


class Fragments:
    """Parts of pages kept in the page cache's store under the keys of what they show (``core.fragments``),
    by the same rules as pages: one round trip a lookup; current while none of its keys was touched since its
    render began and the next scheduled publication has not come; stored only if no change came meanwhile.
    Redis down or full: the part is rendered, as if nothing were kept. Never near copies: a part kept is
    always looked up in Redis, so a change anywhere counts at once."""

    def get(self, request, name, render):
        try:
            key = self.key(request, name)
        except DisallowedHost:
            return render()
        try:
            if _outage.seen:
                # Changes saved while the cache was away wait in the outbox; editors and a site without
                # the page cache never pass the page cache's own drain.
                PageCacheMiddleware.drain()
            found, clock, state = look_up(key)
            if found.entry is not None:
                fresh, clock = PageCacheMiddleware.fresh(found, clock)
                if fresh:
                    dependencies.depends_on(request, *found.entry.keys)
                    return found.entry.content
        except CACHE_ERRORS:
            _outage.set()
            request.fragments = None  # the rest of this page is rendered without asking again
            logger.warning("Page cache unreachable; fragment %s rendered", name)
            return render()
        with dependencies.recording(request) as keys:
            content = render()
        seconds = lifetime(state.upcoming, seconds=settings.EZINE_FRAGMENT_CACHE_SECONDS) if clock else 0
        if seconds > 0:
            entry = Entry(clock, dependencies.complete(keys), time.time() + seconds, 200, [], content, None)
            try:
                store().store(key, entry, seconds)
            except CACHE_ERRORS:
                logger.warning("Page cache unreachable; fragment %s not stored", name)
        return content

    @staticmethod
    def key(request, name):
        """Return the cache key of the fragment ``name`` of pages at ``request``'s scheme and host (its
        absolute links) in this release of the code."""
        return f"ezine:fragment:{hashed_address(request, request.get_host(), f' {name}')}"


fragments = Fragments()


def validators(name, newest, state):
    """Return the validators, ``ETag`` and ``Last-Modified``, of what is stored under ``name``: made of the
    newest version of its keys (when one of them changes, the validators do) and the newest publication
    readers can see (a scheduled one reaching its moment touches no key). The one definition, for pages
    just stored, hits and near copies.

    The ``ETag`` is weak (the same content, not always the same bytes: gzip); ``Last-Modified`` is the
    moment of that change or publication (a version is a time in microseconds), to the second as HTTP
    dates go: two changes within one second give one date, which the ``ETag`` tells apart. No SQL: feed
    readers' polls and browsers' revalidations cost a lookup, whether the page was stored or just rendered.
    """
    digest = hashlib.sha256(f"{name} {newest} {state.passed}".encode()).hexdigest()[:32]
    # Never later than now (RFC 9110 §8.8.2.1), should a machine's clock have run ahead.
    moment = max(newest // 1_000_000, int(state.passed or 0))
    return f'W/"{digest}"', http_date(min(moment, int(time.time())))


# The request headers that make a request conditional (RFC 9110 §13.1).
CONDITIONAL_HEADERS = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
)


def conditional(request, response):
    """Return ``304 Not Modified`` when the request's validators match ``response``'s, else ``response``."""
    if not response.has_header("ETag") or not any(map(request.META.get, CONDITIONAL_HEADERS)):
        return response
    last_modified = parse_http_date_safe(response["Last-Modified"])
    return get_conditional_response(
        request, etag=response["ETag"], last_modified=last_modified, response=response
    )


EDITOR_COOKIE = "ezine_editor"
EDITOR_SALT = "ezine.pagecache.editor"


def signed_in_editor(request):
    """Return whether ``request`` carries a valid editor marker: a signature check, no database query."""
    value = request.COOKIES.get(EDITOR_COOKIE)
    if not value:
        return False
    try:
        signing.loads(value, salt=EDITOR_SALT, max_age=settings.SESSION_COOKIE_AGE)
    except signing.BadSignature:
        return False
    return True


class EditorMarkerMiddleware:
    """Sets the editor marker for a signed-in member of staff and removes it once they are signed out.

    After ``AuthenticationMiddleware``. Looks at the user only when the request has a session cookie, so
    readers' requests cost nothing extra.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # A session cookie sent, or a session begun now (signing in): only then is the user looked up.
        session = getattr(request, "session", None)
        has_session = settings.SESSION_COOKIE_NAME in request.COOKIES or getattr(session, "modified", False)
        if not has_session and EDITOR_COOKIE not in request.COOKIES:
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            if not signed_in_editor(request):
                response.set_cookie(
                    EDITOR_COOKIE,
                    signing.dumps(user.pk, salt=EDITOR_SALT),
                    max_age=settings.SESSION_COOKIE_AGE,
                    secure=settings.SESSION_COOKIE_SECURE,
                    httponly=True,
                    samesite="Lax",
                )
        elif EDITOR_COOKIE in request.COOKIES:
            response.delete_cookie(EDITOR_COOKIE, samesite="Lax")
        return response
