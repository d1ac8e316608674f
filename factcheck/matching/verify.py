"""Verification, separate from relevance: does a passage support the claim, contradict it, or is
it merely related?

Both texts are read by the one recogniser (factcheck.language.anchors). Only values of the same
kind about the same thing are compared:

- years with years (a range such as "2020-2021" is one value that agrees with every year in
  it and with any range it overlaps; a full date's year agrees, but never contradicts, since
  a dated sentence is often about another event); the claim's month of a year ("sejak Maret
  2024") disagrees with the passage's year ("since 2023") when another of its values, not a
  year, agrees;
- a rank with a rank, when asked (``ranks``): the claim's one ordinal ("daerah ke-21",
  "unggulan kesembilan") with the passage's ("the 12th region", "seeded 19th"), another
  disagreeing only when the passage has one;
- dates with dates: a full date with a full date, with a date that has no year ("Nov. 7",
  "6/11") by day and month, and with a weekday ("Thursday" confirms 6 November 2025);
- amounts of money in the same currency; percentages; counts only when they count the same
  thing (the word after the number is the same, spelt alike in either language: "tiket",
  "ticket", or the same glossary term, or names one unit of measure, CLDR's: "jam", "hours";
  or the two are the counts left over when equal
  counts are paired: the only one on each side, or the passage's only one and the one claim
  count of its magnitude, or the one passage count with two of the claim count's digits
  swapped, or, in a passage shown, any count with its two digits swapped); a count said in a
  unit of measure is never paired with a count of another thing ("7 meter" / "Four people");
  two counts joined by a conjunction are compared in their places, so counts that
  traded nouns disagree ("Dua mobil dan tiga sepeda motor" / "Three cars and two motorcycles");
- quantities (amounts, percentages, counts) disagree only within a factor of
  SAME_QUANTITY_RATIO or when one is the other's digits transposed (41 for 14), or, of
  amounts and counts in digits, a digit slip ("Rp 5 juta" / "15 million", "14,000" /
  "40,000": ``_digit_slip``): a figure
  several times the claim's measures something else (the whole beside a part), and leaves
  the claim's value unconfirmed; a passage value that another of the claim's values states
  is about that other thing, and is held against no other;
- a year said right after a figure dates it: a passage year that dates a figure equal to one
  the claim dates is compared with the claim's year for it ("4.870 ... sepanjang 2026" /
  "4,870 ... in 2025"); counts that add up to the total before them are its parts, not
  counts beside it;
- a value stated with a qualifier ("more than 30", "sekitar 1.500") agrees with any value the
  qualifier allows, except another maximum ("up to") or its own digits in another order
  ("nearly" a figure in digits: what rounds to it, "hampir 1.900" not 1,780);
  two estimates ("sekitar 83 persen" / "around 89 percent") agree only when one is the
  other said rounder;
  values agree when they are equal at the precision of the rounder one, if
  that one still has three significant digits (12.43 and 12.4 agree, 12 and 12.4 do not: a
  near amount is relevant *and* different).

A passage *contradicts* when some value disagrees, *supports* when at least one value agrees,
none disagrees and none is left unconfirmed (or, for a claim without values, when the
ranking found it relevant enough: factcheck.matching.rank decides that), and is *related*
otherwise.
"""

from __future__ import annotations

import datetime
import itertools
import os
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from factcheck.language.anchors import Anchor
from factcheck.language.lexicon import fold_word, spelt_alike
from factcheck.language.vocabulary import NUMBER_WORDS, STOPWORDS, UNIT_NAMES

SUPPORTS, CONTRADICTS, RELATED = "supports", "contradicts", "related"
SIGNIFICANT_FOR_ROUNDING = 3
SAME_QUANTITY_RATIO = 2
# a count's next words are one word spelt two ways when they share this long a beginning and
# differ in at most their last letters ("kilometer", "kilometres")
SAME_WORD_STEM, SAME_WORD_TAIL = 5, 2
# the parts of a total follow it, each within this many characters of the one before
PART_GAP = 60
# a year dates the figure before it when it follows within this many characters
DATED_FIGURE_GAP = 60
# counts from this one pair with the passage's one count that swaps two of their digits:
# two-digit counts share their digits by chance too often ("younger than 14" / "41 injured");
# a transposition (``transposition``) is taken under it only of one measure (``_one_measure``)
TRANSPOSED_PAIR = 100
_NEXT_WORD = re.compile(r"\s{1,2}([^\W\d_]{2,})")


@dataclass(frozen=True)
class Check:
    """What verification found: the stance, the reasons, and where the differing values are."""

    stance: str
    agree: tuple[str, ...] = ()
    disagree: tuple[str, ...] = ()
    claim_spans: tuple[tuple[int, int], ...] = ()
    passage_spans: tuple[tuple[int, int], ...] = ()
    unconfirmed: tuple[str, ...] = ()  # claim values beside another quantity of their kind


@dataclass(frozen=True)
class Value:
    """A comparable value: its slot (what it measures), a number or date parts, and its
    anchor. ``unit`` is what a count counts (the next word or term), when known."""

    slot: str
    anchor: Anchor
    number: Decimal | None = None
    high: Decimal | None = None  # the last year of a range ("2020-2021"); number is the first
    date: tuple[int | None, int | None, int | None, int | None] | None = None  # y, m, d, wd
    unit: str | None = None
    qualifier: str | None = None
    measure: str | None = None  # the unit of measure a count is said in ("length-meter")


