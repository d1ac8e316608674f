"""The audit log as CSV (factcheck.audit holds the log itself), for editors and admins to keep
or hand over: UTF-8 with a byte-order mark and formula-safe cells, like the claims' CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from sqlmodel import Session

from factcheck.audit import audit_batches
from factcheck.export.csvexport import BOM, safe_cells

COLUMNS = ["id", "at", "actor", "action", "target", "detail"]


def audit_csv(session: Session) -> Iterator[str]:
    """The whole log, oldest first, as CSV text chunks."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    yield BOM + buffer.getvalue()
    for rows in audit_batches(session):
        buffer.seek(0)
        buffer.truncate()
        for e in rows:
            writer.writerow(
                safe_cells([e.id, e.at.isoformat(), e.actor, e.action, e.target, e.detail])
            )
        yield buffer.getvalue()
