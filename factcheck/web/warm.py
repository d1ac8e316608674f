"""A serving process's start: every template compiled before the first reader waits for it,
from bytecode kept between processes, and the start-up's objects left out of the garbage
collector's passes.

Jinja compiles a template the first time it is rendered in a process: about 0.8 s of CPU for
all of them on a slow 2-core machine, 0.15-0.3 s for the review page's alone. Compiled on
first use, a gunicorn worker pays that in the middle of its traffic, holding the interpreter
lock while its other threads' readers wait (the readers' p99 of issue 16). Here a process
loads them all when it first serves, from compiled bytecode kept in the cache folder
(factcheck.cachefolder): 17 ms for all of them once any process has compiled them.

Then ``gc.freeze()``: a full collection of a started worker walks some 150,000 objects (the
imports, the app, the templates), 110 ms of CPU with every thread of the worker stopped;
frozen, they are never walked again, and what is collected is what requests made since.
What this cannot do: objects a worker keeps later (its page cache's pages, compiled SQL) are
still walked by full collections; and a template changed on disk under a running process is
not reloaded (auto-reload is off in every configuration that warms: not in tests).
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
    """Load every template of ``app`` now, then take the objects of the start out of the
    garbage collector's passes (see the module's text)."""
    env = app.jinja_env
    for name in env.list_templates(filter_func=lambda name: name.endswith(".html")):
        env.get_template(name)
    gc.collect()
    gc.freeze()
