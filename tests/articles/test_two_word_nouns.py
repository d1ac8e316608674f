"""An Indonesian noun of two words made definite inside a clause ("ke rumah sakit itu",
"rumah sakitnya") written as the name the article headed with those two words, by its
acronym where the name defines one (issue 15, extract11). Each case is an invented article
of its own."""

from __future__ import annotations

import pytest

from tests.articles.test_anaphora import claim_of


@pytest.mark.parametrize(
    ("body", "span_words", "expected", "not_expected"),
    [
        (
            "Persediaan oksigen di Rumah Sakit Umum Daerah (RSUD) Tirta Jaya menipis pada "
            "Senin. Direktur Wulan Sari mengatakan rumah sakitnya membutuhkan 120 tabung "
            "setiap hari.",
            "120 tabung",
            "RSUD Tirta Jaya membutuhkan 120 tabung",
            "rumah sakitnya",
        ),
        (
            "Persediaan oksigen di Rumah Sakit Umum Daerah (RSUD) Tirta Jaya menipis pada "
            "Senin. PT Gas Medika memasok oksigen ke rumah sakit itu sejak 2021.",
            "sejak 2021",
            "ke RSUD Tirta Jaya sejak 2021",
            "rumah sakit itu",
        ),
        # a name with no acronym is written whole
        (
            "Kebakaran melanda Pasar Induk Sekar Wangi pada Minggu. Pedagang di pasar induk "
            "itu kehilangan 312 kios.",
            "312 kios",
            "di Pasar Induk Sekar Wangi kehilangan",
            "pasar induk itu",
        ),
    ],
)
def test_a_definite_two_word_noun_is_the_name_it_heads(body, span_words, expected, not_expected):
    claim = claim_of("Laporan", body, "id", span_words)
    assert expected in claim.claim_text
    assert not_expected not in claim.claim_text


@pytest.mark.parametrize(
    ("body", "span_words", "kept"),
    [
        # no name opens with the two words: left
        (
            "Persediaan oksigen di Kota Tirta Jaya menipis pada Senin. PT Gas Medika "
            "memasok oksigen ke rumah sakit itu sejak 2021.",
            "sejak 2021",
            "rumah sakit itu",
        ),
        # inside a quote, the speaker's words stay
        (
            'Persediaan oksigen di Rumah Sakit Umum Daerah (RSUD) Tirta Jaya menipis. "Kami '
            'memasok rumah sakit itu sejak 2021," kata Budi Santoso.',
            "sejak 2021",
            "rumah sakit itu",
        ),
    ],
)
def test_a_two_word_noun_no_name_opens_with_is_left(body, span_words, kept):
    assert kept in claim_of("Laporan", body, "id", span_words).claim_text
