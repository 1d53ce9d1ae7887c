"""The page cache: anonymous readers get stored pages without SQL, and every change shows at once."""

import datetime
import gzip
import time
from unittest import mock

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.http import parse_http_date
from taggit.models import Tag

from articles.models import Article
from articles.preview import make_token
from ezine import pagecache
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.EZINE_PAGE_CACHE_SECONDS = 600


@pytest.fixture
def site(commit):
    def build():
        organisation = factories.OrganisationFactory(name="Gemeente Utrecht")
        person = factories.PersonFactory(name="Anna de Vries", organisation=organisation)
        partnership = factories.PartnershipFactory(name="Partnerschap Wonen")
        deal = factories.CityDealFactory(name="City Deal Kennis maken")
        article = factories.ArticleFactory(
            title="Wonen in de stad",
            tags=["wonen"],
            people=[person],
            organisations=[organisation],
            partnership=partnership,
            city_deal=deal,
        )
        return article

    return commit(build)


def fetch(path, client=None):
    response = (client or Client()).get(path)
    return response, response.content.decode()


PAGES = {
    "home": lambda a: "/",
    "article list": lambda a: "/artikelen/",
    "article": lambda a: a.get_absolute_url(),
    "person": lambda a: a.people.get().get_absolute_url(),
    "organisation": lambda a: a.organisations.get().get_absolute_url(),
    "partnership": lambda a: a.partnership.get_absolute_url(),
    "City Deal": lambda a: a.city_deal.get_absolute_url(),
    "tag": lambda a: "/tags/wonen/",
    "search": lambda a: "/zoeken/?q=wonen",
    "RSS": lambda a: "/feeds/rss/",
    "Atom": lambda a: "/feeds/atom/",
    "JSON Feed": lambda a: "/feeds/json/",
    "person feed": lambda a: a.people.get().get_absolute_url() + "feed/",
    "sitemap": lambda a: "/sitemap-artikelen.xml",
}


@pytest.mark.parametrize("page", PAGES)
def test_second_anonymous_request_is_served_from_the_cache_without_sql(site, page, django_assert_num_queries):
    path = PAGES[page](site)
    first, first_body = fetch(path)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second, second_body = fetch(path)
    assert second["X-Page-Cache"] == "hit"
    assert second_body == first_body
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def rename(obj, field, value):
    setattr(obj, field, value)
    obj.save()


CHANGES = {
    "article title": (lambda a: rename(a, "title", "Nieuwe kop"), "article", "Nieuwe kop"),
    "article in a list": (lambda a: rename(a, "title", "Nieuwe kop"), "home", "Nieuwe kop"),
    "person name": (lambda a: rename(a.people.get(), "name", "Anna Jansen"), "article", "Anna Jansen"),
    "organisation name": (
        lambda a: rename(a.organisations.get(), "name", "Gemeente Zwolle"),
        "person",
        "Gemeente Zwolle",
    ),
    "partnership name": (
        lambda a: rename(a.partnership, "name", "Partnerschap Cultuur"),
        "article",
        "Partnerschap Cultuur",
    ),
    "City Deal name": (
        lambda a: rename(a.city_deal, "name", "City Deal Klimaat"),
        "City Deal",
        "City Deal Klimaat",
    ),
    "tag renamed": (
        lambda a: rename(Tag.objects.get(slug="wonen"), "name", "Woonbeleid"),
        "tag",
        "Woonbeleid",
    ),
    "tag added to an article": (lambda a: a.tags.add("energie"), "article", "energie"),
    "person linked to an article": (
        lambda a: a.people.add(factories.PersonFactory(name="Bram Bakker")),
        "article",
        "Bram Bakker",
    ),
    "new article published": (
        lambda a: factories.ArticleFactory(title="Vers van de pers", tags=["wonen"]),
        "RSS",
        "Vers van de pers",
    ),
    "byline renamed": (
        lambda a: rename(a.authors.get(), "name", "Bertha"),
        "article",
        "Bertha",
    ),
}


