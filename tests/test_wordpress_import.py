"""import_wordpress brings a WordPress archive along: posts become articles with their images, attachments,
tags, bylines and links to the programme's records, every old address answers 301, and a second run
changes nothing. The export (tests/wxr/agenda-stad.xml) holds the e-zine's ten pieces as WordPress posts."""

import io
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from PIL import Image
from taggit.models import Tag

from articles.models import Article
from core.models import Redirect
from tests import factories
from wordpress.models import ImportedPost

pytestmark = pytest.mark.django_db

WXR = Path(__file__).parent / "wxr"
EXPORT = WXR / "agenda-stad.xml"
IMAGES = ["2017/10/garnier.jpg", "2017/11/klokken.jpg", "2017/06/de-vaan.jpg", "2017/09/chemelot.jpg"]
IMAGES += ["2018/01/mariaberg.jpg", "2018/03/zwitsal.jpg"]  # 2017/07/beets-ontbreekt.jpg is missing
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def uploads(tmp_path):
    """The old site's wp-content/uploads, copied next to the export."""
    root = tmp_path / "uploads"
    for name in IMAGES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (1200, 800), "teal").save(root / name, "JPEG")
    (root / "2017/10/actieplan-huisvesting.pdf").write_bytes(PDF)
    (root / "2017/06/programma-dag-van-de-stad.pdf").write_bytes(PDF)
    return root


@pytest.fixture
def chief(django_user_model):
    user = django_user_model.objects.create_user("chef", "chef@example.org", "wachtwoord-123", is_staff=True)
    user.groups.add(Group.objects.get(name="Eindredacteur"))
    return user


@pytest.fixture
def programme():
    """The records the archive's pieces are about, as the e-zine already has them."""
    return {
        "author": factories.PersonFactory(name="Eva de Vries", organisation=None),
        "partnership": factories.PartnershipFactory(name="Partnerschap Betaalbare Huisvesting"),
        "deal": factories.CityDealFactory(name="City Deal Zorg voor Veiligheid in de Stad"),
        "maastricht": factories.OrganisationFactory(name="Gemeente Maastricht"),
        "vechtclub": factories.OrganisationFactory(name="Vechtclub XL"),
    }


def run(*args, user="chef"):
    out = io.StringIO()
    call_command("import_wordpress", *map(str, args), "--user", user, stdout=out)
    return out.getvalue()


def snapshot():
    return {
        "articles": sorted(
            Article.objects.values_list("pk", "slug", "updated_at", "hero_image", "attachment")
        ),
        "redirects": sorted(
            Redirect.objects.values_list("old_path", "content_type", "object_id", "new_path")
        ),
        "tags": sorted(Tag.objects.values_list("name", flat=True)),
        "records": sorted(ImportedPost.objects.values_list("post_id", "content_hash", "updated_at")),
    }


@pytest.fixture
def imported(chief, programme, uploads, media_root):
    report = run(EXPORT, "--media", uploads, "--pages")
    return {"report": report, **programme}


def article(post_id):
    return ImportedPost.objects.get(post_id=post_id).article


def test_every_post_becomes_an_article_with_its_status(imported):
    assert Article.objects.count() == 11  # ten posts and one page; trash and menu items stay out
    assert article(101).status == Article.Status.PUBLISHED
    assert article(101).published_at.isoformat() == "2017-10-12T07:30:00+00:00"
    assert article(107).status == Article.Status.DRAFT
    assert article(107).published_at is None
    assert article(108).status == Article.Status.REVIEW
    assert article(110).status == Article.Status.DRAFT  # private stays unpublished
    scheduled = article(109)
    assert scheduled in Article.objects.scheduled()
    assert scheduled not in Article.objects.published()


def test_title_slug_lead_kind_and_byline_come_from_the_post(imported):
    garnier = article(101)
    assert garnier.title == "Betaalbare huisvesting voor iedereen in Europa"
    assert garnier.slug == "betaalbare-huisvesting-voor-iedereen-in-europa"
    assert garnier.lead.startswith("Sebastien Garnier van Aedes")
    assert garnier.kind == Article.Kind.INTERVIEW
    assert article(103).kind == Article.Kind.PORTRAIT
    assert article(105).kind == Article.Kind.NEWS
    assert list(garnier.authors.all()) == [imported["author"]]
    assert article(103).authors.count() == 0  # “Redactie Agenda Stad” is no person: reported
    assert "Redactie Agenda Stad (5 berichten)" in imported["report"]


