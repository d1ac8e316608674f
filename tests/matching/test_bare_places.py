"""A place noun ("Kota") is no name two places share."""

from factcheck.matching import rank
from factcheck.matching.embedding import embedder
from factcheck.matching.index import MatchIndex
from factcheck.matching.scoring import ClaimScorer
from factcheck.sources.passages import Passage

MODEL = embedder()  # the bundled model, loaded once per test session
SUPPORTING = rank.SWAP_RELEVANCE + 10


def stance(claim: str, passage: str, relevance: float = SUPPORTING, lang: str = "id") -> str:
    index = MatchIndex.build([Passage("p0", passage, lang)], None, MODEL.embed_passages([passage]))
    scorer = ClaimScorer(index, claim, "id")
    slots = rank._Slots(index, scorer, rank._cosines(index, claim, MODEL), MODEL)
    return slots.check(0, relevance).stance


def test_a_place_noun_is_no_name_two_cities_share():
    claim = "Sekitar 1,2 juta data kependudukan Kota Tanjung Sari dijual di forum peretas."
    passage = "Sekitar 1,2 juta data kependudukan Kota Batu Putih dijual di forum peretas."
    assert stance(claim, passage) == rank.CONTRADICTS
