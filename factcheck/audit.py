"""The audit log: every change to what readers may see or what a verdict rests on that the
claims' own history does not hold: sources added, fetched and pasted, the snapshots stored,
files imported (with their SHA-256), articles ingested, and users added or changed.

Each record says who (a user, ``cli:<login>`` for the command line: see
factcheck.cli.cli_actor, or ``system``), when,
what (``action``), to what (``target``, in words) and the details (JSON). The log is
append-only: nothing here changes or deletes a record, and the database refuses to
(triggers, migration 0004). Editors and admins read and download it.
"""

from __future__ import annotations

import json

from sqlmodel import Session, col, select

from factcheck.models import AuditEvent, User

Actor = User | str | None  # a user, "cli:<login>", or None for the system itself


def record_audit(
    session: Session, action: str, *, actor: Actor, target: str, detail: dict | None = None
) -> AuditEvent:
    """Append one record (the caller commits, with the change it records)."""
    user = actor if isinstance(actor, User) else None
    event = AuditEvent(
        user_id=user.id if user else None,
        actor=(user.name if user else actor or "system")[:120],
        action=action,
        target=target[:300],
        detail=json.dumps(detail or {}, ensure_ascii=False, sort_keys=True),
    )
    session.add(event)
    return event


def audit_batches(session: Session, size: int = 1000):
    """The whole log, oldest first, in lists of ``size`` records (for exports)."""
    last = 0
    while True:
        rows = list(
            session.exec(
                select(AuditEvent).where(AuditEvent.id > last).order_by(AuditEvent.id).limit(size)
            ).all()
        )
        if not rows:
            return
        yield rows
        last = rows[-1].id


def audit_events(
    session: Session,
    *,
    before: int | None = None,
    limit: int = 100,
    action: str | None = None,
    target: str | None = None,
) -> list[AuditEvent]:
    """Records newest first, ``limit`` of them, older than id ``before`` if given, of one
    ``action`` and about one ``target`` ("user alice") if given."""
    query = select(AuditEvent).order_by(col(AuditEvent.id).desc()).limit(limit)
    if before is not None:
        query = query.where(AuditEvent.id < before)
    if action:
        query = query.where(AuditEvent.action == action)
    if target:
        query = query.where(AuditEvent.target == target)
    return list(session.exec(query).all())


def audit_actions(session: Session) -> list[str]:
    """The kinds of record the log holds, for a filter."""
    return list(session.exec(select(AuditEvent.action).distinct().order_by(AuditEvent.action)))
