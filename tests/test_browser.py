"""The reader's site in a real browser: Debian's headless Chromium, driven by Playwright, on a live server.

Needs /usr/bin/chromium and the npm packages of package.json (``make test`` installs those when npm is
there). Without them these tests are skipped, unless EZINE_REQUIRE_BROWSER=1 (CI) makes that a failure.
Screenshots and the axe report are kept in test-artifacts/ (not committed).
"""

import json
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connections
from django.test import Client
from PIL import Image

from tests.html import nu_errors

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
AXE_RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
EDITOR = ("redactie", "wachtwoord-voor-test-1")

# Each test in a transaction of its own, as usual; what the live server must see is committed by ``site``.
pytestmark = pytest.mark.django_db


def missing_tools():
    missing = [str(path) for path in (CHROMIUM, AXE) if not path.exists()]
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("playwright")
    return missing


@pytest.fixture(scope="module")
def browser(site):
    """Chromium, closed before the site's server stops (its open connections end their requests first)."""
    if missing := missing_tools():
        message = f"browser tests need {', '.join(missing)}"
        if os.environ.get("EZINE_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are still
    # synchronous, so Django's guard against ORM use inside async code does not apply.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()
        # ORM calls made while Playwright's event loop runs get database connections of their own (Django's
        # connections follow the async context); close them before the loop ends, or they outlive the run.
        connections.close_all()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """The demo content and an editor, committed (the server may use another database connection), on a
    live server for the whole module: loading them once instead of for every test is most of this module's
    time. The database is emptied afterwards, as a transactional test case does."""
    from django.contrib.auth import get_user_model
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        call_command("load_demo", stdout=open(os.devnull, "w"))
        get_user_model().objects.create_superuser(EDITOR[0], "redactie@example.org", EDITOR[1])
        server = LiveServer("localhost")
        yield server.url
        server.stop()
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


PAGE_TYPES = {
    "home": "/",
    "article list": "/artikelen/",
    "article": "/artikelen/veiligheid-en-leefbaarheid-terug-in-de-wijk/",
    "person": "/personen/manon-reckin/",
    "organisation": "/organisaties/gemeente-maastricht/",
    "partnership": "/partnerschappen/partnerschap-betaalbare-huisvesting/",
    "city deal": "/city-deals/city-deal-zorg-voor-veiligheid-in-de-stad/",
    "tag": "/tags/veiligheid/",
    "search": "/zoeken/?q=woningcorporaties",
    "search without results": "/zoeken/?q=xyzzy",
    "feeds": "/feeds/",
    "timeline": "/tijdlijn/",
    "timeline filtered": "/tijdlijn/?soort=partnerschappen&tag=europa",
    "network": "/netwerk/",
    "404": "/bestaat-niet/",
}


def test_reader_goes_from_home_to_article_person_organisation_city_deal_and_its_feed(site, page):
    page.goto(site + "/")
    page.get_by_role("link", name="‘Veiligheid en leefbaarheid terug in de wijk’").first.click()
    assert page.locator("h1").inner_text() == "‘Veiligheid en leefbaarheid terug in de wijk’"

    page.locator(".person-card").get_by_role("link", name="Manon Reckin").click()
    assert page.locator("h1").inner_text() == "Manon Reckin"

    page.locator(".role").get_by_role("link", name="Gemeente Maastricht").click()
    assert page.locator("h1").inner_text() == "Gemeente Maastricht"

    page.get_by_role("link", name="City Deal Zorg voor Veiligheid in de Stad").first.click()
    assert page.locator("h1").inner_text() == "City Deal Zorg voor Veiligheid in de Stad"
    assert "Veiligheid en leefbaarheid terug in de wijk" in page.locator("main").inner_text()

    feed_url = page.get_by_role("link", name="Volg via RSS").get_attribute("href")
    response = page.request.get(site + feed_url)
    assert response.ok
    assert response.headers["content-type"].startswith("application/rss+xml")
    assert "Veiligheid en leefbaarheid terug in de wijk" in response.text()


def test_reader_finds_an_article_with_the_search_box_in_their_own_words(site, page):
    page.goto(site + "/")
    page.get_by_role("searchbox", name="Zoeken in het e-zine").fill("onaantastbare families maastricht")
    page.keyboard.press("Enter")
    page.wait_for_url("**/zoeken/?q=*")
    first = page.locator(".search-result a").first
    assert "Veiligheid en leefbaarheid terug in de wijk" in first.inner_text()
    first.click()
    assert page.locator("h1").inner_text() == "‘Veiligheid en leefbaarheid terug in de wijk’"


def test_keyboard_user_can_skip_to_content_and_reach_the_menu_with_visible_focus(site, page):
    page.goto(site + "/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Direct naar de inhoud"
    assert skip.bounding_box()["y"] >= 0, "the skip link becomes visible when focused"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    page.goto(site + "/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    assert focused.inner_text() == "Artikelen"
    outline = focused.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline not in ("none", ""), "focus is visible"


def test_keyboard_user_filters_the_timeline_and_reads_it_in_time_order(site, page):
    page.goto(site + "/tijdlijn/")
    page.locator("#filter-soort").focus()
    page.keyboard.press("ArrowDown")  # the first kind: partnerships
    for _ in range(4):  # past the topic and organisation to the button
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "BUTTON":
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/tijdlijn/?soort=partnerschappen*")
    programmes = page.locator("main ol.timeline .timeline__programme").all_inner_texts()
    assert programmes and all(name.startswith("Partnerschap") for name in programmes)
    dates = page.locator("main ol.timeline time").evaluate_all("times => times.map(t => t.dateTime)")
    assert dates == sorted(dates), "reading order is time order"


def axe_violations(browser, site, paths):
    """Return the axe violations of each page of ``paths`` ({name: path}) that has any; the whole report
    goes to test-artifacts/."""
    report = {}
    # Injecting axe is an inline script, which the site's own policy refuses; this page only runs axe.
    context = browser.new_context(locale="nl-NL", bypass_csp=True)
    page = context.new_page()
    for name, path in paths.items():
        page.goto(site + path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "rules => axe.run(document, {runOnly: {type: 'tag', values: rules}})",
            AXE_RULES,
        )
        report[name] = {
            "url": path,
            "passes": len(result["passes"]),
            "violations": [
                {"id": v["id"], "impact": v["impact"], "targets": [n["target"] for n in v["nodes"]]}
                for v in result["violations"]
            ],
        }
    context.close()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "axe-report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    return {name: entry["violations"] for name, entry in report.items() if entry["violations"]}


@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots_of_home_article_timeline_and_network(site, page, width):
    screenshots = ARTIFACTS / "screenshots"
    screenshots.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": width, "height": 900})
    for name in ("home", "article", "timeline", "network", "partnership"):
        page.goto(site + PAGE_TYPES[name])
        page.wait_for_load_state("networkidle")
        path = screenshots / f"{name}-{width}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{name} at {width}px scrolls sideways ({scroll_width}px)"


def test_images_load_from_renditions_in_a_modern_format(site, page):
    page.goto(site + PAGE_TYPES["article"])
    hero = page.locator("figure.hero img")
    hero.wait_for()
    source = hero.evaluate("image => image.currentSrc")
    assert "/media/renditions/" in source and source.endswith(".webp")
    assert hero.evaluate("image => image.complete && image.naturalWidth > 0")


def log_in(site, page):
    page.goto(site + "/admin/login/")
    page.fill("#id_username", EDITOR[0])
    page.fill("#id_password", EDITOR[1])
    page.click("input[type=submit]")


def test_editor_works_in_the_admin_without_any_content_security_policy_violation(site, page):
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    log_in(site, page)
    page.goto(site + "/admin/articles/article/add/")
    editor = page.locator(".field-body [contenteditable=true]")
    editor.click()
    page.keyboard.type("Een eerste alinea.")
    page.fill("#id_title", "Getypt in de browser")
    page.locator("input[name=_save]").click()
    page.wait_for_url("**/admin/articles/article/")
    for path in (
        "/admin/articles/article/",
        "/admin/people/citydeal/add/",
        "/admin/articles/article/recover/",
    ):
        page.goto(site + path)
    assert problems == []
    from articles.models import Article

    article = Article.objects.get(title="Getypt in de browser")
    assert article.slug == "getypt-in-de-browser", "the slug was filled in from the title"
    assert article.body == "<p>Een eerste alinea.</p>"


def test_after_a_real_publication_every_page_type_and_feed_is_valid_and_accessible(
    site, page, browser, vnu, tmp_path
):
    """As an editor publishes: through the admin, a phone photo with GPS, published "now" (a moment with
    microseconds); then axe, the Nu HTML checker and the feed checks over every page type (demo content and
    the new article) and feed. Reports in test-artifacts/ (axe-report.json, vnu-report.json)."""
    from articles.models import Article
    from tests.test_feed_validity import feed_problems
    from tests.test_photo_privacy import GPS, phone_photo

    photo, _profile = phone_photo()
    log_in(site, page)
    page.goto(site + "/admin/articles/article/add/")
    page.fill("#id_title", "Een nieuwe wijk in Utrecht")
    page.select_option("#id_kind", "interview")
    page.fill("#id_lead", "Bewoners praten mee over hun straat.")
    page.locator(".field-body [contenteditable=true]").click()
    page.keyboard.type("Wat willen bewoners? Groen, rust en een bushalte.")
    page.set_input_files(
        "#id_hero_image", {"name": "IMG_2041.jpg", "mimeType": "image/jpeg", "buffer": photo}
    )
    page.fill("#id_hero_alt", "Nieuwe huizen aan een gracht")
    page.fill("#id_hero_credit", "Eva de Vries")
    page.fill("#id_tags", "wonen, stadsvernieuwing")
    page.select_option("#id_status", "published")
    page.locator("input[name=_save]").click()
    page.wait_for_url("**/admin/articles/article/")

    article = Article.objects.get(title="Een nieuwe wijk in Utrecht")
    assert article.is_published
    with Image.open(article.hero_image.path) as stored:
        assert not stored.getexif().get_ifd(GPS)

    pages = {**PAGE_TYPES, "new article": article.get_absolute_url(), "new tag": "/tags/stadsvernieuwing/"}
    assert axe_violations(browser, site, pages) == {}
    client = Client()
    html = {}
    for name, path in pages.items():
        response = client.get(path)
        assert response.status_code == (404 if name == "404" else 200), path
        html[name] = response.content
    assert nu_errors(vnu, html, tmp_path) == []
    feeds = ["/feeds/", "/feeds/interviews/", "/tags/stadsvernieuwing/feed/", "/tags/wonen/feed/"]
    for feed in feeds:
        for format in ("rss/", "atom/", "json/") if feed.startswith("/feeds/") else ("", "atom/", "json/"):
            assert feed_problems(feed + format) == [], feed + format
