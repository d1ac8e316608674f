"""The language data every stage shares: months, weekdays, scale words, currencies, number
words, stopwords, units of measure, abbreviations and place names, for Indonesian and English.

Taken from Babel's CLDR data wherever CLDR has it (month and weekday names, the scale words of
compact numbers, currency names and symbols, unit names, territory names in many languages);
written by hand only where CLDR has nothing, and each such table says so. The recogniser
(factcheck.language.anchors), the sentence splitter (factcheck.language.sentences) and the word
folding (factcheck.language.lexicon) read these tables; nothing else keeps its own copy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from pathlib import Path

import babel

from factcheck.cachefolder import cached_json

# The languages whose names and numbers are known here; CLDR gives the same tables for any
# other locale, so adding one is adding its code (and its stopwords below).
LOCALES = ("id", "en")
CURRENCY_CODES = ("USD", "IDR", "EUR", "GBP", "SGD", "AUD")


@cache
def _cldr() -> dict:
    """The CLDR values this module reads, per locale (month, weekday, scale, percent and
    currency names), kept in the cache folder like ``territory_names``: Babel unpickles the
    two locales' whole files for them and imports its date module (about 0.1 s of CPU in every
    process); the file, named by Babel's version, is read in a millisecond. Lists keep CLDR's
    order, which the tables below keep."""
    # "v3": what the file holds; a change to _cldr_vocabulary changes it
    name = f"cldr-vocabulary-v3-babel-{babel.__version__}-{'-'.join(LOCALES + CURRENCY_CODES)}.json"
    return cached_json(name, _cldr_vocabulary)


def _cldr_vocabulary() -> dict:
    from babel import Locale, localedata
    from babel.numbers import (
        get_currency_name,
        get_currency_symbol,
        get_decimal_symbol,
        get_group_symbol,
    )
    from babel.units import get_unit_name

    tables = {}
    for locale in LOCALES:
        data = Locale.parse(locale)
        compact = data.compact_decimal_formats
        tables[locale] = {
            "months": {w: list(data.months["format"][w].items()) for w in ("wide", "abbreviated")},
            "days": list(data.days["format"]["wide"].items()),
            "scales": {
                w: [(m, p.pattern) for m, p in compact[w]["other"].items()]
                for w in ("long", "short")
            },
            "percent": get_unit_name("concentr-percent", locale=locale),
            "separators": [get_group_symbol(locale), get_decimal_symbol(locale)],
            "grouping": list(data.decimal_formats[None].grouping),
            "currency_symbols": [get_currency_symbol(code, locale) for code in CURRENCY_CODES],
            "currency_names": [
                [get_currency_name(code, count, locale) for count in (1, 2)]
                for code in CURRENCY_CODES
            ],
            "units": _unit_forms(
                Locale.parse(name)
                for name in (locale, f"{locale}_001")  # "en_001": "metres", "tonnes"
                if localedata.exists(name)
            ),
        }
    return tables


# The kinds of CLDR units a count is a measure of ("14 hari", "3 kilometres", "2 ha"): the
# units of time, and of the others the metric system's (METRIC_UNITS, with any prefix:
# "kilometer", "square-kilometer", "kilometer-per-hour"); an imperial unit's name is often an
# ordinary word ("stone", "foot", "pound", "point").
UNIT_CATEGORIES = ("length", "area", "volume", "mass", "duration", "speed", "power", "energy")
METRIC_UNITS = ("meter", "gram", "liter", "tonne", "hectare", "watt", "joule", "hour")


def _measures(unit: str) -> bool:
    """Whether a CLDR unit ("length-kilometer") is one of the units of UNIT_CATEGORIES."""
    category, *parts = unit.split("-")
    if category not in UNIT_CATEGORIES or parts[-1] == "person":
        return False
    if category == "duration":
        return True
    parts = parts[: parts.index("per")] if "per" in parts else parts
    return all(part.endswith(METRIC_UNITS) for part in parts if part not in ("square", "cubic"))


def _unit_forms(locales: Iterable) -> list[tuple[str, str]]:
    """(word, unit) pairs: each unit's names of one word after its number, long and short, one
    and many ("{0} kilometres" -> "kilometres", "{0} km" -> "km", "{0} jam" -> "jam"); names
    of several words ("meter kubik", "cubic metres"), of one letter ("m", "t") and patterns
    without a space ("{0}km") are left out."""
    found = []
    for data in locales:
        for unit, widths in data._data["unit_patterns"].items():
            for width in ("long", "short"):
                for count, pattern in (widths.get(width) or {}).items():
                    if count == "per" or not pattern.startswith("{0} "):
                        continue
                    word = pattern[4:].strip()
                    if len(word) >= 2 and word.isalpha():
                        found.append((word.lower(), unit))
    return sorted(set(found))


def word_list(text: str) -> list[str]:
    """A hand-written table: words separated by white space, phrases by commas."""
    if "," in text:
        return [" ".join(item.split()) for item in text.split(",") if item.strip()]
    return text.split()


def alternation(items: Iterable[str]) -> str:
    """Regex alternation of a table's ``items``, longest first, so that "dolar AS" wins over
    "dolar" and "selain itu" over "selain"."""
    return "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))


def word_trie(items: Iterable[str]) -> str:
    """``alternation(items)`` written as a tree of their letters: it matches what the
    alternation matches, trying the longest item first, but reads each letter once where the
    alternation tries every item in turn ("dua puluh lima", "dua puluh", "dua" share "dua").
    The regex engine meets the one matching branch at once (items differing in case only are
    not supported). The number words' pattern, run on every clause, took 5 times as long.
    """
    return _word_trie(tuple(items))


@cache  # the number words' tree is written for three patterns, in two modules
def _word_trie(items: tuple[str, ...]) -> str:
    tree: dict = {}
    for item in items:
        node = tree
        for char in item:
            node = node.setdefault(char, {})
        node[""] = {}  # an item ends here

    def branches(node: dict) -> str:
        found = [re.escape(char) + branches(child) for char, child in node.items() if char]
        if "" in node:
            return f"(?:{'|'.join(found)}|)" if found else ""  # longer first, then here
        return found[0] if len(found) == 1 else f"(?:{'|'.join(found)})"

    return branches(tree) if tree else ""


# --- months and weekdays --------------------------------------------------------------------

# Spellings CLDR does not list: the old Indonesian "Nopember" ("Nop.", "Agt."), the English
# "Sept.".
_MONTH_NAMES_NOT_IN_CLDR = {"nopember": 11}
_MONTH_ABBREVIATIONS_NOT_IN_CLDR = {"agt": 8, "sept": 9, "nop": 11}
# Weekday spellings CLDR does not list: "Jum'at" and "Ahad" (Sunday) in Indonesian.
_WEEKDAYS_NOT_IN_CLDR = {"jum'at": 5, "ahad": 7}


def _month_names(width: str) -> dict[str, int]:
    return {
        name.lower(): number
        for locale in LOCALES
        for number, name in _cldr()[locale]["months"][width]
    }


# Full names and abbreviations (CLDR "wide" and "abbreviated"), lower-case -> 1..12.
MONTH_NAMES = _month_names("wide") | _MONTH_NAMES_NOT_IN_CLDR
MONTH_ABBREVIATIONS = {
    name: number
    for name, number in _month_names("abbreviated").items()
    if name not in MONTH_NAMES  # "Mei", "May" are names, not abbreviations
} | _MONTH_ABBREVIATIONS_NOT_IN_CLDR
MONTHS = MONTH_NAMES | MONTH_ABBREVIATIONS
# Full weekday names only: CLDR's abbreviations ("Sen", "Min", "Sat") are ordinary words.
WEEKDAYS = {
    name.lower(): day + 1  # ISO weekday: Monday is 1
    for locale in LOCALES
    for day, name in _cldr()[locale]["days"]
} | _WEEKDAYS_NOT_IN_CLDR


# --- numbers --------------------------------------------------------------------------------

# Scale words CLDR's compact formats lack: news-wire abbreviations and a common misspelling.
_SCALES_NOT_IN_CLDR = {"milyar": (9, "id"), "mln": (6, "en"), "mn": (6, "en")}
_SCALES_NOT_IN_CLDR |= {"bn": (9, "en"), "tn": (12, "en")}
# CLDR short forms left out: Indonesian "M" (miliar) and "T" (triliun) fold to the English
# "m" (million) and "t"; and a bare "t" after a number is tonnes more often than trillions.
_SCALES_LEFT_OUT = {("id", "m"), ("id", "t"), ("en", "t")}


def _scales() -> dict[str, tuple[Decimal, str]]:
    """Scale word -> (multiplier, the language whose separators its number uses)."""
    found: dict[str, tuple[Decimal, str]] = {}
    for locale in LOCALES:
        for width in ("long", "short"):
            for magnitude, pattern in _cldr()[locale]["scales"][width]:
                word = pattern.strip("0 \u00a0").lower()
                # "1000": "0 ribu" and "10000": "00 ribu" both say ribu is 10^3
                exponent = len(magnitude) - pattern.count("0")
                if word and (locale, word) not in _SCALES_LEFT_OUT:
                    found.setdefault(word, (Decimal(10) ** exponent, locale))
    for word, (exponent, locale) in _SCALES_NOT_IN_CLDR.items():
        found[word] = (Decimal(10) ** exponent, locale)
    return found


SCALES = _scales()

# "persen", "percent" from CLDR's unit names; the British "per cent" by hand.
PERCENT_WORDS = tuple(dict.fromkeys(_cldr()[locale]["percent"] for locale in LOCALES)) + (
    "per cent",
)

# How each language writes a number: (group symbol, decimal symbol, digits per group), "1.500,5"
# and "1,500.5"; what babel.numbers.parse_decimal reads a number with.
NUMBER_SEPARATORS = {
    locale: (*_cldr()[locale]["separators"], tuple(_cldr()[locale]["grouping"]))
    for locale in LOCALES
}

# Number words from two to ninety-nine, built from their parts as the two languages compose
# them ("empat belas" 14, "dua puluh lima" 25; "fourteen", "twenty-five", "twenty five").
# CLDR's spell-out rules are not in Babel, so the parts are written by hand; "satu"/"one"
# alone are left out because they are mostly idiom ("salah satu", "one of"), but count as
# the units of a compound ("dua puluh satu", "twenty-one").
_UNITS = (
    (1, "satu", "one"),
    (2, "dua", "two"),
    (3, "tiga", "three"),
    (4, "empat", "four"),
    (5, "lima", "five"),
    (6, "enam", "six"),
    (7, "tujuh", "seven"),
    (8, "delapan", "eight"),
    (9, "sembilan", "nine"),
)
_ENGLISH_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
_ENGLISH_TENS = "- - twenty thirty forty fifty sixty seventy eighty ninety"


def _number_words() -> dict[str, int]:
    words = {"sepuluh": 10, "sebelas": 11, "dozen": 12}
    words.update((word, 10 + n) for n, word in enumerate(_ENGLISH_TEENS.split()))
    tens_en = _ENGLISH_TENS.split()
    for n, indonesian, english in _UNITS:
        if n > 1:
            words[indonesian] = words[english] = n
            words[f"{indonesian} belas"] = 10 + n
            words[f"{indonesian} puluh"] = words[tens_en[n]] = 10 * n
        for tens, tens_id in ((t, units_id) for t, units_id, _ in _UNITS if t > 1):
            words[f"{tens_id} puluh {indonesian}"] = 10 * tens + n
            for joint in ("-", " "):
                words[f"{tens_en[tens]}{joint}{english}"] = 10 * tens + n
    return words


NUMBER_WORDS = _number_words()
# "satu", "one": left out of NUMBER_WORDS, but a count before a unit of measure ("satu tahun",
# "one hectare": factcheck.language.anchors)
ONE_WORDS = _UNITS[0][1:]
# A half after a number word: "dua setengah jam", "two and a half hours" (2.5). By hand.
HALF_WORDS = ("setengah", "and a half")


def _fraction_words() -> dict[str, tuple[int, int]]:
    """Fractions written in words, as (numerator, denominator): "tiga perempat", "sepertiga",
    "three quarters", "two-thirds", "a fifth", built from the number words' units as the two
    languages compose them (Indonesian "per" + the denominator, "se" for one; English
    ordinals, plural after more than one). By hand: CLDR's spell-out rules are not in Babel.
    Halves stand alone (FRACTION_HALVES): "setengah" after a number is "and a half"."""
    ordinals = "- - - third quarter fifth sixth seventh eighth ninth tenth".split()
    words: dict[str, tuple[int, int]] = {}
    units = {n: (indonesian, english) for n, indonesian, english in _UNITS}
    for denominator in range(3, 11):
        indonesian = "sepuluh" if denominator == 10 else units[denominator][0]
        words[f"seper{indonesian}"] = (1, denominator)
        ordinal = ordinals[denominator]
        words[f"a {ordinal}"] = words[f"one {ordinal}"] = words[f"one-{ordinal}"] = (1, denominator)
        for n in range(2, denominator):
            words[f"{units[n][0]} per{indonesian}"] = (n, denominator)
            for joint in (" ", "-"):
                words[f"{units[n][1]}{joint}{ordinal}s"] = (n, denominator)
    return words


FRACTION_WORDS = _fraction_words()
# A half of a group: "separuh warga", "setengah dari pembeli", "half of the buyers", "half the
# buyers"; not "the first half of 2026", "setengah jam" (half an hour). By hand.
FRACTION_HALVES = ("separuh", "setengah dari", "half of", "half the")
# Words before a half that make it a part of a time or a game, not of a group.
NOT_A_HALF = ("first", "second", "the", "latter", "back", "front", "other", "pertama", "kedua")
# Words that count roughly ("ribuan warga", "hundreds of people"): the power of ten they
# stand for. By hand: CLDR has no such words.
QUANTITY_WORDS = {
    **dict.fromkeys(word_list("belasan puluhan dozens"), 1),
    **dict.fromkeys(word_list("ratusan hundreds"), 2),
    **dict.fromkeys(word_list("ribuan thousands"), 3),
    **dict.fromkeys(word_list("jutaan millions"), 6),
}

# Words before a number that say how exact it is: "more than 30 years", "sekitar 1.500
# orang". The value the recogniser gives the anchor's ``qualifier``; the matcher decides what
# each allows (factcheck.matching.verify). By hand: CLDR has no such words.
QUALIFIERS = {
    **dict.fromkeys(
        word_list("more than, over, above, in excess of, lebih dari, di atas, melebihi"), "more"
    ),
    **dict.fromkeys(
        word_list("less than, under, below, fewer than, kurang dari, di bawah"), "less"
    ),
    **dict.fromkeys(
        word_list("at least, no fewer than, sedikitnya, setidaknya, paling sedikit, minimal"),
        "at_least",
    ),
    # "hingga"/"sampai" before a number: "up to" ("hingga 15 tahun", "sampai 5 kilometer";
    # before a year the recogniser asks no qualifier: "hingga 2025" is "until")
    **dict.fromkeys(
        word_list("at most, up to, no more than, paling banyak, maksimal, hingga, sampai"),
        "at_most",
    ),
    **dict.fromkeys(
        word_list(
            "about, around, roughly, approximately, some, an estimated, estimated, sekitar,"
            " kira-kira, kurang lebih, lebih kurang, sekira, diperkirakan"
        ),
        "about",
    ),
    **dict.fromkeys(word_list("nearly, almost, close to, hampir, nyaris, mendekati"), "nearly"),
}


# --- currencies -----------------------------------------------------------------------------

# Forms CLDR does not list: the bare unit words of running text, "dolar AS", and "S$".
_CURRENCIES_NOT_IN_CLDR = {
    **dict.fromkeys(word_list("dolar, dollar, dollars, dolar AS"), "USD"),
    "rupiah": "IDR",
    **dict.fromkeys(word_list("pound pounds"), "GBP"),
    "S$": "SGD",
}


def _currency_forms() -> tuple[dict[str, str], dict[str, str]]:
    """(signs, names): symbols and ISO codes, written as they are; names, any case."""
    signs: dict[str, str] = {code: code for code in CURRENCY_CODES}
    names: dict[str, str] = {}
    for i, code in enumerate(CURRENCY_CODES):
        for locale in LOCALES:
            signs[_cldr()[locale]["currency_symbols"][i]] = code
            for name in _cldr()[locale]["currency_names"][i]:  # one, then many
                names[name.lower()] = code
    for form, code in _CURRENCIES_NOT_IN_CLDR.items():
        if any(c.isalpha() for c in form) and not form.endswith("$"):
            names[form.lower()] = code
        else:
            signs[form] = code
    return signs, names


# CURRENCY_SIGNS ("$", "US$", "Rp", "USD", "€") must be written as they are and may stand
# before a number; CURRENCY_NAMES ("dolar amerika serikat", "euros") follow it, in any case.
CURRENCY_SIGNS, CURRENCY_NAMES = _currency_forms()
# Any form, lower-case -> ISO code.
CURRENCIES = {form.lower(): code for form, code in {**CURRENCY_SIGNS, **CURRENCY_NAMES}.items()}


# --- stopwords ------------------------------------------------------------------------------

# One table per language, by hand (CLDR has none): the function words that say nothing
# about what a text is about.
STOPWORDS = {
    "id": frozenset(
        word_list(
            """yang dan di ke dari untuk dengan pada dalam ini itu adalah akan telah sudah oleh
            sebagai atau juga tidak bahwa para secara tersebut serta karena namun lebih antara
            saat masih bagi hal ia mereka kami kita kata menurut sejak setelah selama hingga
            sebuah seorang yakni yaitu bisa dapat harus ada tak pun lalu kini agar jika tentang
            atas bagian sendiri banyak seluruh sangat the"""
        )
    ),
    "en": frozenset(
        word_list(
            """the a an and or of to in on at for with by from as is are was were be been being
            that this these those it its which who whom whose will would has have had not no but
            also than then into over after since during about said says say more most such
            their they them he she his her we our you your i there here what when where while
            can could may might should shall do does did yet so if"""
        )
    ),
}


# --- units of measure ----------------------------------------------------------------------


def _unit_names() -> dict[str, str]:
    """The units of measure a count can be said in (UNIT_CATEGORIES), by any of their names of
    one word in any of LOCALES (CLDR: "kilometer", "kilometres", "km"; "jam", "hours"):
    lower-case name -> unit ("length-kilometer"). A name two units share ("hr": an Indonesian
    day, an English hour) or a function word ("in": inches) is left out."""
    units: dict[str, set[str]] = {}
    for locale in LOCALES:
        for word, unit in _cldr()[locale]["units"]:
            if _measures(unit):
                units.setdefault(word, set()).add(unit)
    return {
        word: next(iter(found))
        for word, found in units.items()
        if len(found) == 1 and not any(word in STOPWORDS[locale] for locale in LOCALES)
    }


UNIT_NAMES = _unit_names()


# --- abbreviations (for the sentence splitter) ---------------------------------------------

# Abbreviations whose final dot never ends a sentence: titles, honorifics and words always
# followed by more text ("No. 5", "Jan. 2019", "vs. X"), with CLDR's month abbreviations.
# By hand: CLDR has no list of titles. Indonesian: Haji, Hajjah, Tuan, Nyonya, Nona,
# Saudara(i), Insinyur, Doktorandus(a), Kiai Haji, "atas nama", nomor, tanggal, Jalan,
# kabupaten, kecamatan, Bapak.
ABBREVIATIONS_NEVER_FINAL = frozenset(
    word_list(
        """mr mrs ms dr prof gen sen rep gov lt col capt sgt st mt rev hon nos vs v e.g i.e cf
        approx h hj tn ny nn sdr sdri ir drs dra k.h a.n no tgl jl kab kec bpk"""
    )
) | frozenset(MONTH_ABBREVIATIONS)

# Abbreviations that may also end a sentence ("... of Acme Inc. The company ..."): after
# these a sentence ends only when the next word is a common sentence opener. List closers
# ("etc.", "dll.", "dsb.") are not here: they end sentences so often that the plain rule
# (a capital follows) serves them best.
ABBREVIATIONS_MAYBE_FINAL = frozenset(
    word_list("inc ltd co corp jr sr u.s u.k u.n a.m p.m s.h m.t m.si s.e ph.d")
)

# Words that typically open a sentence; used only after ABBREVIATIONS_MAYBE_FINAL.
SENTENCE_OPENERS = frozenset(
    word_list(
        """the a an he she it they we i this that these those but and in on at his her its
        their there ia dia mereka kami ini itu namun pada di dalam menurut sementara selain hal
        para kata"""
    )
)


# --- places ---------------------------------------------------------------------------------

# CLDR locales whose territory names are recognised: Latin-script languages a newsroom in
# Indonesia or an English-speaking country meets in its sources.
PLACE_LOCALES = tuple("en id ms jv fr de es pt it nl tr pl sv da nb fi ro cs hu vi fil sw".split())


@cache
def territory_names() -> tuple[tuple[str, str], ...]:
    """(ISO 3166 code, name) for every country and region CLDR names in PLACE_LOCALES;
    groupings such as "World" or "Eurozone" (codes that are not two letters) are left out.

    Babel unpickles and merges each locale's whole file for these (about 0.1 s of CPU for
    the 22 locales), so the names are kept in the cache folder, named by Babel's version and
    the locales, and read from there (a few milliseconds).
    """
    name = f"cldr-territories-babel-{babel.__version__}-{'-'.join(PLACE_LOCALES)}.json"
    return tuple((code, name) for code, name in cached_json(name, _cldr_territories))


def _cldr_territories() -> tuple[tuple[str, str], ...]:
    from babel import Locale

    return tuple(
        (code, name)
        for locale in PLACE_LOCALES
        for code, name in Locale.parse(locale).territories.items()
        if code.isalpha() and len(code) == 2
    )


@cache
def region_names() -> tuple[str, ...]:
    """The names of the countries and of their subdivisions in ISO 3166-1 and 3166-2
    (pycountry's data, which ships inside its wheel), lowercased: every province, state and
    region of every country ("Jawa Tengah", "Aceh", "Yogyakarta", "Bayern"), the groups of
    provinces some countries list ("Sumatera", "Kalimantan") and a few cities that are
    regions of their own ("Astana", "Washington"). What the matcher asks of them is whether
    a place said bare is wider than a city or a regency, which no place noun says
    (factcheck.matching.names.wider_place). The names stand in the languages ISO lists them
    in (a country's own for most: "Jawa Tengah", not "Central Java").

    pycountry reads its JSON files (about 0.4 s of CPU), so the names are kept in the cache
    folder, named by pycountry's version, and read from there (a few milliseconds); only the
    matcher asks, and only for a place said bare against a city or a regency."""
    from importlib.metadata import version

    name = f"iso3166-regions-pycountry-{version('pycountry')}.json"
    return tuple(cached_json(name, _iso_regions))


@cache
def regions_by_language() -> dict[str, tuple[str, ...]]:
    """For each language of LOCALES, the ISO 3166-2 names of the subdivisions of the
    countries where CLDR says it is official (Indonesian: Indonesia's provinces): the names a
    text in another language says in its own words ("Central Java" for "Jawa Tengah").
    Kept in the cache folder like ``region_names``."""
    from importlib.metadata import version

    name = f"iso3166-by-language-pycountry-{version('pycountry')}-{'-'.join(LOCALES)}.json"
    return {k: tuple(v) for k, v in cached_json(name, _iso_by_language).items()}


def _iso_by_language() -> dict[str, list[str]]:
    import pycountry
    from babel.languages import get_official_languages

    out = {}
    for lang in LOCALES:
        codes = [
            c.alpha_2 for c in pycountry.countries if lang in get_official_languages(c.alpha_2)
        ]
        found = (pycountry.subdivisions.get(country_code=code) or () for code in codes)
        out[lang] = sorted({s.name for subdivisions in found for s in subdivisions})
    return out


def _iso_regions() -> list[str]:
    import pycountry

    found = {s.name for s in pycountry.subdivisions}
    fields = ("name", "common_name", "official_name")
    for country in pycountry.countries:
        found.update(getattr(country, field, None) or "" for field in fields)
    return sorted(name for name in found if name)


@cache
def indonesian_roots() -> frozenset[str]:
    """Indonesian root words (kata dasar: about 30,000, from the Sastrawi stemmer's
    dictionary, which ships inside its wheel): "berita", "dinas", "metode", "dispensasi" and
    "terpal" are words of their own, not a verb prefix ("ber-", "di-", "me-", "ter-") on
    another root, as their shape alone would say (factcheck.language.syntax.is_verb). A
    verb root of that shape ("terima", "berangkat") is in the list too and is then read as
    no verb unless the verb tables name it."""
    from importlib.util import find_spec

    # found by the package's place, not imported (nor importlib.resources, which brings
    # tempfile): `factcheck extract` starts without either
    folder = Path(find_spec("Sastrawi").origin).parent
    text = (folder / "Stemmer" / "data" / "kata-dasar.txt").read_text("utf-8")
    return frozenset(text.split())
