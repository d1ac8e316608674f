"""What a command can know of the database without importing SQLAlchemy: the newest
migration's revision (from the migrations' file names) and the file behind a SQLite URL.

factcheck.db builds on these; ``factcheck articles`` uses them to read a SQLite database that
is already at the newest revision with Python's own sqlite3 (factcheck.articles.listing).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

MIGRATIONS = Path(__file__).parent / "migrations"
# Revisions are numbered: versions/0004_some_change.py holds revision "0004".
_REVISION_FILE = re.compile(r"(\d{4})_\w*\.py")


def newest_revision(migrations: Path = MIGRATIONS) -> str:
    """The newest revision in ``migrations``, read from its files' names (no Alembic)."""
    numbers = [
        match.group(1)
        for match in map(_REVISION_FILE.fullmatch, os.listdir(migrations / "versions"))
        if match
    ]
    return max(numbers)


def sqlite_path(url: str) -> str | None:
    """The file behind a SQLite URL, or None for other databases."""
    return url.split(":///", 1)[1] if url.startswith("sqlite:///") else None
