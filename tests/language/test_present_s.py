"""An English present "-s" verb is read from what follows it (issue 15, structural round):
a determiner, a number or an approximator after a word ending in "-s" that follows a noun
makes it the verb; a plural noun before a preposition or a verb stays a noun."""

from __future__ import annotations

import pytest

from factcheck.articles.extract import extract_claims
from factcheck.language.syntax import first_verb, subject_span


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("The Halden plant employs about 650 workers", "employs"),
        ("The minimum wage remains below that of its neighbour", "remains"),
        ("The trust puts the living wage at 15 dollars an hour", "puts"),
        ("The archive, which holds 6,000 maps, reopened", "holds"),
        # a plural noun before a preposition or a verb is no verb
        ("Food prices in the region rose 5 percent", "rose"),
        ("Rail fares for students rose 4 percent", "rose"),
    ],
)
def test_present_s_verb_is_read_from_what_follows(text, verb):
    found = first_verb(text, "en")
    assert found is not None and found.text == verb


def test_subject_ends_before_a_present_s_verb():
    text = "The Halden plant employs about 650 workers"
    start, end = subject_span(text, "en")
    assert text[start:end] == "The Halden plant"


def test_clause_after_and_with_a_present_s_verb_is_its_own_claim():
    body = (
        "The port's 30 boats landed 2,000 tonnes of fish last year, and the fishing "
        "industry employs about 400 of its 6,000 residents."
    )
    found = extract_claims(body, "en")
    assert any(c.text.startswith("the fishing industry employs") for c in found), [
        c.text for c in found
    ]
