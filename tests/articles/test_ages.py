"""An age after a name ("Margaret Lowe, 78,", "Wagiman (54)") says the name is a person's and
is no noun of its own (issue 15, extract11): a relative clause after it is about the person,
and a later "Ia"/"ujarnya"/"she" names them; an adverb in "-nya" ("semestinya") is owned by
nobody. Each case is an invented article of its own."""

from __future__ import annotations

import pytest

from factcheck.articles.extract import extract_article
from tests.articles.test_anaphora import claim_of


@pytest.mark.parametrize(
    ("language", "body", "span_words", "expected", "claimant"),
    [
        (
            "en",
            "The council voted on Monday to sell the allotments. Margaret Lowe, 78, who has "
            "kept plot 14 for 41 years, said she had cried when she read the letter.",
            "plot 14",
            "Margaret Lowe has kept plot 14 for 41 years",
            None,
        ),
        (
            "en",
            "The council voted on Monday to sell the allotments. Margaret Lowe, 78, who has "
            "kept plot 14 for 41 years, said she had cried when she read the letter.",
            "cried",
            "Margaret Lowe said she had cried",
            "Margaret Lowe",
        ),
        (
            "id",
            "Kepala Dinas Pertanian Sawah Luas, Suryadi, mengatakan 5.200 hektare padi rusak. "
            "Salah satunya, Wagiman (54), kehilangan seluruh panen. Ia memperkirakan "
            "kerugiannya mencapai Rp 38 juta.",
            "Rp 38 juta",
            "Wagiman memperkirakan",
            "Wagiman",
        ),
        (
            "id",
            "Direktur RSUD Kencana, Wulan Sari, mengatakan 14 operasi ditunda. Salah satu "
            'pasien, Suparmi (54), semestinya dioperasi pada Kamis. "Saya sudah puasa sejak '
            'malam, lalu disuruh pulang," ujarnya.',
            "puasa",
            "Menurut Suparmi",
            "Suparmi",
        ),
    ],
)
def test_an_age_marks_a_person(language, body, span_words, expected, claimant):
    claim = claim_of("Laporan", body, language, span_words)
    assert expected in claim.claim_text
    assert claim.claimant == claimant


def test_an_adverb_in_nya_is_owned_by_nobody():
    body = (
        "Direktur RSUD Kencana, Wulan Sari, mengatakan 14 operasi ditunda. Salah satu pasien, "
        "Suparmi (54), semestinya menjalani operasi batu empedu pada Kamis."
    )
    texts = [c.claim_text for c in extract_article("Laporan", body, "id")]
    assert not any("Semesti " in t or "semesti " in t for t in texts), texts


def test_its_is_no_titled_persons():
    body = (
        "St Aldric Hospital was hit by ransomware on 3 November. Its chief executive, Helen "
        "Okafor, said 2,640 appointments had been postponed. She added that the emergency "
        "department reopened on 9 November, while its laboratory systems remain offline."
    )
    claim = claim_of("Ransomware hits St Aldric Hospital", body, "en", "laboratory")
    assert "Helen Okafor's laboratory" not in claim.claim_text