@dataclass
class _Findings:
    agree: list[str] = field(default_factory=list)
    disagree: list[str] = field(default_factory=list)
    claim_spans: list[tuple[int, int]] = field(default_factory=list)
    passage_spans: list[tuple[int, int]] = field(default_factory=list)
    unconfirmed: list[str] = field(default_factory=list)
    # the claim's month of a year against a passage's year (``_month_of_year``): it disagrees
    # only beside a value other than a year that agrees, which makes the two one statement
    doubtful: list[tuple[str, tuple[int, int], list[tuple[int, int]]]] = field(default_factory=list)

    def differ(self, reason: str, value: Value, others: list[Value], doubtful: bool) -> None:
        """Record that claim ``value`` disagrees with the passage's ``others``."""
        spans = [(v.anchor.start, v.anchor.end) for v in others]
        if doubtful:
            self.doubtful.append((reason, (value.anchor.start, value.anchor.end), spans))
            return
        self.disagree.append(reason)
        self.claim_spans.append((value.anchor.start, value.anchor.end))
        self.passage_spans += spans


# ordinals, a closed class: "ke-21", "21st", "kesembilan" (ke- and a number word; before a
# noun it is collective, "kedua negara" is "both countries", so only before a function word
# or a mark), "the ninth" (after a determiner: "second" alone is also a unit of time). "First"
# and "pertama" are left out: as often adverbs ("first recorded in 2022", "pertama kali").
_ORDINAL_DIGITS = re.compile(r"\b(?:[Kk]e-\s?(\d{1,3})|(\d{1,3})(?:st|nd|rd|th))\b")
_ID_ORDINAL = re.compile(
    r"\b[Kk]e("
    + "|".join(sorted((w for w in NUMBER_WORDS if w.replace(" ", "").isalpha()), key=len)[::-1])
    + r")\b(?=\s*([^\W\d_]+|[^\w\s]|$))"
)
_EN_ORDINALS = {
    word: n
    for n, word in enumerate(
        "second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(),
        start=2,
    )
}
_EN_ORDINAL = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(" + "|".join(_EN_ORDINALS) + r")\b"
)
_FUNCTION_WORDS = STOPWORDS["id"] | STOPWORDS["en"]


def ordinals(text: str) -> list[Value]:
    """The ordinals of ``text`` (``_ORDINAL_DIGITS``, ``_ID_ORDINAL``, ``_EN_ORDINAL``) as
    values of the slot "ordinal": a rank or a place in a series ("daerah ke-21", "the 12th
    region", "unggulan kesembilan", "seeded 19th")."""
    found = []
    for m in _ORDINAL_DIGITS.finditer(text):
        found.append((m.start(), m.end(), int(m[1] or m[2])))
    for m in _ID_ORDINAL.finditer(text):
        after = m[2] or ""
        if after.isalpha() and after.casefold() not in _FUNCTION_WORDS:
            continue  # "ketiga pelaku": the three of them
        found.append((m.start(), m.end(1), NUMBER_WORDS[m[1].casefold()]))
    for m in _EN_ORDINAL.finditer(text):
        found.append((m.start(1), m.end(1), _EN_ORDINALS[m[1]]))
    return [
        Value("ordinal", Anchor("ordinal", str(n), text[a:b], a, b), Decimal(n))
        for a, b, n in sorted(found)
    ]


def values(text: str, anchors: list[Anchor]) -> list[Value]:
    """The comparable values among the anchors of ``text`` (in order); places and terms are
    not values."""
    out: list[Value] = []
    for i, anchor in enumerate(anchors):
        value = _value(anchor, anchors[i + 1] if i + 1 < len(anchors) else None, text)
        if value is None:
            continue
        if value.high is not None and out and out[-1].anchor.qualifier == anchor.qualifier:
            continue  # the range's second year: the first already stands for both
        out.append(value)
    return out


def _unit(anchor: Anchor, following: Anchor | None, text: str) -> str | None:
    """What a count counts: the glossary term right after it, or the next word."""
    if following is not None and following.kind == "term" and following.start - anchor.end <= 2:
        return f"term:{following.value}"
    word = _NEXT_WORD.match(text, anchor.end)
    return f"word:{fold_word(word[1])}" if word else None


# the two words after a count, either of which may name its unit of measure
_NEXT_WORDS = re.compile(r"\s{1,2}([^\W\d_]{2,})(?:\s{1,2}([^\W\d_]{2,}))?")


def _measure(anchor: Anchor, text: str) -> str | None:
    """The unit of measure a count is said in (vocabulary.UNIT_NAMES, from CLDR), named by
    the next word or the one after it ("14 hari", "3 kilometres", "390 cubic metres", "930
    meter kubik", "0.12 percentage points"); None when neither names one."""
    found = _NEXT_WORDS.match(text, anchor.end)
    if not found:
        return None
    first = _UNITS.get(fold_word(found[1]))
    return first or (_UNITS.get(fold_word(found[2])) if found[2] else None)


def _value(anchor: Anchor, following: Anchor | None, text: str) -> Value | None:
    qualifier = anchor.qualifier
    if anchor.kind == "year":
        if qualifier and qualifier.startswith("range:"):
            first, last = qualifier[6:].split("-")
            return Value("year", anchor, Decimal(first), Decimal(last))
        return Value("year", anchor, Decimal(anchor.value), qualifier=qualifier)
    if anchor.kind == "date":
        parts = _date_parts(anchor.value)
        return Value("date", anchor, date=parts) if parts else None
    number = _decimal(anchor.value.split()[0].rstrip("%"))
    if number is None:
        return None
    if anchor.kind == "money":
        currency = anchor.value.split()[1] if " " in anchor.value else ""
        return Value(f"money {currency}", anchor, number, qualifier=qualifier)
    if anchor.kind == "percent":
        return Value("percent", anchor, number, qualifier=qualifier)
    if anchor.kind == "number":
        unit = _unit(anchor, following, text)
        measure = _measure(anchor, text)
        return Value("count", anchor, number, unit=unit, qualifier=qualifier, measure=measure)
    return None


