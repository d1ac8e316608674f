"""Work done outside the request: starting jobs from buttons, their status as JSON (which
static/jobs.js polls), the list of recent jobs, and the editors' queue of sources that changed
after publication.

No view here fetches, embeds or matches: a button stores a job and returns at once.
"""

from __future__ import annotations

from flask import current_app, jsonify, render_template, url_for

from factcheck.jobs import status
from factcheck.jobs.broker import JobQueue
from factcheck.jobs.tracking import Submitted
from factcheck.models import Article, Job
from factcheck.sources import changes
from factcheck.web import get_session
from factcheck.web.auth import me
from factcheck.web.i18n import _, stored_message, term
from factcheck.web.review import bp, save
from factcheck.web.review import forms as f


def job_queue() -> JobQueue:
    return current_app.extensions["factcheck.jobs"]


def start_job(kind: str, article: Article, page, **params):
    """Queue a job of ``kind`` for ``article`` as the current user and go back to the
    article's list of jobs; a job of that kind already queued or running is shown instead of
    starting a second one."""
    started: list[Submitted] = []

    def message() -> str:
        submitted = started[0]
        what = _(status.label(submitted.job))
        if submitted.created:
            return _("%(what)s: queued. Its progress is shown under “Background jobs”.", what=what)
        return _(
            "%(what)s is already %(state)s for this article; nothing new was started. "
            "Its progress is shown under “Background jobs”.",
            what=what,
            state=term(submitted.job.state),
        )

    return save(
        lambda: started.append(
            job_queue().submit(get_session(), kind, user=me(), article=article, **params)
        ),
        message,
        back=url_for(".article", slug=article.slug),
        page=page,
        category=lambda: "success" if started[0].created else "info",
    )


def shown_job(job: dict) -> dict:
    """A job_status() dict with its label, state, progress and result in the reader's
    language (``state_label`` and ``progress`` are for static/jobs.js)."""
    total = job["total"]
    stored = job.pop("result_message", None)
    return dict(
        job,
        label=_(job["label"]),
        result=stored_message(stored, job["result"]) or None,
        state_label=term(job["state"]),
        progress=_("%(done)s of %(total)s", done=job["done"], total=total) if total else "",
    )


@bp.get("/jobs/<int:job_id>")
def job_status(job_id: int):
    """The job's state and progress as JSON (polled by static/jobs.js)."""
    session = get_session()
    job = session.get(Job, job_id)
    if job is None:
        return jsonify({"error": "no such job"}), 404
    response = jsonify(shown_job(status.job_status(session, job)))
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/jobs")
def jobs():
    """The newest jobs of the newsroom, with their state and result."""
    session = get_session()
    found = status.recent_jobs(session)
    return render_template(
        "review/jobs.html", jobs=[shown_job(status.job_status(session, job)) for job in found]
    )


@bp.get("/source-changes")
def source_changes():
    """The editors' queue: published claims whose sources changed, with what changed."""
    session = get_session()
    entries = changes.open_changes(session)
    return render_template(
        "review/source_changes.html",
        entries=[(entry, changes.change_diff(session, entry.change)) for entry in entries],
        button_form=f.ButtonForm(formdata=None),
    )


@bp.post("/source-changes/<int:change_id>/reviewed")
def source_change_reviewed(change_id: int):
    """An editor has looked at the change: it leaves the queue."""
    return save(
        lambda: changes.mark_reviewed(get_session(), change_id, user=me()),
        _("Marked as looked at; the change stays in the claim's history."),
        back=url_for(".source_changes"),
        page=source_changes,
    )
