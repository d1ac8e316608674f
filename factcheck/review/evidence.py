"""Evidence for a claim: confirm or reject a suggested passage, or add one by URL and quote."""

from __future__ import annotations

from sqlmodel import Session, select

from factcheck.errors import InputError, TransitionError
from factcheck.messages import N_
from factcheck.models import Claim, ClaimStatus, Evidence, EvidenceState, Role, Source, User
from factcheck.review import workflow
from factcheck.sources.urls import web_address

MAX_QUOTE_CHARS = 5000


def _require_changeable(claim: Claim, user: User) -> None:
    if claim.deleted_at is not None:
        raise TransitionError(N_("claim %(key)s is deleted; restore it first"), key=claim.key)
    published = claim.status == ClaimStatus.PUBLISHED
    workflow.require(
        user,
        Role.EDITOR if published else Role.CHECKER,
        N_("changing the evidence of a published claim") if published else N_("reviewing evidence"),
    )


def set_evidence_state(
    session: Session,
    evidence: Evidence,
    state: str,
    *,
    user: User,
    expected_version: int,
    note: str | None = None,
    request_id: str | None = None,
) -> Evidence:
    """Mark a piece of evidence confirmed, rejected or back to suggested; recorded on its claim."""
    if state not in set(EvidenceState):
        raise InputError(
            f"unknown evidence state {state!r}; states: "
            + ", ".join(s.value for s in EvidenceState)
        )
    claim = session.get(Claim, evidence.claim_id)
    _require_changeable(claim, user)
    if workflow.already_done(session, request_id) or (
        evidence.state == state and not evidence.stale
    ):
        return evidence
    workflow.lock(session, claim, expected_version)
    workflow.record(
        session,
        claim,
        user,
        "evidence",
        evidence.state,
        state,
        note=note or f"evidence {evidence.id}: {evidence.passage[:120]}",
        request_id=request_id,
    )
    evidence.state = state
    evidence.stale = False  # a person judged it against the claim's current wording
    session.add(evidence)
    return evidence


def confirm_evidence(session: Session, evidence: Evidence, **kwargs) -> Evidence:
    """The passage supports checking the claim (see ``set_evidence_state``)."""
    return set_evidence_state(session, evidence, EvidenceState.CONFIRMED, **kwargs)


def reject_evidence(session: Session, evidence: Evidence, **kwargs) -> Evidence:
    """The passage is not relevant (see ``set_evidence_state``)."""
    return set_evidence_state(session, evidence, EvidenceState.REJECTED, **kwargs)


def add_evidence(
    session: Session,
    claim: Claim,
    *,
    url: str,
    quote: str,
    user: User,
    expected_version: int,
    note: str | None = None,
    request_id: str | None = None,
) -> Evidence | None:
    """Add evidence a checker found: a web address and the quoted passage (confirmed).

    Returns the new Evidence, or None for a repeated request.
    """
    _require_changeable(claim, user)
    url = web_address(url)
    quote = (quote or "").strip()
    if not quote:
        raise InputError(N_("quote the passage that supports or contradicts the claim"))
    if len(quote) > MAX_QUOTE_CHARS:
        raise InputError(N_("the quote is at most %(limit)s characters"), limit=MAX_QUOTE_CHARS)
    if workflow.already_done(session, request_id):
        return None
    workflow.lock(session, claim, expected_version)
    source = session.exec(
        select(Source).where(Source.article_id == claim.article_id, Source.url == url)
    ).first()
    evidence = Evidence(
        claim_id=claim.id,
        source_id=source.id if source else None,
        url=url,
        passage=quote,
        state=EvidenceState.CONFIRMED,
        added_by_id=user.id,
        note=(note or "").strip() or None,
    )
    session.add(evidence)
    session.flush()
    workflow.record(
        session, claim, user, "evidence", None, "added", note=url, request_id=request_id
    )
    return evidence