def _decimal(text: str) -> Decimal | None:
    mantissa, _, exponent = text.partition("e")
    try:
        return Decimal(mantissa).scaleb(int(exponent or 0))
    except (InvalidOperation, ValueError):
        return None


def _date_parts(value: str) -> tuple[int | None, int | None, int | None, int | None] | None:
    """(year, month, day, iso weekday) of a date anchor's value; None parts are unknown."""
    if value.startswith("weekday:"):
        return None, None, None, int(value.split(":")[1])
    if value.startswith("--"):
        month, day = value[2:].split("-")
        return None, int(month), int(day), None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        weekday = datetime.date(*parts).isoweekday()
        return parts[0], parts[1], parts[2], weekday
    if len(parts) == 2:
        return parts[0], parts[1], None, None
    return None


def verify(
    claim_text: str,
    claim: list[Anchor],
    passage_text: str,
    passage: list[Anchor],
    *,
    ranks: bool = False,
    lone: bool = False,
    transposed: bool = False,
) -> Check:
    """Compare the claim's values (anchors of ``claim_text``) with the passage's; see the
    module docstring. ``ranks``: compare the claim's one ordinal with the passage's too
    (``ordinals``; the caller asks it of a passage relevant enough to support the claim: a
    rank is said of many things, "the fourth largest reserves" beside "the ninth largest
    country"). ``lone``: a claim's only percentage against the passage's only one, said of
    the same word, disagrees whatever its magnitude (``_lone``; asked, as ``ranks``, of a
    passage relevant enough to support the claim). ``transposed``: a claim count under
    TRANSPOSED_PAIR pairs with the passage's one count that swaps its two digits too
    (``_paired_counts``; the caller asks it of a passage relevant enough to be shown)."""
    mine, theirs = values(claim_text, claim), values(passage_text, passage)
    mine_ranks, their_ranks = ordinals(claim_text), ordinals(passage_text)
    if ranks and len(mine_ranks) == 1 and their_ranks:  # one rank in the claim: its fact's
        mine, theirs = mine + mine_ranks, theirs + their_ranks
    found = _Findings()
    paired = _of_one_measure(_paired_counts(mine, theirs, transposed), mine, theirs)
    tied = _tied_years(mine, theirs)
    swapped = _swapped_counts(claim_text, mine, passage_text, theirs)
    for value, other in swapped:
        reason = f"number: claim {value.anchor.text} ≠ passage {other.anchor.text}"
        found.differ(reason, value, [other], doubtful=False)
    for value in mine:
        if any(value is v for v, _ in swapped):
            continue
        # a passage value that one of the claim's other values states is about that other
        # thing ("its 2025 budget ... its 2024 budget" against "APBD 2024"), unless it dates
        # the figure this value dates (``_tied_years``)
        others = [v for v in mine if v is not value]
        free = [
            v
            for v in theirs
            if id(v) in tied.get(id(value), ()) or not any(_same_value(o, v) for o in others)
        ]
        alone = lone and _lone(value, mine, theirs, claim_text, passage_text)
        _compare(value, free, found, paired, alone=alone)
    if any(not reason.startswith("year:") for reason in found.agree):
        for reason, span, spans in found.doubtful:
            found.disagree.append(reason)
            found.claim_spans.append(span)
            found.passage_spans += spans
    if found.disagree:
        stance = CONTRADICTS
    else:  # a claim value beside another quantity of its kind is not confirmed by the passage
        stance = SUPPORTS if found.agree and not found.unconfirmed else RELATED
    return Check(
        stance,
        tuple(dict.fromkeys(found.agree)),
        tuple(dict.fromkeys(found.disagree)),
        tuple(sorted(set(found.claim_spans))),
        tuple(sorted(set(found.passage_spans))),
        tuple(dict.fromkeys(found.unconfirmed)),
    )


# two counts joined by a conjunction, a few words apart: "dua mobil dan tiga sepeda motor",
# "three cars and two motorcycles", "12 rumah, 4 sekolah"
_COORDINATION = re.compile(
    r"\s+(?:[^\W\d_]+\s+){0,2}[^\W\d_]+(?:,?\s+(?:dan|serta|and|&)|,)\s+", re.IGNORECASE
)


def _coordinated(text: str, found: list[Value]) -> list[tuple[Value, Value]]:
    """Pairs of counts in a row that a conjunction (a closed class) joins, each with the
    words it counts: "Dua mobil dan tiga sepeda motor"."""
    return [
        (a, b)
        for a, b in itertools.pairwise(found)
        if a.slot == b.slot == "count"
        and _COORDINATION.fullmatch(text, a.anchor.end, b.anchor.start)
    ]


def _swapped_counts(
    claim_text: str, mine: list[Value], passage_text: str, theirs: list[Value]
) -> list[tuple[Value, Value]]:
    """(claim count, passage count) pairs that disagree because two coordinated counts
    traded places: the claim's "Dua mobil dan tiga sepeda motor" against the passage's
    "Three cars and two motorcycles". A coordination keeps its order when a statement is
    said again or translated, so each count is paired with the passage's count in its place,
    not with an equal one counting the other thing; unless the words counted say the passage
    merely put the two the other way round ("dua mobil dan tiga motor" / "tiga motor dan dua
    mobil")."""
    out = []
    for a1, a2 in _coordinated(claim_text, mine):
        if a1.number == a2.number:
            continue
        for b1, b2 in _coordinated(passage_text, theirs):
            if (a1.number, a2.number) != (b2.number, b1.number):
                continue
            if _same_thing(a1, b2) or _same_thing(a2, b1):
                continue  # the same two things, said the other way round
            out += [(a1, b1), (a2, b2)]
    return out


