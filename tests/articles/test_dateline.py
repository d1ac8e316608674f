"""A dateline is cut off the claim and its span (issue 15): the place a story was filed from
and the agency ("Semarang (ANTARA) - ", "BRISK, Dec 3 (Reuters) - ") are neither part of
the fact nor its speaker, and a claim text that opens with them reads badly on a verdict
page and in ClaimReview's claimReviewed. A name before a dash elsewhere is left alone. And the
rest of the same wire-story opening: "Angka itu" after a figure given without "mencapai"."""

from __future__ import annotations

import pytest

from factcheck.articles.extract import extract_article

FLOOD_ID = "Banjir merendam 300 rumah di Kota Semarang pada Jumat (4/12/2026)."
STORM_EN = "A storm cut power to 40,000 homes on the Farrow coast on Friday."


@pytest.mark.parametrize(
    ("language", "dateline", "sentence"),
    [
        ("en", "BRISK — ", STORM_EN),
        ("en", "BRISK, Dec 3 (Reuters) - ", STORM_EN),
        ("en", "KETTERBY, Dec 3, 2026 (Northwire) - ", STORM_EN),
        ("id", "SEMARANG, KOMPAS.com - ", FLOOD_ID),
        ("id", "Semarang (ANTARA) - ", FLOOD_ID),
        ("id", "Jakarta, CNN Indonesia -- ", FLOOD_ID),
        ("id", "KEDUNG GALIH – ", FLOOD_ID),
        ("id", "Jakarta - ", FLOOD_ID),  # detik's: the body's first words only
    ],
)
def test_a_dateline_is_neither_in_the_claim_nor_in_its_span(language, dateline, sentence):
    body = f"{dateline}{sentence}\n\nWarga mengungsi ke balai desa. Residents were moved."
    first = extract_article("Flood and storm", body, language)[1]
    assert first.claim_text == sentence.rstrip(".")
    assert body[first.start : first.end] == first.text == sentence.rstrip(".")
    assert first.claimant is None


def test_the_agency_in_a_dateline_is_not_the_speaker():
    body = (
        "Jakarta (ANTARA) - Badan Pusat Statistik mencatat inflasi tahunan 2,1 persen pada "
        "Oktober 2026.\n\nAngka itu lebih rendah dibanding September."
    )
    first = extract_article("Inflasi Oktober Turun", body, "id")[1]
    assert first.claim_text.startswith("Badan Pusat Statistik mencatat")
    assert first.claimant == "Badan Pusat Statistik"


@pytest.mark.parametrize(
    "body",
    [
        # a name before an aside in a later paragraph, and one before a lower-case word
        "Warga Semarang mengungsi pada Jumat.\n\nAstana - The Capital - menjadi tuan rumah "
        "KTT pada 2025.",
        "Kazakhstan — which joined in 2025 — hosted 40 delegations in Astana.",
    ],
)
def test_a_name_before_a_dash_elsewhere_stays(body):
    texts = [c.claim_text for c in extract_article("KTT di Astana", body, "id")]
    assert any(t.startswith(("Astana - The Capital", "Kazakhstan")) for t in texts), texts


def test_angka_itu_is_the_noun_before_a_figure_without_mencapai():
    """'mencatat inflasi tahunan 2,1 persen' (no 'mencapai'/'sebesar' before the figure):
    'Angka itu' in the next paragraph is the annual inflation, not left as a pronoun."""
    body = (
        "Jakarta (ANTARA) - Badan Pusat Statistik mencatat inflasi tahunan 2,1 persen pada "
        "Oktober 2026.\n\nAngka itu lebih rendah dibanding September."
    )
    second = extract_article("Inflasi Oktober Turun", body, "id")[2]
    assert second.claim_text.startswith("Inflasi tahunan lebih rendah"), second.claim_text


def test_a_name_and_a_comma_before_a_dash_in_a_later_paragraph_is_no_dateline():
    body = (
        "Warga Semarang mengungsi pada Jumat.\n\nPresiden Joko Widodo, dalam pidatonya - "
        "Kami akan membangun 300 rumah - berjanji membantu warga."
    )
    texts = [c.claim_text for c in extract_article("Banjir di Semarang Surut", body, "id")]
    assert any(t.startswith("Presiden Joko Widodo") for t in texts), texts
