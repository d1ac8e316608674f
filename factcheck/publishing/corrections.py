"""The public corrections log: every correction and retraction of a published fact-check, with
its date, what changed, the claim and the note for readers (IFCN asks for a page of them).

In: the public history events (corrections approved by a second editor, revised rationales,
withdrawals), with their claims and articles. Out: ``CorrectionEntry`` rows, newest first; a
correction that changed the rating and the explanation together is one entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func
from sqlmodel import Session, col, select

from factcheck.models import Article, Claim, ClaimStatus, ReviewEvent

if TYPE_CHECKING:
    from factcheck.db import DriverReader


@dataclass
class CorrectionEntry:
    """One correction or retraction: its events (same claim, time and note), the claim as it
    is now, its article, and whether readers can still open the claim's page."""

    at: datetime
    note: str | None
    claim: Claim
    article: Article
    events: list[ReviewEvent] = field(default_factory=list)

    @property
    def claim_visible(self) -> bool:
        return self.claim.status == ClaimStatus.PUBLISHED and self.claim.deleted_at is None


def corrections_log(session: Session, limit: int = 1000) -> list[CorrectionEntry]:
    """The newest ``limit`` public history events as entries, newest first."""
    rows = session.exec(
        select(ReviewEvent, Claim, Article)
        .join(Claim, Claim.id == ReviewEvent.claim_id)
        .join(Article, Article.id == Claim.article_id)
        .where(ReviewEvent.public.is_(True))
        .order_by(col(ReviewEvent.at).desc(), col(ReviewEvent.id).desc())
        .limit(limit)
    ).all()
    return group_corrections(rows)


# Events of one correction are recorded one after another (a rating and its explanation), each
# with its own timestamp: those of one claim with one note this close together are one entry.
SAME_CORRECTION = timedelta(seconds=60)


def group_corrections(rows: Iterable[tuple[ReviewEvent, Claim, Article]]) -> list[CorrectionEntry]:
    """(event, claim, article) rows, newest or oldest first, as entries in the same order: the
    events of one correction (same claim and note, recorded together) make one entry, so its
    note is said once; each entry's events are in the order they were recorded."""
    entries: list[CorrectionEntry] = []
    for event, claim, article in rows:
        last = entries[-1] if entries else None
        if (
            last is not None
            and last.claim.id == claim.id
            and last.note == event.note
            and abs(_naive(last.at) - _naive(event.at)) <= SAME_CORRECTION
        ):
            last.events.append(event)
            last.events.sort(key=lambda e: (_naive(e.at), e.id))
            last.at = max(last.at, event.at, key=_naive)
        else:
            entries.append(CorrectionEntry(event.at, event.note, claim, article, [event]))
    return entries


def _naive(value: datetime) -> datetime:
    # SQLite hands datetimes back naive, PostgreSQL aware; both are UTC
    return value.replace(tzinfo=None)


# Built once: a statement built per call would also be compiled (and, on PostgreSQL,
# prepared) per call.
_PUBLIC_EVENTS = select(func.count(ReviewEvent.id), func.max(ReviewEvent.id)).where(
    ReviewEvent.public.is_(True)
)
_PUBLISHED_CLAIMS = select(func.count(Claim.id), func.sum(Claim.version)).where(
    Claim.status == ClaimStatus.PUBLISHED
)


def corrections_stamp(session: DriverReader | Session) -> tuple:
    """Changes whenever the log or the visibility of a claim in it may have changed: the public
    events (count, newest id) and the published claims (count, sum of versions)."""
    events = session.execute(_PUBLIC_EVENTS).one()
    claims = session.execute(_PUBLISHED_CLAIMS).one()
    return (*events, *claims)
