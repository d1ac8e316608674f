"""A claim's figure said with two digits swapped ties the passage to the claim's fact: such a
contradiction is shown from TRANSPOSED_THRESHOLD, under CONTRADICTION_THRESHOLD."""

import pytest

from factcheck.language.anchors import extract_anchors
from factcheck.matching import rank
from factcheck.matching.embedding import embedder
from factcheck.matching.index import MatchIndex
from factcheck.matching.verify import CONTRADICTS, transposition, verify
from factcheck.sources.passages import Passage

MODEL = embedder()  # the bundled model, loaded once per test session
CLAIM = "Polisi menyita 2.470 botol minuman keras oplosan dari gudang di Kabupaten Tanah Merah."
BODY = "{} bottles were counted by evening, while traffic on the coastal road stayed slow."


@pytest.mark.parametrize(
    ("figure", "expected"),
    [("2,740", True), ("4,270", True), ("2,900", False), ("2,470", False)],
)
def test_a_figure_with_two_digits_swapped_is_a_transposition(figure, expected):
    passage = BODY.format(figure)
    mine = extract_anchors(CLAIM, "id", None)
    theirs = extract_anchors(passage, "en", None)
    check = verify(CLAIM, mine, passage, theirs)
    assert (check.stance == CONTRADICTS and transposition(CLAIM, mine, passage, theirs, check)) == (
        expected
    )


def test_two_digit_figures_of_different_things_share_their_digits_by_chance_too_often():
    claim, passage = "Sebanyak 12 truk disita polisi.", "Police seized 21 vehicles."
    mine, theirs = extract_anchors(claim, "id", None), extract_anchors(passage, "en", None)
    check = verify(claim, mine, passage, theirs)
    assert check.stance == CONTRADICTS  # the only counts on each side: paired
    assert not transposition(claim, mine, passage, theirs, check)


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("Sebanyak 12 truk disita polisi.", "Police seized 21 trucks."),  # one word counted
        ("Luas TPU baru di Bogor itu 8,5 hektare.", "It covers 5.8 hectares."),
        ("Perolehan zakat itu naik 18 persen.", "Collections rose 81 percent."),  # percentages
        ("Tiket itu seharga 45 dolar AS.", "Tickets cost $54."),  # one currency
    ],
)
def test_small_figures_of_one_measure_with_two_digits_swapped_are_a_transposition(claim, passage):
    mine, theirs = extract_anchors(claim, "id", None), extract_anchors(passage, "en", None)
    check = verify(claim, mine, passage, theirs)
    assert check.stance == CONTRADICTS
    assert transposition(claim, mine, passage, theirs, check)


def test_a_transposed_figure_is_shown_as_contradicting_under_the_contradiction_floor(
    monkeypatch,
):
    texts = [BODY.format("2,740"), BODY.format("2,900"), "The city opened a new market."]
    index = MatchIndex.build(
        [Passage(f"p{i}", t, "en") for i, t in enumerate(texts)],
        None,
        MODEL.embed_passages(texts),
    )
    relevance = {
        m.passage_id: m.score for m in rank.match_claim(index, CLAIM, "id", 10, 0.0, model=MODEL)
    }
    # both passages contradict; floors put between and above them: only the transposition
    # is relevant enough to be shown
    low, high = sorted((relevance["p0"], relevance["p1"]))
    monkeypatch.setattr(rank, "CONTRADICTION_THRESHOLD", high + 1)
    monkeypatch.setattr(rank, "TRANSPOSED_THRESHOLD", low + 1)
    found = rank.match_claim(index, CLAIM, "id", min_score=100.0, model=MODEL)
    assert relevance["p0"] > low
    assert [(m.passage_id, m.stance) for m in found] == [("p0", CONTRADICTS)]
