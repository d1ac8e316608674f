"""Two capitalised runs joined by "dan"/"and" that name one body (issue 15, extract11): the
organisation noun closes an English name and opens an Indonesian one, so "North Dales Fire
and Rescue Service" and "Dinas Peternakan dan Kesehatan Hewan Kabupaten Ngawen Raya" are one
name each, and a claim's claimant is the whole body, not "Rescue Service"."""

from __future__ import annotations

import pytest

from factcheck.language.anchors import whole_names
from tests.articles.test_anaphora import claim_of


def _names(text: str, language: str) -> list[str]:
    return [n.text for n in whole_names(text, language)]


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        ("en", "North Dales Fire and Rescue Service said crews were at the scene.",
         "North Dales Fire and Rescue Service"),
        ("en", "The Food and Drug Administration approved the drug.",
         "Food and Drug Administration"),
        ("id", "Kepala Dinas Peternakan dan Kesehatan Hewan Kabupaten Ngawen Raya hadir.",
         "Dinas Peternakan dan Kesehatan Hewan Kabupaten Ngawen Raya"),
        ("id", "Dinas Energi dan Sumber Daya Mineral mencatat 11 titik tambang.",
         "Dinas Energi dan Sumber Daya Mineral"),
    ],
)  # fmt: skip
def test_one_body_joined_by_and_is_one_name(language, text, name):
    assert any(name in found for found in _names(text, language))


@pytest.mark.parametrize(
    ("language", "text", "names"),
    [
        # two places, two bodies each with its noun, a body then a title
        ("en", "The road between Ravensby and Kettlegill was closed.", ["Ravensby", "Kettlegill"]),
        ("en", "Westmarch County Council and Harbour Board met on Monday.",
         ["Westmarch County Council", "Harbour Board"]),
        ("id", "Badan Pusat Statistik dan Bank Indonesia sepakat.",
         ["Badan Pusat Statistik", "Bank Indonesia"]),
        ("id", "Dinas Kesehatan dan Bupati Rawa Asri meninjau lokasi.",
         ["Dinas Kesehatan", "Bupati Rawa Asri"]),
        # a second body the text also writes on its own
        ("id", "Bea Cukai menyita rokok. Polres Rawa Asri dan Bea Cukai menggelar razia.",
         ["Polres Rawa Asri", "Bea Cukai"]),
    ],
)  # fmt: skip
def test_two_names_joined_by_and_stay_two(language, text, names):
    found = _names(text, language)
    assert all(n in found for n in names), found


def test_the_whole_body_is_the_claimant():
    body = (
        "A wildfire on Hallowmere Moor has burned 900 hectares since Wednesday. A disposable "
        "barbecue was found at the spot, according to North Dales Fire and Rescue Service."
    )
    claim = claim_of("Moorland fire burns 900 hectares", body, "en", "barbecue")
    assert claim.claimant == "North Dales Fire and Rescue Service"
