"""An admin in Dutch that shows what changed: the history compare word by word, change messages without
internal fields and in Dutch, Dutch sections, messages and history pages, the body rendered where it cannot
be edited, and thumbnails of main images. The toolbar in a real browser: tests/test_admin_browser.py."""

import logging

import pytest
import reversion
from django.contrib.admin.models import LogEntry
from django.contrib.messages import get_messages
from reversion.models import Version

from articles.models import Article
from core.diff import html_word_diff, names_diff, word_diff
from people.models import Partnership, Person
from tests import factories
from tests.html import parse
from tests.test_revisions import admin_url, change_article, create_article, submit, versions

pytestmark = pytest.mark.django_db


# The word-level diff.


def test_word_diff_marks_only_the_words_that_changed():
    html = word_diff("De wijk krijgt een nieuw plein.", "De buurt krijgt een nieuw groot plein.")
    assert html == (
        '<div class="word-diff"><p>De <del>wijk</del> <ins>buurt</ins> krijgt een nieuw <ins>groot</ins> '
        "plein.</p></div>"
    )


def test_word_diff_escapes_what_editors_typed():
    html = word_diff("a <b>", 'a <script>alert("x")</script>')
    assert "<script>" not in html and "<b>" not in html
    assert "<ins>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</ins>" in html


def test_html_word_diff_compares_the_text_and_keeps_paragraphs():
    old = "<p>Eerste alinea over de <strong>wijk</strong>.</p><p>Tweede&nbsp;alinea.</p>"
    new = "<p>Eerste alinea over de <em>wijk</em>.</p><h2>Een vraag</h2><p>Tweede alinea.</p>"
    html = parse_fragment(html_word_diff(old, new))
    assert [p.get_text() for p in html.select("p")] == [
        "Eerste alinea over de wijk.",
        "Een vraag",
        "Tweede alinea.",
    ]
    assert [ins.get_text() for ins in html.select("ins")] == ["Een vraag"]
    assert html.select("del") == []  # a change of markup alone is no change of text


def test_html_word_diff_shows_where_two_paragraphs_became_one():
    html = parse_fragment(html_word_diff("<p>Een.</p><p>Twee.</p>", "<p>Een. Twee.</p>"))
    assert [p.get_text() for p in html.select("p")] == ["Een. ¶ Twee."]
    assert [deleted.get_text() for deleted in html.select("del")] == ["¶"]


def test_names_diff_lists_kept_removed_and_added_names():
    html = parse_fragment(names_diff({"wonen", "Veiligheid"}, {"wonen", "klimaat"}))
    assert html.get_text() == "klimaat, Veiligheid, wonen"
    assert [d.get_text() for d in html.select("del")] == ["Veiligheid"]
    assert [i.get_text() for i in html.select("ins")] == ["klimaat"]


def parse_fragment(html):
    from bs4 import BeautifulSoup

    return BeautifulSoup(str(html), "html.parser")


# The compare page.


def compare_page(client, article):
    older, newer = versions(article)[-2:]
    response = client.get(
        admin_url(Article, "compare", article.pk), {"version_id1": older.pk, "version_id2": newer.pk}
    )
    assert response.status_code == 200
    return parse(response)


def sections(page):
    return {
        heading.get_text(strip=True).rstrip("*"): heading.find_next_sibling("div", class_="module")
        for heading in page.select("#content-main h3")
    }


