"""What a checker sees of one claim, read in one place: its article, its evidence with the
sources it came from, its history and the people named in it.

In: a session and a Claim. Out: a ``ClaimPage`` (``load_claim_page``), or, when a save was
refused because someone else saved first, the claim as it is now with its latest events and
assignee (``load_conflict``). The web turns these into pages (highlights, forms, labels).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import bindparam
from sqlmodel import Session, select

from factcheck.models import Article, Claim, Evidence, ReviewEvent, Source, User
from factcheck.review.hints import Hint, hint_of, newest_snapshot
from factcheck.review.users import People, people

RECENT_EVENTS = 5


class HistoryEvent(NamedTuple):
    """What the page reads of a ReviewEvent (the history table, the two-person rule, whether a
    correction waits), under the same names. A tuple made from the query's row, not an ORM
    object: the checkers' claims gather dozens of events, and making each a ReviewEvent
    (identity map, instance state, SQLModel's hooks) cost about twice as much, and a row's
    attributes are looked up by name on each read."""

    id: int
    user_id: int | None
    actor: str | None
    at: datetime
    action: str
    from_value: str | None
    to_value: str | None
    note: str | None
    public: bool


class Sibling(NamedTuple):
    """What the page reads of one of the article's live claims: the text's highlight (its
    span, status and section) and the previous and next claim's links (id and key). A tuple
    made from the query's columns: an article's every claim as a Claim object (all its
    columns, the identity map, SQLModel's hooks) was most of the page's first query."""

    id: int
    key: str
    start: int
    end: int
    status: str
    section: str


@dataclass
class ClaimPage:
    """A claim's article; its evidence, best score first, each with its source (None when
    the evidence came from elsewhere); its whole history, oldest first; and the people."""

    claim: Claim
    article: Article
    evidence: list[tuple[Evidence, Source | None]]
    events: list[HistoryEvent]
    people: People
    hint: Hint  # what the evidence says, in one line (factcheck.review.hints)
    # the article's live claims in reading order, this one included: the text's highlights
    # and the previous and next claim
    siblings: list[Sibling] = field(default_factory=list)

    def neighbours(self) -> tuple[Sibling | None, Sibling | None]:
        """The live claims before and after this one in reading order (None at either end)."""
        ids = [c.id for c in self.siblings]
        if self.claim.id not in ids:
            return None, None
        at = ids.index(self.claim.id)
        before = self.siblings[at - 1] if at > 0 else None
        after = self.siblings[at + 1] if at + 1 < len(self.siblings) else None
        return before, after


@dataclass
class Conflict:
    """The claim as now stored, its ``recent`` events (newest first) and its assignee."""

    claim: Claim
    recent: list[ReviewEvent]
    assignee: User | None


def load_claim_page(session: Session, *, claim: Claim) -> ClaimPage:
    """Everything the claim page shows of ``claim``, in five queries whatever it holds."""
    ids = {"claim_id": claim.id, "article_id": claim.article_id}
    # the article and all its claims in one query (the claim itself is always among them)
    rows = session.exec(_article_claims_query(), params=ids).all()
    article = rows[0][0]
    siblings = [Sibling._make(row[1:-1]) for row in rows if row[-1] is None]
    evidence = session.exec(_evidence_query(), params=ids).all()
    cited = session.exec(_sources_query(), params=ids).all()  # (Source, newest snapshot)
    sources = {s.id: s for s, _ in cited}
    events = list(map(HistoryEvent._make, session.exec(_events_query(), params=ids).all()))
    return ClaimPage(
        claim=claim,
        article=article,
        evidence=[(e, sources.get(e.source_id)) for e in evidence],
        events=events,
        people=people(session),
        hint=hint_of(list(evidence), [(s.id, at) for s, at in cited], claim.matched_at),
        siblings=siblings,
    )


# Built once, the ids bound at run time: a checker opens this page before every save, and
# building a statement (and its cache key) cost more than running it on SQLite.
@functools.cache
def _article_claims_query():
    columns = [getattr(Claim, name) for name in Sibling._fields]
    return (
        select(Article, *columns, Claim.deleted_at)
        .join(Claim, Claim.article_id == Article.id)
        .where(Article.id == bindparam("article_id"))
        .order_by(Claim.position, Claim.id)
    )


@functools.cache
def _evidence_query():
    return (
        select(Evidence)
        .where(Evidence.claim_id == bindparam("claim_id"))
        .order_by(Evidence.score.desc().nulls_last(), Evidence.id)
    )


@functools.cache
def _sources_query():
    return select(Source, newest_snapshot()).where(Source.article_id == bindparam("article_id"))


@functools.cache
def _events_query():
    return (
        select(*(getattr(ReviewEvent, name) for name in HistoryEvent._fields))
        .where(ReviewEvent.claim_id == bindparam("claim_id"))
        .order_by(ReviewEvent.id)
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
