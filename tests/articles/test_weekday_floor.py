"""An article dated only by its weekdays is not dated before a year it writes after
"since"/"sejak" ("had lost £210,000 a year since 2021", a Saturday 19 December and the years
2019, 2021 and 2023: not 2020, which the days fit, but undated, as it was 2026). Issue 15,
extract13. Each case is an article of its own, written for these tests; the last case must be
left alone."""

from __future__ import annotations

from tests.articles.test_anaphora import claim_of

BODY = (
    "Marsh Buses will withdraw route 12 after the last journey on Saturday 19 December. "
    "The route carried 20 passengers per journey in 2019. The company said the route had "
    "lost £90,000 a year since {since}. Rural England lost 1,000 routes in the decade to 2023."
)


def test_not_dated_before_since():
    claim = claim_of("Last bus to Marsh End", BODY.format(since=2021), "en", "last journey")
    assert "19 December 2020" not in claim.claim_text, claim.claim_text


def test_dated_when_since_allows():
    claim = claim_of("Last bus to Marsh End", BODY.format(since=2019), "en", "last journey")
    assert "19 December 2020" in claim.claim_text, claim.claim_text
