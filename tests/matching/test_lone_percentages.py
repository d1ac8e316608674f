"""A passage relevant enough to support the claim, whose only percentage is said of the word
the claim's only percentage is said of, states that very share: another figure disagrees
whatever its magnitude ("a 5 percent service fee" / "a 15 percent service fee")."""

import pytest

from factcheck.language.anchors import extract_anchors
from factcheck.matching.verify import CONTRADICTS, RELATED, verify

CLAIM = "The promoter will not refund a 5 percent service fee."


def _check(claim: str, passage: str, lone: bool):
    mine, theirs = extract_anchors(claim, "en", None), extract_anchors(passage, "en", None)
    return verify(claim, mine, passage, theirs, lone=lone)


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (CLAIM, "The promoter will keep a 15 percent service fee."),
        ("Pajak hiburan 10 persen dikenakan pada tiket.", "Pajak 35 persen dikenakan pada tiket."),
    ],
)
def test_a_lone_share_of_one_thing_disagrees_whatever_its_magnitude(claim, passage):
    assert _check(claim, passage, lone=True).stance == CONTRADICTS


@pytest.mark.parametrize(
    "passage",
    [
        "The promoter will keep 15 percent of the ticket price.",  # a function word after it
        "The promoter will keep a 15 percent booking charge.",  # said of another word
        "A 15 percent service fee and a 20 percent tax apply.",  # two shares: which?
    ],
)
def test_a_share_of_something_else_several_times_the_claims_is_unconfirmed(passage):
    assert _check(CLAIM, passage, lone=True).stance == RELATED


def test_only_when_the_caller_asks_it_of_a_relevant_passage():
    passage = "The promoter will keep a 15 percent service fee."
    assert _check(CLAIM, passage, lone=False).stance == RELATED
