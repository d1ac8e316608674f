"""The README documents every setting and every command; this fails when one is added silently."""

from pathlib import Path

import pytest

from factcheck.config import DEFAULTS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
FLASK_BUILTINS = {"run", "shell", "routes"}


@pytest.mark.parametrize("setting", sorted(DEFAULTS))
def test_every_setting_is_documented(setting):
    settings_section = README.split("## Settings", 1)[1].split("\n## ", 1)[0]
    assert f"`{setting}`" in settings_section


def test_every_command_is_documented(app):
    names = set(app.cli.list_commands(None)) - FLASK_BUILTINS
    missing = [name for name in sorted(names) if f"`factcheck {name}" not in README]
    assert names and missing == []


def _command_row(command: str) -> str:
    """The first cell of the README's command table row for ``factcheck COMMAND``."""
    rows = [line for line in README.splitlines() if line.startswith(f"| `factcheck {command}")]
    return " ".join(row.split(" | ")[0] for row in rows)


def test_every_subcommand_is_documented(app):
    from click import Group

    missing = []
    for name in app.cli.list_commands(None):
        group = app.cli.get_command(None, name)
        if isinstance(group, Group) and name not in FLASK_BUILTINS:
            row = _command_row(f"{name} ")
            missing += [f"{name} {sub}" for sub in group.list_commands(None) if sub not in row]
    assert missing == []


def test_version_option_and_instance_folder_are_documented():
    settings_section = README.split("## Settings", 1)[1].split("\n## ", 1)[0]
    assert "`FACTCHECK_INSTANCE" in settings_section
    assert "`factcheck --version`" in README


def test_ci_runs_exactly_the_readme_test_command_and_the_wheel_check():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    quick_start = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = quick_start.split("```sh\n")[1:]
    test_command = next(b.split("\n```")[0] for b in blocks if "pytest" in b)
    assert test_command in ci
    assert "python3 .ci/wheel-check" in ci


def test_production_install_names_the_extras():
    production = README.split("## Running in production", 1)[1].split("\n## ", 1)[0]
    assert "pip install '.[postgres,server]'" in production
