"""A number word before a percent word is a percentage ("Sixty-one percent", "dua persen"),
compared as one with the claim's ("71 persen"), not a count of "percent"."""

import pytest

from factcheck.language.anchors import extract_anchors
from factcheck.matching.verify import CONTRADICTS, SUPPORTS, verify


@pytest.mark.parametrize(
    ("text", "lang", "value", "said"),
    [
        ("Sixty-one percent of those infected are farmers.", "en", "61%", "Sixty-one percent"),
        ("Nine percent of the colonies were dead.", "en", "9%", "Nine percent"),
        ("Inflasi naik dua persen.", "id", "2%", "dua persen"),
        ("Harga naik sepuluh persen.", "id", "10%", "sepuluh persen"),
        ("Prices rose by twenty per cent.", "en", "20%", "twenty per cent"),
        ("Sekitar tujuh puluh persen warga setuju.", "id", "70%", "tujuh puluh persen"),
    ],
)
def test_a_percentage_in_words_is_a_percentage(text, lang, value, said):
    found = [a for a in extract_anchors(text, lang, None) if a.kind in ("number", "percent")]
    assert [(a.kind, a.value, a.text) for a in found] == [("percent", value, said)]


def test_its_qualifier_is_kept():
    (found,) = extract_anchors("Sekitar tujuh puluh persen warga setuju.", "id", None)
    assert found.qualifier == "about"


def test_a_number_word_before_another_word_is_still_a_count():
    (found,) = extract_anchors("Seven people died.", "en", None)
    assert (found.kind, found.value) == ("number", "7")


@pytest.mark.parametrize(
    ("claim", "passage", "stance"),
    [
        (
            "Sebanyak 71 persen penderita leptospirosis di Klaten adalah petani.",
            "Sixty-one percent of those infected are farmers.",
            CONTRADICTS,
        ),
        (
            "Sebanyak 71 persen penderita leptospirosis di Klaten adalah petani.",
            "Seventy-one percent of those infected are farmers.",
            SUPPORTS,
        ),
    ],
)
def test_it_is_compared_with_the_claims_percentage(claim, passage, stance):
    mine, theirs = extract_anchors(claim, "id", None), extract_anchors(passage, "en", None)
    assert verify(claim, mine, passage, theirs).stance == stance
