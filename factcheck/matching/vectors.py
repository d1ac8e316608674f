"""Embeddings are data: each source's passages are embedded once and the vectors stored.

One PassageVectors row holds the vectors of one snapshot's passages (float16, with the spans
they were cut at), or of one source's title, for one model. A row is recomputed only when the
model changes or the passages it was computed for no longer match (a changed title, a changed
way of cutting passages): ``embed_source`` compares a digest of what it would embed. Matching
reads the rows (``passage_vectors``) and embeds only what was never embedded.

float16 keeps a 384-dimension vector in 768 bytes (100,000 passages: 77 MB) and changes a
cosine by less than 0.001, far below any difference the ranking relies on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from sqlmodel import Session, col, delete, select

from factcheck.matching.embedding import Embedder, embed_in_batches
from factcheck.models import Article, PassageVectors, Snapshot, Source
from factcheck.sources.cited import article_sources, latest_snapshot
from factcheck.sources.passages import Passage, parse_passage_id, snapshot_passages


@dataclass(frozen=True)
class Piece:
    """What one row is computed from: the texts and where they are in the snapshot."""

    source_id: int
    snapshot_id: int | None
    spans: list[tuple[int, int]]
    texts: list[str]

    @property
    def digest(self) -> str:
        h = hashlib.sha256()
        for (start, end), text in zip(self.spans, self.texts, strict=True):
            h.update(f"{start}-{end}\x00{text}\x00".encode())
        return h.hexdigest()


def _title_piece(source: Source) -> Piece:
    return Piece(source.id, None, [(0, 0)], [source.title])


def _snapshot_piece(snapshot: Snapshot) -> Piece:
    cut = snapshot_passages(snapshot.text)
    spans = [(start, end) for start, end, _ in cut]
    return Piece(snapshot.source_id, snapshot.id, spans, [text for *_, text in cut])


def _stored(session: Session, piece: Piece, model: str) -> PassageVectors | None:
    return session.exec(
        select(PassageVectors).where(
            PassageVectors.source_id == piece.source_id,
            PassageVectors.snapshot_id == piece.snapshot_id
            if piece.snapshot_id is not None
            else col(PassageVectors.snapshot_id).is_(None),
            PassageVectors.model == model,
        )
    ).first()


def _store(
    session: Session, piece: Piece, model: Embedder, progress: Callable[[int], None] | None
) -> PassageVectors:
    """Embed a piece and store it (see ``_replace``)."""
    return _replace(session, piece, model, embed_in_batches(model, piece.texts, progress))


def _replace(
    session: Session, piece: Piece, model: Embedder, vectors: np.ndarray
) -> PassageVectors:
    """Store a piece's vectors, replacing the source's rows for the same snapshot (any model:
    a newsroom that changed its model has no use for the old vectors)."""
    same = (
        PassageVectors.snapshot_id == piece.snapshot_id
        if piece.snapshot_id is not None
        else col(PassageVectors.snapshot_id).is_(None)
    )
    session.exec(delete(PassageVectors).where(PassageVectors.source_id == piece.source_id, same))
    row = vectors_row(piece, model, vectors)
    session.add(row)
    session.flush()
    return row


def vectors_row(piece: Piece, model: Embedder, vectors: np.ndarray) -> PassageVectors:
    """The row that stores ``vectors`` (one per passage of ``piece``) for ``model``."""
    return PassageVectors(
        source_id=piece.source_id,
        snapshot_id=piece.snapshot_id,
        model=model.name,
        digest=piece.digest,
        count=len(piece.texts),
        dim=model.dim,
        spans=np.asarray(piece.spans, dtype=np.int32).reshape(-1, 2).tobytes(),
        vectors=vectors.astype(np.float16).tobytes(),
    )


def _current(
    session: Session, piece: Piece, model: Embedder, progress: Callable[[int], None] | None
) -> tuple[PassageVectors, int]:
    """The stored row for a piece, embedded first if missing or stale; and how many passages
    were embedded now (0 when the stored row was current)."""
    row = _stored(session, piece, model.name)
    if row is not None and row.digest == piece.digest:
        return row, 0
    return _store(session, piece, model, progress), len(piece.texts)


def embed_source(
    session: Session,
    source: Source,
    model: Embedder,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Make sure the source's title and newest snapshot have current vectors for ``model``.

    Returns how many passages were embedded (0: all were current). ``progress(n)`` is called
    after each batch of n passages. The caller commits.
    """
    stale = [
        piece
        for piece in pieces(session, source)
        if (row := _stored(session, piece, model.name)) is None or row.digest != piece.digest
    ]
    # Every piece is embedded before the first write: the write (on SQLite, the database's one
    # write lock) is short and never spans the slow part, so job heartbeats are not held up.
    computed = [(piece, embed_in_batches(model, piece.texts, progress)) for piece in stale]
    for piece, vectors in computed:
        _replace(session, piece, model, vectors)
    return sum(len(piece.texts) for piece in stale)


