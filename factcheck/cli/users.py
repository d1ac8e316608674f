"""`factcheck user ...`: add, list, disable, enable users and set passwords.

Passwords never appear on the command line (they would be visible in the process list and the
shell history): they come from a hidden prompt with confirmation, or from stdin when it is not
a terminal (``printf '%s\\n' "$PW" | factcheck user add alice --role admin``).
"""

from __future__ import annotations

import sys

import click

from factcheck.cli import DomainChoice, transaction, user_errors
from factcheck.errors import InputError

# The domain layer is imported inside the commands: `factcheck --help` loads this module.


def _roles() -> list[str]:
    from factcheck.models import Role

    return [role.value for role in Role]


def read_password() -> str:
    """A new password: prompted twice without echo on a terminal, else the first stdin line."""
    stdin = sys.stdin
    if stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    line = stdin.readline().rstrip("\r\n")
    if not line:
        raise InputError(
            "no password on stdin; pipe one line, or run in a terminal to be asked for it"
        )
    return line


@click.group("user")
def user_group() -> None:
    """Manage the people who review claims (admin, editor, checker)."""


@user_group.command("add")
@click.argument("name")
@click.option(
    "--role",
    type=DomainChoice(_roles),
    default="checker",
    show_default=True,
    help="What the user may do.",
)
@user_errors
def add(name: str, role: str) -> None:
    """Add user NAME; the password is asked for (or read from stdin)."""
    from factcheck.review import users

    password = read_password()
    with transaction() as session:
        user = users.create_user(session, name, role, password)
    click.echo(f"added {user.name} ({user.role})")


@user_group.command("list")
def list_command() -> None:
    """List users with their role and state."""
    from factcheck.review import users

    with transaction() as session:
        people = users.list_users(session)
    if not people:
        click.echo("no users yet; add one with: factcheck user add NAME --role admin")
    for user in people:
        state = "disabled" if not user.active else "locked" if users.is_locked(user) else "active"
        click.echo(f"{user.name:<24} {user.role:<8} {state}")


@user_group.command("disable")
@click.argument("name")
@user_errors
def disable(name: str) -> None:
    """Stop NAME from logging in (their history stays)."""
    from factcheck.review import users

    with transaction() as session:
        users.disable_user(session, name)
    click.echo(f"disabled {name}")


@user_group.command("enable")
@click.argument("name")
@user_errors
def enable(name: str) -> None:
    """Let NAME log in again (also ends a lock-out)."""
    from factcheck.review import users

    with transaction() as session:
        users.enable_user(session, name)
    click.echo(f"enabled {name}")


@user_group.command("password")
@click.argument("name")
@user_errors
def password(name: str) -> None:
    """Set a new password for NAME (asked for, or read from stdin)."""
    from factcheck.review import users

    with transaction() as session:
        users.get_user(session, name)  # a typo in the name fails before the prompt
    new = read_password()
    with transaction() as session:
        users.change_password(session, name, new)
    click.echo(f"password changed for {name}")


COMMANDS = [user_group]
