"""Background jobs: throughput of the queue and latency of the request that queues a fetch.

    python bench/bench_jobs.py [--pings 300] [--articles 12] [--latency 0.05] [--repeat 3]
                               [--queues sqlite,redis] [--database-url URL]

- Throughput, per queue (SQLite file, Redis) with 1 and 2 worker processes (``factcheck
  worker --threads 1``): jobs per second for ``ping`` (a job that does nothing: the queue's
  own cost; queued first, the workers started after, timed from their start to the last
  job's end) and for real work (given to warm workers as it is submitted): ``--articles``
  articles of 6 sources each served by a local HTTP server that answers after ``--latency``
  seconds, fetched (one job per article: 6 fetches, 6 snapshots, their passages embedded)
  and then matched (one job per article: the seed article's claims against the 6 pages'
  passages, by meaning and anchors). Ratios are against the SQLite queue with 1 worker.
- Latency: the web request behind "Fetch all" (a real HTTP server, a logged-in checker)
  while 2 workers fetch pages that take 1 s each; its median over 20 requests, against the
  baseline of the same fetch done inside the request (as before the queue): one article's 6
  sources fetched in line.

The database is a fresh SQLite file (or ``--database-url``, a PostgreSQL database that the
script empties first). Redis is the machine's (database 5, a queue name of the run's own,
its keys deleted at the end).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, text  # noqa: E402
from sqlmodel import Session, SQLModel, select  # noqa: E402

from factcheck import create_app  # noqa: E402
from factcheck.models import Job, User  # noqa: E402
from tests.jobs.conftest import worker_env  # noqa: E402

SEED = ROOT / "tests" / "data" / "extract" / "seed-kazakhstan-abraham-accords.id.txt"
REDIS_URL = os.environ.get("FACTCHECK_BENCH_REDIS_URL", "redis://127.0.0.1:6379/5")


# --- the pages ----------------------------------------------------------------------------
class Pages:
    """A threaded loopback server: /a<N>/s<K> is source K of article N, answered after a
    pause; the pages share the seed article's sentences, so matching finds passages."""

    def __init__(self, latency: float):
        from pytest_httpserver import HTTPServer
        from werkzeug import Response

        sentences = [s.strip() + "." for s in SEED.read_text().split(".") if len(s.strip()) > 30]
        self.latency = latency
        self.server = HTTPServer(host="127.0.0.1", threaded=True)

        def page(request):
            time.sleep(self.latency)
            k = int(request.path.rsplit("s", 1)[1])
            body = "".join(f"<p>{s}</p>" for s in sentences[k::6]) + f"<p>{request.path}</p>"
            return Response(
                f"<html><body><article>{body}</article></body></html>",
                content_type="text/html; charset=utf-8",
            )

        from re import compile as pattern

        self.server.expect_request(pattern(r"/a\d+/s\d")).respond_with_handler(page)
        self.server.start()

    def url(self, article: int, source: int) -> str:
        return self.server.url_for(f"/a{article}/s{source}")


# --- setting up ---------------------------------------------------------------------------
def make_app(database_url: str, instance: Path, queue: str, name: str):
    config = {
        "TESTING": True,
        "WTF_CSRF_ENABLED": False,
        "SECRET_KEY": "bench",
        "DATABASE_URL": database_url,
        "INSTANCE_PATH": str(instance),
        "DEMO_CLAIMS_DIR": str(instance / "none"),
        "FETCH_ALLOW_PRIVATE": True,
        "FETCH_RETRIES": 0,
        "JOBS_QUEUE": queue,
        "JOBS_QUEUE_NAME": name,
        "REDIS_URL": REDIS_URL if queue == "redis" else None,
    }
    return create_app(config)


def empty(app) -> None:
    engine = app.extensions["factcheck.engine"]
    names = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(SQLModel.metadata.sorted_tables):
                connection.execute(table.delete())


def checker(app) -> User:
    from werkzeug.security import generate_password_hash

    with Session(app.extensions["factcheck.engine"], expire_on_commit=False) as session:
        user = session.exec(select(User).where(User.name == "bench")).first()
        if user is None:
            user = User(
                name="bench",
                role="checker",
                password_hash=generate_password_hash("bench-pw", "pbkdf2:sha256:1000"),
            )
            session.add(user)
            session.commit()
        return user