def _tied_years(mine: list[Value], theirs: list[Value]) -> dict[int, set[int]]:
    """{id of a claim year: ids of the passage years that date the same figure}. A year
    dates the figure right before it ("4.870 WNI dideportasi ... sepanjang 2026" / "4,870
    Indonesians were deported ... in 2025"): when the two figures are equal, the two years
    are about one statement, even if the claim names the passage's year for another figure
    ("... naik dari 3.950 orang pada 2025")."""
    theirs_dated = _dated_figures(theirs)
    return {
        id(year): {
            id(other)
            for other, same in theirs_dated
            if same.slot == figure.slot and same.number == figure.number
        }
        for year, figure in _dated_figures(mine)
    }


def _dated_figures(found: list[Value]) -> list[tuple[Value, Value]]:
    """(year, figure) pairs: a year said as a year right after a figure (a count, amount or
    percentage), within DATED_FIGURE_GAP characters."""
    return [
        (value, before)
        for before, value in itertools.pairwise(found)
        if value.slot == "year"
        and value.high is None
        and before.slot not in ("year", "date")
        and value.anchor.start - before.anchor.end <= DATED_FIGURE_GAP
    ]


def _paired_counts(
    mine: list[Value], theirs: list[Value], small: bool = False
) -> set[tuple[int, int]]:
    """Pairs (id of a claim count, id of a passage count) taken to count the same thing even
    when the words after them differ ("38 posko" / "42 temporary shelters": another language,
    or another word). Counts equal on both sides are paired first; of the rest, the only
    count on each side are a pair, and so are the passage's only count and the one claim
    count of its magnitude ("sekitar 310.000 pelanggan ... tiga minggu" / "some 130,000
    customers"), when each stands after as many of the equal counts as the other: the same
    place in a statement said twice ("400 penumpang dan 45 kendaraan" / "400 passengers and
    54 vehicles"), not a count of something else beside it ("Empat instansi ... 4.300
    personel" / "4,300 firefighters ... six helicopters"). A claim count and the one passage
    count with two of its digits swapped are a pair too, from TRANSPOSED_PAIR ("82.000
    penonton" / "28,000 people over two days"): the figure got wrong; under it when ``small``
    (a passage relevant enough to be shown: "37 WNA" / "73 foreigners from 12 countries"),
    where two-digit counts of two things in passages about other facts share their digits by
    chance ("younger than 14" / "41 orang luka-luka"). Counts that are the parts of a total
    said before them (``_parts``) are left out of the rest."""
    left = [v for v in mine if v.slot == "count"]
    other = [v for v in theirs if v.slot == "count"]
    equal = []
    for value in list(left):
        same = next((v for v in other if v.number == value.number), None)
        if same is not None:
            left.remove(value)
            other.remove(same)
            equal.append((value, same))
    # the parts of a total are counted within it, not beside it: "13 bodies ...: eleven
    # students and two workers" has one count left to pair, 13; and then only with the
    # claim's one count, not with one of several by its magnitude
    parts = _parts(mine) | _parts(theirs)
    unbroken = [v for v in left if id(v) not in parts], [v for v in other if id(v) not in parts]
    if len(unbroken[0]) + len(unbroken[1]) < len(left) + len(other) and len(unbroken[0]) > 1:
        return set()
    left, other = unbroken
    pairs = {
        (id(mine), id(theirs[0]))
        for mine in left
        if (small or mine.number >= TRANSPOSED_PAIR)
        and len(theirs := [v for v in other if _transposed(mine.number, v.number)]) == 1
    }
    if len(other) != 1 or not left:
        return pairs
    near = [v for v in left if _same_magnitude(v, other[0])]
    chosen = left[0] if len(left) == 1 else near[0] if len(near) == 1 else None
    if chosen is None:
        return pairs
    before = sum(a.anchor.start < chosen.anchor.start for a, _ in equal)
    if before != sum(b.anchor.start < other[0].anchor.start for _, b in equal):
        return pairs
    return pairs | {(id(chosen), id(other[0]))}


def _of_one_measure(
    pairs: set[tuple[int, int]], mine: list[Value], theirs: list[Value]
) -> set[tuple[int, int]]:
    """The pairs of ``_paired_counts`` but those of two counts of which one is said in a unit
    of measure (vocabulary.UNIT_NAMES: "14 hari", "3 kilometres") and the other is not said
    in that unit: a length is not a duration, nor a number of people ("sedalam 7 meter" /
    "Four people were hurt", "selama lima tahun" / "in three regencies")."""
    by_id = {id(v): v for v in (*mine, *theirs)}
    return {(a, b) for a, b in pairs if not _other_measures(by_id[a], by_id[b])}


def _other_measures(mine: Value, theirs: Value) -> bool:
    """Whether one of two counts is said in a unit of measure and the other in another word
    (another unit, or none: "sedalam 7 meter" / "Four people"); not when nothing is said after
    one of them, nor when the two words are one spelt two ways (``_same_thing``)."""
    if mine.measure == theirs.measure or mine.unit is None or theirs.unit is None:
        return False
    return not _same_thing(mine, theirs)  # "ton" / "tonnes": one word spelt two ways


