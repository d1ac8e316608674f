"""A title set off from its person's name by a place ("mantan Kepala Desa Ranca Bulu,
Kecamatan Cibeber Kidul, Asep Kurniawan,") still says that the name is a person's, whom a
later "Ia" names ("Ia didakwa ..." was left as written). Issue 15, extract13. Each case is an
article of its own, written for these tests; the last case must be left alone."""

from __future__ import annotations

import pytest

from tests.articles.test_anaphora import claim_of


@pytest.mark.parametrize(
    ("body", "span_words", "expected"),
    [
        (
            "Jaksa menuntut mantan Kepala Desa Sukamaju, Kecamatan Cirende, Dadang Permana, "
            "dengan hukuman lima tahun penjara pada Senin. Ia didakwa menyelewengkan dana desa "
            "sebesar Rp 800 juta.",
            "didakwa",
            "Dadang Permana didakwa menyelewengkan",
        ),
    ],
)
def test_title_before_a_place_marks_a_person(body, span_words, expected):
    claim = claim_of("Mantan Kades Dituntut", body, "id", span_words)
    assert claim.claim_text.startswith(expected), claim.claim_text


def test_a_place_without_a_title_marks_no_person():
    body = (
        "Banjir merendam Desa Sukamaju, Kecamatan Cirende, Kabupaten Rawa Sari, pada Senin. "
        "Ketinggian air mencapai 1,5 meter."
    )
    claim = claim_of("Banjir", body, "id", "1,5 meter")
    assert "Cirende" not in claim.claim_text.split(" mencapai")[0]
