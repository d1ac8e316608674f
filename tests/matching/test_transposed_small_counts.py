"""A claim count under TRANSPOSED_PAIR and the passage's one count with its two digits swapped
are a pair ("37 WNA" / "73 foreigners from 12 countries"), when the passage is relevant
enough to be shown (rank asks it from SUGGESTION_THRESHOLD): beside another count of the
passage the two are not the only counts on each side, and were not compared."""

import pytest

from factcheck.language.anchors import extract_anchors
from factcheck.matching.verify import CONTRADICTS, verify


def _check(claim: str, passage: str, transposed: bool):
    mine, theirs = extract_anchors(claim, None, None), extract_anchors(passage, None, None)
    return verify(claim, mine, passage, theirs, transposed=transposed)


CASES = [
    (
        "Imigrasi Bali mendeportasi 37 WNA pada Kamis, 5 November 2026.",
        "Bali deported 73 foreigners from 12 countries on Thursday, the immigration office said.",
    ),
    (
        "Sebanyak 37 rumah rusak berat akibat puting beliung di Bantul.",
        "Some 241 homes were damaged, 73 of them badly.",
    ),
    (
        "Siklon Kenari merobohkan 85 tiang listrik di Pulau Rote.",
        "On Rote the wind tore the roofs off 1,346 houses and brought down 58 power poles.",
    ),
]


@pytest.mark.parametrize(("claim", "passage"), CASES)
def test_a_small_count_with_its_digits_swapped_disagrees_in_a_passage_shown(claim, passage):
    check = _check(claim, passage, transposed=True)
    assert check.stance == CONTRADICTS
    assert len(check.disagree) == 1


@pytest.mark.parametrize(("claim", "passage"), CASES)
def test_not_asked_the_small_counts_are_not_paired(claim, passage):
    assert _check(claim, passage, transposed=False).stance != CONTRADICTS


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        # two passage counts with the claim's digits swapped: which one is unknown
        ("Sebanyak 37 rumah rusak.", "Some 73 homes were damaged and 73 shops burnt."),
        # no two digits swapped
        ("Sebanyak 37 rumah rusak.", "Some 241 homes were damaged, 74 of them badly."),
    ],
)
def test_no_single_count_with_the_digits_swapped_is_no_pair(claim, passage):
    assert _check(claim, passage, transposed=True).stance != CONTRADICTS