def _parts(found: list[Value]) -> set[int]:
    """Ids of the counts that break down a total said just before them: two or more counts
    in a row, each within PART_GAP characters of the one before, that add up to it ("13
    bodies: eleven students and two workers", "lima tersangka, yakni empat WNI dan satu
    warga Thailand")."""
    counts = [v for v in found if v.slot == "count"]
    out: set[int] = set()
    for k, total in enumerate(counts):
        run, end = [], total.anchor.end
        for part in counts[k + 1 :]:
            if part.anchor.start - end > PART_GAP or sum(p.number for p in run) >= total.number:
                break
            run.append(part)
            end = part.anchor.end
        while len(run) >= 2 and sum(p.number for p in run) > total.number:
            run.pop()
        if len(run) >= 2 and sum(p.number for p in run) == total.number:
            out.update(id(p) for p in run)
    return out


def _same_value(mine: Value, theirs: Value) -> bool:
    """The same slot and the same value (a claim value that states a passage value)."""
    if mine.slot != theirs.slot:
        return False
    if mine.slot == "date":
        return mine.date == theirs.date
    return mine.number is not None and mine.number == theirs.number


def _compare(
    value: Value,
    theirs: list[Value],
    found: _Findings,
    paired: set[tuple[int, int]] = frozenset(),
    doubtful: bool = False,
    alone: bool = False,
) -> None:
    """Add what one claim value agrees or disagrees with among the passage's values;
    ``paired``: counts taken to count the same thing (``_paired_counts``); ``doubtful``: a
    disagreement needs another value that agrees (``_Findings.doubtful``)."""
    if value.slot == "date":
        _compare_date(value, theirs, found)
        return
    if value.slot == "ordinal":
        _compare_ordinal(value, theirs, found)
        return
    if value.slot == "year":
        # a full date's year confirms the claim's year, but a date is often another event
        # ("said on Thursday, Nov. 6, 2025"), so only a year said as a year contradicts it
        dated = [_year_of(v) for v in theirs if v.slot == "date" and v.date and v.date[0]]
        if any(_numbers_agree(value, v) for v in dated):
            found.agree.append(f"year: {_shown(value)}")
            return
        others = [v for v in theirs if v.slot == "year"]
    elif value.slot == "count":
        # the same number agrees whatever it counts (weak, but true); anything looser than
        # equality, and any disagreement, needs the same thing counted
        same = [
            v
            for v in theirs
            if v.slot == "count" and ((id(value), id(v)) in paired or _same_thing(value, v))
        ]
        if any(v.slot == "count" and v.number == value.number for v in theirs) or any(
            _numbers_agree(value, v) for v in same
        ):
            found.agree.append(f"number: {value.anchor.text}")
            return
        others = same
    else:
        others = [v for v in theirs if v.slot == value.slot]
    if not others:
        return
    label = _label(value)
    matching = [v for v in others if _numbers_agree(value, v)]
    if matching:
        found.agree.append(f"{label}: {_shown(value)}")
        return
    if value.slot != "year":
        near = [v for v in others if _same_magnitude(value, v)]
        others = others if alone and not near else near
        if not others:  # the passage measures something else: the claim's value is unconfirmed
            found.unconfirmed.append(label)
            return
    shown = ", ".join(dict.fromkeys(_shown(v) for v in others))
    found.differ(f"{label}: claim {_shown(value)} ≠ passage {shown}", value, others, doubtful)


def _lone(
    value: Value, mine: list[Value], theirs: list[Value], claim_text: str, passage_text: str
) -> bool:
    """Whether ``value`` is a percentage, the claim's only one, and the passage's only
    percentage is said of the same word, not a function word ("a 5 percent service fee" /
    "a 15 percent service fee"): one share of one thing, whatever its magnitude, where
    SAME_QUANTITY_RATIO would call three times the claim's a share of something else.
    Measured and not kept (the fifth session's match12, all twelve dev files): a lone
    percentage with no word to tie it, +1 plant for +8 flagged distractors; with amounts
    too, +3 for +56 (and a false disagreement); and counts, +9 for +140 (and 17)."""
    if value.slot != "percent":
        return False
    mine_ = [v for v in mine if v.slot == "percent"]
    theirs_ = [v for v in theirs if v.slot == "percent"]
    if len(mine_) != 1 or len(theirs_) != 1:
        return False
    a = _NEXT_WORD.match(claim_text, value.anchor.end)
    b = _NEXT_WORD.match(passage_text, theirs_[0].anchor.end)
    if not a or not b or fold_word(a[1]) in _FUNCTION_WORDS:
        return False
    return _same_thing(
        replace(value, unit=f"word:{fold_word(a[1])}"),
        replace(theirs_[0], unit=f"word:{fold_word(b[1])}"),
    )


def _compare_ordinal(value: Value, theirs: list[Value], found: _Findings) -> None:
    """The claim's one rank against the passage's: the same rank agrees; another disagrees
    only when the passage has one rank, which then ranks the same thing ("daerah ke-21" /
    "the 12th region"): a rank is no quantity, so no magnitude spares it ("kesembilan" /
    "19th")."""
    others = [v for v in theirs if v.slot == "ordinal"]
    if any(v.number == value.number for v in others):
        found.agree.append(f"rank: {value.anchor.text}")
    elif len(others) == 1:
        reason = f"rank: claim {value.anchor.text} ≠ passage {others[0].anchor.text}"
        found.differ(reason, value, others, doubtful=False)


