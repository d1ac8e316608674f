"""The saved approximate index kept up to date in the background: built when the archive
passes ARCHIVE_EXACT_LIMIT, and saved again with the rows stored since and without the rows
deleted or replaced, so that searches (which never build it:
factcheck.archive.archiveindex) open a file that needs little catching up.

The job ``update_archive_index`` (asked for by the workers' pulse when ``upkeep_due``) and
the command ``factcheck archive-index`` (for cron, without workers) do this work. A file is
updated in place of a build (read into memory, the changed rows removed and the new ones
added, saved under the new stamp: seconds, against minutes to an hour for a build) unless
more than REBUILD_SHARE of its rows are gone: removed vectors leave holes in the HNSW graph.
"""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, col, select

from factcheck.archive.archiveindex import ArchiveIndex, archive_stamp, load
from factcheck.archive.savedindex import Stamp
from factcheck.archive.vectorindex import ApproximateIndex
from factcheck.messages import N_, NP_, Message
from factcheck.models import ArchiveVector

SAVE_EVERY = 1_000  # rows stored since the saved index before it is updated
REBUILD_SHARE = 0.1  # of the saved index's rows gone: build it anew rather than update it


def saved_base(index: ArchiveIndex, now: Stamp) -> Stamp | None:
    """The stamp of the saved file a search opens for the rows ``now``, or None."""
    return next((s for s, _ in index.saved.saved() if s.last_id <= now.last_id), None)


def upkeep_due(session: Session, index: ArchiveIndex) -> str | None:
    """Why the saved index needs work: "missing" (the archive wants an approximate index
    and none is saved), "changed" (rows it holds were deleted or replaced), "grown"
    (SAVE_EVERY rows or more stored since); None when it does not."""
    if index.saved is None:
        return None
    now = archive_stamp(session, index.model)
    if index.wanted_kind(now.count) != "approximate":
        return None
    base = saved_base(index, now)
    if base is None:
        return "missing"
    if archive_stamp(session, index.model, upto=base.last_id) != base:
        return "changed"
    return "grown" if now.count - base.count >= SAVE_EVERY else None


def update_saved_index(session: Session, index: ArchiveIndex, *, full: bool = False) -> Message:
    """Build the saved index from every row, or update the saved file (see the module's
    docstring); ``full`` builds it anew. Returns what was done."""
    if index.saved is None:
        return Message(N_("no archive index is saved: ARCHIVE_INDEX_DIR is not set"))
    count = archive_stamp(session, index.model).count
    if index.wanted_kind(count) != "approximate":
        return Message.plural(
            NP_(
                "exact search of %(num)s vector: no index to save",
                "exact search of %(num)s vectors: no index to save",
            ),
            count,
        )
    with index.saved.building():  # a second job or command waits, then finds it done
        due, now = upkeep_due(session, index), archive_stamp(session, index.model)
        if due is None and not full:
            return Message.plural(
                NP_(
                    "the archive index of %(num)s vector is up to date",
                    "the archive index of %(num)s vectors is up to date",
                ),
                now.count,
            )
        base = saved_base(index, now)
        if full or base is None or _gone(session, index.model, base) > REBUILD_SHARE * base.count:
            whole = ApproximateIndex(index.dim)
            load(whole, session, index.model, index.dim, col(ArchiveVector.id) <= now.last_id)
            index.saved.save(whole, now)
            return Message.plural(
                NP_(
                    "archive index of %(num)s vector built",
                    "archive index of %(num)s vectors built",
                ),
                now.count,
            )
        return _update(session, index, base, now)


def _gone(session: Session, model: str, base: Stamp) -> int:
    """How many of the rows a saved file holds are gone (deleted, or replaced)."""
    query = select(func.count()).where(
        ArchiveVector.model == model, col(ArchiveVector.id) <= base.last_id
    )
    if base.time is not None:
        query = query.where(col(ArchiveVector.created_at) <= base.time)
    return base.count - session.exec(query).one()


def _update(session: Session, index: ArchiveIndex, base: Stamp, now: Stamp) -> Message:
    """The saved file of ``base`` read into memory, brought to ``now`` (as a search catches
    up, but removing what a search hides) and saved."""
    whole = ApproximateIndex.open(index.saved.path(base), index.dim, view=False)
    before = len(whole)
    catching = ArchiveIndex(index.model, index.dim, "approximate", index.exact_limit)
    catching.index, catching.stamp = whole, base
    catching.catch_up(session, now)  # in memory, not memory-mapped: removed, not hidden
    index.saved.save(whole, catching.stamp)
    return Message.plural(
        NP_(
            "archive index of %(num)s vector updated (%(change)s since the last)",
            "archive index of %(num)s vectors updated (%(change)s since the last)",
        ),
        len(whole),
        change=f"{len(whole) - before:+d}",
    )
