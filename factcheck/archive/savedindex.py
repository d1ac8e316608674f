"""The approximate index saved to disk, so that a process opens it (memory-mapped, in
milliseconds) instead of building it (minutes for a million claims, BENCHMARKS.md).

A saved index is only ever a copy: its file name carries the Stamp of the database rows it
was built from, and it is used only while the rows agree (factcheck.archive.archiveindex
checks; a file that cannot be read or does not hold what its name says is deleted and the
index rebuilt). Files are written to a temporary name and renamed into place, so processes
sharing the folder (gunicorn workers, job workers) never see half a file; a file another
process still has open stays readable after it is replaced.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from factcheck.archive.vectorindex import ApproximateIndex

SUFFIX = ".usearch"


@dataclass(frozen=True)
class Stamp:
    """The state of one model's archive vectors: how many rows, the newest row's id, and the
    newest row's creation time (digits only; it changes when a row is replaced under a
    reused id)."""

    count: int
    last_id: int
    changed: str

    @property
    def token(self) -> str:
        return f"{self.count}.{self.last_id}.{re.sub(r'[^0-9]', '', self.changed) or 0}"

    @property
    def time(self) -> datetime | None:
        """The newest row's creation time (UTC, as the database keeps it), or None."""
        digits = re.sub(r"[^0-9]", "", self.changed)
        if len(digits) < 14:
            return None
        parts = [int(digits[a:b]) for a, b in ((0, 4), (4, 6), (6, 8), (8, 10), (10, 12), (12, 14))]
        return datetime(*parts, int(digits[14:20].ljust(6, "0")), tzinfo=UTC)  # type: ignore[misc]

    @classmethod
    def from_token(cls, token: str) -> Stamp | None:
        parts = token.split(".")
        if len(parts) != 3 or not all(part.isdigit() for part in parts):
            return None
        return cls(int(parts[0]), int(parts[1]), parts[2])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Stamp) and self.token == other.token

    def __hash__(self) -> int:
        return hash(self.token)


class SavedIndexes:
    """The saved approximate indexes of one model and database in ``folder``."""

    def __init__(self, folder: str | Path, key: str):
        self.folder = Path(folder)
        self.prefix = hashlib.sha256(key.encode()).hexdigest()[:16] + "."

    @contextlib.contextmanager
    def building(self) -> Iterator[None]:
        """Held while this model's index is built or merged (by the job or the command, never
        by a search): a second job or command waits for the first one's file and finds it
        up to date, instead of building it too (minutes for a million claims)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / f".{self.prefix}lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def version(self) -> tuple[str, ...]:
        """Changes whenever a file is saved into (or deleted from) the folder: the names in
        it (a saved file's name carries its stamp), cheap to read before every search (the
        folder's time of change is not: it is not finer than the kernel's clock tick)."""
        try:
            return tuple(sorted(os.listdir(self.folder)))
        except OSError:
            return ()

    def path(self, stamp: Stamp) -> Path:
        return self.folder / f"{self.prefix}{stamp.token}{SUFFIX}"

    def saved(self) -> list[tuple[Stamp, Path]]:
        """The saved files and their stamps, newest rows first."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in self.folder.glob(f"{self.prefix}*{SUFFIX}"):
            stamp = Stamp.from_token(path.name[len(self.prefix) : -len(SUFFIX)])
            if stamp is not None:
                found.append((stamp, path))
        return sorted(found, key=lambda pair: -pair[0].last_id)

    def open(self, now: Stamp, dim: int) -> tuple[ApproximateIndex, Stamp] | None:
        """The saved index closest to the rows' state ``now`` (the same stamp, else the
        newest built from fewer rows: the caller checks those rows are unchanged and adds
        the rest), memory-mapped; None when there is none. Unreadable files are deleted."""
        for stamp, path in self.saved():
            if stamp.last_id > now.last_id:
                continue  # built from rows the database no longer has
            try:
                index = ApproximateIndex.open(path, dim)
                if len(index) == stamp.count:
                    return index, stamp
            except (ValueError, OSError):
                pass
            path.unlink(missing_ok=True)
        return None

    def save(self, index: ApproximateIndex, stamp: Stamp) -> Path:
        """Write ``index`` as the copy of the rows at ``stamp`` (atomically), and delete the
        copies of older rows (not those another process saved from newer rows)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".saving-", suffix=SUFFIX)
        os.close(handle)
        try:
            index.save(Path(temporary))
            os.replace(temporary, self.path(stamp))
        finally:
            Path(temporary).unlink(missing_ok=True)
        for older, path in self.saved():
            if older != stamp and older.last_id <= stamp.last_id:
                path.unlink(missing_ok=True)
        return self.path(stamp)
