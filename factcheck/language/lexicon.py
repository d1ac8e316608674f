"""Language tables, word folding, a light Indonesian stemmer and the glossary loader.

Shared by factcheck.language.anchors (which finds anchors) and factcheck.matching (which
compares tokens): what counts as a word, how it is folded (case, accents, English plural), which
words are stopwords, and which names the glossary and CLDR know.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import yaml
from babel import Locale

GLOSSARY_PATH = Path(__file__).with_name("glossary.yaml")
# CLDR locales whose territory names are recognised; Latin-script languages a newsroom in
# Indonesia or an English-speaking country meets in its sources.
PLACE_LOCALES = "en id ms jv fr de es pt it nl tr pl sv da nb fi ro cs hu vi fil sw".split()

# scale word -> (multiplier, the language whose separators the number uses)
SCALES = {
    **dict.fromkeys(("ribu", "rb"), (Decimal(10) ** 3, "id")),
    **dict.fromkeys(("juta", "jt"), (Decimal(10) ** 6, "id")),
    **dict.fromkeys(("miliar", "milyar", "M"), (Decimal(10) ** 9, "id")),
    **dict.fromkeys(("triliun", "T"), (Decimal(10) ** 12, "id")),
    **dict.fromkeys(("thousand", "k"), (Decimal(10) ** 3, "en")),
    **dict.fromkeys(("million", "mln", "mn", "m"), (Decimal(10) ** 6, "en")),
    **dict.fromkeys(("billion", "bn", "b"), (Decimal(10) ** 9, "en")),
    **dict.fromkeys(("trillion", "tn"), (Decimal(10) ** 12, "en")),
}
SCALES = {k.lower(): v for k, v in SCALES.items() if k not in ("M", "T")}
CURRENCIES = {
    **dict.fromkeys("$ us$ usd dolar dollar dollars s$ a$".split(), "USD"),
    **dict.fromkeys(("dolar as", "dolar amerika serikat"), "USD"),
    **dict.fromkeys("rp idr rupiah".split(), "IDR"),
    **dict.fromkeys("€ eur euro euros".split(), "EUR"),
    **dict.fromkeys("£ gbp pound pounds".split(), "GBP"),
}
CURRENCIES["s$"], CURRENCIES["a$"] = "SGD", "AUD"
_MONTH_NAMES = [
    "januari january jan",
    "februari february feb",
    "maret march mar",
    "april apr",
    "mei may",
    "juni june jun",
    "juli july jul",
    "agustus august aug agu agt",
    "september sep sept",
    "oktober october oct okt",
    "november nov nop",
    "desember december dec des",
]
MONTHS = {name: i for i, names in enumerate(_MONTH_NAMES, 1) for name in names.split()}
_WEEKDAY_NAMES = [
    "senin monday",
    "selasa tuesday",
    "rabu wednesday",
    "kamis thursday",
    "jumat jum'at friday",
    "sabtu saturday",
    "minggu ahad sunday",
]
WEEKDAYS = {name: i for i, names in enumerate(_WEEKDAY_NAMES, 1) for name in names.split()}
NUMBER_WORDS = {
    word: n
    for n, names in enumerate(
        [
            "",
            "",
            "dua two",
            "tiga three",
            "empat four",
            "lima five",
            "enam six",
            "tujuh seven",
            "delapan eight",
            "sembilan nine",
            "sepuluh ten",
        ]
    )
    for word in names.split()
}
STOPWORDS = {
    "id": frozenset(
        """yang dan di ke dari untuk dengan pada dalam ini itu adalah akan telah sudah oleh
        sebagai atau juga tidak bahwa para secara tersebut serta karena namun lebih antara
        saat masih bagi hal ia mereka kami kita kata menurut sejak setelah selama hingga sebuah
        seorang yakni yaitu bisa dapat harus ada tak pun lalu kini agar jika tentang atas
        bagian sendiri banyak seluruh sangat the""".split()
    ),
    "en": frozenset(
        """the a an and or of to in on at for with by from as is are was were be been being
        that this these those it its which who whom whose will would has have had not no but
        also than then into over after since during about said says say more most such their
        they them he she his her we our you your i there here what when where while can could
        may might should shall do does did yet so if""".split()
    ),
}


# --- glossary -----------------------------------------------------------------------------


class Name(NamedTuple):
    """One way of writing an anchor: capitals-only aliases keep their exact form."""

    kind: str
    value: str
    exact: str | None = None
    lang: str | None = None


class Glossary(NamedTuple):
    """Every known name by phrase key, and every word-prefix of a key (to stop scans early)."""

    names: dict[str, list[Name]]
    prefixes: frozenset[str]


def load_glossary(path: str | Path | None = None) -> Glossary:
    """Load the glossary at ``path`` (default: the bundled one) with CLDR place names; cached."""
    return _load_glossary(str(path or GLOSSARY_PATH))


@lru_cache(maxsize=8)
def _load_glossary(path: str) -> Glossary:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    names: dict[str, list[Name]] = {}
    stop = {phrase_key(word) for word in data.get("place_stoplist", [])}

    def add(kind: str, value: str, alias: str, lang: str | None = None) -> None:
        plain = alias.replace(".", "")
        exact = plain if plain.isupper() and len(plain) <= 6 else None
        entries = names.setdefault(phrase_key(alias), [])
        entry = Name(kind, value, exact, lang)
        # exact (capitals-only) and language-bound names are checked before general ones
        entries.insert(0, entry) if exact or lang else entries.append(entry)

    for locale in PLACE_LOCALES:
        for code, name in Locale.parse(locale).territories.items():
            if code.isalpha() and len(code) == 2 and phrase_key(name) not in stop:
                add("place", code, name)
    for code, aliases in (data.get("places") or {}).items():
        for alias in aliases:
            add("place", code, alias)
    for lang, table in (data.get("places_by_lang") or {}).items():
        for code, aliases in table.items():
            for alias in aliases:
                add("place", code, alias, lang)
    for term, aliases in (data.get("terms") or {}).items():
        for alias in [term, *aliases]:
            add("term", term, alias)
    prefixes = {" ".join(key.split()[:n]) for key in names for n in range(1, len(key.split()) + 1)}
    return Glossary(names, frozenset(prefixes))


# --- words and tokens -----------------------------------------------------------------------

_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:['’][^\W_]+)*")


def words(text: str) -> list[tuple[int, int]]:
    """Spans of the words in ``text``; ``U.S.`` is one word."""
    return [m.span() for m in _WORD.finditer(text)]


def fold(text: str) -> str:
    """Lowercase and strip accents: ``Éire`` -> ``eire``."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_word(word: str) -> str:
    """Fold one word for lookups: ``Kazakhstan's`` -> ``kazakhstan``, ``deals`` -> ``deal``."""
    word = fold(word).replace(".", "").replace("’", "'")
    word = re.sub(r"'s?$", "", word)
    if len(word) > 7 and word.endswith("nya"):
        word = word[:-3]  # Indonesian possessive: bergabungnya -> bergabung
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]  # an English plural; harmless elsewhere since both sides fold alike
    return word


