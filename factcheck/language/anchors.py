"""The one recogniser: numbers, amounts, percentages, years, dates, places, glossary terms and
names in a text, with their spans and a value that is the same in every language.

``12,4 miliar dolar AS`` and ``$12.4 billion`` both become ``money 12.4e9 USD``;
``6 November 2025`` and ``Nov. 6, 2025`` become ``date 2025-11-06``; ``Uni Emirat Arab``
and ``UAE`` become ``place AE``; ``Kesepakatan Abraham`` becomes ``term abraham accords``.
Extraction (factcheck.articles.extract) asks for the kinds that make a sentence checkable;
the matcher (factcheck.matching) asks for the kinds it compares (COMPARED_KINDS) through
``facets`` and ``Profile``.

Kinds and their values:

- ``number`` ``12.4e9`` (exponent a multiple of three), ``year`` ``1992``, ``percent`` ``6.2%``,
  ``money`` ``12.4e9 USD``, ``quantity`` ``~1e3`` (a rough count: "ribuan", "thousands");
  a number, amount or percentage said with a qualifier ("more than 30", "sekitar 1.500")
  carries it in ``qualifier`` (more, less, at_least, at_most, about, nearly: vocabulary
  .QUALIFIERS), and each year of a range ("2020-2021") carries ``range:2020-2021``;
- ``date`` ``2025-11-06``, ``2025-11``, ``--11-06`` (no year) or ``weekday:4``;
  ``month`` ``--11`` (a month named alone: "pada November");
- ``place`` ``AE`` (ISO 3166), ``term`` ``abraham accords`` (glossary), ``name`` (a run of
  capitalised words that is none of the above: "Lena Ortiz").

To recognise something new, add its pattern to the finder of its kind (``_dates``,
``_numbers``, ``_phrases``, ``_names``) and, if it is a new kind, to KINDS; callers that do not
ask for a kind never see it. Tables (months, scale words, currencies...) are in
factcheck.language.vocabulary, places and terms in factcheck.language.glossary.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

from babel.numbers import NumberFormatError, parse_decimal

from factcheck.language.glossary import Glossary, load_glossary
from factcheck.language.identify import identify_language
from factcheck.language.lexicon import fold_word, token_spans, words
from factcheck.language.vocabulary import (
    ABBREVIATIONS_NEVER_FINAL,
    CURRENCIES,
    CURRENCY_NAMES,
    CURRENCY_SIGNS,
    FRACTION_HALVES,
    FRACTION_WORDS,
    HALF_WORDS,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MONTHS,
    NOT_A_HALF,
    NUMBER_SEPARATORS,
    NUMBER_WORDS,
    ONE_WORDS,
    PERCENT_WORDS,
    QUALIFIERS,
    QUANTITY_WORDS,
    SCALES,
    STOPWORDS,
    UNIT_NAMES,
    WEEKDAYS,
    alternation,
    word_trie,
)

__all__ = [
    "COMPARED_KINDS",
    "KINDS",
    "Anchor",
    "Profile",
    "extract_anchors",
    "facets",
    "overlaps",
]

KINDS = frozenset(
    ("number", "year", "percent", "money", "quantity", "date", "month", "place", "term", "name")
)
# The kinds each finder of numbers and dates can give (extract_anchors skips a finder that
# gives none of the kinds asked for).
_DATE_FINDS = frozenset(("date", "month", "year"))
_NUMBER_FINDS = frozenset(("number", "year", "percent", "money", "quantity"))
# What the matcher compares today; "quantity", "month" and "name" wait for it to learn them.
COMPARED_KINDS = frozenset(("number", "year", "percent", "money", "date", "place", "term"))


@dataclass(frozen=True)
class Anchor:
    """One anchor: its kind, its normalised value, the text it came from and where."""

    kind: str
    value: str
    text: str
    start: int
    end: int
    qualifier: str | None = None  # how exact a number is, or the range a year is part of

    @property
    def span(self) -> tuple[int, int]:
        """(start, end) of the anchor in its text."""
        return self.start, self.end


def extract_anchors(
    text: str,
    lang: str | None = None,
    glossary_path: str | None = None,
    kinds: Collection[str] = KINDS,
) -> list[Anchor]:
    """Anchors of the given ``kinds`` in ``text``, ordered by position, never overlapping.

    ``lang`` ("id", "en", ...) decides how ``1.500`` is read and whether ``AS`` is a place;
    when None it is identified (factcheck.language.identify). ``glossary_path`` replaces the
    bundled glossary. Where two anchors would overlap, the earlier finder wins: dates, then
    numbers, then places and terms, then names.
    """
    lang = lang or identify_language(text)
    found: list[Anchor] = []
    for finder, makes in ((_dates, _DATE_FINDS), (_numbers, _NUMBER_FINDS)):
        if makes.isdisjoint(kinds):
            continue  # none of its anchors would be kept, and a dropped one blocks nothing
        for anchor in finder(text, lang, kinds):
            if anchor.kind in kinds and not overlaps(anchor.span, [a.span for a in found]):
                found.append(anchor)
    if not {"place", "term"}.isdisjoint(kinds):
        glossary = load_glossary(glossary_path)
        found += [a for a in _phrases(text, lang, glossary, found) if a.kind in kinds]
    if "name" in kinds:
        found += _names(text, found)
    return sorted(found, key=lambda a: a.start)


def overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    """Whether ``span`` (start, end) shares a character with any of ``spans``."""
    start, end = span
    return any(start < e and s < end for s, e in spans)


# --- comparable keys: what the matcher compares ----------------------------------------


def facets(anchor: Anchor) -> list[str]:
    """Comparable keys of an anchor: a date also gives its year, money also its quantity."""
    kind, value = anchor.kind, anchor.value
    if kind == "date" and value[:4].isdigit():
        keys = [f"month:{value[:7]}", f"year:{value[:4]}"]
        if len(value) < 10:
            return keys
        weekday = datetime.date.fromisoformat(value).isoweekday()
        return [f"day:{value}", *keys, f"date:weekday:{weekday}"]
    if kind == "money":
        return [f"money:{value}", f"qty:{value.split()[0]}"]
    if kind == "number":
        digits = any(c.isdigit() for c in anchor.text)  # "five" agrees but never contradicts
        return [f"qty:{value}" if digits else f"qtyword:{value}"]
    return [f"{kind}:{value}"]


@dataclass(frozen=True)
class Profile:
    """What the matcher keeps of a text: its anchor facets, word stems and language."""

    lang: str
    facets: frozenset[str]
    words: tuple[str, ...]

    @classmethod
    def of(cls, text: str, lang: str | None = None, glossary_path: str | None = None) -> Profile:
        """Profile of ``text``; ``lang`` is identified when None."""
        lang = lang or identify_language(text)
        anchors = extract_anchors(text, lang, glossary_path, COMPARED_KINDS)
        keys = frozenset(key for anchor in anchors for key in facets(anchor))
        spans = [(a.start, a.end) for a in anchors]
        stems = dict.fromkeys(t.stem for t in token_spans(text, lang, spans))
        return cls(lang, keys, tuple(stems))

    def keys(self) -> list[str]:
        """Index keys: facets, words, and 5-letter prefixes and suffixes of long words."""
        keys = [*sorted(self.facets), *(f"w:{w}" for w in self.words)]
        keys += [f"<{w[:5]}" for w in self.words if len(w) >= 7]
        keys += [f">{w[-5:]}" for w in self.words if len(w) >= 7]
        return keys


# --- numbers, money, percentages, years -------------------------------------------------


_NUMBER = re.compile(
    rf"(?:(?<!\w)(?P<pre>(?-i:{alternation(CURRENCY_SIGNS)}))\.?\s?|(?<![\w.,])(?<![^\W\d_]-))"
    r"(?P<num>\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?![.,]?\d)(?=\W|$|(?:bn|mn|mln|tn|[mbk])\b)"
    rf"(?:\s?(?P<scale>{alternation(SCALES)})\b)?"
    rf"(?:\s(?P<post>(?-i:{alternation(c for c in CURRENCY_SIGNS if c.isalpha())})"
    rf"|{alternation(CURRENCY_NAMES)})\b)?"
    rf"(?P<pct>\s?%|\s(?:{alternation(PERCENT_WORDS)})\b)?",
    re.IGNORECASE,
)
_NUMBER_WORD = re.compile(
    rf"\b({word_trie(NUMBER_WORDS)})(\s(?:{alternation(HALF_WORDS)}))?\b", re.IGNORECASE
)
# a percentage said in words: a number word, then a percent word ("sixty-one percent")
_PERCENT_AFTER = re.compile(rf"\s(?:{alternation(PERCENT_WORDS)})\b", re.IGNORECASE)
_QUANTITY_WORD = re.compile(rf"\b({word_trie(QUANTITY_WORDS)})\b", re.IGNORECASE)
# a part of a group: a fraction in words, a half, or "N in M" ("three in four", "1 in 5",
# "nine out of ten"), read as a percentage
_ONE_OF = rf"one|{word_trie(NUMBER_WORDS)}|\d{{1,3}}"
_FRACTION = re.compile(
    rf"\b(?:(?P<words>{word_trie(FRACTION_WORDS)})|(?P<half>{alternation(FRACTION_HALVES)})"
    rf"|(?P<part>{_ONE_OF})\s(?:in|out\sof)\s(?P<whole>{_ONE_OF})(?![\d.,]\d))\b",
    re.IGNORECASE,
)
_NOT_A_HALF = re.compile(rf"\b(?:{alternation(NOT_A_HALF)})\s+$", re.IGNORECASE)


def _numbers(text: str, lang: str, kinds: Collection[str]) -> list[Anchor]:
    anchors = _fractions(text)  # first: "tiga perempat" is no 3, "2 in 3" no 2 and 3
    for m in _NUMBER.finditer(text) if _DIGIT.search(text) else ():  # (?P<num>) has digits
        scale = (m["scale"] or "").lower()
        if scale in ("m", "b", "k") and not m["pre"] and text[m.end("num")] == " ":
            scale = ""  # "5 m" is metres, "5m" or "$5 m" is millions
        number_lang = SCALES[scale][1] if scale else lang
        value = _parse_number(m["num"], number_lang)
        if value is None:
            continue
        end = m.end("scale") if scale else m.end("num")
        end = max(end, m.end("post"), m.end("pct"))
        start = m.start("pre") if m["pre"] else m.start("num")
        value *= SCALES[scale][0] if scale else 1
        kind, shown = _classify(m, scale, value)
        qualifier = _qualifier(text, start) if kind != "year" else None
        anchors.append(Anchor(kind, shown, text[start:end], start, end, qualifier))
    for m in _NUMBER_WORD.finditer(text):
        half = Decimal("0.5") if m[2] else 0
        value = canonical_number(Decimal(NUMBER_WORDS[m[1].lower()]) + half)
        qualifier = _qualifier(text, m.start())
        kind, end = "number", m.end()
        percent = _PERCENT_AFTER.match(text, end)  # "Sixty-one percent", "dua persen"
        if percent:
            kind, value, end = "percent", value + "%", percent.end()
        anchors.append(Anchor(kind, value, text[m.start() : end], m.start(), end, qualifier))
    for m in _one_before_unit().finditer(text):  # "satu tahun", "one hectare"
        qualifier = _qualifier(text, m.start())
        anchors.append(Anchor("number", "1", m[1], m.start(), m.end(1), qualifier))
    for m in _QUANTITY_WORD.finditer(text) if "quantity" in kinds else ():
        value = f"~1e{QUANTITY_WORDS[m[1].lower()]}"
        anchors.append(Anchor("quantity", value, m[1], m.start(), m.end()))
    return anchors


@cache  # compiled when first asked: the unit names' tree is long
def _one_before_unit() -> re.Pattern[str]:
    """The words "one" and "satu" right before the name of a unit of measure
    (vocabulary.UNIT_NAMES): a count of one ("satu tahun", "one hectare"), where either word
    alone is mostly idiom."""
    return re.compile(
        rf"\b({alternation(ONE_WORDS)})\s+(?=(?:{word_trie(UNIT_NAMES)})\b)", re.IGNORECASE
    )


def _fractions(text: str) -> list[Anchor]:
    """Parts of a group said in words ("tiga perempat pembeli", "two-thirds of voters",
    "separuh warga", "one in five children"), as percentages rounded to a tenth: "about"
    unless a qualifier says otherwise, since a fraction is a rounder way to say a share ("tiga
    perempat" agrees with 74 percent). A half right after a number ("dua setengah") is that
    number's."""
    out = []
    for m in _FRACTION.finditer(text):
        end = m.end()
        if m["words"]:
            part, whole = FRACTION_WORDS[" ".join(m["words"].lower().split())]
        elif m["half"]:
            if _NOT_A_HALF.search(
                text, max(0, m.start() - 12), m.start()
            ) or _number_word_end().search(text, max(0, m.start() - 30), m.start()):
                continue
            part, whole = 1, 2
            end = m.start() + len(m["half"].split()[0])  # "half", not "half of"
        else:
            part, whole = _small_number(m["part"]), _small_number(m["whole"])
            if not part or not whole or part >= whole:
                continue
        share = (Decimal(100 * part) / whole).quantize(Decimal("0.1"))
        value = canonical_number(share) + "%"
        qualifier = _qualifier(text, m.start()) or "about"
        out.append(Anchor("percent", value, text[m.start() : end], m.start(), end, qualifier))
    return out


@cache  # the number words' tree: compiled when a half is first found, not at import
def _number_word_end() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{word_trie(NUMBER_WORDS)}|\d+)\s+$", re.IGNORECASE)


