"""Names and places as slots of a statement: does a passage state the claim's fact with
another place, person or organisation in the same role?

A claim's name (a run of capitalised words, or a place CLDR or the glossary knows) is
*missing* from a passage when none of its words is in the passage (places also by their
code: "Amerika Serikat" is "United States"); a passage's name is *new* when none of its words
is in the claim. Each pair of a missing claim name and a new passage name is a candidate
*swap*. Most candidates are not swaps: a report omits the claim's province and names an
official in passing. Which candidate is the slot the two texts fill differently is decided by
meaning (factcheck.matching.rank): the claim with its name replaced by the passage's must say
more nearly what the passage says than the claim itself does. A passage that shares none of
the claim's names ("vila di Kabupaten Badung" / "villas in Gianyar regency") gives candidates
only of two names in one role (``role``: both places), which the word each hangs on ties to
one slot (``head_word``), not meaning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from factcheck.language import markers
from factcheck.language.anchors import _NAME_JOINERS, COMPARED_KINDS, Anchor, extract_anchors
from factcheck.language.lexicon import (
    MIN_ALIKE,
    SPELT_ALIKE,
    fold,
    fold_all,
    fold_word,
    spells_out,
    spelt_alike,
    token_spans,
    words,
)
from factcheck.language.vocabulary import STOPWORDS, region_names, regions_by_language

NAMED_KINDS = COMPARED_KINDS | {"name", "month"}  # a month alone ("Juni") is no name
MIN_WORD, SAME_WORD = MIN_ALIKE, SPELT_ALIKE  # two words of names are one ("Kaspia", "Caspian")
MAX_MISSING, MAX_NEW = 2, 1
# a name said with one part different (``partial_swaps``): at most this many words differ,
# after at least this many shared ones when nothing shared follows them
MAX_PART, MIN_SHARED = 2, 2
MAX_TITLE = 3  # words of a title or a first name before a name ("Deputy Transport Minister")
_JOINERS = frozenset(_NAME_JOINERS)  # "dan", "and", "&": the words a list of names ends with
# the roles in which two names, with no other name shared, fill one slot (``candidate_swaps``)
UNSHARED_ROLES = frozenset({"place"})
_ORGANISATIONS = fold_all(markers.ORGANISATION_HEADS + markers.COMPANY_FORMS)
_TITLES = fold_all(markers.PERSON_TITLES)
_PLACE_HEADS = fold_all(markers.PLACE_HEADS)
_PLACE_KINDS = tuple(fold_all(group) for group in markers.PLACE_KINDS)
# the kinds of a city and of a regency (kota, kabupaten): the places a town's event is said of
_TOWN_KINDS = frozenset(k for k, group in enumerate(_PLACE_KINDS) if group & {"kota", "kabupaten"})
_LOCATIVES = fold_all(markers.LOCATIVES)
_SENSES = tuple(fold_all(group) for group in markers.LOCATIVE_SENSES)
HEADLINE_CAPITALS = 0.6  # a headline, or a list of names whose slots cannot be told apart


@dataclass(frozen=True)
class Swap:
    """A claim name missing from a passage and a passage name new to the claim; ``roles``:
    found by their roles alone (no other name shared, ``candidate_swaps``)."""

    claim: Anchor
    passage: Anchor
    roles: bool = False

    def replaced(self, claim_text: str) -> str:
        """The claim with its name replaced by the passage's."""
        return claim_text[: self.claim.start] + self.passage.text + claim_text[self.claim.end :]

    def removed(self, claim_text: str) -> str:
        """The claim without its name."""
        return " ".join((claim_text[: self.claim.start] + claim_text[self.claim.end :]).split())

    def reason(self) -> str:
        """The reason shown: "name: claim X ≠ passage Y"."""
        kind = "place" if self.claim.kind == self.passage.kind == "place" else "name"
        return f"{kind}: claim {self.claim.text} ≠ passage {self.passage.text}"


