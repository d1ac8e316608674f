"""Word lists for claim extraction (factcheck.articles.extract), Indonesian and English.

All lists are lower-case unless noted; matching is on whole words, case-insensitive
unless noted. Keeping them here, apart from the algorithm, lets a newsroom extend
them without touching code. The helpers at the end turn lists into patterns.
"""

from __future__ import annotations

import re
from functools import cache

from babel import Locale

# Abbreviations whose final dot never ends a sentence: titles, honorifics and
# words that are always followed by more text ("No. 5", "Jan. 2019", "vs. X").
ABBREVIATIONS_NEVER_FINAL = (
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "sen",
    "rep",
    "gov",
    "lt",
    "col",
    "capt",
    "sgt",
    "st",
    "mt",
    "rev",
    "hon",
    "nos",
    "vs",
    "v",
    "e.g",
    "i.e",
    "cf",
    "approx",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "agu",
    "okt",
    "des",
    # Indonesian titles and forms: Haji, Hajjah, Tuan, Nyonya, Saudara(i), Insinyur,
    # Doktorandus, Kiai Haji, "atas nama", "nomor", "tanggal", "Jalan".
    "h",
    "hj",
    "tn",
    "ny",
    "nn",
    "sdr",
    "sdri",
    "ir",
    "drs",
    "dra",
    "k.h",
    "a.n",
    "no",
    "tgl",
    "jl",
    "kab",
    "kec",
    "bpk",
)

# Abbreviations that may also end a sentence ("... of Acme Inc. The company ...").
# After these, a sentence only ends when the next word is a common sentence opener.
# List closers ("etc.", "dll.", "dsb.", "dst.", "tsb.") are not here: they end
# sentences so often that the plain rule (a capital follows) serves them best.
ABBREVIATIONS_MAYBE_FINAL = (
    "inc",
    "ltd",
    "co",
    "corp",
    "jr",
    "sr",
    "u.s",
    "u.k",
    "u.n",
    "a.m",
    "p.m",
    "s.h",
    "m.t",
    "m.si",
    "s.e",
    "ph.d",
)

# Words that typically open a sentence; used only after ABBREVIATIONS_MAYBE_FINAL.
SENTENCE_OPENERS = (
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "this",
    "that",
    "these",
    "those",
    "but",
    "and",
    "in",
    "on",
    "at",
    "his",
    "her",
    "its",
    "their",
    "there",
    "ia",
    "dia",
    "mereka",
    "kami",
    "ini",
    "itu",
    "namun",
    "pada",
    "di",
    "dalam",
    "menurut",
    "sementara",
    "selain",
    "hal",
    "para",
    "kata",
)

# Clause openers that are trimmed from the start of a claim: they link the claim
# to its neighbour but carry no checkable content.
LEADING_CONNECTIVES = (
    "selain itu",
    "namun demikian",
    "meskipun demikian",
    "akan tetapi",
    "sementara itu",
    "oleh karena itu",
    "karena itu",
    "di sisi lain",
    "namun",
    "meskipun",
    "walaupun",
    "walau",
    "kendati",
    "sementara",
    "sedangkan",
    "tetapi",
    "padahal",
    "dan",
    "serta",
    "however",
    "meanwhile",
    "moreover",
    "in addition",
    "additionally",
    "furthermore",
    "even though",
    "although",
    "though",
    "but",
    "and",
    "while",
    "whereas",
    "yet",
    "also",
)

# ", <word> " after which a new, independent clause starts (contrast or comparison).
CONTRAST_SPLITTERS = (
    "sementara",
    "sedangkan",
    "tetapi",
    "namun",
    "padahal",
    "but",
    "while",
    "whereas",
    "yet",
)

# ", <word> " that may join two independent clauses, or may close a list;
# extract.py tells them apart.
AND_SPLITTERS = ("dan", "serta", "and")

# Sentence-initial subordinators: "Meskipun X, Y" holds two claims, X and Y.
CONCESSIVE_OPENERS = (
    "meskipun",
    "walaupun",
    "walau",
    "kendati",
    "although",
    "though",
    "even though",
)

# Opinion or evaluation markers: the clause states a view, not a checkable fact.
OPINION_MARKERS = (
    "para pengamat menilai",
    "pengamat menilai",
    "para analis mencatat",
    "analis menilai",
    "menurut banyak pihak",
    "dipandang sebagai",
    "dianggap sebagai",
    "dinilai",
    "menilai bahwa",
    "diyakini",
    "berpendapat",
    "analysts say",
    "analysts said",
    "critics argue",
    "critics say",
    "critics said",
    "observers believe",
    "experts believe",
    "is seen as",
    "are seen as",
    "was seen as",
    "widely seen as",
    "seen as",
    "regarded as",
    "viewed as",
    "in my view",
    "arguably",
    "we believe",
    "i believe",
    "argue that",
    "argues that",
    "opponents argue",
    "supporters argue",
    "economists suggest",
    "experts suggest",
)

