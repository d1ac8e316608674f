"""A claim's one rank ("daerah ke-21", "unggulan kesembilan") against the passage's ("the 12th
region", "seeded 19th"): another rank contradicts, in a passage relevant enough to support the
claim; no magnitude spares it."""

import pytest

from factcheck.language.anchors import extract_anchors
from factcheck.matching.embedding import embedder
from factcheck.matching.rank import CONTRADICTS, SWAP_RELEVANCE, match_claim
from factcheck.matching.verify import SUPPORTS, ordinals, verify
from tests.matching.test_names import embedded_index

MODEL = embedder()  # the bundled model, loaded once per test session


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Magelang menjadi daerah ke-21 yang melarangnya.", [21]),
        ("Magelang is the 12th region to outlaw the trade.", [12]),
        ("She was seeded 19th among 64 players.", [19]),
        ("Putri tampil sebagai unggulan kesembilan dari 64 pecatur.", [9]),
        ("Bank itu yang keempat belas.", [14]),
        ("It was the ninth attempt.", [9]),
        ("Kedua negara sepakat.", []),  # ke- before a noun: "both countries"
        ("Polisi menangkap ketiga pelaku.", []),  # "the three perpetrators"
        ("A second wave followed.", []),  # no determiner: "second" may be a unit of time
        ("It was first recorded in 2022.", []),  # "first": as often an adverb
        ("Pasal 21 ayat 2 dilanggar.", []),  # numbers, not ranks
    ],
)
def test_ordinals_are_read_in_both_languages(text, expected):
    assert [int(v.number) for v in ordinals(text)] == expected


def check(claim: str, passage: str, ranks: bool = True):
    mine, theirs = extract_anchors(claim, "id", None), extract_anchors(passage, "en", None)
    return verify(claim, mine, passage, theirs, ranks=ranks)


@pytest.mark.parametrize(
    ("claim", "passage", "stance"),
    [
        (
            "Magelang menjadi daerah ke-21 yang melarang perdagangan daging anjing.",
            "Magelang is the 12th region in the country to outlaw the trade.",
            CONTRADICTS,
        ),
        (  # no magnitude spares a rank: 9 against 19
            "Putri tampil sebagai unggulan kesembilan dari 64 pecatur.",
            "She was seeded 19th among 64 players.",
            CONTRADICTS,
        ),
        (
            "Putri tampil sebagai unggulan kesembilan dari 64 pecatur.",
            "She was the ninth seed among 64 players.",
            SUPPORTS,
        ),
    ],
)
def test_a_claims_rank_against_the_passages(claim, passage, stance):
    assert check(claim, passage).stance == stance


def test_two_ranks_in_the_passage_leave_another_rank_unjudged():
    claim = "Magelang menjadi daerah ke-21 yang melarang perdagangan daging anjing."
    passage = "Magelang is the 12th region, and Solo the 13th, to outlaw the trade."
    assert not check(claim, passage).disagree


def test_ranks_are_compared_only_when_asked():
    claim = "Magelang menjadi daerah ke-21 yang melarang perdagangan daging anjing."
    passage = "Magelang is the 12th region in the country to outlaw the trade."
    assert check(claim, passage, ranks=False).disagree == ()


def test_a_rank_contradicts_only_in_a_passage_relevant_enough_to_support():
    claim = "Magelang menjadi daerah ke-21 di Indonesia yang melarang perdagangan daging anjing."
    texts = [
        "Magelang is the 21st region in Indonesia to outlaw the dog meat trade.",
        "Magelang is the 12th region in Indonesia to outlaw the dog meat trade.",
        "Kazakhstan is the ninth largest country in the world.",
        "The city opened a new market on Monday.",
    ]
    index = embedded_index(*texts)
    found = {m.passage_id: m for m in match_claim(index, claim, "id", 10, 0.0, model=MODEL)}
    assert found["p0"].stance == SUPPORTS
    assert found["p1"].score >= SWAP_RELEVANCE
    assert found["p1"].disagree == ("rank: claim ke-21 ≠ passage 12th",)
    assert found["p2"].score < SWAP_RELEVANCE
    assert found["p2"].stance != CONTRADICTS
