"""What a destructive action will change, said before it is done: deleting a claim, merging
claims, re-running extraction. The web shows a preview and asks to confirm (a second POST);
nothing here changes the database.

In: a session and what the person chose. Out: a preview dataclass naming the claims touched.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func
from sqlmodel import Session, col, select

from factcheck.articles.reextract import untouched
from factcheck.errors import InputError
from factcheck.messages import N_
from factcheck.models import Article, Claim, Evidence
from factcheck.review.editing import merged_text


@dataclass
class DeletePreview:
    """The claim to delete and how much evidence stays attached to it (restorable)."""

    claim: Claim
    evidence: int


@dataclass
class MergePreview:
    """The claim that keeps the merged text, the claims that will be deleted, the new text
    and how much evidence moves to the kept claim (marked stale: the wording changes)."""

    target: Claim
    others: list[Claim]
    text: str
    evidence: int


@dataclass
class ReextractPreview:
    """Claims a new extraction may replace (proposals nobody worked on) and those it keeps."""

    replaceable: list[Claim] = field(default_factory=list)
    kept: list[Claim] = field(default_factory=list)


def _evidence_count(session: Session, claim_ids: list[int]) -> int:
    if not claim_ids:
        return 0
    query = select(func.count()).select_from(Evidence)
    return session.exec(query.where(col(Evidence.claim_id).in_(claim_ids))).one()


def preview_delete(session: Session, claim: Claim) -> DeletePreview:
    """What deleting ``claim`` changes."""
    return DeletePreview(claim, _evidence_count(session, [claim.id]))


def preview_merge(session: Session, article: Article, claim_ids: list[int]) -> MergePreview:
    """What merging the claims of ``article`` with these ids changes; InputError when fewer
    than two of them are live claims of the article."""
    claims = session.exec(
        select(Claim)
        .where(
            col(Claim.id).in_(claim_ids),
            Claim.article_id == article.id,
            col(Claim.deleted_at).is_(None),
        )
        .order_by(Claim.position, Claim.id)
    ).all()
    if len(claims) < 2:
        raise InputError(N_("tick at least two claims of this article to merge them"))
    target, others = claims[0], list(claims[1:])
    moving = _evidence_count(session, [c.id for c in others])
    return MergePreview(target, others, merged_text(article, list(claims)), moving)


def preview_reextract(session: Session, article: Article) -> ReextractPreview:
    """Which live claims of ``article`` a new extraction may replace, and which it keeps."""
    live = session.exec(
        select(Claim)
        .where(Claim.article_id == article.id, col(Claim.deleted_at).is_(None))
        .order_by(Claim.position, Claim.id)
    ).all()
    preview = ReextractPreview()
    for claim in live:
        (preview.replaceable if untouched(session, claim) else preview.kept).append(claim)
    return preview
