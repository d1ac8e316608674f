"""A person introduced with a title in apposition ("Kepala Dinas Peternakan Padang Larang,
Markus Lede, ...") keeps that title in later claims that open with their name alone or
after "Menurut" (issue 15, extract11): "Ketua Badan Eksekutif Mahasiswa UNA" must not become
a bare name a reader cannot place. Each case is an invented article of its own."""

from __future__ import annotations

import pytest

from factcheck.articles.extract import extract_claims
from tests.articles.test_anaphora import claim_of


@pytest.mark.parametrize(
    ("body", "span_words", "expected"),
    [
        # a later sentence with the name shortened, resolved to the full name
        (
            "Kepala Dinas Peternakan Rawa Asri, Markus Lede, mengatakan 37 sapi mati pada "
            "Senin. Markus beralasan anggaran vaksin hanya Rp 310 juta.",
            "Rp 310 juta",
            "Kepala Dinas Peternakan Rawa Asri, Markus Lede, beralasan anggaran vaksin",
        ),
        # a pronoun resolved to the person
        (
            "Bupati Gunung Kapur, Hartono, menetapkan status tanggap darurat pada Senin. Ia "
            "mengajukan bantuan 40 truk tangki ke pemerintah provinsi.",
            "40 truk",
            "Bupati Gunung Kapur, Hartono, mengajukan bantuan 40 truk",
        ),
        # after "Menurut"
        (
            "Kepala BPS Gunung Sari, Hendra Wijaya, merilis data kemiskinan pada Senin. "
            "Menurut Hendra Wijaya, garis kemiskinan naik 4,2 persen.",
            "4,2 persen",
            "Menurut Kepala BPS Gunung Sari, Hendra Wijaya, garis kemiskinan naik",
        ),
    ],
)
def test_a_titled_person_keeps_the_title_in_later_claims(body, span_words, expected):
    assert expected in claim_of("Laporan", body, "id", span_words).claim_text


def test_what_later_pronouns_point_to_is_read_without_the_title():
    body = (
        "Kepala Dinas Peternakan Rawa Asri, Markus Lede, mengatakan 37 sapi mati pada Senin. "
        "Markus beralasan anggaran vaksin hanya Rp 310 juta. Ia menyebut dinas akan meminta "
        "tambahan vaksin."
    )
    claim = claim_of("Laporan", body, "id", "tambahan vaksin")
    assert claim.claimant == "Markus Lede"
    assert "Markus Lede, menyebut" in claim.claim_text


def test_a_name_with_no_title_given_is_left():
    body = "Markus Lede, peternak, mengatakan 37 sapi mati. Markus beralasan vaksin terlambat."
    claim = claim_of("Laporan", body, "id", "vaksin terlambat")
    assert claim.claim_text.startswith(("Markus beralasan", "Markus Lede beralasan"))
    assert "peternak," not in claim.claim_text


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        (
            "Menurut Kepala BPS Kota Lama, dr. Hendra Wijaya, garis kemiskinan naik 4,2 persen "
            "pada 2026. Ia menyebut 12 desa tertinggal.",
            "Hendra Wijaya",
        ),
        (
            "Menurut Kepala Dinas Kesehatan Kota Baru, Prof. Ani Lestari, kasus demam berdarah "
            "naik 40 persen pada 2026. Ia menyebut 12 pasien meninggal dunia.",
            "Ani Lestari",
        ),
    ],
)
def test_a_courtesy_title_before_the_name_after_a_title_is_no_part_of_the_speaker(body, claimant):
    # "dr." (lower case, a physician) once hid the name: the claimant was the title
    claims = extract_claims(body, "id")
    assert [c.claimant for c in claims] == [claimant, claimant]
    assert claims[1].claim_text.startswith(claimant)
