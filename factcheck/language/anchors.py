"""Language-independent anchors: numbers, dates, places and glossary terms, with spans.

An anchor is a piece of text whose meaning can be written the same way in every language:
``12,4 miliar dolar AS`` and ``$12.4 billion`` both become ``money 12.4e9 USD``;
``6 November 2025`` and ``Nov. 6, 2025`` become ``date 2025-11-06``; ``Uni Emirat Arab``
and ``UAE`` become ``place AE``; ``Kesepakatan Abraham`` becomes ``term abraham accords``.
The matcher (factcheck.matching.index) compares claims and passages through these values.

Place names come from Babel's CLDR territory names in several locales plus the glossary;
terms come from the glossary (factcheck/glossary.yaml, or a newsroom's own file).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import NumberFormatError, parse_decimal

from factcheck.language.lexicon import (
    CURRENCIES,
    MONTHS,
    NUMBER_WORDS,
    SCALES,
    WEEKDAYS,
    Glossary,
    fold_word,
    guess_lang,
    load_glossary,
    token_spans,
    tokens,
    words,
)

__all__ = ["Anchor", "Profile", "extract_anchors", "facets", "guess_lang", "tokens"]

KINDS = ("number", "year", "percent", "money", "date", "place", "term")


@dataclass(frozen=True)
class Anchor:
    """One anchor: its kind, its normalised value, the text it came from and where."""

    kind: str
    value: str
    text: str
    start: int
    end: int


def extract_anchors(
    text: str, lang: str | None = None, glossary_path: str | None = None
) -> list[Anchor]:
    """Return the anchors found in ``text``, ordered by position, never overlapping.

    ``lang`` ("id", "en", ...) decides how ``1.500`` is read and whether ``AS`` is a place;
    when None it is guessed from stopwords. ``glossary_path`` replaces the bundled glossary.
    """
    lang = lang or guess_lang(text)
    glossary = load_glossary(glossary_path)
    found: list[Anchor] = []
    taken: list[tuple[int, int]] = []
    for finder in (_dates, _numbers):
        for anchor in finder(text, lang):
            if not _overlaps(anchor, taken):
                found.append(anchor)
                taken.append((anchor.start, anchor.end))
    found.extend(_phrases(text, lang, glossary, taken))
    return sorted(found, key=lambda a: a.start)


def _overlaps(anchor: Anchor, taken: list[tuple[int, int]]) -> bool:
    return any(anchor.start < end and start < anchor.end for start, end in taken)


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
        """Profile of ``text``; ``lang`` is guessed when None."""
        lang = lang or guess_lang(text)
        anchors = extract_anchors(text, lang, glossary_path)
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
    r"(?P<pre>(?-i:US|A|S)?\$|(?-i:USD|IDR|EUR|GBP|Rp)\.?|€|£)?\s?"
    r"(?<![\w.,])(?P<num>\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?![.,]?\d)(?=\W|$|(?:bn|mn|mln|tn|[mbk])\b)"
    r"(?:\s?(?P<scale>" + "|".join(sorted(SCALES, key=len, reverse=True)) + r")\b)?"
    r"(?:\s(?P<post>(?-i:dolar AS|dolar Amerika Serikat|USD|IDR|EUR)|dolar|dollars?|rupiah"
    r"|euros?|pounds?)\b)?"
    r"(?P<pct>\s?%|\s(?:persen|percent|per cent)\b)?",
    re.IGNORECASE,
)
_NUMBER_WORD = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)


def _numbers(text: str, lang: str) -> list[Anchor]:
    anchors = []
    for m in _NUMBER.finditer(text):
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
        anchors.append(Anchor(kind, shown, text[start:end], start, end))
    for m in _NUMBER_WORD.finditer(text):
        value = Decimal(NUMBER_WORDS[m[1].lower()])
        anchors.append(Anchor("number", canonical_number(value), m[1], m.start(), m.end()))
    return anchors


def _parse_number(raw: str, lang: str) -> Decimal | None:
    """Read ``raw`` with ``lang``'s separators, falling back to the other convention."""
    if raw.isdigit():
        return Decimal(raw)
    for locale in dict.fromkeys((lang, "en", "id")):
        try:
            return parse_decimal(raw, locale=locale, strict=True)
        except (NumberFormatError, ValueError):
            continue
    return None


def _classify(m: re.Match[str], scale: str, value: Decimal) -> tuple[str, str]:
    currency = CURRENCIES.get((m["pre"] or m["post"] or "").lower().rstrip("."))
    if m["pct"]:
        return "percent", canonical_number(value) + "%"
    if currency:
        return "money", f"{canonical_number(value)} {currency}"
    if not scale and m["num"].isdigit() and 1900 <= int(m["num"]) <= 2100:
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

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")"
_DATE_PATTERNS = [
    re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?!\d)"),
    re.compile(r"(?<![\d/])(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4})(?!\d)"),
    re.compile(
        rf"(?:\b{_WEEKDAY},?\s+(?:(?:tanggal|on|the)\s+)?)?(?<!\d)(?P<day>\d{{1,2}})\s+{_MONTH}"
        r"(?:,?\s+(?P<year>\d{4}))?(?!\d)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?:\b{_WEEKDAY},?\s+)?\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
        r"(?:,?\s+(?P<year>\d{4}))?(?!\d)",
        re.IGNORECASE,
    ),
    re.compile(rf"\b{_MONTH}\s+(?:(?:tahun|of)\s+)?(?P<year>\d{{4}})(?!\d)", re.IGNORECASE),
    re.compile(rf"\b{_WEEKDAY}\b", re.IGNORECASE),
]


def _dates(text: str, lang: str) -> list[Anchor]:
    anchors: list[Anchor] = []
    taken: list[tuple[int, int]] = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            value = _date_value(m, lang)
            anchor = Anchor("date", value or "", m[0], m.start(), m.end())
            if value and not _overlaps(anchor, taken):
                anchors.append(anchor)
                taken.append((m.start(), m.end()))
    return anchors


def _date_value(m: re.Match[str], lang: str) -> str | None:
    """ISO value of a date match: 2025-11-06, 2025-11, --11-06 or weekday:4; None if invalid."""
    groups = m.groupdict()
    for name in ("month", "weekday"):  # names must be capitalised: "may", "minggu" are words
        if groups.get(name) and not groups[name][0].isupper():
            return None
    if groups.get("weekday") and not groups.get("day"):
        return f"weekday:{WEEKDAYS[groups['weekday'].lower()]}"
    if groups.get("first"):  # 6/11/2025: day first in Indonesian, month first in English
        day_month = (groups["first"], groups["second"])
        groups["day"], groups["mnum"] = day_month if lang == "id" else day_month[::-1]
    month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower()]
    day = int(groups["day"]) if groups.get("day") else None
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    year = groups.get("year")
    if day is None:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


# --- places and glossary terms --------------------------------------------------------------


def _phrases(
    text: str, lang: str, glossary: Glossary, taken: list[tuple[int, int]]
) -> list[Anchor]:
    """Longest glossary or place name starting at each word, skipping words already taken."""
    found: list[Anchor] = []
    spans = [w for w in words(text) if not any(s < w[1] and w[0] < e for s, e in taken)]
    keys = [fold_word(text[s:e]) for s, e in spans]
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
