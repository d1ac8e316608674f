"""Crash safety: a command killed half-way (SIGKILL, no clean-up code runs) leaves the
database exactly as it was, and running the command again succeeds.

The commands run as real subprocesses (``python -m flask --app factcheck ...``) on the test's
database, SQLite or PostgreSQL. They are killed only once they are provably inside their write
transaction: SQLite refuses a second writer, PostgreSQL shows a transaction id for the backend.
"""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, text
from sqlmodel import Session, SQLModel, create_engine, select

from factcheck import db
from factcheck.articles.ingest import content_hash
from factcheck.claimfiles.dump import dump_article
from factcheck.models import Article, Claim, ReviewEvent, Snapshot, Source

BIG_CLAIMS = 3000  # enough for a write phase of a second or more on either database
ROOT = Path(__file__).resolve().parent.parent


# --- running and killing the CLI ----------------------------------------------------------
def _cli_env(app) -> dict[str, str]:
    """The environment of a CLI run on the test app's database and instance folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env.update(
        DATABASE_URL=app.config["DATABASE_URL"],
        FACTCHECK_INSTANCE=app.instance_path,
        FACTCHECK_AUTO_MIGRATE="0",
        FACTCHECK_FETCH_ALLOW_PRIVATE="1",
        SECRET_KEY="test-secret",
    )
    return env


def _start(app, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "factcheck", *args],
        env=_cli_env(app),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _run(app, *args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "flask", "--app", "factcheck", *args],
        env=_cli_env(app),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _writer_active(url: str) -> bool:
    """Whether another connection holds an open write transaction on the database at ``url``."""
    path = db.sqlite_path(url)
    if path is not None:
        # WAL mode allows one writer: if we cannot start a write, someone else is writing.
        probe = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError:
            return True
        finally:
            probe.close()
    engine = db.make_engine(url)
    try:
        with engine.connect() as connection:
            # backend_xid is set once a transaction has written something.
            return bool(
                connection.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                        "AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL"
                    )
                ).scalar()
            )
    finally:
        engine.dispose()


def _kill_while(process: subprocess.Popen, ready, *, settle: float, timeout: float = 120) -> None:
    """SIGKILL ``process`` ``settle`` seconds after ``ready()`` first holds.

    Fails the test when the process ends before it could be killed: then nothing was shown.
    """
    try:
        deadline = time.monotonic() + timeout
        while not ready():
            if process.poll() is not None:
                pytest.fail(f"the command ended before it was killed:\n{process.stdout.read()}")
            if time.monotonic() > deadline:
                pytest.fail("the command never reached the point where it was to be killed")
            time.sleep(0.02)
        time.sleep(settle)
        if process.poll() is not None:
            pytest.fail(f"the command finished before it was killed:\n{process.stdout.read()}")
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()


def _rows_per_table(engine) -> dict[str, int]:
    with Session(engine) as session:
        return {
            table.name: session.execute(select(func.count()).select_from(table)).scalar()
            for table in SQLModel.metadata.sorted_tables
        }


# --- a killed import ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def big_claim_file(tmp_path_factory) -> Path:
    """A claim file of one synthetic article with BIG_CLAIMS claims, each with history."""
    engine = create_engine("sqlite://")
    SQLModel.metadata.create_all(engine)
    with Session(engine) as session:
        body = "A synthetic article for crash tests. " * 20
        article = Article(
            slug="big-synthetic",
            title="Big synthetic article",
            text=body,
            content_hash=content_hash(body),
        )
        session.add(article)
        session.flush()
        claims = [
            Claim(
                article_id=article.id,
                key=f"c{n}",
                position=n,
                text=f"Claim {n} says that {n} people were counted.",
                sentence=f"Claim {n} says that {n} people were counted in town {n}.",
            )
            for n in range(1, BIG_CLAIMS + 1)
        ]
        session.add_all(claims)
        session.flush()
        session.add_all(
            ReviewEvent(  # a creation record: unreviewed claims import without --trust
                claim_id=c.id,
                action="create",
                to_value="extracted",
                actor="system",
            )
            for c in claims
        )
        session.commit()
        content = dump_article(session, article)
    engine.dispose()
    path = tmp_path_factory.mktemp("faults") / "big-synthetic.yaml"
    path.write_text(content, encoding="utf-8")
    return path


def test_killed_import_leaves_database_as_before_and_next_import_succeeds(
    app, session, factory, big_claim_file
):
    existing = factory.claim(factory.article("Already here"), "Jakarta has 11 million people.")
    article = session.get(Article, existing.article_id)
    before_rows = _rows_per_table(app.extensions["factcheck.engine"])
    before_dump = dump_article(session, article)
    url = app.config["DATABASE_URL"]

    process = _start(app, "import", str(big_claim_file))
    _kill_while(process, lambda: _writer_active(url), settle=0.3)

    assert _rows_per_table(app.extensions["factcheck.engine"]) == before_rows
    session.expire_all()
    assert dump_article(session, session.get(Article, article.id)) == before_dump

    again = _run(app, "import", str(big_claim_file))
    assert again.returncode == 0, again.stdout + again.stderr
    assert f"{BIG_CLAIMS} claims" in again.stdout
    imported = session.exec(select(Article).where(Article.slug == "big-synthetic")).one()
    count = session.exec(
        select(func.count()).select_from(Claim).where(Claim.article_id == imported.id)
    ).one()
    assert count == BIG_CLAIMS


# --- a killed fetch -----------------------------------------------------------------------
def _page(name: str, paragraphs: int = 60) -> str:
    paragraphs = "".join(
        f"<p>{name} paragraph {n}: the harbour moved {n * 17} tonnes of cargo in {1990 + n}.</p>"
        for n in range(paragraphs)
    )
    return (
        f"<!doctype html><html><head><title>{name}</title></head><body><article>"
        f"<h1>{name}</h1>{paragraphs}<p>End of {name} report.</p></article></body></html>"
    )


@pytest.fixture
def slow_server():
    """A threaded loopback server: /fast answers at once; /slow answers only when released
    (``arrived`` is set while it is holding a request)."""
    from pytest_httpserver import HTTPServer
    from werkzeug import Response

    server = HTTPServer(host="127.0.0.1", threaded=True)
    arrived, release = threading.Event(), threading.Event()

    def slow(_request):
        arrived.set()
        release.wait(timeout=60)
        return Response(_page("Slow"), content_type="text/html; charset=utf-8")

    server.expect_request("/fast").respond_with_data(
        _page("Fast"), content_type="text/html; charset=utf-8"
    )
    server.expect_request("/slow").respond_with_handler(slow)
    server.start()
    server.arrived, server.release = arrived, release
    yield server
    release.set()  # let a request held for a killed client finish
    server.clear()
    if server.is_running():
        server.stop()


def fast_and_slow_sources(factory, server) -> tuple[Article, dict[str, Source]]:
    """An article citing the slow server's /fast and /slow pages, its sources by name."""
    article = factory.article("Harbour cargo")
    sources = {
        name: factory._save(
            Source(
                article_id=article.id,
                position=n,
                title=name,
                url=server.url_for(f"/{name.lower()}"),
            )
        )
        for n, name in enumerate(["Fast", "Slow"], start=1)
    }
    return article, sources


