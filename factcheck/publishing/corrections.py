"""The public corrections log: every correction and retraction of a published fact-check, with
its date, what changed, the claim and the note for readers (IFCN asks for a page of them).

In: the public history events (corrections approved by a second editor, revised rationales,
withdrawals), with their claims and articles. Out: ``CorrectionEntry`` rows, newest first; a
correction that changed the rating and the explanation together is one entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
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
    entries: dict[tuple, CorrectionEntry] = {}
    for event, claim, article in rows:
        key = (claim.id, event.at, event.note)
        entry = entries.get(key)
        if entry is None:
            entry = entries[key] = CorrectionEntry(event.at, event.note, claim, article)
        entry.events.insert(0, event)  # in the order they were recorded
    return list(entries.values())


def corrections_stamp(session: DriverReader | Session) -> tuple:
    """Changes whenever the log or the visibility of a claim in it may have changed: the public
    events (count, newest id) and the published claims (count, sum of versions)."""
    events = session.execute(
        select(func.count(ReviewEvent.id), func.max(ReviewEvent.id)).where(
            ReviewEvent.public.is_(True)
        )
    ).one()
    claims = session.execute(
        select(func.count(Claim.id), func.sum(Claim.version)).where(
            Claim.status == ClaimStatus.PUBLISHED
        )
    ).one()
    return (*events, *claims)
