"""Running one job: the registry of job kinds, what a job function is given (``JobRun``), and
``execute``, which takes a queued job, runs its function and records how it ended.

How a job ends:
- the function returns a line of text: done, with that line as the result;
- it raises a FactcheckError (a deleted article, a role the requester lost, a page that cannot
  be fetched): failed at once with the error's message, since trying again would not help;
- it raises anything else (a database or network hiccup, a bug): tried again after
  JOB_RETRY_SECONDS, and failed after JOB_MAX_ATTEMPTS attempts with the last error;
- its worker dies (SIGKILL, a lost machine): see ``tracking.recover_stalled``.
"""

from __future__ import annotations

import inspect
import json
import logging
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlmodel import Session

from factcheck import db
from factcheck.errors import FactcheckError, NotFound
from factcheck.jobs import tracking
from factcheck.messages import N_, Message
from factcheck.models import Article, Job, JobState, User

log = logging.getLogger("factcheck.jobs")


@dataclass(frozen=True)
class JobKind:
    """A kind of job: its function, a label for people, and which jobs it may not run beside:
    "article" (one per article at a time), "global" (one at a time) or None (any number)."""

    name: str
    function: Callable[..., str]
    label: str
    one_at_a_time: str | None = "article"


KINDS: dict[str, JobKind] = {}


def job(name: str, *, label: str, one_at_a_time: str | None = "article") -> Callable:
    """Register the decorated function as the job kind ``name`` (see factcheck.jobs)."""

    def register(function: Callable[..., str]) -> Callable[..., str]:
        KINDS[name] = JobKind(name, function, label, one_at_a_time)
        return function

    return register


def active_key(kind: JobKind, article_id: int | None) -> str | None:
    """The key that keeps a second job of this kind (for this article) from starting."""
    if kind.one_at_a_time == "article":
        return f"{kind.name}:{article_id}"
    return kind.name if kind.one_at_a_time == "global" else None


class JobRun:
    """What a job function gets: the job's article and requester, the settings, a transaction
    per unit of work (``unit``), and ``progress`` to report how far it got."""

    def __init__(self, engine: Engine, config: Mapping, row: Job, worker: str):
        self.engine, self.config, self.worker = engine, config, worker
        self.job_id, self.attempt, self.requested_by_id = row.id, row.attempts, row.requested_by_id
        self._done = 0

    @contextmanager
    def unit(self) -> Iterator[Session]:
        """One unit of work (one source's snapshot, one article's suggestions): committed
        whole at the end of the block, or not at all."""
        with db.transaction(self.engine) as session:
            yield session

    def progress(self, done: int | None = None, total: int | None = None) -> None:
        """``done`` units of ``total`` (``done`` None: one more than before)."""
        self._done = self._done + 1 if done is None else done
        tracking.progress(self.engine, self.job_id, self.worker, self._done, total)

    def article(self, session: Session, article_id: int) -> Article:
        """The job's article; NotFound when it was deleted since the job was asked for."""
        article = session.get(Article, article_id)
        if article is None:
            raise NotFound(f"article {article_id} no longer exists")
        return article

    def requester(self, session: Session) -> User | None:
        """The person who asked for the job (None for the system's own jobs)."""
        if self.requested_by_id is None:
            return None
        return session.get(User, self.requested_by_id)


@dataclass
class Outcome:
    """How ``execute`` left a job: its state, and whether it was sent back to the queue."""

    state: str | None
    retry: bool = False


def execute(
    engine: Engine,
    config: Mapping,
    job_id: int,
    worker: str,
    in_flight: dict[int, str] | None = None,
) -> Outcome:
    """Run job ``job_id`` if it is still queued (else do nothing: Outcome(None)).

    ``in_flight`` holds the jobs this process is running (id → worker), for its heartbeat.
    """
    row = tracking.claim(engine, job_id, worker)
    if row is None:
        return Outcome(None)
    if in_flight is not None:
        in_flight[job_id] = worker
    try:
        return _run(engine, config, row, worker)
    finally:
        if in_flight is not None:
            in_flight.pop(job_id, None)


def _run(engine: Engine, config: Mapping, row, worker: str) -> Outcome:
    kind = KINDS.get(row.kind)
    if kind is None:
        unknown = Message(N_("unknown kind of job %(kind)s"), kind=row.kind)
        tracking.finish(engine, row.id, worker, JobState.FAILED, unknown)
        return Outcome(JobState.FAILED)
    run = JobRun(engine, config, row, worker)
    params = json.loads(row.params or "{}")
    if row.article_id is not None:
        params["article_id"] = row.article_id
    try:
        inspect.signature(kind.function).bind(run, **params)
    except TypeError as error:  # e.g. its article was deleted (the link is gone)
        cannot = Message(N_("cannot run: %(error)s"), error=str(error))
        tracking.finish(engine, row.id, worker, JobState.FAILED, cannot)
        return Outcome(JobState.FAILED)
    try:
        result = kind.function(run, **params)
    except FactcheckError as error:
        tracking.finish(engine, row.id, worker, JobState.FAILED, error.message)
        return Outcome(JobState.FAILED)
    except Exception as error:
        log.exception("job %s (%s) attempt %s failed", row.id, row.kind, row.attempts)
        what = f"{type(error).__name__}: {error}"
        if row.attempts >= int(config.get("JOB_MAX_ATTEMPTS", 3)):
            note = Message(
                N_("failed %(count)s times; last: %(what)s"), count=row.attempts, what=what
            )
            tracking.finish(engine, row.id, worker, JobState.FAILED, note)
            return Outcome(JobState.FAILED)
        tracking.requeue(
            engine,
            row.id,
            worker,
            Message(
                N_("attempt %(count)s failed (%(what)s); retrying"), count=row.attempts, what=what
            ),
        )
        return Outcome(JobState.QUEUED, retry=True)
    tracking.finish(engine, row.id, worker, JobState.DONE, result or Message.term("done"))
    return Outcome(JobState.DONE)
