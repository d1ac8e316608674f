"""CSV and ClaimReview exports are compared byte for byte with stored files: the exports are
tuned for speed, and a faster writer must not change a single byte of what they write.

The stored files were written by the exports before they were tuned (the csv module's writer,
``json.dumps``). To accept an intended change, write them again with
``FACTCHECK_WRITE_EXPECTED=1 pytest tests/export/test_exact_output.py`` and review the diff.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from factcheck.export.records import Selection
from factcheck.export.stream import export_chunks
from tests.export.test_formats import publisher, reviewed_articles

EXPECTED = Path(__file__).resolve().parents[1] / "data" / "export"
LATER = datetime(2025, 12, 24, 23, 59, 58, tzinfo=UTC)
# Cells a writer could get wrong: every character the csv module quotes, formula starts,
# empty and blank text, keys that need percent-encoding, non-BMP characters.
HOSTILE = [
    ('Koma, "kutip" dan\r\nbaris CRLF', "2,5%", "k,1"),
    ("=SUM(A1)", '"Dikutip" di awal', "k 2"),
    ("Tanpa koma", "", "k/3"),
    ("+62 812 3456", "   ", "k%4"),
    ("@akun berkata", "\tTab di awal", "ключ"),
    ("Emoji 🎉 dan ümlaut", "Baris\nbaru", "k-5"),
    ('Cuma "kutip"', "\rCR di awal", "k.6"),
    ("-", "-", "k_7"),
]


def hostile_articles(session, factory) -> None:
    """reviewed_articles plus an article of hostile cells, every timestamp fixed."""
    reviewed_articles(session, factory)
    article = factory.article(
        '=Judul, "aneh"\nbaris dua',
        language="id",
        publisher="+Penerbit",
        author="@penulis",
        url="https://news.example.id/b?q=a,b",
        published_date=date(2024, 2, 29),
    )
    verdicts = ["true", "false", "mostly_true", "half_true", "unverifiable", "off_scale"]
    for n, (text, rationale, key) in enumerate(HOSTILE):
        factory.claim(
            article,
            text_=text,
            key=key,
            position=n + 1,
            status="published" if n % 2 else "verified",
            verdict=verdicts[n % len(verdicts)],
            rationale=rationale,
            reviewed_at=LATER,
            published_at=LATER if n % 2 else None,
        )
    for claim in session.exec(_all_claims()).all():  # updated_at is set on save: fix it
        claim.updated_at = LATER
        session.add(claim)
    session.commit()


def _all_claims():
    from sqlmodel import select

    from factcheck.models import Claim

    return select(Claim)


@pytest.mark.parametrize("fmt, name", [("csv", "claims.csv"), ("claimreview", "claims.jsonld")])
def test_export_writes_exactly_the_stored_bytes(session, factory, fmt, name):
    hostile_articles(session, factory)
    written = "".join(export_chunks(session, fmt, Selection(status="all"), publisher()))
    path = EXPECTED / name
    if os.environ.get("FACTCHECK_WRITE_EXPECTED"):
        path.write_bytes(written.encode("utf-8"))
    assert written.encode("utf-8") == path.read_bytes()
