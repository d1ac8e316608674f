"""A name joined by "dan"/"and" ("Dinas Koperasi dan UKM Sekar Arum", "The Competition and
Markets Authority", "the University and College Union") is one speaker and one body: the
speaker's words do not end at the conjunction (the claimant was "Dinas Koperasi", and "The
Competition" was spelled out into "Competition and Markets Authority and Markets
Authority"), such a body is what a later "its" stands for, and its capitalised head is not
taken for another name's ("Oakhurst University and College Union"). A speaker whose rank the
title list does not know ("Group Manager Tom Fenwright") is a person a later "he said"
names. Issue 15, extract13. Each case is an article of its own, written for these tests."""

from __future__ import annotations

import pytest

from factcheck.articles.claimants import find_attribution
from tests.articles.test_anaphora import claim_of


@pytest.mark.parametrize(
    ("sentence", "language", "speaker"),
    [
        (
            "Dinas Koperasi dan UKM Sekar Arum mencatat koperasi itu tidak menggelar rapat "
            "anggota sejak 2022.",
            "id",
            "Dinas Koperasi dan UKM Sekar Arum",
        ),
        (
            "The Competition and Markets Authority said the three chains had shared their "
            "pricing plans.",
            "en",
            "The Competition and Markets Authority",
        ),
        # a rank before the name: still the person ("Group" heads bodies' names too)
        (
            "Group Manager Tom Fenwright, who is leading the response, said the flames were "
            "largely out but the peat was still burning.",
            "en",
            "Group Manager Tom Fenwright",
        ),
    ],
)
def test_speaker_not_cut_at_and(sentence, language, speaker):
    assert find_attribution(sentence, language).speaker == speaker


@pytest.mark.parametrize(
    ("title", "body", "span_words", "expected", "claimant"),
    [
        (
            "Moorland fire burns 500 hectares",
            "Harrow Fell Fire and Rescue Service said 40 firefighters were at the scene. "
            "Group Manager Ellen Pryce, who is leading the response, said the flames were "
            'largely out but the peat was still burning. "Peat can smoulder for weeks," she '
            "said.",
            "Peat can smoulder",
            'According to Group Manager Ellen Pryce, "Peat can smoulder for weeks"',
            "Group Manager Ellen Pryce",
        ),
        (
            "Lowfield University to cut 100 jobs",
            "Lowfield University will cut 100 jobs to close a deficit. The University and "
            "College Union, which has 700 members at Lowfield, says the deficit is exaggerated. "
            "Its branch secretary, Anna Roe, noted that the university holds 50 million pounds "
            "in reserves.",
            "Its branch secretary",
            "Anna Roe is the University and College Union's branch secretary",
            None,
        ),
    ],
)
def test_joined_names_in_claims(title, body, span_words, expected, claimant):
    claim = claim_of(title, body, "en", span_words)
    assert claim.claim_text.startswith(expected), claim.claim_text
    if claimant:
        assert claim.claimant == claimant