def _complete_snapshots_only(session: Session, sources: dict[str, Source]) -> dict[str, int]:
    """Snapshots per source name, failing on any snapshot that is not a whole page."""
    found = {}
    for name, source in sources.items():
        snapshots = session.exec(select(Snapshot).where(Snapshot.source_id == source.id)).all()
        for snapshot in snapshots:
            # The hash is of the body received: equal only when the whole page was read.
            assert snapshot.sha256 == hashlib.sha256(_page(name).encode()).hexdigest()
            assert f"End of {name} report." in snapshot.text, "a truncated snapshot was stored"
        found[name] = len(snapshots)
    return found


def test_killed_fetch_keeps_only_complete_snapshots_and_next_fetch_succeeds(
    app, session, factory, slow_server
):
    article, sources = fast_and_slow_sources(factory, slow_server)
    before_rows = _rows_per_table(app.extensions["factcheck.engine"])

    process = _start(app, "fetch", article.slug)
    _kill_while(process, slow_server.arrived.is_set, settle=0.2)

    session.expire_all()
    after = _complete_snapshots_only(session, sources)
    assert after["Slow"] == 0
    rows = _rows_per_table(app.extensions["factcheck.engine"])
    # At most the fast source's snapshot was added, with its two audit records (the fetch and
    # the new copy); nothing else changed in number.
    assert rows["snapshot"] - before_rows["snapshot"] == after["Fast"] <= 1
    assert rows["auditevent"] - before_rows["auditevent"] == 2 * after["Fast"]
    grown = ("snapshot", "auditevent")
    assert {k: v for k, v in rows.items() if k not in grown} == {
        k: v for k, v in before_rows.items() if k not in grown
    }
    assert session.get(Source, sources["Slow"].id).fetch_status != "ok"

    slow_server.release.set()  # the slow source now answers at once
    again = _run(app, "fetch", article.slug)
    assert again.returncode == 0, again.stdout + again.stderr
    session.expire_all()
    assert _complete_snapshots_only(session, sources)["Slow"] == 1
    assert all(session.get(Source, s.id).fetch_status == "ok" for s in sources.values())
