"""What a checker sees of one claim, read in one place: its article, its evidence with the
sources it came from, its history and the people named in it.

In: a session and a Claim. Out: a ``ClaimPage`` (``load_claim_page``), or, when a save was
refused because someone else saved first, the claim as it is now with its latest events and
assignee (``load_conflict``). The web turns these into pages (highlights, forms, labels).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from factcheck.models import Article, Claim, Evidence, ReviewEvent, Source, User
from factcheck.review.users import People, people

RECENT_EVENTS = 5


@dataclass
class ClaimPage:
    """A claim's article; its evidence, best score first, each with its source (None when
    the evidence came from elsewhere); its whole history, oldest first; and the people."""

    claim: Claim
    article: Article
    evidence: list[tuple[Evidence, Source | None]]
    events: list[ReviewEvent]
    people: People


@dataclass
class Conflict:
    """The claim as now stored, its ``recent`` events (newest first) and its assignee."""

    claim: Claim
    recent: list[ReviewEvent]
    assignee: User | None


def load_claim_page(session: Session, *, claim: Claim) -> ClaimPage:
    """Everything the claim page shows of ``claim``, in five queries whatever it holds."""
    article = session.get(Article, claim.article_id)
    rows = session.exec(
        select(Evidence)
        .where(Evidence.claim_id == claim.id)
        .order_by(Evidence.score.desc().nulls_last(), Evidence.id)
    ).all()
    sources = {
        s.id: s
        for s in session.exec(select(Source).where(Source.article_id == claim.article_id)).all()
    }
    events = session.exec(
        select(ReviewEvent).where(ReviewEvent.claim_id == claim.id).order_by(ReviewEvent.id)
    ).all()
    return ClaimPage(
        claim=claim,
        article=article,
        evidence=[(e, sources.get(e.source_id)) for e in rows],
        events=list(events),
        people=people(session),
    )


def load_conflict(session: Session, *, claim: Claim) -> Conflict:
    """``claim`` reloaded from the database, its ``RECENT_EVENTS`` latest events and its
    assignee: what a refused save shows next to what was sent."""
    session.refresh(claim)
    recent = session.exec(
        select(ReviewEvent)
        .where(ReviewEvent.claim_id == claim.id)
        .order_by(ReviewEvent.id.desc())
        .limit(RECENT_EVENTS)
    ).all()
    assignee = session.get(User, claim.assignee_id) if claim.assignee_id else None
    return Conflict(claim=claim, recent=list(recent), assignee=assignee)
