"""The Dutch analyser: turns text into the terms the search index stores and queries look for.

It runs in Python, so PostgreSQL needs no dictionary of its own (the terms go into a ``simple``
tsvector) and SQLite's FTS5 gets exactly the same terms. Per word, in this order:

1. Unicode NFKC, case folding and diacritics removed (``reünie`` → ``reunie``, ``geëvalueerd``).
2. Hyphenated and apostrophe forms split: ``e-mail`` gives ``email`` *and* ``e``, ``mail``;
   ``auto's`` gives ``auto``. A trailing ``s`` after a vowel (``autos``, ``fotos``) goes too.
3. Irregular forms from a small table (``schepen`` → ``schip``, ``leden`` → ``lid``, ``liep`` →
   ``lopen``), also as the head of a compound (``raadsleden`` → ``raadslid``).
4. Inflected adjectives back to their base form (``kwetsbare`` → ``kwetsbaar``, ``duurzame`` →
   ``duurzaam``), which the stemmer would keep apart.
5. The Snowball Dutch stemmer (plurals, ``-ies``, verb forms including ``ge-`` participles),
   with a few words protected from over-stemming (``gewoon`` is not ``wonen``).

Compounds and spacing variants (``contract`` in ``huurcontract``, ``towndeals`` for ``Town Deal``)
are handled at query time against the index vocabulary; see :mod:`search.query`.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

# Longer tokens are noise (URLs, hashes); they would also bloat the index.
MAX_TERM_LENGTH = 40

# A word: letters and digits, with inner apostrophes ("auto's") and hyphens ("e-mail").
WORD = re.compile(r"[^\W_]+(?:['’‘`´][^\W_]+)*(?:[-‐‑–][^\W_]+(?:['’‘`´][^\W_]+)*)*")
APOSTROPHES = re.compile(r"['’‘`´]")
HYPHENS = re.compile(r"[-‐‑–]")
# Control characters (NUL included) and lone surrogates, which no database should receive.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")

# Snowball's Dutch stop-word list, minus words that carry meaning in this domain ("wil", "werd").
STOP_WORDS = frozenset(
    """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een
    eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in
    is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat
    onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat we
    wel wie wij zal ze zelf zich zij zijn zo zonder zou
    """.split()
)

# Irregular plurals and strong verbs, mapped to the form the stemmer should see.
IRREGULAR = {
    # plurals with a vowel change
    "schepen": "schip",
    "leden": "lid",
    "steden": "stad",
    "smeden": "smid",
    "gebeden": "gebed",
    "kinderen": "kind",
    "eieren": "ei",
    "volkeren": "volk",
    "runderen": "rund",
    "bladeren": "blad",
    "liederen": "lied",
    "gelegenheden": "gelegenheid",
    "hogescholen": "hogeschool",
    # strong and irregular verbs: past tenses and participles
    "liep": "lopen",
    "liepen": "lopen",
    "gelopen": "lopen",
    "schreef": "schrijven",
    "schreven": "schrijven",
    "geschreven": "schrijven",
    "sprak": "spreken",
    "spraken": "spreken",
    "gesproken": "spreken",
    "besloot": "besluiten",
    "besloten": "besluiten",
    "sloot": "sluiten",
    "sloten": "sluiten",
    "gesloten": "sluiten",
    "nam": "nemen",
    "namen": "nemen",
    "genomen": "nemen",
    "vond": "vinden",
    "vonden": "vinden",
    "gevonden": "vinden",
    "bracht": "brengen",
    "brachten": "brengen",
    "gebracht": "brengen",
    "dacht": "denken",
    "dachten": "denken",
    "gedacht": "denken",
    "kocht": "kopen",
    "kochten": "kopen",
    "gekocht": "kopen",
    "zocht": "zoeken",
    "zochten": "zoeken",
    "gezocht": "zoeken",
    "ging": "gaan",
    "gingen": "gaan",
    "gegaan": "gaan",
    "stond": "staan",
    "stonden": "staan",
    "gestaan": "staan",
    "begon": "beginnen",
    "begonnen": "beginnen",
    "kreeg": "krijgen",
    "kregen": "krijgen",
    "gekregen": "krijgen",
    "hielp": "helpen",
    "hielpen": "helpen",
    "geholpen": "helpen",
    "koos": "kiezen",
    "kozen": "kiezen",
    "gekozen": "kiezen",
    "bleef": "blijven",
    "bleven": "blijven",
    "gebleven": "blijven",
    "werd": "worden",
    "werden": "worden",
    "geworden": "worden",
    "gaf": "geven",
    "gaven": "geven",
    "gegeven": "geven",
    "zag": "zien",
    "zagen": "zien",
    "gezien": "zien",
    "deed": "doen",
    "deden": "doen",
    "gedaan": "doen",
    "kwam": "komen",
    "kwamen": "komen",
    "gekomen": "komen",
    "bood": "bieden",
    "boden": "bieden",
    "geboden": "bieden",
    "hield": "houden",
    "hielden": "houden",
    "gehouden": "houden",
    "vroeg": "vragen",
    "vroegen": "vragen",
    "zei": "zeggen",
    "zeiden": "zeggen",
    "wist": "weten",
    "wisten": "weten",
    "geweten": "weten",
    "trok": "trekken",
    "trokken": "trekken",
    "getrokken": "trekken",
    "droeg": "dragen",
    "droegen": "dragen",
    "liet": "laten",
    "lieten": "laten",
    "sloeg": "slaan",
    "sloegen": "slaan",
    "geslagen": "slaan",
    "wees": "wijzen",
    "gewezen": "wijzen",
    "verloor": "verliezen",
    "verloren": "verliezen",
    "ontstond": "ontstaan",
    "ontstonden": "ontstaan",
    "bestond": "bestaan",
    "bestonden": "bestaan",
    "verscheen": "verschijnen",
    "verschenen": "verschijnen",
    "ondertekend": "ondertekenen",
    "ondertekende": "ondertekenen",
    "ondertekenden": "ondertekenen",
    "ontwierp": "ontwerpen",
    "ontwierpen": "ontwerpen",
    "ontworpen": "ontwerpen",
    "verbood": "verbieden",
    "verboden": "verbieden",
    "betrok": "betrekken",
    "betrokken": "betrekken",
    "schoof": "schuiven",
    "schoven": "schuiven",
    "geschoven": "schuiven",
    "onderzocht": "onderzoeken",
    "onderzochten": "onderzoeken",
    "verbond": "verbinden",
    "verbonden": "verbinden",
    "bewoog": "bewegen",
    "bewogen": "bewegen",
    # English loanwords whose plural the stemmer does not take back, and Latin nouns in -us
    "pilots": "pilot",
    "robots": "robot",
    "apps": "app",
    "cities": "city",
    "communities": "community",
    "campussen": "campus",
    "bonussen": "bonus",
    "virussen": "virus",
}

# Heads of compounds that are irregular too ("raadsleden"), except where the compound is another word.
IRREGULAR_HEADS = {
    "schepen": "schip",
    "leden": "lid",
    "steden": "stad",
    "kinderen": "kind",
    "scholen": "school",
}
NOT_COMPOUNDS = frozenset(
    {"geleden", "overleden", "beleden", "ontleden", "stoomschepen", "aanbesteden", "uitbesteden"}
)

# Words the stemmer would merge with an unrelated word, kept apart ("gewoon" is not "wonen").
PROTECTED = {
    "gewoon": "gewoon",
    "gewone": "gewoon",
    "gemeente": "gemeente",
    "gemeenten": "gemeente",
    "gemeentes": "gemeente",
    "begeleiden": "begeleid",
    "begeleiding": "begeleid",
    "begeleidt": "begeleid",
    "begeleid": "begeleid",
    "fiets": "fiets",
    "vrije": "vrij",
    # Words in -je that are no diminutives, and a diminutive that is a word of its own.
    "oranje": "oranje",
    "kastanje": "kastanje",
    "spanje": "spanje",
    "franje": "franje",
    "beetje": "beetje",
}

_stemmer = snowballstemmer.stemmer("dutch")

# An inflected adjective whose closed syllable opened: "kwetsbare" (kwetsbaar), "duurzame" (duurzaam),
# "Europese" (Europees). The stemmer treats the two forms as different words; the vowel is doubled back.
# "sociale" (sociaal), "financiele" (financieel: the diaeresis is folded away) and "actuele" count too.
INFLECTED_ADJECTIVE = re.compile(r"^(.*[^aeiou])([aeou])([^aeiouy])e$|^(.*[^aeiou][iu])([ae])(l)e$")
# Verbs of Latin origin in -eren: "organiseren", "organiseert" and "georganiseerd" (which the stemmer
# keeps as "organiseer") are one word, as are "evalueren" and "geëvalueerd". Recognised by their
# ending, so Dutch verbs with an unstressed "e" ("veranderen", "vergaderen") keep theirs.
VERB_IN_EREN = re.compile(
    r"^(.*(?:is|ul|ic|u|st|nt|ct|pt|rm|gr|ss|it|ot|ov|in))eer(?:en|t)$"
    r"|^(.*(?:is|ul|ic|u|st|nt|ct|pt|rm|gr|ss|it|ot|ov|in))eren$"
)
# An adjective or noun whose "s" became "z" before "-e"/"-en": "daklozen", "dakloze" (dakloos), "boze"
# (boos), "Chinezen" (Chinees); after a single vowel only, so "kiezen" and "reizen" keep theirs.
VOICED_S = re.compile(r"^(.*[^aeiou])([aeou])z(?:e|en)$")
# A verb's stem + t or d after a long vowel and l, m or n, or after w or a diphthong: "deelt",
# "woont", "verduurzaamt", "verduurzaamd", "bouwt", "groeit". The stemmer keeps them apart from
# "delen" (deel), "wonen" (woon). Not after r: "buurt" is not "buur".
STEM_PLUS_T = re.compile(r"^(.*(?:(?:aa|ee|oo|uu|oe|eu|ie)[lmn]|w|[aeou]i|ij|ui))[td]$")
# A stem still ending in "e" after a consonant cluster or a long vowel: "sterke", "goede", "groene",
# "keuze" (and "keuzes", which the stemmer leaves as "keuze"). The bare form is the same word.
FINAL_E = re.compile(r"^(.*(?:[aeiou]{2}|ij|[^aeiou])[^aeiouy])e$")


@dataclass(frozen=True)
class Token:
    """A word of the original text (``start``/``end`` offsets) and the index terms it yields."""

    start: int
    end: int
    terms: tuple


def normalise(text):
    """Return ``text`` in NFC with NUL and other control characters replaced by spaces.

    Offsets of :func:`tokens` refer to this form of the text.
    """
    return CONTROL.sub(" ", unicodedata.normalize("NFC", text))


def fold(word):
    """Return ``word`` case-folded, compatibility-decomposed and without diacritics."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=100_000)
