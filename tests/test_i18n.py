import gettext
import re
from pathlib import Path

import pytest
from django.utils import translation

PO = Path(__file__).resolve().parent.parent / "ezine" / "locale" / "nl" / "LC_MESSAGES" / "django.po"
ESCAPES = {"\\n": "\n", '\\"': '"', "\\\\": "\\", "\\t": "\t"}


def unescape(text):
    return re.sub(r"\\[n\"\\t]", lambda match: ESCAPES[match.group(0)], text)


def entries():
    """Yield (msgid, msgstr, fuzzy) for every entry of the Dutch .po file; plurals give their singular."""
    for block in PO.read_text().split("\n\n")[1:]:
        plural = "\nmsgid_plural " in block
        head, _, tail = block.partition("\nmsgstr[0] " if plural else "\nmsgstr ")
        msgid = unescape("".join(re.findall(r'^(?:msgid )?"(.*)"$', head.split("\nmsgid_plural ")[0], re.M)))
        msgstr = unescape("".join(re.findall(r'^"(.*)"$', tail.split("\nmsgstr[1] ")[0], re.M)))
        yield msgid, msgstr, "#, fuzzy" in head


def test_every_string_has_a_dutch_translation():
    missing = [msgid for msgid, msgstr, fuzzy in entries() if not msgstr or fuzzy]
    assert missing == []


def test_compiled_catalogue_holds_every_translation_of_the_source():
    with PO.with_suffix(".mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)._catalog
    # Plural entries are stored as (msgid, form); the source check compares their first form.
    compiled = {
        (key if isinstance(key, str) else key[0]): value
        for key, value in catalogue.items()
        if isinstance(key, str) or key[1] == 0
    }
    stale = {msgid: msgstr for msgid, msgstr, _ in entries() if compiled.get(msgid) != msgstr}
    assert stale == {}, "run `make messages` and commit django.mo"


@pytest.mark.parametrize(
    "source,dutch", [("Skip to content", "Direct naar de inhoud"), ("Articles", "Artikelen")]
)
def test_site_speaks_dutch_by_default(source, dutch):
    with translation.override("nl"):
        assert translation.gettext(source) == dutch
