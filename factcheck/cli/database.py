"""`factcheck db ...`: the schema, by Alembic migrations; `factcheck backup`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import click
from flask import current_app

from factcheck.cli import user_errors
from factcheck.errors import InputError

# factcheck.db (SQLAlchemy, Alembic) is imported inside the commands: `factcheck --help` loads
# this module.


@contextmanager
def _engine() -> Iterator:
    """An engine without AUTO_MIGRATE's upgrade on first use: these commands show and change
    the schema themselves (`db current` says where the database really is)."""
    from factcheck import db

    engine = db.make_engine(current_app.config["DATABASE_URL"])
    try:
        yield engine
    finally:
        engine.dispose()


@click.group("db")
def db_group() -> None:
    """Create, upgrade or inspect the database schema."""


@db_group.command("upgrade")
@click.argument("revision", default="head")
def upgrade(revision: str) -> None:
    """Upgrade the schema to REVISION (default: the newest)."""
    from factcheck import db

    with _engine() as engine:
        db.upgrade(engine, revision)
        click.echo(f"database at {db.current_revision(engine)}")


@db_group.command("downgrade")
@click.argument("revision")
def downgrade(revision: str) -> None:
    """Downgrade the schema to REVISION ("base" empties it)."""
    from factcheck import db

    with _engine() as engine:
        db.downgrade(engine, revision)
        click.echo(f"database at {db.current_revision(engine)}")


@db_group.command("current")
def current() -> None:
    """Print the revision the database is at."""
    from factcheck import db

    with _engine() as engine:
        click.echo(db.current_revision(engine) or "empty")


@db_group.command("revision")
@click.option(
    "-m",
    "--message",
    required=True,
    help="What the migration changes; also names its file (0004_add_a_column.py).",
)
@user_errors
def revision(message: str) -> None:
    """Write the next numbered migration from the models (Alembic autogenerate).

    Compares the models with the database, which must be at the newest revision, and writes
    what differs to factcheck/migrations/versions/. Nothing is written when nothing changed.
    Read the file before committing: autogenerate cannot tell a rename from a drop and an add.
    """
    from factcheck import db

    with _engine() as engine:
        path = db.new_revision(engine, message)
    click.echo(f"wrote {path}")


@click.command("backup")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Where to write the copy (default: instance/backups/factcheck-TIME.sqlite3).",
)
@user_errors
def backup(output: str | None) -> None:
    """Copy the SQLite database consistently while the app keeps running."""
    from factcheck import db

    url = current_app.config["DATABASE_URL"]
    if db.sqlite_path(url) is None:
        raise InputError(
            "backup copies the embedded SQLite database; for PostgreSQL use "
            'pg_dump (see README, "Running in production")'
        )
    if output is None:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        output = str(Path(current_app.instance_path) / "backups" / f"factcheck-{stamp}.sqlite3")
    click.echo(f"backed up to {db.backup_sqlite(url, output)}")


COMMANDS = [db_group, backup]
