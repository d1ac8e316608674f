"""A document a body published, opening the subject of a verb of showing ("Data Polresta X
menunjukkan ...", "A 2025 study by Y found ..."), makes that body the claimant (issue 15,
extract10); a subject owned by the article's place ("Kellford's centres") still gets the
topic's label. Each case is an invented article or sentence of its own."""

from __future__ import annotations

import pytest

from factcheck.articles.claimants import find_attribution
from tests.articles.test_anaphora import claim_of


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        (
            "id",
            "Data Polresta Batu Putih menunjukkan 312 korban berasal dari luar kota",
            "Polresta Batu Putih",
        ),
        (
            "id",
            "Data Dinas Kesehatan juga menunjukkan bahwa 1.240 balita lahir dengan berat rendah",
            "Dinas Kesehatan",
        ),
        (
            "id",
            "Hasil uji air Dinas Perikanan pada Minggu menunjukkan kadar oksigen 1,8 miligram",
            "Dinas Perikanan",
        ),
        (
            "en",
            "A 2025 study by Kelmoor University found that the centres employ 640 people",
            "Kelmoor University",
        ),
        (
            "en",
            "Figures from the Office for National Statistics showed that unemployment rose to 6.1%",
            "Office for National Statistics",
        ),
    ],
)
def test_a_bodys_document_is_the_bodys_claim(language, text, speaker):
    found = find_attribution(text, language)
    assert found is not None and found.speaker == speaker
    assert text[found.content_start :].split()[0] not in ("bahwa", "that")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("id", "Hasil survei menunjukkan 40 persen warga setuju dengan rencana itu"),  # no body
        ("en", "The results show that 40 percent of residents back the plan"),
    ],
)
def test_a_document_with_no_body_named_has_no_speaker(language, text):
    assert find_attribution(text, language) is None


def test_a_subject_owned_by_the_place_keeps_the_topic_label():
    body = (
        "Kelmoor council halted new data centres on Monday. Kelmoor's 14 centres use 410 "
        "megawatts. The council said the grid was near its limit. Data centres in Kelmoor "
        "employ 640 people, and data centres pay £3m in rates."
    )
    claim = claim_of("Kelmoor halts data centres", body, "en", "410 megawatts")
    assert claim.claim_text.startswith("Data centres: Kelmoor's 14 centres use")
