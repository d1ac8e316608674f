"""`factcheck db ...`: the schema, by Alembic migrations."""

from __future__ import annotations

import click
from flask import current_app

from factcheck import db


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


COMMANDS = [db_group]
