"""Two counts joined by a conjunction keep their order when a statement is said again or
translated: counts that traded places between their nouns disagree, though each number is
found in the passage ("Dua mobil dan tiga sepeda motor" / "Three cars and two motorcycles")."""

import pytest

from factcheck.language.anchors import extract_anchors
from factcheck.matching.verify import CONTRADICTS, SUPPORTS, verify


def _check(claim: str, passage: str):
    mine, theirs = extract_anchors(claim, None, None), extract_anchors(passage, None, None)
    return verify(claim, mine, passage, theirs)


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "Dua mobil dan tiga sepeda motor terperosok ke lubang jalan amblas di Padang.",
            "Three cars and two motorcycles were swallowed.",
        ),
        ("Dua mobil dan tiga motor terperosok.", "Tiga mobil dan dua motor terperosok."),
        (
            "Banjir merusak 12 rumah, 4 sekolah di Kampar.",
            "Floods damaged 4 houses and 12 schools.",
        ),
        (
            "Polisi menangkap 5 pria serta 2 perempuan di Medan.",
            "Police arrested 2 men and 5 women in Medan.",
        ),
    ],
)
def test_coordinated_counts_that_traded_places_disagree(claim, passage):
    check = _check(claim, passage)
    assert check.stance == CONTRADICTS
    assert len(check.disagree) == 2


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        # the same counts in the same places
        ("Dua mobil dan tiga sepeda motor terperosok.", "Two cars and three motorcycles fell in."),
        # the passage put the two the other way round, with the same words counted
        ("Dua mobil dan tiga motor terperosok.", "Tiga motor dan dua mobil terperosok."),
        # not coordinated: a count and another further on
        (
            "Dua mobil terperosok ke lubang yang dalamnya tiga meter, kata polisi di Padang.",
            "Three metres deep, the hole swallowed two cars.",
        ),
    ],
)
def test_counts_in_their_places_or_not_joined_are_not_swapped(claim, passage):
    assert _check(claim, passage).stance == SUPPORTS
