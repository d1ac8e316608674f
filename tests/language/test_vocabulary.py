"""The one table of months, weekdays, scales and currencies (CLDR plus what CLDR lacks), and no
second copy of it anywhere else in the package."""

import re
from decimal import Decimal
from pathlib import Path

import pytest

from factcheck.language import vocabulary as v

PACKAGE = Path(__file__).resolve().parents[2] / "factcheck"


@pytest.mark.parametrize(
    ("name", "month"),
    [
        ("januari", 1), ("january", 1), ("jan", 1), ("maret", 3), ("march", 3), ("mei", 5),
        ("may", 5), ("agustus", 8), ("agu", 8), ("aug", 8), ("agt", 8), ("september", 9),
        ("sept", 9), ("oktober", 10), ("okt", 10), ("oct", 10), ("nopember", 11), ("nop", 11),
        ("desember", 12), ("des", 12), ("dec", 12),
    ],
)  # fmt: skip
def test_months_in_both_languages_and_their_abbreviations(name, month):
    assert v.MONTHS[name] == month


def test_full_month_names_are_not_abbreviations():
    assert "mei" not in v.MONTH_ABBREVIATIONS and "may" not in v.MONTH_ABBREVIATIONS
    assert {"jan", "okt", "dec", "sept", "nop"} <= set(v.MONTH_ABBREVIATIONS)


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("senin", 1), ("monday", 1), ("kamis", 4), ("thursday", 4), ("jumat", 5),
        ("jum'at", 5), ("friday", 5), ("minggu", 7), ("ahad", 7), ("sunday", 7),
    ],
)  # fmt: skip
def test_weekdays_are_iso_numbered_in_both_languages(name, day):
    assert v.WEEKDAYS[name] == day


def test_weekday_abbreviations_are_not_weekdays():
    assert not {"sen", "min", "sat", "sun", "wed"} & set(v.WEEKDAYS)


@pytest.mark.parametrize(
    ("word", "power", "convention"),
    [
        ("ribu", 3, "id"), ("rb", 3, "id"), ("juta", 6, "id"), ("jt", 6, "id"),
        ("miliar", 9, "id"), ("milyar", 9, "id"), ("triliun", 12, "id"),
        ("thousand", 3, "en"), ("k", 3, "en"), ("million", 6, "en"), ("m", 6, "en"),
        ("mln", 6, "en"), ("billion", 9, "en"), ("bn", 9, "en"), ("b", 9, "en"),
        ("trillion", 12, "en"), ("tn", 12, "en"),
    ],
)  # fmt: skip
def test_scale_words_give_their_power_of_ten_and_number_convention(word, power, convention):
    assert v.SCALES[word] == (Decimal(10) ** power, convention)


def test_a_bare_t_is_tonnes_not_trillions():
    assert "t" not in v.SCALES


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ("$", "USD"), ("US$", "USD"), ("USD", "USD"), ("dolar", "USD"), ("dollars", "USD"),
        ("dolar AS", "USD"), ("Dolar Amerika Serikat", "USD"), ("US dollars", "USD"),
        ("Rp", "IDR"), ("IDR", "IDR"), ("rupiah", "IDR"), ("€", "EUR"), ("euros", "EUR"),
        ("£", "GBP"), ("pounds", "GBP"), ("S$", "SGD"), ("Dolar Singapura", "SGD"),
        ("A$", "AUD"), ("AU$", "AUD"),
    ],
)  # fmt: skip
def test_currency_signs_and_names_give_an_iso_code(form, code):
    assert v.CURRENCIES[form.lower()] == code


def test_signs_are_kept_as_written_and_names_are_lower_case():
    assert {"Rp", "US$", "$", "USD"} <= set(v.CURRENCY_SIGNS)
    assert all(name == name.lower() for name in v.CURRENCY_NAMES)


def test_percent_words_come_in_both_languages():
    assert {"persen", "percent", "per cent"} <= set(v.PERCENT_WORDS)


@pytest.mark.parametrize("language", ["id", "en"])
def test_each_language_has_one_stopword_table(language):
    assert {"id": "yang", "en": "the"}[language] in v.STOPWORDS[language]


def test_territories_come_from_cldr_in_many_languages_with_two_letter_codes():
    names = {name: code for code, name in v.territory_names()}
    assert names["Tiongkok"] == names["China"] == "CN"
    assert names["Maroc"] == "MA"
    assert all(len(code) == 2 for code in names.values())


def test_no_other_module_keeps_its_own_month_or_weekday_table():
    tables = re.compile(r"\b(?:januari|februari|desember|selasa|kamis|wednesday)\b", re.I)
    found = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if path.name != "vocabulary.py" and tables.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_cached_territory_names_are_babels(tmp_path, monkeypatch):
    from factcheck.language import vocabulary

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    written = vocabulary.territory_names.__wrapped__()
    (cached,) = (tmp_path / "factcheck").glob("cldr-territories-*.json")
    read = vocabulary.territory_names.__wrapped__()
    assert written == read == vocabulary._cldr_territories()
    assert ("ID", "Indonesia") in read and ("KZ", "Kazakhstan") in read
    cached.write_text("[damaged")
    assert vocabulary.territory_names.__wrapped__() == read and not cached.exists()


_TRIED = ("NUMBER_WORDS", "QUANTITY_WORDS", "QUALIFIERS", "MONTHS", "WEEKDAYS", "MONTH_NAMES")
_TRIED += ("MONTH_ABBREVIATIONS",)


def _texts() -> list[str]:
    """The first set's articles, and every word of the tables in three cases and in the
    company of numbers, other words, dots and hyphens."""
    folder = Path(__file__).resolve().parents[1] / "data" / "extract"
    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
    items = [item for name in _TRIED for item in getattr(v, name)]
    for a, b in zip(items, items[1:] + items[:1], strict=True):
        for x in (a, a.upper(), a.title()):
            texts.append(f"{x} | sekitar {x} orang | 5 {x} 2024 | {x}. 3 | {x}-an | ({x}) ")
            texts.append(f"{x}s {x} {b} | Senin, {x} 12, 2025 | {x}{b} | {x} setengah jam {x} ")
            texts.append(f"ke{x} kecamatan tersebut | {x} desa itu | the {x} districts ")
    return texts


def test_a_word_trie_matches_what_the_alternation_matches_in_every_pattern_using_one():
    from factcheck.articles import standalone
    from factcheck.language import anchors

    texts = _texts()
    patterns = [p for p in vars(anchors).values() if isinstance(p, re.Pattern)]
    patterns += [*anchors._DATE_PATTERNS, anchors._number_word_end()]  # (compiled on first use)
    patterns += [standalone._counted_re(lang) for lang in standalone._COUNTED]
    unescaped = "|".join(sorted(v.NUMBER_WORDS, key=len, reverse=True))  # standalone's before
    compared = 0
    for pattern in patterns:
        before = pattern.pattern
        for name in _TRIED:
            before = before.replace(v.word_trie(getattr(v, name)), v.alternation(getattr(v, name)))
        before = before.replace(f"(?:{v.alternation(v.NUMBER_WORDS)})", f"(?:{unescaped})")
        before = before.replace(f">{v.alternation(v.NUMBER_WORDS)})", f">{unescaped})")
        if before == pattern.pattern:
            continue
        compared += 1
        old = re.compile(before, pattern.flags)
        for text in texts:
            new_found = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            assert new_found == [(m.span(), m.groups()) for m in old.finditer(text)], pattern
    assert compared >= 10
