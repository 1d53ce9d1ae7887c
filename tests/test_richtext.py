"""The article body: the sanitiser lets through the e-zine's small HTML vocabulary and nothing active.

Every vector is tried against ``sanitise()`` itself, against an article saved through the ORM, and against
an article saved through the admin form; the stored body and the reader's page are parsed and checked.
"""

import json
import re

import pytest
from bs4 import BeautifulSoup, Comment
from django.urls import reverse

from articles.models import Article
from articles.richtext import sanitise
from tests import factories
from tests.html import form_data, parse

pytestmark = pytest.mark.django_db

# In the style of the OWASP XSS filter evasion cheat sheet.
XSS_VECTORS = {
    "script": "<script>alert(1)</script>",
    "script_src_uppercase": "<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>",
    "script_slash_attribute": "<script/xss src=https://evil.example/xss.js></script>",
    "script_unclosed": "<script>alert(1)",
    "script_nested_split": "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "script_extra_brackets": "<<script>alert(1)//<</script>",
    "img_onerror": "<img src=x onerror=alert(1)>",
    "img_onerror_unclosed": '<img src="x" onerror="alert(1)"',
    "img_javascript_src": "<IMG SRC=`javascript:alert(1)`>",
    "img_malformed_quotes": '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
    "svg_onload": "<svg onload=alert(1)>",
    "svg_slash_onload": "<svg/onload=alert(1)>",
    "svg_script": "<svg><script>alert(1)</script></svg>",
    "svg_xlink_javascript": '<svg><a xlink:href="javascript:alert(1)"><text y="20">XSS</text></a></svg>',
    "svg_style_namespace_confusion": "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "math_namespace_confusion": "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "math_xlink_javascript": '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "noscript_mutation": '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "javascript_href": '<a href="javascript:alert(1)">klik</a>',
    "javascript_href_mixed_case": '<a href="JaVaScRiPt:alert(1)">klik</a>',
    "javascript_href_leading_space": '<a href=" javascript:alert(1)">klik</a>',
    "javascript_href_control_character": '<a href="\x01javascript:alert(1)">klik</a>',
    "javascript_href_decimal_entities": (
        '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">klik</a>'
    ),
    "javascript_href_decimal_entities_without_semicolons": (
        '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105'
        '&#0000112&#0000116&#0000058alert(1)">klik</a>'
    ),
    "javascript_href_hex_entities": (
        '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">klik</a>'
    ),
    "javascript_href_named_colon": '<a href="javascript&colon;alert(1)">klik</a>',
    "javascript_href_encoded_tab": '<a href="javas&#x09;cript:alert(1)">klik</a>',
    "javascript_href_encoded_newline": '<a href="jav&#x0A;ascript:alert(1)">klik</a>',
    "javascript_href_embedded_control": '<a href=" &#14;  javascript:alert(1)">klik</a>',
    "data_href_base64": '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">klik</a>',
    "data_href_html": '<a href="data:text/html,<script>alert(1)</script>">klik</a>',
    "vbscript_href": '<a href="vbscript:msgbox(1)">klik</a>',
    "vbscript_href_mixed_case": '<a href="VBScript:msgbox(1)">klik</a>',
    "iframe": '<iframe src="javascript:alert(1)"></iframe>',
    "iframe_srcdoc": '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "object": '<object data="javascript:alert(1)"></object>',
    "object_scriptlet": '<object type="text/x-scriptlet" data="https://evil.example/x.sct"></object>',
    "embed": '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    "embed_flash": '<embed src="https://evil.example/xss.swf" AllowScriptAccess="always">',
    "style_element": '<style>body{background:url("javascript:alert(1)")}</style>',
    "style_import": "<style>@import 'https://evil.example/xss.css';</style>",
    "style_attribute_expression": '<p style="width: expression(alert(1))">tekst</p>',
    "style_attribute_url_javascript": '<p style="background:url(javascript:alert(1))">tekst</p>',
    "style_attribute_split_expression": '<div style="x:expr/**/ession(alert(1))">tekst</div>',
    "style_attribute_behavior": '<p style="behavior: url(xss.htc)">tekst</p>',
    "form_action": '<form action="javascript:alert(1)"><input type=submit></form>',
    "button_formaction": '<form><button formaction="javascript:alert(1)">X</button></form>',
    "input_autofocus": "<input onfocus=alert(1) autofocus>",
    "meta_refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "meta_refresh_data": '<meta http-equiv="refresh" content="0;url=data:text/html;base64,PHNjcmlwdD4=">',
    "base_href": '<base href="https://evil.example/">',
    "link_import": '<link rel="import" href="https://evil.example/x.html">',
    "body_onload": "<body onload=alert(1)>",
    "body_background": '<body background="javascript:alert(1)">',
    "table_background": '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    "details_ontoggle": "<details open ontoggle=alert(1)>",
    "video_source_onerror": '<video><source onerror="alert(1)"></video>',
    "template_script": "<template><script>alert(1)</script></template>",
    "unknown_element_handler": "<xss onafterscriptexecute=alert(1)><script>1</script>",
    "comment_hiding_script": "<!--<script>alert(1)</script>-->",
    "conditional_comment": "<p><!--[if gte IE 4]><script>alert(1)</script><![endif]--></p>",
    "cdata": "<![CDATA[<script>alert(1)</script>]]>",
    "attribute_breakout": '<p>"><script>alert(1)</script></p>',
    "p_onclick": '<p onclick="alert(1)">tekst</p>',
    "h2_question_onmouseover": '<h2 class="question" onmouseover="alert(1)">Vraag?</h2>',
    "h2_question_style": '<h2 class="question" style="background:url(javascript:alert(1))">Vraag?</h2>',
    "a_https_onmouseover": '<a href="https://example.org" onmouseover="alert(1)">klik</a>',
    "a_title_breakout": '<a href="https://example.org" title="&quot; onmouseover=&quot;alert(1)">klik</a>',
    "li_onmouseover": "<ul><li onmouseover=alert(1)>punt</li></ul>",
    "blockquote_cite_javascript": '<blockquote cite="javascript:alert(1)">citaat</blockquote>',
    "ol_onclick": '<ol start="3" onclick="alert(1)" type="a"><li>punt</li></ol>',
}

