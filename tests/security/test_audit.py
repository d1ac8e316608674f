"""The audit log: what changes what readers may see or what a verdict rests on is recorded
with who did it and when; the database refuses to change or delete a record; editors and
admins read it and download it. Imports that carry review work need an admin's --trust."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel import select

from factcheck.models import Article, AuditEvent, Source, User

DEMO = Path(__file__).resolve().parents[2] / "claims" / "kazakhstan-abraham-accords.yaml"


def audit(session, action: str | None = None) -> list[AuditEvent]:
    session.expire_all()
    query = select(AuditEvent).order_by(AuditEvent.id)
    if action:
        query = query.where(AuditEvent.action == action)
    return list(session.exec(query).all())


def detail(event: AuditEvent) -> dict:
    return json.loads(event.detail)


@pytest.fixture
def article(factory):
    return factory.article("Harbour", text_="The harbour moved 120 tonnes in 1995.", slug="harbour")


# --- what is recorded ------------------------------------------------------------------------
def test_adding_fetching_and_pasting_a_source_are_recorded_with_who(
    client, auth, session, article, server, run_jobs
):
    server.expect_request("/report").respond_with_data(
        "Port report: 120 tonnes.", content_type="text/plain"
    )
    checker = auth.login("checker")
    url = server.url_for("/report")
    client.post("/review/articles/harbour/sources", data={"url": url, "title": "Port report"})
    source = session.exec(select(Source).where(Source.article_id == article.id)).one()
    client.post(f"/review/sources/{source.id}/fetch")
    assert run_jobs() == 1  # the fetch runs as a job, as the checker who asked for it
    client.post(f"/review/sources/{source.id}/paste", data={"text": "Copied: 120 tonnes."})
    actions = [(e.action, e.actor, e.user_id) for e in audit(session)]
    assert actions == [
        ("source.add", "checker", checker.id),
        ("source.fetch", "checker", checker.id),
        ("snapshot.add", "checker", checker.id),
        ("source.paste", "checker", checker.id),
        ("snapshot.add", "checker", checker.id),
    ]
    added, fetched, fetched_copy, _, pasted_copy = audit(session)
    assert detail(added)["url"] == url and "harbour" in added.target
    assert detail(fetched)["status"] == "ok"
    body = b"Port report: 120 tonnes."
    assert detail(fetched_copy)["sha256"] == hashlib.sha256(body).hexdigest()
    assert detail(pasted_copy)["kind"] == "pasted"


def test_a_failed_fetch_is_recorded_too(client, auth, session, article, server, run_jobs):
    server.expect_request("/gone").respond_with_data("no", status=404)
    session.add(
        Source(article_id=article.id, position=1, title="Gone", url=server.url_for("/gone"))
    )
    session.commit()
    source = session.exec(select(Source)).one()
    auth.login("checker")
    client.post(f"/review/sources/{source.id}/fetch")
    run_jobs()
    [event] = audit(session, "source.fetch")
    assert detail(event)["status"] == "failed" and "404" in detail(event)["error"]


def test_cli_fetch_and_paste_are_recorded_as_the_command_line(runner, session, article, tmp_path):
    session.add(Source(article_id=article.id, position=1, title="Notes"))
    session.commit()
    notes = tmp_path / "notes.txt"
    notes.write_text("Copied notes: 120 tonnes.", encoding="utf-8")
    assert runner.invoke(args=["paste", "harbour", "1", str(notes)]).exit_code == 0
    [event] = audit(session, "source.paste")
    assert event.actor.startswith("cli:") and event.user_id is None


def test_an_import_is_recorded_with_the_files_hash_and_who(runner, session):
    assert runner.invoke(args=["import", str(DEMO)]).exit_code == 0
    [event] = audit(session, "import")
    assert detail(event)["sha256"] == hashlib.sha256(DEMO.read_bytes()).hexdigest()
    assert detail(event)["trusted"] is False and event.actor.startswith("cli:")
    assert "kazakhstan-abraham-accords" in event.target


def test_user_changes_are_recorded_with_who_changed_whose_role(runner, session):
    def run(*args, stdin=None):
        result = runner.invoke(args=["user", *args], input=stdin)
        assert result.exit_code == 0, result.output

    run("add", "alice", "--role", "checker", stdin="pw-12345678\n")
    run("role", "alice", "editor")
    run("disable", "alice")
    run("enable", "alice")
    run("password", "alice", stdin="pw-87654321\n")
    events = audit(session)
    assert [e.action for e in events] == [
        "user.add",
        "user.role",
        "user.disable",
        "user.enable",
        "user.password",
    ]
    assert all(e.target == "user alice" and e.actor.startswith("cli:") for e in events)
    assert detail(events[1]) == {"from": "checker", "to": "editor"}
    assert session.exec(select(User.role).where(User.name == "alice")).one() == "editor"


# --- append-only ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "statement",
    ["UPDATE auditevent SET actor = 'someone else'", "DELETE FROM auditevent"],
)
def test_the_database_refuses_to_change_or_delete_the_log(app, runner, session, statement):
    runner.invoke(args=["import", str(DEMO)])
    before = [(e.id, e.actor) for e in audit(session)]
    with pytest.raises(DBAPIError, match="append-only"):
        with app.extensions["factcheck.engine"].begin() as connection:
            connection.execute(text(statement))
    assert [(e.id, e.actor) for e in audit(session)] == before


# --- reading and downloading it ------------------------------------------------------------------
def test_editors_read_the_log_newest_first_and_download_it(client, auth, runner, session):
    runner.invoke(args=["import", str(DEMO)])
    runner.invoke(args=["user", "add", "zed", "--role", "checker"], input="pw-12345678\n")
    auth.login("editor")
    html = client.get("/review/audit").get_data(as_text=True).split("<tbody>")[1]
    # actions in the viewer's words (English here); the CSV keeps their stored names
    assert html.index("<td>user added</td>") < html.index("<td>file imported</td>")
    assert "kazakhstan-abraham-accords" in html
    response = client.get("/review/audit.csv")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert [r["action"] for r in rows] == ["import", "user.add"]
    assert {"at", "actor", "action", "target", "detail"} <= set(rows[0])


def test_checkers_cannot_read_the_log(client, auth):
    auth.login("checker")
    assert client.get("/review/audit").status_code == 403
    assert client.get("/review/audit.csv").status_code == 403


# --- claim files cannot forge the workflow ----------------------------------------------------
@pytest.fixture
def reviewed_file(tmp_path) -> Path:
    path = tmp_path / "reviewed.yaml"
    path.write_text(
        DEMO.read_text(encoding="utf-8").replace("  status: unverified", "  status: published", 1),
        encoding="utf-8",
    )
    return path


def test_a_file_with_review_work_is_refused_without_trust(runner, session, reviewed_file):
    result = runner.invoke(args=["import", str(reviewed_file)])
    assert result.exit_code == 1 and "--trust" in result.output
    assert session.exec(select(Article)).all() == []


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["--trust"], None, "--as"),
        (["--trust", "--as", "cara"], "pw-123456\n", "admin"),
        (["--trust", "--as", "ada"], "wrong-password\n", "wrong name or password"),
        (["--trust", "--as", "nobody"], "pw-123456\n", "wrong name or password"),
    ],
)
def test_trust_needs_an_admin_with_their_password(
    runner, session, factory, reviewed_file, args, stdin, message
):
    factory.user("ada", role="admin")
    factory.user("cara", role="checker")
    result = runner.invoke(args=["import", *args, str(reviewed_file)], input=stdin)
    assert result.exit_code == 1 and message in result.output
    assert session.exec(select(Article)).all() == []


def test_an_admin_imports_review_work_with_trust_and_it_is_recorded(
    runner, session, factory, reviewed_file
):
    ada = factory.user("ada", role="admin")
    result = runner.invoke(
        args=["import", "--trust", "--as", "ada", str(reviewed_file)], input="pw-123456\n"
    )
    assert result.exit_code == 0, result.output
    [event] = audit(session, "import")
    assert (event.actor, event.user_id, detail(event)["trusted"]) == ("ada", ada.id, True)
