"""Words: what counts as one, how it is folded (case, accents, English plural), a light
Indonesian stemmer, and the content words (tokens) of a text.

Shared by factcheck.language.anchors (which looks names up by their folded words) and
factcheck.matching (which compares tokens). The stopwords are factcheck.language.vocabulary's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from factcheck.language.identify import identify_language
from factcheck.language.vocabulary import STOPWORDS

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


_POSSESSIVE_END = re.compile(r"'s?$")


def fold_all(items: Iterable[str]) -> frozenset[str]:
    """The folded forms of a word table's ``items`` (factcheck.language.markers' lists).

    Cached by the table's contents (a tuple of them), so a table folded in a loop is folded
    once per process, and a table changed at run time is folded afresh."""
    return _fold_all(tuple(items))


@lru_cache(maxsize=256)
def _fold_all(items: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(item) for item in items)


def fold_word(word: str) -> str:
    """Fold one word for lookups: ``Kazakhstan's`` -> ``kazakhstan``, ``deals`` -> ``deal``."""
    word = fold(word).replace(".", "").replace("’", "'")
    if "'" in word:  # most words have none: the pattern is not run for them
        word = _POSSESSIVE_END.sub("", word)
    if len(word) > 7 and word.endswith("nya"):
        word = word[:-3]  # Indonesian possessive: bergabungnya -> bergabung
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]  # an English plural; harmless elsewhere since both sides fold alike
    return word


# two folded words from MIN_ALIKE letters are one word spelt two ways from this rapidfuzz
# ratio: a name in two languages ("Kaspia", "Caspian"), a loanword ("tiket", "ticket")
SPELT_ALIKE, MIN_ALIKE = 75, 3


def spells_out(short: str, words: Sequence[str], silent: Collection[str] = ()) -> bool:
    """Whether ``short`` is made of an opening of each of ``words`` in their order, the way
    Indonesian and English shorten a name: "jateng" of "jawa tengah", "kpk" of "komisi
    pemberantasan korupsi", "bapenda" of "badan pendapatan daerah"; a word of ``silent``
    ("dan", "of") may give no letter ("pbb" of "pajak bumi dan bangunan"). Lower case in."""
    if not words:
        return not short
    first, rest = words[0], words[1:]
    if first in silent and spells_out(short, rest, silent):
        return True
    return any(
        short[:n] == first[:n] and spells_out(short[n:], rest, silent)
        for n in range(1, min(len(short), len(first)) + 1)
    )


def spelt_alike(a: str, b: str) -> bool:
    """Whether two folded words are one word, spelt alike: equal, or (from MIN_ALIKE letters)
    near by SPELT_ALIKE."""
    return a == b or min(len(a), len(b)) >= MIN_ALIKE and _ratio(a, b) >= SPELT_ALIKE


def _ratio(a: str, b: str) -> float:
    """rapidfuzz's ratio. rapidfuzz is imported on the first call, which puts its function in
    this one's place: extraction never compares spellings, and the import costs about 14 ms."""
    global _ratio
    from rapidfuzz.fuzz import ratio

    _ratio = ratio
    return ratio(a, b)


def phrase_key(text: str) -> str:
    """Key under which a name is looked up: folded words joined by spaces."""
    return " ".join(fold_word(text[s:e]) for s, e in words(text))


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
    return [token.stem for token in token_spans(text, lang or identify_language(text))]


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
