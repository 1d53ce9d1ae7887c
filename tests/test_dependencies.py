"""One dependency model: each cached page holds the keys of what it shows, and a committed change makes
stale exactly the pages holding a key it touched (articles.models.touched_keys, core.dependencies)."""

import pytest
from django.core.cache import cache
from django.test import Client
from taggit.models import Tag

from articles.models import Article
from core import dependencies
from ezine import pagecache
from tests import factories

# Each test runs over the local-memory cache and over Redis (``page_cache_on``).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


def state(path):
    """Return how the page cache answered ``path``: "hit", "miss" (rendered), or the status code."""
    response = Client().get(path)
    return response["X-Page-Cache"] if response.status_code == 200 else response.status_code


def cached(*paths):
    for path in paths:
        Client().get(path)
        assert state(path) == "hit"


def rename(obj, field, value):
    setattr(obj, field, value)
    obj.save()


@pytest.fixture
def newsroom(commit):
    """Two unrelated published articles and one sharing a tag and a person with the first."""

    def build():
        person = factories.PersonFactory(name="Anna de Vries", organisation=factories.OrganisationFactory())
        first = factories.ArticleFactory(
            title="Wonen in Utrecht",
            tags=["wonen"],
            people=[person],
            partnership=factories.PartnershipFactory(),
            city_deal=factories.CityDealFactory(),
        )
        neighbour = factories.ArticleFactory(title="Wonen in Zwolle", tags=["wonen"])
        stranger = factories.ArticleFactory(title="Fietsen in Delft", tags=["mobiliteit"])
        return first, neighbour, stranger

    first, neighbour, stranger = commit(build)
    pages = [a.get_absolute_url() for a in (first, neighbour, stranger)]
    cached("/", *pages)
    return first, neighbour, stranger


def test_editing_an_article_renders_its_page_and_the_lists_and_keeps_unrelated_pages(newsroom, commit):
    first, neighbour, stranger = newsroom
    commit(rename, first, "title", "Wonen in Utrecht, herzien")
    assert state(first.get_absolute_url()) == "miss"
    assert "Wonen in Utrecht, herzien" in Client().get("/").content.decode()
    # The neighbour shows the first under "read also": its title changed there too.
    assert "Wonen in Utrecht, herzien" in Client().get(neighbour.get_absolute_url()).content.decode()
    assert state(stranger.get_absolute_url()) == "hit"


def test_publishing_an_article_renders_the_pages_choosing_among_its_tags(newsroom, commit):
    first, neighbour, stranger = newsroom
    commit(factories.ArticleFactory, title="Nog meer wonen", tags=["wonen"])
    assert state(first.get_absolute_url()) == "miss"
    assert state(neighbour.get_absolute_url()) == "miss"
    assert state(stranger.get_absolute_url()) == "hit"
    assert state("/") == "miss"


def test_withdrawing_an_article_removes_it_from_every_page_that_showed_it(newsroom, commit):
    first, neighbour, stranger = newsroom
    commit(rename, first, "status", Article.Status.WITHDRAWN)
    assert state(first.get_absolute_url()) == 404
    assert "Wonen in Utrecht" not in Client().get(neighbour.get_absolute_url()).content.decode()
    assert "Wonen in Utrecht" not in Client().get("/").content.decode()
    assert state(stranger.get_absolute_url()) == "hit"


def test_deleting_an_article_removes_it_from_pages_relating_to_it(newsroom, commit):
    first, neighbour, stranger = newsroom
    commit(stranger.related.add, first)
    cached(stranger.get_absolute_url())
    commit(first.delete)
    assert "Wonen in Utrecht" not in Client().get(stranger.get_absolute_url()).content.decode()


def test_an_editors_related_choice_renders_both_pages(newsroom, commit):
    first, neighbour, stranger = newsroom
    commit(stranger.related.add, first)
    assert "Wonen in Utrecht" in Client().get(stranger.get_absolute_url()).content.decode()
    cached(stranger.get_absolute_url())
    commit(rename, first, "title", "Wonen in Utrecht, later")
    assert "Wonen in Utrecht, later" in Client().get(stranger.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    "change",
    [
        lambda a: rename(a.people.get(), "name", "Anna Jansen"),
        lambda a: rename(a.people.get().organisation, "name", "Gemeente Amersfoort"),
        lambda a: rename(a.partnership, "name", "Partnerschap Stedelijke Armoede"),
        lambda a: rename(a.city_deal, "name", "City Deal Nieuw"),
        lambda a: rename(a.tags.get(), "name", "Woningbouw"),
    ],
    ids=["person", "organisation", "partnership", "City Deal", "tag"],
)
def test_renaming_what_an_article_shows_renders_its_page_and_no_unrelated_one(newsroom, commit, change):
    first, neighbour, stranger = newsroom
    commit(change, first)
    assert state(first.get_absolute_url()) == "miss"
    assert state("/") == "miss"
    assert state(stranger.get_absolute_url()) == "hit"


