"""People and access: users, passwords, lock-out, disabling; the `factcheck user` commands;
logging in and out through the web."""

from datetime import timedelta

import pytest
from sqlmodel import select

from factcheck.errors import InputError, NotFound
from factcheck.models import User, utcnow
from factcheck.review import users

LIMITS = {"max_failures": 3, "lockout_seconds": 60}


def login(session, name, password, now=None):
    user = users.authenticate(session, name, password, now=now, **LIMITS)
    session.commit()
    return user


@pytest.fixture
def alice(session):
    user = users.create_user(session, "alice", "editor", "correct horse")
    session.commit()
    return user


def test_created_user_logs_in_with_their_password_only(session, alice):
    assert alice.password_hash != "correct horse"
    assert login(session, "alice", "correct horse").id == alice.id
    assert login(session, "alice", "Correct horse") is None


@pytest.mark.parametrize(
    ("name", "role", "password", "message"),
    [
        ("", "checker", "long enough", "invalid user name"),
        ("has space", "checker", "long enough", "invalid user name"),
        ("x" * 81, "checker", "long enough", "invalid user name"),
        ("bob", "boss", "long enough", "unknown role 'boss'; roles: admin, editor, checker"),
        ("bob", "checker", "short", "at least 8 characters"),
    ],
)
def test_bad_new_user_is_refused_with_a_clear_message(session, name, role, password, message):
    with pytest.raises(InputError, match=message):
        users.create_user(session, name, role, password)


def test_duplicate_name_is_refused(session, alice):
    with pytest.raises(InputError, match="already exists"):
        users.create_user(session, "alice", "checker", "another one")


def test_too_many_failures_lock_the_account_even_for_the_right_password(session, alice):
    now = utcnow()
    for _ in range(LIMITS["max_failures"]):
        assert login(session, "alice", "wrong guess", now=now) is None
    assert users.is_locked(alice, now)
    assert login(session, "alice", "correct horse", now=now + timedelta(seconds=59)) is None
    later = now + timedelta(seconds=61)
    assert login(session, "alice", "correct horse", now=later).id == alice.id
    assert alice.failed_logins == 0 and alice.locked_until is None


def test_failures_are_counted_in_the_database(session, alice):
    login(session, "alice", "wrong guess")
    session.expire_all()
    assert session.get(User, alice.id).failed_logins == 1


def test_success_resets_the_failure_count(session, alice):
    login(session, "alice", "wrong guess")
    login(session, "alice", "correct horse")
    assert alice.failed_logins == 0


def test_disabled_user_cannot_log_in_and_enabling_ends_a_lockout(session, alice):
    users.disable_user(session, "alice")
    assert login(session, "alice", "correct horse") is None
    alice.locked_until = utcnow() + timedelta(hours=1)
    users.enable_user(session, "alice")
    assert login(session, "alice", "correct horse").id == alice.id


def test_unknown_user_fails_like_a_wrong_password(session, alice):
    assert login(session, "nobody", "correct horse") is None
    with pytest.raises(NotFound, match="no user named 'nobody'"):
        users.disable_user(session, "nobody")


# --- the command line ------------------------------------------------------------------------
def stored(session, name):
    session.expire_all()
    return session.exec(select(User).where(User.name == name)).first()


def test_user_add_reads_the_password_from_stdin(runner, session):
    result = runner.invoke(args=["user", "add", "alice", "--role", "admin"], input="s3cret-pass\n")
    assert result.exit_code == 0, result.output
    assert "added alice (admin)" in result.output
    assert "s3cret-pass" not in result.output
    assert login(session, "alice", "s3cret-pass").role == "admin"


def test_password_is_never_accepted_on_the_command_line(runner, app, session):
    for command in app.cli.get_command(None, "user").commands.values():
        assert not any("password" in opt for p in command.params for opt in p.opts), command
    result = runner.invoke(
        args=["user", "add", "bob", "--password", "s3cret-pass"], input="s3cret-pass\n"
    )
    assert result.exit_code != 0 and "No such option" in result.output
    assert stored(session, "bob") is None


