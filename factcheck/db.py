"""Engine and session handling, SQLite pragmas, and the Alembic hook.

The engine is built by the app factory (never at import time) and kept on the app; a web
request opens one session lazily (``get_session``) and closes it at teardown.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, event, inspect
from sqlmodel import Session, create_engine

MIGRATIONS = Path(__file__).parent / "migrations"


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets WAL, a busy timeout and enforced foreign keys."""
    if url.startswith("postgres://"):  # the scheme Heroku-style URLs use
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
    cursor.execute("PRAGMA busy_timeout=30000")  # wait for a lock instead of failing
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """A session that commits at the end of the block and rolls back on any error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def alembic_config(engine: Engine) -> Config:
    """An Alembic configuration that runs the package's migrations on ``engine``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Create or upgrade the schema to ``revision``."""
    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    command.downgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def sqlite_path(url: str) -> str | None:
    """The file behind a SQLite URL, or None for other databases."""
    return url.split(":///", 1)[1] if url.startswith("sqlite:///") else None


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
