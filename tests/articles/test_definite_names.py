"""A name headed by a noun the article writes in lower case only as a definite ("Hallowmere
Moor" and "the moor", "Quay Street" and "the street") names a thing, not a person, so "the
moor" inside a clause is written as the name (issue 15, extract11); a noun the article also
writes bare ("tap water" beside "Brackwater Water") is left. Each case is an invented
article of its own."""

from __future__ import annotations

import pytest

from factcheck.articles.extract import extract_article
from tests.articles.test_anaphora import claim_of


@pytest.mark.parametrize(
    ("body", "span_words", "expected", "not_expected"),
    [
        (
            "A wildfire on Harrow Moor above Delby has burned 900 hectares since Wednesday. "
            "Crews have cut a firebreak along the eastern edge of the moor.",
            "firebreak",
            "eastern edge of Harrow Moor",
            "of the moor",
        ),
        (
            "Seawater flooded about 60 properties on Quay Street in Langby on Thursday. The "
            "council leader, Morag Ellis, toured the street on Friday morning.",
            "toured",
            "toured Quay Street",
            "toured the street",
        ),
    ],
)
def test_a_definite_noun_inside_a_clause_is_the_name_it_heads(
    body, span_words, expected, not_expected
):
    claim = claim_of("Laporan", body, "en", span_words)
    assert expected in claim.claim_text
    assert not_expected not in claim.claim_text


@pytest.mark.parametrize(
    ("body", "span_words", "kept"),
    [
        # the article also writes the noun bare: the water, not the company
        (
            "Brackwater Water told 120,000 homes in Delby to boil tap water on Monday. Tests "
            "could take 48 hours to clear the water, a spokesman said.",
            "48 hours",
            "clear the water",
        ),
    ],
)
def test_a_noun_the_article_also_writes_bare_is_left(body, span_words, kept):
    assert kept in claim_of("Laporan", body, "en", span_words).claim_text


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The budget for road maintenance has been cut by a fifth. Councillor Janet Owusu, "
            "the cabinet member for highways, told the meeting that crews were slowed down.",
            "Councillor Janet Owusu is the cabinet member for highways",
        ),
        (
            "The Liberal Union won 21 seats. Its leader, Mara Venn, said she would govern "
            "with the Greens.",
            "Mara Venn is the Liberal Union's leader",
        ),
    ],
)
def test_an_apposition_says_what_the_name_is_and_points_back_only_by_a_possessive(body, expected):
    # "the cabinet member" is what Owusu is, not an anaphor ("the budget" it had become);
    # "Its leader" still points back
    texts = [c.claim_text for c in extract_article("Laporan", body, "en")]
    assert expected in texts, texts


@pytest.mark.parametrize(
    ("body", "span_words", "expected"),
    [
        (
            "Graham Pike pointed to the £3.5 million spent on refurbishing County Hall, which "
            "reopened in June.",
            "reopened",
            "County Hall reopened in June",
        ),
        (
            "Crews worked for weeks on repairing the Marrow Bridge, which closed in May.",
            "closed",
            "Marrow Bridge closed in May",
        ),
    ],
)
def test_a_relative_clause_after_a_gerund_and_its_object_is_about_the_object(
    body, span_words, expected
):
    claim = claim_of("Laporan", body, "en", span_words)
    assert claim.claim_text.startswith(expected) or f"The {expected}" in claim.claim_text


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an indefinite description says what the first phrase is: that is the subject
        (
            "Three paintings were stolen from Pellmore Gallery on Sunday. The gallery, a "
            "charity that receives no council funding, had asked the town council for £60,000.",
            [
                "Pellmore Gallery is a charity that receives no council funding",
                "Pellmore Gallery had asked the town council for £60,000",
            ],
        ),
        (
            "The museum will return 28 bronzes. The Friends of Aldermoor Museum, a volunteer "
            "group, gathered 3,100 signatures against it.",
            [
                "The Friends of Aldermoor Museum is a volunteer group",
                "The Friends of Aldermoor Museum gathered 3,100 signatures against it",
            ],
        ),
        # the subject written once, not again among what it is said to be
        (
            "Harlow Bay Mayor Gerald Finch, a former car dealer, vetoed the plan on Monday.",
            ["Harlow Bay Mayor Gerald Finch is a former car dealer"],
        ),
    ],
)
def test_an_apposition_with_an_indefinite_description_keeps_its_subject(body, expected):
    texts = [c.claim_text for c in extract_article("Laporan", body, "en")]
    assert all(e in texts for e in expected), texts