@pytest.mark.parametrize("change", CHANGES)
def test_a_change_to_anything_on_a_page_renders_it_fresh_at_the_next_request(site, commit, change):
    apply, page, expected = CHANGES[change]
    if change == "byline renamed":
        commit(lambda: site.authors.add(factories.PersonFactory(name="Anna")))
    path = PAGES[page](site)
    fetch(path)
    assert fetch(path)[0]["X-Page-Cache"] == "hit"
    assert expected not in fetch(path)[1]

    commit(apply, site)

    response, body = fetch(path)
    assert response["X-Page-Cache"] == "miss"
    assert expected in body


def test_withdrawn_article_disappears_from_cached_pages(site, commit):
    for page in ("article list", "RSS", "tag"):
        fetch(PAGES[page](site))
    commit(rename, site, "status", Article.Status.WITHDRAWN)
    assert fetch(site.get_absolute_url())[0].status_code == 404
    for page in ("article list", "RSS", "tag"):
        assert site.title not in fetch(PAGES[page](site))[1], page


def test_deleted_article_disappears_from_cached_pages(site, commit):
    url = site.get_absolute_url()
    assert fetch(url)[0].status_code == 200
    fetch("/")
    commit(site.delete)
    assert fetch(url)[0].status_code == 404
    assert "Wonen in de stad" not in fetch("/")[1]


def test_a_save_through_the_admin_renders_pages_fresh(site, admin_client, commit):
    fetch("/")
    person = site.people.get()
    url = f"/admin/people/person/{person.pk}/change/"
    form = admin_client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name != "tags"}
    data.update(name="Anna van Dijk", organisation=person.organisation_id, tags="")
    data.update({key: "" for key in ("portrait", "website")})
    response = commit(admin_client.post, url, data)
    assert response.status_code == 302, getattr(response, "context", None) and response.context["errors"]
    assert "Anna van Dijk" in fetch(site.get_absolute_url())[1]


def test_changes_rolled_back_leave_the_cache_alone(site):
    fetch("/")
    clock = cache.get(pagecache.CLOCK_KEY)
    rename(site, "title", "Nooit opgeslagen")  # inside the test's transaction, never committed
    assert cache.get(pagecache.CLOCK_KEY) == clock
    assert fetch("/")[0]["X-Page-Cache"] == "hit"


def test_one_transaction_touches_its_keys_once(site, django_capture_on_commit_callbacks):
    with mock.patch.object(pagecache, "touch") as touch:
        with django_capture_on_commit_callbacks(execute=True):
            for number in range(5):
                factories.ArticleFactory(title=f"Bulk {number}", tags=["wonen", "zorg"])
    assert touch.call_count == 1
    touched = set(touch.call_args.args[0])
    assert {"articles", f"tag:{Tag.objects.get(slug='zorg').pk}:articles"} <= touched
    assert "any" not in touched
    assert len([key for key in touched if key.startswith("article:") and key[8:].isdigit()]) == 5


def test_scheduled_article_appears_on_time_on_cached_pages(commit):
    moment = timezone.now().replace(microsecond=0) + datetime.timedelta(days=3)
    # The tag has a page before the moment: an earlier article carries it too.
    commit(factories.ArticleFactory, title="Eerder verschenen", tags=["wonen"])
    commit(factories.ArticleFactory, title="Straks te lezen", published_at=moment, tags=["wonen"])
    pages = ["/", "/artikelen/", "/feeds/rss/", "/tags/wonen/"]
    with time_machine.travel(moment - datetime.timedelta(seconds=90), tick=False):
        for path in pages:
            fetch(path)
            response, body = fetch(path)
            assert response["X-Page-Cache"] == "hit"
            assert "Straks te lezen" not in body
    with time_machine.travel(moment, tick=False):
        for path in pages:
            response, body = fetch(path)
            assert response["X-Page-Cache"] == "miss", path
            assert "Straks te lezen" in body, path


def test_entries_never_outlive_the_next_publication(settings):
    assert pagecache.lifetime(None, now=1000.0) == 600
    assert pagecache.lifetime(1090.5, now=1000.0) == 90
    assert pagecache.lifetime(1000.0, now=1000.0) == 0
    settings.EZINE_PAGE_CACHE_SECONDS = 30
    assert pagecache.lifetime(1090.0, now=1000.0) == 30


