"""The words "one" and "satu" are left out of the number words (mostly idiom: "salah satu",
"one of"), but before the name of a unit of measure they are a count of one ("satu tahun",
"one hectare"), compared as any count in that unit."""

import pytest

from factcheck.language.anchors import extract_anchors
from factcheck.matching.verify import CONTRADICTS, verify


@pytest.mark.parametrize(
    ("text", "lang", "said"),
    [
        ("Each household gets one hectare of farmland.", "en", "one"),
        ("Taman itu ditutup setidaknya satu tahun.", "id", "satu"),
        ("The search lasted one hour.", "en", "one"),
        ("Pencarian berlangsung satu minggu.", "id", "satu"),
    ],
)
def test_one_before_a_unit_is_a_count_of_one(text, lang, said):
    found = [a for a in extract_anchors(text, lang, None) if a.kind == "number"]
    assert [(a.value, a.text) for a in found] == [("1", said)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("One of the suspects was arrested.", "en"),
        ("Salah satu tersangka ditangkap.", "id"),
        ("Satu orang tewas.", "id"),  # a person is no unit of measure: left as before
        ("Police arrested one man.", "en"),
    ],
)
def test_one_elsewhere_is_no_count(text, lang):
    assert not [a for a in extract_anchors(text, lang, None) if a.kind == "number"]


def test_a_count_of_one_disagrees_with_another_in_its_unit():
    claim = "Setiap keluarga transmigran memperoleh lahan seluas 2 hektare."
    passage = "Each household gets one hectare of farmland and six months of living costs."
    mine, theirs = extract_anchors(claim, "id", None), extract_anchors(passage, "en", None)
    check = verify(claim, mine, passage, theirs)
    assert check.stance == CONTRADICTS
    assert check.disagree == ("number: claim 2 ≠ passage one",)
