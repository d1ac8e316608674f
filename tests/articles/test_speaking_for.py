"""A speaker who says "kami"/"we" speaks for the body their title named (issue 15,
extract10): the body goes in brackets after their name, their quoted words as said. Each
case is an invented article of its own."""

from __future__ import annotations

import pytest

from tests.articles.test_anaphora import claim_of


@pytest.mark.parametrize(
    ("language", "body", "span_words", "expected"),
    [
        (
            "id",
            "Direktur Operasi PT Laut Biru, Budi Santoso, mengatakan armada bertambah. "
            '"Kami menambah enam kapal," ujar Budi.',
            "enam kapal",
            'Menurut Budi Santoso (PT Laut Biru), "Kami menambah enam kapal"',
        ),
        (
            "en",
            "The regional director of the GMB, Sandra Kiernan, spoke on Monday. "
            '"We were told about 640 job losses at 9am," Sandra Kiernan said.',
            "640 job losses",
            'According to Sandra Kiernan (GMB), "We were told about 640 job losses at 9am"',
        ),
    ],
)
def test_a_speaker_saying_we_is_named_with_their_body(language, body, span_words, expected):
    assert expected in claim_of("Laporan", body, language, span_words).claim_text


def test_a_speaker_with_no_body_or_no_we_is_left_alone():
    body = (
        "Direktur Operasi PT Laut Biru, Budi Santoso, mengatakan armada bertambah. "
        '"Enam kapal baru tiba," ujar Budi. Warga Kali Bening, Siti Aminah, berkata, '
        '"Kami menunggu dua hari."'
    )
    assert "(PT Laut Biru)" not in claim_of("Kapal", body, "id", "Enam kapal").claim_text
    assert "(" not in claim_of("Kapal", body, "id", "dua hari").claim_text