def stem(word):
    """Return the index term of one folded word without hyphens or apostrophes."""
    if word in PROTECTED:
        return PROTECTED[word]
    if word in IRREGULAR:
        word = IRREGULAR[word]
    else:
        for head, lemma in IRREGULAR_HEADS.items():
            if word.endswith(head) and len(word) - len(head) >= 3 and word not in NOT_COMPOUNDS:
                word = word[: -len(head)] + lemma
                break
    if len(word) >= 4 and (match := VOICED_S.match(word)):
        word = f"{match.group(1)}{match.group(2)}{match.group(2)}s"
    if len(word) >= 4 and word[-2:] in ("os", "us", "ys") and word[-3] != word[-2]:
        word = word[:-1]
    if len(word) >= 6 and (match := VERB_IN_EREN.match(word)):
        word = f"{match.group(1) or match.group(2)}eer"
    if len(word) >= 5 and (match := INFLECTED_ADJECTIVE.match(word)):
        before, vowel, consonant = (group for group in match.groups() if group is not None)
        word = f"{before}{vowel}{vowel}{consonant}"
    return _after_stemming(_stemmer.stemWord(word))[:MAX_TERM_LENGTH]


def _after_stemming(stemmed):
    """Return the stem with what the stemmer leaves inconsistently taken off.

    A "d" after l or r: the stemmer reads "velden", "woorden" and "voorbeelden" as past tenses ("vel",
    "woor") but keeps "veld", "woord". An "e" or "t" after "er" (verb forms). An "e" after a long vowel
    or a consonant cluster: "stages" gives "stage", like "stage" gives "staag".
    """
    if len(stemmed) >= 4 and stemmed[-2:] in ("ld", "rd"):
        return stemmed[:-1]
    if len(stemmed) >= 5 and (match := STEM_PLUS_T.match(stemmed)):
        return match.group(1)
    # "verbeteren" leaves "verbetere", "verbetert" leaves "verbetert"; "verbeterd" gives "verbeter".
    if len(stemmed) >= 5 and stemmed[-3:] in ("ere", "ert"):
        return stemmed[:-1]
    if len(stemmed) >= 4 and (match := FINAL_E.match(stemmed)):
        return match.group(1)
    if len(stemmed) >= 4 and (match := INFLECTED_ADJECTIVE.match(stemmed)):
        before, vowel, consonant = (group for group in match.groups() if group is not None)
        return f"{before}{vowel}{vowel}{consonant}"
    return stemmed


