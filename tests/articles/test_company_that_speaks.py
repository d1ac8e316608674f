""" "The company", "the firm", "perusahaan itu" in an article that names no company by its
legal form nor with a role: the body that speaks most (issue 15, extract10), unless it is a
public body or a person (shortened to one word of the name, as people are). Each case is an
invented article of its own."""

from __future__ import annotations

import pytest

from tests.articles.test_anaphora import claim_of

EN = (
    "Ardent Tiles said on Thursday that its Kelmoor factory would close in March. Ardent "
    "Tiles said gas made up 38% of its costs. Union organiser Sandra Kiernan said the firm "
    "had received a £2.5m grant in 2022. Production will move to Spain, according to the "
    "company."
)
ID = (
    "Tirta Jaya Abadi menyatakan siap membayar denda Rp 3 miliar pada Senin. Tirta Jaya "
    "Abadi mengatakan pabriknya sudah berhenti membuang limbah. Kepala Dinas Lingkungan "
    "Hidup Kali Bening, Budi Santoso, mengatakan perusahaan itu pernah ditegur pada 2024."
)


@pytest.mark.parametrize(
    ("language", "body", "span_words", "expected", "claimant"),
    [
        ("en", EN, "£2.5m", "said Ardent Tiles had received a £2.5m grant", "Sandra Kiernan"),
        ("en", EN, "Production will move", "according to Ardent Tiles", "Ardent Tiles"),
        ("id", ID, "ditegur", "Tirta Jaya Abadi pernah ditegur pada 2024", "Budi Santoso"),
    ],
)
def test_the_company_is_the_body_that_speaks(language, body, span_words, expected, claimant):
    claim = claim_of("Laporan", body, language, span_words)
    assert expected in claim.claim_text
    assert claim.claimant.endswith(claimant)  # "Union organiser Sandra Kiernan"


@pytest.mark.parametrize(
    "body",
    [
        # the speaker is a person, shortened to her surname: no company to name
        "Sandra Kiernan said on Monday that 400 jobs were at risk. Kiernan said the company "
        "had received a £2.5m grant in 2022.",
        # a public body speaks: "the company" is not the council
        "Kelmoor City Council said on Monday that 400 jobs were at risk. Kelmoor City Council "
        "said the company had received a £2.5m grant in 2022.",
    ],
)
def test_a_person_or_a_public_body_is_no_company(body):
    claim = claim_of("Jobs at risk", body, "en", "£2.5m")
    assert "the company had received" in claim.claim_text


def test_a_word_of_another_name_is_no_short_form():
    body = (
        "Fenmoor Water said on Monday that bacteria were found in two samples. The Drinking "
        "Water Inspectorate said it would investigate. Fenmoor Water said supplies were safe "
        "for washing. Local MP Sarah Lindqvist said the company should pay £30 to each home."
    )
    claim = claim_of("Boil water notice", body, "en", "£30")
    assert "Fenmoor Water should pay £30" in claim.claim_text
