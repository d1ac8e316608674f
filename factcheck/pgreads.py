"""Small hot reads on PostgreSQL run by libpq itself, one round trip and almost no Python.

A reader's verdict page without the micro-cache costs one stamp query (see
web/public/pagecache.py). Through psycopg's cursor, SQLAlchemy's pool and the switch to
autocommit and back, that query cost about 0.4 ms of the worker's CPU, five times what the
bare Flask page costs; ``PQexecPrepared`` on a connection kept in autocommit costs 0.04 ms.

So each thread that reads stamps keeps one libpq connection of its own (``psycopg.pq.PGconn``,
no pool, never inside a transaction: every query sees everything committed before it was
sent), prepares each statement once on it, and sends only its parameters afterwards. libpq
releases the GIL while it waits for the server. Values come back as PostgreSQL's text (str or
None): compare them only with values read the same way.

A connection that failed is dropped and, if it had served before (the server restarted, a
firewall dropped it), replaced at once for one more try; one idle longer than
``db.POOL_RECYCLE_SECONDS`` is replaced before use. ``engine.dispose()`` closes them all; a
forked child never closes (nor uses) its parent's. A thread that ends takes its connection
with it.
"""

from __future__ import annotations

import os
import threading
import weakref
from collections.abc import Callable
from time import monotonic
from typing import TypeVar

from psycopg import pq
from sqlalchemy import Engine, event
from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg
from sqlalchemy.exc import DatabaseError, OperationalError

T = TypeVar("T")
APPLICATION_NAME = "factcheck-hot-reads"
MAX_STATEMENTS = 256  # compiled statements kept per engine
# $1, $2 ... as libpq's prepared statements take them; the SQL is otherwise psycopg's
_DIALECT = PGDialect_psycopg(paramstyle="numeric_dollar")


class Rows(list):
    """Rows of text values, with the two Result methods stamps use."""

    def first(self) -> tuple | None:
        return self[0] if self else None

    def one(self) -> tuple:
        if len(self) != 1:
            raise ValueError(f"expected one row, got {len(self)}")
        return self[0]


class _Statement:
    """A SELECT compiled once: its SQL, its name on every connection, its parameters' order."""

    def __init__(self, statement, name: bytes):
        compiled = statement.compile(dialect=_DIALECT)
        self.statement, self.compiled = statement, compiled
        self.sql, self.name = compiled.string, name

    def values(self, params: dict | None) -> list[bytes | None]:
        given = self.compiled.construct_params(params or {})
        return [_text(given[name]) for name in self.compiled.positiontup]


def _text(value) -> bytes | None:
    """A parameter as PostgreSQL's text input."""
    if value is None:
        return None
    if isinstance(value, bool):
        return b"true" if value else b"false"
    if isinstance(value, str):  # a StrEnum too: its value
        return str.encode(value)
    if isinstance(value, int):
        return str(int(value)).encode()
    raise TypeError(f"pgreads takes str, int, bool or None parameters, not {type(value)}")


class _Connection:
    """One thread's libpq connection and the statements prepared on it."""

    def __init__(self, conninfo: bytes):
        self.pgconn = pq.PGconn.connect(conninfo)
        if self.pgconn.status != pq.ConnStatus.OK:
            message = _message(self.pgconn.error_message)
            self.pgconn.finish()
            raise OperationalError("connect", None, ConnectionError(message))
        self.prepared: set[bytes] = set()
        self.used_at, self.pid, self.served = monotonic(), os.getpid(), False

    def query(self, statement: _Statement, values: list[bytes | None]) -> Rows:
        pgconn = self.pgconn
        if statement.name not in self.prepared:
            self._check(pgconn.prepare(statement.name, statement.sql.encode()), statement)
            self.prepared.add(statement.name)
        result = self._check(pgconn.exec_prepared(statement.name, values), statement)
        fields = range(result.nfields)
        rows = Rows(
            tuple(_decoded(result.get_value(row, field)) for field in fields)
            for row in range(result.ntuples)
        )
        self.used_at, self.served = monotonic(), True
        return rows

    def _check(self, result, statement: _Statement):
        if result is not None and result.status in (
            pq.ExecStatus.TUPLES_OK,
            pq.ExecStatus.COMMAND_OK,
        ):
            return result
        message = _message(
            result.error_message if result is not None else self.pgconn.error_message
        )
        if self.pgconn.status != pq.ConnStatus.OK:
            raise OperationalError(statement.sql, None, ConnectionError(message))
        raise DatabaseError(statement.sql, None, RuntimeError(message))

    def close(self) -> None:
        if self.pid == os.getpid():  # a parent's connection: its session is not ours to end
            self.pgconn.finish()