def named(
    text: str, lang: str, glossary_path: str | None, *, crowded: bool = False
) -> list[Anchor]:
    """The places and names of ``text`` (a title such as "Rector" stays part of its name),
    without a possessive "'s" or a leading "of". An acronym is left out: in Indonesian most
    stand for common nouns ("KLB", "DBD", "APBD"), not for who or where; a headline has
    none (its capitals are style), nor has a sentence crowded with names (HEADLINE_CAPITALS),
    unless ``crowded`` asks for them (``partial_swaps``, which needs a name on both sides)."""
    spans = words(text)
    capitals = sum(text[s].isupper() for s, _ in spans)
    if not crowded and len(spans) > 2 and capitals >= HEADLINE_CAPITALS * len(spans):
        return []  # "Kazakhstan to Join Abraham Accords": capitals of style, not of names
    out = []
    for a in extract_anchors(text, lang, glossary_path, NAMED_KINDS):
        if a.kind not in ("place", "name") or a.text.isupper():
            continue
        label = re.sub(r"['’]s$", "", a.text)
        start = a.start + (3 if label.startswith("of ") else 0)
        label = label.removeprefix("of ")
        out.append(replace(a, text=label, start=start, end=start + len(label)))
    return sorted(out + _opening_places(text, out), key=lambda a: a.start)


_OPENING_PLACE = re.compile(r"(?:^|[.!?:]\s+|[\"“‘(]\s*)([A-Z][\w'’-]*) ([a-z]+)\b")


def _opening_places(text: str, found: list[Anchor]) -> list[Anchor]:
    """Names that open a sentence with a place noun after them ("Malang city was the biggest
    contributor", "Semarang regency led with ..."): the recogniser leaves a sentence's first
    word out as a capital of grammar, but the place noun says it is a place's name. A
    function word ("The city ...") is none."""
    out = []
    for m in _OPENING_PLACE.finditer(text):
        word, start, end = m[1], m.start(1), m.end(1)
        if fold(m[2]) not in _PLACE_HEADS or _function_word(word) or len(word) < MIN_WORD:
            continue
        if any(a.start < end and start < a.end for a in found):
            continue
        out.append(Anchor("name", word, word, start, end))
    return out


def candidate_swaps(
    claim_text: str,
    claim_lang: str,
    claim_names: list[Anchor],
    passage_text: str,
    passage_lang: str,
    passage_names: list[Anchor],
) -> list[Swap]:
    """Pairs (missing claim name, new passage name) when the passage states the rest of the
    claim's names: at least one of them is in the passage (the same event), at most
    MAX_MISSING are missing and the passage has at most MAX_NEW new one (a passage with
    several names the claim lacks is about something else). When none is in the passage,
    only pairs whose two names have one of UNSHARED_ROLES (``role``: both said as places),
    marked ``roles``: the caller ties them to one slot by the word they hang on
    (``head_word``), since no shared name does."""
    claim_words = _content_words(claim_text, claim_lang)
    passage_words = _content_words(passage_text, passage_lang)
    claim_places = {a.value for a in claim_names if a.kind == "place"}
    passage_places = {a.value for a in passage_names if a.kind == "place"}
    missing = [
        a
        for a in claim_names
        if a.value not in passage_places and not _shares_word(a.text, passage_words)
    ]
    new = [
        a
        for a in passage_names
        if a.value not in claim_places and not _shares_word(a.text, claim_words)
    ]
    if len(missing) > MAX_MISSING or len(new) > MAX_NEW:
        return []
    if len(missing) == len(claim_names):  # nothing shared ties the two to one event: a role
        return [
            Swap(c, p, roles=True)
            for c in missing
            for p in new
            if role(claim_text, c) == role(passage_text, p) in UNSHARED_ROLES
        ]
    return [Swap(c, p) for c in missing for p in new if _same_shape(c, p)]


def role(text: str, name: Anchor) -> str | None:
    """What ``name`` stands for in ``text``, told by its words and the words next to it
    (factcheck.language.markers' tables, the ones extraction uses): "organisation" with an
    organisation's head or a company's legal form in it ("Kementerian Kehutanan", "PT
    Bukit"); "person" with a person's title in it or just before it ("Bupati Darmawan",
    "regent Darmawan"); "place" when CLDR or the glossary knows it as one, with a place noun
    in it, just after it or just before it ("Kabupaten Badung", "Gianyar regency", "Kota"
    opening a sentence before "Surabaya"), or after a locative preposition, where a thing is,
    goes or comes from ("di Sorong", "in the Denpasar ...", "pasokan ke Kendari"); None when
    nothing tells."""
    parts = {fold(w.strip(".,'’()")) for w in name.text.split()}
    before = [fold(w.strip(".,'’()")) for w in text[: name.start].split()[-2:]]
    after = [fold(w.strip(".,'’()")) for w in text[name.end :].split()[:1]]
    if parts & _ORGANISATIONS:
        return "organisation"
    if parts & _TITLES or before[-1:] and before[-1] in _TITLES:
        return "person"
    if before[-1:] == ["the"]:
        before = before[:-1]
    if (
        name.kind == "place"
        or (parts | set(after)) & _PLACE_HEADS
        or before[-1:]
        and (before[-1] in _LOCATIVES or before[-1] in _PLACE_HEADS)
    ):
        return "place"
    return None