def phrase_key(text: str) -> str:
    """Key under which a name is looked up: folded words joined by spaces."""
    return " ".join(fold_word(text[s:e]) for s, e in words(text))


def guess_lang(text: str) -> str:
    """Guess "id" or "en": whichever language's stopwords are more frequent in ``text``."""
    folded = [fold(text[s:e]) for s, e in words(text)]
    id_hits = sum(w in STOPWORDS["id"] for w in folded)
    en_hits = sum(w in STOPWORDS["en"] for w in folded)
    return "id" if id_hits > en_hits else "en"


_ID_PARTICLES = ("lah", "kah", "pun", "nya")
_ID_SUFFIXES = ("kan", "an", "i")
# prefix, or prefix:replacement (meny-sambut -> sambut)
_ID_PREFIXES = [
    tuple((p + ":").split(":")[:2])
    for p in "memper meny:s meng mem men me peny:s peng pem pen per ber ter di ke".split()
]
_LOANWORD_ENDINGS = ("ik", "is", "si", "gi", "mi", "isme", "itas", "al", "or", "er", "ur")


def stem(word: str, lang: str) -> str:
    """Light stemmer: English plurals (in fold), Indonesian particles, suffixes and prefixes.

    International loanwords (diplomatik, investasi) keep their shape so that they still
    resemble their English cognates under fuzzy comparison.
    """
    word = fold_word(word)
    if lang != "id" or len(word) <= 5:
        return word
    for group in (_ID_PARTICLES, _ID_SUFFIXES):
        for suffix in group:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                if not (suffix == "i" and word.endswith(_LOANWORD_ENDINGS)):
                    word = word[: -len(suffix)]
                break
    if word.endswith(_LOANWORD_ENDINGS):
        return word
    for prefix, replacement in _ID_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            return replacement + word[len(prefix) :]
    return word


def tokens(text: str, lang: str | None = None) -> list[str]:
    """Content words of ``text``: folded, stopwords removed, lightly stemmed for ``lang``."""
    return [token.stem for token in token_spans(text, lang or guess_lang(text))]


# English stopwords apply to every language: quotes and names in English turn up everywhere.
_STOP = {lang: words | STOPWORDS["en"] for lang, words in STOPWORDS.items()}


class Token(NamedTuple):
    """A content word: its stem, its span, and whether it was capitalised (likely a name)."""

    stem: str
    start: int
    end: int
    capitalised: bool


def token_spans(text: str, lang: str, skip: list[tuple[int, int]] = ()) -> list[Token]:
    """Content words of ``text`` with spans, leaving out words inside the ``skip`` spans."""
    out = []
    stop = _STOP.get(lang, STOPWORDS["en"])
    for start, end in words(text):
        if any(s <= start < e for s, e in skip):
            continue
        word = fold(text[start:end])
        if len(word) > 1 and word not in stop and not word.isdigit():
            out.append(Token(stem(word, lang), start, end, text[start].isupper()))
    return out
