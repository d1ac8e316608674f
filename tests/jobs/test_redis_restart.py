"""The queue survives a restart of Redis itself: with Redis's append-only file the messages
come back by themselves; without persistence (the machine's own Redis keeps nothing on disk)
the job rows bring them back (``JobQueue.resend_lost``). A Redis server of the test's own, on
a free port, is stopped and started again; the machine's Redis is never touched."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time

import pytest
from sqlmodel import select

from factcheck import create_app
from factcheck.models import Job

REDIS_SERVER = shutil.which("redis-server")
pytestmark = pytest.mark.skipif(REDIS_SERVER is None, reason="no redis-server on this machine")


class OwnRedis:
    """redis-server on a free loopback port, its files in ``folder``."""

    def __init__(self, folder, appendonly: bool):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.folder, self.appendonly, self.process = folder, appendonly, None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        args = ["--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--dir"]
        args += [str(self.folder), "--appendonly", "yes" if self.appendonly else "no"]
        args += ["--appendfsync", "always"]
        self.process = subprocess.Popen([REDIS_SERVER, *args], stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise AssertionError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.mark.parametrize("appendonly", [True, False], ids=["appendonly", "no-persistence"])
def test_jobs_queued_before_a_redis_restart_still_run(app_config, session, tmp_path, appendonly):
    redis = OwnRedis(tmp_path, appendonly)
    redis.start()
    try:
        app_config.update(REDIS_URL=redis.url, JOBS_QUEUE_NAME="restart")
        app = create_app(app_config)
        queue = app.extensions["factcheck.jobs"]
        ids = [queue.submit(session, "ping", user=None).job.id for _ in range(3)]
        redis.stop()
        redis.start()
        restarted = create_app(app_config)  # the app and its workers restart too
        queue = restarted.extensions["factcheck.jobs"]
        resent = queue.resend_lost(older_than=0)
        assert resent == ([] if appendonly else ids)
        assert queue.run_pending() == 3
        session.expire_all()
        assert {j.state for j in session.exec(select(Job))} == {"done"}
        for made in (app, restarted):
            made.extensions["factcheck.engine"].dispose()
    finally:
        redis.stop()
