""" "di antaranya"/"of them" after a count names the counted group it is part of (issue 15,
extract10): the clause's own group first, then the sentence's, then the sentences before,
and only a group that counts more. Each case is an invented article of its own."""

from __future__ import annotations

import pytest

from tests.articles.test_anaphora import claim_of


@pytest.mark.parametrize(
    ("language", "body", "span_words", "expected"),
    [
        (
            "id",
            "Kabupaten Kali Bening memiliki 212 sumur bor. Sebanyak 67 di antaranya tidak "
            "berfungsi.",
            "67 di antaranya",
            "67 dari 212 sumur bor tidak berfungsi",
        ),
        (
            "id",
            "Sebanyak 17 siswa terluka, tiga di antaranya dirujuk ke rumah sakit.",
            "tiga di antaranya",
            "Tiga dari 17 siswa dirujuk",  # a claim of its own since split12
        ),
        (
            "en",
            "The agency said 23 people had reported stomach illness since Monday. Four of them "
            "had been admitted to hospital.",
            "Four of them",
            "Four of the 23 people had been admitted",
        ),
        (
            "en",
            "The consultation drew 9,400 responses, and 82 percent of them opposed the plans.",
            "82 percent",
            "82 percent of the 9,400 responses opposed",
        ),
    ],
)
def test_a_count_among_a_group_names_the_group(language, body, span_words, expected):
    assert expected in claim_of("Laporan", body, language, span_words).claim_text


def test_a_group_that_counts_fewer_is_not_the_one():
    body = "The bronzes were sold at auction two years later. The museum bought 21 of them in 1924."
    assert "21 of them" in claim_of("Bronzes", body, "en", "21 of them").claim_text


@pytest.mark.parametrize(
    ("language", "body", "span_words", "expected"),
    [
        # no list headed by "chains": the near list of three names
        (
            "en",
            "Hollins, Crumbworth and Daybreak Bakeries raised prices in step. The regulator "
            "said on Wednesday that the three chains had shared pricing plans.",
            "shared pricing plans",
            "that Hollins, Crumbworth and Daybreak Bakeries had shared pricing plans",
        ),
        (
            "id",
            "Banjir merendam Sukamaju, Sukamulya, dan Sukadamai pada Senin. Ketiga wilayah "
            "itu dihuni 4.000 warga.",
            "4.000 warga",
            "Sukamaju, Sukamulya, dan Sukadamai dihuni 4.000 warga",
        ),
    ],
)
def test_a_count_with_no_headed_list_takes_a_near_list_of_as_many(
    language, body, span_words, expected
):
    assert expected in claim_of("Laporan", body, language, span_words).claim_text


def test_one_bodys_name_with_dan_is_no_list_of_two():
    body = (
        "Kepala Dinas Kelautan dan Perikanan Nusa Lima, Hasan Laode, hadir. Ia mengatakan "
        "panen dua bulan itu hanya 1.900 ton."
    )
    claim = claim_of("Panen", body, "id", "1.900 ton")
    assert "dua bulan itu" in claim.claim_text
