"""A clause inside what a speaker said that already opens with the speaker's name is not
given "According to"/"Menurut" with that name again (issue 15, extract12); a clause opening
with something the speaker owns keeps it. Each case is an invented article of its own."""

from __future__ import annotations

import pytest

from tests.articles.test_anaphora import claim_of


@pytest.mark.parametrize(
    ("language", "body", "span_words", "expected", "not_expected"),
    [
        (
            "en",
            "The trust's chief executive, Helen Marr, said the boiler would cost £380,000. She "
            "said the trust had applied for £620,000 from a national fund, and expected a "
            "decision in February.",
            "expected a decision",
            "Helen Marr expected a decision",
            "According to Helen Marr, Helen Marr",
        ),
        (
            "id",
            "Kepala Satuan Reserse Kriminal Polres Sekar Jaya, AKP Bona Tarigan, memimpin "
            "penyidikan. Ia mengatakan penyidik telah memeriksa 14 saksi, dan menyita dokumen "
            "keuangan dari kantor koperasi.",
            "menyita dokumen",
            "AKP Bona Tarigan, menyita dokumen",
            "Menurut AKP Bona Tarigan, AKP Bona Tarigan",
        ),
    ],
)
def test_the_speaker_is_named_once(language, body, span_words, expected, not_expected):
    claim = claim_of("Laporan", body, language, span_words)
    assert expected in claim.claim_text
    assert not_expected not in claim.claim_text


@pytest.mark.parametrize(
    ("body", "span_words", "expected", "not_expected"),
    [
        # "It" said it: the speaker is looked for as a word ("unit" holds "it"), and the
        # clause's "that" goes with the speech verb, not into the claim
        (
            "Marrow Water, the region's supplier, found bacteria in two samples. It said a "
            "fault in a disinfection unit was the likely cause, and that the unit had been "
            "switched off.",
            "switched off",
            "According to Marrow Water, the unit had been switched off",
            "That the unit",
        ),
        # "that" opening a reported clause after "According to"
        (
            "Ardent Tiles said on Thursday that its factory would close, and that all 640 staff "
            "had been told at a meeting.",
            "640 staff",
            "According to Ardent Tiles, all 640 staff had been told",
            "Ardent Tiles, that",
        ),
    ],
)
def test_a_reported_clause_keeps_its_speaker_without_that(body, span_words, expected, not_expected):
    claim = claim_of("Laporan", body, "en", span_words)
    assert expected in claim.claim_text
    assert not_expected not in claim.claim_text
