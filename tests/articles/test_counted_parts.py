"""A count of a part of the group just counted, set off by a comma and with its own verb
(", tiga di antaranya dirujuk ke RSUD", ", three of them appointed by tenant groups"), is a
claim of its own, written with the group ("Tiga dari 17 siswa dirujuk ..."); a part with no
verb of its own stays with its clause (issue 15, fifth session, split12)."""

from __future__ import annotations

import pytest

from tests.articles.test_structural_rules import article_claims


@pytest.mark.parametrize(
    ("language", "body", "main", "part", "claim"),
    [
        (
            "id",
            "Sebanyak 17 siswa SD Negeri 2 Sidoreja terluka, tiga di antaranya dirujuk ke RSUD "
            "Watu Ombo karena patah tulang.",
            "17 siswa",
            "tiga di antaranya dirujuk",
            "iga dari 17 siswa",
        ),
        (
            "en",
            "The Harlow housing board will have nine members, four of them appointed by tenant "
            "groups.",
            "nine members",
            "four of them appointed",
            "our of the nine members appointed",
        ),
    ],
)
def test_counted_part_is_its_own_claim(language, body, main, part, claim):
    found = article_claims(body, language)
    mains = [c for c in found if main in c.text and part not in c.text]
    parts = [c for c in found if part in c.text and main not in c.text]
    assert len(mains) == 1 and len(parts) == 1, [c.text for c in found]
    assert claim in parts[0].claim_text, parts[0].claim_text


@pytest.mark.parametrize(
    ("language", "body", "together"),
    [
        # no verb of its own: what the part is stays with its count
        (
            "en",
            "The Harlow site will be used for 120 homes, 36 of them affordable.",
            ("120 homes", "36 of them affordable"),
        ),
        # no figure before it: nothing was counted
        (
            "id",
            "Para siswa dipulangkan lebih awal, tiga di antaranya dijemput orang tua mereka.",
            ("dipulangkan", "tiga di antaranya"),
        ),
    ],
)
def test_part_without_its_own_verb_or_count_stays(language, body, together):
    found = article_claims(body, language)
    assert any(all(p in c.text for p in together) for c in found), [c.text for c in found]