def _small_number(raw: str) -> int | None:
    """A number of "N in M" written in digits or words ("one" included, as in "one in five")."""
    raw = " ".join(raw.lower().split())
    if raw.isdigit():
        return int(raw)
    return 1 if raw == "one" else NUMBER_WORDS.get(raw)


_QUALIFIER = re.compile(rf"(?<!\w)({word_trie(QUALIFIERS)})\s+$", re.IGNORECASE)


# "up to" as the particle of the phrasal verb "add up to": a total, not a maximum
_ADD_UP = re.compile(r"\badd(?:s|ed|ing)?\s+$", re.IGNORECASE)


def _qualifier(text: str, start: int) -> str | None:
    """The qualifier right before a number starting at ``start`` ("more than", "sekitar");
    not the "up to" of "add up to" ("the arrears add up to 10.3 billion rupiah": a total)."""
    found = _QUALIFIER.search(text, max(0, start - 30), start)
    if not found:
        return None
    qualifier = QUALIFIERS[" ".join(found[1].lower().split())]
    if qualifier == "at_most" and _ADD_UP.search(text, max(0, found.start() - 12), found.start()):
        return None
    return qualifier


def _parse_number(raw: str, lang: str) -> Decimal | None:
    """Read ``raw`` with ``lang``'s separators, falling back to the other convention."""
    if raw.isdigit():
        return Decimal(raw)
    for locale in dict.fromkeys((lang, "en", "id")):
        try:
            return _parse_decimal(raw, locale)
        except (NumberFormatError, ValueError):
            continue
    return None


