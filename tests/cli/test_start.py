"""How the command starts: what needs no database creates none, --version, the database made
and migrated on the first command that uses it."""

import importlib.metadata
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import db

SCRIPT = str(Path(sys.executable).parent / "factcheck")
SEED = (
    Path(__file__).resolve().parents[1]
    / "data"
    / "extract"
    / "seed-kazakhstan-abraham-accords.id.txt"
)


def _run(args: list[str], instance: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, FACTCHECK_INSTANCE=str(instance))
    env.pop("DATABASE_URL", None)
    result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return result


def _match_files(tmp_path: Path) -> list[str]:
    claims, passages = tmp_path / "claims.jsonl", tmp_path / "passages.jsonl"
    claims.write_text(json.dumps({"id": "c1", "text": "Kazakhstan joined in 1992."}) + "\n")
    passages.write_text(json.dumps({"id": "p1", "text": "Kazakhstan joined in 1992."}) + "\n")
    return ["--claims", str(claims), "--passages", str(passages)]


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--version"],
        ["db", "--help"],
        ["user", "--help"],
        ["export", "--help"],
        ["user", "add", "--help"],
        ["extract", str(SEED)],
        ["match-file"],
    ],
    ids=lambda args: " ".join(args[:2]).replace(str(SEED), "SEED"),
)
def test_command_without_database_work_creates_no_database(args, tmp_path):
    instance = tmp_path / "instance"
    if args == ["match-file"]:
        args = args + _match_files(tmp_path)
    _run([SCRIPT, *args], instance)
    assert not instance.exists()


def test_flask_app_help_creates_no_database(tmp_path):
    instance = tmp_path / "instance"
    result = _run([sys.executable, "-m", "flask", "--app", "factcheck", "--help"], instance)
    assert "  serve " in result.stdout
    assert not instance.exists()


def test_version_is_the_package_version(tmp_path):
    result = _run([SCRIPT, "--version"], tmp_path / "instance")
    assert result.stdout == f"factcheck {importlib.metadata.version('factcheck')}\n"


def test_first_command_using_the_database_creates_it_at_the_newest_revision(tmp_path):
    instance = tmp_path / "instance"
    _run([SCRIPT, "articles"], instance)
    engine = db.make_engine(f"sqlite:///{instance / 'factcheck.sqlite3'}")
    assert db.current_revision(engine) == db.head_revision()
    engine.dispose()


def test_flask_routes_sets_up_the_web_when_asked(tmp_path):
    result = _run([sys.executable, "-m", "flask", "--app", "factcheck", "routes"], tmp_path / "i")
    assert "/articles/<slug>" in result.stdout and "/review/" in result.stdout
    assert not (tmp_path / "i").exists()


def test_domain_choices_are_checked_when_the_command_runs(runner):
    refused = runner.invoke(args=["export", "--format", "pdf"])
    assert refused.exit_code == 2 and "'pdf' is not one of" in refused.output
    assert "claimreview" in refused.output  # the domain's formats, read when needed
    role = runner.invoke(args=["user", "add", "ann", "--role", "boss"], input="pw\n")
    assert role.exit_code == 2 and "'checker'" in role.output