def _part_terms(part):
    """Return the folded word of one hyphen-free part, with a genitive or plural "'s" removed."""
    pieces = APOSTROPHES.split(fold(part))
    if len(pieces) > 1 and pieces[-1] == "s":
        pieces = pieces[:-1]
    return "".join(pieces)


@lru_cache(maxsize=200_000)
def word_terms(word):
    """Return the index terms of one word of text, without stop words.

    A hyphenated word gives the joined word first, then its parts: ``e-mail`` → ``email e mail``.
    """
    forms = folded_words(word)
    if not forms:
        return ()
    whole, parts = forms[0], forms[1:]
    if not parts:
        return () if whole in STOP_WORDS else (stem(whole),)
    return (stem(whole), *(stem(part) for part in parts if part not in STOP_WORDS))


def tokens(text):
    """Yield the :class:`Token` of each word in ``normalise(text)``, stop words included (no terms)."""
    for match in WORD.finditer(normalise(text)):
        yield token(match)


def token(match):
    """Return the :class:`Token` of one ``WORD`` match."""
    return Token(match.start(), match.end(), word_terms(match.group()))


def terms(text):
    """Return the index terms of ``text`` in order, as one space-separated string."""
    return " ".join(term for token in tokens(text) for term in token.terms)


@lru_cache(maxsize=200_000)
def folded_words(word):
    """Return the folded forms of one word of text: the whole word, then its hyphenated parts, if any."""
    parts = [p for p in (_part_terms(p) for p in HYPHENS.split(word)) if p]
    return ("".join(parts), *parts) if len(parts) > 1 else tuple(parts)


def analyse(text, seen):
    """Return the index terms of ``text`` as in :func:`terms`, adding its words to the set ``seen``.

    :func:`vocabulary` turns the words seen into what queries widen against.
    """
    found = []
    for match in WORD.finditer(normalise(text)):
        word = match.group()
        found += word_terms(word)
        seen.add(word)
    return " ".join(found)


def vocabulary(seen):
    """Return ``{folded word: term}`` of words of text, stop words and overlong words left out."""
    found = {}
    for word in seen:
        for form in folded_words(word):
            if form not in STOP_WORDS and len(form) <= MAX_TERM_LENGTH:
                found[form] = stem(form)
    return found
