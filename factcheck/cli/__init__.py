"""The ``factcheck`` command (also ``flask --app factcheck``): thin click shells over the domain.

Each command parses its arguments, calls the domain layer and prints. Errors a user can cause
(FactcheckError) become one-line messages and a non-zero exit code.

Start-up is kept short: the command modules import the domain layer inside their commands,
``factcheck --help`` and ``--version`` build no app, and a command that runs builds one that
touches the database only when the command does (see ``create_app``).
"""

from __future__ import annotations

import functools
import getpass
import importlib
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext

if TYPE_CHECKING:
    from sqlmodel import Session

# factcheck/cli/<name>.py, each with a COMMANDS list.
COMMAND_MODULES = ("articles", "sources", "exports", "users", "database", "jobs", "translations")


def user_errors(command: Callable) -> Callable:
    """Turn FactcheckError (and OSError on files) into click's one-line error."""
    from factcheck.errors import FactcheckError

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except FactcheckError as error:
            raise click.ClickException(str(error)) from None

    return wrapper


def cli_actor() -> str:
    """Who runs a command, for the audit log: ``cli:<login>`` (the operating-system account)."""
    try:
        login = getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (a container)
        login = f"uid{os.getuid()}"
    return f"cli:{login}"


@contextmanager
def transaction() -> Iterator[Session]:
    """A session on the app's database, committed at the end or rolled back on error."""
    from factcheck import db

    with db.transaction(current_app.extensions["factcheck.engine"]) as session:
        yield session


class DomainChoice(click.Choice):
    """A click.Choice whose values the domain layer defines, read when the option is first
    used (parsed, or shown by the command's --help), not when the command is declared."""

    def __init__(self, values: Callable[[], Iterable[str]], case_sensitive: bool = True):
        self._values = values
        super().__init__((), case_sensitive)

    @property
    def choices(self) -> tuple[str, ...]:
        if not self._choices:
            self._choices = tuple(self._values())
        return self._choices

    @choices.setter
    def choices(self, values: Iterable[str]) -> None:  # click.Choice.__init__ sets ()
        self._choices = tuple(values)


def factcheck_commands() -> list[click.Command]:
    """Every factcheck command, each made to run inside the app context."""
    commands = []
    for name in COMMAND_MODULES:
        for command in importlib.import_module(f"factcheck.cli.{name}").COMMANDS:
            _in_app_context(command)
            commands.append(command)
    return commands


def register_commands(app: Flask) -> None:
    """Add every factcheck command to ``app.cli``."""
    for command in factcheck_commands():
        app.cli.add_command(command)


def _in_app_context(command: click.Command) -> None:
    """Run the command (or every command of a group) inside the app context."""
    if command.callback is not None and not getattr(command.callback, "_in_app", False):
        command.callback = with_appcontext(command.callback)
        command.callback._in_app = True


def _create_app() -> Flask:
    from factcheck import create_app

    return create_app()


class FactcheckGroup(FlaskGroup):
    """Flask's command group, knowing factcheck's commands without building the app.

    FlaskGroup builds the app to list ``app.cli``'s commands, even for ``--help``; here they
    are the group's own, and the app is built only when a command runs.
    """

    def _add_factcheck_commands(self) -> None:
        if "serve" not in self.commands:
            for command in factcheck_commands():
                self.add_command(command)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._add_factcheck_commands()
        return sorted(self.commands)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        self._add_factcheck_commands()
        return super().get_command(ctx, name)


main = FactcheckGroup(
    create_app=_create_app,
    add_default_commands=True,
    add_version_option=False,
    help="factcheck: track, check and publish the claims in news articles.",
)
main = click.version_option(
    package_name="factcheck",
    message="%(prog)s %(version)s",
    help="Show factcheck's version and exit.",
)(main)