def test_linking_a_person_to_an_article_renders_it(newsroom, commit):
    first, neighbour, stranger = newsroom
    person = commit(factories.PersonFactory, name="Bram Visser")
    cached(stranger.get_absolute_url())
    commit(stranger.people.add, person)
    assert "Bram Visser" in Client().get(stranger.get_absolute_url()).content.decode()
    assert state(neighbour.get_absolute_url()) == "hit"


def test_tagging_an_article_renders_the_pages_of_that_tag(newsroom, commit):
    first, neighbour, stranger = newsroom
    commit(stranger.tags.add, "wonen")
    assert state(stranger.get_absolute_url()) == "miss"
    assert state(first.get_absolute_url()) == "miss"  # "read also" may now choose it


def test_saving_a_draft_touches_nothing(newsroom, commit):
    clock = cache.get(pagecache.CLOCK_KEY)
    commit(factories.ArticleFactory, title="Concept", status="draft", tags=["wonen"])
    assert cache.get(pagecache.CLOCK_KEY) == clock
    assert all(state(a.get_absolute_url()) == "hit" for a in newsroom)


def test_a_change_without_described_keys_renders_every_page(newsroom, commit):
    first, neighbour, stranger = newsroom
    commit(stranger.people.clear)  # which links go is not told
    assert [state(a.get_absolute_url()) for a in newsroom] == ["miss"] * 3


def stored_entry(path):
    key = pagecache.PageCacheMiddleware(None).key(Client().get(path).wsgi_request)
    return f"ezine:page:{key}", pagecache.store().get(f"ezine:page:{key}")


def test_a_page_whose_render_began_before_a_commit_is_stale(newsroom):
    first = newsroom[0]
    path = first.get_absolute_url()
    name, entry = stored_entry(path)
    pagecache.touch([dependencies.key(first)])  # committed while the entry was rendering
    assert not pagecache.store().store(name, entry, 600)  # too late to be stored
    assert state(path) == "miss"


def test_a_version_lost_or_deleted_makes_its_pages_stale_once(newsroom):
    first = newsroom[0]
    cache.delete(pagecache.version_key(dependencies.key(first)))  # as a change the full cache refused does
    pagecache.near.forget()  # the near copies' time is up (EZINE_PAGE_CACHE_NEAR_SECONDS)
    assert state(first.get_absolute_url()) == "miss"
    assert state(first.get_absolute_url()) == "hit"


def test_a_cache_that_lost_its_clock_never_hands_out_an_older_version(newsroom, commit):
    first = newsroom[0]
    before = cache.get(pagecache.version_key(dependencies.key(first)))
    cache.delete(pagecache.CLOCK_KEY)
    commit(rename, first, "title", "Na het verlies")
    assert cache.get(pagecache.version_key(dependencies.key(first))) > before
    assert "Na het verlies" in Client().get(first.get_absolute_url()).content.decode()


def test_an_article_page_holds_the_keys_of_what_it_shows(newsroom):
    first = newsroom[0]
    keys = set(stored_entry(first.get_absolute_url())[1][1])
    person = first.people.get()
    tag = Tag.objects.get(slug="wonen")
    assert {
        "all",
        dependencies.key(first),
        dependencies.key(person),
        dependencies.key(person.organisation),
        dependencies.key(first.partnership),
        dependencies.key(first.city_deal),
        dependencies.key(tag),
        dependencies.articles_key(Tag, tag.pk),
        dependencies.key(newsroom[1]),  # shown under "read also"
    } <= keys
    assert "any" not in keys and dependencies.key(newsroom[2]) not in keys


def test_a_milestone_renders_the_programme_pages_and_keeps_the_article_pages(newsroom, commit):
    first, neighbour, stranger = newsroom
    partnership = first.partnership
    cached(partnership.get_absolute_url(), "/tijdlijn/")
    commit(factories.MilestoneFactory, partnership=partnership, description="Actieplan gepresenteerd")
    assert "Actieplan gepresenteerd" in Client().get(partnership.get_absolute_url()).content.decode()
    assert "Actieplan gepresenteerd" in Client().get("/tijdlijn/").content.decode()
    assert state(first.get_absolute_url()) == "hit"