def place_kind(text: str, name: Anchor) -> int | None:
    """Which kind of place ``name`` is said to be in ``text`` (the number of its group in
    factcheck.language.markers.PLACE_KINDS): by a place noun in it, just after it, or just
    before it, alone or with "of" ("Kabupaten Badung", "Gianyar regency", "kota Malang", "the
    city of Depok": a regency, a regency, a city, a city), within its phrase (up to a comma);
    None when no such noun says (a place said bare, "di Sorong", or a country CLDR knows).
    Two places of one kind fill one slot of a statement (a regency for a regency) where a
    regency and its province do not. It cannot tell two regencies of one event (floods in
    both) from a report's error, nor a kabupaten an English report calls a district."""
    parts = {fold(w.strip(".,'’()")) for w in name.text.split()}
    # the words next to it, up to a mark that ends a phrase ("Madiun regency, East Java")
    before = re.split(r"[.,;:()]", text[: name.start])[-1].split()[-2:]
    after = re.split(r"[.,;:()]", text[name.end :])[0].split()[:1]
    before, after = [fold(w.strip("'’")) for w in before], [fold(w.strip("'’")) for w in after]
    nouns = parts | set(after) | set(before[-1:]) | ({before[0]} if before[1:] == ["of"] else set())
    return next((k for k, group in enumerate(_PLACE_KINDS) if nouns & group), None)


def bare_against_town(
    claim_text: str,
    claim_name: Anchor,
    passage_text: str,
    passage_name: Anchor,
    claim_lang: str | None = None,
    passage_lang: str | None = None,
) -> bool:
    """Whether one of two places is said bare ("di Bantul": no place noun says its kind,
    ``place_kind``) and the other as a city or a regency ("Kabupaten Sleman", "Sleman
    regency"), each after a locative of one sense (``locative_sense``: "di", "in"), the bare
    one not being wider (``wider_place``: a province, a country). The two then fill one slot
    as two regencies do: a report of the same event "di Kabupaten Sleman" puts it in another
    town than "di Bantul". A province said bare against its
    regency ("di Jawa Tengah" / "Kabupaten Klaten") is the wider place, not another town.
    It cannot tell a district or a village said bare ("di Cangkringan") from a town: one in
    the passage's regency would read as another town."""
    mine = place_kind(claim_text, claim_name)
    theirs = place_kind(passage_text, passage_name)
    if (mine is None) == (theirs is None):
        return False
    sense = locative_sense(claim_text, claim_name)
    if sense is None or sense != locative_sense(passage_text, passage_name):
        return False  # "dipotong di Magelang" / "trucked in from Cirebon regency"
    bare, kind, lang = (
        (claim_name, theirs, claim_lang) if mine is None else (passage_name, mine, passage_lang)
    )
    return kind in _TOWN_KINDS and not wider_place(bare, lang)


def countries_of_one_sense(
    claim_text: str, claim_name: Anchor, passage_text: str, passage_name: Anchor
) -> bool:
    """Whether two places CLDR or the glossary knows (countries: kind "place") each stand
    right after a locative of one sense (``locative_sense``: "ke Filipina" / "to Vietnam",
    "dari Tiongkok" / "from Thailand", "di Singapura" / "in Hong Kong"): the two fill one
    slot of a statement, where a thing goes, comes from or happens, as two towns of one
    kind do. It cannot tell a second destination or origin the passage adds in another
    clause (its other country said besides the claim's) from a report's error: a passage
    that also names the claim's country has no such swap (``candidate_swaps``)."""
    if claim_name.kind != "place" or passage_name.kind != "place":
        return False
    sense = locative_sense(claim_text, claim_name)
    return sense is not None and sense == locative_sense(passage_text, passage_name)


