"""The ``factcheck`` command (also ``flask --app factcheck``): thin click shells over the domain.

Each command parses its arguments, calls the domain layer and prints. Errors a user can cause
(FactcheckError) become one-line messages and a non-zero exit code.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext
from sqlmodel import Session

from factcheck import db
from factcheck.errors import FactcheckError


def user_errors(command: Callable) -> Callable:
    """Turn FactcheckError (and OSError on files) into click's one-line error."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except FactcheckError as error:
            raise click.ClickException(str(error)) from None

    return wrapper


@contextmanager
def transaction() -> Iterator[Session]:
    """A session on the app's database, committed at the end or rolled back on error."""
    with db.transaction(current_app.extensions["factcheck.engine"]) as session:
        yield session


def register_commands(app: Flask) -> None:
    """Add every factcheck command to ``app.cli``."""
    from factcheck.cli import articles, database, exports, jobs, sources, users

    for module in (articles, database, exports, jobs, sources, users):
        for command in module.COMMANDS:
            _in_app_context(command)
            app.cli.add_command(command)


def _in_app_context(command: click.Command) -> None:
    """Run the command (or every command of a group) inside the app context."""
    if command.callback is not None and not getattr(command.callback, "_in_app", False):
        command.callback = with_appcontext(command.callback)
        command.callback._in_app = True


def _create_app() -> Flask:
    from factcheck import create_app

    return create_app()


main = FlaskGroup(
    create_app=_create_app,
    add_default_commands=True,
    help="factcheck: track, check and publish the claims in news articles.",
)
