"""Engine and session handling, SQLite pragmas, and the Alembic hook.

The engine is built by the app factory (never at import time) and kept on the app; a web
request opens one session lazily (``get_session``) and closes it at teardown.

Nothing here touches the database before something asks for a connection: a command that needs
no database creates none. With ``migrate=True`` (the AUTO_MIGRATE setting) the engine's first
connection reads the schema's revision (one query) and upgrades it only when it is behind;
Alembic, slow to import, is imported only then and by the ``db`` commands. SQLModel (with
SQLAlchemy's ORM and pydantic) is imported by the first session, not here: a command that
reads with SQLAlchemy Core (``factcheck articles``) never pays for it.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import Engine, create_engine, event, inspect

from factcheck import dbfile
from factcheck.dbfile import sqlite_path
from factcheck.errors import InputError

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlmodel import Session

MIGRATIONS = dbfile.MIGRATIONS
# PostgreSQL connections are replaced after this many seconds in the pool, before a server or
# a firewall drops them idle: cheaper than pre-pinging, a round trip on every checkout.
POOL_RECYCLE_SECONDS = 300
T = TypeVar("T")


def make_engine(url: str, *, migrate: bool = False) -> Engine:
    """An engine for ``url``; SQLite gets WAL, a busy timeout and enforced foreign keys.

    With ``migrate``, the first connection brings the schema to the newest revision.
    """
    if url.startswith("postgres://"):  # the scheme Heroku-style URLs use
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        if sqlite_path(url):
            event.listen(engine, "do_connect", _make_folder_of(sqlite_path(url)))
    else:
        engine = create_engine(url, pool_recycle=POOL_RECYCLE_SECONDS)
    if migrate:
        event.listen(engine, "first_connect", functools.partial(_upgrade_if_behind, engine))
    return engine


def _make_folder_of(path: str):
    """A connect hook creating the folder of a SQLite file (the instance folder) when needed."""

    def make_folder(*_args) -> None:
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)

    return make_folder


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
    cursor.execute("PRAGMA busy_timeout=30000")  # wait for a lock instead of failing
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def read_outside_transaction(engine: Engine, read: Callable[[DriverReader], T]) -> T:
    """``read(reader)`` outside any transaction, each statement compiled once and run by the
    driver itself: for small hot reads that need no consistent view across queries, such as
    the readers' pages' freshness stamps. On PostgreSQL each query is one round trip on the
    thread's own libpq connection, values as text (factcheck.pgreads); on SQLite the pooled
    DB-API connection (``DriverReader``: no BEGIN for a SELECT)."""
    if engine.dialect.name == "postgresql":
        from factcheck.pgreads import connections_of

        return connections_of(engine, POOL_RECYCLE_SECONDS).read(read)
    pooled = engine.raw_connection()
    try:
        return read(DriverReader(pooled.dbapi_connection, engine))
    finally:
        pooled.close()


class DriverReader:
    """Runs SQLAlchemy SELECT statements straight on a DB-API connection, each compiled once:
    SQLAlchemy's work per execution (cache key, context, result objects) costs several times
    what a tiny indexed query costs the database. Rows come back as the driver gives them
    (SQLite: timestamps as text), so compare only values read this way with each other. The
    engine's ``before_cursor_execute`` listeners still see each statement (query logs and
    counts), with no SQLAlchemy connection or context."""

    _compiled: dict[tuple[int, str], tuple] = {}  # (id(statement), dialect): (compiled, statement)

    def __init__(self, connection, engine: Engine):
        self.connection, self.engine, self.dialect = connection, engine, engine.dialect

    def execute(self, statement, params: dict | None = None) -> DriverRows:
        compiled = self._compile(statement)
        values = compiled.construct_params(params or {})
        processors = compiled._bind_processors
        values = {k: processors[k](v) if k in processors else v for k, v in values.items()}
        if compiled.positional:
            values = [values[name] for name in compiled.positiontup]
        cursor = self.connection.cursor()
        try:
            if self.engine.dispatch.before_cursor_execute:
                self.engine.dispatch.before_cursor_execute(
                    None, cursor, compiled.string, values, None, False
                )
            cursor.execute(compiled.string, values)
            return DriverRows(cursor.fetchall())
        finally:
            cursor.close()

    def _compile(self, statement):
        key = (id(statement), self.dialect.name)
        known = self._compiled.get(key)
        if known is None or known[1] is not statement:  # the statement keeps its id alive
            known = self._compiled[key] = (statement.compile(dialect=self.dialect), statement)
        return known[0]


class DriverRows(list):
    """A DriverReader's rows, with the two Result methods stamps use."""

    def first(self) -> tuple | None:
        return tuple(self[0]) if self else None

    def one(self) -> tuple:
        if len(self) != 1:
            raise ValueError(f"expected one row, got {len(self)}")
        return tuple(self[0])


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """A session that commits at the end of the block and rolls back on any error."""
    from sqlmodel import Session

    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def alembic_config(engine: Engine | None) -> Config:
    """An Alembic configuration that runs the package's migrations on ``engine``."""
    from alembic.config import Config

    if engine is not None:
        # An engine's first connection may run its own upgrade (migrate=True): let it happen
        # now, since Alembic cannot run inside its own run.
        engine.connect().close()
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Create or upgrade the schema to ``revision``."""
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Downgrade the schema to ``revision`` ("base": no table left)."""
    from alembic import command

    command.downgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def head_revision() -> str:
    """The newest revision, read from the migrations' file names (no Alembic import)."""
    return dbfile.newest_revision(MIGRATIONS)


