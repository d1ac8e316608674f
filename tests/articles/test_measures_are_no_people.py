"""A noun phrase opened by a figure noun ("Angka warga lain Dinas Sosial X", "Jumlah
penumpang ...") is a measure, never the person a later "Ia"/"she" stands for, though it
holds a word that marks a person ("warga") (issue 15, extract12). Each case is an invented
article of its own."""

from __future__ import annotations

import pytest

from tests.articles.test_anaphora import claim_of


@pytest.mark.parametrize(
    ("body", "span_words", "expected", "not_expected"),
    [
        # "Angka itu" resolved to the count of residents; "Ia" is still the official
        (
            "Kepala Dinas Sosial Rawa Asri, Rahmat Sobirin, mengatakan pihaknya masih mendata "
            "34 warga lain yang dipasung. Angka itu berasal dari laporan kader di 19 "
            "puskesmas. Ia mengakui pendataan belum menjangkau desa di lereng gunung.",
            "lereng gunung",
            "Rahmat Sobirin",
            "Angka",
        ),
        # a person after the figure's sentence is still read as before
        (
            "Kepala Dinas Sosial Rawa Asri, Rahmat Sobirin, mengatakan pihaknya masih mendata "
            "34 warga lain yang dipasung. Salah satunya adalah Slamet (39), warga Desa Ngrandu. "
            "Ia dipasung selama enam tahun.",
            "enam tahun",
            "Slamet dipasung",
            "Rahmat",
        ),
    ],
)
def test_a_figure_is_no_person(body, span_words, expected, not_expected):
    claim = claim_of("Laporan", body, "id", span_words)
    assert expected in claim.claim_text
    assert not_expected not in claim.claim_text