def wider_against_narrower(
    claim_text: str,
    claim_name: Anchor,
    passage_text: str,
    passage_name: Anchor,
    claim_lang: str | None = None,
    passage_lang: str | None = None,
) -> bool:
    """Whether one of two places is wider than a town (``wider_place``: a province, a
    country) and the other is a place that is not ("di Jawa Tengah" / "di Kabupaten Kudus",
    "Kalimantan Barat" / "di Sanggau"): the narrower may lie inside the wider, and without a
    gazetteer of what lies where the two cannot be told to disagree, so they are no swap.
    Two provinces, two countries or two towns are left to the other rules; a name said as a
    city or a regency ("Kota Jambi") is a town whatever province shares its name."""
    mine = _wider(claim_text, claim_name, claim_lang)
    if mine == _wider(passage_text, passage_name, passage_lang):
        return False
    text, name = (passage_text, passage_name) if mine else (claim_text, claim_name)
    return role(text, name) == "place" or place_kind(text, name) is not None


def _wider(text: str, name: Anchor, lang: str | None) -> bool:
    """``wider_place``, unless ``text`` says ``name`` as a city or a regency."""
    return place_kind(text, name) not in _TOWN_KINDS and wider_place(name, lang)


def locative_sense(text: str, name: Anchor) -> int | None:
    """Which sense of locative (factcheck.language.markers.LOCATIVE_SENSES: at, to, from)
    stands just before ``name`` in ``text``, past "the", "of" and place nouns ("di Kabupaten
    Sleman", "from the city of Jambi"); None when no locative does (a name that opens its
    sentence, "Peraturan daerah ..." read as a place)."""
    before = [fold(w.strip("'’")) for w in re.split(r"[.,;:()]", text[: name.start])[-1].split()]
    while before and (before[-1] in _PLACE_HEADS or before[-1] in ("the", "of")):
        before.pop()
    if not before:
        return None
    return next((k for k, group in enumerate(_SENSES) if before[-1] in group), None)


def wider_place(name: Anchor, lang: str | None = None) -> bool:
    """Whether ``name`` is a place wider than a town: a country CLDR or the glossary knows
    (kind "place"), or, its place nouns left out, a country or a subdivision of one in ISO
    3166, or a run of the words of one's name ("Jakarta" of "Jakarta Raya", "Jawa" of "Jawa
    Tengah": factcheck.language.vocabulary.region_names, from pycountry's data); or, in a
    text in ``lang``, a region of a country of the newsroom's other languages said in
    ``lang``'s words: its first words with one word of ``lang``'s own ("Central Java",
    ``_leads_a_region``)."""
    if name.kind == "place":
        return True
    found = _bare_words(name.text)
    if " ".join(found) in _regions():
        return True
    # ISO lists a region in its country's language: the name said in another puts a word of
    # its own before or after the region's first words ("Central Java" for "Jawa Tengah",
    # "Riau Islands" for "Kepulauan Riau"'s "Riau")
    return len(found) >= 2 and (
        _leads_a_region(found[1:], lang) or _leads_a_region(found[:-1], lang)
    )


@cache
def _regions() -> frozenset[str]:
    """Every run of words of a country's or a subdivision's name, folded as names are."""
    out = set()
    for region in region_names():
        found = _name_words(region)
        out.update(
            " ".join(found[a:b]) for a in range(len(found)) for b in range(a + 1, len(found) + 1)
        )
    return frozenset(out)


@cache
def _region_words(lang: str | None) -> tuple[tuple[str, ...], ...]:
    """The words of the regions a text in ``lang`` names in its own words: the subdivisions
    of the countries of the newsroom's other languages (vocabulary.regions_by_language),
    folded as names are."""
    return tuple(
        tuple(_name_words(region))
        for other, regions in regions_by_language().items()
        if other != lang
        for region in regions
    )


def _leads_a_region(found: list[str], lang: str | None) -> bool:
    """Whether ``found`` are the first words of the name of a region a text in ``lang``
    names in its own words, that name having one word more, each word the same or respelt
    by one letter ("java" of "Jawa Tengah" in an English text; the looser SPELT_ALIKE would
    take "damar" for "Dar es Salaam")."""
    return any(
        len(region) == len(found) + 1 and all(map(_respelt_word, found, region))
        for region in _region_words(lang)
    )


def _respelt_word(a: str, b: str) -> bool:
    """Whether two folded words are one, or one respelt by a letter ("java", "jawa";
    "sumatra", "sumatera"), from MIN_WORD letters."""
    return a == b or min(len(a), len(b)) >= MIN_WORD and Levenshtein.distance(a, b) <= 1


