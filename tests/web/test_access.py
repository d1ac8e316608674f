"""Who may use which page: every route of the app, for every kind of visitor.

ACCESS lists each (method, rule) with who may use it. A route added without an entry here
fails ``test_every_route_has_an_access_rule``, so nobody ships a page without deciding.
"""

import pytest
from sqlmodel import select

from factcheck.models import (
    CorrectionRequest,
    ErrorReport,
    Evidence,
    Job,
    ReferenceFactCheck,
    Snapshot,
    Source,
    SourceChange,
    User,
)

PUBLIC, LOGIN, EDITOR, ADMIN = "everyone", "logged in", "editor", "admin"
# the first-run set-up page: once any user exists it is gone (a redirect to the login page)
GONE = "nobody once a user exists"
ROLES = ["anonymous", "disabled", "checker", "editor", "admin"]
ALLOWED = {
    PUBLIC: set(ROLES),
    LOGIN: {"checker", "editor", "admin"},
    EDITOR: {"editor", "admin"},
    ADMIN: {"admin"},
    GONE: set(),
}

ACCESS = {
    # readers' pages
    ("GET", "/"): PUBLIC,
    ("GET", "/articles/<slug>"): PUBLIC,
    ("GET", "/articles/<slug>/claims/<key>"): PUBLIC,
    ("GET", "/articles/<slug>/claims/<key>/share.png"): PUBLIC,
    ("GET", "/articles/<slug>/report"): PUBLIC,
    ("POST", "/articles/<slug>/report"): PUBLIC,
    ("GET", "/articles/<slug>/claims/<key>/report"): PUBLIC,
    ("POST", "/articles/<slug>/claims/<key>/report"): PUBLIC,
    ("GET", "/methodology"): PUBLIC,
    ("GET", "/corrections"): PUBLIC,
    ("GET", "/claimreview.json"): PUBLIC,
    ("GET", "/api/similar"): PUBLIC,  # readers see published checks only
    # logging in and out
    ("GET", "/login"): PUBLIC,
    ("POST", "/login"): PUBLIC,
    ("POST", "/logout"): PUBLIC,
    ("GET", "/setup/<token>"): GONE,
    ("GET", "/invite/<token>"): PUBLIC,  # an unknown link is no page
    ("POST", "/invite/<token>"): PUBLIC,
    ("POST", "/setup/<token>"): GONE,
    ("POST", "/language"): LOGIN,  # the staff's language switcher
    # editors: exports and the readers' error reports
    ("GET", "/export.<fmt>"): EDITOR,
    ("GET", "/reports"): EDITOR,
    ("GET", "/review/audit"): EDITOR,
    ("GET", "/review/audit.csv"): EDITOR,
    ("POST", "/reports/<int:report_id>/close"): EDITOR,
    ("GET", "/review/exports"): EDITOR,
    # admins: the newsroom's people
    ("GET", "/review/users"): ADMIN,
    ("POST", "/review/users"): ADMIN,
    ("POST", "/review/users/invite"): ADMIN,
    ("POST", "/review/users/<int:user_id>/invite"): ADMIN,
    ("GET", "/review/users/<int:user_id>"): ADMIN,
    ("POST", "/review/users/<int:user_id>/role"): ADMIN,
    ("POST", "/review/users/<int:user_id>/password"): ADMIN,
    ("POST", "/review/users/<int:user_id>/disable"): ADMIN,
    ("POST", "/review/users/<int:user_id>/enable"): ADMIN,
    ("POST", "/review/users/<int:user_id>/unlock"): ADMIN,
    # the workspace
    ("GET", "/review/"): LOGIN,
    ("GET", "/review/claims"): LOGIN,
    ("GET", "/review/claims/articles"): LOGIN,  # the queue's article typeahead (JSON)
    ("GET", "/review/articles/<slug>"): LOGIN,
    ("GET", "/review/articles/new"): LOGIN,
    ("POST", "/review/articles/new/address"): LOGIN,
    ("POST", "/review/articles/new/paste"): LOGIN,
    ("POST", "/review/articles/new/file"): LOGIN,
    ("GET", "/review/articles/<slug>/coverage"): LOGIN,
    ("POST", "/review/articles/<slug>/claims"): LOGIN,
    ("POST", "/review/articles/<slug>/merge"): LOGIN,
    ("POST", "/review/articles/<slug>/reextract"): LOGIN,
    ("POST", "/review/articles/<slug>/sources"): LOGIN,
    ("POST", "/review/articles/<slug>/match"): LOGIN,
    ("GET", "/review/claims/<int:claim_id>"): LOGIN,
    ("POST", "/review/claims/<int:claim_id>/assign"): LOGIN,
    ("POST", "/review/claims/<int:claim_id>/delete"): LOGIN,
    ("POST", "/review/claims/<int:claim_id>/edit"): LOGIN,
    ("POST", "/review/claims/<int:claim_id>/evidence"): LOGIN,
    ("POST", "/review/claims/<int:claim_id>/same/<int:earlier_id>"): LOGIN,
    ("POST", "/review/claims/<int:claim_id>/cite/<int:reference_id>"): LOGIN,
    ("POST", "/review/claims/<int:claim_id>/restore"): LOGIN,
    ("POST", "/review/claims/<int:claim_id>/split"): LOGIN,
    ("POST", "/review/claims/<int:claim_id>/status"): LOGIN,  # publishing: see below
    ("POST", "/review/claims/<int:claim_id>/verdict"): LOGIN,  # corrections: see below
    ("POST", "/review/evidence/<int:evidence_id>/state"): LOGIN,
    ("POST", "/review/corrections/<int:correction_id>/approve"): EDITOR,
    ("POST", "/review/corrections/<int:correction_id>/reject"): EDITOR,
    ("POST", "/review/sources/<int:source_id>/fetch"): LOGIN,
    ("POST", "/review/sources/<int:source_id>/paste"): LOGIN,
    # background jobs: started by buttons, polled as JSON, listed
    ("POST", "/review/articles/<slug>/fetch"): LOGIN,
    ("GET", "/review/jobs"): LOGIN,
    ("GET", "/review/jobs/<int:job_id>"): LOGIN,
    # the editors' queue of sources that changed after publication (closing it: editors)
    ("GET", "/review/source-changes"): LOGIN,
    ("POST", "/review/source-changes/<int:change_id>/reviewed"): EDITOR,
}


