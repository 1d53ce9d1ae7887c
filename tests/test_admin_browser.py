"""The admin in a real browser: the editor's toolbar in Dutch and the history compare, with screenshots for
CI (test-artifacts/screenshots/admin-editor-toolbar.png, admin-compare.png). Same tools and skips as
tests/test_browser.py, whose fixtures these tests share."""

import pytest
from django.contrib.auth import get_user_model

from tests.test_browser import ARTIFACTS, EDITOR, browser, log_in, page, site  # noqa: F401

pytestmark = pytest.mark.django_db

SCREENSHOTS = ARTIFACTS / "screenshots"
ENGLISH_LABELS = [
    "paragraph",
    "Paragraph",
    "Heading 2",
    "heading 2",
    "Block style",
    "bold",
    "italic",
    "blockquote",
    "unordered list",
    "ordered list",
    "insert link",
    "undo",
    "redo",
    "Reset all classes",
]


def toolbar_labels(menubar):
    """Return every title, accessible name and text label of the toolbar's buttons and options."""
    return set(
        menubar.evaluate(
            """bar => [...bar.querySelectorAll("button, button *")].flatMap(element => [
                element.getAttribute("title"),
                element.getAttribute("aria-label"),
                element.classList.contains("material-icons") || element.children.length
                    ? null : element.textContent,
            ]).filter(Boolean)"""
        )
    )


def test_editor_toolbar_speaks_dutch_in_a_real_browser(site, page):  # noqa: F811
    log_in(site, page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site + "/admin/articles/article/add/")
    menubar = page.locator(".field-body .prose-menubar")
    menubar.wait_for()
    page.fill("#id_title", "Wat vindt u van de nieuwe wijk?")
    page.locator(".field-body [contenteditable=true]").click()
    page.keyboard.type("Bewoners praten mee over hun straat.")

    labels = toolbar_labels(menubar)
    assert {"alinea", "Kop 2", "Kop 3", "Alinea", "Blokstijl", "vet", "cursief", "citaat"} <= labels
    assert {"opsomming", "genummerde lijst", "link invoegen", "ongedaan maken", "opnieuw doen"} <= labels
    assert labels.isdisjoint(ENGLISH_LABELS), labels & set(ENGLISH_LABELS)

    # Making a heading redraws the toolbar: it stays Dutch.
    block_type = menubar.locator(".prose-menubar__dropdown").first
    block_type.locator(".prose-menubar__selected").click()
    block_type.get_by_role("button", name="Kop 2").click()
    assert menubar.locator(".prose-menubar__selected button[title='kop 2']").count() == 1
    assert toolbar_labels(menubar).isdisjoint(ENGLISH_LABELS)

    # The screenshot: the toolbar with the block types open.
    block_type.locator(".prose-menubar__selected").click()
    block_type.get_by_role("button", name="Alinea").wait_for()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / "admin-editor-toolbar.png"
    box = page.locator(".field-body").bounding_box()
    page.screenshot(path=str(path), clip={**box, "height": box["height"] + 160})
    assert path.stat().st_size > 5_000


@pytest.fixture(scope="module")
def revised_article(site, django_db_blocker):  # noqa: F811
    """A demo article an editor changed twice, each change a revision, committed for the live server."""
    import reversion

    from articles.models import Article

    with django_db_blocker.unblock():
        editor = get_user_model().objects.get(username=EDITOR[0])
        article = Article.objects.published().order_by("pk").first()
        for lead, body in [
            (
                "Bewoners van Maastricht-Noord praten mee over hun wijk.",
                "<p>De gemeente Maastricht wil de wijk veiliger maken.</p>"
                "<p>Bewoners kiezen zelf waar het geld heen gaat.</p>",
            ),
            (
                "Bewoners van Maastricht-Noord beslissen mee over hun buurt.",
                "<p>De gemeente Maastricht wil de buurt veiliger en groener maken.</p>"
                "<p>Bewoners kiezen samen waar het geld heen gaat.</p><p>Een nieuwe alinea.</p>",
            ),
        ]:
            with reversion.create_revision():
                article.lead, article.body = lead, body
                article.save()
                reversion.set_user(editor)
                reversion.set_comment("Intro en Tekst gewijzigd.")
    return article


def test_history_compare_shows_words_removed_and_added_in_a_real_browser(site, page, revised_article):  # noqa: F811
    log_in(site, page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site}/admin/articles/article/{revised_article.pk}/history/")
    page.locator("#change-history input[type=submit]").first.click()
    page.wait_for_url("**/history/compare/**")

    body = page.locator(".word-diff").nth(1)
    assert body.locator("del").all_inner_texts() == ["wijk", "zelf"]
    assert body.locator("ins").all_inner_texts() == ["buurt", "en groener", "samen", "Een nieuwe alinea."]
    assert body.locator("p").count() == 3
    # Marked so that anyone sees it: struck through and underlined, not by colour alone.
    assert body.locator("del").first.evaluate("e => getComputedStyle(e).textDecorationLine") == "line-through"
    assert body.locator("ins").first.evaluate("e => getComputedStyle(e).textDecorationLine") == "underline"
    assert page.locator(".breadcrumbs").inner_text().endswith("Vergelijken")

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / "admin-compare.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
