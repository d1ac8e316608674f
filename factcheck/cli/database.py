"""`factcheck db ...`: the schema, by Alembic migrations."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click
from flask import current_app

from factcheck import db
from factcheck.cli import user_errors
from factcheck.errors import InputError


@click.group("db")
def db_group() -> None:
    """Create, upgrade or inspect the database schema."""


@db_group.command("upgrade")
@click.argument("revision", default="head")
def upgrade(revision: str) -> None:
    """Upgrade the schema to REVISION (default: the newest)."""
    db.upgrade(current_app.extensions["factcheck.engine"], revision)
    click.echo(f"database at {db.current_revision(current_app.extensions['factcheck.engine'])}")


@db_group.command("downgrade")
@click.argument("revision")
def downgrade(revision: str) -> None:
    """Downgrade the schema to REVISION ("base" empties it)."""
    db.downgrade(current_app.extensions["factcheck.engine"], revision)
    click.echo(f"database at {db.current_revision(current_app.extensions['factcheck.engine'])}")


@db_group.command("current")
def current() -> None:
    """Print the revision the database is at."""
    click.echo(db.current_revision(current_app.extensions["factcheck.engine"]) or "empty")


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
