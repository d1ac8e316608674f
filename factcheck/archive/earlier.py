"""What the archive means for one claim: its earlier checks, the "same claim" link, citing
another organisation's check as evidence, and the repeats of an article's claims.

- ``link_same_claim``: a person says this claim is the same as an earlier check of the
  newsroom's (verified or published); recorded in the claim's history.
- ``cite_reference``: an imported fact-check becomes confirmed evidence (its address, and its
  claim and rating quoted), through the review workflow like any evidence.
- ``find_earlier``: run when a claim's vector is stored (in a job): the earlier checks offered
  as the same claim, and the claims of the newsroom's other articles that repeat it, stored as
  EarlierMatch rows for the claim queue's markers.
"""

from __future__ import annotations

import functools
import json

from sqlalchemy import bindparam, case
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, delete, select

from factcheck.archive.archiveindex import ArchiveIndex
from factcheck.archive.claimvectors import stored_vector
from factcheck.archive.similar import (
    CHECKED,
    REPEATS,
    EarlierCheck,
    Query,
    Scope,
    search,
)
from factcheck.errors import InputError, NotFound
from factcheck.matching.embedding import Embedder
from factcheck.models import (
    Article,
    Claim,
    EarlierMatch,
    ReferenceFactCheck,
    SameClaim,
    User,
)
from factcheck.review import evidence as evidence_review
from factcheck.review import workflow


def claim_query(session: Session, claim: Claim, model: Embedder) -> Query | None:
    """The Query for one of the newsroom's claims, from its stored vector (None: not yet
    embedded; a job does that, never the web request)."""
    vector = stored_vector(session, claim.id, model.name)
    if vector is None:
        return None
    article = session.get(Article, claim.article_id)
    return Query(claim.text, article.language, vector, claim_id=claim.id, stored=True)


def checked_before(
    session: Session, claim: Claim, model: Embedder, index: ArchiveIndex, **options
) -> list[EarlierCheck] | None:
    """The closest earlier checks of a claim (not its own article's); None when its vector
    is not stored yet."""
    query = claim_query(session, claim, model)
    if query is None:
        return None
    scope = Scope(statuses=CHECKED, references=True, article_id=claim.article_id)
    return search(session, index, model, query, scope=scope, **options)


def same_claim_links(session: Session, claim: Claim) -> list[int]:
    """The earlier claims this claim was linked to as the same claim."""
    return list(session.exec(_links_query(), params={"claim_id": claim.id}).all())


@functools.cache  # built once: every claim page asks
def _links_query():
    return select(SameClaim.earlier_id).where(SameClaim.claim_id == bindparam("claim_id"))


def link_same_claim(
    session: Session, claim: Claim, earlier_id: int, *, user: User, expected_version: int
) -> SameClaim | None:
    """Link ``claim`` to the earlier check ``earlier_id`` (a verified or published claim of
    another article) as the same claim, in the claim's history; None if already linked."""
    earlier = session.get(Claim, earlier_id)
    if earlier is None or earlier.deleted_at is not None:
        raise NotFound(f"no claim {earlier_id}")
    if earlier.id == claim.id or earlier.article_id == claim.article_id:
        raise InputError("a claim can be the same as an earlier check of another article only")
    if earlier.status not in CHECKED:
        raise InputError("only a verified or published claim is an earlier check")
    if earlier_id in same_claim_links(session, claim):
        return None
    workflow.lock(session, claim, expected_version)
    link = SameClaim(claim_id=claim.id, earlier_id=earlier.id, linked_by_id=user.id)
    session.add(link)
    article = session.get(Article, earlier.article_id)
    note = f"{article.slug} {earlier.key}: {earlier.text}"[:500]
    workflow.record(session, claim, user, "same_claim", None, str(earlier.id), note=note)
    session.flush()
    return link