def test_body_loses_block_comments_shortcodes_and_scripts_and_gets_its_paragraphs(imported):
    garnier = article(101).body
    assert "wp:" not in garnier and "<!--" not in garnier
    assert "<h2>Wat levert het partnerschap op?</h2>" in garnier
    classic = article(102).body  # classic editor: paragraphs are blank lines
    assert classic.startswith("<p>Partners in een City Deal")
    assert "<br>" in classic
    assert "<h3>Multi-temporal governance</h3>" in classic  # an h4 becomes the e-zine's smaller subhead
    maastricht = article(105).body
    assert "<script" not in maastricht and "alert" not in maastricht and "[gallery" not in maastricht
    beets = article(106).body
    assert "onclick" not in beets and "javascript:" not in beets
    assert 'href="https://www.youtube.com/watch?v=abc123"' in article(104).body  # [embed] → a link
    assert "[caption" not in article(103).body and "Wandelend overleg" not in article(103).body


def test_categories_and_tags_become_tags_or_links_to_the_programme(imported):
    garnier = article(101)
    assert set(garnier.tags.names()) == {"Wonen", "Pact van Amsterdam", "EU Urban Agenda"}
    assert garnier.partnership == imported["partnership"]
    maastricht = article(105)
    assert maastricht.city_deal == imported["deal"]
    assert list(maastricht.organisations.all()) == [imported["maastricht"]]
    assert not Tag.objects.filter(name__in=["Interviews", "Uncategorized", "Gemeente Maastricht"]).exists()


def test_featured_image_becomes_the_main_image_with_alt_caption_and_credit(imported):
    garnier = article(101)
    assert garnier.hero_image.name.startswith("articles/")
    assert garnier.hero_alt == "Sebastien Garnier"
    assert garnier.hero_caption == "Sebastien Garnier."
    assert garnier.hero_credit == "Aedes"
    assert article(102).hero_credit == "CorporatieNL Flickr Creative Commons"
    assert article(105).hero_credit == "Joe Thomissen/Flickr Creative Commons"
    assert not article(106).hero_image  # its file is missing: reported, not fatal
    assert "beets-ontbreekt.jpg" in imported["report"]


def test_a_document_linked_from_the_text_becomes_the_attachment(imported):
    garnier = article(101)
    assert garnier.attachment.name.endswith(".pdf")
    assert garnier.attachment_title == "het actieplan (pdf)"
    assert f'href="{garnier.attachment.url}"' in garnier.body
    response_path = "/wp-content/uploads/2017/10/actieplan-huisvesting.pdf"
    assert Redirect.objects.get(old_path=response_path).new_path == garnier.attachment.url


def test_pages_only_when_asked(chief, programme, uploads, media_root):
    run(EXPORT, "--media", uploads)
    assert Article.objects.count() == 10
    assert not ImportedPost.objects.filter(post_type="page").exists()


OLD_ADDRESSES = {
    "/?p=101": "/artikelen/betaalbare-huisvesting-voor-iedereen-in-europa/",
    "/2017/10/betaalbare-huisvesting-voor-iedereen-in-europa/": (
        "/artikelen/betaalbare-huisvesting-voor-iedereen-in-europa/"
    ),
    "/2017/10/betaalbare-huisvesting-voor-iedereen-in-europa/garnier/": (
        "/artikelen/betaalbare-huisvesting-voor-iedereen-in-europa/"
    ),
    "/?attachment_id=201": "/artikelen/betaalbare-huisvesting-voor-iedereen-in-europa/",
    "/?page_id=301": "/artikelen/over-agenda-stad/",
    "/over-agenda-stad/": "/artikelen/over-agenda-stad/",
    "/tag/wonen/": "/tags/wonen/",
    "/tag/wonen/feed/": "/tags/wonen/feed/",
    "/category/europa/eu-urban-agenda/": "/tags/eu-urban-agenda/",
    "/category/europa/eu-urban-agenda/feed/": "/tags/eu-urban-agenda/feed/",
    "/category/interviews/": "/artikelen/?soort=interviews",
    "/category/interviews/feed/": "/feeds/interviews/rss/",
    "/tag/partnerschap-betaalbare-huisvesting/": None,  # the partnership's page
    "/tag/city-deal-zorg-voor-veiligheid/": None,
    "/author/eva/": None,
    "/feed/": "/feeds/rss/",
    "/feed/atom/": "/feeds/atom/",
    "/?feed=rss2": "/feeds/rss/",
}


def test_every_old_address_answers_301_to_the_new_page(imported, client):
    expected = dict(OLD_ADDRESSES)
    expected["/tag/partnerschap-betaalbare-huisvesting/"] = imported["partnership"].get_absolute_url()
    expected["/tag/city-deal-zorg-voor-veiligheid/"] = imported["deal"].get_absolute_url()
    expected["/author/eva/"] = imported["author"].get_absolute_url()
    for old, new in expected.items():
        path, _, query = old.partition("?")
        response = client.get(path, dict([query.split("=")]) if query else {})
        assert response.status_code == 301, old
        assert response["Location"] == new, old
        assert client.get(new).status_code == 200, new


