"""Fixtures for the job queue: each test's own queue, on SQLite (the test's instance folder)
or on the machine's Redis (database 5, keys named for the test, deleted afterwards; never
FLUSHALL), and workers run as real processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("FACTCHECK_TEST_REDIS_URL", "redis://127.0.0.1:6379/5")


@pytest.fixture
def redis_url():
    """The test Redis; skipped (and said so) where none runs, a failure in CI, which starts
    one (.ci/run)."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.ConnectionError as error:
        if os.environ.get("CI"):
            pytest.fail(f"no Redis at {REDIS_URL}: {error}")
        pytest.skip(f"no Redis at {REDIS_URL} (.ci/run starts one)")
    yield REDIS_URL
    client.close()


def _delete_queue_keys(url: str, name: str) -> None:
    import redis

    client = redis.Redis.from_url(url)
    for key in client.scan_iter(match=f"huey.*.{name}*"):
        client.delete(key)
    client.close()


@pytest.fixture(params=["sqlite", "redis"])
def queue_backend(request, app_config) -> str:
    """Runs the test once on each queue: its own queue name, so nothing is shared."""
    name = f"fc_test_{uuid.uuid4().hex[:10]}"
    app_config["JOBS_QUEUE_NAME"] = name
    app_config["JOB_RETRY_SECONDS"] = 0
    if request.param == "redis":
        url = request.getfixturevalue("redis_url")
        app_config["REDIS_URL"] = url
        request.addfinalizer(lambda: _delete_queue_keys(url, name))
    return request.param


def worker_env(app, **settings) -> dict[str, str]:
    """The environment of a worker process on the test app's database, instance folder and
    queue (a short heartbeat, no wait before retries); ``settings`` become FACTCHECK_<NAME>
    variables."""
    from tests.test_faults import _cli_env

    env = _cli_env(app)
    env.pop("REDIS_URL", None)
    env.update(
        FACTCHECK_JOBS_QUEUE_NAME=app.config["JOBS_QUEUE_NAME"],
        FACTCHECK_JOB_RETRY_SECONDS="0",
        FACTCHECK_JOB_HEARTBEAT_SECONDS="0.3",
        FACTCHECK_JOB_STALE_SECONDS="2",
    )
    if app.config.get("REDIS_URL"):
        env["REDIS_URL"] = app.config["REDIS_URL"]
    env.update({f"FACTCHECK_{k}": str(v) for k, v in settings.items()})
    return env


class Workers:
    """Worker processes (``factcheck worker``) started by a test, stopped at its end."""

    def __init__(self, app):
        self.app, self.processes = app, []

    def start(self, *args: str, **settings) -> subprocess.Popen:
        """Start ``factcheck worker ARGS``; its log goes to a file (``log(process)``)."""
        path = Path(self.app.instance_path) / f"worker-{len(self.processes) + 1}.log"
        with open(path, "w") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "flask", "--app", "factcheck", "worker", *args],
                env=worker_env(self.app, **settings),
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        process.log_path = path
        self.processes.append(process)
        return process

    @staticmethod
    def log(process) -> str:
        return process.log_path.read_text(errors="replace")

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
def workers(app):
    started = Workers(app)
    yield started
    started.stop_all()
