"""Searching: from what a reader typed to ranked, highlighted results.

A query is analysed like the indexed text, then widened against the vocabulary of the index
(:class:`~search.models.SearchTerm`), in one database query:

- compounds: a term also finds the indexed terms that end in it ("contract" → "huurcontract"),
  when at least three letters come before it;
- spacing variants: a word that is two indexed words also finds them as a phrase ("towndeals" →
  "town deal"), and two adjacent words also find their join ("town deal" → "towndeal");
- the last word typed is a prefix ("woningc" → "woningcorporaties").

Each word must match (in one of its forms). Both databases find the same entries; they rank them
with their own function (``ts_rank``, ``bm25``), weighting title above lead and keywords above body.
"""

import difflib
import itertools
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Q, Window, prefetch_related_objects
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from taggit.models import Tag, TaggedItem

from articles.models import Article
from people.models import CityDeal

from . import analyser
from .backends import All, Any, Phrase, Term, backend
from .index import SOURCES, summary_of
from .models import SearchEntry, SearchTerm

# Beyond these, extra input only costs time: a reader's query is a handful of words.
MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
# How many indexed terms one word may widen to, per kind of widening.
MAX_EXPANSIONS = 25
MAX_VOCABULARY_ROWS = 3000
# A compound must have at least this many letters before its head, a prefix this many letters.
MIN_MODIFIER = 3
MIN_PREFIX = 3
MIN_HEAD = 3
# A word read as two indexed words ("towndeals") splits into parts of at least this many letters.
MIN_PART = 4
SNIPPET_WORDS = 30
# Matches are counted up to this many, and no further results are shown: no reader pages beyond the
# first thousand, and a deeper page would cost a ranking of that many matches. The page says "more than".
MAX_COUNTED = 1000

# The search page's ``soort=`` names, the same as everywhere else: all articles, each kind of article (the
# name of its section), and each kind of object (the start of the addresses of its pages).
ARTICLES = "artikelen"
OBJECT_SLUGS = {
    "person": "personen",
    "organisation": "organisaties",
    "partnership": "partnerschappen",
    "citydeal": "city-deals",
}
# Earlier spellings of those names, which the search page redirects permanently.
OLD_KIND_SPELLINGS = {
    "articles": ARTICLES,
    **{kind.value: kind.slug for kind in Article.Kind},
    **OBJECT_SLUGS,
}
OBJECTS = [source.field for source in SOURCES.values()]


@dataclass(frozen=True)
class QueryWord:
    whole: str
    parts: tuple

    @property
    def term(self):
        return analyser.stem(self.whole)

    def exact(self):
        """Return the word's own node: its term, or for a hyphenated word also its parts as a phrase."""
        if not self.parts:
            return Term(self.term)
        return Any((Term(self.term), Phrase(tuple(analyser.stem(part) for part in self.parts))))


@dataclass
class ParsedQuery:
    """What to look for: the ``tree`` of alternatives, and the terms to highlight."""

    text: str
    words: list
    tree: object = None
    # The words' own terms next to each other, for a query of several words: ranked above them scattered.
    phrase: object = None
    highlight: frozenset = field(default_factory=frozenset)

    def __bool__(self):
        return self.tree is not None


def query_words(text):
    """Return the :class:`QueryWord` of each meaningful word of ``text``, each term once; only stop words
    gives none."""
    found, terms = [], set()
    for match in analyser.WORD.finditer(analyser.normalise(text[:MAX_QUERY_LENGTH])):
        forms = analyser.folded_words(match.group())
        if forms and forms[0] not in analyser.STOP_WORDS:
            word = QueryWord(
                forms[0][: analyser.MAX_TERM_LENGTH],
                tuple(p for p in forms[1:] if p not in analyser.STOP_WORDS),
            )
            # A word repeated, or another form of one already there ("werk werkt werken"), asks nothing
            # new; it would only multiply the work of the query.
            if word.term not in terms:
                terms.add(word.term)
                found.append(word)
    return found[:MAX_WORDS]