@pytest.mark.parametrize("role,status", [("writer_client", "draft"), ("chief_client", "published")])
def test_compare_shows_the_words_changed_in_lead_and_body_for_each_role(request, role, status):
    client = request.getfixturevalue(role)
    article = create_article(
        client,
        status=status,
        published_at_0="05-01-2026" if status == "published" else "",
        published_at_1="10:00:00" if status == "published" else "",
        lead="Een korte inleiding over wonen.",
        body="<p>Eerste alinea over de wijk.</p><p>Tweede alinea.</p>",
    )
    change_article(
        client,
        article,
        lead="Een korte inleiding over bouwen.",
        body="<p>Eerste alinea over de buurt.</p><p>Tweede alinea, met een <strong>derde</strong> zin.</p>",
    )
    page = compare_page(client, article)
    diff = sections(page)
    assert [d.get_text() for d in diff["intro"].select("del")] == ["wonen."]
    assert [i.get_text() for i in diff["intro"].select("ins")] == ["bouwen."]
    body = diff["tekst"]
    assert [d.get_text() for d in body.select("del")] == ["wijk.", "alinea."]
    assert [i.get_text() for i in body.select("ins")] == ["buurt.", "alinea, met een derde zin."]
    assert len(body.select(".word-diff p")) == 2, "paragraphs are kept"
    assert "<p>" not in body.get_text(), "the text is compared, not its HTML"
    # Only what changed, in Dutch, with Dutch breadcrumbs and links.
    assert set(diff) == {"intro", "tekst"}
    crumbs = [a.get_text(strip=True) for a in page.select(".breadcrumbs a")]
    assert crumbs == ["Voorpagina", "Artikelen", "Artikelen", "Eerste titel", "Geschiedenis"]
    assert page.select_one(".breadcrumbs").get_text(" ", strip=True).endswith("Vergelijken")
    text = page.select_one("#content").get_text(" ", strip=True)
    assert "Deze versie terugplaatsen" in text
    assert page.select(".follow") == [], "no note about fields kept outside revisions when none is shown"
    for english in ("Revert", "Compare", "loaded_version", "Lead", "Body"):
        assert english not in text


def test_compare_shows_tags_removed_and_added_without_logging_errors(chief_client, caplog):
    article = create_article(chief_client, tags="wonen, veiligheid")
    change_article(chief_client, article, tags="wonen, klimaat")
    with caplog.at_level(logging.ERROR):
        diff = sections(compare_page(chief_client, article))
    assert caplog.records == []
    assert [d.get_text() for d in diff["tags"].select("del")] == ["veiligheid"]
    assert [i.get_text() for i in diff["tags"].select("ins")] == ["klimaat"]


def test_compare_shows_only_what_changed_when_the_publication_moment_has_microseconds(chief_client):
    article = create_article(chief_client)  # published "now": a moment with microseconds
    assert article.published_at.microsecond
    change_article(chief_client, article, slug="nieuw-adres")
    older, newer = versions(article)
    assert older.field_dict["published_at"] == newer.field_dict["published_at"] == article.published_at
    diff = sections(compare_page(chief_client, article))
    assert set(diff) == {"slug"}
    assert [d.get_text() for d in diff["slug"].select("del")] == ["wijkaanpak"]
    assert [i.get_text() for i in diff["slug"].select("ins")] == ["nieuw-adres"]


def test_compare_shows_a_changed_foreign_key_by_name_and_an_unchanged_one_not_at_all(chief_client):
    partnership = factories.PartnershipFactory(name="Partnerschap Luchtkwaliteit")
    article = create_article(chief_client)
    change_article(chief_client, article, title="Nieuwe titel", partnership=partnership.pk)
    page = compare_page(chief_client, article)
    diff = sections(page)
    assert "Partnerschap Luchtkwaliteit" in diff["partnerschap"].get_text()
    assert page.select_one("p.follow"), "the partnership is not kept in revisions: the note says so"
    assert "city deal" not in {name.lower() for name in diff}
    assert "None" not in "".join(section.get_text() for section in diff.values())


# Change messages.


