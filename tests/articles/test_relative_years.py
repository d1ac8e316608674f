"""A year named from the day the article was written ("tahun lalu", "last year") written as
that year in the claim text (issue 15, extract10), from the year of the article's full
dates; the span keeps the article's words. Each case is an invented article of its own."""

from __future__ import annotations

import pytest

from tests.articles.test_anaphora import claim_of


@pytest.mark.parametrize(
    ("language", "body", "span_words", "expected", "not_expected"),
    [
        # "tahun lalu" in an article dated in 2026
        (
            "id",
            "Harga gabah di Kabupaten Sawah Luas turun pada Senin (30/11/2026). Gudang "
            "Bulog masih menyimpan 3.000 ton beras tahun lalu.",
            "3.000 ton",
            "tahun 2025",
            "tahun lalu",
        ),
        # "tahun ini" opening the clause, with the place carried after it
        (
            "id",
            "Banjir melanda Kota Rawa Asri pada Selasa (1/12/2026). Tahun ini banjir sudah "
            "terjadi 14 kali di Kota Rawa Asri.",
            "14 kali",
            "Tahun 2026 banjir",
            "Tahun ini",
        ),
        # English: "last year" after a verb's object, "next year" after a preposition
        (
            "en",
            "MILLBROOK, Dec. 3, 2026 — The Millbrook council met on Thursday. The council "
            "spent $12 million on roads last year.",
            "$12 million",
            "on roads in 2025",
            "last year",
        ),
        (
            "en",
            "MILLBROOK, Dec. 3, 2026 — The Millbrook council met on Thursday. The housing "
            "budget for next year is $21 million.",
            "$21 million",
            "budget for 2027 is",
            "next year",
        ),
        # a count of years is no year, and a quote keeps its words
        (
            "id",
            "Gudang di Kota Rawa Asri dibuka pada Selasa (1/12/2026). Gudang itu dibangun "
            "dua tahun lalu dengan biaya Rp 4 miliar.",
            "Rp 4 miliar",
            "dua tahun lalu",
            "2025",
        ),
        (
            "en",
            'MILLBROOK, Dec. 3, 2026 — "We hired 40 nurses last year," said Ann Lee, the '
            "director of Millbrook Hospital.",
            "40 nurses",
            "last year",
            "2025",
        ),
    ],
)
def test_a_year_named_from_the_articles_date_is_written_as_that_year(
    language, body, span_words, expected, not_expected
):
    claim = claim_of("Laporan", body, language, span_words)
    assert expected in claim.claim_text
    assert not_expected not in claim.claim_text
    assert not_expected in claim.text or not_expected not in body  # the span is as written


@pytest.mark.parametrize(
    ("language", "body", "span_words"),
    [
        # no full date in the article: the phrase stays, and no other clause's year joins it
        (
            "en",
            "Norbrook Rail spent $212 million on track last year, while inspectors now cover "
            "twice as many miles as in 2019.",
            "$212 million",
        ),
        (
            "id",
            "Perusahaan itu menyimpan 3.000 ton beras tahun lalu, sementara pada 2019 gudang "
            "hanya berisi 900 ton.",
            "3.000 ton",
        ),
    ],
)
def test_an_undated_article_keeps_the_relative_year_and_takes_no_other(language, body, span_words):
    claim = claim_of("Laporan Gudang", body, language, span_words)
    assert "2019" not in claim.claim_text
    assert ("last year" if language == "en" else "tahun lalu") in claim.claim_text


@pytest.mark.parametrize(
    ("language", "body", "span_words", "expected"),
    [
        (
            "id",
            "Pada 2019, antraks menewaskan 11 sapi, dan penyakit itu menjangkiti 14 warga.",
            "14 warga",
            "14 warga pada 2019",
        ),
        (
            "en",
            "In 2019, anthrax killed 11 cows, and the disease infected 14 residents.",
            "14 residents",
            "14 residents in 2019",
        ),
    ],
)
def test_a_time_carried_from_the_sentences_opening_is_in_lower_case(
    language, body, span_words, expected
):
    assert expected in claim_of("Laporan", body, language, span_words).claim_text
