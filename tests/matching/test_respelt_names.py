"""A name said with one word spelt alike but otherwise is another name ("Ketut Sudarsana" /
"Ketut Suardana", "Teguh Santosa" / "Teguh Santoso"); the ways one name is spelt (the old
Indonesian spelling, "y" for "i", "o" for "u", a letter doubled) are one name spelt two ways
("Mohammad" / "Muhammad", "Soeharto" / "Suharto", "Maryam" / "Mariam")."""

import pytest

from factcheck.matching.embedding import embedder
from factcheck.matching.names import named, partial_swaps
from factcheck.matching.rank import CONTRADICTS, match_claim
from tests.matching.test_names import embedded_index

MODEL = embedder()  # the bundled model, loaded once per test session


def partial(claim: str, passage: str, surnames: bool = True) -> list[tuple[str, str]]:
    mine = named(claim, "en", None, crowded=True)
    theirs = named(passage, "en", None, crowded=True)
    found = partial_swaps(claim, "en", mine, passage, "en", theirs, surnames=surnames)
    return [(s.claim.text, s.passage.text) for s in found]


CLAIM = "The immigration office is headed by {}, officials said."
PASSAGE = "The bans could be extended, said {}, who heads the immigration office."
RESPELT = [
    ("Ketut Sudarsana", "Ketut Suardana"),
    ("Rina Kartikasari", "Rina Kartikawati"),
    ("Rudi Hartono", "Rudi Hartanto"),
    ("PT Bukit Raya Konstruksi", "PT Bukit Jaya Konstruksi"),
    # another vowel, no spelling of one name
    ("Asep Mulyana", "Asep Maulana"),
    ("Teguh Santosa", "Teguh Santoso"),
    ("Rahmat Syahputra", "Rahmat Syahputri"),
]


@pytest.mark.parametrize(("mine", "theirs"), RESPELT)
def test_a_word_of_a_name_respelt_is_another_name(mine, theirs):
    assert partial(CLAIM.format(mine), PASSAGE.format(theirs)) == [(mine, theirs)]


ONE_NAME = [
    ("Abdul Mohammad", "Abdul Muhammad"),  # other vowels
    ("Bapak Soeharto", "Bapak Suharto"),  # the old spelling
    ("Volodymyr Zelenskyy", "Volodymyr Zelensky"),  # a letter doubled
    ("Siti Maryam", "Siti Mariam"),  # "y" for "i"
    ("Bapak Achmad", "Bapak Ahmad"),  # the old spelling of Arabic's "kh"
    ("Provinsi Sumatera Barat", "Provinsi Sumatra Barat"),  # Indonesian's unstressed "e"
    ("Sudarsana Ketut", "Suardana Ketut"),  # the first word: a title or a translation changes it
]


@pytest.mark.parametrize(("mine", "theirs"), ONE_NAME)
def test_a_word_spelt_the_ways_of_one_name_or_first_is_one_name(mine, theirs):
    assert partial(CLAIM.format(mine), PASSAGE.format(theirs)) == []


def test_a_respelt_word_needs_a_passage_relevant_enough_to_support():
    mine, theirs = RESPELT[0]
    assert partial(CLAIM.format(mine), PASSAGE.format(theirs), surnames=False) == []


def test_a_passage_naming_the_claims_person_respelt_contradicts_it():
    claim = "The BNPB deputy in charge of the cloud seeding operation is Lestari Kartikasari."
    passage = (
        "Flights will go on as long as rain clouds form, said Lestari Kartikawati, the BNPB "
        "deputy in charge of the cloud seeding operation."
    )
    texts = [passage, "The city opened a new market on Monday."]
    index = embedded_index(*texts)
    found = {m.passage_id: m for m in match_claim(index, claim, "en", model=MODEL)}
    assert found["p0"].stance == CONTRADICTS
    reason = "name: claim Lestari Kartikasari ≠ passage Lestari Kartikawati"
    assert found["p0"].disagree == (reason,)


@pytest.mark.parametrize(
    ("mine", "theirs", "contradicts"),
    [
        # a name spelt all but alike is the claim's person, whatever the passage dates
        ("Lestari Kartikasari", "Lestari Kartikawati", True),
        # another part of a name, beside another year, may be another event's
        ("PT Sinar Hunian Abadi", "PT Cahaya Hunian Abadi", False),
    ],
)
def test_beside_another_year_only_a_respelt_name_contradicts(mine, theirs, contradicts):
    claim = f"The flood relief warehouse is run by {mine}."
    passage = f"{theirs}, which runs the flood relief warehouse, built it in 2017."
    index = embedded_index(passage, "The city opened a new market on Monday.")
    found = {m.passage_id: m for m in match_claim(index, claim, "en", model=MODEL)}
    assert (found["p0"].stance == CONTRADICTS) == contradicts


@pytest.mark.parametrize(
    ("claim", "passage", "found"),
    [
        # one name, said of a person on both sides, respelt: another person
        (
            "Village head Darsono said the bridge had no railing.",
            "Village chief Darsino said there was no railing on the bridge.",
            [("Darsono", "Darsino")],
        ),
        # one spelling of one name ("y" for "i")
        (
            "Village head Suryadi said the bridge had no railing.",
            "Village chief Suriadi said there was no railing on the bridge.",
            [],
        ),
        # not said of a person: a one-word name may be anything
        (
            "The bridge at Darsono had no railing.",
            "The bridge at Darsino had no railing.",
            [],
        ),
    ],
)
def test_a_persons_one_name_respelt_is_another_person(claim, passage, found):
    assert partial(claim, passage) == found


def test_a_persons_one_name_respelt_needs_a_passage_relevant_enough_to_support():
    claim = "Village head Darsono said the bridge had no railing."
    passage = "Village chief Darsino said there was no railing on the bridge."
    assert partial(claim, passage, surnames=False) == []
