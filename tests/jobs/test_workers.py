"""Workers as real processes (``factcheck worker``): one killed with SIGKILL in the middle of
a job, two sharing a queue, and ``factcheck jobs ping``.

Each runs on the test's database (SQLite or PostgreSQL, as the suite) and on each queue
(the SQLite file, and Redis): CI runs the suite on both databases, so "two workers on Redis
and PostgreSQL" is one of the combinations.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from collections import Counter

import pytest
from sqlmodel import Session, select

from factcheck.models import Job, Snapshot, Source
from tests.jobs.conftest import ROOT, worker_env
from tests.test_faults import (  # noqa: F401,F811
    _complete_snapshots_only,
    _page,
    fast_and_slow_sources,
    slow_server,
)


def _job(engine, job_id: int) -> Job:
    with Session(engine) as session:
        return session.get(Job, job_id)


def _wait_until(check, process_logs, timeout: float = 60, what: str = "the job to end"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {what}; worker logs:\n{process_logs()}")


def test_a_worker_killed_mid_fetch_leaves_whole_snapshots_and_the_job_is_retried(
    queue_backend,
    app,
    session,
    factory,
    slow_server,  # noqa: F811
    workers,
):
    engine = app.extensions["factcheck.engine"]
    article, sources = fast_and_slow_sources(factory, slow_server)
    queue = app.extensions["factcheck.jobs"]
    job_id = queue.submit(session, "fetch_sources", user=factory.user(), article=article).job.id
    first = workers.start("--threads", "1")
    logs = lambda: "\n---\n".join(workers.log(p) for p in workers.processes)  # noqa: E731

    _wait_until(slow_server.arrived.is_set, logs, what="the worker to reach the slow source")
    time.sleep(0.2)
    assert _job(engine, job_id).state == "running" and first.poll() is None
    first.send_signal(signal.SIGKILL)
    assert first.wait(timeout=30) == -signal.SIGKILL

    session.expire_all()
    killed = _complete_snapshots_only(session, sources)  # fails on any partial snapshot
    assert killed["Slow"] == 0 and killed["Fast"] <= 1
    stalled = _job(engine, job_id)
    assert (stalled.state, stalled.attempts) == ("running", 1)  # as the dead worker left it

    slow_server.release.set()  # the slow source now answers at once
    workers.start("--threads", "1")  # notices the silent worker and hands its job on
    done = _wait_until(
        lambda: (job := _job(engine, job_id)).state in ("done", "failed") and job, logs
    )
    assert (done.state, done.attempts) == ("done", 2), done.result
    assert done.result.startswith("fetched 2 of 2 sources")
    session.expire_all()
    assert _complete_snapshots_only(session, sources) == {"Fast": 1, "Slow": 1}


@pytest.fixture
def counting_server():
    """A threaded loopback server answering /page/N after a short pause, counting requests."""
    from pytest_httpserver import HTTPServer
    from werkzeug import Response

    server = HTTPServer(host="127.0.0.1", threaded=True)
    counts, lock = Counter(), threading.Lock()

    def page(request):
        with lock:
            counts[request.path] += 1
        time.sleep(0.05)
        # a short page: what is tested is who runs each job, not how long embedding takes (60
        # paragraphs a page made 1,440 passages to embed, over two minutes on a loaded machine)
        page = _page(request.path, paragraphs=6)
        return Response(page, content_type="text/html; charset=utf-8")

    for n in range(100):
        server.expect_request(f"/page/{n}").respond_with_handler(page)
    server.start()
    server.counts = counts
    yield server
    server.clear()
    if server.is_running():
        server.stop()


def test_two_workers_on_one_queue_run_each_job_once(
    queue_backend, app, session, factory, counting_server, workers
):
    engine = app.extensions["factcheck.engine"]
    queue = app.extensions["factcheck.jobs"]
    checker = factory.user()
    started = [workers.start("--threads", "2") for _ in range(2)]
    articles = []
    for n in range(24):
        article = factory.article(f"Article {n}")
        factory._save(
            Source(
                article_id=article.id, title=f"Page {n}", url=counting_server.url_for(f"/page/{n}")
            )
        )
        articles.append(article)
    job_ids = [
        queue.submit(session, "fetch_sources", user=checker, article=a).job.id for a in articles
    ]
    for job_id in job_ids[::2]:
        queue.send(job_id)  # a second message for half of them: still one run each

    logs = lambda: "\n---\n".join(workers.log(p) for p in started)  # noqa: E731
    _wait_until(
        lambda: all(_job(engine, i).state in ("done", "failed") for i in job_ids),
        logs,
        timeout=120,
        what="every job to end",
    )
    jobs = [_job(engine, i) for i in job_ids]
    assert {(j.state, j.attempts) for j in jobs} == {("done", 1)}, logs()
    assert sorted(counting_server.counts.values()) == [1] * 24  # each page fetched once
    with Session(engine) as check:
        assert len(check.exec(select(Snapshot)).all()) == 24
    pids = {j.worker.split(":")[1] for j in jobs}
    assert pids == {str(p.pid) for p in started}, "both workers took jobs"


def test_jobs_ping_says_whether_a_worker_answers(queue_backend, app, workers):
    env = worker_env(app)
    command = [sys.executable, "-m", "flask", "--app", "factcheck", "jobs", "ping"]
    alone = subprocess.run(
        [*command, "--timeout", "0.5"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert alone.returncode == 1
    assert "no worker answered within 0.5 seconds" in alone.stderr
    worker = workers.start("--threads", "1")
    answered = subprocess.run(
        command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=90
    )
    assert answered.returncode == 0, answered.stderr + workers.log(worker)
    assert "answered by" in answered.stdout and f":{worker.pid}:" in answered.stdout
    # the first ping, left waiting, was answered too once a worker came
    with Session(app.extensions["factcheck.engine"]) as session:
        assert {j.state for j in session.exec(select(Job))} == {"done"}


def test_a_worker_stops_gracefully_on_sigterm(queue_backend, app, workers):
    worker = workers.start("--threads", "1")
    _wait_until(
        lambda: "worker ready" in workers.log(worker),
        lambda: workers.log(worker),
        what="the worker to start",
    )
    assert f"worker: 1 thread on the {queue_backend} queue" in workers.log(worker)
    worker.send_signal(signal.SIGTERM)
    assert worker.wait(timeout=30) == 0, workers.log(worker)
    assert "Shutting down gracefully" in workers.log(worker)


def test_serve_runs_the_jobs_itself(queue_backend, app, session):
    """The README's one command does everything: `factcheck serve` has a worker inside."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "factcheck", "serve", "--port", str(port)],
        env=worker_env(app),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        queue = app.extensions["factcheck.jobs"]
        job_id = queue.submit(session, "ping", user=None).job.id
        engine = app.extensions["factcheck.engine"]
        done = _wait_until(
            lambda: (job := _job(engine, job_id)).state == "done" and job,
            lambda: "(see the server's output below)",
        )
        assert f":{server.pid}:" in done.worker
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert f"background jobs run here, on the {queue_backend} queue" in output