def articles(app, pages: Pages, count: int, first: int) -> list:
    """``count`` copies of the seed article (claims extracted), each with its 6 cited sources
    given addresses on the local server."""
    from factcheck.articles import ingest
    from factcheck.sources.cited import article_sources

    seed = SEED.read_text()
    made = []
    with Session(app.extensions["factcheck.engine"], expire_on_commit=False) as session:
        for n in range(first, first + count):
            parsed = ingest.parse_document(
                f"Salinan {n}.\n{seed}", f"copy-{n}.txt", title=f"Salinan {n}", language="id"
            )
            article, _ = ingest.ingest(session, parsed)
            sources = article_sources(session, article)
            assert len(sources) == 6, len(sources)
            for k, source in enumerate(sources):
                source.url = pages.url(n, k)
                session.add(source)
            session.commit()
            made.append(article)
    return made


WORKER = [sys.executable, "-m", "flask", "--app", "factcheck", "worker", "--threads", "1"]


def start_workers(app, count: int) -> list[subprocess.Popen]:
    """``count`` worker processes, returned once every one of them has started its consumer."""
    path = Path(app.instance_path) / f"workers-{time.monotonic_ns()}.log"
    env = worker_env(  # the tests' worker environment, with the production heartbeat
        app,
        JOBS_QUEUE=app.config["JOBS_QUEUE"],
        JOB_HEARTBEAT_SECONDS=5,
        JOB_STALE_SECONDS=60,
    )
    with open(path, "w") as log:
        procs = [
            subprocess.Popen([*WORKER, "--no-watch"], env=env, cwd=ROOT, stdout=log, stderr=log)
            for _ in range(count)
        ]
    try:
        deadline = time.monotonic() + 60
        while path.read_text().count("worker ready") < count:
            if time.monotonic() > deadline:
                raise SystemExit(f"the workers did not start:\n{path.read_text()}")
            time.sleep(0.05)
    except BaseException:
        stop_workers(procs)
        raise
    return procs


def stop_workers(procs) -> None:
    for proc in procs:
        proc.terminate()
    for proc in procs:
        try:
            proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def submit(app, kind: str, targets: list, user=None) -> list[int]:
    queue = app.extensions["factcheck.jobs"]
    with Session(app.extensions["factcheck.engine"], expire_on_commit=False) as session:
        return [queue.submit(session, kind, user=user, article=t).job.id for t in targets]


def wait_for(app, ids: list[int], what: str = "jobs", timeout: float = 900) -> None:
    deadline = time.monotonic() + timeout
    with Session(app.extensions["factcheck.engine"]) as session:
        while time.monotonic() < deadline:
            open_ = session.exec(
                select(func.count())
                .select_from(Job)
                .where(Job.id.in_(ids), Job.state.in_(["queued", "running"]))
            ).one()
            session.commit()
            if open_ == 0:
                failed = session.exec(
                    select(Job.result).where(Job.id.in_(ids), Job.state == "failed")
                ).all()
                if failed:
                    raise SystemExit(f"{len(failed)} jobs failed, e.g. {failed[0]}")
                return
            time.sleep(0.02)
    raise SystemExit(f"timed out waiting for {what}")


def drained(app, kind: str, targets: list, workers: int, user=None) -> float:
    """Jobs per second of a queue filled first: ``workers`` start once the jobs are queued;
    from the moment all have started to the last job's end."""
    ids = submit(app, kind, targets, user)
    procs = start_workers(app, workers)
    started = time.perf_counter()
    try:
        wait_for(app, ids)
        return len(ids) / (time.perf_counter() - started)
    finally:
        stop_workers(procs)


def timed(app, kind: str, targets: list, user=None) -> float:
    """Jobs per second with the workers already running: from the first submission to the
    last job's end."""
    started = time.perf_counter()
    wait_for(app, submit(app, kind, targets, user))
    return len(targets) / (time.perf_counter() - started)


# --- the two measurements -----------------------------------------------------------------
def throughput(app, pages, workers: int, pings: int, count: int, first: int, repeat: int) -> dict:
    """No-op jobs drained from a full queue; fetch and match jobs given to warm workers (each
    has fetched and matched an article before: the matcher's word lists are loaded once per
    process, which a long-running worker pays once). The median of ``repeat`` rounds."""
    user = checker(app)
    noop = statistics.median(drained(app, "ping", [None] * pings, workers) for _ in range(repeat))
    warm = articles(app, pages, 2 * workers, first)
    procs = start_workers(app, workers)
    fetch, match = [], []
    try:
        timed(app, "fetch_sources", warm, user)
        timed(app, "match_article", warm, user)
        for round_ in range(repeat):
            made = articles(app, pages, count, first + 10 + round_ * count)
            fetch.append(timed(app, "fetch_sources", made, user))
            match.append(timed(app, "match_article", made, user))
    finally:
        stop_workers(procs)
    fetch, match = statistics.median(fetch), statistics.median(match)
    return {"noop": noop, "fetch": fetch, "match": match, "both": 1 / (1 / fetch + 1 / match)}