def _parse_decimal(raw: str, locale: str) -> Decimal:
    """``parse_decimal(raw, locale=locale, strict=True)``. Babel loads the locale's whole CLDR
    file for it (about 50 ms of CPU, once per process); a number without the locale's group
    symbol ("2,1" in Indonesian), or grouped the way the locale groups ("1.500.000,50"), is
    read from the separators alone, as Babel reads it (tests/language/test_anchors.py compares
    the two on every shape the number pattern finds)."""
    group, point, grouping = NUMBER_SEPARATORS.get(locale, (None, None, None))
    if grouping == (3, 3) and (group not in raw or _grouped(group, point).fullmatch(raw)):
        try:
            return Decimal(raw.replace(group, "").replace(point, "."))
        except InvalidOperation:
            raise NumberFormatError(f"{raw!r} is not a valid decimal number") from None
    return parse_decimal(raw, locale=locale, strict=True)


@cache
def _grouped(group: str, point: str) -> re.Pattern[str]:
    """A number written with groups of three and no leading zero, as Babel writes one."""
    return re.compile(rf"[1-9]\d{{0,2}}(?:{re.escape(group)}\d{{3}})+(?:{re.escape(point)}\d+)?")


def _classify(m: re.Match[str], scale: str, value: Decimal) -> tuple[str, str]:
    currency = CURRENCIES.get((m["pre"] or m["post"] or "").lower().rstrip("."))
    if m["pct"]:
        return "percent", canonical_number(value) + "%"
    if currency:
        return "money", f"{canonical_number(value)} {currency}"
    # len first: int() refuses digit runs over 4,300 long (a hostile page has them)
    if not scale and len(m["num"]) == 4 and m["num"].isdigit() and 1900 <= int(m["num"]) <= 2100:
        return "year", m["num"]
    return "number", canonical_number(value)