ALLOWED_ATTRIBUTES = {
    "p": set(),
    "br": set(),
    "h2": {"class"},
    "h3": {"class"},
    "strong": set(),
    "em": set(),
    "a": {"href", "title", "rel"},
    "ul": set(),
    "ol": {"start"},
    "li": set(),
    "blockquote": set(),
}
ACTIVE_ELEMENTS = (
    "script:not([type='application/ld+json']), style, iframe, frame, frameset, object, embed, applet, form, "
    "input, button, base, svg, math, template, meta[http-equiv], link[rel=import]"
)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "background", "cite", "poster", "xlink:href"}
RAW_ACTIVE_TAG = re.compile(r"<\s*/?\s*(script|style|iframe|object|embed|form|meta|base|svg|math)\b", re.I)


def url_scheme(url):
    """Return the scheme a browser would see in ``url`` (lower case), or None for a relative URL.

    Browsers strip leading and trailing control characters and spaces and remove tabs and newlines
    anywhere before they look for a scheme.
    """
    url = re.sub(r"[\t\n\r]", "", url.strip("".join(map(chr, range(0x21)))))
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", url)
    return match.group(1).lower() if match else None


def fragment(html):
    return BeautifulSoup(html, "html.parser")


def assert_no_active_content(soup):
    """No scripts, styles, frames, plug-ins, forms, handlers, or URLs that run code, anywhere in ``soup``."""
    assert soup.select(ACTIVE_ELEMENTS) == []
    for data in soup.select("script[type='application/ld+json']"):
        # Structured data for search engines: JSON, with no "<" that could end the element early.
        assert "<" not in data.string, data
        json.loads(data.string)
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            assert not name.lower().startswith("on"), tag
            assert name.lower() not in {"style", "srcdoc", "formaction"}, tag
            if name.lower() in URL_ATTRIBUTES:
                assert url_scheme(value) not in {"javascript", "vbscript", "data"}, tag


