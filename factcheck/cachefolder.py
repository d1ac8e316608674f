"""Files factcheck can remake from what it ships, kept between processes to save start-up
time: py3langid's model decompressed, CLDR names Babel would unpickle for each process.

They live in ``$XDG_CACHE_HOME/factcheck`` (by default ``~/.cache/factcheck``); deleting
the folder is always safe. A file's name says what made it (a library's version), so an
upgrade writes a new one instead of reading a stale one.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any


def cache_folder() -> Path:
    """``$XDG_CACHE_HOME/factcheck``, by default ``~/.cache/factcheck``."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "factcheck"


def cached_file(name: str, write: Callable[[IO[bytes]], None]) -> Path | None:
    """The file ``name`` in the cache folder, written by ``write(file)`` when missing; None
    when it cannot be written (a read-only home, a full disk).

    It is written under another name and renamed: a process reading it never sees half a file,
    and two processes writing it at once both leave a whole one.
    """
    path = cache_folder() / name
    if path.exists():
        return path
    import tempfile  # (shutil and random with it): only to write, once per machine

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".part", delete=False) as out:
            try:
                write(out)
            except BaseException:
                Path(out.name).unlink()
                raise
        Path(out.name).replace(path)
    except OSError:
        return None
    return path


def cached_json(name: str, build: Callable[[], Any]) -> Any:
    """What ``build()`` returns, kept as the JSON file ``name`` in the cache folder and read
    from there (lists where it built tuples); ``build()`` itself when the file cannot be
    written, and again (the file deleted) when it cannot be read."""
    path = cached_file(name, lambda out: out.write(json.dumps(build()).encode()))
    if path is not None:
        try:
            return json.loads(path.read_bytes())
        except (OSError, ValueError):  # damaged: built again
            path.unlink(missing_ok=True)
    return build()