def kind_swaps(
    claim_text: str, claim_names: list[Anchor], passage_text: str, passage_names: list[Anchor]
) -> list[Swap]:
    """Pairs (claim name, passage name) that are one name said as places of two kinds
    (``place_kind``): "Kota Semarang" / "Semarang regency", "Pemerintah Kota Bogor" /
    "Pemerintah Kabupaten Bogor". In Indonesia a city and the regency around it often share
    a name and are two places, each with its own government, so the kind is the fact. It
    cannot tell a report that names both (the city within the regency) from one that got
    the kind wrong; the caller asks for a passage relevant enough to support the claim."""
    out = []
    for mine in claim_names:
        kind = place_kind(claim_text, mine)
        words = _bare_words(mine.text)
        if kind is None or not words:
            continue
        for theirs in passage_names:
            other = place_kind(passage_text, theirs)
            if other is None or other == kind:
                continue
            bare = _bare_words(theirs.text)
            short, long = sorted((words, bare), key=len)
            if short and _same_name(" ".join(short), " ".join(long[len(long) - len(short) :])):
                # "Kota Bogor" ends "Pemerintah Kabupaten Bogor"; shown with their kinds
                out.append(Swap(_with_kind(claim_text, mine), _with_kind(passage_text, theirs)))
    return out


def _with_kind(text: str, name: Anchor) -> Anchor:
    """``name`` with the place noun just before or after it that says its kind, when it is
    not in it ("Sukamaju" of "Sukamaju regency" as "Sukamaju regency")."""
    if {fold(w.strip(".,'’()")) for w in name.text.split()} & _PLACE_HEADS:
        return name
    after = re.match(r" (\w+)", text[name.end :])
    if after and fold(after[1]) in _PLACE_HEADS:
        end = name.end + after.end()
        return replace(name, text=text[name.start : end], end=end)
    before = re.search(r"(\w+) $", text[: name.start])
    if before and fold(before[1]) in _PLACE_HEADS:
        start = before.start()
        return replace(name, text=text[start : name.end], start=start)
    return name


def _bare_words(name: str) -> list[str]:
    """A name's words without its place nouns ("Kota Semarang": "semarang")."""
    return [w for w in _name_words(name) if w not in _PLACE_HEADS]


def partial_swaps(
    claim_text: str,
    claim_lang: str,
    claim_names: list[Anchor],
    passage_text: str,
    passage_lang: str,
    passage_names: list[Anchor],
    *,
    surnames: bool = False,
    respelt_only: bool = False,
) -> list[Swap]:
    """Pairs (claim name, passage name) that are one name with one part said differently:
    "PT Sinar Hunian Abadi" / "PT Cahaya Hunian Abadi", "Cakrawala Sinema Pictures" /
    "Cakrawala Sinar Pictures". The differing part stands at the same place in both, between
    words they share or after at least MIN_SHARED of them, and is no more than MAX_PART
    words; the claim's part is nowhere in the passage and the passage's nowhere in the
    claim. A part before the shared words is not taken: there one language puts what another
    puts after ("Gunung Merapi" / "Mount Merapi", "Sungai Musi" / "Musi River"), and a
    translated title in front reads as another word. With ``surnames`` (a passage relevant
    enough to support the claim) one shared first word is enough for a name of two words: a
    person's name with another surname ("Dimas Prasetyo" / "Dimas Pratama"), its first name
    kept where it opens a sentence (``_with_openers``). ``respelt_only``: only names whose one
    differing word is respelt (spelt alike, ``_respelt``)."""
    claim_words = _content_words(claim_text, claim_lang)
    passage_words = _content_words(passage_text, passage_lang)
    out = []
    for claim_name in claim_names:
        for passage_name in passage_names:
            mine, theirs = _with_openers(claim_text, claim_name, passage_text, passage_name)
            if surnames and _one_person_respelt(claim_text, mine, passage_text, theirs):
                if fold_word(mine.text) not in passage_words:  # the claim's spelling too
                    out.append(Swap(mine, theirs))
                continue
            parts = _differing_parts(mine.text, theirs.text, surnames)
            if parts is None or not _same_shape(mine, theirs):
                continue
            if spelt_alike(*parts):  # one word respelt (``_respelt``): only itself counts
                if parts[0] in passage_words or parts[1] in claim_words:
                    continue
            elif respelt_only:
                continue
            elif _shares_word(parts[0], passage_words) or _shares_word(parts[1], claim_words):
                continue
            out.append(Swap(mine, theirs))
    return out