def assert_within_vocabulary(soup):
    """Only the editor's elements and attributes, class "question", links to http(s), mailto or relative."""
    for tag in soup.find_all(True):
        assert tag.name in ALLOWED_ATTRIBUTES, tag
        assert set(tag.attrs) <= ALLOWED_ATTRIBUTES[tag.name], tag
        if "class" in tag.attrs:
            assert tag["class"] == ["question"], tag
        if tag.name == "a":
            assert tag["rel"] == ["noopener"], tag
            if "href" in tag.attrs:
                assert url_scheme(tag["href"]) in {None, "http", "https", "mailto"}, tag
    assert soup.find_all(string=lambda text: isinstance(text, Comment)) == []
    assert_no_active_content(soup)


def assert_harmless_body(html):
    assert not RAW_ACTIVE_TAG.search(html), html
    assert_within_vocabulary(fragment(html))


def assert_harmless_page(response):
    assert response.status_code == 200
    page = parse(response)
    page.select_one("form.site-search").decompose()  # the site's own search form, not the body's
    assert_no_active_content(page)
    assert page.find_all(string=lambda text: isinstance(text, Comment)) == []
    body = page.select_one(".article__body")
    assert body is not None
    assert_within_vocabulary(fragment(body.decode_contents()))


def post_article(client, **data):
    url = reverse("admin:articles_article_add")
    fields = form_data(client.get(url), "#article_form")
    fields.update(title="Veilig stuk", slug="veilig-stuk", status="published", **data)
    response = client.post(url, fields)
    assert response.status_code == 302, parse(response).select(".errorlist")
    return Article.objects.get(slug="veilig-stuk")


@pytest.mark.parametrize("vector", XSS_VECTORS.values(), ids=XSS_VECTORS)
def test_sanitise_removes_active_content(vector):
    assert_harmless_body(sanitise(vector))
    assert_harmless_body(sanitise(f"<p>Inleiding</p>{vector}<p>Slot</p>"))


@pytest.mark.parametrize("vector", XSS_VECTORS.values(), ids=XSS_VECTORS)
def test_sanitise_is_stable_when_applied_again(vector):
    """The admin form and Article.save() both sanitise; the second pass must change nothing."""
    once = sanitise(vector)
    assert sanitise(once) == once


@pytest.mark.parametrize("vector", XSS_VECTORS.values(), ids=XSS_VECTORS)
def test_article_saved_through_the_orm_stores_and_shows_no_active_content(client, vector):
    article = factories.ArticleFactory(body=f"<p>Inleiding</p>{vector}")
    stored = Article.objects.get(pk=article.pk).body
    assert stored.startswith("<p>Inleiding</p>")
    assert_harmless_body(stored)
    assert_harmless_page(client.get(article.get_absolute_url()))


@pytest.mark.parametrize("vector", XSS_VECTORS.values(), ids=XSS_VECTORS)
def test_article_saved_through_the_admin_stores_and_shows_no_active_content(admin_client, client, vector):
    article = post_article(admin_client, body=f"<p>Inleiding</p>{vector}")
    assert article.body.startswith("<p>Inleiding</p>")
    assert_harmless_body(article.body)
    assert_harmless_page(client.get(article.get_absolute_url()))


INTERVIEW = (
    "<p>Maastricht pakt de wijken aan.</p>"
    '<h2 class="question">Wat doen jullie anders?</h2>'
    "<p>We praten <strong>eerst</strong> met de <em>families</em>.<br>Daarna volgt de rest.</p>"
    "<h3>Drie stappen</h3>"
    '<ol start="2"><li>Luisteren</li><li>Afspreken</li></ol>'
    "<ul><li>Wonen</li><li>Zorg</li></ul>"
    "<blockquote><p>Het werkt alleen samen.</p></blockquote>"
    '<h3 class="question">En de gemeente?</h3>'
    '<p>Lees <a href="https://www.agendastad.nl/" title="Agenda Stad">de Agenda Stad</a>, '
    '<a href="http://example.org/pad?x=1&amp;y=2">een oud adres</a>, '
    '<a href="/artikelen/wonen/">ons eerdere stuk</a> of '
    '<a href="mailto:redactie@example.org">mail ons</a>.</p>'
)
INTERVIEW_SANITISED = INTERVIEW.replace("<a href", '<a rel="noopener" href')


