"""A list of names with one member changed: the members both lists share tie the changed one
to the claim's slot, with no meaning test."""

import pytest

from factcheck.matching.embedding import embedder
from factcheck.matching.index import MatchIndex
from factcheck.matching.names import candidate_swaps, listed_swaps, named
from factcheck.matching.rank import CONTRADICTS, match_claim
from factcheck.sources.passages import Passage

MODEL = embedder()
CLAIM = "Bantuan beras dibagikan kepada warga di Kabupaten Lebak, Pandeglang, dan Serang."


def listed(claim: str, passage: str, passage_lang: str = "en") -> list[tuple[str, str]]:
    mine, theirs = named(claim, "id", None), named(passage, passage_lang, None)
    swaps = candidate_swaps(claim, "id", mine, passage, passage_lang, theirs)
    return [
        (s.claim.text, s.passage.text) for s in listed_swaps(claim, mine, passage, theirs, swaps)
    ]


RAIL = "Jalur kereta antara Kediri dan Blitar ditutup selama dua hari."


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        # the last member changed, the others listed alike
        (
            CLAIM,
            "Rice aid went to residents of Lebak, Pandeglang and Tangerang regencies.",
            [("Serang", "Tangerang")],
        ),
        # two members joined by a word alone
        (
            RAIL,
            "The rail line between Kediri and Tulungagung was closed for two days.",
            [("Blitar", "Tulungagung")],
        ),
        # the same list: nothing changed
        (CLAIM, "Rice aid went to residents of Lebak, Pandeglang and Serang regencies.", []),
        # the new name on the other side of the shared one: another part of a longer list
        (CLAIM, "Rice aid also went to residents of Tangerang and Lebak.", []),
        # the new name is not in the list: a preposition ties no list
        (CLAIM, "Rice aid went to Pandeglang residents in Tangerang.", []),
        # a shorter list on the same side of a shared member: another statement about part
        # of the claim's list, not one member changed
        (CLAIM, "Rice aid went to Pandeglang and Tangerang first.", []),
        (
            CLAIM,
            "Rice aid reached Cilegon, Pandeglang and Serang.",
            [("Kabupaten Lebak", "Cilegon")],
        ),
    ],
)
def test_a_list_with_one_member_changed_is_a_swap(claim, passage, expected):
    assert listed(claim, passage) == expected


def test_a_name_beside_another_by_a_preposition_is_not_listed():
    claim = "Festival itu digelar di Danau Toba di Sumatera Utara."
    assert listed(claim, "The festival was held at Lake Toba, in Aceh.") == []


def test_the_changed_member_is_shown_as_contradicting():
    passages = [
        "Rice aid went to residents of Lebak, Pandeglang and Tangerang regencies.",
        "Heavy rain fell across Banten for a third day.",
    ]
    index = MatchIndex.build(
        [Passage(f"p{i}", t, "en") for i, t in enumerate(passages)],
        None,
        MODEL.embed_passages(passages),
    )
    found = {m.passage_id: m for m in match_claim(index, CLAIM, "id", model=MODEL)}
    assert found["p0"].stance == CONTRADICTS
    assert found["p0"].disagree == ("name: claim Serang ≠ passage Tangerang",)
