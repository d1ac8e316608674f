"""The Flask group behind the ``factcheck`` command: ``main`` (``factcheck.cli.main``).

Imports Flask, which the commands of factcheck.cli.WITHOUT_APP never need.
"""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import FlaskGroup

from factcheck.cli import factcheck_commands


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