def latency(app, pages, first: int, requests_: int = 20) -> tuple[float, float]:
    """(median seconds of the POST that queues a fetch, seconds of the same fetch in line)."""
    import requests
    from werkzeug.serving import make_server

    from factcheck.sources.fetch import FetchSettings
    from factcheck.sources.snapshots import fetch_article_sources

    checker(app)
    made = articles(app, pages, requests_ + 1, first)
    pages.latency = 1.0
    with Session(app.extensions["factcheck.engine"], expire_on_commit=False) as session:
        started = time.perf_counter()
        fetch_article_sources(session, made[-1], FetchSettings.from_config(app.config))
        inline = time.perf_counter() - started
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    procs = start_workers(app, 2)
    try:
        web = requests.Session()
        web.post(f"{base}/login", data={"name": "bench", "password": "bench-pw"})
        times = []
        for article in made[:-1]:
            started = time.perf_counter()
            answer = web.post(f"{base}/review/articles/{article.slug}/fetch", allow_redirects=False)
            times.append(time.perf_counter() - started)
            assert answer.status_code == 302, answer.text[:300]
            time.sleep(0.2)  # requests arrive while earlier fetches run
    finally:
        stop_workers(procs)
        server.shutdown()
        pages.latency = 0.05
    return statistics.median(times), inline


def main() -> None:
    import logging

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # the page server's request log
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pings", type=int, default=300)
    parser.add_argument("--articles", type=int, default=12)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--queues", default="sqlite,redis")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; their median is shown")
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    print("command: python bench/bench_jobs.py " + " ".join(sys.argv[1:]))
    print(
        f"cores: {os.cpu_count()} (load average {os.getloadavg()[0]:.1f} at the start: the "
        f"machine is shared); database: {args.database_url or 'SQLite file'}; "
        f"page latency {args.latency * 1000:.0f} ms; median of {args.repeat} rounds"
    )
    pages = Pages(args.latency)
    rows, first = {}, 0
    with tempfile.TemporaryDirectory() as tmp:
        for queue in args.queues.split(","):
            name = f"bench_{uuid.uuid4().hex[:8]}"
            instance = Path(tmp) / queue
            url = args.database_url or f"sqlite:///{instance / 'bench.sqlite3'}"
            instance.mkdir()
            app = make_app(url, instance, queue, name)
            empty(app)
            try:
                for workers in (1, 2):
                    rows[(queue, workers)] = throughput(
                        app, pages, workers, args.pings, args.articles, first, args.repeat
                    )
                    first += 20 + args.articles * args.repeat
                    print(f"  {queue} x{workers}: done", file=sys.stderr)
                median, inline = latency(app, pages, first)
                first += 200
                rows[(queue, "latency")] = (median, inline)
            finally:
                if queue == "redis":
                    import redis

                    client = redis.Redis.from_url(REDIS_URL)
                    for key in client.scan_iter(match=f"huey.*.{name}*"):
                        client.delete(key)
                app.extensions["factcheck.engine"].dispose()
    report(rows, args)


def report(rows: dict, args) -> None:
    base = rows[("sqlite", 1)] if ("sqlite", 1) in rows else next(iter(rows.values()))
    print("\njobs per second (ratio to the SQLite queue with 1 worker)")
    print(
        f"{'queue':<8}{'workers':>8}{'no-op':>16}{'fetch+embed (6)':>20}"
        f"{'match':>16}{'fetch+match':>16}"
    )
    for (queue, workers), found in rows.items():
        if workers == "latency":
            continue
        cells = "".join(
            f"{found[k]:>9.1f} ({found[k] / base[k]:.2f}x)".rjust(w)
            for k, w in (("noop", 16), ("fetch", 20), ("match", 16), ("both", 16))
        )
        print(f"{queue:<8}{workers:>8}{cells}")
    print("\nthe request that queues a fetch (6 pages of 1 s each), 2 workers busy")
    for (queue, kind), found in rows.items():
        if kind == "latency":
            median, inline = found
            print(
                f"{queue:<8} median {median * 1000:7.1f} ms   vs fetching in the request "
                f"{inline * 1000:7.0f} ms   ({inline / median:.0f}x faster answer)"
            )


if __name__ == "__main__":
    main()
