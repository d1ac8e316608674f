"""What people see of jobs: one job's status (the JSON the pages poll), and the jobs of an
article or of the whole newsroom, newest first."""

from __future__ import annotations

from sqlmodel import Session, col, select

from factcheck.jobs.runner import KINDS
from factcheck.models import Article, Job, JobState, User


def label(job: Job) -> str:
    """What the job does, for people ("Matching claims against sources")."""
    kind = KINDS.get(job.kind)
    return kind.label if kind else job.kind


def _stamp(value) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


def job_status(session: Session, job: Job) -> dict:
    """The job as JSON: id, kind, label, state, finished, done, total, result (and
    result_message, its message id and values), attempts,
    requested_by, article (slug) and the times (ISO 8601, UTC)."""
    user = session.get(User, job.requested_by_id) if job.requested_by_id else None
    article = session.get(Article, job.article_id) if job.article_id else None
    return {
        "id": job.id,
        "kind": job.kind,
        "label": label(job),
        "state": job.state,
        "finished": job.state in (JobState.DONE, JobState.FAILED),
        "done": job.done,
        "total": job.total,
        "result": job.result,
        "result_message": job.result_message,  # JSON: for pages in the viewer's language
        "attempts": job.attempts,
        "requested_by": user.name if user else "system",
        "article": article.slug if article else None,
        "requested_at": _stamp(job.requested_at),
        "started_at": _stamp(job.started_at),
        "finished_at": _stamp(job.finished_at),
    }


def article_jobs(session: Session, article_id: int, limit: int = 5) -> list[Job]:
    """The article's queued and running jobs, then its latest finished ones (``limit`` in
    all)."""
    jobs = session.exec(
        select(Job)
        .where(Job.article_id == article_id)
        .order_by(col(Job.id).desc())
        .limit(limit + 20)
    ).all()
    active = [j for j in jobs if j.state in (JobState.QUEUED, JobState.RUNNING)]
    return (active + [j for j in jobs if j not in active])[: max(limit, len(active))]


def recent_jobs(session: Session, limit: int = 100, *, kind: str | None = None) -> list[Job]:
    """The newest jobs of every kind (or of one ``kind``)."""
    query = select(Job).order_by(col(Job.id).desc()).limit(limit)
    if kind is not None:
        query = query.where(Job.kind == kind)
    return list(session.exec(query).all())
