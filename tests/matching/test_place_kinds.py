"""Two places said as places of one kind ("Kabupaten Bone" / "Wajo regency") fill one slot:
with no name shared, the kind ties them as the word they hang on does; beside a shared name,
it ties them without asking meaning, from the floor of a shown contradiction. A regency
against its province, or a place said bare, is no such pair."""

import pytest

from factcheck.matching.embedding import embedder
from factcheck.matching.names import kind_swaps, named, place_kind
from factcheck.matching.rank import CONTRADICTS, match_claim
from tests.matching.test_names import embedded_index

MODEL = embedder()  # the bundled model, loaded once per test session


def kind_of(text: str, lang: str, label: str) -> int | None:
    name = next(a for a in named(text, lang, None, crowded=True) if a.text == label)
    return place_kind(text, name)


REGENCY, CITY, PROVINCE = 0, 1, 2
KINDS = [
    ("Jemaah tertua berasal dari Kabupaten Sungai Rawa.", "id", "Kabupaten Sungai Rawa", REGENCY),
    ("The oldest pilgrim comes from Bukit Hijau regency.", "en", "Bukit Hijau", REGENCY),
    ("The shop is in Ciputat, in the city of Tanah Merah.", "en", "Tanah Merah", CITY),
    ("Dana terbesar datang dari kota Tanah Merah tahun ini.", "id", "Tanah Merah", CITY),
    ("The pilgrim comes from South Sulawesi province.", "en", "South Sulawesi", PROVINCE),
    # a comma ends the phrase: the province is not the regency before it
    ("Cracks were found in Bukit Hijau regency, Tanah Datar, today.", "en", "Tanah Datar", None),
    ("The ferry docked at the port in Tanah Merah on Friday.", "en", "Tanah Merah", None),
]


@pytest.mark.parametrize(("text", "lang", "label", "kind"), KINDS)
def test_a_place_is_of_the_kind_its_place_noun_says(text, lang, label, kind):
    assert kind_of(text, lang, label) == kind


def stance(claim: str, passage: str) -> tuple[str, tuple[str, ...]]:
    texts = [passage, "The city opened a new market on Monday."]
    index = embedded_index(*texts)
    found = {m.passage_id: m for m in match_claim(index, claim, "id", model=MODEL)}
    return found["p0"].stance, found["p0"].disagree


PILGRIM = "Jemaah haji tertua dari embarkasi itu berusia 97 tahun dan berasal dari {}."
PRAYER_HALL = (
    "Musala tiga lantai di Pondok Pesantren Nurul Huda, {}, ambruk pada Senin, 2 November 2026."
)
SWAPPED = [
    (
        PILGRIM.format("Kabupaten Sungai Rawa"),
        "The oldest pilgrim in the group, a woman of 97, comes from Bukit Hijau regency.",
        "name: claim Kabupaten Sungai Rawa ≠ passage Bukit Hijau",
    ),
    (
        PRAYER_HALL.format("Kabupaten Sungai Rawa"),
        "The three-storey building at the Nurul Huda boarding school in Bukit Hijau regency "
        "gave way during prayers on Monday.",
        "name: claim Kabupaten Sungai Rawa ≠ passage Bukit Hijau",
    ),
]


@pytest.mark.parametrize(("claim", "passage", "reason"), SWAPPED)
def test_another_place_of_the_same_kind_in_the_claims_slot_contradicts(claim, passage, reason):
    assert stance(claim, passage) == (CONTRADICTS, (reason,))


NOT_SWAPPED = [
    # the passage names the regency's province: another kind of place, not another place
    (
        PILGRIM.format("Kabupaten Sungai Rawa"),
        "The oldest pilgrim in the group, a woman of 97, comes from South Sulawesi province.",
    ),
    (
        PRAYER_HALL.format("Kabupaten Sungai Rawa"),
        "The three-storey building at the Nurul Huda boarding school in East Java province "
        "gave way during prayers on Monday.",
    ),
]


@pytest.mark.parametrize(("claim", "passage"), NOT_SWAPPED)
def test_a_place_of_another_kind_does_not_contradict(claim, passage):
    assert stance(claim, passage)[0] != CONTRADICTS


def kinds_swapped(claim: str, passage: str) -> list[tuple[str, str]]:
    mine = named(claim, "id", None, crowded=True)
    theirs = named(passage, "en", None, crowded=True)
    return [(s.claim.text, s.passage.text) for s in kind_swaps(claim, mine, passage, theirs)]


LAND = "Pemerintah Kota Sukamaju membeli lahan itu seharga Rp 27 miliar."


@pytest.mark.parametrize(
    ("passage", "found"),
    [
        (
            "The land was bought by Sukamaju regency for 27 billion rupiah.",
            [("Kota Sukamaju", "Sukamaju regency")],
        ),
        ("The land was bought by the city of Sukamaju for 27 billion rupiah.", []),
        # no kind said: one place
        ("The land in Sukamaju was bought for 27 billion rupiah.", []),
        # another name of another kind is no such pair
        ("The land was bought by Cibeureum regency for 27 billion rupiah.", []),
    ],
)
def test_one_name_said_as_places_of_two_kinds_is_two_places(passage, found):
    assert kinds_swapped(LAND, passage) == found


def test_a_city_for_the_regency_of_its_name_contradicts():
    claim = "Kota Sukamaju membeli lahan pemakaman baru seluas 8,5 hektare seharga Rp 27 miliar."
    passage = "The new 8.5-hectare cemetery was bought by Sukamaju regency for 27 billion rupiah."
    assert stance(claim, passage) == (
        CONTRADICTS,
        ("name: claim Kota Sukamaju ≠ passage Sukamaju regency",),
    )