def signed_in_editor(django_user_model):
    """A client signed in through the admin's login form, as an editor signs in."""
    django_user_model.objects.create_user("redacteur", password="wachtwoord-123", is_staff=True)
    client = Client()
    response = client.post("/admin/login/", {"username": "redacteur", "password": "wachtwoord-123"})
    assert response.status_code == 302
    return client


def test_signed_in_editors_always_get_fresh_pages(site, django_user_model):
    fetch("/")
    editor = signed_in_editor(django_user_model)
    assert pagecache.EDITOR_COOKIE in editor.cookies
    Article.objects.filter(pk=site.pk).update(title="Alleen de redactie ziet dit al")  # no signal
    response = editor.get("/")
    assert "X-Page-Cache" not in response
    assert "Alleen de redactie ziet dit al" in response.content.decode()
    assert "Alleen de redactie ziet dit al" not in fetch("/")[1], "readers still get the stored page"


def test_signing_out_removes_the_editor_marker(site, django_user_model):
    editor = signed_in_editor(django_user_model)
    editor.post("/admin/logout/")
    assert not editor.cookies[pagecache.EDITOR_COOKIE].value
    fetch("/")
    assert editor.get("/")["X-Page-Cache"] == "hit"


@pytest.mark.parametrize(
    "cookies",
    [{"sessionid": "x"}, {"sessionid": "x", pagecache.EDITOR_COOKIE: "1:vervalst:handtekening"}],
    ids=["made-up session", "forged marker"],
)
def test_a_made_up_session_or_forged_marker_gets_the_cached_page(site, cookies, django_assert_num_queries):
    fetch("/")
    client = Client()
    client.cookies.load(cookies)
    with django_assert_num_queries(0):
        response = client.get("/")
    assert response["X-Page-Cache"] == "hit"


def test_tracking_parameters_share_the_entry_of_the_page(site):
    assert fetch("/artikelen/")[0]["X-Page-Cache"] == "miss"
    response, content = fetch("/artikelen/?utm_source=2&fbclid=abc")
    assert response["X-Page-Cache"] == "hit"
    assert '<link rel="canonical" href="http://testserver/artikelen/">' in content
    assert fetch("/artikelen/?page=1")[0]["X-Page-Cache"] == "hit"
    assert fetch("/artikelen/?tag=wonen")[0]["X-Page-Cache"] == "miss"


def test_a_page_rendered_for_an_odd_address_is_not_stored_for_others(site):
    """Links on a page repeat its query string: one visitor's ``?ref=…`` must not reach every reader."""
    for _ in range(2):
        response, _content = fetch("/artikelen/?tag=wonen&ref=GEPLANT")
        assert "X-Page-Cache" not in response
    response, content = fetch("/artikelen/?tag=wonen")
    assert response["X-Page-Cache"] == "miss" and "GEPLANT" not in content


def test_previews_and_the_admin_bypass_the_cache(commit, admin_client):
    draft = commit(factories.ArticleFactory, draft=True)
    url = reverse("articles:shared_preview", args=[make_token(draft)])
    assert Client().get(url).status_code == 200
    assert "X-Page-Cache" not in Client().get(url)
    assert "X-Page-Cache" not in Client().get("/admin/login/")
    assert "X-Page-Cache" not in Client().get("/healthz")


def test_missing_pages_and_posts_are_not_stored(site):
    for _ in range(2):
        assert "X-Page-Cache" not in fetch("/artikelen/bestaat-niet/")[0]
    assert Client().post("/zoeken/", {"q": "x"})["Allow"]
    assert "X-Page-Cache" not in Client().post("/zoeken/", {"q": "x"})


def test_a_cached_feed_answers_conditional_requests_without_sql(site, django_assert_num_queries):
    first = Client().get("/feeds/atom/")
    with django_assert_num_queries(0):
        response = Client().get("/feeds/atom/", headers={"if-none-match": first["ETag"]})
    assert response.status_code == 304
    assert response["ETag"] == first["ETag"]


