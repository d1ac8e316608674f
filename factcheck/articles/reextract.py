"""Re-running claim extraction on an article without losing reviewed claims."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func
from sqlmodel import Session, select

from factcheck.messages import N_, Message
from factcheck.models import Article, Claim, ClaimStatus, ReviewEvent, Role, User, utcnow
from factcheck.review import workflow
from factcheck.review.editing import renumber


@dataclass
class Reextraction:
    """What re-running extraction did: claims added, replaced (deleted), kept as they were."""

    added: list[Claim] = field(default_factory=list)
    replaced: list[Claim] = field(default_factory=list)
    unchanged: int = 0
    skipped: int = 0  # proposals overlapping a claim someone has worked on

    def describe(self) -> str:
        """One line for people: what re-running extraction did."""
        return Message(
            N_(
                "Extraction re-run: %(added)s claims added, %(replaced)s replaced, "
                "%(unchanged)s unchanged, %(skipped)s skipped because they overlap claims "
                "someone has worked on."
            ),
            added=len(self.added),
            replaced=len(self.replaced),
            unchanged=self.unchanged,
            skipped=self.skipped,
        )


def untouched(session: Session, claim: Claim) -> bool:
    """True for a proposal nobody has worked on: unverified, never saved, only created by the
    system. Only these may be replaced by a new extraction."""
    if claim.status != ClaimStatus.UNVERIFIED or claim.version != 1 or claim.verdict:
        return False
    human = session.exec(
        select(func.count())
        .select_from(ReviewEvent)
        .where(ReviewEvent.claim_id == claim.id, ReviewEvent.user_id.is_not(None))
    ).one()
    return human == 0


def _in_title(section: str) -> bool:
    """Headline claims have their span in the title, the others in the text."""
    return section == "headline"


def reextract(
    session: Session, article: Article, *, user: User, min_score: float = 0.0
) -> Reextraction:
    """Run claim extraction again without losing reviewed claims.

    A proposal whose span overlaps a claim someone has worked on is skipped; one identical to
    an untouched claim (same span, same claim text) leaves it alone; untouched claims no
    proposal repeats are replaced (deleted with a history event, restorable). By default every
    proposal is offered, opinions included, as at ingest.
    """
    from factcheck.articles.ingest import add_claims, proposals_for

    workflow.require(user, Role.CHECKER, N_("re-running extraction"))
    live = session.exec(
        select(Claim).where(Claim.article_id == article.id, Claim.deleted_at.is_(None))
    ).all()
    spare = {
        (_in_title(c.section), c.start, c.end, c.text): c for c in live if untouched(session, c)
    }
    spare_ids = {c.id for c in spare.values()}
    worked = [
        (_in_title(c.section), c.start, c.end)
        for c in live
        if c.id not in spare_ids and c.end > c.start
    ]
    result, new = Reextraction(), []
    proposals = proposals_for(article, min_score)
    for proposal in proposals:
        title = _in_title(proposal.section)
        key = (title, proposal.start, proposal.end, proposal.claim_text)
        if spare.pop(key, None) is not None:
            result.unchanged += 1
        elif any(t == title and proposal.start < e and s < proposal.end for t, s, e in worked):
            result.skipped += 1
        else:
            new.append(proposal)
    for claim in spare.values():
        workflow.lock(session, claim, claim.version)  # saved by a reviewer meanwhile: StaleClaim
        workflow.record(
            session, claim, user, "delete", None, None, note="replaced by re-extraction"
        )
        claim.deleted_at = utcnow()
        session.add(claim)
        result.replaced.append(claim)
    result.added = add_claims(session, article, new, first_position=len(live) + 1)
    renumber(session, article)
    return result