def canonical_number(value: Decimal) -> str:
    """Write ``value`` with an exponent that is a multiple of three: 12.4e9, 1.5e6, 250."""
    value = value.normalize()
    if value == 0:
        return "0"
    exponent = 0
    while abs(value) >= 1000 and exponent < 15:
        value /= 1000
        exponent += 3
    mantissa = format(value.normalize(), "f")
    return f"{mantissa}e{exponent}" if exponent else mantissa


# --- dates --------------------------------------------------------------------------------

_MONTH = rf"(?P<month>{word_trie(MONTHS)})\.?"
_WEEKDAY = rf"(?P<weekday>{word_trie(WEEKDAYS)})"
_DATE_PATTERNS = [
    re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?!\d)"),
    re.compile(r"(?<![\d/])(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4})(?!\d)"),
    # "(6/11)", "(6/11/25)": Indonesian news dates an event in brackets after its weekday
    re.compile(r"\((?P<date>(?P<first>\d{1,2})/(?P<second>\d{1,2})(?:/(?P<year>\d\d))?)\)"),
    re.compile(
        rf"(?:\b{_WEEKDAY},?\s+(?:(?:tanggal|on|the)\s+)?)?(?<!\d)(?P<day>\d{{1,2}})\s+{_MONTH}"
        r"(?:,?\s+(?P<year>\d{4}))?(?!\d)",
        re.IGNORECASE,
    ),
    re.compile(
        # not "Oktober 2,1 persen" (a headline's "inflation in October: 2.1 percent")
        rf"(?:\b{_WEEKDAY},?\s+)?\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?![.,]\d)"
        r"(?:,?\s+(?P<year>\d{4}))?(?!\d)",
        re.IGNORECASE,
    ),
    re.compile(rf"\b{_MONTH}\s+(?:(?:tahun|of)\s+)?(?P<year>\d{{4}})(?!\d)", re.IGNORECASE),
    re.compile(rf"\b{_WEEKDAY}\b", re.IGNORECASE),
]
# a month named alone: a full name, or an abbreviation with its dot ("Jan" is a name)
_MONTH_ALONE = re.compile(
    rf"\b(?P<alone>(?:{word_trie(MONTH_NAMES)})(?!\w)|(?:{word_trie(MONTH_ABBREVIATIONS)})\.)",
    re.IGNORECASE,
)
_YEAR_RANGE = re.compile(r"(?<![\d.,])((?:19|20)\d\d)\s*[-–]\s*((?:19|20)?\d\d)(?![\d.,]?\d)")