def test_a_cache_that_lost_everything_starts_a_new_version(site):
    fetch("/")
    cache.clear()
    response, body = fetch("/")
    assert response["X-Page-Cache"] == "miss"
    assert site.title in body
    assert fetch("/")[0]["X-Page-Cache"] == "hit"


def test_a_deploy_with_other_code_does_not_serve_pages_rendered_before_it(site, monkeypatch):
    fetch("/")
    monkeypatch.setattr(pagecache, "code_version", lambda: "next-release")
    assert fetch("/")[0]["X-Page-Cache"] == "miss"


def test_generated_content_makes_cached_pages_render_fresh(site):
    fetch("/artikelen/")
    call_command("generate_content", articles=5, stdout=open("/dev/null", "w"))
    response, body = fetch("/artikelen/")
    assert response["X-Page-Cache"] == "miss"


def test_bad_host_is_refused_not_cached(site):
    assert Client().get("/", HTTP_HOST="evil.example").status_code == 400


def test_with_the_cache_down_readers_still_get_pages_and_editors_can_save(site, commit, caplog):
    from redis.exceptions import ConnectionError as RedisConnectionError

    down = RedisConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
    with (
        mock.patch.object(pagecache.cache, "get_many", side_effect=down),
        mock.patch.object(pagecache.cache, "get", side_effect=down),
        mock.patch.object(pagecache.cache, "set", side_effect=down),
    ):
        response, body = fetch("/")
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        commit(rename, site, "title", "Bewerkt terwijl Redis weg was")
        assert Article.objects.get(pk=site.pk).title == "Bewerkt terwijl Redis weg was"
    assert "Page cache unreachable" in caplog.text
    response, body = fetch(site.get_absolute_url())
    assert "Bewerkt terwijl Redis weg was" in body


def test_with_the_cache_down_an_article_with_a_photo_can_be_published_and_edited(commit, media_root):
    """imagekit notes which renditions exist; with that note in Redis, saving an article with a photo
    failed while Redis was away."""
    from redis.exceptions import ConnectionError as RedisConnectionError

    down = RedisConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
    with (
        mock.patch.object(pagecache.cache, "get_many", side_effect=down),
        mock.patch.object(pagecache.cache, "get", side_effect=down),
        mock.patch.object(pagecache.cache, "set", side_effect=down),
        mock.patch.object(pagecache.cache, "add", side_effect=down),
    ):
        article = commit(factories.ArticleFactory, title="Met foto", with_image=True)
        commit(rename, Article.objects.get(pk=article.pk), "title", "Met foto, bewerkt")
        assert fetch(article.get_absolute_url())[0].status_code == 200
    assert "Met foto, bewerkt" in fetch(article.get_absolute_url())[1]


