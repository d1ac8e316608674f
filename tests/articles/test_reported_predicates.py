"""Two predicates joined by "dan"/"and" inside what a verb of saying reports ("mengatakan
polisi menyita ... dan menangkap ...") are two claims, the second written with the reported
subject and its speaker ("Menurut X, polisi menangkap ..."), not with the speaker as its
subject. An auxiliary both predicates share ("were detected ... and confirmed") keeps them
one claim (issue 15, fifth session, split12)."""

from __future__ import annotations

import pytest

from tests.articles.test_structural_rules import article_claims


@pytest.mark.parametrize(
    ("language", "body", "second", "claim", "not_claim"),
    [
        (
            "id",
            "Kepala Polres Watu Ombo, AKBP Dedi Kurniawan, mengatakan polisi menyita tiga mesin "
            "sedot dan menangkap dua operatornya pada Kamis (26/11/2026).",
            "menangkap dua operatornya",
            "polisi menangkap dua operatornya",
            "Dedi Kurniawan menangkap",
        ),
        (
            "en",
            "The council leader, Mary Hollis, said the council repaired 40 roads and resurfaced "
            "12 bridges in Harlow.",
            "resurfaced 12 bridges",
            "the council resurfaced 12 bridges",
            "Mary Hollis resurfaced",
        ),
    ],
)
def test_reported_second_predicate_has_the_reported_subject(
    language, body, second, claim, not_claim
):
    found = article_claims(body, language)
    seconds = [c for c in found if second in c.text and c.text.split()[0] != "mengatakan"]
    seconds = [c for c in seconds if not c.text.startswith("said")]
    assert len(seconds) == 1, [c.text for c in found]
    assert claim in seconds[0].claim_text, seconds[0].claim_text
    assert not_claim not in seconds[0].claim_text


@pytest.mark.parametrize(
    ("language", "body", "together"),
    [
        (
            "en",
            "Harlow Water said the bacteria were detected in two samples and confirmed in a third.",
            ("were detected", "confirmed in a third"),
        ),
    ],
)
def test_shared_auxiliary_keeps_one_claim(language, body, together):
    found = article_claims(body, language)
    assert any(all(p in c.text for p in together) for c in found), [c.text for c in found]
