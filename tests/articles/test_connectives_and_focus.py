"""Two closed classes that garbled claim texts (issue 15, extract11): a concessive with a
demonstrative ("Meski demikian, ...") is one connective, not "Meski" opening a clause whose
subject is "demikian"; a focus adverb ("hanya", "justru") ends the noun phrase before it,
so a noun's first mention ("kenaikan hanya berlaku ...") does not carry it along. Each case
is an invented article of its own."""

from __future__ import annotations

import pytest

from factcheck.articles.extract import extract_article, extract_claims
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


@pytest.mark.parametrize(
    ("body", "span_words", "garble"),
    [
        (
            "Sekitar 2.000 mahasiswa berunjuk rasa di depan gedung rektorat. Aksi yang "
            "berlangsung lima jam itu berakhir setelah wakil rektor menemui perwakilan "
            "mahasiswa. Di fakultas lain, kenaikannya berkisar antara 20 dan 45 persen.",
            "45 persen",
            "kenaikan Aksi",
        ),
        (
            "Nelayan mengeluh pada Senin. Apa kata mereka? Penyalurannya dilakukan lewat tiga "
            "stasiun milik koperasi.",
            "tiga stasiun",
            "Penyaluran Nelayan",
        ),
    ],
)
def test_a_capitalised_word_opening_a_sentence_owns_nothing(body, span_words, garble):
    # "-nya" is the owner's only when the sentence before was about a name: a common noun
    # capitalised for opening its sentence ("Aksi ...", "Nelayan ...") is none
    assert garble not in claim_of("Laporan", body, "id", span_words).claim_text


@pytest.mark.parametrize(
    ("language", "body", "span_words", "ranked"),
    [
        (
            "en",
            "A wildfire on Harrow Moor has burned 900 hectares. It is the largest moorland "
            "fire in the county since 2016. The fire started on Wednesday near a car park.",
            "car park",
            "largest",
        ),
        (
            "id",
            "Gunung Wangsa meletus pada Senin. Letusan terbesar terjadi pada 1997. Letusan "
            "itu menewaskan 19 orang di Kabupaten Lereng Mulya.",
            "19 orang",
            "terbesar",
        ),
    ],
)
def test_a_superlative_is_no_part_of_the_noun_a_definite_points_to(
    language, body, span_words, ranked
):
    # "the largest moorland fire" ranks the fire: written into "The fire started ...", it
    # would make the claim say more than its sentence did
    assert ranked not in claim_of("Laporan", body, language, span_words).claim_text


def test_an_attribution_set_off_by_commas_is_no_apposition_and_no_tail():
    body = (
        "Pemkot Tirta Sari menggratiskan seragam sekolah untuk 48.000 siswa di Kota Tirta "
        "Sari. Program seragam itu, menurut wali kota, diperkirakan menyerap 900 tenaga kerja."
    )
    texts = [c.claim_text for c in extract_article("Seragam Gratis di Tirta Sari", body, "id")]
    assert not any("adalah menurut" in t for t in texts), texts
    worked = [t for t in texts if "900 tenaga kerja" in t]
    assert worked and worked[0].endswith("900 tenaga kerja di Kota Tirta Sari"), texts


@pytest.mark.parametrize(
    "body, language, kept",
    [
        (
            "Dinas itu menyebut kecamatan dengan permohonan terbanyak adalah Sumberrejo, Kali "
            "Pucang, dan Tegal Arum. Ketiganya, kata dia, berada di wilayah pegunungan.",
            "id",
            "Sumberrejo, Kali Pucang, dan Tegal Arum, kata dia, berada di wilayah pegunungan",
        ),
        (
            "Harga beras, katanya, naik 12 persen sejak Juni 2026.",
            "id",
            "Harga beras, katanya, naik 12 persen sejak Juni 2026",
        ),
        (
            "The council named three villages: Ashby, Brent and Colne. All three, he said, lie "
            "more than ten miles from a school.",
            "en",
            "Ashby, Brent and Colne, he said, lie more than ten miles from a school",
        ),
    ],
)
def test_a_speech_tag_set_off_by_commas_is_no_apposition(body, language, kept):
    # ", kata dia," was read as a noun phrase in apposition: "Harga beras adalah katanya"
    texts = [c.claim_text for c in extract_claims(body, language)]
    assert not any("adalah kata" in t for t in texts), texts
    assert kept in texts, texts
