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

import functools
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import bindparam, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from factcheck.errors import InputError, PermissionDenied, StaleClaim, TransitionError
from factcheck.messages import N_, Message, joined
from factcheck.models import (
    Claim,
    ClaimStatus,
    Evidence,
    EvidenceState,
    ReviewEvent,
    Role,
    User,
    utcnow,
)

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
# History actions that change what a verdict says or what claim it is about: whoever did one
# since the claim was last published may not publish it (the two-person rule).
AUTHORING = frozenset({"verdict", "rationale", "no_source", "correction", "edit", "split", "merge"})
# Actions after which the claim's current wording and verdict are signed off by a second person.
SIGNED_OFF = frozenset({"correction_approved"})


def has_role(user: User | None, role: str) -> bool:
    """Whether ``user`` is active and has ``role`` or a higher one."""
    return bool(user and user.active and RANK.get(user.role, 0) >= RANK[role])


def require(user: User | None, role: str, action: str) -> None:
    """PermissionDenied ("<action> needs the <role> role") unless ``has_role(user, role)``."""
    if not has_role(user, role):
        raise PermissionDenied(
            N_("%(action)s needs the %(role)s role"),
            action=action if isinstance(action, Message) else Message(action),
            role=Message.term(role),
        )


def already_done(session: Session, request_id: str | None) -> bool:
    """True when a form with this request id was already handled (a double submit)."""
    if not request_id:
        return False
    found = session.exec(_request_query(), params={"request_id": request_id})
    return found.first() is not None


# Built once, values bound at run time: every save asks both (building a statement cost more
# than running it on SQLite).
@functools.cache
def _request_query():
    return select(ReviewEvent.id).where(ReviewEvent.request_id == bindparam("request_id"))


@functools.cache
def _lock_statement():
    return (
        update(Claim)
        .where(Claim.id == bindparam("claim_id"), Claim.version == bindparam("expected"))
        .values(version=bindparam("next_version"), updated_at=bindparam("now"))
        .execution_options(synchronize_session=False)
    )


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
        raise TransitionError(N_("claim %(key)s is deleted; restore it first"), key=claim.key)


def lock(session: Session, claim: Claim, expected_version: int) -> None:
    """Bump the claim's version if it is still ``expected_version``; else raise StaleClaim."""
    params = {"claim_id": claim.id, "expected": expected_version}
    params |= {"next_version": expected_version + 1, "now": utcnow()}
    result = session.execute(_lock_statement(), params)
    if result.rowcount != 1:
        session.refresh(claim)
        raise StaleClaim(
            N_(
                "claim %(key)s was changed by someone else since you opened it "
                "(your version %(yours)s, now %(now)s)"
            ),
            claim_id=claim.id,
            current_version=claim.version,
            key=claim.key,
            yours=expected_version,
            now=claim.version,
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
        allowed = [Message.term(t) for (f, t) in ALLOWED if f == claim.status]
        raise TransitionError(
            N_("cannot move claim %(key)s from %(status)s to %(to)s; allowed: %(allowed)s"),
            key=claim.key,
            status=Message.term(claim.status),
            to=Message.term(to_status),
            allowed=joined(allowed, ", ") if allowed else Message(N_("nothing")),
        )
    require(
        user, needed, Message(N_("moving a claim to %(status)s"), status=Message.term(to_status))
    )
    _check_rules(session, claim, to_status, user, note)
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


def _check_rules(
    session: Session, claim: Claim, to_status: str, user: User, note: str | None
) -> None:
    if to_status == S.VERIFIED and claim.status == S.IN_REVIEW:
        if not claim.verdict:
            raise TransitionError(
                N_("claim %(key)s needs a verdict before it is verified"), key=claim.key
            )
        if not (claim.rationale or "").strip():
            raise TransitionError(
                N_("claim %(key)s needs a rationale before it is verified"), key=claim.key
            )
    if to_status in (S.VERIFIED, S.PUBLISHED) and claim.status != S.PUBLISHED:
        require_grounds(session, claim)
    if to_status == S.PUBLISHED and user.id in authors(session, claim):
        raise PermissionDenied(
            N_(
                "two-person rule: you chose or changed this claim's verdict, rationale or "
                "wording since it was last published, so another editor must publish it"
            )
        )
    if claim.status == S.PUBLISHED and not (note or "").strip():
        raise TransitionError(N_("unpublishing a claim needs a note for readers"))


def require_grounds(session: Session, claim: Claim) -> None:
    """TransitionError unless the claim has confirmed evidence or a reason why no source is
    available (which readers are shown instead)."""
    if (claim.no_source_reason or "").strip():
        return
    confirmed = session.exec(
        select(Evidence.id).where(
            Evidence.claim_id == claim.id, Evidence.state == EvidenceState.CONFIRMED
        )
    ).first()
    if confirmed is None:
        raise TransitionError(
            N_(
                "claim %(key)s needs at least one piece of confirmed evidence, or a reason "
                "why no source is available (shown to readers), before it is verified or "
                "published"
            ),
            key=claim.key,
        )


def authors(session: Session, claim: Claim) -> set[int]:
    """Who may not publish ``claim``: whoever chose its verdict, and whoever changed its
    verdict, rationale or wording since it was last published (or signed off)."""
    events = session.exec(
        select(ReviewEvent).where(ReviewEvent.claim_id == claim.id).order_by(ReviewEvent.id)
    ).all()
    return authors_in(events, claim)


def authors_in(events: list[ReviewEvent], claim: Claim) -> set[int]:
    """``authors`` from the claim's history already at hand (oldest first)."""
    found: set[int] = set()
    for event in events:
        if event.action in SIGNED_OFF or (
            event.action == "status" and event.to_value == S.PUBLISHED
        ):
            found = set()
        elif event.action in AUTHORING and event.user_id is not None:
            found.add(event.user_id)
    if claim.verdict_by_id is not None:
        found.add(claim.verdict_by_id)
    return found


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
    require(user, Role.CHECKER, N_("assigning claims"))
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


def assign_to(
    session: Session,
    claim: Claim,
    assignee_id: str,
    *,
    user: User,
    expected_version: int,
    request_id: str | None = None,
) -> Claim:
    """Assign the claim to the user whose id is ``assignee_id`` as a form sends it ("" for
    nobody). InputError unless it names an active user; otherwise as ``assign``."""
    require(user, Role.CHECKER, N_("assigning claims"))
    assignee = session.get(User, int(assignee_id)) if assignee_id.isdigit() else None
    if assignee_id and (assignee is None or not assignee.active):
        raise InputError(N_("choose an active user to assign the claim to"))
    return assign(
        session,
        claim,
        assignee,
        user=user,
        expected_version=expected_version,
        request_id=request_id,
    )
