"""A claim's day said in the passage as the day before or after it ties the passage to the
claim's fact: such a contradiction is shown from TRANSPOSED_THRESHOLD, under
CONTRADICTION_THRESHOLD, as a figure with two digits swapped is."""

import pytest

from factcheck.language.anchors import extract_anchors
from factcheck.matching import rank
from factcheck.matching.embedding import embedder
from factcheck.matching.verify import CONTRADICTS, day_off, verify
from tests.matching.test_names import embedded_index

MODEL = embedder()  # the bundled model, loaded once per test session
CLAIM = "Ledakan rumah produksi petasan di Kebumen terjadi pada Selasa, 3 Maret 2026."
BODY = "Neighbours heard the blast on {}, and the road stayed closed until evening."


def off(claim: str, claim_lang: str, passage: str) -> bool:
    mine = extract_anchors(claim, claim_lang, None)
    theirs = extract_anchors(passage, "en", None)
    check = verify(claim, mine, passage, theirs)
    return check.stance == CONTRADICTS and day_off(claim, mine, passage, theirs, check)


@pytest.mark.parametrize(
    ("claim", "claim_lang", "date", "expected"),
    [
        (CLAIM, "id", "Wednesday, March 4", True),  # the day after
        (CLAIM, "id", "Monday, March 2", True),  # the day before
        (CLAIM, "id", "March 2, 2026", True),  # with the year
        (CLAIM, "id", "March 5", False),  # two days off: another day
        (CLAIM, "id", "March 4, 2025", False),  # another year
        (CLAIM, "id", "Wednesday", False),  # a weekday alone is not placed
        (CLAIM, "id", "March 3", False),  # the same day: no disagreement
        (  # across the end of a month
            "Empat pria merampok toko emas di Pasar Ciputat pada Minggu, 1 November 2026.",
            "id",
            "Saturday, Oct. 31",
            True,
        ),
    ],
)
def test_a_date_a_day_off_is_a_day_off(claim, claim_lang, date, expected):
    assert off(claim, claim_lang, BODY.format(date)) == expected


def test_a_date_a_day_off_is_shown_as_contradicting_under_the_contradiction_floor(monkeypatch):
    texts = [
        BODY.format("Wednesday, March 4"),
        BODY.format("Thursday, March 5"),
        "The city opened a new market.",
    ]
    index = embedded_index(*texts)
    relevance = {
        m.passage_id: m.score for m in rank.match_claim(index, CLAIM, "id", 10, 0.0, model=MODEL)
    }
    # both passages contradict; floors put above both and under both: only the day off is
    # relevant enough to be shown
    high = max(relevance["p0"], relevance["p1"])
    low = min(relevance["p0"], relevance["p1"])
    monkeypatch.setattr(rank, "CONTRADICTION_THRESHOLD", high + 1)
    monkeypatch.setattr(rank, "TRANSPOSED_THRESHOLD", low - 1)
    found = rank.match_claim(index, CLAIM, "id", min_score=100.0, model=MODEL)
    assert [(m.passage_id, m.stance) for m in found] == [("p0", CONTRADICTS)]
