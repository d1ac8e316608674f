"""Verdicts: setting one while a claim is reviewed, and correcting a published one.

A verdict (with its rationale, and the reason why no source is available when there is none)
is set while the claim is in review or verified; a change to a verified claim sends it back to
review. On a published claim a change is a *correction*: an editor proposes it with a note for
readers, and it goes live only when another editor approves it (``approve_correction``), and
only if the claim has not changed since. Editors see the proposals waiting
(``pending_corrections``).

Status changes, locking, history and the two-person rule for publishing live in
factcheck.review.workflow; like them, every function here checks the role, records history
and ignores a repeated ``request_id``. The caller commits.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from factcheck.errors import PermissionDenied, StaleClaim, TransitionError
from factcheck.inputs import check_text
from factcheck.messages import N_, Message
from factcheck.models import (
    Claim,
    ClaimStatus,
    CorrectionRequest,
    ReviewEvent,
    Role,
    User,
    utcnow,
)
from factcheck.review.ratings import RatingScale
from factcheck.review.workflow import already_done, lock, record, require, require_live

S = ClaimStatus
MAX_REASON_CHARS = 2000


def _check_verdict(verdict: str, scale: RatingScale) -> None:
    if verdict not in scale:
        raise TransitionError(
            N_("unknown verdict %(verdict)r; choose one of: %(keys)s"),
            verdict=verdict,
            keys=", ".join(scale.keys()),
        )


def set_verdict(
    session: Session,
    claim: Claim,
    verdict: str,
    rationale: str,
    *,
    user: User,
    expected_version: int,
    scale: RatingScale,
    note: str | None = None,
    no_source_reason: str | None = None,
    request_id: str | None = None,
) -> Claim:
    """Set the claim's verdict and rationale, and the reason why no source is available
    (``no_source_reason``: None keeps it, "" clears it).

    Allowed while the claim is in review or verified; a change to a verified claim sends it
    back to review. On a published claim it proposes a correction instead (see
    ``propose_correction``): the claim itself does not change yet.
    """
    if already_done(session, request_id):
        return claim
    require_live(claim)
    _check_verdict(verdict, scale)
    rationale = (rationale or "").strip()
    reason = claim.no_source_reason if no_source_reason is None else no_source_reason.strip()
    check_text(reason or "", N_("the reason why no source is available"), MAX_REASON_CHARS)
    if claim.status == S.UNVERIFIED:
        raise TransitionError(
            N_("start the review of claim %(key)s before setting a verdict"), key=claim.key
        )
    if claim.status == S.PUBLISHED:
        propose_correction(
            session,
            claim,
            verdict,
            rationale,
            reason,
            user=user,
            expected_version=expected_version,
            note=note,
            request_id=request_id,
        )
        return claim
    require(user, Role.CHECKER, N_("setting a verdict"))
    changes = _changes(claim, verdict, rationale, reason)
    if not changes:
        return claim  # nothing changed: no version bump, no event
    lock(session, claim, expected_version)
    for action, old, new in changes:
        record(session, claim, user, action, old, new, request_id=request_id)
        request_id = None
    _apply(claim, verdict, rationale, reason, chosen_by=user)
    if claim.status == S.VERIFIED:
        record(
            session,
            claim,
            user,
            "status",
            S.VERIFIED,
            S.IN_REVIEW,
            note="the verdict changed after it was verified: review it again",
        )
        claim.status = S.IN_REVIEW
    session.add(claim)
    return claim


def _changes(claim: Claim, verdict: str, rationale: str, reason: str | None) -> list[tuple]:
    """(history action, old, new) for each part of the verdict that differs."""
    return [
        (action, old, new or None)
        for action, old, new in (
            ("verdict", claim.verdict, verdict),
            ("rationale", claim.rationale, rationale),
            ("no_source", claim.no_source_reason, reason),
        )
        if (old or "") != (new or "")
    ]


def _apply(claim: Claim, verdict: str, rationale: str, reason: str | None, *, chosen_by: User):
    if claim.verdict != verdict:
        claim.verdict_by_id = chosen_by.id  # who chose it; later touches count as well
    claim.verdict, claim.rationale, claim.no_source_reason = verdict, rationale, reason or None
    claim.reviewed_at = utcnow()


# --- corrections of published verdicts ----------------------------------------------------------
DECIDED = ("correction_approved", "correction_rejected")


def awaits_approval(events: list[ReviewEvent]) -> bool:
    """Whether a claim's history (oldest first) ends its corrections with a proposal not yet
    decided: the page then asks for the proposal, other claims' pages need not."""
    for event in reversed(events):
        if event.action == "correction_proposed":
            return True
        if event.action in DECIDED:
            return False
    return False


def pending_correction(session: Session, claim: Claim) -> CorrectionRequest | None:
    """The correction of ``claim`` waiting for approval, if any."""
    return session.exec(
        select(CorrectionRequest).where(
            CorrectionRequest.claim_id == claim.id, CorrectionRequest.state == "pending"
        )
    ).first()


