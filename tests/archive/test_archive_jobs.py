"""The archive's background work: feeds imported on a schedule, new claims embedded and their
repeats found by the workers, never in a web request."""

from __future__ import annotations

from sqlmodel import select

from factcheck.jobs.consumer import submit_due_archive
from factcheck.models import EarlierMatch, Job, JobState, ReferenceFactCheck
from tests.archive.test_checked_before import claimreview, feed


def test_configured_feeds_are_imported_by_the_workers_when_due(app, server, session, run_jobs):
    server.expect_request("/feed").respond_with_data(
        feed(claimreview("Claim A was checked.", "https://fc.example.org/a")),
        content_type="application/json",
    )
    app.config["ARCHIVE_FEEDS"] = [server.url_for("/feed")]
    queue = app.extensions["factcheck.jobs"]
    assert submit_due_archive(queue) == 1
    assert submit_due_archive(queue) == 0  # not due again for ARCHIVE_FEEDS_HOURS
    run_jobs()
    [job] = session.exec(select(Job).where(Job.kind == "import_feed")).all()
    assert job.state == JobState.DONE, job.result
    assert "1 reviews: 1 added" in job.result and "1 archived claims embedded" in job.result
    assert len(session.exec(select(ReferenceFactCheck)).all()) == 1


def test_a_new_articles_repeated_claim_is_flagged_by_the_workers(app, factory, session, run_jobs):
    factory.claim(
        factory.article("Lama", language="id"),
        "Pemerintah akan memblokir WhatsApp mulai 1 Januari.",
    )
    repeat = factory.claim(
        factory.article("Baru", language="id"),
        "Pemerintah akan memblokir aplikasi WhatsApp mulai 1 Januari.",
    )
    queue = app.extensions["factcheck.jobs"]
    assert submit_due_archive(queue) == 0  # development: the workers leave claims alone
    app.config["ARCHIVE_EMBED_NEW"] = True
    assert submit_due_archive(queue) == 1
    run_jobs()
    [job] = session.exec(select(Job).where(Job.kind == "embed_archive")).all()
    assert job.state == JobState.DONE and job.result == "2 archived claims embedded"
    flags = session.exec(select(EarlierMatch).where(EarlierMatch.claim_id == repeat.id)).all()
    assert [(f.repeat, f.same) for f in flags] == [(True, True)]
    assert submit_due_archive(queue) == 0  # every claim has its vector now


def test_failed_feed_job_names_the_error_and_keeps_nothing(app, server, session, run_jobs):
    server.expect_request("/feed").respond_with_data("[1, 2", content_type="application/json")
    queue = app.extensions["factcheck.jobs"]
    queue.submit(session, "import_feed", user=None, url=server.url_for("/feed"))
    run_jobs()
    [job] = session.exec(select(Job).where(Job.kind == "import_feed")).all()
    assert job.state == JobState.FAILED and "not JSON" in job.result
    assert session.exec(select(ReferenceFactCheck)).all() == []