def _decoded(value: bytes | None) -> str | None:
    return None if value is None else value.decode()


def _message(raw: bytes) -> str:
    return raw.decode(errors="replace").strip() or "connection to PostgreSQL failed"


class ThreadConnections:
    """The libpq connections (one per thread) that run hot reads for one engine."""

    def __init__(self, engine: Engine, recycle_seconds: float):
        url = engine.url.set(drivername="postgresql")
        if "application_name" not in url.query:  # to be told apart in pg_stat_activity
            url = url.update_query_dict({"application_name": APPLICATION_NAME})
        self.conninfo = url.render_as_string(hide_password=False).encode()
        self.engine, self.recycle_seconds = engine, recycle_seconds
        self.statements: dict[int, _Statement] = {}  # by id(statement), at most MAX_STATEMENTS
        self.names: dict[str, bytes] = {}  # one prepared name per distinct SQL text
        self.local = threading.local()
        # every live thread's, for close_all; weak, so that a thread that ended (a server
        # that runs each request in a new thread: ``factcheck serve``) takes its connection
        # with it: libpq's connection is finished when it is collected
        self.open: weakref.WeakSet[_Connection] = weakref.WeakSet()
        self.lock = threading.Lock()
        self.migrated = False

    def read(self, read: Callable[[ThreadReader], T]) -> T:
        """``read(reader)``: one query is one round trip on this thread's connection."""
        return read(ThreadReader(self))

    def query(self, statement, params: dict | None) -> Rows:
        prepared = self._statement(statement)
        values = prepared.values(params)
        if self.engine.dispatch.before_cursor_execute:  # query logs and counts see it
            self.engine.dispatch.before_cursor_execute(
                None, None, prepared.sql, values, None, False
            )
        connection = self._connection()
        try:
            return connection.query(prepared, values)
        except DatabaseError:
            self._drop(connection)  # whatever failed (a plan the schema changed under) goes
            if not connection.served:  # with it; one that had served gets one more try
                raise
        return self._connection().query(prepared, values)

    def _statement(self, statement) -> _Statement:
        known = self.statements.get(id(statement))
        if known is None or known.statement is not statement:  # it keeps its id alive
            if len(self.statements) >= MAX_STATEMENTS:  # statements built per call: bounded
                self.statements.clear()
            known = _Statement(statement, b"")
            with self.lock:
                known.name = self.names.setdefault(known.sql, f"fc_read_{len(self.names)}".encode())
            self.statements[id(statement)] = known
        return known

    def _connection(self) -> _Connection:
        connection = getattr(self.local, "connection", None)
        if connection is not None and (
            connection.pid != os.getpid() or monotonic() - connection.used_at > self.recycle_seconds
        ):
            self._drop(connection)
            connection = None
        if connection is None:
            if not self.migrated:  # the engine's first connection upgrades the schema if asked
                self.engine.connect().close()
                self.migrated = True
            connection = self.local.connection = _Connection(self.conninfo)
            with self.lock:
                self.open.add(connection)
        return connection

    def _drop(self, connection: _Connection) -> None:
        self.local.connection = None
        with self.lock:
            self.open.discard(connection)
        connection.close()

    def close_all(self, *_args) -> None:
        """Close every thread's connection (at ``engine.dispose()``); a thread that reads
        again opens a new one."""
        with self.lock:
            closing, self.open = list(self.open), weakref.WeakSet()
        self.local = threading.local()
        for connection in closing:
            connection.close()


class ThreadReader:
    """What a read function gets: ``execute(statement, params)`` as on a DriverReader."""

    def __init__(self, connections: ThreadConnections):
        self.connections = connections

    def execute(self, statement, params: dict | None = None) -> Rows:
        return self.connections.query(statement, params)


_ENGINES: weakref.WeakKeyDictionary[Engine, ThreadConnections] = weakref.WeakKeyDictionary()
_ENGINES_LOCK = threading.Lock()


def connections_of(engine: Engine, recycle_seconds: float) -> ThreadConnections:
    """The per-thread connections of ``engine`` (made on first use, closed at dispose)."""
    known = _ENGINES.get(engine)
    if known is None:
        with _ENGINES_LOCK:
            known = _ENGINES.get(engine)
            if known is None:
                known = _ENGINES[engine] = ThreadConnections(engine, recycle_seconds)
                event.listen(engine, "engine_disposed", known.close_all)
    return known
