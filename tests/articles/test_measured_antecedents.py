""" "Angka itu" after a sentence that counts something is that count of its subject's, also
when the subject carries its acronym in brackets ("Pengadilan Agama (PA) Waru Gading", which
hid the subject: a bracket read as an aside) and when the sentence opens the article after a
dateline ("Waru Gading, Kamis (3/12) — ...", whose day was read as the figure). Issue 15,
written for these tests."""

from __future__ import annotations

import pytest

from factcheck.language.syntax import subject_span
from tests.articles.test_anaphora import claim_of

COUNTED = (
    "Pengadilan Agama (PA) Sekar Arum menerima 312 permohonan dispensasi kawin sepanjang "
    "Januari hingga November 2026. Angka itu naik 40 persen dibandingkan periode yang sama."
)


@pytest.mark.parametrize("dateline", ["", "Sekar Arum, Kamis (3/12) — "])
def test_the_figure_is_the_count_of_the_subjects(dateline):
    claim = claim_of("Permohonan Dispensasi Kawin Naik", dateline + COUNTED, "id", "naik 40")
    assert claim.claim_text.startswith(
        "Angka permohonan dispensasi kawin Pengadilan Agama Sekar Arum"
    )


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Badan Pusat Statistik (BPS) mencatat inflasi 2,1 persen.", "Badan Pusat Statistik (BPS)"),
        ("Warga (yang tinggal di bantaran) mengungsi ke masjid.", None),  # an aside
    ],
)
def test_a_names_acronym_in_brackets_is_no_aside_before_the_verb(text, subject):
    span = subject_span(text, "id")
    assert (text[span[0] : span[1]] if span else None) == subject