def pieces(session: Session, source: Source) -> list[Piece]:
    """What a source's vectors are computed from: its title, and its newest snapshot."""
    found = [_title_piece(source)]
    snapshot = latest_snapshot(session, source)
    if snapshot is not None:
        found.append(_snapshot_piece(snapshot))
    return found


def passages_to_embed(session: Session, model: Embedder, sources: Sequence[Source]) -> int:
    """How many passages of these sources (titles and newest snapshots) lack current vectors."""
    missing = 0
    for source in sources:
        for piece in pieces(session, source):
            row = _stored(session, piece, model.name)
            missing += 0 if row is not None and row.digest == piece.digest else len(piece.texts)
    return missing


def embed_sources(
    session: Session,
    model: Embedder,
    sources: Sequence[Source],
    progress: Callable[[int], None] | None = None,
) -> int:
    """``embed_source`` for each source, committing after each one (an interrupted run keeps
    what it finished). Returns how many passages were embedded."""
    done = 0
    for source in sources:
        done += embed_source(session, source, model, progress)
        session.commit()
    return done


def all_sources(session: Session, article: Article | None = None) -> list[Source]:
    """The sources of one article (citation order), or of every article."""
    if article is not None:
        return article_sources(session, article)
    return list(session.exec(select(Source).order_by(Source.article_id, Source.position)).all())


def passage_vectors(
    session: Session, passages: Sequence[Passage], model: Embedder
) -> tuple[np.ndarray, int]:
    """(len(passages), dim) float32 vectors for passages of ``source_passages``, and how many
    passages had to be embedded because no current vectors were stored (they are stored now;
    the caller commits).

    Passages whose id is not a source passage id are embedded each time (none come from
    the database).
    """
    out = np.zeros((len(passages), model.dim), dtype=np.float32)
    by_piece: dict[tuple[int, int | None], list[tuple[int, int, int]]] = {}
    loose = []
    for i, passage in enumerate(passages):
        try:
            source_id, snapshot_id, start, end = parse_passage_id(passage.id)
        except ValueError:
            loose.append(i)
            continue
        by_piece.setdefault((source_id, snapshot_id), []).append((i, start or 0, end or 0))
    embedded = 0
    for (source_id, snapshot_id), wanted in by_piece.items():
        row, now = _row_for(session, source_id, snapshot_id, model)
        embedded += now
        found = _by_span(row)
        for i, start, end in wanted:
            vector = found.get((start, end))
            if vector is None:  # cut differently from the stored snapshot: embed this one
                vector = model.embed_passages([passages[i].text])[0]
                embedded += 1
            out[i] = vector
    if loose:
        out[loose] = model.embed_passages([passages[i].text for i in loose])
        embedded += len(loose)
    return out, embedded


def _row_for(
    session: Session, source_id: int, snapshot_id: int | None, model: Embedder
) -> tuple[PassageVectors, int]:
    if snapshot_id is None:
        return _current(session, _title_piece(session.get(Source, source_id)), model, None)
    return _current(session, _snapshot_piece(session.get(Snapshot, snapshot_id)), model, None)


def _by_span(row: PassageVectors) -> dict[tuple[int, int], np.ndarray]:
    spans = np.frombuffer(row.spans, dtype=np.int32).reshape(-1, 2)
    vectors = np.frombuffer(row.vectors, dtype=np.float16).reshape(row.count, row.dim)
    return {(int(s), int(e)): vectors[k].astype(np.float32) for k, (s, e) in enumerate(spans)}
