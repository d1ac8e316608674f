"""A serving process's start: templates compiled once per installation, from bytecode kept
between processes, and the start-up's objects left out of the garbage collector's passes.

Jinja compiles a template the first time a process renders it: 0.8 s of CPU for all of them
on a slow 2-core machine; the review page's first render in a gunicorn worker took 180-195 ms
of CPU, holding the interpreter lock while the worker's other threads' readers waited (the
readers' p99 of issue 16). With the compiled bytecode kept in the cache folder
(factcheck.cachefolder), only the first process of an installation compiles a template; the
others load it (all 31 in 17 ms): that first render costs 45-55 ms. Loading every template
when a worker starts was measured too and dropped: the review page's first render then cost
95-175 ms, not less.

Then ``gc.freeze()`` when a process first serves: a full collection of a started worker walks
some 150,000 objects (the imports, the app, the engine), 110 ms of CPU with every thread of
the worker stopped; frozen, they are never walked again. What this cannot do: objects a
worker keeps later (its page cache's pages, compiled SQL, the embedding model's wrapper) are
still walked by full collections, and how often a full collection falls inside a reader's
request was not measured (none in 100 in-process rounds of 80 reader pages and one review
page and save each).
"""

from __future__ import annotations

import gc
import hashlib
import sys

import jinja2
from flask import Flask
from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket

from factcheck.cachefolder import cache_folder


class _BytecodeCache(FileSystemBytecodeCache):
    """Jinja's file cache, which never fails a page: a folder that cannot be written (read-only
    home, full disk) only means compiling again next time."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _describe(value) -> str:
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}"
    if isinstance(value, dict):
        return repr(sorted((k, _describe(v)) for k, v in value.items()))
    return repr(value)


def environment_key(env: jinja2.Environment) -> str:
    """What the compiled code depends on besides each template's own text (which Jinja checks
    itself): the Jinja and Python versions, the extensions, the compile-time policies (the
    i18n extension's ``trimmed``) and the syntax settings. A change to any of them uses
    another folder, never stale bytecode."""
    parts = [
        jinja2.__version__,
        sys.version,
        sorted(env.extensions),
        sorted((k, _describe(v)) for k, v in env.policies.items()),
        [
            _describe(getattr(env, name))
            for name in (
                "block_start_string",
                "block_end_string",
                "variable_start_string",
                "variable_end_string",
                "comment_start_string",
                "comment_end_string",
                "line_statement_prefix",
                "line_comment_prefix",
                "trim_blocks",
                "lstrip_blocks",
                "newline_sequence",
                "keep_trailing_newline",
                "optimized",
                "autoescape",
                "finalize",
            )
        ],
    ]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def use_bytecode_cache(app: Flask) -> None:
    """Templates compiled once for all processes (and runs) of this installation: their
    bytecode in the cache folder, under a key of ``environment_key``. Nothing when the folder
    cannot be made."""
    folder = cache_folder() / f"jinja-{environment_key(app.jinja_env)}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    app.jinja_env.bytecode_cache = _BytecodeCache(str(folder))


def warm(app: Flask) -> None:
    """Take the objects of the start out of the garbage collector's passes (see above)."""
    gc.collect()
    gc.freeze()