# Every date pattern but the weekday's (the last) has a digit it cannot match without, and
# so has _YEAR_RANGE: a text without one is not searched with them (most clauses have none).
_DIGIT = re.compile(r"\d")
_WITH_DIGITS = frozenset(_DATE_PATTERNS[:-1])
# Nor is a text without a month's name searched with the four patterns that need one (each
# has it after a word boundary: "\b", or white space after a day's digits).
_MONTH_WORD = re.compile(rf"\b(?:{word_trie(MONTHS)})", re.IGNORECASE)
_WITH_MONTHS = frozenset((*_DATE_PATTERNS[3:6], _MONTH_ALONE))


def _dates(text: str, lang: str, kinds: Collection[str]) -> list[Anchor]:
    anchors: list[Anchor] = []
    digits = _DIGIT.search(text) is not None
    months = _MONTH_WORD.search(text) is not None
    for pattern in [*_DATE_PATTERNS, _MONTH_ALONE] if "month" in kinds else _DATE_PATTERNS:
        if (not digits and pattern in _WITH_DIGITS) or (not months and pattern in _WITH_MONTHS):
            continue
        for m in pattern.finditer(text):
            value = _date_value(m, lang)
            start, end = m.span("date") if m.groupdict().get("date") else m.span()
            kind = "month" if m.groupdict().get("alone") else "date"
            anchor = Anchor(kind, value or "", text[start:end], start, end)
            if value and not overlaps(anchor.span, [a.span for a in anchors]):
                anchors.append(anchor)
    anchors += _coordinated_days(text, anchors) if digits else []
    return anchors + (_year_ranges(text, anchors) if digits else [])


# a day said before a date and joined to it ("27 dan 28 Juni 2026"), or after one ("June 27
# and 28", then nothing more of the sentence's phrase): the same month's other day
_DAY_BEFORE = re.compile(r"(?<![\w.,])(\d{1,2})\s+(?:dan|and|&)\s+$", re.IGNORECASE)
_DAY_AFTER = re.compile(r"\s+(?:dan|and|&)\s+(\d{1,2})(?=\s*(?:[.,;:)]|$))", re.IGNORECASE)


def _coordinated_days(text: str, dates: list[Anchor]) -> list[Anchor]:
    """The other day of two joined by a conjunction around a date's day ("27 dan 28 Juni
    2026", "June 27 and 28"): a date of the same month and year (if it exists), which a lone
    number would otherwise be."""
    found = []
    for date in dates:
        head, _, day = date.value.rpartition("-")
        if date.kind != "date" or not day.isdigit():
            continue
        if head.startswith("--"):
            year, month = None, head[2:]
        elif head.count("-") == 1:
            year, month = head.split("-")
        else:
            continue
        before = _DAY_BEFORE.search(text, max(0, date.start - 12), date.start)
        for m in (before, _DAY_AFTER.match(text, date.end)):
            if m and int(m[1]) != int(day) and _real_day(year, int(month), int(m[1])):
                value = f"{head}-{int(m[1]):02d}"
                found.append(Anchor("date", value, m[1], m.start(1), m.end(1)))
    return found