def _one_person_respelt(claim_text: str, mine: Anchor, passage_text: str, theirs: Anchor) -> bool:
    """Whether two names of one word, each said of a person (``role``: a title just before
    it, "Village head Warsono" / "Village chief Warsino"), are spelt alike but not as one
    spelling of a name (``_one_spelling``): the one name many Indonesians go by, respelt,
    is another person's. It cannot tell a misspelling from another person."""
    a, b = _name_words(mine.text), _name_words(theirs.text)
    if len(a) != 1 or len(b) != 1 or min(len(a[0]), len(b[0])) < MIN_WORD:
        return False
    if not spelt_alike(a[0], b[0]) or _one_spelling(a[0], b[0]):
        return False
    return role(claim_text, mine) == role(passage_text, theirs) == "person"


_OPENER = re.compile(r"(?:^|[.!?:]\s+|[\"“‘(]\s*)([A-Z][\w'’-]*) $")


def _opener(text: str, name: Anchor) -> Anchor | None:
    """``name`` with the capitalised word that opens its sentence just before it, which the
    recogniser left out as a capital of grammar ("Darwin Hasibuan, who heads ..." gives
    "Hasibuan"); None when no such word stands there."""
    found = _OPENER.search(text[: name.start])
    if found is None or name.kind != "name" or _function_word(found[1]):
        return None  # "The United States": a function word is no first name
    start = found.start(1)
    return replace(name, text=text[start : name.end], start=start)


def _function_word(word: str) -> bool:
    """Whether ``word`` is a function word of either language (a closed class)."""
    word = word.casefold()
    return any(word in STOPWORDS[lang] for lang in ("en", "id"))


def _with_openers(
    claim_text: str, mine: Anchor, passage_text: str, theirs: Anchor
) -> tuple[Anchor, Anchor]:
    """The two names, each with the word that opens its sentence (``_opener``) when that word
    is the other name's first word: the name of a person who opens a report's sentence
    keeps its first name ("Darwin Hasibuan, who heads ..." against "... is Darwin Harahap"),
    and two sentences opening with one first name keep it both ("Retno Wulandari heads ..."
    / "Retno Wulansari, who heads ..."). A sentence's first word alone stays no name: it
    counts only beside a name of the other text that begins with it."""
    wide_mine, wide_theirs = _opener(claim_text, mine), _opener(passage_text, theirs)

    def first(name: Anchor) -> str:
        found = _name_words(name.text)
        return found[0] if found else ""

    if wide_mine and wide_theirs and spelt_alike(first(wide_mine), first(wide_theirs)):
        return wide_mine, wide_theirs
    if wide_mine and spelt_alike(first(wide_mine), first(theirs)):
        return wide_mine, theirs
    if wide_theirs and spelt_alike(first(wide_theirs), first(mine)):
        return mine, wide_theirs
    return mine, theirs


def listed_swaps(
    claim_text: str,
    claim_names: list[Anchor],
    passage_text: str,
    passage_names: list[Anchor],
    swaps: list[Swap],
) -> list[Swap]:
    """The candidate ``swaps`` whose two names each stand in a list beside a name the other
    list has too, on the same side ("Cianjur, Sukabumi, dan Bogor" / "Cianjur, Sukabumi and
    Garut"): the shared members tie the two names to one slot, so no meaning is asked. On the
    other side ("Bahrain, Morocco" / "the United Arab Emirates and Bahrain") the passage
    names another part of a longer list. The passage's list is not shorter than the claim's:
    a shorter one names a part of the claim's list in another statement ("Israel and
    Morocco" beside "the UAE, Bahrain, Morocco and Sudan" is not another member). Not "as
    many": a member the recogniser missed ("kabupaten: Cianjur, Sukabumi, dan Bogor" gives
    two names) would then hide a real change."""
    out = []
    for swap in swaps:
        mine = _listed_beside(claim_text, claim_names, swap.claim)
        theirs = _listed_beside(passage_text, passage_names, swap.passage)
        if not any(_same_name(a.text, b.text) and x == y for a, x in mine for b, y in theirs):
            continue
        if _list_size(passage_text, passage_names, swap.passage) >= _list_size(
            claim_text, claim_names, swap.claim
        ):
            out.append(swap)
    return out


def _list_size(text: str, names: list[Anchor], name: Anchor) -> int:
    """How many names stand in ``name``'s list in ``text`` (itself included): the names
    reached from it through ``_listed_beside``, one step after another."""
    members, todo = {(name.start, name.end)}, [name]
    while todo:
        for other, _ in _listed_beside(text, names, todo.pop()):
            if (other.start, other.end) not in members:
                members.add((other.start, other.end))
                todo.append(other)
    return len(members)


