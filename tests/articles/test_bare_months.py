"""A month written with no year ("pada November", "Oktober lalu", "next September") written
with the year it falls in (issue 15, extract11), from the year of the article's full dates
and the months they give; the span keeps the article's words. Each case is an invented
article of its own."""

from __future__ import annotations

import pytest

from tests.articles.test_anaphora import claim_of


@pytest.mark.parametrize(
    ("language", "body", "span_words", "expected", "not_expected"),
    [
        # a bare month no later than the article's dated months is that year's
        (
            "id",
            "Rumah sakit di Kota Rawa Asri kehabisan oksigen pada Jumat (4/12/2026). Data "
            "rumah sakit mencatat 212 pasien dirawat pada November.",
            "212 pasien",
            "pada November 2026",
            None,
        ),
        # a day and a month: the year after the month
        (
            "en",
            "MILLBROOK, Dec. 3, 2026 — The council met on Thursday. Planning permission was "
            "granted on 12 November.",
            "12 November",
            "on 12 November 2026",
            None,
        ),
        # "lalu" before the article's first dated month: that year, the word gone
        (
            "id",
            "Warga Desa Sukamaju melapor pada Senin (30/11/2026). Guru sudah melaporkan atap "
            "yang retak ke dinas pada Agustus lalu.",
            "atap",
            "pada Agustus 2026",
            "Agustus lalu",
        ),
        # "next" before a month the article's dates have passed: the year after
        (
            "en",
            "MILLBROOK, Dec. 3, 2026 — The council voted on Tuesday to sell the site. The 86 "
            "plot holders have until next September to leave.",
            "86 plot holders",
            "until September 2027",
            "next September",
        ),
    ],
)
def test_a_bare_month_is_written_with_its_year(language, body, span_words, expected, not_expected):
    claim = claim_of("Laporan", body, language, span_words)
    assert expected in claim.claim_text
    if not_expected:
        assert not_expected not in claim.claim_text
        assert not_expected in claim.text  # the span is as written


@pytest.mark.parametrize(
    ("language", "body", "span_words", "expected"),
    [
        (
            "en",
            "MILLBROOK, Dec. 3, 2026 — The council met on Thursday. Repairs took place in "
            "June and July, the council said.",
            "Repairs",
            "in June and July 2026",
        ),
        (
            "id",
            "Rumah sakit di Kota Rawa Asri kehabisan oksigen pada Jumat (4/12/2026). Klaim "
            "layanan Juli dan September belum dibayar.",
            "Klaim",
            "layanan Juli dan September 2026",
        ),
    ],
)
def test_a_range_of_months_takes_the_year_once(language, body, span_words, expected):
    assert expected in claim_of("Laporan", body, language, span_words).claim_text


@pytest.mark.parametrize(
    ("language", "body", "span_words", "kept"),
    [
        # no full date in the article: the month stays as written
        (
            "id",
            "Data rumah sakit di Kota Rawa Asri mencatat 212 pasien dirawat pada November.",
            "212 pasien",
            "pada November",
        ),
        # a year given anywhere in the text: the month may be that year's
        (
            "en",
            "MILLBROOK, Dec. 3, 2026 — The council met on Thursday. Repairs took place "
            "between March and June 2024, the council said.",
            "Repairs",
            "between March and June 2024",
        ),
        # a month before every dated one, after a word looking forward: maybe next year's
        (
            "id",
            "Pemkot Rawa Asri menetapkan darurat sampah pada Kamis (3/12/2026). Pasar "
            "wajib mengolah sampahnya sendiri mulai Januari.",
            "mulai Januari",
            "mulai Januari",
        ),
        # inside a quote, the speaker's words stay
        (
            "en",
            'MILLBROOK, Dec. 3, 2026 — "We hired 40 nurses in October," said Ann Lee, the '
            "director of Millbrook Hospital.",
            "40 nurses",
            "in October",
        ),
    ],
)
def test_a_month_whose_year_cannot_be_told_is_left(language, body, span_words, kept):
    claim = claim_of("Laporan", body, language, span_words)
    assert kept in claim.claim_text
    assert f"{kept} 20" not in claim.claim_text


def test_a_time_carried_from_the_end_of_its_sentence_brings_no_full_stop():
    body = (
        "St Aldric Hospital, which serves about 410,000 people across Brennan County, was hit "
        "by ransomware on 3 November."
    )
    claim = claim_of("Laporan", body, "en", "410,000")
    assert not claim.claim_text.endswith(".")
