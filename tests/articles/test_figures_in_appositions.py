"""A comma inside a figure ("23,000", "3,5 juta") does not cut a noun phrase in apposition:
"Penmorrow, a town of about 23,000 people, had four NHS practices" is the town's size and its
practices, two claims, the first written "Penmorrow is a town of about 23,000 people". A
participle with its complement set off by commas ("The letter, sent to about 11,000 patients,
says ...") is no apposition (issue 15, fifth session, split12)."""

from __future__ import annotations

import pytest

from tests.articles.test_structural_rules import article_claims


@pytest.mark.parametrize(
    ("language", "body", "apposition", "claim", "main"),
    [
        (
            "en",
            "Penmorrow, a town of about 23,000 people, had four NHS practices in 2019.",
            "a town of about 23,000 people",
            "Penmorrow is a town of about 23,000 people",
            "had four NHS practices in 2019",
        ),
        (
            "en",
            "Kettlegill, a village of 1,240 residents, lost its last bus service in May.",
            "a village of 1,240 residents",
            "Kettlegill is a village of 1,240 residents",
            "lost its last bus service in May",
        ),
        (
            "id",
            "Bambang Wijaya, pemilik kebun seluas 2,5 hektare, memanen 900 kilogram cengkeh "
            "pada Oktober.",
            "pemilik kebun seluas 2,5 hektare",
            "Bambang Wijaya adalah pemilik kebun seluas 2,5 hektare",
            "memanen 900 kilogram cengkeh",
        ),
    ],
)
def test_apposition_with_a_figure_is_its_own_claim(language, body, apposition, claim, main):
    found = article_claims(body, language)
    appositions = [c for c in found if apposition in c.text and main not in c.text]
    mains = [c for c in found if main in c.text and apposition not in c.text]
    assert len(appositions) == 1 and len(mains) == 1, [c.text for c in found]
    assert claim in appositions[0].claim_text, appositions[0].claim_text
    assert "23 and 000" not in appositions[0].claim_text


@pytest.mark.parametrize(
    ("language", "body", "together", "passive"),
    [
        (
            "en",
            "The letter, sent to about 11,000 adult patients last week, says the practice can "
            "no longer afford to treat them.",
            ("sent to about 11,000", "no longer afford"),
            "The letter was sent to about 11,000 adult patients last week",
        ),
        (
            "en",
            "The survey, posted to 2,400 households in March, found that most wanted the bus "
            "service kept.",
            ("posted to 2,400 households", "most wanted the bus"),
            "The survey was posted to 2,400 households in March",
        ),
    ],
)
def test_participle_phrase_is_written_as_a_passive(language, body, together, passive):
    """A past participle with its complement set off by commas (extract14b: formerly kept
    with its clause, as it was written "Sent to ... is the letter") is what was done to the
    noun, a claim of its own written "<noun> was <participle> ...", never opening with the
    participle."""
    found = article_claims(body, language)
    first, second = together
    assert not any(all(p in c.text for p in together) for c in found), [c.text for c in found]
    split = [c for c in found if first in c.text]
    assert len(split) == 1 and split[0].claim_text.startswith(passive), split[0].claim_text
    assert any(second in c.text for c in found)
    assert not any(c.claim_text.lower().startswith(("sent ", "posted ")) for c in found)


@pytest.mark.parametrize(
    ("language", "body", "first", "second"),
    [
        # ", and" after a clause whose last words hold a figure with a comma in it
        (
            "en",
            "The consultation drew 9,400 responses, and 82 percent of them opposed the plans.",
            "drew 9,400 responses",
            "opposed the plans",
        ),
        (
            "en",
            "The Harlow food bank handed out 12,500 parcels, and volunteers delivered 900 of "
            "them to homes.",
            "handed out 12,500 parcels",
            "volunteers delivered 900",
        ),
    ],
)
def test_and_after_a_figure_with_a_comma_opens_a_clause(language, body, first, second):
    found = article_claims(body, language)
    firsts = [c for c in found if first in c.text and second not in c.text]
    seconds = [c for c in found if second in c.text and first not in c.text]
    assert len(firsts) == 1 and len(seconds) == 1, [c.text for c in found]