def _listed_beside(text: str, names: list[Anchor], name: Anchor) -> list[tuple[Anchor, bool]]:
    """The names next to ``name`` in ``text``, each with whether it comes before ``name``,
    with only a comma or a word that joins names
    between ("Sukabumi, dan Bogor": Sukabumi is listed beside Bogor; not "MWp di Danau
    Tondano", "Abraham Accords in Trump's": a preposition ties no list)."""
    out = []
    for other in names:
        if other.end <= name.start:
            gap = text[other.end : name.start]
        elif other.start >= name.end:
            gap = text[name.end : other.start]
        else:
            continue  # the name itself
        between = [w.casefold() for w in re.findall(r"\w+", gap)]
        if ("," in gap or between) and len(between) <= 1 and set(between) <= _JOINERS:
            out.append((other, other.end <= name.start))
    return out


def _same_name(a: str, b: str) -> bool:
    """Whether two names are one, word for word (spelling variants alike), their place nouns
    left out ("Kabupaten Bone" is "Bone" of "Bone and Soppeng regencies")."""
    x, y = _bare_words(a) or _name_words(a), _bare_words(b) or _name_words(b)
    return len(x) == len(y) and all(spelt_alike(p, q) for p, q in zip(x, y, strict=True))


def _differing_parts(mine: str, theirs: str, surnames: bool = False) -> tuple[str, str] | None:
    """The differing parts of two names alike but for one part (``partial_swaps``), or None.
    ``surnames``: two names of two words that share the first also count ("Dimas Prasetyo" /
    "Dimas Pratama"), when each last word has MIN_WORD letters ("Level IV" is no name)."""
    a, b = _aligned(_name_words(mine), _name_words(theirs))
    if surnames and (respelt := _respelt(a, b)):
        return respelt
    prefix = 0
    while prefix < min(len(a), len(b)) and spelt_alike(a[prefix], b[prefix]):
        prefix += 1
    suffix = 0
    while suffix < min(len(a), len(b)) - prefix and spelt_alike(a[-1 - suffix], b[-1 - suffix]):
        suffix += 1
    left, right = a[prefix : len(a) - suffix], b[prefix : len(b) - suffix]
    if not left or not right or max(len(left), len(right)) > MAX_PART:
        return None
    surname = (
        surnames and len(a) == len(b) == 2 and prefix == 1 and min(len(a[1]), len(b[1])) >= MIN_WORD
    )
    if not (prefix and suffix or prefix >= MIN_SHARED or surname):
        return None
    if any(spelt_alike(x, y) for x in left for y in right):
        return None
    for short, long in ((left, right), (right, left)):
        if len(short) == 1 and len(long) >= 2 and spells_out(short[0], long):
            return None  # "Jateng" is "Jawa Tengah": Indonesian shortens names so
    return " ".join(left), " ".join(right)


def _respelt(a: list[str], b: list[str]) -> tuple[str, str] | None:
    """The one differing word of two names of as many words, alike in every other word, when
    the two spell it alike (SPELT_ALIKE) but not as one spelling of it (``_spelling``):
    "Ketut Sudarsana" / "Ketut Suardana", "PT Bukit Raya Konstruksi" / "PT Bukit Jaya
    Konstruksi", "Teguh Santosa" / "Teguh Santoso", "Asep Mulyana" / "Asep Maulana", two
    names, where "Muhammad" / "Mohammad", "Soekarno" / "Sukarno" or "Siti Maryam" / "Siti
    Mariam" are one name spelt two ways. Not the first word, which a translation or a title
    changes. It cannot tell a misspelt letter ("Hartono" written "Hartanto" by mistake) from
    another person, nor a name's spelling the rules of ``_spelling`` do not know (the
    Javanese "Sutrisna" for "Sutrisno", an Arabic name's "e": "Ahmed" / "Ahmad") from
    another name."""
    if len(a) != len(b) or len(a) < 2:
        return None
    differ = [k for k in range(len(a)) if a[k] != b[k]]
    if len(differ) != 1 or differ[0] == 0:
        return None
    x, y = a[differ[0]], b[differ[0]]
    if min(len(x), len(y)) < MIN_WORD or not spelt_alike(x, y):
        return None
    return None if _one_spelling(x, y) else (x, y)


def _one_spelling(x: str, y: str) -> bool:
    """Whether two folded words are one spelling of a name (``_spelling``), or one writes an
    "e" between two letters where the other does not: Indonesian's unstressed vowel, which
    another language's spelling leaves out ("Sumatera" / "Sumatra")."""
    a, b = sorted((_spelling(x), _spelling(y)), key=len)
    if a == b:
        return True
    return len(b) == len(a) + 1 and any(
        b[k] == "e" and b[:k] + b[k + 1 :] == a for k in range(1, len(b) - 1)
    )


