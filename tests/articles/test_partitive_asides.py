"""A share of the group just counted, set off by a comma and opening with a quantifier
pronoun (", sebagian besar pelajar", ", the last of them in June 2025"), is a claim of its
own, written with the clause before it; its time stays its own. A share with a noun and a
verb of its own is left to the other rules (issue 15, fifth session, split12)."""

from __future__ import annotations

import pytest

from tests.articles.test_structural_rules import article_claims


@pytest.mark.parametrize(
    ("language", "body", "main", "share", "claim", "not_in_main"),
    [
        (
            "id",
            "Angkot jurusan Terminal Cikadu itu mengangkut 11 penumpang, sebagian besar pelajar "
            "dan pedagang sayur.",
            "mengangkut 11 penumpang",
            "sebagian besar pelajar",
            "mengangkut 11 penumpang, sebagian besar pelajar",
            "pelajar",
        ),
        (
            "en",
            "Four dental practices in Harlow have closed since 2019, the last of them in June "
            "2025.",
            "Four dental practices",
            "the last of them in June 2025",
            "have closed since 2019, the last of them in June 2025",
            "June 2025",
        ),
        (
            "en",
            "The Harlow college will cut 14 courses, most of them in languages and the arts.",
            "will cut 14 courses",
            "most of them in languages",
            "will cut 14 courses, most of them in languages",
            "languages",
        ),
    ],
)
def test_share_of_the_counted_is_its_own_claim(language, body, main, share, claim, not_in_main):
    found = article_claims(body, language)
    mains = [c for c in found if main in c.text and share not in c.text]
    shares = [c for c in found if share in c.text and main not in c.text]
    assert len(mains) == 1 and len(shares) == 1, [c.text for c in found]
    assert claim in shares[0].claim_text, shares[0].claim_text
    assert not_in_main not in mains[0].claim_text, mains[0].claim_text


def test_share_with_its_own_subject_and_verb_keeps_its_text():
    body = (
        "Meskipun Pasar Sentral Kota Watu Agung sudah memiliki 24 alat pemadam api ringan, "
        "sebagian besar alat itu sudah kedaluwarsa sejak 2023."
    )
    found = article_claims(body, "id")
    shares = [c for c in found if "kedaluwarsa" in c.text]
    assert len(shares) == 1, [c.text for c in found]
    assert "24 alat pemadam" not in shares[0].claim_text, shares[0].claim_text