def test_a_change_announced_in_bulk_makes_its_keys_stale_at_the_commit(newsroom, commit):
    first, neighbour, stranger = newsroom
    commit(dependencies.changed_in_bulk.send, sender=None, keys={dependencies.key(first)})
    assert state(first.get_absolute_url()) == "miss"
    assert state(stranger.get_absolute_url()) == "hit"


# Found in review: schedules, reverts and renders racing a commit.


def schedule(article, moment):
    article.status, article.published_at = Article.Status.PUBLISHED, moment
    article.save()


def test_a_draft_scheduled_later_appears_in_the_read_also_of_cached_pages_on_time(commit):
    import datetime

    import time_machine
    from django.utils import timezone

    shown = commit(factories.ArticleFactory, title="Wonen in Zwolle", tags=["wonen"])
    draft = commit(factories.ArticleFactory, title="Straks over wonen", draft=True, tags=["wonen"])
    cached(shown.get_absolute_url())
    moment = timezone.now() + datetime.timedelta(seconds=120)
    commit(schedule, draft, moment)
    cached(shown.get_absolute_url())  # rendered again, to live no longer than the moment
    with time_machine.travel(moment + datetime.timedelta(seconds=1), tick=False):
        assert "Straks over wonen" in Client().get(shown.get_absolute_url()).content.decode()


def test_a_scheduled_related_article_appears_on_the_page_relating_to_it_on_time(commit):
    import datetime

    import time_machine
    from django.utils import timezone

    page = commit(factories.ArticleFactory, title="Pagina B")
    draft = commit(factories.ArticleFactory, title="Gepland C", draft=True)
    commit(page.related.add, draft)
    cached(page.get_absolute_url())
    moment = timezone.now() + datetime.timedelta(seconds=120)
    commit(schedule, draft, moment)
    with time_machine.travel(moment + datetime.timedelta(seconds=1), tick=False):
        assert "Gepland C" in Client().get(page.get_absolute_url()).content.decode()


def test_reverting_a_published_article_to_a_never_published_version_takes_it_offline(commit):
    import datetime

    import reversion
    from django.utils import timezone
    from reversion.models import Version

    from core.revisions import revert_one

    def write():
        with reversion.create_revision():
            return factories.ArticleFactory(title="Eerst concept", draft=True)

    article = commit(write)

    def publish():
        article.status, article.published_at = (
            Article.Status.PUBLISHED,
            timezone.now() - datetime.timedelta(1),
        )
        with reversion.create_revision():
            article.save()

    commit(publish)
    cached(article.get_absolute_url(), "/")
    first = Version.objects.get_for_object(article).order_by("pk").first()
    commit(revert_one, first)
    assert Client().get(article.get_absolute_url()).status_code == 404
    assert "Eerst concept" not in Client().get("/").content.decode()


def test_a_page_rendered_from_the_state_before_a_commit_is_neither_stored_nor_kept_at_the_edge(
    newsroom, commit, settings
):
    from unittest import mock

    from ezine import edge

    settings.EZINE_EDGE_PURGE_URLS = ["http://127.0.0.1:9/"]
    first = newsroom[0]
    cache.clear()
    pagecache.near.clear()
    store = type(pagecache.store())
    real = store.store

    def commit_while_rendering(self, name, entry, seconds):
        if not getattr(commit_while_rendering, "done", False):
            commit_while_rendering.done = True
            commit(rename, first, "title", "Nieuw")
        return real(self, name, entry, seconds)

    with (
        mock.patch.object(edge, "purge"),
        mock.patch.object(edge, "purge_again_soon"),
        mock.patch.object(store, "store", commit_while_rendering),
    ):
        response = Client().get(first.get_absolute_url())
    assert "Nieuw" not in response.content.decode() and "Surrogate-Control" not in response
    assert "Nieuw" in Client().get(first.get_absolute_url()).content.decode()


def test_the_next_publication_is_known_before_the_new_tick(commit):
    import datetime
    from unittest import mock

    import time_machine
    from django.utils import timezone

    commit(factories.ArticleFactory, title="Eerder")
    cached("/")
    moment = timezone.now() + datetime.timedelta(seconds=120)
    real = pagecache.tick

    def reader_then_tick(*args):
        Client().get("/")  # a reader between the schedule's write and the tick
        return real(*args)

    with mock.patch.object(pagecache, "tick", reader_then_tick):
        commit(factories.ArticleFactory, title="Gepland voor straks", published_at=moment)
    with time_machine.travel(moment + datetime.timedelta(seconds=1), tick=False):
        assert "Gepland voor straks" in Client().get("/").content.decode()