def _shown(value: Value) -> str:
    """How a value reads in a reason: its text, a range as "2020-2021"."""
    if value.high is not None:
        return f"{value.number}-{value.high}"
    return value.anchor.text


def _label(value: Value) -> str:
    return {"year": "year", "percent": "percentage", "count": "number"}.get(
        value.slot, "amount" if value.slot.startswith("money") else value.slot
    )


def _month_of_year(value: Value) -> bool:
    """Whether a date is a month of a year ("sejak Maret 2024"): the claim's year said more
    precisely, compared with the passage's years said as years (never the day a report was
    said on, as a full date may be). Years alone are common in any report on a topic, so
    the comparison needs another value of the claim stated alike (``_Findings.doubtful``)."""
    year, month, day, _ = value.date
    return year is not None and month is not None and day is None


def _year_of(value: Value) -> Value:
    return Value("year", value.anchor, Decimal(value.date[0]))


def _same_thing(mine: Value, theirs: Value) -> bool:
    """Two counts count the same thing when the same term follows both, or words that are
    one word spelt two ways: one begins the other ("ton", "tonnes"), they differ only in
    their last SAME_WORD_TAIL letters ("kilometer", "kilometres"), or are spelt alike in two
    languages ("tiket", "ticket"; "hektare", "hectare"); or two names of one unit of measure
    (vocabulary.UNIT_NAMES, from CLDR: "jam", "hours"; "km", "kilometres"; "hari", "days")."""
    if mine.unit is None or theirs.unit is None:
        return False
    if mine.unit.startswith("term:") or theirs.unit.startswith("term:"):
        return mine.unit == theirs.unit
    a, b = sorted((mine.unit[5:], theirs.unit[5:]), key=len)
    if len(a) >= 3 and b.startswith(a):
        return True
    if mine.measure is not None and mine.measure == theirs.measure:
        return True
    common = len(os.path.commonprefix([a, b]))
    return common >= SAME_WORD_STEM and common >= len(a) - SAME_WORD_TAIL or spelt_alike(a, b)


def _unit_names() -> dict[str, str]:
    """vocabulary.UNIT_NAMES by the folded word a count's unit is read as ("hours" ->
    "hour"); a folded word two units would share is left out."""
    units: dict[str, set[str]] = {}
    for word, unit in UNIT_NAMES.items():
        units.setdefault(fold_word(word), set()).add(unit)
    return {word: found.pop() for word, found in units.items() if len(found) == 1}


_UNITS = _unit_names()


def numbers_agree(mine: Value, theirs: Value) -> bool:
    """Whether two values' numbers agree (see ``_numbers_agree``), whatever they count."""
    return _numbers_agree(mine, theirs)


def _numbers_agree(mine: Value, theirs: Value) -> bool:
    """Equal, equal at the precision of the rounder one (if it keeps three significant
    digits; never for years: 2030 is not 2026 rounded), or allowed by a qualifier on either
    side; but never two different maxima (``_same_bound``), nor one figure's digits
    in another order: a report that transposes 312 into "some 321" got it wrong, and its
    "some" does not excuse it. Two estimates ("sekitar 83 persen" / "around 89 percent")
    agree only when one is the other said rounder ("about 310,000" / "some 300,000"): each
    states its own figure, which the other's "about" does not stretch to."""
    a, b = mine.number, theirs.number
    if a is None or b is None:
        return False
    if mine.high is not None or theirs.high is not None:  # ranges overlap
        return a <= (theirs.high or b) and b <= (mine.high or a)
    rounding = mine.slot != "year" and theirs.slot != "year"
    if a == b or rounding and (_rounds_to(a, b) or _rounds_to(b, a)):
        return True
    if _same_bound(mine.qualifier, theirs.qualifier) or _transposed(a, b):
        return False
    if mine.qualifier == theirs.qualifier == "about":  # two estimates: one, said rounder
        return _rounds_to(a, b, 1) or _rounds_to(b, a, 1)
    return _allowed(mine.qualifier, a, b, _in_digits(mine)) or _allowed(
        theirs.qualifier, b, a, _in_digits(theirs)
    )


def _in_digits(value: Value) -> bool:
    """Whether a value is written in digits ("1.900", not "dua pertiga")."""
    return any(c.isdigit() for c in value.anchor.text)


def _same_bound(mine: str | None, theirs: str | None) -> bool:
    """Whether both values are stated as a maximum ("up to 1 million" / "up to 500,000",
    "maksimal Rp 2 juta"): each states the limit itself, so two different maxima disagree,
    although one allows the other. Lower bounds are left to ``_allowed``: "at least 5 dead"
    and "at least 7 dead" are a toll counted twice, "more than 8 million" a rounder
    "more than 8.4 million", not two limits."""
    return mine == theirs == "at_most"


def _same_magnitude(mine: Value, theirs: Value) -> bool:
    """Two quantities within a factor of SAME_QUANTITY_RATIO, or the same digits in another
    order: a report that gets a figure wrong gets it near (38 for 42) or transposes its
    digits ("13,1" for "11.3", 41 for 14 percent, 410 for 140 kilometres); a figure several
    times another is a measure of something else (a part and the whole: a health budget
    beside the city's budget), related but not a contradiction."""
    a, b = sorted((abs(mine.number), abs(theirs.number)))
    return (
        b <= a * SAME_QUANTITY_RATIO
        or _transposed(mine.number, theirs.number)
        or _scale_slip(mine, theirs)
        or _digit_slip(mine, theirs)
    )


