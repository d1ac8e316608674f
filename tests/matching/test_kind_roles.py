"""Two places of one kind found by their roles alone (no name shared) fill one slot as two
found beside a shared name do: the kind ties them, no meaning is asked, and a passage
relevant enough to be shown as contradicting is enough (CONTRADICTION_THRESHOLD, under
SWAP_RELEVANCE)."""

import pytest

from factcheck.matching import rank
from factcheck.matching.embedding import embedder
from factcheck.matching.index import MatchIndex
from factcheck.matching.scoring import ClaimScorer
from factcheck.sources.passages import Passage

MODEL = embedder()  # the bundled model, loaded once per test session
CLAIM = "Jemaah haji tertua dari embarkasi itu berusia 97 tahun dan berasal dari {}."
PASSAGE = "The oldest pilgrim in the group, a woman of 97, comes from {}."


def stance(claim: str, passage: str, relevance: float, lang: str = "en") -> str:
    index = MatchIndex.build([Passage("p0", passage, lang)], None, MODEL.embed_passages([passage]))
    scorer = ClaimScorer(index, claim, "id")
    slots = rank._Slots(index, scorer, rank._cosines(index, claim, MODEL), MODEL)
    return slots.check(0, relevance).stance


BETWEEN = (rank.CONTRADICTION_THRESHOLD + rank.SWAP_RELEVANCE) / 2


@pytest.mark.parametrize(
    ("mine", "theirs", "relevance", "contradicts"),
    [
        # two regencies, two cities: one slot, from the floor of a shown contradiction
        ("Kabupaten Sungai Rawa", "Bukit Hijau regency", BETWEEN, True),
        ("Kota Tanah Merah", "Bukit Hijau city", BETWEEN, True),
        # under that floor, nothing is asked
        ("Kabupaten Sungai Rawa", "Bukit Hijau regency", rank.CONTRADICTION_THRESHOLD - 5, False),
        # a regency and a province: two kinds, not one slot
        ("Kabupaten Sungai Rawa", "South Sulawesi province", BETWEEN, False),
    ],
)
def test_places_of_one_kind_found_by_their_roles_fill_one_slot(
    mine, theirs, relevance, contradicts
):
    found = stance(CLAIM.format(mine), PASSAGE.format(theirs), relevance)
    assert (found == rank.CONTRADICTS) == contradicts
