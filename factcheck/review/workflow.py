"""The review workflow: the one place that decides what may change on a claim, and records it.

Every change to a claim goes through a function here. Each one
- checks the user's role and the status transition (``ALLOWED``), raising TransitionError or
  PermissionDenied with a message a person can act on;
- takes the claim's version the user saw (optimistic locking): a conditional UPDATE bumps the
  version, so of two checkers saving the same claim the second gets StaleClaim, and nothing of
  the first is lost;
- appends ReviewEvents (the history is never rewritten);
- ignores a repeated ``request_id`` (a double-submitted form), returning without a second event.
The caller commits; ``run_retrying`` commits for callers that race (web requests): the
database's unique constraints (claim keys, source addresses, request ids) refuse the second of
two racing inserts, and running the change again then finds what the first one added.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from factcheck.errors import PermissionDenied, StaleClaim, TransitionError
from factcheck.models import Claim, ClaimStatus, ReviewEvent, Role, User, utcnow
from factcheck.review.ratings import RatingScale

T = TypeVar("T")
S = ClaimStatus
ALLOWED: dict[tuple[str, str], str] = {
    # (from, to): the role needed ("checker" means any reviewer)
    (S.UNVERIFIED, S.IN_REVIEW): Role.CHECKER,
    (S.IN_REVIEW, S.UNVERIFIED): Role.CHECKER,
    (S.IN_REVIEW, S.VERIFIED): Role.CHECKER,
    (S.VERIFIED, S.IN_REVIEW): Role.CHECKER,
    (S.VERIFIED, S.PUBLISHED): Role.EDITOR,
    (S.PUBLISHED, S.VERIFIED): Role.EDITOR,  # unpublishing: a public note is required
}
RANK = {Role.CHECKER: 1, Role.EDITOR: 2, Role.ADMIN: 3}


def has_role(user: User | None, role: str) -> bool:
    """Whether ``user`` is active and has ``role`` or a higher one."""
    return bool(user and user.active and RANK.get(user.role, 0) >= RANK[role])


def require(user: User | None, role: str, action: str) -> None:
    if not has_role(user, role):
        raise PermissionDenied(f"{action} needs the {role} role")


def already_done(session: Session, request_id: str | None) -> bool:
    """True when a form with this request id was already handled (a double submit)."""
    if not request_id:
        return False
    found = session.exec(select(ReviewEvent.id).where(ReviewEvent.request_id == request_id))
    return found.first() is not None


def run_retrying(session: Session, change: Callable[[], T], attempts: int = 8) -> T:
    """``change()``, then commit; when a unique constraint refuses it (a request racing this
    one added the same claim key, source or request id), roll back and run it again, so that
    it sees the other request's work; of n requests racing, each round lets one through, so
    ``attempts`` bounds how many may race. Returns what ``change`` returned."""
    for attempt in range(attempts):
        try:
            result = change()
            session.commit()
            return result
        except IntegrityError:
            session.rollback()
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def require_live(claim: Claim) -> None:
    """A deleted claim takes no review work until it is restored."""
    if claim.deleted_at is not None:
        raise TransitionError(f"claim {claim.key} is deleted; restore it first")


def lock(session: Session, claim: Claim, expected_version: int) -> None:
    """Bump the claim's version if it is still ``expected_version``; else raise StaleClaim."""
    result = session.execute(
        update(Claim)
        .where(Claim.id == claim.id, Claim.version == expected_version)
        .values(version=expected_version + 1, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        session.refresh(claim)
        raise StaleClaim(
            f"claim {claim.key} was changed by someone else since you opened it "
            f"(your version {expected_version}, now {claim.version})",
            claim_id=claim.id,
            current_version=claim.version,
        )
    claim.version = expected_version + 1
    claim.updated_at = utcnow()


def record(
    session: Session,
    claim: Claim,
    user: User | None,
    action: str,
    from_value: str | None = None,
    to_value: str | None = None,
    *,
    note: str | None = None,
    public: bool = False,
    request_id: str | None = None,
) -> ReviewEvent:
    """Append one event to the claim's history."""
    event = ReviewEvent(
        claim_id=claim.id,
        user_id=user.id if user else None,
        actor=user.name if user else "system",
        action=action,
        from_value=from_value,
        to_value=to_value,
        note=note or None,
        public=public,
        request_id=request_id,
    )
    session.add(event)
    return event


def change_status(
    session: Session,
    claim: Claim,
    to_status: str,
    *,
    user: User,
    expected_version: int,
    note: str | None = None,
    request_id: str | None = None,
) -> Claim:
    """Move ``claim`` along the workflow, checking role, transition and publishing rules."""
    if already_done(session, request_id):
        return claim
    require_live(claim)
    to_status = _status(to_status)
    needed = ALLOWED.get((claim.status, to_status))
    if needed is None:
        allowed = ", ".join(t for (f, t) in ALLOWED if f == claim.status)
        raise TransitionError(
            f"cannot move claim {claim.key} from {claim.status} to "
            f"{to_status}; allowed: {allowed or 'nothing'}"
        )
    require(user, needed, f"moving a claim to {to_status}")
    _check_rules(claim, to_status, user, note)
    lock(session, claim, expected_version)
    public = claim.status == S.PUBLISHED
    record(
        session,
        claim,
        user,
        "status",
        claim.status,
        to_status,
        note=note,
        public=public,
        request_id=request_id,
    )
    claim.status = to_status
    if to_status == S.PUBLISHED:
        claim.published_by_id = user.id
        claim.published_at = claim.published_at or utcnow()
    session.add(claim)
    return claim


def _status(value: str) -> str:
    try:
        return ClaimStatus(value)
    except ValueError:
        raise TransitionError(
            f"unknown status {value!r}; statuses: " + ", ".join(s.value for s in ClaimStatus)
        ) from None


def _check_rules(claim: Claim, to_status: str, user: User, note: str | None) -> None:
    if to_status == S.VERIFIED and claim.status == S.IN_REVIEW:
        if not claim.verdict:
            raise TransitionError(f"claim {claim.key} needs a verdict before it is verified")
        if not (claim.rationale or "").strip():
            raise TransitionError(f"claim {claim.key} needs a rationale before it is verified")
    if to_status == S.PUBLISHED and claim.verdict_by_id == user.id:
        raise PermissionDenied(
            "two-person rule: the verdict must be published by an editor "
            "other than the person who set it"
        )
    if claim.status == S.PUBLISHED and not (note or "").strip():
        raise TransitionError("unpublishing a claim needs a note for readers")


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
    request_id: str | None = None,
) -> Claim:
    """Set the claim's verdict and rationale.

    Allowed while the claim is in review or verified (the claim stays where it is; a
    changed verdict needs a new sign-off). On a published claim it is a correction: it needs
    an editor and a note, and the note is shown to readers.
    """
    if already_done(session, request_id):
        return claim
    require_live(claim)
    if verdict not in scale:
        raise TransitionError(
            f"unknown verdict {verdict!r}; choose one of: " + ", ".join(scale.keys())
        )
    rationale = (rationale or "").strip()
    if claim.status == S.UNVERIFIED:
        raise TransitionError(f"start the review of claim {claim.key} before setting a verdict")
    correction = claim.status == S.PUBLISHED
    require(
        user,
        Role.EDITOR if correction else Role.CHECKER,
        "correcting a published verdict" if correction else "setting a verdict",
    )
    if correction and not (note or "").strip():
        raise TransitionError("a correction to a published verdict needs a note for readers")
    if verdict == claim.verdict and rationale == (claim.rationale or ""):
        return claim  # nothing changed: no version bump, no event
    lock(session, claim, expected_version)
    action = "correction" if correction else "verdict"
    if verdict != claim.verdict:
        record(
            session,
            claim,
            user,
            action,
            claim.verdict,
            verdict,
            note=note,
            public=correction,
            request_id=request_id,
        )
        request_id = None
    if rationale != (claim.rationale or ""):
        record(
            session,
            claim,
            user,
            "rationale",
            claim.rationale,
            rationale,
            note=note if correction else None,
            public=correction,
            request_id=request_id,
        )
    claim.verdict, claim.rationale = verdict, rationale
    claim.verdict_by_id, claim.reviewed_at = user.id, utcnow()
    session.add(claim)
    return claim


def assign(
    session: Session,
    claim: Claim,
    assignee: User | None,
    *,
    user: User,
    expected_version: int,
    request_id: str | None = None,
) -> Claim:
    """Assign the claim to a checker (or to nobody)."""
    if already_done(session, request_id):
        return claim
    require_live(claim)
    require(user, Role.CHECKER, "assigning claims")
    lock(session, claim, expected_version)
    old = session.get(User, claim.assignee_id) if claim.assignee_id else None
    record(
        session,
        claim,
        user,
        "assign",
        old.name if old else None,
        assignee.name if assignee else None,
        request_id=request_id,
    )
    claim.assignee_id = assignee.id if assignee else None
    session.add(claim)
    return claim
