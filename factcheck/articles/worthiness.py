"""Check-worthiness: the reasons a claim can be checked, and a score that is their sum.

In: a claim text, its language, and what the article says about names (``NameContext``:
words the article writes in lower case, the acronyms it spells out). Out: an ``Assessment``
(score, reasons, kind). Every reason is one unit the score counts, with its weight in
``REASON_WEIGHTS``: ``score == BASE_SCORE + sum of the reasons' weights`` (at most 1.0), so a
checker can see why a claim scored what it did. Opinion and hedge markers are reasons too;
they make the claim an opinion, whose score stays below OPINION_CEILING.

Numbers, dates and places come from the recogniser (factcheck.language.anchors), names whole
from its ``whole_names``, opinion and attribution words from factcheck.language.markers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from factcheck.language import markers as words
from factcheck.language.anchors import Anchor, extract_anchors, overlaps, whole_names
from factcheck.language.lexicon import fold, fold_all
from factcheck.language.syntax import first_verb, is_verb
from factcheck.language.vocabulary import alternation

BASE_SCORE = 0.2
# What each unit adds. The first date, the first number, the first place and the first other
# name each count; each further distinct name adds EXTRA_NAME, at most MAX_EXTRA_NAMES times.
WEIGHTS = {
    "date": 0.3,
    "number": 0.3,
    "named place": 0.15,
    "named entity": 0.15,
    "membership list": 0.25,
    "superlative/first": 0.3,
    "attributed quote": 0.25,
    "claimant": 0.15,
    "quoted words": 0.1,
}
EXTRA_NAME = 0.05
MAX_EXTRA_NAMES = 2
# Opinions stay visible, but every one scores below every fact (a fact scores BASE_SCORE
# at least), so no ranking by score puts an opinion level with or above a fact.
OPINION_CEILING = 0.19
OPINION_BASE, OPINION_STEP = 0.05, 0.03
CHECKWORTHY = 0.4  # a fact scoring this much is shown in the claim queue by default
MAX_VIEW_WORDS = 6  # a person's quoted words up to this long, with no figure, are a view
MIN_QUOTED_SENTENCE = 4  # quoted words this long or longer are a sentence, not a term

# The recogniser's kinds that make a clause checkable, as the reasons a reviewer reads.
REASON_OF_KIND = {
    "number": "number",
    "money": "number",
    "percent": "number",
    "quantity": "number",
    "year": "date",
    "date": "date",
    "month": "date",
    "place": "named place",
}
_QUOTE_RE = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’")
_SUPERLATIVE_RE = words.word_pattern(words.SUPERLATIVES)


@dataclass(frozen=True)
class NameContext:
    """What the article says about names: words it writes in lower case (so a capitalised
    one at the start of a sentence is no name) and the acronyms it spells out."""

    common: frozenset[str] = frozenset()
    acronyms: dict[str, str] = field(default_factory=dict)
    known: frozenset[str] | None = None  # capitalised words used in mid-sentence


@dataclass(frozen=True)
class Assessment:
    """A claim's check-worthiness: score, the reasons (one per counted unit, then opinion
    and hedge markers), and kind ("fact" or "opinion")."""

    score: float
    reasons: tuple[str, ...]
    kind: str


@lru_cache(maxsize=4096)
def _cached_anchors(text: str, lang: str, kinds: frozenset[str]) -> tuple[Anchor, ...]:
    return tuple(extract_anchors(text, lang, kinds=kinds))


def anchors_of(text: str, lang: str, kinds) -> list[Anchor]:
    """The recogniser's anchors of ``kinds`` in ``text``, remembered: a claim text is read
    several times while it is written and scored."""
    return list(_cached_anchors(text, lang, frozenset(kinds)))


def reason_weights(reasons: list[str] | tuple[str, ...]) -> list[float]:
    """What each reason of a fact adds to its score, in order: the first reason of a kind
    its WEIGHTS, a further name EXTRA_NAME; opinion and hedge markers and unknown reasons
    (a claim file's own) 0."""
    seen: set[str] = set()
    out = []
    for reason in reasons:
        kind = reason.split(":", 1)[0]
        if kind not in WEIGHTS:
            out.append(0.0)
        elif kind in seen:
            out.append(EXTRA_NAME if kind in ("named place", "named entity") else 0.0)
        else:
            seen.add(kind)
            out.append(WEIGHTS[kind])
    return out


def assess(
    text: str,
    lang: str,
    *,
    context: NameContext | None = None,
    claimant: str | None = None,
    list_spans: list[tuple[int, int]] = (),
) -> Assessment:
    """Score ``text`` (a claim text) for check-worthiness, with its reasons.

    ``claimant`` is who the claim is attributed to (None: the article's own voice);
    ``list_spans`` are membership lists found in it (one unit, "membership list").
    """
    context = context or NameContext()
    units = _units(text, lang, context, claimant, list_spans)
    markers = _markers(text) + _prediction(text, lang)
    markers += _quoted_view(text, lang, claimant) + _quoted_norm(text) + _quoted_hedge(text)
    markers += _characterisation(text, lang) + _suspicion(text)
    reasons = [label for label, _ in units]
    if markers:
        kinds = len({label.split(":")[0] for label in reasons})
        score = min(OPINION_CEILING, OPINION_BASE + OPINION_STEP * kinds)
        return Assessment(round(score, 2), tuple(dict.fromkeys(reasons + markers)), "opinion")
    score = BASE_SCORE + sum(weight for _, weight in units)
    return Assessment(round(min(1.0, score), 2), tuple(dict.fromkeys(reasons)), "fact")


def _units(
    text: str,
    lang: str,
    context: NameContext,
    claimant: str | None,
    list_spans: list[tuple[int, int]],
) -> list[tuple[str, float]]:
    """(reason, weight) for every unit the score counts, dates first."""
    found: dict[str, tuple[str, float]] = {}
    anchors = anchors_of(text, lang, REASON_OF_KIND)
    names = _names(text, lang, context, anchors)
    for i, anchor in enumerate(anchors):
        kind = REASON_OF_KIND[anchor.kind]
        if kind in ("date", "number") and kind not in found:
            label = anchor.text
            following = anchors[i + 1] if i + 1 < len(anchors) else None
            if following and text[anchor.end : following.start] in ("-", "–"):
                label = text[anchor.start : following.end]  # "2020-2021"
            found[kind] = (f"{kind}: {label}", WEIGHTS[kind])
    out = [found[k] for k in ("date", "number") if k in found]
    out += _name_units(names)
    if list_spans:
        out.append(("membership list", WEIGHTS["membership list"]))
    superlative = _SUPERLATIVE_RE.search(text)
    if superlative:
        out.append((f"superlative/first: {superlative.group()}", WEIGHTS["superlative/first"]))
    quoted = _QUOTE_RE.search(text)
    if quoted and claimant:
        out.append(("attributed quote", WEIGHTS["attributed quote"]))
    elif claimant:
        out.append((f"claimant: {claimant}", WEIGHTS["claimant"]))
    elif quoted:
        out.append(("quoted words", WEIGHTS["quoted words"]))
    return out


def _names(text: str, lang: str, context: NameContext, anchors) -> list[tuple[str, str]]:
    """(kind, label) of the named things in ``text``: a place the recogniser knows is a named
    place; any other name, whole ("Badan Pusat Statistik"), a named entity, its title left
    off ("Mayor Lena Ortiz" -> "Lena Ortiz")."""
    places = [a for a in anchors if a.kind == "place"]
    figures = [a.span for a in anchors if a.kind != "place"]  # "November", "dolar AS"
    out: list[tuple[str, str]] = []
    taken: list[tuple[int, int]] = []
    for name in whole_names(text, lang, context.common, context.acronyms, context.known):
        if overlaps(name.span, figures):
            continue
        inside = [p for p in places if name.start <= p.start and p.end <= name.end]
        if len(inside) == 1 and inside[0].span == name.span:
            continue  # exactly a place: counted as one below
        if overlaps(name.span, [p.span for p in places if p not in inside]):
            continue
        for label in _around_title(name.text):
            out.append(("named entity", label))
        taken.append(name.span)
    for place in places:
        if not overlaps(place.span, taken):
            out.append(("named place", re.sub(r"['’]s?$", "", place.text)))
    return out


def _around_title(name: str) -> list[str]:
    """The names on either side of a person's title: "Presiden Donald Trump" -> ["Donald
    Trump"]; "Harlow Bay Mayor Gerald Finch" -> ["Harlow Bay", "Gerald Finch"]; a name
    without a title is itself."""
    titles = fold_all(words.PERSON_TITLES)
    parts = name.split()
    at = [i for i, p in enumerate(parts[:-1]) if fold(p) in titles]
    if not at:
        return [name]
    before, after = parts[: at[0]], parts[at[-1] + 1 :]
    return [" ".join(side) for side in (before, after) if side]


def _name_units(names: list[tuple[str, str]]) -> list[tuple[str, float]]:
    """The first named place and the first named entity count in full, each further distinct
    name a little (EXTRA_NAME, at most MAX_EXTRA_NAMES)."""
    out, seen, first = [], set(), set()
    extras = 0
    for kind, label in names:
        key = fold(label)
        if key in seen:
            continue
        seen.add(key)
        if kind not in first:
            first.add(kind)
            out.append((f"{kind}: {label}", WEIGHTS[kind]))
        elif extras < MAX_EXTRA_NAMES:
            extras += 1
            out.append((f"{kind}: {label}", EXTRA_NAME))
    order = {"named place": 0, "named entity": 1}
    return sorted(out, key=lambda unit: order[unit[0].split(":")[0]])


def _quoted_view(text: str, lang: str, claimant: str | None) -> list[str]:
    """A person's few quoted words with no figure or date anywhere in the claim ("called the
    figures "too pessimistic"") are their view: a reason that makes the claim an opinion. A
    country's or an organisation's quoted words (Kazakhstan's "minyak baru") are not. Nor
    are a figure's: but when a speaker's few quoted words close the claim and no verb stands
    outside them, the quote is the clause's predicate, what the speaker judges the subject
    to be ('Menurut dia, pengawasan terhadap 46 dapur "terlalu longgar"'), a view whatever
    figure the subject holds. What that cannot tell: a quoted predicate that is a fact in the
    speaker's words ('the toll "rose to 40"') is kept a fact only by the figure inside it."""
    quoted = _QUOTE_RE.search(text)
    if not quoted or not claimant:
        return []
    opening = re.sub(
        r"^(?:menurut|according to)\s+[^,]+,\s*", "", text[: quoted.start()], flags=re.I
    )
    if _quoted_predicate(text, quoted, opening, lang):
        return [f"opinion: quoted view {quoted.group()}"]
    if not _person(claimant):
        return []
    if _whole_quote_view(text, quoted, opening, lang):
        return [f"opinion: quoted view {quoted.group()}"]
    if len(quoted.group().split()) > MAX_VIEW_WORDS or len(opening.split()) < 2:
        return []  # a whole statement in quotes is what they said, not a view inside a claim
    figures = anchors_of(text, lang, ("number", "money", "percent"))
    return [] if figures else [f"opinion: quoted view {quoted.group()}"]


def _whole_quote_view(text: str, quoted: re.Match, opening: str, lang: str) -> bool:
    """Whether a person's quoted sentence is the whole claim ('Menurut X, "..."', '"...," he
    said') and holds nothing a checker can look up: no figure, date or time, and no name.
    What such a sentence says is how the speaker sees it ("These objects were taken by
    force, and the case for keeping them no longer stands"). What it cannot tell: a plain
    statement of fact in the speaker's words with no figure or name ("The doors were
    locked") is taken for a view too."""
    after = text[quoted.end() :].strip(" ,.”\"'’")
    if opening.strip() or (after and first_verb(after, lang) is not None):
        return False  # more than the quote, and the place or time carried after it
    inside = quoted.group()
    if len(inside.split()) <= MAX_VIEW_WORDS:
        return False  # a short one ("Belum ada tersangka") reports a state
    kinds = ("number", "money", "percent", "quantity", "date", "year", "month")
    if anchors_of(inside, lang, kinds):
        return False
    return not re.search(r"(?<=\w\s)[A-Z]", inside)  # a capitalised word inside: a name


def _quoted_predicate(text: str, quoted: re.Match, opening: str, lang: str) -> bool:
    """Whether the few quoted words close ``text`` and no verb stands before them (after an
    opening attribution): the quote is what the subject is said to be."""
    if len(quoted.group().split()) > MAX_VIEW_WORDS or text[quoted.end() :].strip(" .,;!?"):
        return False
    if len(opening.split()) < 2 or anchors_of(quoted.group(), lang, _FIGURE_KINDS):
        return False
    if re.search(r"\b(?:was|were|is|are|adalah|ialah)\s*$", opening, re.I):
        return True  # 'said fans were "delighted but nervous"': the quote is the predicate
    return first_verb(opening, lang) is None and not any(
        w.lower() in words.AUXILIARIES.get(lang, ()) for w in opening.split()
    )


_OBLIGATION_RE = words.word_pattern(words.OBLIGATION_MODALS)
_PREDICTION_RE = words.word_pattern(words.PREDICTIONS)
_FIGURE_KINDS = ("number", "money", "percent", "quantity")


def _prediction(text: str, lang: str) -> list[str]:
    """A prediction outside quotes with no figure in what it forecasts ("is expected to be
    sworn in next week") is hedged; a forecast with a figure is a fact on the record
    ("diperkirakan mencapai 61.000 ekor"). What it forecasts runs from the prediction verb to
    the first subordinator ("karena", "because", "jika", "if"): a figure in the reason
    ("... karena lahan hanya mampu menampung sampah selama enam bulan") is not the forecast's.
    A possibility modal inside the forecast ("memperkirakan jumlah korban masih bisa
    bertambah") makes it a hedge whatever its figure: it says what may happen
    (markers.forecast_modal)."""
    unquoted = _QUOTE_RE.sub(lambda m: " " * len(m.group()), text)
    found = _PREDICTION_RE.search(unquoted)
    if found is None:
        return []
    modal = words.forecast_modal(unquoted)
    if modal and modal.lower() not in words.HEDGES:  # a hedge anywhere: _markers has it
        return [f"hedge: {found.group()} ... {modal}"]
    forecast = unquoted[found.end() :]
    cut = words.subordinator_regex().search(forecast)
    forecast = forecast[: cut.start()] if cut else forecast
    if anchors_of(unquoted[: found.start()] + forecast, lang, _FIGURE_KINDS):
        return []
    return [f"hedge: {found.group()}"]


def _suspicion(text: str) -> list[str]:
    """What someone suspects, believes or disagrees with, quoted or not ("Sejumlah tokoh
    agama menduga masih banyak biro ...", 'said it "fundamentally disagrees" with the
    findings'), or what "could be foreseen" ('"Ini krisis yang sudah bisa diduga ..."'): a
    view of its holder (markers.suspicion). The bare passive "diduga" (an allegation the news
    reports) is left a fact."""
    found = words.suspicion(text)
    return [f"opinion: {found}"] if found else []


_CHARACTERISED_RE = re.compile(
    rf"\b(?:{alternation(words.CHARACTERISING_VERBS)})\s+"
    r"(?P<object>(?:the|its|their|his|her|this|that)\s+[\w'’-]+(?:\s+[\w'’-]+){0,3}?)\s+"
    r"(?P<complement>“[^”]{1,80}”|\"[^\"]{1,80}\"|(?:a|an)\s+[\w'’-]+(?:\s+[\w'’-]+){0,5}?)"
    # then the clause's end, a time or place a claim text adds, or a second predicate
    r"(?=\W*$|[,;.]|\s+(?:in|on|at|during)\s+[A-Z0-9]|\s+and\s)",
    re.I,
)


def _characterisation(text: str, lang: str) -> list[str]:
    """A clause that ends by naming what its object is in someone's words, "<called> <the
    object> <"quoted words"|a noun phrase>" ('Consumer groups called the delay
    "unacceptable"', "called the decision a disaster for coastal towns"), with no figure
    in that complement, and no verb unless it is quoted (the speaker's own words, 'called the
    damage "the worst I have seen in thirty years"'): a view, whoever holds it. English
    only. What it cannot do: an unquoted complement with a verb ("called the plan a way to
    save money") is left a fact."""
    if lang != "en":
        return []
    found = _CHARACTERISED_RE.search(text)
    if found is None:
        return []
    complement = found.group("complement").strip('“”"')
    quoted = found.group("complement")[:1] in '“"'
    if anchors_of(complement, lang, ("percent", "money")) or re.search(r"\d", complement):
        return []  # a figure in it is checkable ("called the rise "a 40 percent jump"")
    if first_verb(complement, lang) and not quoted:
        return []  # "called the plan a way to save money": a description, maybe a fact
    # the speaker's own quoted words naming what it is ("the worst I have seen in thirty
    # years") are their judgement, verb or no verb
    return [f"opinion: characterised as {found.group('complement')}"]


def _quoted_norm(text: str) -> list[str]:
    """A speaker's quoted words that say what must or must not be ("Tidak boleh ada anak
    yang putus sekolah ...") are their norm: a reason that makes the claim an opinion."""
    for quoted in _QUOTE_RE.finditer(text):
        modal = _OBLIGATION_RE.search(quoted.group())
        if modal:
            return [f"opinion: norm {modal.group()}"]
    return []


def _quoted_hedge(text: str) -> list[str]:
    """A hedge, an advisory modal or an opinion marker in a speaker's quoted sentence ('"These
    paintings will probably turn up ...," he said', '"Seharusnya bangkai dibakar ..."'): the
    speaker's own view or guess, as it would be in the writer's words (``_markers`` reads
    only outside quotes, where a short quote is a title or a term: 'the "may" clause'). A
    quote of MIN_QUOTED_SENTENCE words or more counts; so does one that opens with a
    conditional ('"Kalau pola ini berulang, ... tidak lagi layak"': a hypothesis)."""
    pattern, prefixes = words.marker_regex()
    for quoted in _QUOTE_RE.finditer(text):
        if len(quoted.group().split()) < MIN_QUOTED_SENTENCE:
            continue
        first = quoted.group()[1:].split()[:1]
        if first and fold(first[0]) in fold_all(words.CONDITIONALS):
            return [f"hedge: quoted {first[0]}"]
        found = pattern.search(quoted.group())
        if found:
            return [f"{prefixes[found.group().lower()]}: quoted {found.group()}"]
    return []


def _person(name: str) -> bool:
    """Whether a claimant names a person: a title ("Presiden", "Councillor"), or two to four
    capitalised words none of which heads an organisation or a place."""
    folded = [fold(w) for w in name.split()]
    if fold_all(words.PERSON_TITLES) & set(folded) and not name.isupper():
        return True
    others = {fold(h) for h in words.ORGANISATION_HEADS + words.PLACE_HEADS}
    capitalised = all(w[:1].isupper() for w in name.split())
    if not capitalised or not 2 <= len(folded) <= 4 or set(folded) & others:
        return False
    return not anchors_of(name, "en", {"place"})  # "Republik Kazakhstan"


def _markers(text: str) -> list[str]:
    """Opinion and hedge reasons found outside quotations in ``text``, in text order; where
    markers overlap ("para pengamat menilai", "menilai") the longest wins."""
    unquoted = _QUOTE_RE.sub(lambda m: " " * len(m.group()), text)
    pattern, prefixes = words.marker_regex()
    found = [f"{prefixes[m.group().lower()]}: {m.group()}" for m in pattern.finditer(unquoted)]
    return found + [f"opinion: {m.group()}" for m in _QUALIFIED_VIEW_RE.finditer(unquoted)]


def _qualified_view_pattern() -> re.Pattern[str]:
    """The opinion markers "<holders> <verb>" ("critics say", "analis menilai") with a phrase
    between that says which holders ("Critics of the industry say", "Analysts at Nordhaven
    Bank said"): built from OPINION_MARKERS' two-word entries whose first word is a noun, so
    no new word list. What it cannot do: a relative clause between ("critics who ... say")
    or holders the markers do not name ("consumer groups")."""
    pairs = [m.split() for m in words.OPINION_MARKERS if len(m.split()) == 2]
    pairs = [(a, b) for a, b in pairs if a.endswith("s") or a in ("pengamat", "analis")]
    pairs = [(a, b) for a, b in pairs if not is_verb(a, "en") and a not in ("is", "was")]
    qualifier = r"\s+(?:of|at|from|in|for|dari|di)\s+(?:[\w'’-]+\s+){1,4}?"
    each = sorted(f"{re.escape(a)}{qualifier}{re.escape(b)}" for a, b in pairs)
    return re.compile(rf"\b(?:{'|'.join(each)})\b", re.I)


_QUALIFIED_VIEW_RE = _qualified_view_pattern()
