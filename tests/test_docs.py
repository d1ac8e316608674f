"""The README documents every setting and every command; this fails when one is added silently."""

from pathlib import Path

import pytest

from factcheck.config import DEFAULTS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
FLASK_BUILTINS = {"run", "shell", "routes"}


@pytest.mark.parametrize("setting", sorted(DEFAULTS))
def test_every_setting_is_documented(setting):
    settings_section = README.split("## Settings", 1)[1].split("\n## ", 1)[0]
    assert f"`{setting}`" in settings_section


def test_every_command_is_documented(app):
    names = set(app.cli.list_commands(None)) - FLASK_BUILTINS
    missing = [name for name in sorted(names) if f"`factcheck {name}" not in README]
    assert names and missing == []
