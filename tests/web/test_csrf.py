"""With CSRF protection on (as in production), a POST without the form's token is refused
with 400 and changes nothing; with the token from the page it works."""

import re

import pytest
from sqlmodel import select

from factcheck.models import Claim, ErrorReport, ReviewEvent, User


@pytest.fixture
def app_config(app_config):
    app_config["WTF_CSRF_ENABLED"] = True
    return app_config


def token(client, url: str) -> str:
    html = client.get(url).get_data(as_text=True)
    found = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert found, f"no CSRF token on {url}"
    return found.group(1)


def login(client, name="checker"):
    response = client.post(
        "/login",
        data={"name": name, "password": "pw-123456", "csrf_token": token(client, "/login")},
    )
    assert response.status_code == 302


@pytest.fixture
def claim(factory):
    factory.user("checker")
    return factory.claim(factory.article("Csrf"), "The bridge opened in 1990")


def test_login_without_token_is_refused(client, factory):
    factory.user("checker")
    response = client.post("/login", data={"name": "checker", "password": "pw-123456"})
    assert response.status_code == 400
    assert "security token" in response.get_data(as_text=True)
    assert client.get("/review/").status_code == 302  # not logged in


def test_review_action_without_token_is_refused(client, session, claim):
    login(client)
    data = {"version": "1", "to": "in_review"}
    response = client.post(f"/review/claims/{claim.id}/status", data=data)
    assert response.status_code == 400
    session.expire_all()
    assert session.get(Claim, claim.id).status == "unverified"
    assert session.exec(select(ReviewEvent)).all() == []
    data["csrf_token"] = token(client, f"/review/claims/{claim.id}")
    assert client.post(f"/review/claims/{claim.id}/status", data=data).status_code == 302
    session.expire_all()
    assert session.get(Claim, claim.id).status == "in_review"


def test_logout_without_token_is_refused(client, claim):
    login(client)
    assert client.post("/logout").status_code == 400
    assert client.get("/review/").status_code == 200  # still logged in


def test_public_error_report_without_token_is_refused(client, session, factory):
    article = factory.article("Reported")
    factory.claim(
        article, "A published claim", status="published", verdict="true", rationale="Records."
    )
    url = f"/articles/{article.slug}/report"
    message = {"message": "The year is wrong, it was 1991."}
    assert client.post(url, data=message).status_code == 400
    assert session.exec(select(ErrorReport)).all() == []
    response = client.post(url, data={**message, "csrf_token": token(client, url)})
    assert response.status_code == 303
    assert len(session.exec(select(ErrorReport)).all()) == 1


def test_queue_search_is_a_get_form_without_token(client, claim):
    login(client)
    response = client.get("/review/claims?q=bridge&status=unverified")
    assert response.status_code == 200
    assert "The bridge opened in 1990" in response.get_data(as_text=True)


def test_every_post_route_refuses_a_missing_token(client, factory, session):
    """Whatever the route (the workspace's, the admins', the set-up page's, the readers'),
    a POST without the token is refused, even from an admin, and changes nothing."""
    from tests.web.test_access import ACCESS, url_for_rule, world

    places = world.__wrapped__(factory, session)
    factory.user("admin", role="admin")
    login(client, "admin")
    before = session.exec(select(ReviewEvent)).all(), session.exec(select(ErrorReport)).all()
    for method, rule in sorted(ACCESS):
        if method == "POST":
            response = client.post(url_for_rule(rule, places), data={"text": "x", "to": "x"})
            assert response.status_code == 400, rule
    assert client.get("/review/").status_code == 200  # still logged in: /logout refused too
    session.expire_all()
    after = session.exec(select(ReviewEvent)).all(), session.exec(select(ErrorReport)).all()
    assert after == before


def test_first_run_set_up_needs_the_token_of_its_form(app, client, session):
    from factcheck.models import User
    from factcheck.review import firstrun

    url = f"/setup/{firstrun.issue_token(app.instance_path)}"
    data = {"name": "alice", "password": "correct horse", "confirm": "correct horse"}
    assert client.post(url, data=data).status_code == 400
    assert session.exec(select(User)).all() == []
    assert client.post(url, data={**data, "csrf_token": token(client, url)}).status_code == 302
    assert [u.name for u in session.exec(select(User))] == ["alice"]


def test_queue_rows_share_the_pages_token_and_each_keep_their_own_request_id(
    client, session, factory, claim
):
    second = factory.claim(factory.article("Csrf two"), "The tunnel opened in 2001")
    checker = session.exec(select(User).where(User.name == "checker")).one()
    login(client)
    html = client.get("/review/claims").get_data(as_text=True)

    def hidden(claim_id: int) -> dict[str, str]:
        action = f"/review/claims/{claim_id}/assign"
        form = html.split(f'action="{action}"')[1].split("</form>")[0]
        return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))

    first, other = hidden(claim.id), hidden(second.id)
    assert first["csrf_token"] == other["csrf_token"]
    assert first["request_id"] != other["request_id"]
    without = {k: v for k, v in other.items() if k != "csrf_token"}
    url = f"/review/claims/{second.id}/assign"
    assert client.post(url, data=dict(without, assignee=str(checker.id))).status_code == 400
    assert client.post(url, data=dict(other, assignee=str(checker.id))).status_code == 302
    session.expire_all()
    assert session.get(Claim, second.id).assignee_id == checker.id