def test_no_change_message_or_revision_comment_mentions_the_form_s_bookkeeping(chief_client, writer_client):
    article = create_article(chief_client, title="Eerste titel")
    change_article(chief_client, article, title="Tweede titel", lead="Nieuwe intro")
    person = factories.PersonFactory()
    submit(chief_client, admin_url(Person, "change", person.pk), "#person_form", name="Anna de Vries")
    draft = create_article(writer_client, slug="concept", status="draft")
    change_article(writer_client, draft, body="<p>Nieuw.</p>")
    entries = list(LogEntry.objects.all())
    assert len(entries) == 5
    messages = [entry.change_message for entry in entries] + [entry.get_change_message() for entry in entries]
    messages += [version.revision.comment for version in Version.objects.all()]
    assert not [message for message in messages if "loaded_version" in message]
    shown = {entry.get_change_message() for entry in entries if entry.is_change()}
    assert shown == {"Titel en Intro gewijzigd.", "Naam gewijzigd.", "Tekst gewijzigd."}


def test_saving_without_changes_records_no_changed_fields(chief_client):
    article = create_article(chief_client)
    change_article(chief_client, article)
    entry = LogEntry.objects.filter(action_flag=2).get()
    assert entry.get_change_message() == "Geen velden gewijzigd."


# Messages, sections and history pages in Dutch.


def message_texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_messages_about_an_article_say_het_artikel(chief_client):
    response = submit(
        chief_client, admin_url(Article, "add"), "#article_form", title="Nieuw", slug="nieuw", status="draft"
    )
    [added] = message_texts(response)
    assert added.startswith("Het artikel ‘<a href=")
    article = Article.objects.get(slug="nieuw")
    response = submit(
        chief_client,
        admin_url(Article, "change", article.pk),
        "#article_form",
        title="Anders dan de artikel van gisteren",
    )
    [changed] = message_texts(response)
    assert changed.startswith("Het artikel ‘<a href=") and changed.endswith("is met succes gewijzigd.")
    assert "Anders dan de artikel van gisteren" in changed, "a title is quoted as it is"
    response = chief_client.post(admin_url(Article, "delete", article.pk), {"post": "yes"})
    assert (
        message_texts(response)[-1]
        == "Het artikel ‘Anders dan de artikel van gisteren’ is met succes verwijderd."
    )


def test_messages_keep_de_for_nouns_that_take_it_and_say_het_partnerschap(admin_client):
    response = submit(admin_client, admin_url(Person, "add"), "#person_form", name="Jan Jansen", slug="jan")
    assert message_texts(response)[0].startswith("De persoon ‘<a href=")
    response = submit(
        admin_client,
        admin_url(Partnership, "add"),
        "#partnership_form",
        name="Partnerschap Cultureel Erfgoed",
        slug="cultureel-erfgoed",
        theme="air_quality",
        start_date="2018-11-01",
        status="active",
    )
    assert response.status_code == 302, parse(response).select(".errorlist")
    assert message_texts(response)[0].startswith("Het partnerschap ‘<a href=")


def test_admin_sections_and_table_headings_are_dutch(admin_client):
    page = parse(admin_client.get("/admin/"))
    captions = [caption.get_text(strip=True) for caption in page.select("#content-main caption")]
    assert "Tags" in captions and "Inlogpogingen" in captions
    text = page.select_one("#content-main").get_text(" ", strip=True)
    for english in ("Taggit", "Axes", "Model name", "Add link", "Change or view list link", "Access"):
        assert english not in text
    axes = parse(admin_client.get("/admin/axes/"))
    models = [link.get_text(strip=True) for link in axes.select("#content-main th a")]
    assert models and all(name.startswith(("Inlog", "Mislukte", "Verloop")) for name in models), models


def test_history_revert_and_recover_pages_are_dutch(chief_client):
    article = create_article(chief_client)
    change_article(chief_client, article, title="Tweede titel")
    older = versions(article)[0]
    pages = [
        admin_url(Article, "history", article.pk),
        admin_url(Article, "revision", article.pk, older.pk),
        admin_url(Article, "recoverlist"),
    ]
    for url in pages:
        page = parse(chief_client.get(url))
        text = page.select_one("#container").get_text(" ", strip=True)
        for english in ("Revert", "Recover", "History", "Articles", "Compare", "version"):
            assert english not in text, (url, english)


