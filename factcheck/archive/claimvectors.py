"""Vectors of archived claims, stored once (ArchiveVector): the newsroom's own claims and
other organisations' fact-checks, embedded with the matcher's model
(factcheck.matching.embedding) as passages, float16, like passages' vectors.

Embedding is slow (tens of claims a second on a busy CPU), so it happens in jobs and commands,
never inside a web request: ``embed_pending`` embeds what has no current vector, a batch at a
time. A claim whose wording changed gets a new vector (its digest no longer matches); a
reference's claim never changes (it is part of what identifies the review).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np
from sqlalchemy import bindparam
from sqlmodel import Session, col, delete, select

from factcheck.matching.embedding import Embedder
from factcheck.models import ArchiveVector, Claim, ReferenceFactCheck

BATCH = 64


@dataclass(frozen=True)
class Pending:
    """One archived claim to embed: which row, and its text."""

    claim_id: int | None
    reference_id: int | None
    text: str


def digest(text: str) -> str:
    """What a vector was computed from."""
    return hashlib.sha256(text.encode()).hexdigest()


def pending_claims(session: Session, model: str, claim_ids: list[int] | None = None) -> list:
    """The newsroom's claims (not deleted; only ``claim_ids`` if given) without a current
    vector for ``model``."""
    query = (
        select(Claim.id, Claim.text, ArchiveVector.digest)
        .outerjoin(
            ArchiveVector,
            (ArchiveVector.claim_id == Claim.id) & (ArchiveVector.model == model),
        )
        .where(col(Claim.deleted_at).is_(None))
        .order_by(Claim.id)
    )
    if claim_ids is not None:
        query = query.where(col(Claim.id).in_(claim_ids))
    return [
        Pending(claim_id, None, text)
        for claim_id, text, stored in session.exec(query)
        if stored != digest(text)
    ]


def pending_references(session: Session, model: str, limit: int) -> list[Pending]:
    """Up to ``limit`` reference fact-checks without a vector for ``model``."""
    query = (
        select(ReferenceFactCheck.id, ReferenceFactCheck.claim_reviewed)
        .outerjoin(
            ArchiveVector,
            (ArchiveVector.reference_id == ReferenceFactCheck.id) & (ArchiveVector.model == model),
        )
        .where(col(ArchiveVector.id).is_(None))
        .order_by(ReferenceFactCheck.id)
        .limit(limit)
    )
    return [Pending(None, ref_id, text) for ref_id, text in session.exec(query)]


def store_vectors(
    session: Session, items: list[Pending], model: Embedder, vectors: np.ndarray
) -> None:
    """Store one vector per item (replacing an older one of the same claim); the caller
    commits."""
    claims = [item.claim_id for item in items if item.claim_id is not None]
    if claims:
        session.exec(
            delete(ArchiveVector).where(
                col(ArchiveVector.claim_id).in_(claims), ArchiveVector.model == model.name
            )
        )
    for item, vector in zip(items, vectors, strict=True):
        session.add(
            ArchiveVector(
                claim_id=item.claim_id,
                reference_id=item.reference_id,
                model=model.name,
                digest=digest(item.text),
                vector=np.asarray(vector, dtype=np.float16).tobytes(),
            )
        )
    session.flush()


def pending_batches(
    session: Session, model: Embedder, claim_ids: list[int] | None = None, size: int = BATCH
) -> Iterator[list[Pending]]:
    """Batches of what to embed: the claims first, then the references (read a batch at a
    time, so millions of them are never listed at once)."""
    claims = pending_claims(session, model.name, claim_ids)
    for start in range(0, len(claims), size):
        yield claims[start : start + size]
    if claim_ids is not None:
        return
    while batch := pending_references(session, model.name, size):
        yield batch


def embed_pending(
    session: Session,
    model: Embedder,
    *,
    claim_ids: list[int] | None = None,
    progress: Callable[[int], None] | None = None,
    commit: bool = True,
) -> int:
    """Embed every archived claim without a current vector (only ``claim_ids`` if given),
    committing after each batch when ``commit``; returns how many were embedded."""
    done = 0
    for batch in pending_batches(session, model, claim_ids):
        vectors = model.embed_passages([item.text for item in batch])
        store_vectors(session, batch, model, vectors)
        if commit:
            session.commit()
        done += len(batch)
        if progress is not None:
            progress(len(batch))
    return done


def stored_vector(session: Session, claim_id: int, model: str) -> np.ndarray | None:
    """The stored vector of one of the newsroom's claims, float32, or None."""
    raw = session.exec(_vector_query(), params={"claim_id": claim_id, "model": model}).first()
    return None if raw is None else np.frombuffer(raw, dtype=np.float16).astype(np.float32)


@functools.cache  # built once: every claim page asks (the "Checked before" panel)
def _vector_query():
    return select(ArchiveVector.vector).where(
        ArchiveVector.claim_id == bindparam("claim_id"), ArchiveVector.model == bindparam("model")
    )
