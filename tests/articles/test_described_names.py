"""A name given with what it is in an apposition that goes on past its head noun ("Ellerby
House, a care home in Thornwick that ...", "Stowley Baths, the town's only public swimming
pool, ...") is what a later "the care home", "the pool" and "its"/"it" stand for (issue 15,
extract12). Each case is an article of its own, written for these tests; the last cases must
be left alone."""

from __future__ import annotations

import pytest

from tests.articles.test_anaphora import claim_of


@pytest.mark.parametrize(
    ("title", "body", "span_words", "expected", "not_expected"),
    [
        # the description goes on with a place and a relative clause after its head noun
        (
            "Care home to close",
            "Ashby Court, a care home in Marlow that has looked after older people for 30 "
            "years, will close in January. Redwood Care Group said the home was no longer "
            "viable. The care home has 40 residents.",
            "40 residents",
            "Ashby Court has 40 residents",
            "The care home",
        ),
        # "its" in the next sentence is the described name's, not the group's
        (
            "Care home to close",
            "Ashby Court, a care home in Marlow that has looked after older people for 30 "
            "years, will close in January. Redwood Care Group said the home was no longer "
            "viable. The home has 40 residents. Its 52 staff will be offered other jobs.",
            "52 staff",
            "Ashby Court's 52 staff",
            "Redwood",
        ),
        # a possessive among the description's words
        (
            "Pool shut after boiler failure",
            "Kelby Baths, the town's only public swimming pool, will stay closed until July. "
            "Engineers found a cracked heat exchanger. The pool opened in 1976.",
            "opened in 1976",
            "Kelby Baths opened in 1976",
            "The pool",
        ),
        # "it" after the described name as a subject
        (
            "Pool shut after boiler failure",
            "Kelby Baths, the town's only public swimming pool, will stay closed until July, "
            "the trust that runs it said. The pool opened in 1976. It had about 84,000 visits "
            "in 2025, according to the trust.",
            "84,000 visits",
            "Kelby Baths had about 84,000 visits",
            "Trust had",
        ),
        # left alone: a noun the article also writes bare ("tap water") is not the name
        (
            "Water supplier tells homes to boil water",
            "Marrow Water, the region's supplier, said bacteria were found in two samples. "
            "Residents should boil tap water until further notice. Chief executive Ann Lee "
            "said tests could take 48 hours to clear the water.",
            "48 hours",
            "clear the water",
            "clear Marrow Water",
        ),
    ],
)
def test_described_name_stands_for_its_noun(title, body, span_words, expected, not_expected):
    claim = claim_of(title, body, "en", span_words)
    assert expected in claim.claim_text
    assert not_expected not in claim.claim_text


@pytest.mark.parametrize(
    ("title", "body", "span_words", "label", "not_label"),
    [
        # the topic "public pool" is headed by the role "Kelby Baths" was introduced with
        (
            "Kelby's only public pool shut after boiler failure",
            "Kelby Baths, the town's only public swimming pool, will stay closed until July. "
            "The public pool had 84,000 visits in 2025. Parents have been offered refunds or "
            "places at Hallam Road pool in Brackton.",
            "Parents have been offered",
            "Kelby Baths: ",
            "Public pool: ",
        ),
        # a one-word topic ("home") that no name ends with: the name with that role
        (
            "Thornby home to close, 38 residents given eight weeks to move",
            "Ashby Court, a care home in Thornby that has looked after older people for 30 "
            "years, will close on 29 January. Kingsmere Care Group said the home was no longer "
            "viable. Rowena Pell said families had been given no warning.",
            "no warning",
            "Ashby Court: ",
            "Home: ",
        ),
        # no name was given the topic's head as its role: the topic labels as before
        (
            "Kelby's only public pool shut after boiler failure",
            "The town's only public pool will stay closed until July, Kelby Leisure Trust "
            "said. The public pool had 84,000 visits in 2025. Parents have been offered "
            "refunds or places at Hallam Road pool in Brackton.",
            "Parents have been offered",
            "Public pool: ",
            "Kelby Leisure Trust: ",
        ),
    ],
)
def test_a_topic_headed_by_a_role_is_labelled_with_its_name(
    title, body, span_words, label, not_label
):
    claim = claim_of(title, body, "en", span_words)
    assert claim.claim_text.startswith(label)
    assert not claim.claim_text.startswith(not_label)


@pytest.mark.parametrize(
    ("body", "span_words", "expected", "not_expected"),
    [
        # "the pool" inside a clause, before "and"
        (
            "Kelby Baths, the town's only public swimming pool, will stay closed until July. "
            "Kelby Leisure Trust, which manages the pool and two gyms, said engineers found a "
            "crack.",
            "two gyms",
            "manages Kelby Baths and two gyms",
            "the pool",
        ),
        # "the pool's boiler" after "that"
        (
            "Kelby Baths, the town's only public swimming pool, will stay closed until July. "
            "Councillor Peter Ash admitted that the pool's boiler had been flagged in a survey "
            "in 2022.",
            "flagged",
            "that Kelby Baths's boiler",
            "the pool's",
        ),
        # "the home" after a preposition
        (
            "Ashby Court, a care home in Thornby that has looked after older people for 30 "
            "years, will close in January. Rowena Pell's father has lived at the home since "
            "2021.",
            "since 2021",
            "lived at Ashby Court since 2021",
            "the home",
        ),
        # left alone: words between "the" and the role's noun make it another one
        (
            "Kelby Baths, the town's only public swimming pool, will stay closed until July. "
            "Parents were offered places at the nearest other public pool in Brackton.",
            "Parents were offered",
            "the nearest other public pool",
            "Kelby Baths in Brackton",
        ),
    ],
)
def test_a_roles_noun_inside_a_clause_is_its_name(body, span_words, expected, not_expected):
    claim = claim_of("Laporan", body, "en", span_words)
    assert expected in claim.claim_text
    assert not_expected not in claim.claim_text