def _spelling(word: str) -> str:
    """A folded word written the one way the spellings of one name share: the old Indonesian
    spelling as today's ("oe", "dj", "tj", "sj", "nj": "Soeharto" / "Suharto"), "ch" and "kh"
    as "h" (Arabic's one letter: "Achmad" / "Akhmad" / "Ahmad"), "y" as
    the vowel "i" ("Maryam" / "Mariam", "Rudy" / "Rudi"), "o" as "u" (the vowel an Arabic
    name is transliterated with either way: "Mohammad" / "Muhammad"), "h" left out (said or
    not after a vowel: "Achmad" / "Ahmad"), "c" and "q" as "k", and each run of one letter
    written once ("Zelenskyy" / "Zelensky"). Any other vowel is the name's own: "Santosa" and
    "Santoso", "Syahputra" and "Syahputri" are two spellings no rule of Indonesian or English
    makes of one name."""
    for old, new in (
        ("oe", "u"),
        ("dj", "j"),
        ("tj", "c"),
        ("sj", "sy"),
        ("nj", "ny"),
        ("ch", "h"),
    ):
        word = word.replace(old, new)
    word = word.replace("kh", "h").replace("y", "i").replace("o", "u").replace("h", "")
    word = word.replace("c", "k").replace("q", "k")
    return re.sub(r"(.)\1+", r"\1", word)


def head_word(text: str, lang: str, name: Anchor) -> str | None:
    """The word ``name`` hangs on in ``text``: the nearest content word before it, past
    prepositions and place nouns ("vila" in "vila di Kabupaten Badung", "collector" in "a
    collector from Malaysia", "laboratory" in "a laboratory in Jakarta"); None when the name
    begins its sentence."""
    before = [t for t in token_spans(text[: name.start], lang) if t.end <= name.start]
    for token in reversed(before):
        word = fold(text[token.start : token.end])
        if word in _PLACE_HEADS or word in _LOCATIVES:
            continue
        if re.search(r"[.!?;:]", text[token.end : name.start]):
            return None
        return word
    return None


def _aligned(a: list[str], b: list[str]) -> tuple[list[str], list[str]]:
    """Two names' words from where they start alike: words before the other name's first word
    on one side only are a title or a first name the other leaves out ("Transport Minister
    Surya Adiwijaya" / "Surya Adinegara"; "Abdul Halim Musyaffa" / "Halim Mubarok", whose
    first word began the sentence). Only when the other name's first word is there, after at
    most MAX_TITLE words, and is a name's word of MIN_WORD letters."""
    for x, y, swapped in ((a, b, False), (b, a, True)):
        if not x or not y or len(y[0]) < MIN_WORD or spelt_alike(x[0], y[0]):
            continue
        at = next((k for k, w in enumerate(x[: MAX_TITLE + 1]) if spelt_alike(w, y[0])), None)
        if at:
            return (y, x[at:]) if swapped else (x[at:], y)
    return a, b


def _name_words(name: str) -> list[str]:
    return [
        fold_word(w.strip(".,'’()")) for w in name.replace("-", " ").split() if w.strip(".,'’()")
    ]


def _content_words(text: str, lang: str) -> set[str]:
    """Folded content words of ``text`` (stopwords left out)."""
    return {
        fold_word(text[t.start : t.end])
        for t in token_spans(text, lang)
        if t.end - t.start >= MIN_WORD
    }


def _shares_word(name: str, found: set[str]) -> bool:
    """Whether a word of ``name`` is one of ``found`` (spelling variants alike). A place noun
    ("Kota", "Kabupaten", "regency") is no word of the name here: "Kota Jambi" and "Kota
    Sungai Penuh" share no name, they are two cities."""
    for word in name.replace("-", " ").split():
        key = fold_word(word.strip(".,'’"))
        if len(key) < MIN_WORD or fold(word.strip(".,'’()")) in _PLACE_HEADS:
            continue
        if key in found or any(fuzz.ratio(key, other) >= SAME_WORD for other in found):
            return True
    return False


def _same_shape(mine: Anchor, theirs: Anchor) -> bool:
    """A place CLDR or the glossary knows (a country) is replaced only by another such place;
    a name nothing knows, only by such a name."""
    return (mine.kind == "place") == (theirs.kind == "place")
