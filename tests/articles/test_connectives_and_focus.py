"""Two closed classes that garbled claim texts (issue 15, extract11): a concessive with a
demonstrative ("Meski demikian, ...") is one connective, not "Meski" opening a clause whose
subject is "demikian"; a focus adverb ("hanya", "justru") ends the noun phrase before it,
so a noun's first mention ("kenaikan hanya berlaku ...") does not carry it along. Each case
is an invented article of its own."""

from __future__ import annotations

import pytest

from tests.articles.test_anaphora import claim_of


@pytest.mark.parametrize(
    "connective", ["Meski demikian", "Walaupun demikian", "Kendati demikian", "Walau begitu"]
)
def test_a_concessive_with_a_demonstrative_is_one_connective(connective):
    body = (
        "Rektorat menaikkan uang kuliah pada Senin. "
        f"{connective}, BEM mencatat kenaikan uang kuliah itu adalah yang kedua dalam tiga tahun."
    )
    claim = claim_of("Laporan", body, "id", "kedua")
    assert claim.claim_text.startswith("BEM mencatat")
    assert claim.claimant == "BEM"


@pytest.mark.parametrize("adverb", ["hanya", "justru", "bahkan"])
def test_a_focus_adverb_is_no_part_of_the_noun_a_demonstrative_points_to(adverb):
    body = (
        f"Rektor Universitas Arunika menyebut kenaikan {adverb} berlaku bagi 4.000 mahasiswa "
        "baru. Mahasiswa menolak kenaikan itu dalam aksi pada Selasa (1/12/2026)."
    )
    claim = claim_of("Laporan", body, "id", "Mahasiswa menolak")
    assert f"kenaikan {adverb}" not in claim.claim_text