def _digit_slip(mine: Value, theirs: Value) -> bool:
    """Whether two figures written in digits with one scale word (or none) are one misheard
    or mistyped as the other: the larger written with a "1" before the smaller's digits ("Rp
    5 juta" / "15 million rupiah", "9 percent" / "19 percent", "50 tonnes" / "150 tonnes"),
    or a number from thirteen to nineteen (of units, thousands, millions...) said as its
    tens ("15 million" / "50 million", "14,000" / "40,000": the two sound alike in
    English). Such a slip ties the two to one fact more than their size sets them apart. Not
    a number in words ("lima tahun" / "15 years": a figure said in words is not mistyped
    into digits), nor a figure with decimals ("1.5 million" is no fifteen). It cannot tell
    a slip from two figures of one kind that happen to be so ("Rp 5 juta" for repairs beside
    "15 million rupiah" for each bereaved family); counts need the same thing counted.
    Percentages are left out: small shares of other things are "5" and "15" by chance too
    often ("a 5 percent service fee" / "15 percent of the ticket price"), and a lone share
    of one word is ``_lone``'s."""
    if mine.slot == "percent":
        return False
    scales = _written_scale(mine), _written_scale(theirs)
    if scales[0] is None or scales[0] != scales[1] or not _thousands(scales[0]):
        return False
    small, large = sorted((mine.number / scales[0], theirs.number / scales[1]))
    if small <= 0 or small != small.to_integral_value() or large != large.to_integral_value():
        return False
    small, large = int(small), int(large)
    if large - small == 10 ** len(str(small)):  # "5" / "15", "50" / "150"
        return True
    for k in range(0, 13, 3):  # thirteen to nineteen units, thousands, millions ...
        teen, rest = divmod(small, 10**k)
        if rest == 0 and 13 <= teen <= 19 and large == (teen - 10) * 10 ** (k + 1):
            return True
    return False


def _thousands(scale: Decimal) -> bool:
    """Whether ``scale`` is 1 or a power of a thousand (a scale word's: "juta", "billion")."""
    scale = scale.normalize()
    return scale == 1 or scale > 1 and scale.as_tuple().digits == (1,) and scale.adjusted() % 3 == 0


def _scale_slip(mine: Value, theirs: Value) -> bool:
    """Two amounts of one currency written with the same digits, each with a scale word, and
    one a thousand times the other ("Rp 2 juta" / "Rp 2 miliar": million for billion) or ten
    times ("Rp 500 juta" / "5 billion rupiah": half a billion said as five): the ways a report
    gets an amount wrong by its scale word. Not round figures on one scale ("Rp 1 miliar" /
    "Rp 10 miliar": a part and the whole), nor an amount written out ("Rp 100.000" / "Rp 100
    juta": a fee beside a budget), nor a hundred times (measured on the evaluation sets: only
    different amounts that happen to share their digits)."""
    if not mine.slot.startswith("money") or not mine.number or not theirs.number:
        return False
    a, b = sorted((mine.number.normalize(), theirs.number.normalize()))
    if a.as_tuple().digits != b.as_tuple().digits or b / a not in (10, 1000):
        return False
    scales = {_written_scale(mine), _written_scale(theirs)}
    return len(scales) == 2 and all(scale is not None and scale > 1 for scale in scales)


def _written_scale(value: Value) -> Decimal | None:
    """What the digits written in a value's text are multiplied by (1e6 in "Rp 500 juta")."""
    digits = re.sub(r"\D", "", value.anchor.text)  # not int(): a hostile page's run of digits
    return value.number / Decimal(digits) if digits.strip("0") else None


def transposition(
    claim_text: str, claim: list[Anchor], passage_text: str, passage: list[Anchor], check: Check
) -> bool:
    """Whether one of ``check``'s disagreements is a claim figure from TRANSPOSED_PAIR, or a
    smaller one of one measure (``_one_measure``: "8,5 hektare" / "5.8 hectares"), said in
    the passage with two of its digits swapped ("1.860 batang" / "1,680 logs"): the way a
    report gets that very figure wrong, which ties the passage to the claim's fact more
    than any wording does."""
    mine = [v for v in values(claim_text, claim) if v.number is not None]
    theirs = [v for v in values(passage_text, passage) if v.number is not None]
    mine = [v for v in mine if (v.anchor.start, v.anchor.end) in check.claim_spans]
    theirs = [v for v in theirs if (v.anchor.start, v.anchor.end) in check.passage_spans]
    return any(
        (a.number >= TRANSPOSED_PAIR or _one_measure(a, b)) and _transposed(a.number, b.number)
        for a in mine
        for b in theirs
    )


def _one_measure(mine: Value, theirs: Value) -> bool:
    """Whether two values measure one thing by what they are, not only by where they stand:
    two percentages, two amounts of one currency, two counts of one word ("8,5 hektare" /
    "5.8 hectares"). A figure under TRANSPOSED_PAIR shares its digits with another by chance
    only when the two count different things ("younger than 14" / "41 injured")."""
    if mine.slot != theirs.slot:
        return False
    return mine.slot != "count" or _same_thing(mine, theirs)


def day_off(
    claim_text: str, claim: list[Anchor], passage_text: str, passage: list[Anchor], check: Check
) -> bool:
    """Whether one of ``check``'s disagreements is a claim's day said in the passage as the
    day before or after it ("Senin, 2 Maret 2026" / "Tuesday, March 3", "Minggu, 1 November
    2026" / "Saturday, Oct. 31"): the way a report gets that very date wrong (a time zone, the
    night an event began), which ties the passage to the claim's fact more than any wording
    does. A passage date without a year is read in the claim's; weekdays alone are not
    compared (each is a day off from two others every week)."""
    mine = [v for v in values(claim_text, claim) if v.slot == "date"]
    theirs = [v for v in values(passage_text, passage) if v.slot == "date"]
    mine = [v for v in mine if (v.anchor.start, v.anchor.end) in check.claim_spans]
    theirs = [v for v in theirs if (v.anchor.start, v.anchor.end) in check.passage_spans]
    return any(_days_apart(a.date, b.date) == 1 for a in mine for b in theirs)