def test_old_addresses_of_unpublished_posts_reveal_nothing(imported, client):
    assert Redirect.objects.filter(old_path="/?p=107").exists()
    assert client.get("/", {"p": "107"}).status_code == 200  # the home page, not the draft
    assert client.get("/", {"p": "109"}).status_code == 200  # scheduled: not yet


def test_a_second_identical_run_changes_nothing(imported, uploads, media_root):
    before = snapshot()
    files = sorted(p.name for p in Path(media_root).rglob("*") if p.is_file())
    report = run(EXPORT, "--media", uploads, "--pages")
    assert snapshot() == before
    assert sorted(p.name for p in Path(media_root).rglob("*") if p.is_file()) == files
    assert "Artikelen aangemaakt: 0" in report
    assert "Artikelen bijgewerkt: 0" in report
    assert "Artikelen ongewijzigd: 11" in report


def test_a_rerun_updates_what_changed_and_never_duplicates(imported, uploads, tmp_path):
    changed = tmp_path / "changed.xml"
    changed.write_text(
        EXPORT.read_text().replace("Vechtclub XL begon in een leegstaande loods", "Vechtclub XL begon klein")
    )
    report = run(changed, "--media", uploads, "--pages")
    assert Article.objects.count() == 11
    assert "Vechtclub XL begon klein" in article(107).body
    assert "Artikelen bijgewerkt: 1" in report


def test_an_article_deleted_after_the_import_is_not_brought_back(imported, uploads):
    article(107).delete()
    report = run(EXPORT, "--media", uploads, "--pages")
    assert Article.objects.count() == 10
    assert "verwijderd" in report


def test_dry_run_reports_the_plan_and_saves_nothing(chief, programme, uploads, media_root):
    report = run(EXPORT, "--media", uploads, "--pages", "--dry-run")
    assert Article.objects.count() == 0
    assert not Redirect.objects.exists() and not ImportedPost.objects.exists()
    assert not any(Path(media_root).rglob("*.jpg"))
    assert "proefrun" in report
    assert "Artikelen aangemaakt: 11" in report


def test_report_names_skipped_items_suggestions_and_missing_media(imported):
    report = imported["report"]
    assert "#401 Oud concept" in report  # trash
    assert "Vechtclub XL in Utrecht → organisatie Vechtclub XL" in report  # named in a title: suggested
    assert not article(107).organisations.exists()
    assert "gallery" not in report.lower() or "afbeelding" in report.lower()


def test_authors_are_created_only_when_asked(chief, programme, uploads, media_root):
    call_command("import_wordpress", str(EXPORT), "--user", "chef", "--create-authors", stdout=io.StringIO())
    assert article(103).authors.get().name == "Redactie Agenda Stad"


def test_a_writer_may_not_import_published_posts(db, django_user_model, programme, uploads):
    user = django_user_model.objects.create_user(
        "schrijver", "s@example.org", "wachtwoord-123", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Redacteur"))
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="Niets geïmporteerd"):
        run(EXPORT, user="schrijver")
    assert not Article.objects.exists()


def test_a_person_created_after_the_import_gets_the_byline_on_the_next_run(imported, uploads):
    assert article(103).authors.count() == 0
    factories.PersonFactory(name="Redactie Agenda Stad", organisation=None)
    report = run(EXPORT, "--media", uploads, "--pages")
    assert article(103).authors.get().name == "Redactie Agenda Stad"
    assert "Artikelen bijgewerkt: 5" in report


@pytest.mark.parametrize(
    "old", ["/2017/10/betaalbare-huisvesting-voor-iedereen-in-europa/", "/tag/wonen/feed/", "/?p=101"]
)
def test_an_old_address_costs_a_fixed_number_of_queries(imported, client, django_assert_max_num_queries, old):
    path, _, query = old.partition("?")
    with django_assert_max_num_queries(3):
        response = client.get(path, dict([query.split("=")]) if query else {})
    assert response.status_code == 301


def test_links_an_import_writes_without_model_signals_are_announced_to_the_caches(
    chief, programme, uploads, media_root
):
    from core import dependencies

    announced = []

    def receiver(sender, keys, **kwargs):
        announced.append(keys)

    dependencies.changed_in_bulk.connect(receiver, dispatch_uid="test-bulk")
    try:
        run(EXPORT, "--media", uploads)
    finally:
        dependencies.changed_in_bulk.disconnect(dispatch_uid="test-bulk")
    assert announced and all(keys == {dependencies.ALL} for keys in announced)
