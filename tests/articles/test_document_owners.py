"""A speaker that is a body's document ("data Dinas Pekerjaan Umum", "Survei OJK", "the
council's own figures") is that body as the claimant; a document whose owner the article
does not name as such stays as written ("the department's own survey" is no university's).
Issue 15, extract13. Each case is an article of its own, written for these tests; the last
cases must be left alone."""

from __future__ import annotations

import pytest

from tests.articles.test_anaphora import claim_of


@pytest.mark.parametrize(
    ("language", "body", "span_words", "claimant"),
    [
        (
            "id",
            "Kemarau melanda Kabupaten Rawa Sari sejak Juli. Menurut data Dinas Pekerjaan Umum, "
            "Kabupaten Rawa Sari memiliki 150 sumur bor.",
            "150 sumur bor",
            "Dinas Pekerjaan Umum",
        ),
        (
            "en",
            "Dunholt County Council will close 12 libraries. Visits fell by a third since 2019, "
            "according to Dunholt County Council's own figures.",
            "fell by a third",
            "Dunholt County Council",
        ),
    ],
)
def test_document_is_its_owner(language, body, span_words, claimant):
    claim = claim_of("Laporan", body, language, span_words)
    assert claim.claimant == claimant


def test_unnamed_owner_stays():
    body = (
        "Brenmoor banned phones in schools last year. Hamid Rastegar, a researcher at "
        "Northcombe University, said the data told a modest story. Screen time rose by 40 "
        "minutes a day, according to the department's own survey."
    )
    claim = claim_of("Phone ban review", body, "en", "Screen time rose")
    assert claim.claimant != "Northcombe University"