def test_a_304_from_the_cache_states_no_content_length(site):
    first, _ = fetch("/feeds/atom/")
    again = Client().get("/feeds/atom/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert "Content-Length" not in again


def test_old_kind_spelling_redirect_drops_tracking_parameters(site):
    response = Client().get("/artikelen/?soort=interview&utm_source=x&tag=wonen")
    assert response.status_code == 301
    assert response["Location"] == "/artikelen/?soort=interviews&tag=wonen"


def test_saving_a_draft_keeps_every_cached_page(site, commit):
    draft = commit(factories.ArticleFactory, title="Nog geheim", draft=True, tags=["wonen"])
    fetch("/")
    fetch("/tags/wonen/")
    for n in range(3):
        draft.body = f"<p>Versie {n}</p>"
        commit(draft.save)
        commit(draft.tags.add, f"concept-{n}")
    assert fetch("/")[0]["X-Page-Cache"] == "hit"
    assert fetch("/tags/wonen/")[0]["X-Page-Cache"] == "hit"


def test_publishing_a_draft_renders_pages_fresh(site, commit):
    draft = commit(factories.ArticleFactory, title="Nu openbaar", draft=True)
    fetch("/")
    draft.status, draft.published_at = Article.Status.PUBLISHED, timezone.now()
    commit(draft.save)
    response, content = fetch("/")
    assert response["X-Page-Cache"] == "miss" and "Nu openbaar" in content


def test_editing_a_withdrawn_article_still_counts(site, commit):
    site.status = Article.Status.WITHDRAWN
    commit(site.save)
    fetch("/")
    site.status = Article.Status.PUBLISHED
    commit(site.save)
    assert "Wonen in de stad" in fetch("/")[1]


# Redis full or away while an editor saves: no invalidation is lost.


def test_with_redis_full_a_save_still_makes_cached_pages_stale(site, commit):
    from redis.exceptions import OutOfMemoryError

    fetch(site.get_absolute_url())
    full = OutOfMemoryError("command not allowed when used memory > 'maxmemory'.")
    with mock.patch.object(pagecache.cache, "set", side_effect=full):
        commit(rename, site, "title", "Bewerkt met een volle Redis")
        response, body = fetch(site.get_absolute_url())
        assert response.status_code == 200
        assert "Bewerkt met een volle Redis" in body


def test_with_redis_away_a_save_waits_in_the_outbox_and_counts_once_it_is_back(site, commit):
    from redis.exceptions import ConnectionError as RedisConnectionError

    from ezine.models import PendingInvalidation

    fetch(site.get_absolute_url())
    assert fetch(site.get_absolute_url())[0]["X-Page-Cache"] == "hit"
    down = RedisConnectionError("Connection refused.")
    with (
        mock.patch.object(pagecache.cache, "set", side_effect=down),
        mock.patch.object(pagecache.cache, "delete", side_effect=down),
    ):
        commit(rename, site, "title", "Bewerkt terwijl Redis onbereikbaar was")
    assert PendingInvalidation.objects.count() == 1
    pagecache._outage.seen = False  # another worker, which saw nothing of the outage
    response = Client().get("/healthz")
    assert response.json()["cache"] == "ok"
    assert not PendingInvalidation.objects.exists()
    assert "Bewerkt terwijl Redis onbereikbaar was" in fetch(site.get_absolute_url())[1]


def test_the_first_request_after_an_outage_drains_the_outbox(site, commit):
    from redis.exceptions import ConnectionError as RedisConnectionError

    from ezine.models import PendingInvalidation

    fetch(site.get_absolute_url())
    down = RedisConnectionError("Connection refused.")
    with (
        mock.patch.object(pagecache.cache, "set", side_effect=down),
        mock.patch.object(pagecache.cache, "delete", side_effect=down),
    ):
        commit(rename, site, "title", "Na de storing")
    assert pagecache._outage.seen
    assert "Na de storing" in fetch(site.get_absolute_url())[1]
    assert not PendingInvalidation.objects.exists()


# Compressed for readers who accept it: once, when the page is stored.


@pytest.mark.parametrize("path", ["/", "/feeds/atom/", "/feeds/json/"])
def test_a_cached_page_is_served_gzipped_to_clients_that_accept_it(site, path):
    first, content = fetch(path)
    assert "Accept-Encoding" in first["Vary"]
    hit = Client().get(path, HTTP_ACCEPT_ENCODING="br, gzip")
    assert (hit["X-Page-Cache"], hit["Content-Encoding"]) == ("hit", "gzip")
    assert int(hit["Content-Length"]) == len(hit.content) < len(content.encode())
    assert gzip.decompress(hit.content).decode() == content
    plain = Client().get(path)
    assert "Content-Encoding" not in plain and plain.content.decode() == content


PROGRAMME_CHANGES = {
    "milestone added": lambda a: factories.MilestoneFactory(
        partnership=a.partnership, description="Het actieplan."
    ),
    "milestone edited": lambda a: rename(
        factories.MilestoneFactory(partnership=a.partnership), "description", "Het actieplan."
    ),
    "milestone's article linked": lambda a: factories.MilestoneFactory(
        partnership=a.partnership, description="Het actieplan."
    ).articles.add(a),
    "participation added": lambda a: factories.take_part(
        a.partnership, factories.OrganisationFactory(name="Het actieplan.")
    ),
}


@pytest.mark.parametrize("change", PROGRAMME_CHANGES)
def test_a_milestone_or_participation_saved_renders_programme_pages_and_the_timeline_fresh(
    site, commit, change
):
    for path in (site.partnership.get_absolute_url(), "/tijdlijn/", "/netwerk/"):
        fetch(path)
        assert fetch(path)[0]["X-Page-Cache"] == "hit"
    clock = cache.get(pagecache.CLOCK_KEY)

    commit(PROGRAMME_CHANGES[change], site)

    assert cache.get(pagecache.CLOCK_KEY) != clock
    response, body = fetch(site.partnership.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assert "Het actieplan." in body


def test_a_deleted_milestone_leaves_the_cached_timeline(site, commit):
    milestone = commit(factories.MilestoneFactory, partnership=site.partnership, description="Vervalt.")
    assert "Vervalt." in fetch("/tijdlijn/")[1]
    commit(milestone.delete)
    assert "Vervalt." not in fetch("/tijdlijn/")[1]


def test_the_timeline_filtered_by_organisation_is_cached_apart_from_the_whole_timeline(site, commit):
    organisation = site.organisations.get()
    other = commit(factories.MilestoneFactory, description="Zonder Utrecht.")
    commit(factories.MilestoneFactory, partnership=site.partnership, description="Met Utrecht.")
    commit(factories.take_part, site.partnership, organisation)
    assert "Zonder Utrecht." in fetch("/tijdlijn/")[1]
    filtered = f"/tijdlijn/?organisatie={organisation.slug}"
    assert fetch(filtered)[0]["X-Page-Cache"] == "miss"
    body = fetch(filtered)[1]
    assert "Met Utrecht." in body and other.description not in body


def test_a_search_turned_away_for_load_gets_its_previous_copy_not_a_503(site, commit, settings):
    settings.EZINE_SEARCH_CONCURRENCY = 1
    before = fetch("/zoeken/?q=wonen")[1]
    commit(rename, site, "title", "Wonen in de stad, herzien")  # the stored copy is stale now
    cache.add("search-slot-0", 1)  # another worker's search is running
    response, body = fetch("/zoeken/?q=wonen")
    assert (response.status_code, response["X-Page-Cache"]) == (200, "stale")
    assert body == before and "Surrogate-Control" not in response
    cache.delete("search-slot-0")
    response, body = fetch("/zoeken/?q=wonen")
    assert (response["X-Page-Cache"], "herzien" in body) == ("miss", True)


def test_a_search_turned_away_without_a_previous_copy_says_so(site, settings):
    settings.EZINE_SEARCH_CONCURRENCY = 1
    cache.add("search-slot-0", 1)
    assert Client().get("/zoeken/?q=zorg").status_code == 503


def test_a_cached_article_page_answers_conditional_requests_without_sql(site, django_assert_num_queries):
    etag = fetch(site.get_absolute_url())[0]["ETag"]
    with django_assert_num_queries(0):
        response = Client().get(site.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304  # from the stored copy: no SQL


def test_with_the_database_away_at_a_publication_moment_cached_pages_are_still_served(site):
    path = site.get_absolute_url()
    fetch(path)
    pagecache.store().save_schedule(pagecache.Schedule(time.time() - 1, None, computed_at=time.time()))
    from django.db import DatabaseError

    with mock.patch.object(pagecache, "next_publication", side_effect=DatabaseError("database away")):
        response, _ = fetch(path)
    assert response.status_code == 200 and response["X-Page-Cache"] == "hit"


def test_last_modified_is_never_later_than_now(site, commit):
    ahead = timezone.now() + datetime.timedelta(hours=1)
    with time_machine.travel(ahead, tick=False):
        commit(rename, site, "title", "Geschreven op een machine die voorloopt")
    response, _ = fetch(site.get_absolute_url())
    assert parse_http_date(response["Last-Modified"]) <= time.time()


def test_a_change_whose_schedule_the_database_cannot_tell_is_still_shown(site, commit, caplog):
    """The connection lost right after the commit: the keys are touched all the same."""
    fetch(site.get_absolute_url())
    from django.db import InterfaceError

    with mock.patch.object(pagecache, "next_publication", side_effect=InterfaceError("connection closed")):
        commit(rename, site, "title", "Bewerkt toen de database wegviel")
    assert "Next publication not looked up" in caplog.text
    assert "Bewerkt toen de database wegviel" in fetch(site.get_absolute_url())[1]
