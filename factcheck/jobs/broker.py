"""The job queue: Huey, on a SQLite file in the instance folder (the embedded default) or on
Redis (REDIS_URL, for several machines), carrying job ids from the app to the workers.

``JobQueue`` is built by the app factory from the settings; ``submit`` stores a Job row and
sends its id, and a worker (``factcheck worker``, or the one ``factcheck serve`` runs in
its own process) receives the id and runs the job through ``runner.execute``. The database
row, not the message, is the truth: a duplicate message does nothing, and a lost one is sent
again (``resend_lost``).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Mapping
from pathlib import Path

from huey import RedisHuey, SqliteHuey
from huey.api import Huey
from sqlalchemy import Engine
from sqlmodel import Session

from factcheck.errors import InputError
from factcheck.jobs import kinds, runner, tracking
from factcheck.jobs.backend import queue_kind
from factcheck.jobs.tracking import Submitted
from factcheck.messages import N_, Message
from factcheck.models import Article, JobState, Role, User, utcnow
from factcheck.review import workflow

log = logging.getLogger("factcheck.jobs")
SQLITE_FILE = "jobs.sqlite3"
assert kinds.KINDS is runner.KINDS  # importing kinds registers every job kind


class JobQueue:
    """The app's job queue: submit jobs, send ids, and the worker side's task."""

    def __init__(self, config: Mapping, engine: Engine, instance_path: str):
        self.config, self.engine = config, engine
        self.kind = queue_kind(config)
        self.name = str(config.get("JOBS_QUEUE_NAME") or "factcheck")
        self.location = (
            str(config["REDIS_URL"])
            if self.kind == "redis"
            else str(Path(instance_path) / SQLITE_FILE)
        )
        self.in_flight: dict[int, str] = {}  # jobs this process runs (id → worker): heartbeat
        self._huey: Huey | None = None
        self._lock = threading.Lock()

    @property
    def huey(self) -> Huey:
        """The Huey instance, made on first use (so that building the app opens nothing)."""
        with self._lock:
            if self._huey is None:
                self._huey = self._make_huey()
        return self._huey

    def _make_huey(self) -> Huey:
        if self.kind == "redis":
            huey = RedisHuey(self.name, results=False, url=self.location)
        else:
            huey = SqliteHuey(self.name, results=False, filename=self.location, timeout=30)
        self._task = huey.task(name="run_job")(self._run_job)
        return huey

    def _run_job(self, job_id: int) -> None:
        outcome = runner.execute(self.engine, self.config, job_id, worker_name(), self.in_flight)
        if outcome.retry:
            self.send(job_id, delay=float(self.config.get("JOB_RETRY_SECONDS", 30)))

    def send(self, job_id: int, delay: float = 0) -> None:
        """Put job ``job_id`` on the queue (after ``delay`` seconds)."""
        huey = self.huey
        if delay > 0:
            huey.enqueue(self._task.s(job_id, delay=delay))  # a worker holds it till then
        else:
            huey.enqueue(self._task.s(job_id))

    def submit(
        self,
        session: Session,
        kind: str,
        *,
        user: User | None,
        article: Article | None = None,
        **params,
    ) -> Submitted:
        """Ask for a job of ``kind`` (a checker's request, or the system's when ``user`` is
        None). Commits ``session``. Returns the new job, or the one of this kind already
        queued or running for the article (nothing new is started then)."""
        found = runner.KINDS.get(kind)
        if found is None:
            raise InputError(f"no such kind of job: {kind}")
        if user is not None:
            workflow.require(user, Role.CHECKER, Message(found.label))
        article_id = article.id if article is not None else None
        key = runner.active_key(found, article_id)
        submitted = tracking.create(
            session, kind, params, article_id=article_id, user=user, active_key=key
        )
        if submitted.created:
            try:
                self.send(submitted.job.id)
            except Exception as error:  # Redis down: say so now, not after a silent wait
                log.exception("could not queue job %s", submitted.job.id)
                _unsent(session, submitted.job, error)
                raise InputError(
                    N_(
                        "the job queue (%(kind)s) cannot be reached: %(error)s; nothing was started"
                    ),
                    kind=self.kind,
                    error=type(error).__name__,
                ) from None
        return submitted

    def run_pending(self) -> int:
        """Run every job waiting on the queue in this thread, then stop; returns how many
        messages were handled (``factcheck worker --burst``; tests)."""
        huey, handled = self.huey, 0
        while True:
            for message in huey.read_schedule():  # retries whose time has come
                huey.enqueue(message)
            if huey.pending_count() == 0:
                return handled
            message = huey.dequeue()
            if message is not None:
                huey.execute(message)
                handled += 1

    def queued_ids(self) -> set[int]:
        """Job ids with a message on the queue or in its schedule (retries)."""
        messages = self.huey.pending() + self.huey.scheduled()
        return {m.args[0] for m in messages if m.args}

    def resend_lost(self, older_than: float) -> list[int]:
        """Send again the jobs queued longer than ``older_than`` seconds whose message is
        gone (a Redis restarted without persistence, a process killed between storing a job
        and sending it). A message that was only late is harmless twice: a job runs once."""
        waiting = tracking.waiting_since(self.engine, older_than)
        if not waiting:
            return []
        lost = sorted(set(waiting) - self.queued_ids())
        for job_id in lost:
            self.send(job_id)
        return lost

    def describe(self) -> str:
        """Where the queue lives, for people: "sqlite queue at PATH" or "redis queue ..."."""
        where = self.location.split("@")[-1] if self.kind == "redis" else self.location
        return f"{self.kind} queue {self.name!r} at {where}"


def _unsent(session: Session, job, error: Exception) -> None:
    job.state, job.active_key, job.finished_at = JobState.FAILED, None, utcnow()
    unsent = Message(N_("could not be queued: %(error)s"), error=f"{type(error).__name__}: {error}")
    for column, value in tracking.result_values(unsent).items():
        setattr(job, column, value)
    session.add(job)
    session.commit()


def worker_name() -> str:
    """host:pid:thread, how a job row names the worker running it."""
    return f"{socket.gethostname()}:{os.getpid()}:{threading.current_thread().name}"
