"""A speaker given as a title and then, after a comma, the person's name ("kata Direktur
Utama PLN, Arif Santoso") is that person as the claimant (issue 15, extract10), and a later
"dia"/"she" points to them. Each case is an invented article of its own."""

from __future__ import annotations

import pytest

from tests.articles.test_anaphora import claim_of


@pytest.mark.parametrize(
    ("language", "body", "span_words", "claimant"),
    [
        (
            "id",
            "PLTU Batu Putih akan dipensiunkan pada 2030. Sebanyak 900 pekerja akan dilatih "
            "ulang, kata Direktur Utama PLN, Arif Santoso.",
            "900 pekerja",
            "Arif Santoso",
        ),
        (
            "id",
            "Kepala Dinas Pertanian Kali Bening, Suryadi, pada Senin mengatakan 5.200 hektare "
            "padi rusak. Menurut dia, kerugian mencapai Rp 40 miliar.",
            "Rp 40 miliar",
            "Suryadi",
        ),
        (
            "en",
            "The Kelmoor plant will close in March. About 640 jobs will go, said the chief "
            "executive, Alan Mercer.",
            "640 jobs",
            "Alan Mercer",
        ),
    ],
)
def test_a_title_then_a_name_is_that_person(language, body, span_words, claimant):
    assert claim_of("Laporan", body, language, span_words).claimant == claimant


def test_a_title_with_no_name_after_it_stays():
    body = "Sebanyak 900 pekerja akan dilatih ulang, kata Direktur Utama PLN."
    assert claim_of("Laporan", body, "id", "900 pekerja").claimant == "Direktur Utama PLN"