def new_revision(engine: Engine, message: str) -> Path:
    """Write the next numbered migration, autogenerated from what the models have and the
    database (at the newest revision) lacks; returns the new file's path.

    Refuses with InputError when the database is behind or when nothing changed.
    """
    from alembic import command

    current, head = current_revision(engine), head_revision()
    if current != head:
        raise InputError(
            f"the database is at revision {current or '(none)'}, not at the newest ({head}); "
            "run `factcheck db upgrade` first, so that only the models' changes are written"
        )
    config = alembic_config(engine)

    def skip_if_unchanged(_context, _revision, directives) -> None:
        if directives[0].upgrade_ops.is_empty():
            directives[:] = []  # Alembic then writes no file

    config.attributes["process_revision_directives"] = skip_if_unchanged
    written = command.revision(
        config, message=message, autogenerate=True, rev_id=f"{int(head) + 1:04d}"
    )
    if not written:
        raise InputError("the models and the migrations agree: no revision written")
    return Path(written.path)


def _upgrade_if_behind(engine: Engine, dbapi_connection, _record) -> None:
    """First-connection hook: upgrade the schema unless it is already at the newest revision.

    Reads the revision on the raw connection being opened (the engine's own pool is busy
    opening it) and, when behind, migrates through a second, short-lived engine.
    """
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("SELECT version_num FROM alembic_version")
        revisions = [row[0] for row in cursor.fetchall()]
    except engine.dialect.loaded_dbapi.Error:
        revisions = []  # no alembic_version table: an empty database
    finally:
        cursor.close()
        dbapi_connection.rollback()
    if revisions == [head_revision()]:
        return
    migrator = make_engine(engine.url.render_as_string(hide_password=False))
    try:
        upgrade(migrator)
    finally:
        migrator.dispose()


def backup_sqlite(url: str, target: str | Path) -> Path:
    """A consistent copy of a live SQLite database, by SQLite's online backup API.

    Writers may keep working meanwhile: the copy is one snapshot of the database.
    """
    import sqlite3

    source_path = sqlite_path(url)
    if source_path is None:
        raise ValueError("backup_sqlite needs a SQLite database")
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    copy = sqlite3.connect(partial)
    try:
        source.backup(copy, pages=1024)
    finally:
        copy.close()
        source.close()
    partial.replace(target)  # a crash never leaves a half-written file under the real name
    return target
