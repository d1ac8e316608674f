"""Job rows: the record of each job (who asked, when, state, progress, result) and every
change of its state, each one a single conditional UPDATE so that two workers, or a worker and
the recovery of a dead one, can never both think they own a job.

States: queued → running → done | failed; running → queued again for a retry. ``active_key``
is set while a job is queued or running and cleared when it ends: its unique index keeps one
such job per key (one "Match" per article at a time).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Engine, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from factcheck.messages import N_, Message
from factcheck.models import Job, JobState, User, utcnow

RESULT_CHARS = 500


def one_line(text: str, limit: int = RESULT_CHARS) -> str:
    """``text`` on one line, cut to ``limit`` characters (the result column's size)."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def result_values(result: str) -> dict:
    """The job's result columns: the English line, and the message (a ``Message``'s id and
    values, JSON) that pages show in the viewer's language."""
    message = result.to_json() if isinstance(result, Message) else None
    return {"result": one_line(result), "result_message": message}


@dataclass(frozen=True)
class Submitted:
    """A job asked for: the row, and whether it is new (False: an active one with the same key
    was already queued or running, and is returned instead)."""

    job: Job
    created: bool


def create(
    session: Session,
    kind: str,
    params: dict,
    *,
    article_id: int | None = None,
    user: User | None = None,
    active_key: str | None = None,
) -> Submitted:
    """Store a queued job and commit, or return the active job with the same ``active_key``.

    The commit comes first so that a worker receiving the message always finds the row.
    """
    if active_key is not None:
        existing = active_job(session, active_key)
        if existing is not None:
            return Submitted(existing, False)
    job = Job(
        kind=kind,
        params=json.dumps(params, sort_keys=True),
        article_id=article_id,
        requested_by_id=user.id if user else None,
        active_key=active_key,
    )
    session.add(job)
    try:
        session.commit()
    except IntegrityError:  # another request stored the same key in between: use theirs
        session.rollback()
        existing = active_job(session, active_key)
        if existing is None:
            raise
        return Submitted(existing, False)
    return Submitted(job, True)


def active_job(session: Session, active_key: str) -> Job | None:
    """The queued or running job holding ``active_key``, if any."""
    return session.exec(select(Job).where(Job.active_key == active_key)).first()


def claim(engine: Engine, job_id: int, worker: str) -> Job | None:
    """Take a queued job for ``worker``: running, one more attempt. None when the job is not
    queued (done, or taken by another worker: a duplicate message does nothing)."""
    now = utcnow()
    with Session(engine, expire_on_commit=False) as session:
        taken = session.execute(
            update(Job)
            .where(Job.id == job_id, Job.state == JobState.QUEUED)
            .values(
                state=JobState.RUNNING,
                attempts=Job.attempts + 1,
                worker=worker[:120],
                started_at=now,
                heartbeat_at=now,
            )
        ).rowcount
        session.commit()
        return session.get(Job, job_id) if taken == 1 else None


def progress(engine: Engine, job_id: int, worker: str, done: int, total: int | None) -> None:
    """Record how far the job got (and that its worker is alive)."""
    values = {"done": done, "heartbeat_at": utcnow()}
    if total is not None:
        values["total"] = total
    _update_running(engine, job_id, worker, values)


def beat(engine: Engine, running: dict[int, str]) -> None:
    """Say that each worker is still running its job (``running``: job id → worker)."""
    if running:
        with Session(engine) as session:
            for job_id, worker in running.items():
                session.execute(
                    update(Job)
                    .where(Job.id == job_id, Job.worker == worker[:120])
                    .where(Job.state == JobState.RUNNING)
                    .values(heartbeat_at=utcnow())
                )
            session.commit()


def finish(engine: Engine, job_id: int, worker: str, state: str, result: str) -> bool:
    """End a running job as done or failed with its one-line ``result``; False when the job
    was no longer this worker's (taken for dead and handed on meanwhile)."""
    values = {"state": state, "finished_at": utcnow()} | result_values(result)
    return _update_running(engine, job_id, worker, values | {"active_key": None})


def requeue(engine: Engine, job_id: int, worker: str, note: str) -> bool:
    """Put a running job back in the queue for another attempt (``note`` says why)."""
    values = {"state": JobState.QUEUED, "queued_at": utcnow()} | result_values(note)
    return _update_running(engine, job_id, worker, values)


def _update_running(engine: Engine, job_id: int, worker: str, values: dict) -> bool:
    with Session(engine) as session:
        changed = session.execute(
            update(Job)
            .where(Job.id == job_id, Job.state == JobState.RUNNING, Job.worker == worker[:120])
            .values(**values)
        ).rowcount
        session.commit()
    return changed == 1


def recover_stalled(engine: Engine, *, stale_seconds: float, max_attempts: int) -> list[int]:
    """Running jobs whose worker has been silent for ``stale_seconds`` (killed, or its machine
    gone): queued again, or failed once they have had ``max_attempts``. Returns the ids queued
    again, for the caller to send."""
    cutoff = utcnow() - timedelta(seconds=stale_seconds)
    requeued = []
    with Session(engine) as session:
        stalled = session.exec(
            select(Job.id, Job.attempts, Job.worker).where(
                Job.state == JobState.RUNNING, col(Job.heartbeat_at) < cutoff
            )
        ).all()
        for job_id, attempts, worker in stalled:
            gave_up = attempts >= max_attempts
            what = Message(N_("its worker (%(worker)s) stopped while running it"), worker=worker)
            values = (
                {"state": JobState.FAILED, "finished_at": utcnow(), "active_key": None}
                | result_values(
                    Message(
                        N_("failed: %(what)s, %(count)s times; not retried"),
                        what=what,
                        count=attempts,
                    )
                )
                if gave_up
                else {"state": JobState.QUEUED, "queued_at": utcnow()}
                | result_values(
                    Message(N_("attempt %(count)s: %(what)s; retrying"), what=what, count=attempts)
                )
            )
            # Conditional on the same silence: of two recovering workers only one wins.
            changed = session.execute(
                update(Job)
                .where(Job.id == job_id, Job.state == JobState.RUNNING)
                .where(col(Job.heartbeat_at) < cutoff)
                .values(**values)
            ).rowcount
            session.commit()
            if changed == 1 and not gave_up:
                requeued.append(job_id)
    return requeued


def waiting_since(engine: Engine, seconds: float) -> list[int]:
    """Ids of jobs queued for longer than ``seconds`` (candidates for a lost message)."""
    cutoff = utcnow() - timedelta(seconds=seconds)
    with Session(engine) as session:
        return list(
            session.exec(
                select(Job.id).where(Job.state == JobState.QUEUED, col(Job.queued_at) <= cutoff)
            ).all()
        )


def last_requested(engine: Engine, kind: str):
    """When a job of ``kind`` was last asked for, or None."""
    with Session(engine) as session:
        return session.exec(
            select(Job.requested_at)
            .where(Job.kind == kind)
            .order_by(col(Job.requested_at).desc())
            .limit(1)
        ).first()
