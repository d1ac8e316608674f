"""An English "the <noun>" is written with the words its first mention gave it also when a
number opened that mention ("28 bronze figures ... The figures were ..." -> "The bronze
figures were ..."), and a number of the phrase's own stays before them ("The 24
remaining libraries" -> "The 24 remaining branch libraries"), (issue 15, extract13). Each
case is an article of its own, written for these tests; the last cases must be left alone."""

from __future__ import annotations

import pytest

from tests.articles.test_anaphora import claim_of


@pytest.mark.parametrize(
    ("title", "body", "span_words", "expected", "not_expected"),
    [
        # a number opens the first mention
        (
            "Museum to return looted masks",
            "The Harwell Museum will hand back 40 bronze ritual masks to Ostara. The masks "
            "were taken in 1890.",
            "1890",
            "The bronze ritual masks were taken in 1890",
            "The masks were",
        ),
        # the phrase's own number stays before the first mention's words
        (
            "County to close 12 of its 30 libraries",
            "Dunholt County Council will close 12 of its 30 branch libraries in March. The 18 "
            "remaining libraries will open for fewer hours.",
            "fewer hours",
            "The 18 remaining branch libraries will open",
            "The branch libraries will open",
        ),
    ],
)
def test_counted_first_mention(title, body, span_words, expected, not_expected):
    claim = claim_of(title, body, "en", span_words)
    assert expected in claim.claim_text, claim.claim_text
    assert not_expected not in claim.claim_text


@pytest.mark.parametrize(
    ("title", "body", "span_words", "expected"),
    [
        # a number with no modifier before the noun gives it none
        (
            "Town to shut public toilets",
            "Saltby Town Council will shut 7 toilets in April. The toilets cost £90,000 a year.",
            "£90,000",
            "The toilets cost",
        ),
    ],
)
def test_bare_counted_mention_left_alone(title, body, span_words, expected):
    claim = claim_of(title, body, "en", span_words)
    assert expected in claim.claim_text, claim.claim_text