def test_user_add_without_a_password_on_stdin_stores_nothing(runner, session):
    result = runner.invoke(args=["user", "add", "carol"], input="")
    assert result.exit_code == 1
    assert "no password on stdin" in result.output
    assert stored(session, "carol") is None


def test_user_add_with_an_unknown_role_is_refused(runner, session):
    result = runner.invoke(args=["user", "add", "dan", "--role", "boss"], input="s3cret-pass\n")
    assert result.exit_code == 2 and "boss" in result.output
    assert stored(session, "dan") is None


def test_user_list_disable_enable_and_password(runner, session, alice):
    assert runner.invoke(args=["user", "disable", "alice"]).exit_code == 0
    listed = runner.invoke(args=["user", "list"]).output
    assert "alice" in listed and "editor" in listed and "disabled" in listed
    assert runner.invoke(args=["user", "enable", "alice"]).exit_code == 0
    assert "active" in runner.invoke(args=["user", "list"]).output
    result = runner.invoke(args=["user", "password", "alice"], input="brand-new-pass\n")
    assert result.exit_code == 0, result.output
    session.expire_all()  # the command changed the row through its own session
    assert login(session, "alice", "brand-new-pass") is not None
    assert login(session, "alice", "correct horse") is None


def test_user_commands_name_a_missing_user(runner):
    result = runner.invoke(args=["user", "disable", "nobody"])
    assert result.exit_code == 1 and "no user named 'nobody'" in result.output


# --- the web --------------------------------------------------------------------------------
def test_login_page_redirects_to_the_workspace_and_shows_the_name(client, factory):
    factory.user("erin", role="checker")
    response = client.post("/login", data={"name": "erin", "password": "pw-123456"})
    assert response.status_code == 302 and response.location.endswith("/review/")
    page = client.get("/review/").get_data(as_text=True)
    assert "erin" in page and "Log out" in page


def test_login_messages_are_equal_for_unknown_user_wrong_password_and_lockout(app, client, factory):
    app.config["LOGIN_MAX_FAILURES"] = 2
    factory.user("erin")
    tries = [("nobody", "pw-123456"), ("erin", "wrong"), ("erin", "wrong"), ("erin", "pw-123456")]
    pages = [
        client.post("/login", data={"name": name, "password": password}) for name, password in tries
    ]
    assert [p.status_code for p in pages] == [401] * 4
    # the form shows the typed name again; apart from that the pages are byte for byte equal
    bodies = {
        p.get_data(as_text=True).replace(f'value="{name}"', "")
        for p, (name, _) in zip(pages, tries, strict=True)
    }
    assert len(bodies) == 1
    assert users.LOGIN_FAILED in bodies.pop()


def test_login_goes_back_to_the_page_asked_for_but_never_off_site(client, factory):
    factory.user("erin")
    response = client.get("/review/claims")
    assert response.status_code == 302 and "/login?next=" in response.location
    data = {"name": "erin", "password": "pw-123456", "next": "/review/claims"}
    assert client.post("/login", data=data).location.endswith("/review/claims")
    client.post("/logout")
    data["next"] = "//evil.example/x"
    assert client.post("/login", data=data).location.endswith("/review/")


def test_logout_ends_the_session(client, auth):
    auth.login("checker")
    assert client.get("/review/").status_code == 200
    assert client.post("/logout").status_code == 302
    assert client.get("/review/").status_code == 302


def test_disabling_a_user_logs_them_out(client, auth, session):
    user = auth.login("checker")
    users.disable_user(session, user.name)
    session.commit()
    assert client.get("/review/").status_code == 302


def test_new_password_ends_open_sessions(client, auth, session):
    user = auth.login("checker")
    users.change_password(session, user.name, "another-pass")
    session.commit()
    assert client.get("/review/").status_code == 302
