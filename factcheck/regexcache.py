"""Compiled regular expressions kept between processes (issue 16: start-up).

The vocabulary's patterns are built from word lists (number words, markers, reporting verbs,
month names), and Python parses and compiles every one of them again in every process: about
0.1 s of CPU before ``factcheck extract`` reads a word (three patterns holding the number
words take 10 ms each). ``re`` turns a pattern into a list of codes and hands it to ``_sre``;
this keeps those lists in the cache folder (factcheck.cachefolder), keyed by pattern and
flags, and makes a pattern found there from its codes without parsing it. What ``re`` returns
is the same object it would have made (``Pattern.__eq__`` compares the codes; the tests do).

Installed by ``install()`` when factcheck is imported, for every pattern the process
compiles; ``FACTCHECK_REGEX_CACHE=0`` turns it off. Patterns new to the file are added when
the process ends, if there are at least ``NEW`` of them: a pattern made from a set (Jinja's
lexer and Babel make two) is spelled differently in each process, and rewriting the file for
them would cost more than compiling them. A file grown past ``LIMIT`` patterns (patterns
built from article text add up) is rewritten with this process's patterns only. The file is
named by the Python version (its release too) and ``_sre``'s magic number, so another
interpreter writes its own; an interpreter whose ``re`` compiles differently (checked once, on
a probe) keeps ``re`` as it is. The file is the user's own, like the rest of the cache folder;
``_sre`` checks the codes it is given, and a file that does not read is ignored.
"""

from __future__ import annotations

import _sre
import atexit
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path
from re import _compiler, _parser

from factcheck.cachefolder import cache_folder

LIMIT = 1000
NEW = 5
# a bug fix in re's parser may come in any release: the whole version names the file
_VERSION = "-".join(map(str, sys.version_info[:4]))
NAME = f"regex-{sys.implementation.name}-{_VERSION}-{_sre.MAGIC}-{_sre.CODESIZE}.marshal"
_PROBE = r"(?P<word>[A-Z][\w'’-]*)(?:\s+(?i:dan|and))?\b(?!\d)|\d{1,3}(?:[.,]\d{3})+"

# (pattern, flags) -> the arguments of _sre.compile after the pattern
_known: dict[tuple[str, int], tuple] = {}
_used: set[tuple[str, int]] = set()
_added = 0
_original = _compiler.compile


def _program(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` hands ``_sre.compile`` for a pattern, after it."""
    parsed = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(parsed, flags)]  # plain ints, for marshal
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    groups = parsed.state.groups - 1
    return flags | parsed.state.flags, code, groups, dict(groupindex), tuple(indexgroup)


def _compile(pattern, flags=0):
    global _added
    if type(pattern) is not str or flags & re.DEBUG:
        return _original(pattern, flags)
    key = (pattern, int(flags))
    program = _known.get(key)
    if program is not None:
        try:
            compiled = _sre.compile(pattern, *program)
        except Exception:  # noqa: BLE001 - an entry _sre refuses (a damaged file): made again
            program = None
    if program is None:
        program = _program(pattern, int(flags))  # re.error for a bad pattern, as re raises it
        compiled = _sre.compile(pattern, *program)
        _known[key] = program
        _added += 1
    _used.add(key)
    return compiled


def install() -> None:
    """Read the file and compile through it from now on (once per process)."""
    if _compiler.compile is _compile or os.environ.get("FACTCHECK_REGEX_CACHE") == "0":
        return
    try:
        if _sre.compile(_PROBE, *_program(_PROBE, 0)) != _original(_PROBE, 0):
            return  # this interpreter's re compiles otherwise
    except Exception:  # noqa: BLE001 - any surprise in re's internals: leave re alone
        return
    _known.update(_read(cache_folder() / NAME))
    _compiler.compile = _compile
    atexit.register(_save)


def _read(path: Path) -> dict:
    try:
        found = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return found if isinstance(found, dict) else {}


def _save() -> None:
    """Add this process's new patterns to the file (re-read: another process may have added
    its own), written under another name and renamed."""
    if _added < NEW:
        return
    path = cache_folder() / NAME
    merged = {**_read(path), **_known}
    if len(merged) > LIMIT:
        merged = {key: _known[key] for key in _used if key in _known}
    try:
        data = marshal.dumps(merged)
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".part", delete=False) as out:
            out.write(data)
        Path(out.name).replace(path)
    except (OSError, ValueError):
        return