def propose_correction(
    session: Session,
    claim: Claim,
    verdict: str,
    rationale: str,
    no_source_reason: str | None,
    *,
    user: User,
    expected_version: int,
    note: str | None,
    request_id: str | None = None,
) -> CorrectionRequest | None:
    """Propose a correction of a published claim's verdict; it waits for another editor.

    Needs an editor and a note for readers; one correction waits at a time. Returns it, or
    None when nothing would change.
    """
    require(user, Role.EDITOR, N_("correcting a published verdict"))
    note = (note or "").strip()
    if not note:
        raise TransitionError(N_("a correction to a published verdict needs a note for readers"))
    if claim.version != expected_version:
        raise StaleClaim(
            N_("claim %(key)s was changed by someone else since you opened it"),
            claim_id=claim.id,
            key=claim.key,
            current_version=claim.version,
        )
    if not _changes(claim, verdict, rationale, no_source_reason):
        return None
    if pending_correction(session, claim) is not None:
        raise TransitionError(
            N_(
                "a correction of claim %(key)s is already waiting for approval; approve or "
                "reject it first"
            ),
            key=claim.key,
        )
    correction = CorrectionRequest(
        claim_id=claim.id,
        verdict=verdict,
        rationale=rationale,
        no_source_reason=no_source_reason or None,
        note=note,
        base_version=claim.version,
        proposed_by_id=user.id,
    )
    session.add(correction)
    record(
        session,
        claim,
        user,
        "correction_proposed",
        claim.verdict,
        verdict,
        note=note,
        request_id=request_id,
    )
    session.flush()
    return correction


def _pending_for(session: Session, correction: CorrectionRequest, user: User) -> Claim:
    require(user, Role.EDITOR, N_("deciding on a correction"))
    if correction.state != "pending":
        raise TransitionError(
            N_("this correction was already %(state)s"), state=Message.term(correction.state)
        )
    claim = session.get(Claim, correction.claim_id)
    require_live(claim)
    return claim


def approve_correction(
    session: Session, correction: CorrectionRequest, *, user: User, request_id: str | None = None
) -> Claim:
    """Make a proposed correction live: the claim's verdict changes, and readers see the note.

    ``user`` must be an editor other than the one who proposed it. StaleClaim when the claim
    changed since the proposal (propose it again on the current claim).
    """
    if already_done(session, request_id):
        return session.get(Claim, correction.claim_id)
    claim = _pending_for(session, correction, user)
    if user.id == correction.proposed_by_id:
        raise PermissionDenied(
            N_("two-person rule: a correction needs another editor's approval, not its author's")
        )
    if claim.status != S.PUBLISHED:
        raise TransitionError(
            N_(
                "claim %(key)s is no longer published; reject this correction and change "
                "the verdict in review instead"
            ),
            key=claim.key,
        )
    lock(session, claim, correction.base_version)
    author = session.get(User, correction.proposed_by_id)
    for action, old, new in _changes(
        claim, correction.verdict, correction.rationale, correction.no_source_reason
    ):
        shown = "correction" if action == "verdict" else action
        record(session, claim, author, shown, old, new, note=correction.note, public=True)
    _apply(
        claim,
        correction.verdict,
        correction.rationale,
        correction.no_source_reason,
        chosen_by=author,
    )
    claim.published_by_id = user.id
    record(session, claim, user, "correction_approved", None, None, request_id=request_id)
    _decide(session, correction, "approved", user)
    session.add(claim)
    return claim


def reject_correction(
    session: Session,
    correction: CorrectionRequest,
    *,
    user: User,
    note: str | None = None,
    request_id: str | None = None,
) -> None:
    """Turn a proposed correction down (its author may withdraw it); nothing else changes."""
    if already_done(session, request_id):
        return
    claim = _pending_for(session, correction, user)
    record(
        session,
        claim,
        user,
        "correction_rejected",
        correction.verdict,
        None,
        note=(note or "").strip() or None,
        request_id=request_id,
    )
    _decide(session, correction, "rejected", user)


def _decide(session: Session, correction: CorrectionRequest, state: str, user: User) -> None:
    correction.state, correction.decided_by_id, correction.decided_at = state, user.id, utcnow()
    session.add(correction)


@dataclass(frozen=True)
class PendingCorrection:
    """A correction waiting for approval, with its claim and who proposed it (for editors)."""

    correction: CorrectionRequest
    claim: Claim
    proposed_by: str


def pending_corrections(session: Session) -> list[PendingCorrection]:
    """Every correction waiting for approval, oldest first."""
    rows = session.exec(
        select(CorrectionRequest, Claim, User.name)
        .join(Claim, Claim.id == CorrectionRequest.claim_id)
        .join(User, User.id == CorrectionRequest.proposed_by_id)
        .where(CorrectionRequest.state == "pending")
        .order_by(CorrectionRequest.proposed_at, CorrectionRequest.id)
    ).all()
    return [PendingCorrection(c, claim, name) for c, claim, name in rows]