def splits(word):
    """Return the ways to cut ``word`` in two parts of at least ``MIN_PART`` letters."""
    return [(word[:i], word[i:]) for i in range(MIN_PART, len(word) - MIN_PART + 1)]


def fetch_vocabulary(words):
    """Return the (word, term) pairs of the index that can widen these query words, in one query."""
    condition = Q()
    for word in words:
        if len(word.term) >= MIN_HEAD:
            condition |= Q(reversed_term__startswith=word.term[::-1])
        pieces = splits(word.whole)
        if pieces:
            condition |= Q(word__in={left for left, _ in pieces})
            condition |= Q(term__in={analyser.stem(right) for _, right in pieces})
    last = words[-1].whole
    if len(last) >= MIN_PREFIX:
        condition |= Q(word__startswith=last)
    condition |= Q(term__in=[joined_term(left, right) for left, right in itertools.pairwise(words)])
    return list(SearchTerm.objects.filter(condition).values_list("word", "term")[:MAX_VOCABULARY_ROWS])


def joined_term(left, right):
    """Return the term of two adjacent query words written as one ("town deal" → "towndeal")."""
    return analyser.stem(left.whole + right.whole)


def widen(word, vocabulary, is_last):
    """Return the alternatives of one query word, its exact form first."""
    own = word.term
    alternatives = [word.exact()]
    terms = {term for _, term in vocabulary}
    heads = sorted((t for t in terms if t.endswith(own) and len(t) - len(own) >= MIN_MODIFIER), key=len)
    alternatives += [Term(t) for t in heads[:MAX_EXPANSIONS]]
    if is_last and len(word.whole) >= MIN_PREFIX:
        completions = sorted({(len(w), t) for w, t in vocabulary if w.startswith(word.whole) and t != own})
        alternatives += [Term(t) for _, t in completions[:MAX_EXPANSIONS]]
    known_words = {w: t for w, t in vocabulary}
    for left, right in splits(word.whole):
        head = analyser.stem(right)
        if left in known_words and len(head) >= MIN_PART and head in terms:
            alternatives.append(Phrase((known_words[left], head)))
    unique = list(dict.fromkeys(alternatives))
    return unique[0] if len(unique) == 1 else Any(tuple(unique))


def parse(text):
    """Return the :class:`ParsedQuery` of what a reader typed (any string; never raises)."""
    words = query_words(text or "")
    parsed = ParsedQuery(text=" ".join(w.whole for w in words), words=words)
    if not words:
        return parsed
    vocabulary = fetch_vocabulary(words)
    groups = [widen(word, vocabulary, i == len(words) - 1) for i, word in enumerate(words)]
    trees = [All(tuple(groups)) if len(groups) > 1 else groups[0]]
    # Two adjacent words also match their join, when some text has it: each such alternative repeats the
    # whole query, and one for a join no text has (most of them, in a long query) would match nothing.
    # (A vocabulary cut off at its limit may miss a join: then every join is kept.)
    known_terms = {term for _, term in vocabulary}
    complete = len(vocabulary) < MAX_VOCABULARY_ROWS
    for i in range(len(words) - 1):
        joined = joined_term(words[i], words[i + 1])
        if joined in known_terms or not complete:
            rest = (*groups[:i], Term(joined), *groups[i + 2 :])
            trees.append(All(rest) if len(rest) > 1 else rest[0])
    parsed.tree = trees[0] if len(trees) == 1 else Any(tuple(trees))
    if len(words) > 1:
        parsed.phrase = Phrase(tuple(word.term for word in words))
    parsed.highlight = frozenset(leaves(parsed.tree))
    return parsed


def leaves(node):
    if isinstance(node, Term):
        yield node.text
    elif isinstance(node, Phrase):
        yield from node.terms
    else:
        for item in node.items:
            yield from leaves(item)


def kinds():
    """Return the (name, label) choices of the kind filter: articles (and each kind), then objects."""
    objects = [
        (OBJECT_SLUGS[source.kind], source.model._meta.verbose_name_plural)
        for source in SOURCES.values()
        if source.kind
    ]
    article_kinds = [(kind.slug, kind.label) for kind in Article.Kind]
    return [(ARTICLES, Article._meta.verbose_name_plural), *article_kinds, *objects]