def _year_ranges(text: str, taken: list[Anchor]) -> list[Anchor]:
    """Both years of "2020-2021" or "2015–16", each with its own span."""
    found = []
    for m in _YEAR_RANGE.finditer(text):
        first, last = m[1], m[2] if len(m[2]) == 4 else m[1][:2] + m[2]
        if first < last:
            within = f"range:{first}-{last}"
            pair = [Anchor("year", y, m[i], *m.span(i), within) for i, y in ((1, first), (2, last))]
            found += [a for a in pair if not overlaps(a.span, [t.span for t in taken])]
    return found


def _real_day(year: str | None, month: int, day: int) -> bool:
    """Whether the day exists: no 31 February, and 29 February only in a leap year (any
    29 February when the year is not given)."""
    if year is not None and len(year) == 2:
        year = f"20{year}"
    try:
        datetime.date(int(year) if year else 2000, month, day)
    except ValueError:
        return False
    return True


def _date_value(m: re.Match[str], lang: str) -> str | None:
    """ISO value of a date match: 2025-11-06, 2025-11, --11-06, --11 or weekday:4; None if
    the match is no date (a lower-case "may", a 13th month)."""
    groups = m.groupdict()
    for name in ("month", "weekday", "alone"):  # names must be capitalised: "may", "minggu"
        if groups.get(name) and not groups[name][0].isupper():
            return None
    if groups.get("alone"):
        return f"--{MONTHS[groups['alone'].rstrip('.').lower()]:02d}"
    if groups.get("weekday") and not groups.get("day"):
        return f"weekday:{WEEKDAYS[groups['weekday'].lower()]}"
    if groups.get("first"):  # 6/11/2025: day first in Indonesian, month first in English
        day_month = (groups["first"], groups["second"])
        groups["day"], groups["mnum"] = day_month if lang == "id" else day_month[::-1]
    month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower()]
    day = int(groups["day"]) if groups.get("day") else None
    if not 1 <= month <= 12 or (day is not None and not _real_day(groups.get("year"), month, day)):
        return None
    year = groups.get("year")
    year = f"20{year}" if year and len(year) == 2 else year
    if day is None:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


# --- places and glossary terms --------------------------------------------------------------


def _phrases(text: str, lang: str, glossary: Glossary, taken: list[Anchor]) -> list[Anchor]:
    """Longest glossary or place name starting at each word, skipping words already taken."""
    found: list[Anchor] = []
    taken_spans = [a.span for a in taken]
    spans = [w for w in words(text) if not overlaps(w, taken_spans)] if taken else words(text)
    keys = [_folded(text[s:e]) for s, e in spans]
    i = 0
    while i < len(spans):
        best, key = None, ""
        for j in range(i, len(spans)):
            if j > i and spans[j][0] - spans[j - 1][1] > 2:
                break  # words of a name are a space or a hyphen apart
            key = f"{key} {keys[j]}" if j > i else keys[j]
            if key not in glossary.prefixes:
                break
            surface = text[spans[i][0] : spans[j][1]]
            hit = _lookup(glossary, key, surface, lang)
            best = (hit, j, surface) if hit else best
        if best:
            (kind, value), j, surface = best
            found.append(Anchor(kind, value, surface, spans[i][0], spans[j][1]))
            i = j + 1
        else:
            i += 1
    return found


# fold_word remembered: extraction reads each sentence's words several times (the sentence, its
# clauses, their claim texts), and the words of an article repeat
_folded = lru_cache(maxsize=1 << 16)(fold_word)


def _lookup(glossary: Glossary, key: str, surface: str, lang: str) -> tuple[str, str] | None:
    """(kind, value) for a surface form, honouring capitals-only aliases and language."""
    for entry in glossary.names.get(key, ()):
        if entry.exact and surface.replace(".", "") != entry.exact:
            continue
        if entry.lang and entry.lang != lang:
            continue
        if entry.kind == "place" and not entry.exact and not surface[0].isupper():
            continue
        return entry.kind, entry.value
    return None


# --- names ------------------------------------------------------------------------------------

_CAPITAL_RUN = re.compile(r"\b[A-Z][\w'’/-]*(?:\s+(?:of\s+)?[A-Z][\w'’/-]*)*")


def _names(text: str, taken: list[Anchor]) -> list[Anchor]:
    """Runs of capitalised words that overlap no other anchor. A run that opens the text or a
    quote, or follows a colon, loses its first word: capitalised for grammar, not as a name."""
    found = []
    for m in _CAPITAL_RUN.finditer(text):
        start, label = m.start(), m.group()
        before = text[: m.start()]
        if not before.strip(' "“‘') or before[-1:] in '"“‘' or before.rstrip().endswith(":"):
            first, _, rest = label.partition(" ")
            start, label = start + len(first) + 1, rest
        if label.lower() in ABBREVIATIONS_NEVER_FINAL:
            continue  # a bare title such as "Dr" or "Tn" names nobody
        anchor = Anchor("name", label, label, start, start + len(label))
        if len(label) > 1 and not overlaps(anchor.span, [a.span for a in taken]):
            found.append(anchor)
    return found


