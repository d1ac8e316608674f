"""An article with no full date is dated by a day its weekday names ("Kamis (3/12)", "Monday
30 November") and the years it writes: the year, among those written and the year after each,
in which the day falls on that weekday (issue 15, extract12). Its relative years and bare
months are then written with their years, as for an article with a full date. Each case is
an invented article of its own; the last cases must be left alone."""

from __future__ import annotations

import pytest

from factcheck.articles.standalone import _years_of_weekdays
from tests.articles.test_anaphora import claim_of


@pytest.mark.parametrize(
    ("language", "body", "span_words", "expected", "not_expected"),
    [
        # a dateline's "Kamis (3/12)" and a "November 2026": 3 December 2026 is a Thursday
        (
            "id",
            "Sawah Luas, Kamis (3/12) — Pengadilan Agama Sawah Luas menerima 300 permohonan "
            "pada Januari hingga November 2026. Tahun lalu pengadilan menerima 210 permohonan.",
            "210 permohonan",
            "Tahun 2025",
            "Tahun lalu",
        ),
        # "sejak 2020" and "Rabu (2/12)": 2020 and 2026 both fit, the later is taken
        (
            "id",
            "Dinas Sosial Kabupaten Rawa Asri melepaskan 27 warga dari pasungan pada Januari "
            "hingga November 2026. Salah satunya dilepaskan pada Rabu (2/12). Program bebas "
            "pasung berjalan sejak 2020. Anggaran program tahun ini Rp 780 juta.",
            "Rp 780 juta",
            "tahun 2026",
            "tahun ini",
        ),
        # English: "Monday 30 November" with a "2025" written; a bare month before it
        (
            "en",
            "The council's cabinet voted on Monday 30 November to sell the allotments. The "
            "site was valued at £3 million in 2025. The council applied for permission in July.",
            "applied for permission",
            "in July 2026",
            "in July to",
        ),
    ],
)
def test_a_weekday_dates_an_article_with_no_full_date(
    language, body, span_words, expected, not_expected
):
    claim = claim_of("Laporan", body, language, span_words)
    assert expected in claim.claim_text
    assert not_expected not in claim.claim_text


@pytest.mark.parametrize(
    ("language", "body", "span_words", "kept"),
    [
        # only years two or more before the day's: 30 November is a Monday in 2020 and
        # 2026, neither written nor a year after one written, so the article is not dated
        (
            "en",
            "The home's owner wrote to families on Monday 30 November. It was rated good in "
            "2022. The home lost £640,000 this year.",
            "£640,000",
            "this year",
        ),
        # a future auxiliary before a month earlier than the article's: next year's, left
        (
            "id",
            "Harga cabai di Kota Sungai Emas naik pada Senin (9/12). Harga pada Desember 2024 "
            "tertinggi sejak 2022. Bank Indonesia memperkirakan harga akan kembali normal pada "
            "akhir Januari.",
            "kembali normal",
            "akhir Januari",
        ),
    ],
)
def test_a_weekday_that_cannot_date_the_article_leaves_it(language, body, span_words, kept):
    claim = claim_of("Laporan", body, language, span_words)
    assert claim.claim_text.rstrip(".").endswith(kept) or f"{kept} " in claim.claim_text
    assert not any(str(y) in claim.claim_text.split(kept)[-1][:6] for y in range(2019, 2028))


@pytest.mark.parametrize(
    ("weekdays", "written", "year"),
    [
        ([(4, 12, 3)], {2019, 2023, 2026, 2027}, 2026),  # 2020 fits too: the later
        ([(1, 12, 9)], {1998, 2022, 2024}, 2024),
        ([(1, 11, 30)], {2021, 2022}, None),  # 2020 and 2026 fit, neither is a candidate
        ([(2, 5, 21), (3, 5, 21)], {2024, 2025}, 2025),  # a misprint: the most days win
        ([(7, 2, 29)], {2024, 2025}, None),  # no 29 February in 2025, not a Sunday in 2024
    ],
)
def test_years_of_weekdays(weekdays, written, year):
    years, months = _years_of_weekdays(weekdays, written)
    assert (next(iter(years)) if years else None) == year
    if year:
        assert set(months[year]) <= {m for _, m, _ in weekdays}


@pytest.mark.parametrize(
    ("body", "span_words", "expected", "kept"),
    [
        # a weekday's day in brackets gets the article's year when the weekday fits it
        (
            "Dinas Sosial Kabupaten Rawa Asri melepaskan 27 warga dari pasungan pada Januari "
            "hingga November 2026. Salah satu yang dilepaskan pada Selasa (1/12) adalah "
            "Slamet.",
            "Salah satu",
            "Selasa (1/12/2026)",
            None,
        ),
        # left alone: 2 December 2026 is a Wednesday, not a Tuesday
        (
            "Dinas Sosial Kabupaten Rawa Asri melepaskan 27 warga dari pasungan pada Senin "
            "(30/11/2026). Salah satu yang dilepaskan pada Selasa (2/12) adalah Slamet.",
            "Salah satu",
            None,
            "Selasa (2/12)",
        ),
    ],
)
def test_a_weekdays_day_gets_the_articles_year(body, span_words, expected, kept):
    claim = claim_of("Laporan", body, "id", span_words)
    if expected:
        assert expected in claim.claim_text
    if kept:
        assert f"{kept[:-1]}/" not in claim.claim_text
        assert kept in claim.claim_text