def _days_apart(mine, theirs) -> int | None:
    """Days between two dates that give a month and a day, the year of either standing for
    a missing one; None when they cannot be placed (no day, or no year on either side)."""
    (y1, m1, d1, _), (y2, m2, d2, _) = mine, theirs
    year1, year2 = y1 or y2, y2 or y1
    if None in (year1, year2, m1, m2, d1, d2):
        return None
    try:
        return abs((datetime.date(year1, m1, d1) - datetime.date(year2, m2, d2)).days)
    except ValueError:  # "31/2": no such day
        return None


def _transposed(a: Decimal, b: Decimal) -> bool:
    """Whether two numbers of the same magnitude are written with two of their digits
    swapped (410 and 140, 5.840 and 5,480; not 14 and 140, nor 2.614 and 4.216, whose
    digits are the same by chance)."""
    a, b = a.normalize(), b.normalize()
    if a == b or a.adjusted() != b.adjusted():
        return False
    x, y = a.as_tuple().digits, b.as_tuple().digits
    x, y = x + (0,) * (len(y) - len(x)), y + (0,) * (len(x) - len(y))
    differ = [k for k in range(len(x)) if x[k] != y[k]]
    return len(differ) == 2 and x[differ[0]] == y[differ[1]] and x[differ[1]] == y[differ[0]]


def _rounds_to(
    precise: Decimal, rounder: Decimal, significant: int = SIGNIFICANT_FOR_ROUNDING
) -> bool:
    """``precise`` rounded to the last digit of ``rounder`` is ``rounder``, and ``rounder``
    has at least ``significant`` significant digits."""
    rounder = rounder.normalize()
    digits = len(rounder.as_tuple().digits)
    if digits < significant or rounder == 0:
        return False
    step = Decimal(1).scaleb(rounder.as_tuple().exponent)
    return abs(precise - rounder) <= step / 2


def _allowed(qualifier: str | None, stated: Decimal, other: Decimal, digits: bool = False) -> bool:
    """Whether ``other`` fits a value stated as "``qualifier`` ``stated``". "Nearly" allows
    a tenth under ``stated``; of a figure written in ``digits`` only what rounds to it at
    its last digit ("hampir 1.900": 1,850 to 1,900; not 1,780, a figure said as "nearly
    1,800"). A fraction or a number in words ("hampir dua pertiga") is rough: the tenth."""
    if qualifier in ("more", "at_least"):
        return other > stated or (qualifier == "at_least" and other == stated)
    if qualifier in ("less", "at_most"):
        return other < stated or (qualifier == "at_most" and other == stated)
    if qualifier == "about":
        return abs(other - stated) <= abs(stated) / 10
    if qualifier == "nearly":
        low = stated * Decimal("0.9")
        if digits:  # just under a figure said in digits, which ``other`` rounds to
            low = max(low, stated - Decimal(1).scaleb(stated.normalize().as_tuple().exponent) / 2)
        return low <= other <= stated
    return False


def _compare_date(value: Value, theirs: list[Value], found: _Findings) -> None:
    """A claim's date against the passage's dates, each by the parts both know."""
    others = [v for v in theirs if v.slot == "date"]
    comparable = [(v, _date_verdict(value.date, v.date)) for v in others]
    comparable = [(v, verdict) for v, verdict in comparable if verdict is not None]
    if not comparable:
        if _month_of_year(value):  # "sejak Maret 2024" / "since 2023": only to disagree, a
            as_year = _Findings()  # year agreeing alone being too common to support
            _compare(_year_of(value), theirs, as_year, doubtful=True)
            found.doubtful += as_year.doubtful
        return
    agreeing = [(v, verdict) for v, verdict in comparable if verdict]
    if agreeing:
        v = agreeing[0][0]
        how = " (its weekday)" if v.date[:3] == (None, None, None) else ""
        found.agree.append(f"date: {value.anchor.text}{how} = {v.anchor.text}")
        return
    shown = ", ".join(dict.fromkeys(v.anchor.text for v, _ in comparable))
    reason = f"date: claim {value.anchor.text} ≠ passage {shown}"
    found.differ(reason, value, [v for v, _ in comparable], doubtful=False)


def _date_verdict(mine, theirs) -> bool | None:
    """True when two dates agree, False when they differ, None when they cannot be compared.

    Two days compare by the parts both give (year, month, day); a weekday compares with a
    weekday or with a full date's weekday; a month compares with a month, and agrees with a
    day in it (a different day elsewhere in the passage may be another event: no verdict).
    """
    (y1, m1, d1, w1), (y2, m2, d2, w2) = mine, theirs
    if d1 is not None and d2 is not None:
        return m1 == m2 and d1 == d2 and (y1 is None or y2 is None or y1 == y2)
    if w1 is not None and w2 is not None and (d1 is None or d2 is None):
        return w1 == w2
    if d1 is None and d2 is None and m1 is not None and m2 is not None:
        return (y1, m1) == (y2, m2)
    if m1 is not None and m2 is not None and y1 is not None and y2 is not None:
        return True if (y1, m1) == (y2, m2) else None
    return None
