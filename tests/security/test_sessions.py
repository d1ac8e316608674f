"""Logging out ends the session on the server: a copied cookie stops working; the CSRF token
changes at login and logout; staff pages are never stored by browsers or proxies; login
attempts from one address are limited."""

from __future__ import annotations

import re

import pytest


@pytest.fixture
def app_config(app_config):
    app_config["WTF_CSRF_ENABLED"] = True
    return app_config


def csrf_token(client, url: str = "/login") -> str:
    html = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)


def log_in(client, name: str = "erin") -> None:
    data = {"name": name, "password": "pw-123456", "csrf_token": csrf_token(client)}
    assert client.post("/login", data=data).status_code == 302


def session_cookie(client) -> str:
    return client.get_cookie("session").value


def test_a_copied_session_cookie_stops_working_at_logout(app, client, factory):
    factory.user("erin", role="editor")
    log_in(client)
    copied = session_cookie(client)
    thief = app.test_client()
    thief.set_cookie("session", copied)
    assert thief.get("/review/").status_code == 200
    assert (
        client.post("/logout", data={"csrf_token": csrf_token(client, "/review/")}).status_code
        == 302
    )
    assert thief.get("/review/").status_code == 302  # to the login page
    assert client.get("/review/").status_code == 302


def test_logging_out_ends_only_that_browser(app, client, factory):
    factory.user("erin", role="editor")
    other = app.test_client()
    log_in(client)
    log_in(other)
    client.post("/logout", data={"csrf_token": csrf_token(client, "/review/")})
    assert other.get("/review/").status_code == 200


def test_the_csrf_token_changes_at_login_and_at_logout(client, factory):
    factory.user("erin")
    before = csrf_token(client)
    log_in(client)
    during = csrf_token(client, "/review/")
    assert during != before
    client.post("/logout", data={"csrf_token": during})
    after = csrf_token(client)
    assert after not in (before, during)


@pytest.mark.parametrize("path", ["/review/", "/review/claims", "/reports", "/login"])
def test_staff_pages_are_never_stored(client, factory, path):
    factory.user("erin", role="editor")
    log_in(client)
    cache_control = client.get(path).headers.get("Cache-Control", "")
    assert "no-store" in cache_control and "private" in cache_control


def test_readers_pages_may_still_be_cached(client):
    assert "no-store" not in client.get("/methodology").headers.get("Cache-Control", "")


def test_one_address_is_stopped_after_too_many_attempts(app, client, factory):
    app.config["LOGIN_ATTEMPTS_PER_ADDRESS"] = 3
    factory.user("erin")
    for name in ("a", "b", "c"):
        data = {"name": name, "password": "x", "csrf_token": csrf_token(client)}
        assert client.post("/login", data=data).status_code == 401
    data = {"name": "erin", "password": "pw-123456", "csrf_token": csrf_token(client)}
    refused = client.post("/login", data=data)
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert "too many login attempts" in refused.get_data(as_text=True)
    other = app.test_client()
    data = {"name": "erin", "password": "pw-123456", "csrf_token": csrf_token(other)}
    assert (
        other.post("/login", data=data, environ_base={"REMOTE_ADDR": "192.0.2.8"}).status_code
        == 302
    )


def test_the_report_limit_holds_across_processes(app_config, factory, session):
    """Two app instances (as two gunicorn workers) share one hourly allowance per address;
    before, each process counted its own (17 of 30 accepted against 5 an hour)."""
    from sqlmodel import func, select

    from factcheck import create_app
    from factcheck.models import ErrorReport

    app_config.update(REPORTS_PER_HOUR=2, WTF_CSRF_ENABLED=False)
    editor = factory.user("erin", role="editor")
    article = factory.article("Shared", slug="shared")
    factory.claim(
        article,
        "A claim",
        key="c1",
        status="published",
        verdict="true",
        rationale="R.",
        verdict_by_id=editor.id,
    )
    workers = [create_app(app_config), create_app(app_config)]
    codes = [
        workers[n % 2]
        .test_client()
        .post("/articles/shared/report", data={"message": f"r{n}"})
        .status_code
        for n in range(4)
    ]
    for worker in workers:
        worker.extensions["factcheck.engine"].dispose()
    assert codes == [303, 303, 429, 429]
    assert session.exec(select(func.count()).select_from(ErrorReport)).one() == 2
