"""Stamp reads outside any transaction (db.read_outside_transaction): a change committed
anywhere is seen by the next read in every thread; on PostgreSQL each thread's own libpq
connection (factcheck.pgreads) survives the server ending it, is closed by dispose, and
takes only the parameter types it can send as text."""

from __future__ import annotations

import gc
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, text
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import select

from factcheck import db, pgreads
from factcheck.models import Claim, ClaimStatus
from factcheck.publishing.verdicts import article_stamp, index_stamp
from tests.conftest import ON_POSTGRES
from tests.web.test_public import publish

on_postgres = pytest.mark.skipif(not ON_POSTGRES, reason="PostgreSQL's own connections")
BACKEND_PID = select(func.pg_backend_pid())
PREPARED_ON_THIS_CONNECTION = select(func.count()).select_from(text("pg_prepared_statements"))


@pytest.fixture
def engine(app):
    return app.extensions["factcheck.engine"]


@pytest.fixture
def article(factory):
    article = factory.article("Turnout", language="en")
    factory.claim(article, "Turnout was 71 percent.", key="c1", position=1)
    return article


def stamp_of(engine, slug):
    return db.read_outside_transaction(engine, lambda reader: article_stamp(reader, slug))


def test_a_commit_is_seen_by_the_next_stamp_read_of_every_thread(engine, session, factory, article):
    threads = 4
    with ThreadPoolExecutor(threads) as pool:
        # every thread reads once first, so each keeps (and then reuses) its connection
        before = set(pool.map(lambda _: stamp_of(engine, article.slug), range(threads * 4)))
        assert len(before) == 1
        publish(
            session,
            session.exec(select(Claim).where(Claim.article_id == article.id)).one(),
            checker=factory.user("checker1", "checker"),
            editor=factory.user("editor1", "editor"),
        )
        after = set(pool.map(lambda _: stamp_of(engine, article.slug), range(threads * 4)))
    assert len(after) == 1 and after != before


def test_an_unknown_article_has_no_stamp_and_the_index_one_row(engine, article):
    assert stamp_of(engine, "no-such-article") is None
    stamp = db.read_outside_transaction(engine, index_stamp)
    assert len(stamp) == 4  # count, sum(id), sum(version), max(updated_at) of published claims


@on_postgres
def test_each_thread_reads_on_its_own_connection_and_keeps_it(engine):
    # the pool reuses an idle thread: without the barrier one thread may run all three tasks
    # on a busy machine (seen at load 15), and the test would not be about three threads
    together = threading.Barrier(3, timeout=30)

    def pids(_):
        together.wait()
        return [db.read_outside_transaction(engine, backend_pid) for _ in range(3)]

    with ThreadPoolExecutor(3) as pool:
        per_thread = list(pool.map(pids, range(3)))
    assert all(len(set(reads)) == 1 for reads in per_thread)  # kept between reads
    assert len({reads[0] for reads in per_thread}) == 3  # one per thread


@on_postgres
def test_a_connection_the_server_ended_is_replaced_without_an_error(engine, session, article):
    first = stamp_of(engine, article.slug)
    pid = db.read_outside_transaction(engine, backend_pid)
    session.execute(text("SELECT pg_terminate_backend(:pid)").bindparams(pid=int(pid)))
    session.commit()
    assert stamp_of(engine, article.slug) == first  # one more try, on a new connection
    assert db.read_outside_transaction(engine, backend_pid) != pid


@on_postgres
def test_an_idle_connection_is_replaced_after_the_recycle_time(engine):
    connections = pgreads.ThreadConnections(engine, recycle_seconds=0)
    try:
        first = connections.read(backend_pid)
        assert connections.read(backend_pid) != first
        assert len(connections.open) == 1  # the replaced one was closed
    finally:
        connections.close_all()


@on_postgres
def test_dispose_closes_every_threads_connection(engine, session, article):
    slug = article.slug
    # the readers stay alive across dispose (a thread that ends closes its own connection,
    # the test below): dispose must close the connections of threads still running
    with ThreadPoolExecutor(3) as pool:
        list(pool.map(lambda _: stamp_of(engine, slug), range(9)))
        assert hot_connections(session, engine) >= 1
        session.close()  # its pooled connection goes with the pool
        engine.dispose()
        assert gone(lambda: hot_connections(session, engine) == 0)  # a backend ends soon after
    assert stamp_of(engine, slug) is not None  # and the next read opens one again


@on_postgres
def test_a_thread_that_ended_takes_its_connection_with_it(engine, session, article):
    # factcheck serve runs each request in a new thread: connections must not pile up
    slug = article.slug
    for _ in range(12):
        reader = threading.Thread(target=stamp_of, args=(engine, slug))
        reader.start()
        reader.join()
    gc.collect()
    assert gone(lambda: hot_connections(session, engine) <= 1)
    assert stamp_of(engine, slug) is not None


@on_postgres
def test_a_database_that_cannot_be_reached_is_a_database_error(engine):
    unreachable = db.make_engine(engine.url.set(port=1).render_as_string(hide_password=False))
    try:
        with pytest.raises(SQLAlchemyError):  # FreshPages leaves such a request to Flask
            stamp_of(unreachable, "any")
    finally:
        unreachable.dispose()


@pytest.mark.parametrize(
    ("value", "sent"),
    [
        ("a-slug", b"a-slug"),
        ("Jakarta–Bandung", "Jakarta–Bandung".encode()),
        (ClaimStatus.PUBLISHED, b"published"),
        (True, b"true"),
        (False, b"false"),
        (42, b"42"),
        (None, None),
    ],
)
def test_parameters_are_sent_as_postgresql_text(value, sent):
    assert pgreads._text(value) == sent


def test_a_parameter_of_another_type_is_refused_by_name():
    with pytest.raises(TypeError, match="float"):
        pgreads._text(1.5)


def gone(condition, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def backend_pid(reader) -> str:
    return reader.execute(BACKEND_PID).one()[0]


def hot_connections(session, engine) -> int:
    """The stamp connections open on the test's database (a fresh view: the statistics a
    transaction reads are a snapshot)."""
    session.rollback()
    return session.execute(
        text(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = :name "
            "AND datname = :database"
        ).bindparams(name=pgreads.APPLICATION_NAME, database=engine.url.database)
    ).one()[0]


@on_postgres
def test_a_statement_built_per_call_is_prepared_once_on_the_server(engine, article):
    def fresh_stamp(reader):  # the same SQL, a new statement object each time
        return reader.execute(select(func.count(Claim.id)).where(Claim.article_id == 1)).one()

    connections = pgreads.ThreadConnections(engine, recycle_seconds=300)
    try:
        for _ in range(5):
            assert connections.read(fresh_stamp) == ("1",)
        prepared = connections.read(
            lambda reader: reader.execute(PREPARED_ON_THIS_CONNECTION).one()[0]
        )
        assert prepared == "2"  # the stamp's and this count's
    finally:
        connections.close_all()