def test_the_editor_s_toolbar_labels_have_dutch_translations(chief_client):
    catalogue = chief_client.get("/admin/jsi18n/").content.decode()
    for dutch in ("Blokstijl", "Alinea", "Kop 2", "Kop 3", "cursief", "link invoegen", "Alle stijlen wissen"):
        assert f'"{dutch}"' in catalogue
    page = parse(chief_client.get(admin_url(Article, "add")))
    assert page.select_one('script[src*="core/prose-editor-nl"]')


# What writers see of an article they cannot change; thumbnails.


def test_writer_sees_the_body_of_a_published_article_rendered_not_as_html_source(writer_client):
    article = factories.ArticleFactory(body="<p>Een <strong>vet</strong> woord.</p><h2>Een vraag</h2>")
    # A body stored past the sanitiser (a raw SQL import) is still shown sanitised.
    Article.objects.filter(pk=article.pk).update(body=article.body + '<script>alert("x")</script>')
    response = writer_client.get(admin_url(Article, "change", article.pk))
    assert response.status_code == 200
    page = parse(response)
    assert page.select_one("#article_form") is None or not page.select("#article_form textarea")
    body = page.select_one(".field-body_html .readonly")
    assert body.select_one("strong").get_text() == "vet"
    assert body.select_one("h2").get_text() == "Een vraag"
    assert "&lt;" not in response.content.decode().split("field-body_html", 1)[1][:500]
    assert page.select("script") and not [s for s in page.select("script") if "alert" in s.get_text()]


def test_chief_still_edits_the_body_in_the_editor(chief_client):
    article = factories.ArticleFactory(body="<p>Een tekst.</p>")
    page = parse(chief_client.get(admin_url(Article, "change", article.pk)))
    assert page.select_one("textarea[name=body]").get_text().strip() == "<p>Een tekst.</p>"
    assert page.select_one(".field-body_html") is None


def test_article_list_and_form_show_thumbnails_of_the_main_image(chief_client, django_assert_max_num_queries):
    with_image = factories.ArticleFactory(with_image=True, hero_alt="Een plein")
    factories.ArticleFactory(title="Zonder beeld")
    page = parse(chief_client.get(admin_url(Article, "changelist")))
    thumbnails = page.select("#result_list img.admin-thumbnail")
    assert len(thumbnails) == 1
    rendition = with_image.hero_480_webp
    assert thumbnails[0]["src"] == rendition.url and rendition.url.endswith(".webp")
    assert "/renditions/" in rendition.url and rendition.storage.exists(rendition.name)

    form = parse(chief_client.get(admin_url(Article, "change", with_image.pk)))
    assert form.select_one(".field-hero_thumbnail img.admin-thumbnail")["src"] == rendition.url


def test_thumbnails_cost_no_query_per_article(chief_client, django_assert_max_num_queries):
    factories.ArticleFactory.create_batch(2, with_image=True)
    chief_client.get(admin_url(Article, "changelist"))
    with django_assert_max_num_queries(20) as few:
        chief_client.get(admin_url(Article, "changelist"))
    factories.ArticleFactory.create_batch(6, with_image=True)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = parse(chief_client.get(admin_url(Article, "changelist")))
    assert len(page.select("#result_list img.admin-thumbnail")) == 8


def test_reverting_through_the_history_keeps_messages_clean(chief_client):
    with reversion.create_revision():
        article = factories.ArticleFactory(title="Oud")
    change_article(chief_client, article, title="Nieuw")
    older = versions(article)[0]
    response = submit(chief_client, admin_url(Article, "revision", article.pk, older.pk), "#article_form")
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).title == "Oud"
    assert not [e for e in LogEntry.objects.all() if "loaded_version" in e.change_message]
    assert not Version.objects.filter(revision__comment__contains="loaded_version").exists()