def filter_kind(entries, kind):
    """Return the entries of ``kind``, a name from ``kinds()``; all entries for any other value."""
    if kind == ARTICLES:
        return entries.filter(article__isnull=False)
    stored = {slug: value for value, slug in OBJECT_SLUGS.items()}.get(kind) or Article.Kind.from_slug(kind)
    return entries.filter(kind=stored) if stored else entries


def filter_tag(entries, tag):
    """Return the entries of objects tagged ``tag``: articles by their own scope, others by taggit's items."""
    tagged = Q(article__in=Article.objects.in_scope(tag).values("pk"))
    for source in SOURCES.values():
        if source.model is not Article:
            # Joined by app label and model name rather than a content type id: no cached lookup per model.
            items = TaggedItem.objects.filter(
                tag=tag,
                content_type__app_label=source.model._meta.app_label,
                content_type__model=source.model._meta.model_name,
            )
            tagged |= Q(**{f"{source.field}__in": items.values("object_id")})
    return entries.filter(tagged)


def visible_entries():
    """Return the entries readers may find: every object but an article, an article from the moment
    ``Article.objects.published()`` has it (``visible_from``, copied onto its entry when indexed).

    Checked on the entry itself: joining each match to its article cost a broad query one index lookup per
    match. The page's own articles are checked once more as they are loaded (``SearchResults``).
    """
    return SearchEntry.objects.filter(Q(article__isnull=True) | Q(visible_from__lte=timezone.now()))


def visible(entry):
    """Return whether readers may see the object of ``entry`` now (loaded with it)."""
    return entry.article is None or entry.article.is_published


@dataclass
class SearchResult:
    """One hit: the object, its kind, rank and date, and its title and snippet as safe HTML."""

    object: object
    kind: str
    rank: float
    date: object
    title: str
    snippet: str

    @property
    def url(self):
        return self.object.get_absolute_url()

    @property
    def kind_label(self):
        if isinstance(self.object, Article | CityDeal):
            return self.object.get_kind_display()
        return self.object._meta.verbose_name

    @property
    def is_article(self):
        return isinstance(self.object, Article)

    @property
    def tags(self):
        """Return the tags of an article result (prefetched), none for other results."""
        return list(self.object.tags.all()) if self.is_article else []


