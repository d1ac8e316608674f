"""A province or a country against a town or another narrower place in the claim's slot
("di Jawa Tengah" / "di pasar-pasar Kabupaten Wonoharjo"): the town may lie in the province,
and without a gazetteer of what lies where the two do not disagree; the passage is read on
its other values. Which places are wider than a town is ISO 3166's word (pycountry), not a
list of ours; two provinces, or two towns, are still two places in one slot."""

import pytest

from factcheck.language.anchors import Anchor
from factcheck.matching import rank
from factcheck.matching.names import wider_against_narrower
from tests.matching import test_kind_roles

SUPPORTING = rank.SWAP_RELEVANCE + 10


def stance(claim: str, passage: str, relevance: float = SUPPORTING, lang: str = "id") -> str:
    return test_kind_roles.stance(claim, passage, relevance, lang)


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "Harga minyak goreng di Jawa Tengah mencapai Rp 19.500 per liter.",
            "Minyak goreng dijual Rp 19.500 per liter di pasar-pasar Kabupaten Wonoharjo, "
            "padahal HET-nya Rp 15.700.",
        ),
        (
            "Sebuah pabrik karet remah di Kalimantan Barat merumahkan 320 pekerja.",
            "Sebuah pabrik karet remah di Karangsari berhenti membeli dan merumahkan 320 "
            "pekerjanya.",
        ),
        (
            "Hampir 90 siswa SMP negeri di Provinsi Bengkulu kehilangan kursinya karena "
            "alamat palsu.",
            "Dinas Pendidikan Kota Bengkulu membatalkan penerimaan 87 siswa SMP negeri pada "
            "Rabu (24/6) karena alamat domisili mereka palsu.",
        ),
    ],
)
def test_a_province_against_a_town_is_no_disagreement(claim, passage):
    assert stance(claim, passage) != rank.CONTRADICTS


def test_a_town_against_a_province_the_other_way_round_neither():
    claim = "Minyak goreng dijual Rp 19.500 per liter di pasar-pasar Kabupaten Wonoharjo."
    passage = "Harga minyak goreng di Jawa Tengah mencapai Rp 19.500 per liter."
    assert stance(claim, passage) != rank.CONTRADICTS


def test_a_wrong_figure_beside_a_province_and_its_town_still_disagrees():
    claim = "Harga minyak goreng di Jawa Tengah mencapai Rp 19.500 per liter."
    passage = "Minyak goreng dijual Rp 21.000 per liter di pasar-pasar Kabupaten Wonoharjo."
    assert stance(claim, passage) == rank.CONTRADICTS


def _name(text: str, name: str) -> Anchor:
    start = text.index(name)
    return Anchor("name", name, name, start, start + len(name))


@pytest.mark.parametrize(
    ("mine", "theirs", "within"),
    [
        ("Jawa Tengah", "Kabupaten Wonoharjo", True),
        ("Kabupaten Wonoharjo", "Jawa Tengah", True),
        # two provinces, or two towns: one slot, two places, left to the other rules
        ("Jawa Tengah", "Jawa Timur", False),
        ("Kabupaten Karangsari", "Kabupaten Wonoharjo", False),
    ],
)
def test_which_pairs_are_a_wider_place_against_a_narrower(mine, theirs, within):
    claim, passage = f"Harga naik di {mine}.", f"Harga naik di {theirs}."
    found = wider_against_narrower(
        claim, _name(claim, mine), passage, _name(passage, theirs), "id", "id"
    )
    assert found == within


def test_a_city_that_shares_its_provinces_name_is_a_town():
    # "Kota Jambi" is the city, not the province of Jambi: against another city, one slot
    claim = "Sekitar 1,2 juta data kependudukan Kota Jambi dijual di forum peretas."
    passage = "Sekitar 1,2 juta data kependudukan Kota Batu Putih dijual di forum peretas."
    assert stance(claim, passage) == rank.CONTRADICTS
