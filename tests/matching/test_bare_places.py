"""A place said bare ("di Karangsari") against a town of a stated kind ("di Kabupaten
Wonoharjo") in a passage about the same event: another town in the claim's slot, unless the
bare place is wider than a town (a province or a country, told by ISO 3166's names through
pycountry, not by a list of ours), and both stand after locatives of one sense. A place
noun ("Kota") is no name two places share, nor keeps two lists from sharing a member; a
name after any locative ("ke", "dari") has a place's role."""

import pytest

from factcheck.language.anchors import Anchor
from factcheck.matching import rank
from factcheck.matching.names import locative_sense, wider_place
from tests.matching import test_kind_roles

SUPPORTING = rank.SWAP_RELEVANCE + 10


def stance(claim: str, passage: str, relevance: float = SUPPORTING, lang: str = "id") -> str:
    return test_kind_roles.stance(claim, passage, relevance, lang)


CLAIM = "Sebanyak 214 rumah rusak diterjang puting beliung di {}."
PASSAGE = "Puting beliung merusak 214 rumah di tiga desa di {}, Selasa sore."


@pytest.mark.parametrize(
    ("mine", "theirs", "lang", "contradicts"),
    [
        # a town said bare against another town said with its kind: one slot
        ("Karangsari", "Kabupaten Wonoharjo", "id", True),
        ("Karangsari", "Kota Wonoharjo", "id", True),
        # a province said bare is the wider place, not another town: the report names the
        # regency within it (ISO 3166-2's "Jawa Tengah", "Aceh"; "Jakarta" of "Jakarta Raya")
        ("Jawa Tengah", "Kabupaten Wonoharjo", "id", False),
        ("Aceh", "Kabupaten Wonoharjo", "id", False),
        ("Jakarta", "Kota Wonoharjo", "id", False),
        # a village or a district is no town: said with its kind it names a part of one
        ("Karangsari", "Desa Wonoharjo", "id", False),
    ],
)
def test_a_place_said_bare_against_a_town_of_a_stated_kind(mine, theirs, lang, contradicts):
    found = stance(CLAIM.format(mine), PASSAGE.format(theirs), lang=lang)
    assert (found == rank.CONTRADICTS) == contradicts, found


def test_a_province_said_bare_against_its_regency_stays_supporting():
    claim = "Sebanyak 214 rumah rusak diterjang puting beliung di Jawa Tengah."
    passage = "Puting beliung merusak 214 rumah di tiga desa di Kabupaten Wonoharjo, Selasa sore."
    assert stance(claim, passage) == rank.SUPPORTS


def test_a_bare_town_against_an_english_report_naming_another_regency():
    claim = "Sebanyak 214 rumah rusak diterjang puting beliung di Karangsari."
    passage = "A whirlwind damaged 214 houses in three villages in Wonoharjo regency on Tuesday."
    assert stance(claim, passage, lang="en") == rank.CONTRADICTS


def test_a_bare_place_is_held_against_a_town_only_in_a_passage_relevant_enough_to_support():
    found = stance(
        CLAIM.format("Karangsari"),
        PASSAGE.format("Kabupaten Wonoharjo"),
        relevance=rank.SWAP_RELEVANCE - 5,
    )
    assert found != rank.CONTRADICTS


def test_two_places_after_locatives_of_two_senses_are_two_slots():
    # where the dogs are killed, where they come from
    claim = "Sekitar 1.600 ekor anjing dipotong di Karangsari setiap bulan."
    passage = "About 1,600 dogs were killed each month, most trucked in from Wonoharjo regency."
    assert stance(claim, passage, lang="en") != rank.CONTRADICTS


def test_a_place_noun_is_no_name_two_cities_share():
    claim = "Sekitar 1,2 juta data kependudukan Kota Tanjung Sari dijual di forum peretas."
    passage = "Sekitar 1,2 juta data kependudukan Kota Batu Putih dijual di forum peretas."
    assert stance(claim, passage) == rank.CONTRADICTS


@pytest.mark.parametrize(
    ("name", "wider"),
    [
        ("Jawa Tengah", True),
        ("Kalimantan Timur", True),
        ("Yogyakarta", True),
        ("Bayern", True),
        ("Central Java", True),  # "Jawa Tengah" said in English
        ("Karangsari", False),
        ("Wonoharjo", False),
    ],
)
def test_wider_places_are_the_names_iso_3166_gives(name, wider):
    assert wider_place(Anchor("name", name, name, 0, len(name)), "en") == wider


@pytest.mark.parametrize(
    ("text", "name", "sense"),
    [
        ("rumah rusak di Kabupaten Wonoharjo", "Wonoharjo", 0),
        ("records from the city of Karangsari", "Karangsari", 2),
        ("pasokan ke Kota Wonoharjo", "Wonoharjo", 1),
        ("Wonoharjo menetapkan KLB", "Wonoharjo", None),
    ],
)
def test_the_sense_of_the_locative_before_a_place(text, name, sense):
    start = text.index(name)
    assert locative_sense(text, Anchor("name", name, name, start, start + len(name))) == sense


def test_a_name_after_a_locative_of_where_a_thing_goes_is_a_place():
    # "ke" says where the supply goes: a place, held against the same report's other city
    claim = "Pasokan elpiji 3 kg ke Karangsari berkurang 18 persen."
    passage = "Pertamina menyebut pasokan elpiji 3 kg ke Kota Wonoharjo berkurang 18 persen."
    assert stance(claim, passage) == rank.CONTRADICTS


def test_a_listed_member_said_with_its_place_noun_is_the_member_said_without():
    # "Kabupaten Bone" and "Bone" are one member of the two lists: the second is swapped
    claim = (
        "Perluasan irigasi seluas 18.000 hektare dilakukan di Kabupaten Karangsari dan Wonoharjo."
    )
    passage = (
        "Officials credited 18,000 hectares of new irrigation in Karangsari and Sukorejo regencies."
    )
    assert stance(claim, passage, lang="en") == rank.CONTRADICTS


@pytest.mark.parametrize(
    ("passage", "contradicts"),
    [
        # the province in English words ("Jawa Tengah" in ISO 3166-2): the wider place
        ("A whirlwind damaged 214 houses in three villages in Central Java on Tuesday.", False),
        ("A whirlwind damaged 214 houses in three villages in West Nusa Tenggara.", False),
        # a regency said bare in English: another town
        ("A whirlwind damaged 214 houses in three villages in Wonoharjo on Tuesday.", True),
    ],
)
def test_a_province_said_in_english_words_is_no_other_town(passage, contradicts):
    claim = "Sebanyak 214 rumah rusak diterjang puting beliung di Kabupaten Karangsari."
    assert (stance(claim, passage, lang="en") == rank.CONTRADICTS) == contradicts