class SearchResults:
    """The ranked results of one search: a lazy sequence that ``Paginator`` can count and slice.

    Two tiers, in the order of ``search.backends.RANKING``: the entries that match in the ranked fields
    (title, names, lead), ranked; then those that match only with the help of their body, newest first.
    Only the first tier is ranked, so a broad query does not rank every match. The second tier is
    counted up to ``MAX_COUNTED`` only, and no result beyond that many is shown: beyond, :attr:`capped`
    is true and the page says "more than".
    """

    def __init__(self, parsed, entries):
        self.parsed = parsed
        self.entries = entries
        self.total = None if parsed else 0
        self.head_total = None if parsed else 0
        self.capped = False

    @cached_property
    def ranked(self):
        return (
            backend()
            .ranked(self.entries, self.parsed.tree, self.parsed.phrase)
            .order_by("-rank", "-date", "pk")
        )

    @cached_property
    def body_only(self):
        return (
            backend()
            .body_only(self.entries, self.parsed.tree)
            .order_by(F("date").desc(nulls_last=True), "pk")
        )

    @cached_property
    def body_matches(self):
        """Return ``(pk, date)`` of the body tier's matches, newest first, when all of them can be shown
        (``MAX_COUNTED`` results in all, the ranked tier's first); ``None`` when there are more.

        One query, unordered, so that the database stops at the first match too many, and reads each match
        once for both its count and its place (a phrase is checked on the stored text of every candidate,
        the dearest part of a broad query). None at all when the ranked tier fills every place: a broad
        query's body tier is neither counted nor read. Few enough are sorted here, as the database would.
        """
        room = MAX_COUNTED - self.head_count()
        if room < 0:
            return None
        found = backend().rows_upto(self.body_only.values_list("pk", "date"), room + 1)
        if len(found) > room:
            return None
        # The order of ``body_only``: date descending, no date last, then pk.
        return sorted(found, key=lambda row: (row[1] is None, -row[1].timestamp() if row[1] else 0, row[0]))

    def head_count(self):
        """Return the number of matches of the ranked tier (counted once, unless a page counted them)."""
        if self.head_total is None:
            self.head_total = self.ranked.order_by().values("pk").count()
        return self.head_total

    def count(self):
        """Return the number of results (up to ``MAX_COUNTED``); :attr:`capped`: whether there are more."""
        if self.total is None:
            matches = self.body_matches
            self.set_total(self.head_count() + (MAX_COUNTED + 1 if matches is None else len(matches)))
        return self.total

    def set_total(self, found):
        self.capped = found > MAX_COUNTED
        self.total = min(found, MAX_COUNTED)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        """Return the results of a slice: ranked on the entries alone, then loaded with their objects.

        At most five queries: the ranked tier up to the slice's end, which also counts that tier (a window
        function); the body tier's matches (``body_matches``; none when the ranked tier fills every place);
        only when the body tier has more matches than can be shown and the slice reaches it, its part of the
        slice, walking the newest entries; the slice's objects, so that the database joins those of one page
        rather than of every match; the tags of its articles. An article that is no longer visible (its
        entry not yet reindexed) is left out.
        """
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        if not self.parsed:
            return []
        start, stop = min(index.start or 0, MAX_COUNTED), min(index.stop, MAX_COUNTED)
        counted = self.ranked.annotate(total=Window(Count("pk")))
        head = list(counted.values_list("pk", "rank", "total")[:stop])
        self.head_total = head[0][2] if head else 0
        self.total = None
        self.count()  # with the ranked tier counted, the body tier only up to the places left
        ranked = [(pk, rank) for pk, rank, _ in head[start:stop]]
        body_start, body_stop = max(0, start - self.head_total), max(0, stop - self.head_total)
        if body_stop > body_start:
            if self.body_matches is None:
                body = list(self.body_only.values_list("pk", flat=True)[body_start:body_stop])
            else:
                body = [pk for pk, _ in self.body_matches[body_start:body_stop]]
            ranked += [(pk, 0.0) for pk in body]
        entries = SearchEntry.objects.select_related(*OBJECTS, "person__organisation").in_bulk(
            [pk for pk, _ in ranked]
        )
        # An entry reindexed since it was ranked has another pk now: left out of this page, as a rare race.
        ranked = [(pk, rank) for pk, rank in ranked if pk in entries and visible(entries[pk])]
        prefetch_related_objects([entries[pk].article for pk, _ in ranked if entries[pk].article_id], "tags")
        return [self.result(entries[pk], rank) for pk, rank in ranked]

    def page(self, number, per_page):
        """Return page ``number`` (any input; the first page when invalid, the last when too high).

        A page beyond the last is known once the page asked for is read (which counts both tiers): only
        then is the last page read, so a page in range costs no query for counting alone.
        """
        paginator = Paginator(self, per_page)
        try:
            number = min(max(1, int(number)), -(-MAX_COUNTED // per_page))
        except (TypeError, ValueError):
            number = 1
        results = self[(number - 1) * per_page : number * per_page]
        last = max(1, -(-self.total // per_page))
        if number > last:
            number = last
            results = self[(number - 1) * per_page : number * per_page]
        return Page(results, number, paginator)

    def result(self, entry, rank):
        source = next(source for source in SOURCES.values() if getattr(entry, f"{source.field}_id"))
        obj = getattr(entry, source.field)
        return SearchResult(
            object=obj,
            kind=entry.kind,
            rank=rank,
            date=entry.date,
            title=highlight(str(obj), self.parsed.highlight),
            snippet=snippet(summary_of(obj), self.parsed.highlight),
        )


def search(q, kind=None, tag=None, year=None):
    """Return the :class:`SearchResults` for query ``q``, optionally only of one kind, tag or year.

    ``kind`` is a name from ``kinds()``: ``"artikelen"``, the name of a kind of article (``"interviews"``)
    or of objects (``"personen"``, ``"organisaties"``, ``"partnerschappen"``, ``"city-deals"``); ``tag``
    a taggit ``Tag`` or its slug; ``year`` an integer.
    """
    parsed = parse(q)
    if not parsed:
        return SearchResults(parsed, SearchEntry.objects.none())
    entries = visible_entries()
    if kind:
        entries = filter_kind(entries, kind)
    if tag is not None:
        tag = tag if isinstance(tag, Tag) else Tag.objects.filter(slug=str(tag)).first()
        entries = filter_tag(entries, tag) if tag else entries.none()
    if year and 1 <= year <= 9999:
        entries = entries.filter(date__year=year)
    return SearchResults(parsed, entries)


def marked(text, tokens, highlight, begin=0, end=None):
    """Return ``text[begin:end]`` escaped, with the ``tokens`` whose terms are in ``highlight`` marked."""
    pieces, position = [], begin
    for token in tokens:
        if highlight.intersection(token.terms):
            pieces += [
                escape(text[position : token.start]),
                "<mark>",
                escape(text[token.start : token.end]),
                "</mark>",
            ]
            position = token.end
    pieces.append(escape(text[position:end]))
    return "".join(pieces)


def highlight(text, terms):
    """Return ``text`` as safe HTML with the words that match ``terms`` marked."""
    text = analyser.normalise(text)
    return mark_safe(marked(text, analyser.tokens(text), terms))


def snippet(text, terms, length=SNIPPET_WORDS):
    """Return the passage of ``text`` (``length`` words) with the most matches, marked, as safe HTML.

    The words are only located (no :class:`~search.analyser.Token` each): a page of results scans the
    whole lead and body of twelve objects, and only the passage shown needs its tokens.
    """
    text = analyser.normalise(text)
    words = list(analyser.WORD.finditer(text))
    if not words:
        return ""
    hits = [i for i, word in enumerate(words) if terms.intersection(analyser.word_terms(word.group()))]
    best, best_count, first = 0, 0, 0
    for last, hit in enumerate(hits):
        while hits[first] <= hit - length:
            first += 1
        if last - first + 1 > best_count:
            best, best_count = hits[first], last - first + 1
    start = max(0, min(best - 3, len(words) - length))
    end = min(len(words), start + length)
    shown = [analyser.token(word) for word in words[start:end]]
    begin = words[start].start() if start else 0
    html = marked(text, shown, terms, begin, words[end - 1].end())
    return mark_safe(("… " if start else "") + html.strip() + (" …" if end < len(words) else ""))


def suggestions(parsed):
    """Return a query of indexed words close to the query's ("wonningen" → "woningen"), for no results."""
    if not parsed.words:
        return []
    condition = Q()
    for word in parsed.words:
        condition |= Q(word__startswith=word.whole[:2])
    known = list(SearchTerm.objects.filter(condition).values_list("word", flat=True)[:MAX_VOCABULARY_ROWS])
    corrected = []
    for word in parsed.words:
        matches = difflib.get_close_matches(word.whole, known, n=1, cutoff=0.75)
        corrected.append(matches[0] if matches else word.whole)
    suggestion = " ".join(corrected)
    if suggestion == parsed.text:
        return []
    # The vocabulary holds the words of every indexed object, unpublished articles too: offer a spelling
    # only when it finds something readers may see, so it never gives away a word of a draft.
    return [suggestion] if search(suggestion).count() else []


def topics(results, current=None):
    """Return the tags of these results, most frequent first, to narrow a search down by topic."""
    counts = Counter(tag for result in results for tag in result.tags)
    if current is not None:
        counts[current] += 0
    return sorted(counts, key=lambda tag: (-counts[tag], tag.name))