def app_routes(app) -> set[tuple[str, str]]:
    return {
        (method, rule.rule)
        for rule in app.url_map.iter_rules()
        if rule.endpoint != "static"
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }


def test_every_route_has_an_access_rule(app):
    routes = app_routes(app)
    assert sorted(routes - set(ACCESS)) == [], "add these routes to ACCESS"
    assert sorted(set(ACCESS) - routes) == [], "these routes are gone: remove them from ACCESS"


@pytest.fixture
def world(factory, session):
    """One of everything a route can point to: article, published claim, evidence, source,
    error report."""
    author = factory.user("author", role="checker")
    article = factory.article("World", text_="The bridge opened in 1990. It is long.")
    claim = factory.claim(
        article,
        "The bridge opened in 1990",
        start=0,
        end=25,
        status="published",
        verdict="true",
        rationale="Records.",
        verdict_by_id=author.id,
    )
    source = Source(article_id=article.id, title="Records", url="https://records.example/")
    session.add(source)
    session.commit()
    evidence = Evidence(claim_id=claim.id, source_id=source.id, passage="Opened 1990.")
    report = ErrorReport(article_id=article.id, message="Typo in the verdict.")
    proposer = factory.user("proposer", role="editor")
    corrected = factory.claim(article, "It is long", status="published", verdict="true")
    correction = CorrectionRequest(
        claim_id=corrected.id,
        verdict="false",
        rationale="It is short.",
        note="We measured again.",
        base_version=corrected.version,
        proposed_by_id=proposer.id,
    )
    job = Job(kind="match_article", article_id=article.id, requested_by_id=author.id)
    before, after = (
        Snapshot(source_id=source.id, sha256=str(n), text=f"Opened {year}.")
        for n, year in enumerate((1990, 1991))
    )
    reference = ReferenceFactCheck(
        url="https://fc.example.org/1", claim_reviewed="It opened in 1990.", raw="{}", key="k"
    )
    session.add_all([evidence, report, correction, job, before, after, reference])
    session.commit()
    change = SourceChange(
        claim_id=claim.id,
        source_id=source.id,
        before_snapshot_id=before.id,
        after_snapshot_id=after.id,
    )
    session.add(change)
    session.commit()
    return {
        "slug": article.slug,
        "key": claim.key,
        "claim_id": claim.id,
        "fmt": "json",
        "evidence_id": evidence.id,
        "source_id": source.id,
        "report_id": report.id,
        "job_id": job.id,
        "change_id": change.id,
        "correction_id": correction.id,
        "user_id": author.id,
        "token": "not-the-token",
        "earlier_id": corrected.id,
        "reference_id": reference.id,
    }