# Hedges: the writer is not sure, so the clause is not asserted as fact.
HEDGES = (
    "mungkin",
    "diperkirakan",
    "tampaknya",
    "bisa jadi",
    "barangkali",
    "sepertinya",
    "kemungkinan besar",
    "konon",
    "kabarnya",
    "may",
    "might",
    "could",
    "reportedly",
    "allegedly",
    "perhaps",
    "possibly",
    "likely",
    "apparently",
    "appears to",
    "seems to",
)

# Hedges that are also proper nouns when capitalised ("in May 2024").
LOWERCASE_ONLY_MARKERS = ("may",)

# Attribution verbs: someone on the record said it, which can be checked.
ATTRIBUTIONS = (
    "kata",
    "ujar",
    "ucap",
    "tutur",
    "ungkap",
    "menyatakan",
    "mengatakan",
    "menekankan",
    "menyebut",
    "menjelaskan",
    "menegaskan",
    "menurut",
    "mencatat",
    "said",
    "says",
    "told",
    "stated",
    "according to",
    "announced",
    "confirmed",
)

# First/only/largest comparisons: a favourite of misleading claims.
SUPERLATIVES = (
    "pertama",
    "satu-satunya",
    "terbesar",
    "terkecil",
    "tertinggi",
    "terendah",
    "terbanyak",
    "terbaik",
    "terburuk",
    "terakhir",
    "rekor",
    "first",
    "only",
    "largest",
    "biggest",
    "smallest",
    "highest",
    "lowest",
    "best",
    "worst",
    "record",
)

# Number words that count things ("lima negara"); "satu"/"one" are left out
# because they are mostly idiom ("salah satu", "one of").
NUMBER_WORDS = (
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
    "belasan",
    "puluhan",
    "ratusan",
    "ribuan",
    "jutaan",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "dozen",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
)

# Scale and unit words that belong to a number ("12,4 miliar", "52.3 percent").
NUMBER_SCALES = (
    "ribu",
    "juta",
    "miliar",
    "triliun",
    "persen",
    "thousand",
    "million",
    "billion",
    "trillion",
    "percent",
    "per cent",
)

MONTHS = (
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
    "january",
    "february",
    "march",
    "may",
    "june",
    "july",
    "august",
    "october",
    "december",
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
    "okt.",
    "des.",
    "agu.",
)

# Capitalised weekdays anchor an event in time ("pada Kamis", "on Sunday").
WEEKDAYS = (
    "Senin",
    "Selasa",
    "Rabu",
    "Kamis",
    "Jumat",
    "Sabtu",
    "Minggu",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)

# Short forms used in news copy that CLDR does not list (case-sensitive).
PLACE_ALIASES = ("AS", "US", "U.S.", "USA", "UK", "U.K.", "UEA", "UAE", "RI", "EU")

# CLDR territory codes that are not places a claim is about.
_NON_PLACE_CODES = frozenset({"001", "EZ", "UN", "QO", "ZZ", "XA", "XB"})


@cache
def place_names(language: str) -> frozenset[str]:
    """Country and region names for *language* ("id" or "en") from Babel's CLDR data.

    English names are always included, since Indonesian copy often uses them too.
    """
    names: set[str] = set(PLACE_ALIASES)
    for lang in {language, "en"}:
        territories = Locale.parse(lang).territories
        names.update(n for code, n in territories.items() if code not in _NON_PLACE_CODES)
    # Lower-case CLDR names ("world") would match ordinary words.
    return frozenset(n for n in names if n[:1].isupper())


def alternation(items: tuple[str, ...] | frozenset[str]) -> str:
    """Regex alternation of *items*, longest first so "Asia Tengah" wins over "Asia"."""
    return "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))


def word_pattern(items: tuple[str, ...], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Pattern matching any of *items* as whole words ("mungkin", not "memungkinkan")."""
    return re.compile(rf"(?<![\w-])(?:{alternation(items)})(?![\w-])", flags)


@cache
def place_pattern(language: str) -> re.Pattern[str]:
    """Case-sensitive pattern for the place names of *language*."""
    return word_pattern(tuple(place_names(language)), flags=0)


@cache
def marker_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """("opinion" or "hedge", pattern) for every opinion marker and hedge."""
    found = []
    for prefix, items in (("opinion", OPINION_MARKERS), ("hedge", HEDGES)):
        for item in items:
            flags = 0 if item in LOWERCASE_ONLY_MARKERS else re.IGNORECASE
            found.append((prefix, word_pattern((item,), flags)))
    return tuple(found)
