"""Messages made below the web, in the viewer's language: with the interface in Indonesian, a
refused status change, the two-person rule, a rate limit, a failed fetch job and a finished
match job each show Indonesian text, and no English sentence is left on the page (the
stored English lines of jobs and fetches do not count as known text: see test_i18n_pages)."""

from __future__ import annotations

from sqlmodel import select

from factcheck.models import Job, Source
from factcheck.review import users
from tests.web.test_i18n_pages import known_text, leftover_english
from tests.web.test_review_ui import add_census_evidence, post_from_page

TEXT = "Penduduk negara itu berjumlah 20 juta orang menurut sensus terakhir."


def in_indonesian(client, auth, name: str):
    """Log ``name`` in and switch their interface to Indonesian."""
    user = auth.login(name)
    client.get("/review/")  # shows (and so clears) the login's message
    assert client.post("/language", data={"language": "id"}).status_code == 303
    return user


def english_on(app, session, page: str) -> list[str]:
    return leftover_english(page, known_text(session, app.extensions["factcheck.ratings"]))


def _article(factory, url: str | None = None):
    article = factory.article("Sensus", text_=TEXT, language="id")
    claim = factory.claim(article, TEXT, status="in_review")
    source = factory._save(Source(article_id=article.id, title="Kantor sensus", url=url))
    return article, claim, source


def test_a_refused_status_change_is_explained_in_indonesian(app, client, auth, session, factory):
    _article_row, claim, _source = _article(factory)
    in_indonesian(client, auth, "editor")
    response = post_from_page(client, claim, "status", to="verified")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert f"klaim {claim.key} memerlukan penilaian sebelum diverifikasi" in page
    assert english_on(app, session, page) == []


def test_the_two_person_rule_speaks_indonesian(app, client, auth, session, factory):
    _article_row, claim, _source = _article(factory)
    in_indonesian(client, auth, "editor")
    post_from_page(client, claim, "verdict", verdict="false", rationale="Sensus berkata lain.")
    add_census_evidence(client, claim)
    assert post_from_page(client, claim, "status", to="verified").status_code == 302
    response = post_from_page(client, claim, "status", to="published")
    page = response.get_data(as_text=True)
    assert response.status_code == 403
    assert "aturan dua orang" in page and "two-person rule" not in page
    assert english_on(app, session, page) == []


def test_a_rate_limited_login_says_so_in_indonesian(app, client, session, factory):
    app.config["LOGIN_ATTEMPTS_PER_ADDRESS"] = 2
    factory.user("erin")
    indonesian = {"Accept-Language": "id"}
    for name in ("a", "b"):
        client.post("/login", data={"name": name, "password": "x"}, headers=indonesian)
    refused = client.post(
        "/login", data={"name": "erin", "password": "pw-123456"}, headers=indonesian
    )
    page = refused.get_data(as_text=True)
    assert refused.status_code == 429
    assert "terlalu banyak percobaan masuk dari alamat Anda" in page
    assert english_on(app, session, page) == []


def test_a_failed_fetch_job_shows_its_error_in_indonesian(
    app, client, auth, session, factory, httpserver, run_jobs
):
    article, _claim, source = _article(factory, httpserver.url_for("/table.png"))
    httpserver.expect_request("/table.png").respond_with_data(b"\x89PNG", content_type="image/png")
    in_indonesian(client, auth, "checker")
    client.post(f"/review/articles/{article.slug}/fetch")
    run_jobs()
    job = session.exec(select(Job)).one()
    assert job.state == "failed" and "refused, the content type is image/png" in job.result
    page = client.get(f"/review/articles/{article.slug}").get_data(as_text=True)
    assert "tidak ada sumber yang dapat diambil" in page
    assert "ditolak, jenis isinya image/png" in page
    assert english_on(app, session, page) == []
    status = client.get(f"/review/jobs/{job.id}").json
    assert status["result"].startswith("tidak ada sumber yang dapat diambil: http")
    assert "refused" not in status["result"]
    jobs_page = client.get("/review/jobs").get_data(as_text=True)
    assert english_on(app, session, jobs_page) == []


def test_a_finished_match_job_reports_in_indonesian(app, client, auth, session, factory, run_jobs):
    article, _claim, _source = _article(factory)
    in_indonesian(client, auth, "checker")
    queued = client.post(f"/review/articles/{article.slug}/match", follow_redirects=True)
    assert "Mencocokkan" in queued.get_data(as_text=True)
    run_jobs()
    job = session.exec(select(Job)).one()
    assert job.state == "done" and job.result.startswith("Matched 1 claim against")
    page = client.get(f"/review/articles/{article.slug}").get_data(as_text=True)
    assert "1 klaim dicocokkan dengan" in page
    assert english_on(app, session, page) == []


def test_the_same_job_reads_in_english_for_an_english_viewer(
    client, auth, session, factory, run_jobs
):
    article, _claim, _source = _article(factory)
    auth.login("checker")
    client.post(f"/review/articles/{article.slug}/match")
    run_jobs()
    status = client.get(f"/review/jobs/{session.exec(select(Job.id)).one()}").json
    assert status["result"].startswith("Matched 1 claim against 1 passages")


def test_audit_actions_are_named_in_the_viewers_language(app, client, auth, session, factory):
    admin = in_indonesian(client, auth, "admin")
    users.create_user(session, "budi", "editor", "pw-123456", actor=admin)
    session.commit()
    page = client.get("/review/audit").get_data(as_text=True)
    assert "pengguna ditambahkan" in page and "user.add" not in page.split("<select")[0]
    assert english_on(app, session, page) == []