def elements(html):
    """Return (name, attributes, own text) of every element, for comparing markup regardless of order."""
    return [
        (tag.name, dict(sorted(tag.attrs.items())), "".join(tag.find_all(string=True, recursive=False)))
        for tag in fragment(html).find_all(True)
    ]


def test_allowed_markup_survives_sanitising_intact():
    cleaned = sanitise(INTERVIEW)
    assert elements(cleaned) == elements(INTERVIEW_SANITISED)
    assert fragment(cleaned).get_text() == fragment(INTERVIEW).get_text()
    assert_within_vocabulary(fragment(cleaned))


def test_allowed_markup_survives_the_orm_and_the_admin_and_reaches_the_reader(admin_client, client):
    saved_by_orm = factories.ArticleFactory(body=INTERVIEW)
    saved_by_admin = post_article(admin_client, body=INTERVIEW)
    for article in (saved_by_orm, saved_by_admin):
        article.refresh_from_db()
        assert elements(article.body) == elements(INTERVIEW_SANITISED)
        body = parse(client.get(article.get_absolute_url())).select_one(".article__body")
        assert elements(body.decode_contents()) == elements(INTERVIEW_SANITISED)
        assert [h.get_text() for h in body.select("h2.question, h3.question")] == [
            "Wat doen jullie anders?",
            "En de gemeente?",
        ]


def test_every_link_gets_rel_noopener_and_loses_target_and_other_rel():
    cleaned = sanitise(
        '<p><a href="https://example.org" target="_blank" rel="nofollow opener">a</a>'
        '<a href="mailto:a@example.org">b</a><a>c</a></p>'
    )
    links = fragment(cleaned).select("a")
    assert [link.attrs for link in links] == [
        {"href": "https://example.org", "rel": ["noopener"]},
        {"href": "mailto:a@example.org", "rel": ["noopener"]},
        {"rel": ["noopener"]},
    ]


@pytest.mark.parametrize(
    "href, kept",
    [
        ("https://example.org/", True),
        ("http://example.org/", True),
        ("mailto:redactie@example.org", True),
        ("/artikelen/wonen/", True),
        ("#vraag-2", True),
        ("ftp://example.org/bestand", False),
        ("file:///etc/passwd", False),
        ("tel:+31201234567", False),
        ("javascript:alert(1)", False),
        ("data:text/html,hallo", False),
    ],
)
def test_only_http_https_mailto_and_relative_links_keep_their_address(href, kept):
    link = fragment(sanitise(f'<p><a href="{href}">link</a></p>')).select_one("a")
    assert link.get_text() == "link"
    assert link.get("href") == (href if kept else None)


@pytest.mark.parametrize(
    "html, classes",
    [
        ('<h2 class="question intro">Vraag</h2>', ["question"]),
        ('<h3 class="lead question">Vraag</h3>', ["question"]),
        ('<h3 class="lead">Kop</h3>', []),
        ('<h2 class="Question">Kop</h2>', []),
        ('<h2 class="vraag">Kop</h2>', []),
        ('<p class="question">Tekst</p>', []),
        ('<strong class="question">Vet</strong>', []),
        ('<blockquote class="pull-quote"><p>Citaat</p></blockquote>', []),
        ('<a href="https://example.org" class="button">Link</a>', []),
    ],
)
def test_classes_other_than_question_on_a_subhead_are_dropped(html, classes):
    element = fragment(sanitise(html)).find(True)
    assert element.get("class", []) == classes
    assert element.get_text() in html


@pytest.mark.parametrize(
    "html, expected",
    [
        ('<p id="anker" dir="rtl" data-x="1" hidden>Tekst</p>', "<p>Tekst</p>"),
        ('<ol start="3" reversed type="a"><li value="9">x</li></ol>', '<ol start="3"><li>x</li></ol>'),
        (
            '<a href="https://example.org" hreflang="en" download ping="https://evil.example/">x</a>',
            '<a href="https://example.org" rel="noopener">x</a>',
        ),
    ],
)
def test_attributes_outside_the_vocabulary_are_dropped(html, expected):
    assert sanitise(html) == expected


