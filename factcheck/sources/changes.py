"""Sources that changed after publication: what changed (a diff of passages), and the editors'
queue of published claims waiting for someone to look at the change.

A change is recorded for the published claims of the source's article that have evidence
from that source (not rejected); when none has, for every published claim of the article,
since its verdict page lists the source all the same. One open entry per claim and source:
a second change before anyone looked widens the entry's diff to the newest copy.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from sqlmodel import Session, col, select

from factcheck.errors import NotFound
from factcheck.messages import N_
from factcheck.models import (
    Article,
    Claim,
    ClaimStatus,
    Evidence,
    EvidenceState,
    Role,
    Snapshot,
    Source,
    SourceChange,
    User,
    utcnow,
)
from factcheck.review import workflow
from factcheck.sources.passages import cut_passages


@dataclass(frozen=True)
class PassageChange:
    """One passage "removed" from the old copy or "added" in the new one."""

    op: str
    text: str


def passage_diff(before: str, after: str) -> list[PassageChange]:
    """The passages removed and added between two texts, in reading order; white space alone
    is no change. Empty when the texts say the same."""
    old = [" ".join(text.split()) for _s, _e, text in cut_passages(before)]
    new = [" ".join(text.split()) for _s, _e, text in cut_passages(after)]
    changes = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            changes += [PassageChange("removed", text) for text in old[i1:i2]]
            changes += [PassageChange("added", text) for text in new[j1:j2]]
    return changes


def claims_relying_on(session: Session, source: Source) -> list[Claim]:
    """The published, live claims of the source's article that rely on it (see above)."""
    published = list(
        session.exec(
            select(Claim)
            .where(Claim.article_id == source.article_id, Claim.status == ClaimStatus.PUBLISHED)
            .where(col(Claim.deleted_at).is_(None))
            .order_by(Claim.position, Claim.id)
        ).all()
    )
    citing = set(
        session.exec(
            select(Evidence.claim_id).where(
                Evidence.source_id == source.id, Evidence.state != EvidenceState.REJECTED
            )
        ).all()
    )
    return [c for c in published if c.id in citing] or published


def record_change(
    session: Session, source: Source, before: Snapshot, after: Snapshot
) -> list[Claim]:
    """Put the claims relying on ``source`` in the editors' queue for its change from
    ``before`` to ``after``, with an event in each claim's history. Returns those claims."""
    claims = claims_relying_on(session, source)
    for claim in claims:
        entry = session.exec(
            select(SourceChange).where(
                SourceChange.claim_id == claim.id,
                SourceChange.source_id == source.id,
                col(SourceChange.reviewed_at).is_(None),
            )
        ).first()
        if entry is None:
            entry = SourceChange(
                claim_id=claim.id, source_id=source.id, before_snapshot_id=before.id
            )
        entry.after_snapshot_id, entry.detected_at = after.id, utcnow()
        session.add(entry)
        note = f"“{source.title[:200]}” changed after publication (snapshot {after.id})"
        workflow.record(session, claim, None, "source_changed", note=note)
    session.flush()
    return claims


@dataclass(frozen=True)
class ChangeEntry:
    """One line of the editors' queue: the change, its claim, source and article."""

    change: SourceChange
    claim: Claim
    source: Source
    article: Article


def open_changes(session: Session, limit: int = 200) -> list[ChangeEntry]:
    """Changes nobody has looked at yet, newest first."""
    rows = session.exec(
        select(SourceChange, Claim, Source, Article)
        .join(Claim, Claim.id == SourceChange.claim_id)
        .join(Source, Source.id == SourceChange.source_id)
        .join(Article, Article.id == Claim.article_id)
        .where(col(SourceChange.reviewed_at).is_(None))
        .order_by(col(SourceChange.detected_at).desc(), col(SourceChange.id).desc())
        .limit(limit)
    ).all()
    return [ChangeEntry(*row) for row in rows]


def change_diff(session: Session, change: SourceChange) -> list[PassageChange]:
    """What changed in the source between the entry's two snapshots."""
    before = session.get(Snapshot, change.before_snapshot_id)
    after = session.get(Snapshot, change.after_snapshot_id)
    return passage_diff(before.text, after.text)


def mark_reviewed(session: Session, change_id: int, *, user: User) -> SourceChange:
    """An editor has looked at the change: it leaves the queue (recorded on the claim)."""
    workflow.require(user, Role.EDITOR, N_("closing a source change"))
    change = session.get(SourceChange, change_id)
    if change is None:
        raise NotFound(f"no source change {change_id}")
    if change.reviewed_at is None:
        change.reviewed_at, change.reviewed_by_id = utcnow(), user.id
        session.add(change)
        claim = session.get(Claim, change.claim_id)
        workflow.record(session, claim, user, "source_change_reviewed", note=f"change {change_id}")
    return change
