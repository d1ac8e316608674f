"""The first run in the browser: before any user exists the home and login pages say where the
set-up address is; the address (printed by `factcheck serve`) makes the first admin once, logs
them in with the demo article in the workspace, and is gone afterwards."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from sqlmodel import select

from factcheck.cli.articles import import_demo, setup_address
from factcheck.models import User
from factcheck.review import firstrun

CLAIMS = Path(__file__).resolve().parents[2] / "claims"
NOTICE = "nobody has an account yet"


@pytest.fixture
def token(app) -> str:
    return firstrun.issue_token(app.instance_path)


def set_up(client, token, name="alice", password="correct horse", confirm=None):
    data = {"name": name, "password": password, "confirm": confirm or password}
    return client.post(f"/setup/{token}", data=data)


def admins(session) -> list[str]:
    session.expire_all()
    return [u.name for u in session.exec(select(User).where(User.role == "admin"))]


def test_before_any_user_home_and_login_say_where_the_set_up_address_is(client):
    for url in ("/", "/login"):
        html = client.get(url).get_data(as_text=True)
        assert NOTICE in html and "factcheck serve" in html, url
        assert "factcheck user add NAME --role admin" in html


def test_the_public_home_says_articles_are_being_checked_not_nothing(client, factory):
    factory.user("ada", role="admin")
    html = client.get("/").get_data(as_text=True)
    assert "checking articles now" in html and "No articles yet" not in html
    assert NOTICE not in html


def test_set_up_makes_the_first_admin_logs_them_in_and_shows_the_demo(app, client, session, token):
    app.config["DEMO_CLAIMS_DIR"] = str(CLAIMS)
    with app.app_context():
        import_demo()  # what `factcheck serve` does before printing the address
    page = client.get(f"/setup/{token}")
    assert page.status_code == 200 and "first admin" in page.get_data(as_text=True)
    response = set_up(client, token)
    assert response.status_code == 302 and response.location.endswith("/review/")
    assert admins(session) == ["alice"]
    workspace = client.get("/review/").get_data(as_text=True)
    assert "you are the first admin" in workspace
    assert "kazakhstan-abraham-accords" in workspace  # the demo article, ready to review
    assert 'href="/review/users"' in workspace  # where to add the second person
    assert not firstrun.token_path(app.instance_path).exists()


def test_after_set_up_the_page_is_gone_and_the_notice_too(client, session, token):
    assert set_up(client, token).status_code == 302
    client.post("/logout")
    for method in ("GET", "POST"):
        again = client.open(f"/setup/{token}", method=method, data={"name": "mallory"})
        assert again.status_code == 302 and again.location.endswith("/login")
    assert NOTICE not in client.get("/").get_data(as_text=True)
    assert NOTICE not in client.get("/login").get_data(as_text=True)
    assert admins(session) == ["alice"]


@pytest.mark.parametrize("given", ["wrong", "x" * 300])
def test_a_wrong_token_is_no_page(client, session, token, given):
    assert client.get(f"/setup/{given}").status_code == 404
    assert set_up(client, given).status_code == 404
    assert admins(session) == []


def test_without_an_issued_token_there_is_no_set_up_page(client):
    assert client.get("/setup/anything").status_code == 404


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"password": "short"}, "needs 8 to 1000 characters"),
        ({"confirm": "another one"}, "the two passwords differ"),
        ({"name": "bad name!"}, "invalid user name"),
        ({"name": ""}, "This field is required"),
    ],
)
def test_bad_input_stores_nothing_and_the_page_stays(client, session, token, fields, message):
    response = set_up(client, token, **fields)
    assert response.status_code in (200, 400)
    assert message in response.get_data(as_text=True)
    assert admins(session) == []
    assert set_up(client, token).status_code == 302  # the address still works


def test_a_double_submit_makes_one_admin(client, session, token):
    assert set_up(client, token).status_code == 302
    second = set_up(client, token, name="alice2")
    assert second.status_code == 302 and second.location.endswith("/login")
    assert client.get("/login").location.endswith("/review/")  # the first click logged in
    assert admins(session) == ["alice"]


def test_serve_prints_the_address_only_while_nobody_can_log_in(app, factory):
    with app.app_context():
        address = setup_address("0.0.0.0", 8000)
        assert address.startswith("http://127.0.0.1:8000/setup/")
        assert firstrun.token_matches(app.instance_path, address.rsplit("/", 1)[1])
        factory.user("ada", role="admin")
        assert setup_address("127.0.0.1", 8000) is None


def test_serve_starts_even_when_it_cannot_write_the_token(app, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the instance folder would be")
    app.instance_path = str(blocked)
    with app.app_context():
        assert setup_address("127.0.0.1", 8000) is None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_readme_run_command_prints_a_set_up_address_that_works(tmp_path):
    port = _free_port()
    env = dict(os.environ, FACTCHECK_INSTANCE=str(tmp_path / "instance"), PYTHONUNBUFFERED="1")
    env.pop("DATABASE_URL", None)
    script = str(Path(sys.executable).parent / "factcheck")
    command = [script, "serve", "--port", str(port), "--no-worker"]
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    web = requests.Session()
    try:
        lines = []
        while not any("/setup/" in line for line in lines):
            line = server.stdout.readline()
            assert line, "serve stopped: " + "".join(lines)
            lines.append(line)
        address = re.search(r"http://\S+/setup/\S+", "".join(lines)).group(0)
        for _ in range(100):  # the server starts listening just after printing
            try:
                page = web.get(address, timeout=5)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        assert page.status_code == 200
        csrf = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page.text).group(1)
        data = {"csrf_token": csrf, "name": "alice", "password": "correct horse"}
        done = web.post(address, data={**data, "confirm": "correct horse"}, timeout=30)
        assert done.status_code == 200 and done.url.endswith("/review/")
        assert "Kazakhstan" in done.text  # the demo article, in the workspace
    finally:
        server.terminate()
        server.wait(timeout=30)
        server.stdout.close()
        web.close()