@pytest.mark.parametrize(
    "html, expected",
    [
        ('<p lang="en">Tekst</p>', "<p>Tekst</p>"),
        ('<h2 class="question" title="Hover-tekst">Vraag</h2>', '<h2 class="question">Vraag</h2>'),
        ('<li title="x" lang="de">punt</li>', "<li>punt</li>"),
    ],
)
def test_lang_and_title_outside_links_are_dropped(html, expected):
    assert sanitise(html) == expected


@pytest.mark.parametrize(
    "html, expected",
    [
        ("<h1>Kop</h1><p>Tekst</p>", "Kop<p>Tekst</p>"),
        ("<div><span>Tekst</span></div>", "Tekst"),
        ("<p><u>onder</u><b>vet</b><i>schuin</i></p>", "<p>ondervetschuin</p>"),
        ("<p>Tekst<!-- opmerking van de redactie --></p>", "<p>Tekst</p>"),
        (
            "<p>Schrijf nooit &lt;script&gt; in een stuk.</p>",
            "<p>Schrijf nooit &lt;script&gt; in een stuk.</p>",
        ),
    ],
)
def test_unknown_elements_are_unwrapped_keeping_their_text_and_comments_go(html, expected):
    assert sanitise(html) == expected


def test_escaped_markup_in_the_text_reaches_the_reader_as_text(client):
    article = factories.ArticleFactory(body="<p>Schrijf nooit &lt;script&gt;alert(1)&lt;/script&gt; op.</p>")
    body = parse(client.get(article.get_absolute_url())).select_one(".article__body")
    assert body.select("script") == []
    assert body.get_text().strip() == "Schrijf nooit <script>alert(1)</script> op."


EMPTY_EDITOR_OUTPUT = [
    "",
    None,
    "   \n",
    "<p></p>",
    "<p> </p>",
    "\n<p>\n</p>\n",
    "<p></p><p></p>",
    "<h2></h2>",
    "<h3></h3><p></p>",
    "<p><!-- leeg --></p>",
    "<p><script>alert(1)</script></p>",
    "<p><span></span></p>",
]


@pytest.mark.parametrize("html", EMPTY_EDITOR_OUTPUT)
def test_empty_editor_output_becomes_an_empty_body(html):
    assert sanitise(html) == ""


def test_empty_editor_output_is_stored_as_an_empty_body(admin_client):
    assert factories.ArticleFactory(body="<p></p><p> </p>").body == ""
    assert post_article(admin_client, body="<p></p>").body == ""


def test_a_paragraph_with_text_is_not_empty():
    assert sanitise("<p>0</p>") == "<p>0</p>"
    assert sanitise("<p></p><p>Tekst</p>") == "<p></p><p>Tekst</p>"


def test_markup_in_title_and_lead_stays_text_in_headings_meta_tags_and_structured_data(client):
    title = '</title><script>alert(1)</script>"><img src=x onerror=alert(2)> & co'
    lead = "</script><script>alert(3)</script><!-- --> ' \" <b>vet</b>"
    article = factories.ArticleFactory(title=title, lead=lead)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    page = parse(response)
    page.select_one("form.site-search").decompose()  # the site's own search form, not the body's
    assert_no_active_content(page)
    assert page.select("img") == []
    assert page.select_one("h1.article__title").get_text() == title
    assert page.select_one("p.article__lead").get_text() == lead
    assert page.select_one("meta[property='og:title']")["content"] == title
    assert page.select_one("meta[name=description]")["content"] == lead
    structured, breadcrumbs = [
        json.loads(data.string) for data in page.select("script[type='application/ld+json']")
    ]
    assert (structured["headline"], structured["description"]) == (title, lead)
    assert breadcrumbs["itemListElement"][-1]["name"] == title


@pytest.mark.parametrize(
    "html", ["<p><br></p>", "<p>&nbsp;</p>", "<p>\xa0</p>", '<h2 class="question"></h2>', "<p></p><p> </p>"]
)
def test_a_cleared_editor_leaves_an_empty_body(html):
    assert sanitise(html) == ""


def test_a_refused_class_leaves_no_empty_attribute():
    assert sanitise('<h3 class="lead">Tussenkop</h3>') == "<h3>Tussenkop</h3>"
