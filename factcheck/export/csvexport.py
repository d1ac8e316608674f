"""The CSV export: one row per claim, for spreadsheets.

- UTF-8 with a byte-order mark: Excel reads BOM-less CSV in the local code page and garbles
  Indonesian and other non-ASCII text; LibreOffice, Python and pandas read the BOM fine
  (Python: ``encoding="utf-8-sig"``).
- RFC 4180: the csv module's minimal quoting and CRLF line ends; newlines stay inside quotes.
- Formula injection: a text cell starting with ``= + - @``, a tab or a carriage return would
  be run as a formula by a spreadsheet, so it gets a leading apostrophe (OWASP's advice).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from sqlmodel import Session

from factcheck.claimfile import stamp
from factcheck.export.claimreview import verdict_page_url
from factcheck.export.records import Publisher, Record, Selection, iter_records
from factcheck.models import EvidenceState

BOM = "\ufeff"
COLUMNS = ["article", "article_title", "article_url", "article_published", "language",
           "claim_key", "claim", "status", "verdict", "verdict_label", "verdict_label_en",
           "rationale", "reviewed", "published", "updated", "verdict_url", "evidence_count",
           "evidence_urls"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FLUSH_AT = 64 * 1024  # characters buffered before a chunk is yielded


def safe_cell(value: object) -> object:
    """``value`` with a leading apostrophe when a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def chunks(session: Session, selection: Selection, publisher: Publisher) -> Iterator[str]:
    """The CSV text (BOM, header, one row per claim) in chunks of about 64 KB."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write(BOM)
    writer.writerow(COLUMNS)
    for record in iter_records(session, selection, history=False):
        writer.writerow([safe_cell(v) for v in row(record, publisher)])
        if buffer.tell() >= FLUSH_AT:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def row(record: Record, publisher: Publisher) -> list:
    """The cells of one claim, in COLUMNS order (not yet neutralised)."""
    c, a = record.claim, record.article
    label = label_en = None
    if c.verdict in publisher.scale:
        rating = publisher.scale.get(c.verdict)
        label, label_en = rating.label(a.language), rating.label("en")
    confirmed = [e for e in record.evidence if e.state == EvidenceState.CONFIRMED]
    urls = [e.url or e.source_url for e in confirmed if e.url or e.source_url]
    return [a.slug, a.title, a.url, a.published_date.isoformat() if a.published_date else None,
            a.language, c.key, c.text, c.status, c.verdict, label, label_en, c.rationale,
            stamp(c.reviewed_at), stamp(c.published_at), stamp(c.updated_at),
            verdict_page_url(publisher.base_url, a.slug, c.key), len(confirmed),
            " ".join(dict.fromkeys(urls))]
