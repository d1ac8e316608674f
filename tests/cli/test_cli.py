"""The factcheck command: reachable both ways, demo import, extract output."""

import json
import os
import subprocess
import sys
from pathlib import Path

from factcheck.cli.articles import import_demo

CLAIMS = Path(__file__).resolve().parents[2] / "claims"


def _run(args, tmp_path):
    env = dict(os.environ, FACTCHECK_INSTANCE=str(tmp_path / "instance"))
    env.pop("DATABASE_URL", None)
    return subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)


def test_console_script_and_flask_app_offer_the_same_commands(tmp_path):
    script = _run([str(Path(sys.executable).parent / "factcheck"), "--help"], tmp_path)
    flask = _run([sys.executable, "-m", "flask", "--app", "factcheck", "--help"], tmp_path)
    assert script.returncode == 0 and flask.returncode == 0, script.stderr + flask.stderr
    for command in ("ingest", "extract", "import", "export", "serve", "db", "backup"):
        assert f"  {command} " in script.stdout and f"  {command} " in flask.stdout


def test_user_error_is_one_line_without_traceback(tmp_path):
    result = _run(
        [
            sys.executable,
            "-m",
            "flask",
            "--app",
            "factcheck",
            "ingest",
            str(tmp_path / "missing.txt"),
        ],
        tmp_path,
    )
    assert result.returncode == 1
    missing = tmp_path / "missing.txt"
    assert result.stderr.strip().splitlines() == [f"Error: {missing}: no such file"]


def test_serve_imports_the_demo_into_an_empty_database_only(app, runner):
    app.config["DEMO_CLAIMS_DIR"] = str(CLAIMS)
    with app.app_context():
        assert "imported 1 demo claim file" in import_demo()
        assert import_demo() is None  # not again: the database has an article now
    listed = runner.invoke(args=["articles"])
    assert "kazakhstan-abraham-accords" in listed.output


def test_extract_jsonl_has_the_documented_fields(runner, seed_text, tmp_path):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    result = runner.invoke(args=["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and {"text", "sentence", "start", "end", "score", "reasons"} <= set(rows[0])
    body = seed_text.split("\n", 2)[2]  # title and byline lines are not part of the body
    assert any(r["text"] in body and "1992" in r["text"] for r in rows)


def test_extract_stores_nothing(runner, seed_text, tmp_path):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    runner.invoke(args=["extract", str(path)])
    assert runner.invoke(args=["articles"]).output == ""


def test_serve_really_serves_the_demo(tmp_path):
    """`factcheck serve` on a fresh instance folder answers HTTP with the demo article."""
    import socket
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = dict(os.environ, FACTCHECK_INSTANCE=str(tmp_path / "instance"))
    env.pop("DATABASE_URL", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "factcheck", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=2) as page:
                    assert page.status == 200
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise AssertionError("the server did not answer")
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0]
    assert "imported 1 demo claim file" in output
    assert (tmp_path / "instance" / "factcheck.sqlite3").exists()
