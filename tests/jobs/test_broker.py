"""The job queue in one process: submitting, running, one job per key, retries and their end,
recovery of jobs whose worker died, lost messages, and a queue that outlives the app."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlmodel import Session, select

from factcheck import create_app
from factcheck.jobs import runner, tracking
from factcheck.models import Evidence, Job, JobState, Snapshot, Source, utcnow


def fresh(session: Session, job_id: int) -> Job:
    session.expire_all()
    return session.get(Job, job_id)


@pytest.fixture
def queue(app):
    return app.extensions["factcheck.jobs"]


@pytest.fixture
def matched_article(factory, session):
    """An article with one claim and one source whose pasted text supports it."""
    article = factory.article("Census", text_="The country has 20 million people.")
    factory.claim(article, "The country has 20 million people.")
    source = factory._save(Source(article_id=article.id, title="Census office", position=1))
    from factcheck.sources.snapshots import paste_text

    paste_text(session, source, "Officials said the country has 20 million people in 2024.")
    session.commit()
    return article


@pytest.fixture
def explode():
    """A job kind made for these tests: fails ``times`` times with an unexpected error, then
    answers."""
    calls = []

    @runner.job("test_explode", label="Failing on purpose", one_at_a_time=None)
    def failing(run, times: int) -> str:
        calls.append(run.attempt)
        if len(calls) <= times:
            raise RuntimeError(f"boom {len(calls)}")
        return f"worked at attempt {run.attempt}"

    yield calls
    del runner.KINDS["test_explode"]


def test_a_job_records_who_asked_its_progress_and_its_result(
    queue_backend, app, queue, session, factory, matched_article, run_jobs
):
    checker = factory.user("rina")
    submitted = queue.submit(session, "match_article", user=checker, article=matched_article)
    assert submitted.created
    job = fresh(session, submitted.job.id)
    assert (job.state, job.requested_by_id, job.attempts, job.result) == (
        "queued",
        checker.id,
        0,
        None,
    )
    assert session.exec(select(Evidence)).all() == []

    assert run_jobs() == 1
    job = fresh(session, job.id)
    assert job.state == JobState.DONE and job.attempts == 1
    assert (job.done, job.total) == (1, 1)
    assert job.result.startswith("Matched 1 claim against")
    assert job.started_at and job.finished_at and job.active_key is None
    assert len(session.exec(select(Evidence)).all()) >= 1


def test_a_second_match_while_one_waits_starts_nothing_new(
    app, queue, session, factory, matched_article, run_jobs
):
    checker = factory.user()
    first = queue.submit(session, "match_article", user=checker, article=matched_article)
    again = queue.submit(session, "match_article", user=factory.user(), article=matched_article)
    assert not again.created and again.job.id == first.job.id
    assert run_jobs() == 1
    later = queue.submit(session, "match_article", user=checker, article=matched_article)
    assert later.created and later.job.id != first.job.id  # the first one has ended


def test_clicks_at_the_same_moment_store_one_job(app, queue, factory, matched_article):
    checker = factory.user()
    barrier, results = threading.Barrier(6), []

    def click():
        with Session(app.extensions["factcheck.engine"], expire_on_commit=False) as own:
            barrier.wait()
            results.append(
                queue.submit(own, "match_article", user=checker, article=matched_article)
            )

    threads = [threading.Thread(target=click) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(r.created for r in results) == 1
    assert len({r.job.id for r in results}) == 1
    assert queue.huey.pending_count() == 1


def test_a_duplicate_message_runs_the_job_once(
    app, queue, session, factory, matched_article, run_jobs
):
    job = queue.submit(session, "match_article", user=factory.user(), article=matched_article).job
    queue.send(job.id)  # as if a lost message had been sent again, and found after all
    assert run_jobs() == 2
    assert fresh(session, job.id).attempts == 1


def test_an_input_error_fails_at_once_with_its_message(app, queue, session, factory, run_jobs):
    checker = factory.user()
    article = factory.article("Soon gone")
    source = factory._save(Source(article_id=article.id, title="Gone", url="https://x.example/"))
    job = queue.submit(session, "fetch_sources", user=checker, article=article, source_id=source.id)
    session.delete(session.get(Source, source.id))
    session.commit()
    run_jobs()
    job = fresh(session, job.job.id)
    assert (job.state, job.attempts) == ("failed", 1)
    assert job.result == f"source {source.id} no longer exists"


def test_an_unexpected_error_is_retried_and_the_job_can_still_succeed(
    app, queue, session, explode, run_jobs
):
    app.config["JOB_RETRY_SECONDS"] = 0
    job = queue.submit(session, "test_explode", user=None, times=2).job
    run_jobs()
    job = fresh(session, job.id)
    assert (job.state, job.attempts, job.result) == ("done", 3, "worked at attempt 3")
    assert explode == [1, 2, 3]


def test_a_job_that_fails_three_times_stops_with_the_last_error(
    app, queue, session, explode, run_jobs
):
    app.config["JOB_RETRY_SECONDS"] = 0
    job = queue.submit(session, "test_explode", user=None, times=10).job
    run_jobs()
    job = fresh(session, job.id)
    assert (job.state, job.attempts) == ("failed", 3)
    assert job.result == "failed 3 times; last: RuntimeError: boom 3"
    assert explode == [1, 2, 3] and run_jobs() == 0


def test_a_retry_waits_for_its_time(app, queue, session, explode, run_jobs):
    app.config["JOB_RETRY_SECONDS"] = 60
    job = queue.submit(session, "test_explode", user=None, times=1).job
    run_jobs()
    job = fresh(session, job.id)
    assert job.state == "queued" and job.result.startswith(
        "attempt 1 failed (RuntimeError: boom 1)"
    )
    assert queue.huey.scheduled_count() == 1 and explode == [1]


def _stall(session, job_id: int, attempts: int) -> None:
    """Make the job look as if its worker had died while running it a while ago."""
    job = session.get(Job, job_id)
    job.state, job.attempts, job.worker = JobState.RUNNING, attempts, "gone:1:Worker-1"
    job.heartbeat_at = utcnow() - timedelta(seconds=120)
    session.add(job)
    session.commit()


def test_a_job_whose_worker_died_is_handed_on_and_runs(
    app, queue, session, factory, matched_article, run_jobs
):
    job = queue.submit(session, "match_article", user=factory.user(), article=matched_article).job
    queue.huey.flush()  # its message was taken by the worker that died
    _stall(session, job.id, attempts=1)
    engine = app.extensions["factcheck.engine"]
    assert tracking.recover_stalled(engine, stale_seconds=60, max_attempts=3) == [job.id]
    assert (
        fresh(session, job.id).result
        == "attempt 1: its worker (gone:1:Worker-1) stopped while running it; retrying"
    )
    queue.send(job.id)
    run_jobs()
    job = fresh(session, job.id)
    assert (job.state, job.attempts) == ("done", 2)


def test_a_job_whose_worker_died_three_times_stops_with_a_message(
    app, queue, session, factory, matched_article
):
    job = queue.submit(session, "match_article", user=factory.user(), article=matched_article).job
    _stall(session, job.id, attempts=3)
    engine = app.extensions["factcheck.engine"]
    assert tracking.recover_stalled(engine, stale_seconds=60, max_attempts=3) == []
    job = fresh(session, job.id)
    assert job.state == "failed" and job.active_key is None
    assert (
        job.result
        == "failed: its worker (gone:1:Worker-1) stopped while running it, 3 times; not retried"
    )


def test_a_running_job_with_a_live_worker_is_left_alone(
    app, queue, session, factory, matched_article
):
    job = queue.submit(session, "match_article", user=factory.user(), article=matched_article).job
    _stall(session, job.id, attempts=1)
    tracking.beat(app.extensions["factcheck.engine"], {job.id: "gone:1:Worker-1"})
    engine = app.extensions["factcheck.engine"]
    assert tracking.recover_stalled(engine, stale_seconds=60, max_attempts=3) == []
    assert fresh(session, job.id).state == "running"


def test_a_lost_message_is_sent_again(
    queue_backend, app, queue, session, factory, matched_article, run_jobs
):
    job = queue.submit(session, "match_article", user=factory.user(), article=matched_article).job
    assert queue.resend_lost(older_than=0) == []  # its message is there
    queue.huey.flush()  # e.g. Redis restarted without persistence
    assert run_jobs() == 0
    assert queue.resend_lost(older_than=0) == [job.id]
    assert run_jobs() == 1 and fresh(session, job.id).state == "done"


def test_the_queue_outlives_the_app_that_filled_it(
    queue_backend, app_config, app, queue, session, factory, matched_article
):
    job = queue.submit(session, "match_article", user=factory.user(), article=matched_article).job
    del queue  # the app that queued it stops; a new one starts on the same settings
    restarted = create_app(dict(app_config))
    try:
        assert restarted.extensions["factcheck.jobs"].run_pending() == 1
    finally:
        restarted.extensions["factcheck.engine"].dispose()
    assert fresh(session, job.id).state == "done"


def test_snapshots_of_a_fetch_job_are_committed_one_source_at_a_time(
    app, queue, session, factory, httpserver, run_jobs, monkeypatch
):
    article = factory.article("Two sources")
    for n, path in enumerate(["/one", "/two"], start=1):
        httpserver.expect_request(path).respond_with_data(
            f"<html><body><p>Page {path} says 4{n} things.</p></body></html>",
            content_type="text/html",
        )
        factory._save(
            Source(article_id=article.id, title=path, url=httpserver.url_for(path), position=n)
        )
    seen = []
    original = tracking.progress

    def watching(engine, job_id, worker, done, total):
        with Session(engine) as other:  # what another connection sees at each step
            seen.append((done, len(other.exec(select(Snapshot)).all())))
        original(engine, job_id, worker, done, total)

    monkeypatch.setattr(tracking, "progress", watching)
    queue.submit(session, "fetch_sources", user=factory.user(), article=article)
    run_jobs()
    assert seen == [(0, 0), (1, 1), (2, 2)]


def test_jobs_queue_setting_is_checked(app_config):
    from factcheck.errors import InputError

    app_config["JOBS_QUEUE"] = "redis"
    with pytest.raises(InputError, match="REDIS_URL is not set"):
        create_app(app_config)
