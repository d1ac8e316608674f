"""Two predicates of one subject joined by "and"/"dan", each with a time of its own, are two
dated events and two claims, whatever their verbs' forms ("opened in 1976 and was last
refurbished in 2009"); one predicate with a time and one without stays as the existing rules
leave it (issue 15, fifth session, split12)."""

from __future__ import annotations

import pytest

from factcheck.articles.extract import extract_article


@pytest.mark.parametrize(
    ("language", "body", "first", "second"),
    [
        (
            "en",
            "The Brackenford pool opened in 1976 and was last refurbished in 2009.",
            "opened in 1976",
            "refurbished in 2009",
        ),
        (
            "en",
            "The Harlow Street bridge opened in 1931 and was closed to lorries in March 2025.",
            "opened in 1931",
            "closed to lorries in March 2025",
        ),
        (
            "id",
            "Jembatan Kali Pucang dibangun pada 1985 dan sudah diperbaiki pada Maret 2019.",
            "dibangun pada 1985",
            "diperbaiki pada Maret 2019",
        ),
    ],
)
def test_two_dated_predicates_are_two_claims(language, body, first, second):
    found = extract_article("Laporan", body, language)
    for claim in found:
        assert body[claim.start : claim.end] == claim.text
    firsts = [c for c in found if first in c.text and second not in c.text]
    seconds = [c for c in found if second in c.text and first not in c.text]
    assert len(firsts) == 1 and len(seconds) == 1, [c.text for c in found]


@pytest.mark.parametrize(
    ("language", "body", "together"),
    [
        # one time only: the change of form keeps the clause whole, as before
        (
            "en",
            "The new depot will cost 12 million pounds and is expected to open in 2027.",
            ("12 million pounds", "open in 2027"),
        ),
    ],
)
def test_one_dated_predicate_stays(language, body, together):
    found = extract_article("Laporan", body, language)
    assert any(all(p in c.text for p in together) for c in found), [c.text for c in found]
