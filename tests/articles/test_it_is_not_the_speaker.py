""" "It is the largest moorland fire ..." after a body that spoke ("North Dales Fire and
Rescue Service said ...") is not that body: a body whose name ends in another head than the
predicate's noun is no antecedent of such an "It", which is then left as written rather than
made false ("North Dales Fire and Rescue Service is the largest moorland fire"). Issue 15,
extract13. Each case is an article of its own, written for these tests; the last case must be
left alone."""

from __future__ import annotations

from tests.articles.test_anaphora import claim_of


def test_it_is_no_body_of_another_kind():
    body = (
        "A wildfire on Brack Moor has burned 500 hectares since Wednesday. Fellside Fire and "
        "Rescue Service said 40 firefighters were still at the scene. It is the largest "
        "moorland fire in the county since 2018."
    )
    claim = claim_of("Moorland fire burns 500 hectares", body, "en", "largest moorland fire")
    assert "Rescue Service is the largest" not in claim.claim_text, claim.claim_text


def test_it_is_the_body_of_its_own_kind():
    """A predicate naming the body's own kind ("service") keeps the body."""
    body = (
        "A wildfire on Brack Moor has burned 500 hectares since Wednesday. Fellside Fire and "
        "Rescue Service said 40 firefighters were still at the scene. It is the largest fire "
        "service in the north of England."
    )
    claim = claim_of("Moorland fire burns 500 hectares", body, "en", "largest fire service")
    assert claim.claim_text.startswith("Fellside Fire and Rescue Service is the largest")
