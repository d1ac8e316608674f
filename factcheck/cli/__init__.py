"""The ``factcheck`` command (also ``flask --app factcheck``): thin click shells over the domain.

Each command parses its arguments, calls the domain layer and prints. Errors a user can cause
(FactcheckError) become one-line messages and a non-zero exit code.

Start-up is kept short: the command modules import the domain layer inside their commands,
``factcheck --help`` and ``--version`` build no app, and a command that runs builds one that
touches the database only when the command does (see ``create_app``). The ``factcheck``
script (``run``) starts the commands of WITHOUT_APP (``extract``) without importing Flask at
all; every other command, and all of them under ``flask --app factcheck``, go through the Flask
group (``main``, in factcheck/cli/group.py).
"""

from __future__ import annotations

import functools
import getpass
import importlib
import importlib.util
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from flask import Flask
    from sqlmodel import Session

# factcheck/cli/<name>.py, each with a COMMANDS list.
COMMAND_MODULES = (
    "articles",
    "sources",
    "exports",
    "users",
    "database",
    "jobs",
    "translations",
    "archive",
)


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
    from flask import current_app

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
    from flask.cli import with_appcontext

    if command.callback is not None and not getattr(command.callback, "_in_app", False):
        command.callback = with_appcontext(command.callback)
        command.callback._in_app = True


class Settings:
    """The settings of a command run without an app (``run``): what ``create_app`` would put in
    ``app.config``, read when first asked for, with the languages set as ``create_app`` sets
    them. The click context's ``obj``."""

    def __init__(self) -> None:
        self._config: dict | None = None

    @property
    def config(self) -> dict:
        if self._config is None:
            from factcheck import config as settings
            from factcheck.language.identify import use_languages

            self._config = settings.read(settings.instance_folder())
            use_languages(self._config["LANGUAGES"])
        return self._config


def command_config() -> Mapping:
    """The settings the running command has: its app's ``config``, or without an app (a
    command of WITHOUT_APP run by ``run``) the same settings, read without building one."""
    found = click.get_current_context().find_object(Settings)
    if found is not None:
        return found.config
    from flask import current_app

    return current_app.config


# Commands the ``factcheck`` script runs without building an app or importing Flask: each
# reads its settings with ``command_config`` and uses neither the database nor the web.
# Importing Flask (Werkzeug, Jinja) was about a third of `factcheck extract`'s CPU.
WITHOUT_APP = {"extract": ("articles", "extract_command")}


def run(args: list[str] | None = None) -> None:
    """The ``factcheck`` script. ``factcheck extract ...`` runs the command on its own, with
    the language settings ``create_app`` would use and no app; anything else (other commands,
    options before the command, ``--help``) goes through the Flask group, as before. When
    python-dotenv is installed Flask's group reads .env files first, so every command goes
    through it."""
    args = sys.argv[1:] if args is None else list(args)
    if args and args[0] in WITHOUT_APP and importlib.util.find_spec("dotenv") is None:
        module, name = WITHOUT_APP[args[0]]
        command = getattr(importlib.import_module(f"factcheck.cli.{module}"), name)
        settings = Settings()
        command.main(
            args[1:],
            prog_name=f"factcheck {args[0]}",
            obj=settings,
            # as under the Flask group, whose options read FLASK_<COMMAND>_<OPTION>
            auto_envvar_prefix=f"FLASK_{args[0].upper()}",
        )
        return
    from factcheck.cli.group import main

    main.main(args, prog_name="factcheck")


def __getattr__(name: str):
    # ``factcheck.cli.main``, the Flask group (imports Flask): made on first use
    if name == "main":
        from factcheck.cli.group import main

        return main
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
