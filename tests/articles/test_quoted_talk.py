"""A person's quoted sentence that is the whole claim and holds no figure, date or name is
their view (issue 15, extract10); a short quote, or one with something to look up, stays a
fact; the place carried into such a claim goes after the quote, not into their words. Each
case is an invented article of its own."""

from __future__ import annotations

import pytest

from factcheck.articles.worthiness import assess
from tests.articles.test_anaphora import claim_of


@pytest.mark.parametrize(
    ("language", "text", "claimant", "kind"),
    [
        (
            "en",
            'According to Sandra Kiernan, "That money was meant to secure these jobs for good"',
            "Sandra Kiernan",
            "opinion",
        ),
        (
            "id",
            'Menurut Budi Santoso, "Panen raya terjadi di mana-mana, jadi pabrik tidak '
            'buru-buru membeli" di Kabupaten Kali Bening',
            "Budi Santoso",
            "opinion",
        ),
        # short: a state reported in their words
        ("id", 'Menurut Budi Santoso, "Belum ada tersangka"', "Budi Santoso", "fact"),
        # a figure, a date or a name inside: something to check
        (
            "en",
            'According to Sandra Kiernan, "That money was meant to secure all 640 jobs here"',
            "Sandra Kiernan",
            "fact",
        ),
        (
            "en",
            'According to Sandra Kiernan, "That money was meant to keep Ardent Tiles in town"',
            "Sandra Kiernan",
            "fact",
        ),
    ],
)
def test_a_whole_quoted_sentence_with_nothing_to_check_is_a_view(language, text, claimant, kind):
    assert assess(text, language, claimant=claimant).kind == kind


@pytest.mark.parametrize(
    ("language", "body", "span_words", "expected"),
    [
        (
            "en",
            "Kelmoor council met on Monday. Kelmoor residents protested in Kelmoor. "
            '"That money was meant to secure these jobs for good," Sandra Kiernan said.',
            "secure these jobs",
            '"That money was meant to secure these jobs for good" in Kelmoor',
        ),
        (
            "id",
            "Banjir melanda Kabupaten Kali Bening pada Senin. Warga Kali Bening mengungsi di "
            'Kali Bening. "Air naik sangat cepat sejak subuh tadi," kata Budi Santoso.',
            "Air naik",
            '"Air naik sangat cepat sejak subuh tadi" di Kabupaten Kali Bening',
        ),
    ],
)
def test_the_place_goes_after_the_quote(language, body, span_words, expected):
    assert expected in claim_of("Laporan", body, language, span_words).claim_text
