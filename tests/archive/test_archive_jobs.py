"""The archive's background work: feeds imported on a schedule, new claims embedded and their
repeats found by the workers, the saved index built and brought up to date, never in a web
request."""

from __future__ import annotations

import os

import numpy as np
from sqlmodel import delete, select

from factcheck.archive.archiveindex import ArchiveIndex, archive_stamp
from factcheck.archive.savedindex import SavedIndexes
from factcheck.archive.vectorindex import label
from factcheck.jobs.consumer import submit_due_archive
from factcheck.matching.embedding import embedder
from factcheck.models import ArchiveVector, EarlierMatch, Job, JobState, ReferenceFactCheck
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


def stored_vector(session, model_name: str, seed: int) -> int:
    """A reference fact-check with a vector of ``seed`` for the app's model; its label."""
    vector = np.random.default_rng(seed).standard_normal(384).astype(np.float32)
    reference = ReferenceFactCheck(url=f"https://x.example/{seed}", claim_reviewed="c", raw="{}")
    session.add(reference)
    session.flush()
    session.add(
        ArchiveVector(
            reference_id=reference.id,
            model=model_name,
            digest="d",
            vector=(vector / np.linalg.norm(vector)).astype(np.float16).tobytes(),
        )
    )
    session.commit()
    return label(None, reference.id)


def index_results(session, kind: str) -> list[str | None]:
    jobs = session.exec(select(Job).where(Job.kind == kind).order_by(Job.id)).all()
    assert all(job.state == JobState.DONE for job in jobs), [job.result for job in jobs]
    return [job.result for job in jobs]


def test_workers_build_the_archive_index_and_bring_it_up_to_date(app, session, run_jobs):
    app.config["ARCHIVE_EXACT_LIMIT"] = 3
    model = embedder(app.config.get("EMBEDDING_MODEL"))
    queue = app.extensions["factcheck.jobs"]
    labels = [stored_vector(session, model.name, seed) for seed in range(30)]
    assert submit_due_archive(queue) == 1  # past the exact limit, no index saved
    run_jobs()
    assert index_results(session, "update_archive_index") == ["archive index of 30 vectors built"]
    assert submit_due_archive(queue) == 0
    # a web process's search after a delete: the saved file hidden from, not rebuilt
    web = ArchiveIndex(model.name, model.dim, exact_limit=3, saved=SavedIndexes(
        app.config["ARCHIVE_INDEX_DIR"], f"{session.get_bind().url} {model.name}"
    ))  # fmt: skip
    (saved,) = web.saved.saved()
    session.exec(delete(ArchiveVector).where(ArchiveVector.reference_id == labels[3] // 2))
    session.commit()
    newest = stored_vector(session, model.name, 99)
    query = np.frombuffer(
        session.exec(select(ArchiveVector.vector).where(ArchiveVector.id == 1)).one(),
        dtype=np.float16,
    ).astype(np.float32)
    found, _ = web.search(session, query, 31)
    assert labels[0] == found[0] and labels[3] not in found and newest in found
    assert web.builds == 0 and web.saved.saved() == [saved] and list(web.hidden) == [labels[3]]
    assert submit_due_archive(queue) == 1
    run_jobs()
    assert index_results(session, "update_archive_index")[1] == (
        "archive index of 30 vectors updated (+0 since the last)"
    )
    assert [stamp for stamp, _ in web.saved.saved()] == [archive_stamp(session, model.name)]
    assert submit_due_archive(queue) == 0
    assert web.search(session, query, 1)[0][0] == labels[0] and len(web.hidden) == 0


def test_archive_index_command_builds_then_finds_it_up_to_date(app, runner, session):
    app.config["ARCHIVE_EXACT_LIMIT"] = 3
    model = embedder(app.config.get("EMBEDDING_MODEL"))
    for seed in range(5):
        stored_vector(session, model.name, seed)
    first = runner.invoke(args=["archive-index"])
    assert first.exit_code == 0 and first.output == "archive index of 5 vectors built\n"
    again = runner.invoke(args=["archive-index"])
    assert again.output == "the archive index of 5 vectors is up to date\n"
    full = runner.invoke(args=["archive-index", "--full"])
    assert full.output == "archive index of 5 vectors built\n"


def test_archive_index_command_below_the_exact_limit_saves_nothing(app, runner, session):
    model = embedder(app.config.get("EMBEDDING_MODEL"))
    stored_vector(session, model.name, 1)
    small = runner.invoke(args=["archive-index"])
    assert small.output == "exact search of 1 vector: no index to save\n"
    assert not os.path.isdir(app.config["ARCHIVE_INDEX_DIR"])