def become(role: str, client, auth, factory, session) -> None:
    """Make the test client this kind of visitor."""
    if role == "anonymous":
        return
    user = factory.user(f"{role}-user", role="checker" if role == "disabled" else role)
    auth.login(user)
    if role == "disabled":
        user = session.get(User, user.id)
        user.active = False
        session.add(user)
        session.commit()


def url_for_rule(rule: str, world: dict) -> str:
    url = rule
    for name, value in world.items():
        for converter in ("", "int:"):
            url = url.replace(f"<{converter}{name}>", str(value))
    assert "<" not in url, f"give test_access.world a value for {url}"
    return url


def is_refused(response) -> bool:
    to_login = response.status_code == 302 and "/login" in response.location
    return to_login or response.status_code in (401, 403)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "rule"), sorted(ACCESS))
def test_route_access(client, auth, factory, session, world, role, method, rule):
    become(role, client, auth, factory, session)
    url = url_for_rule(rule, world)
    response = client.open(url, method=method, data={})
    allowed = role in ALLOWED[ACCESS[(method, rule)]]
    if rule == "/login" and method == "POST":
        allowed = True  # a failed login (401) is the page working, not a refusal
        assert response.status_code in (200, 302, 400, 401)
    elif ACCESS[(method, rule)] == GONE:
        assert response.status_code == 302 and response.location.endswith("/login")
    elif allowed:
        assert not is_refused(response), (response.status_code, response.location)
    elif role in ("anonymous", "disabled"):
        assert response.status_code == 302 and "/login" in response.location
    else:
        assert response.status_code == 403
    assert response.status_code < 500


# --- rules that depend on what is asked, not only on the route -----------------------------
@pytest.fixture
def verified(factory, session):
    author = factory.user("author", role="editor")
    article = factory.article("Sign-off")
    claim = factory.claim(
        article,
        "A verified claim",
        status="verified",
        verdict="false",
        rationale="Because.",
        verdict_by_id=author.id,
    )
    session.add(Evidence(claim_id=claim.id, passage="It says so.", state="confirmed"))
    session.commit()
    return claim


@pytest.mark.parametrize(
    ("role", "published"), [("checker", False), ("editor", True), ("admin", True)]
)
def test_publishing_needs_an_editor(client, auth, session, verified, role, published):
    auth.login(role)
    response = client.post(
        f"/review/claims/{verified.id}/status",
        data={"version": verified.version, "to": "published"},
    )
    assert response.status_code == (302 if published else 403)
    session.expire_all()
    assert (session.get(type(verified), verified.id).status == "published") is published


@pytest.mark.parametrize(("role", "allowed"), [("checker", False), ("editor", True)])
def test_correcting_a_published_verdict_needs_an_editor(
    client, auth, session, world, role, allowed
):
    auth.login(role)
    response = client.post(
        f"/review/claims/{world['claim_id']}/verdict",
        data={"version": 1, "verdict": "false", "rationale": "New records.", "note": "Corrected."},
    )
    assert response.status_code == (302 if allowed else 403)


def test_disabled_user_cannot_log_in_again(client, factory):
    factory.user("gone", active=False)
    response = client.post("/login", data={"name": "gone", "password": "pw-123456"})
    assert response.status_code == 401
    assert client.get("/review/").status_code == 302


def test_the_nav_shows_the_workspace_only_to_people_logged_in(client, auth):
    assert 'href="/review/"' not in client.get("/").get_data(as_text=True)
    auth.login("checker")
    html = client.get("/").get_data(as_text=True)
    assert 'href="/review/"' in html and 'href="/review/claims"' in html and "checker" in html


def test_refused_posts_change_nothing(client, world, session):
    from factcheck.models import Claim, ReviewEvent

    def state():
        session.expire_all()
        return (
            session.exec(select(ReviewEvent.id)).all(),
            [(c.text, c.status, c.version, c.deleted_at) for c in session.exec(select(Claim))],
            session.exec(select(Source.id)).all(),
            session.exec(select(Snapshot.id)).all(),
            [(j.id, j.state) for j in session.exec(select(Job))],
            [(c.id, c.reviewed_at) for c in session.exec(select(SourceChange))],
        )

    before = state()
    for (method, rule), access in ACCESS.items():
        if method == "POST" and access != PUBLIC:
            response = client.post(url_for_rule(rule, world), data={"text": "x", "to": "x"})
            assert is_refused(response), rule
    assert state() == before
