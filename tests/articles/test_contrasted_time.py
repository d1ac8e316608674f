"""The time of a clause set against the one before it ("..., sementara pada 2023 jumlahnya
masih 38 orang", "..., whereas in 2020 it was 12") is that clause's, not carried into the
clause before it, which would then state a false fact ("31 ahli gizi pada 2023"); and a
clause that counts years from the sentence's year ("dihentikan setahun kemudian" after "pada
2019") is dated with the year counted ("dihentikan pada 2020"); "last year" stays as written
when the sentence names the year it would become for another figure. Issue 15, extract13. Each
case is an article of its own, written for these tests; the last cases must
be left alone."""

from __future__ import annotations

import pytest

from tests.articles.test_anaphora import claim_of


@pytest.mark.parametrize(
    ("language", "body", "span_words", "wrong_time"),
    [
        (
            "id",
            "Kabupaten Rawa Sari kini hanya memiliki 24 bidan desa, sementara pada 2022 "
            "jumlahnya masih 30 orang.",
            "24 bidan desa",
            "2022",
        ),
        (
            "id",
            "Dinas Perikanan mencatat panen bulan ini hanya 800 ton, padahal pada Mei 2025 "
            "mencapai 2.100 ton.",
            "800 ton",
            "2025",
        ),
        (
            "en",
            "The clinic now has 12 nurses, whereas in 2021 it had 20.",
            "12 nurses",
            "2021",
        ),
    ],
)
def test_contrasted_time_not_carried(language, body, span_words, wrong_time):
    claim = claim_of("Laporan", body, language, span_words)
    assert wrong_time not in claim.claim_text, claim.claim_text


@pytest.mark.parametrize(
    ("language", "body", "span_words", "time"),
    [
        # a time the clause shares with the sentence is still carried ("Pada 2025, ...")
        (
            "id",
            "Pada 2025, Kabupaten Rawa Sari memiliki 24 bidan desa dan 12 dokter.",
            "12 dokter",
            "2025",
        ),
    ],
)
def test_shared_time_still_carried(language, body, span_words, time):
    claim = claim_of("Laporan", body, language, span_words)
    assert time in claim.claim_text, claim.claim_text


@pytest.mark.parametrize(
    ("language", "body", "span_words", "expected", "not_expected"),
    [
        # years counted from the sentence's year are counted, not dated with it
        (
            "id",
            "Program beasiswa serupa pernah dijalankan pada 2017, tetapi dihentikan dua "
            "tahun kemudian.",
            "dihentikan",
            "dihentikan pada 2019",
            "kemudian pada 2017",
        ),
        (
            "en",
            "A similar scheme ran in 2018, and a survey had been carried out a year earlier.",
            "survey",
            "carried out in 2017",
            "earlier in 2018",
        ),
    ],
)
def test_years_counted_from_the_sentence(language, body, span_words, expected, not_expected):
    claim = claim_of("Laporan", body, language, span_words)
    assert expected in claim.claim_text, claim.claim_text
    assert not_expected not in claim.claim_text


def test_relative_year_named_elsewhere_in_the_sentence_stays():
    """An article dated only by its weekdays may be dated wrongly; "last year, down from 23
    in 2019" says "last year" is not 2019, so the phrase stays as written."""
    body = (
        "Marsh Buses will withdraw route 12 after the last journey on Saturday 19 December. "
        "The company said on Monday that the route carried 8 passengers per journey last "
        "year, down from 20 in 2019. The route has run since 2021."
    )
    claim = claim_of("Last bus to Marsh End", body, "en", "8 passengers")
    assert "last year" in claim.claim_text, claim.claim_text
    assert "8 passengers per journey in 2019" not in claim.claim_text


@pytest.mark.parametrize(
    ("body", "span_words", "expected"),
    [
        # "jumlahnya" in a clause set against one that counted a group: that group's number
        (
            "Kabupaten Rawa Sari kini hanya memiliki 24 bidan desa, sementara pada 2022 "
            "jumlahnya masih 30 orang.",
            "30 orang",
            "jumlah bidan desa masih 30 orang",
        ),
        # after "meski" the count is of what the clause says of the group: left alone
        (
            "Sebanyak 3.150 balita masih mengalami stunting pada akhir 2025, meski jumlahnya "
            "berkurang dibandingkan tahun sebelumnya.",
            "berkurang",
            "umlahnya berkurang",  # as written ("Jumlahnya" opening the claim)
        ),
    ],
)
def test_number_of_the_counted_group(body, span_words, expected):
    claim = claim_of("Laporan", body, "id", span_words)
    assert expected in claim.claim_text, claim.claim_text