def cite_reference(
    session: Session, claim: Claim, reference_id: int, *, user: User, expected_version: int
):
    """Add an imported fact-check as confirmed evidence for ``claim``."""
    reference = session.get(ReferenceFactCheck, reference_id)
    if reference is None:
        raise NotFound(f"no reference fact-check {reference_id}")
    rating = f" — {reference.rating}" if reference.rating else ""
    who = f"{reference.author}: " if reference.author else ""
    return evidence_review.add_evidence(
        session,
        claim,
        url=reference.url,
        quote=f"{who}{reference.claim_reviewed}{rating}"[:5000],
        note="an earlier fact-check",
        user=user,
        expected_version=expected_version,
    )


def find_earlier(
    session: Session, claim: Claim, model: Embedder, index: ArchiveIndex, top: int = 5
) -> int:
    """Store the claim's EarlierMatch rows afresh: earlier checks offered as the same claim,
    and claims of other articles that repeat it (any status). Returns how many."""
    session.exec(delete(EarlierMatch).where(EarlierMatch.claim_id == claim.id))
    query = claim_query(session, claim, model)
    if query is None:
        return 0
    checked = checked_before(session, claim, model, index, top=top) or []
    scope = Scope(statuses=REPEATS.statuses, references=False, article_id=claim.article_id)
    repeats = search(session, index, model, query, scope=scope, top=top)
    rows = [_row(claim, c, repeat=False) for c in checked if c.same]
    rows += [_row(claim, c, repeat=True) for c in repeats if c.same]
    session.add_all(rows)
    session.flush()
    return len(rows)


def _row(claim: Claim, check: EarlierCheck, *, repeat: bool) -> EarlierMatch:
    own = check.kind == "own"
    return EarlierMatch(
        claim_id=claim.id,
        earlier_claim_id=check.id if own else None,
        reference_id=None if own else check.id,
        closeness=check.closeness,
        same=check.same,
        repeat=repeat,
        differs=json.dumps(list(check.differs), ensure_ascii=False),
    )


def queue_marks(session: Session, claim_ids: list[int]) -> dict[int, set[str]]:
    """For the claim queue: which claims were checked before ("checked before") and which
    repeat a claim of another article ("repeat").

    Read from the EarlierMatch rows (found when a claim was embedded) and the claims'
    statuses now, so the marks follow later reviews: a claim is "checked before" when a
    reference fact-check is the same claim, or when a claim it is the same as (either was
    found first) is verified or published now; "repeat" when its repeat is not deleted."""
    marks: dict[int, set[str]] = {}
    if not claim_ids:
        return marks
    wanted = set(claim_ids)
    rows = session.exec(_marks_query(), params={"claim_ids": sorted(wanted)})
    for claim_id, earlier_id, reference_id, repeat, status, other in rows:
        if claim_id in wanted and (reference_id is not None or status in CHECKED):
            marks.setdefault(claim_id, set()).add("checked before")
        if claim_id in wanted and repeat and status is not None:
            marks.setdefault(claim_id, set()).add("repeat")
        if earlier_id in wanted and other in CHECKED:
            marks.setdefault(earlier_id, set()).add("checked before")
    return marks


# Built once, with the ids bound at run time: building it (two aliases of Claim) cost more
# than running it, on every page of the queue (functools.cache: on first use).
@functools.cache
def _marks_query():
    earlier, later = aliased(Claim), aliased(Claim)
    wanted = bindparam("claim_ids", expanding=True)
    return (
        select(
            EarlierMatch.claim_id,
            EarlierMatch.earlier_claim_id,
            EarlierMatch.reference_id,
            EarlierMatch.repeat,
            _status_if_kept(earlier),
            _status_if_kept(later),
        )
        .outerjoin(earlier, earlier.id == EarlierMatch.earlier_claim_id)
        .join(later, later.id == EarlierMatch.claim_id)
        .where(
            EarlierMatch.same,
            col(EarlierMatch.claim_id).in_(wanted) | col(EarlierMatch.earlier_claim_id).in_(wanted),
        )
    )


def _status_if_kept(claim):
    """A claim's status in a query, None when it is deleted (or absent)."""
    return case((col(claim.deleted_at).is_(None), claim.status), else_=None)
