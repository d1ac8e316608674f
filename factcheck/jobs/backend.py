"""Which queue the settings choose: a SQLite file in the instance folder, or Redis. Light on
purpose: the app factory checks the choice at start-up without loading the queue."""

from __future__ import annotations

from collections.abc import Mapping
from importlib.util import find_spec

from factcheck.errors import InputError


def queue_kind(config: Mapping) -> str:
    """ "redis" or "sqlite": JOBS_QUEUE if set, else redis when REDIS_URL is set. InputError
    for anything else, or for "redis" without REDIS_URL."""
    chosen = (config.get("JOBS_QUEUE") or "").strip().lower()
    if not chosen:
        chosen = "redis" if config.get("REDIS_URL") else "sqlite"
    if chosen not in ("redis", "sqlite"):
        raise InputError(f'JOBS_QUEUE must be "sqlite" or "redis", not {chosen!r}')
    if chosen == "redis" and not config.get("REDIS_URL"):
        raise InputError('JOBS_QUEUE is "redis" but REDIS_URL is not set')
    if chosen == "redis" and find_spec("redis") is None:
        raise InputError(
            "the job queue is on Redis: install the client, pip install 'factcheck[redis]'"
        )
    return chosen
