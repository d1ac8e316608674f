"""Searching vectors by meaning: exact (numpy) or approximate (usearch HNSW).

Both keep vectors under integer labels (``label``: a claim's id times two, a
reference's times two plus one) and answer ``search(vector, k)`` with the k closest labels
and their cosines. Which one a process uses is ARCHIVE_INDEX ("exact", "approximate", or
"auto": exact up to ARCHIVE_EXACT_LIMIT vectors; BENCHMARKS.md has the figures behind it).
factcheck.archive.archiveindex keeps one in step with the database.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

# the HNSW graph's settings (BENCHMARKS.md, "Searches never rebuild; recall of the
# approximate index": bench/tune_archive_index.py). A search explores 256 candidates, not
# 128: of the 100 the archive re-ranks, 96.7% are exact search's at 100k (93.1% with 128),
# for 1.8 times the CPU of a search (2.3 ms against 1.3 ms at 30k); recall@10 fell to
# 0.853 at a million with 128. Connectivity and expansion on add are set when the index is
# built (a saved file keeps them); expansion on search when it is opened.
CONNECTIVITY = 16
EXPANSION_ADD = 64
EXPANSION_SEARCH = 256
# exact search up to this many vectors: under 50 ms a query there even on a loaded machine,
# and rebuilt in seconds after an edit; the approximate index is 50 times faster at 100k
# (BENCHMARKS.md, "The archive at a million")
EXACT_LIMIT = 100_000


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

    def remove(self, labels: np.ndarray) -> None:
        """Forget the vectors under ``labels`` (those it has)."""
        keep = ~np.isin(self._labels, labels)
        if keep.all():
            return
        self._vectors, self._labels = self._vectors[keep], self._labels[keep]
        self._rows = {int(lab): row for row, lab in enumerate(self._labels.tolist())}

    def search(self, vector: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The ``k`` closest labels, closest first, and their cosines."""
        if not len(self._labels):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        scores = self._vectors @ vector.astype(np.float32)
        k = min(k, len(scores))
        best = np.argpartition(-scores, k - 1)[:k]
        best = best[np.argsort(-scores[best])]
        return self._labels[best], scores[best]

    def items(self) -> tuple[np.ndarray, np.ndarray]:
        """Every label and its vector."""
        return self._labels, self._vectors

    def labels(self) -> np.ndarray:
        """Every label in the index."""
        return self._labels

    @property
    def nbytes(self) -> int:
        return self._vectors.nbytes + self._labels.nbytes


class ApproximateIndex:
    """An HNSW graph (usearch), float16 vectors (``dtype``), cosine distance. It can be saved
    to a file and opened from it memory-mapped (``path``: then it is read-only)."""

    kind = "approximate"

    def __init__(
        self,
        dim: int,
        *,
        dtype: str = "f16",
        connectivity: int = CONNECTIVITY,
        expansion_add: int = EXPANSION_ADD,
        expansion_search: int = EXPANSION_SEARCH,
        index=None,
    ):
        from usearch.index import Index  # imported here: only big archives need it

        self.dim = dim
        self.path: Path | None = None
        self._index = index or Index(
            ndim=dim,
            metric="cos",
            dtype=dtype,
            connectivity=connectivity,
            expansion_add=expansion_add,
            expansion_search=expansion_search,
        )

    @classmethod
    def open(cls, path: Path, dim: int, *, view: bool = True) -> ApproximateIndex:
        """The index saved at ``path``, memory-mapped (``view``) or read into memory;
        ValueError when the file is not a usearch index of ``dim`` dimensions."""
        from usearch.index import Index

        try:
            index = Index.restore(str(path), view=view)
        except (RuntimeError, OSError) as error:
            raise ValueError(f"{path}: {error}") from error
        if index is None or index.ndim != dim:
            raise ValueError(f"{path} is not an index of {dim} dimensions")
        index.expansion_search = EXPANSION_SEARCH
        opened = cls(dim, index=index)
        opened.path = path if view else None
        return opened

    def save(self, path: Path) -> None:
        """Write the index to ``path`` (the caller makes that atomic)."""
        self._index.save(str(path))

    def __len__(self) -> int:
        return len(self._index)

    def labels(self) -> np.ndarray:
        """Every label in the index."""
        return np.asarray(self._index.keys, dtype=np.int64).reshape(-1)

    def remove(self, labels: np.ndarray) -> None:
        """Forget the vectors under ``labels`` (those it has; not in a memory-mapped index)."""
        labels = np.asarray(labels, dtype=np.uint64)
        present = labels[np.asarray(self._index.contains(labels), dtype=bool).reshape(-1)]
        if len(present):
            self._index.remove(present)

    def add(self, labels: np.ndarray, vectors: np.ndarray) -> None:
        """Add or replace vectors under ``labels`` (not in a memory-mapped index)."""
        self.remove(labels)
        labels = np.asarray(labels, dtype=np.uint64)
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

    @property
    def expansion_search(self) -> int:
        """How many candidates a search explores (at least the ``k`` asked for)."""
        return int(self._index.expansion_search)

    @expansion_search.setter
    def expansion_search(self, value: int) -> None:
        self._index.expansion_search = value


def index_kind(kind: str, size: int, exact_limit: int = EXACT_LIMIT) -> str:
    """ "exact" or "approximate": ``kind`` (ARCHIVE_INDEX), "auto" decided by ``size``."""
    if kind == "auto":
        kind = "approximate" if size > exact_limit else "exact"
    if kind not in ("exact", "approximate"):
        raise ValueError(f"ARCHIVE_INDEX must be exact, approximate or auto, not {kind!r}")
    return kind


def new_index(kind: str, dim: int, size: int, exact_limit: int = EXACT_LIMIT):
    """An empty index of ``kind`` ("exact", "approximate", "auto": by ``size``)."""
    exact = index_kind(kind, size, exact_limit) == "exact"
    return ExactIndex(dim) if exact else ApproximateIndex(dim)
