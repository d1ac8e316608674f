""" ", said <clause>" after a subject cut off by a relative clause or an apposition reports
that clause: the words after "said" are no speaker even where a phrase inside them ("at
short notice", "in the city") would end a speaker's words before the clause's auxiliary
("Moving frail residents said moving frail residents ..." was written). Issue 15, extract13.
Each case is an article of its own, written for these tests; the last cases must be left
alone."""

from __future__ import annotations

import pytest

from factcheck.articles.claimants import find_attribution
from tests.articles.test_anaphora import claim_of


@pytest.mark.parametrize(
    ("body", "span_words", "claim", "claimant"),
    [
        (
            "Ashby Court will close in January. Dr Ruth Kemp, who chairs the Marlow Carers' "
            "Forum, said moving older residents at short notice was dangerous.",
            "at short notice",
            "Dr Ruth Kemp said moving older residents at short notice was dangerous",
            "Dr Ruth Kemp",
        ),
        (
            "Rents rose again this year. Mayor Ana Cole, who took office in 2022, said average "
            "rents in the city had risen 30 percent since 2020.",
            "30 percent",
            "Mayor Ana Cole said average rents in the city had risen 30 percent since 2020",
            "Mayor Ana Cole",
        ),
    ],
)
def test_clause_after_said_is_reported(body, span_words, claim, claimant):
    found = claim_of("Town news", body, "en", span_words)
    assert found.claim_text.startswith(claim), found.claim_text
    assert found.claimant == claimant


@pytest.mark.parametrize(
    ("sentence", "speaker", "language"),
    [
        # a speech tag after the content, its speaker before an adverbial phrase
        ('"We will reopen in May," said Tom Lacey in a statement.', "Tom Lacey", "en"),
        (
            '"Kami masih menunggu," kata Kepala PVMBG Wahyu Kurniawan dalam keterangan tertulis.',
            "Kepala PVMBG Wahyu Kurniawan",
            "id",
        ),
    ],
)
def test_speech_tags_still_read(sentence, speaker, language):
    assert find_attribution(sentence, language).speaker == speaker