# --- names whole, and the acronyms a text defines (for extraction's reasons and claimants) ----

_CAPITAL_WORD = r"(?:[A-Z][\w'’/-]*|[A-Z]\.)"
# a name never runs over a line break: "BBC News, Leeds\nLeeds City Council ..." is two lines
_GAP = r"[^\S\n]+"  # white space within a line
_WHOLE_NAME = re.compile(
    rf"{_CAPITAL_WORD}(?:(?:{_GAP}|{_GAP}(?:of|for|of the|dan|and|&){_GAP}){_CAPITAL_WORD})*"
)
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,7}\b")
_NAME_JOINERS = ("dan", "and", "&")
# compiled once (each was looked up in re's cache, on a slice of the text, per name)
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Z0-9]{1,7})\)")  # "... (BPS)", matched at its end
_NAME_PIECE = re.compile(r"[^’']+(?:['’](?!s\b)[^’']*)*")
_LEADING_S = re.compile(r"^s\s+")
_JOINER = re.compile(rf"\s+(?:{'|'.join(map(re.escape, _NAME_JOINERS))})\s+")
_WORD_AND_DOT_END = re.compile(r"\b(\w+)\.$")
_INITIALS_SKIP = frozenset(("of", "for", "the", "dan", "and", "&"))


def whole_names(
    text: str,
    lang: str,
    common: Collection[str] = (),
    acronyms: Collection[str] = (),
    known: Collection[str] | None = None,
) -> list[Anchor]:
    """Names with all their words ("Badan Pusat Statistik", "Bank Dunia", "Ministry of Finance",
    "Kementerian Energi dan Sumber Daya Mineral (ESDM)" without the brackets), as ``name``
    anchors whose value is the name; places and terms inside them are part of them.

    A run of capitalised words that opens the text or a quote loses its first word only when
    that word is a function word or one of ``common`` (words the article also writes in lower
    case). "dan"/"and" joins two runs only when an acronym in brackets after them spells their
    initials, or ``acronyms`` (the text's defined acronyms, ``acronym_definitions``) names
    them: "Bahrain dan Maroko" stays two names. With ``known`` (the capitalised words an
    article uses in mid-sentence), a single capitalised word opening a sentence is a name only
    when it is one of them ("Pernyataan itu ..." is no name, "Budi said ..." is).
    """
    found = []
    for m in _WHOLE_NAME.finditer(text):
        for start, end in _split_joined(text, m.start(), m.end(), acronyms):
            after = _ACRONYM_AFTER.match(text, end)
            vouched = after is not None and _spells(after[1], text[start:end])  # "... (BPS)"
            if not vouched and (known is None or text[start:end] not in known):
                start = _drop_common_opener(text, start, end, lang, common)
            if known is not None and _opens_sentence(text, start):
                first, _, rest = text[start:end].partition(" ")
                if first not in known and not first.isupper():
                    if not rest:
                        continue  # "Pernyataan itu ...": a capital for the sentence's sake
                    if all(w in known for w in rest.split()):
                        start = end - len(rest)  # "Keputusan Kazakhstan": the name is the rest
            for piece in _NAME_PIECE.finditer(text[start:end]):
                label = _LEADING_S.sub("", piece.group()).strip().rstrip(".")
                if not label or len(label) == 1 or label.lower() in ABBREVIATIONS_NEVER_FINAL:
                    continue  # "Port Aldwin's Department of Public Health": two names
                at = start + piece.start() + piece.group().index(label)
                found.append(Anchor("name", label, label, at, at + len(label)))
    return found


def _split_joined(
    text: str, start: int, end: int, acronyms: Collection[str]
) -> list[tuple[int, int]]:
    """The run at start:end, cut at "dan"/"and" unless an acronym vouches for it whole."""
    run = text[start:end]
    if not any(f" {j} " in run for j in _NAME_JOINERS):
        return [(start, end)]
    after = _ACRONYM_AFTER.match(text, end)
    named = {_initials(a) for a in acronyms}
    if (after and _spells(after[1], run)) or _initials(run) in named:
        return [(start, end)]
    pieces, at = [], start
    for joiner in _JOINER.finditer(run):
        before, after = text[at : start + joiner.start()], run[joiner.end() :]
        if _one_body(before, joiner.group().strip(), after) and not _written_alone(after, text):
            continue  # "North Dales Fire and Rescue Service": one name
        pieces.append((at, start + joiner.start()))
        at = start + joiner.end()
    return [*pieces, (at, end)]


def _one_body(before: str, joiner: str, after: str) -> bool:
    """Whether two capitalised runs joined by "dan"/"and" name one body by the place of its
    organisation noun: in English the noun closes the name, so a first run without one and a
    second that ends in one are one name ("North Dales Fire and Rescue Service", "Food and
    Drug Administration"); in Indonesian the noun opens it, so a first run holding one and a
    second opened by no organisation noun, title or acronym are one ("Dinas Peternakan dan
    Kesehatan Hewan Kabupaten Ngawen Raya"). What it cannot do: two bodies the second of
    which is written without its noun ("Dinas Pendidikan dan Polres" splits, "Kementerian
    Kesehatan dan Unicef" is taken for one), and a body whose name joins an acronym ("Dinas
    Koperasi dan UKM") stays cut."""
    heads = _organisation_heads()
    first, second = before.split(), after.split()
    if not first or not second:
        return False
    if joiner == "and":
        return second[-1].lower() in heads and first[-1].lower() not in heads
    if joiner != "dan" or not any(w.lower() in heads for w in first) or second[0].isupper():
        return False
    return second[0].lower() not in heads and second[0].lower() not in _person_titles()


def _written_alone(name: str, text: str) -> bool:
    """Whether ``text`` writes ``name`` somewhere not after "dan"/"and": a body of its own
    ("Kepolisian Resor X dan Bea Cukai" where the article also writes "Bea Cukai menyita
    ...")."""
    for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
        if not re.search(r"\b(?:dan|and|&)\s+$", text[max(0, m.start() - 5) : m.start()]):
            return True
    return False


@cache
def _organisation_heads() -> frozenset[str]:
    from factcheck.language import markers  # markers is built on this module's vocabulary

    return frozenset(w for w in markers.ORGANISATION_HEADS if " " not in w)


@cache
def _person_titles() -> frozenset[str]:
    from factcheck.language import markers

    return frozenset(w.split()[0] for w in markers.PERSON_TITLES)


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start].rstrip(' "“‘([')
    if start > 40 and not before:
        before = text[:start].rstrip(' "“‘([')
    dotted = _WORD_AND_DOT_END.search(before) if before.endswith(".") else None
    if dotted:
        word = dotted[1].lower()
        if word in ABBREVIATIONS_NEVER_FINAL:
            return False  # "Dr. Helena Marsh": a title's dot ends no sentence
    return not before or before.endswith((".", "!", "?", ":", "\n"))


def _drop_common_opener(text: str, start: int, end: int, lang: str, common) -> int:
    """Drop the first word of a run that opens the text, a sentence or a quote when it is a
    function word or a word the text writes in lower case elsewhere."""
    if not _opens_sentence(text, start):
        return start
    first = re.match(r"[\w'’/-]+", text[start:end])
    word = first.group().lower() if first else ""
    stop = STOPWORDS.get(lang, STOPWORDS["en"])
    if word in stop or word in STOPWORDS["en"] or word in common:
        rest = re.match(r"[\w'’/-]+\s*", text[start:end])
        return start + rest.end()
    return start


def _initials(name: str) -> str:
    """Initials of a name's words, function words left out: "Badan Pusat Statistik" -> "BPS"."""
    return "".join(w[0] for w in name.split() if w.lower() not in _INITIALS_SKIP).upper()


def _spells(acronym: str, name: str) -> bool:
    """Whether ``acronym`` is the initials of ``name`` or of its last words ("ESDM" for
    "Kementerian Energi dan Sumber Daya Mineral")."""
    initials = _initials(name)
    return len(acronym) >= 2 and initials.endswith(acronym.upper())


def acronym_definitions(text: str, lang: str) -> dict[str, str]:
    """Acronyms the text spells out, to their names: from "Badan Pusat Statistik (BPS)", or
    from any name in the text whose initials spell an acronym it uses ("PLN" and
    "Perusahaan Listrik Negara")."""
    used = {m.group() for m in _ACRONYM.finditer(text)}
    if not used:
        return {}
    runs = [m for m in _WHOLE_NAME.finditer(text) if " " in m.group()]
    out: dict[str, str] = {}
    for m in runs:
        name = m.group()
        after = _ACRONYM_AFTER.match(text, m.end())
        if after and _spells(after[1], name):
            out.setdefault(after[1], name)
    for m in runs:
        for start, end in _split_joined(text, m.start(), m.end(), ()):
            name = text[start:end]
            acronym = _initials(name)
            if acronym in used and len(acronym) >= 2 and name.count(" ") >= 1:
                out.setdefault(acronym, name)
    return out
