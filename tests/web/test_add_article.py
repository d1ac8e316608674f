"""Adding an article in the browser: by pasting it, uploading a file or giving its address.
Each gets the checks of `factcheck ingest` with their one-line errors, stores nothing on an
error, stores one article for a double submit, and has its claims proposed by a job."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlmodel import select
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from factcheck.models import Article, AuditEvent, Claim, Job, Source

DATA = Path(__file__).resolve().parents[1] / "data"
HTML_PAGE = (DATA / "ingest" / "english.html").read_bytes()
ARTICLE = """Kota Sungai Emas mencatat inflasi 3,1 persen pada Oktober 2025

Oleh: Rina Wulandari

Badan Pusat Statistik (BPS) Kota Sungai Emas mencatat inflasi tahunan 3,1 persen pada Oktober 2025.
Harga cabai merah naik 40 persen dibanding bulan sebelumnya, kata Kepala BPS Budi Santoso.

Sumber:
Berita Resmi Statistik BPS https://bps.example.go.id/brs/2025-10
"""


@pytest.fixture
def checker(auth):
    return auth.login("checker")


def articles(session) -> list[Article]:
    session.expire_all()
    return list(session.exec(select(Article)).all())


def jobs(session) -> list[Job]:
    session.expire_all()
    return list(session.exec(select(Job).order_by(Job.id)).all())


def paste(client, text=ARTICLE, **fields):
    return client.post("/review/articles/new/paste", data={"text": text, **fields})


def upload(client, data: bytes, name="article.txt", **fields):
    # encoded here, in memory: the test client would spool a large body to a temporary file
    # and leave it open when the app refuses the body unread
    boundary, body = encode_multipart({"file": FileStorage(io.BytesIO(data), name), **fields})
    return client.post(
        "/review/articles/new/file",
        data=body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )


def test_the_page_offers_the_three_ways(client, checker):
    html = client.get("/review/articles/new").get_data(as_text=True)
    for action in ("/review/articles/new/paste", "/review/articles/new/address"):
        assert f'action="{action}"' in html
    assert 'enctype="multipart/form-data"' in html and "At most 2048 KiB" in html


def test_a_pasted_article_is_stored_at_once_and_its_claims_proposed_by_a_job(
    client, session, checker, run_jobs
):
    response = paste(client, publisher="Kabar Sungai Emas")
    article = articles(session)[0]
    assert response.status_code == 302 and response.location.endswith(f"/{article.slug}")
    assert article.language == "id" and article.author == "Rina Wulandari"
    assert article.publisher == "Kabar Sungai Emas"
    assert [s.url for s in session.exec(select(Source))] == [
        "https://bps.example.go.id/brs/2025-10"
    ]
    assert session.exec(select(Claim)).all() == []  # proposing claims is a job's work
    page = client.get(response.location).get_data(as_text=True)
    assert "Article added with 1 cited source." in page and "Proposing claims" in page
    run_jobs()
    (job,) = jobs(session)
    assert (job.kind, job.state, job.article_id) == ("propose_claims", "done", article.id)
    claims = session.exec(select(Claim).where(Claim.article_id == article.id)).all()
    assert len(claims) >= 2 and job.result == f"{len(claims)} claims proposed"
    assert any("3,1 persen" in c.text for c in claims)
    audit = session.exec(select(AuditEvent).where(AuditEvent.action == "article.ingest")).one()
    assert audit.actor == checker.name


def test_a_double_submitted_paste_stores_one_article(client, session, checker):
    assert paste(client).status_code == 302
    second = paste(client)
    assert second.status_code == 302
    assert len(articles(session)) == 1 and len(jobs(session)) == 1
    page = client.get(second.location).get_data(as_text=True)
    assert "already stored as" in page and "nothing changed" in page


@pytest.mark.parametrize(
    ("text", "status", "message"),
    [
        ("   \n  ", 400, "This field is required"),
        ("Only a title\n", 400, "the document has no article text"),
        ("Title\nBody with a NUL \x00 inside.", 400, "NUL character"),
        ("x" * 600 + "\nThe body.", 400, "the title (give one with --title) is too long"),
    ],
)
def test_bad_pasted_text_stores_nothing_with_one_line_saying_why(
    client, session, checker, text, status, message
):
    response = paste(client, text=text)
    assert response.status_code == status
    assert message in response.get_data(as_text=True)
    assert articles(session) == [] and jobs(session) == []


def test_an_html_file_upload_is_read_as_ingest_reads_it(client, session, checker):
    response = upload(client, HTML_PAGE, name="lumen.html")
    assert response.status_code == 302
    (article,) = articles(session)
    assert article.title.startswith("Port of Lumen reopens")
    assert "Copyright" not in article.text and article.language == "en"


def test_a_text_file_with_a_byte_order_mark_is_utf8(client, session, checker):
    assert upload(client, b"\xef\xbb\xbf" + ARTICLE.encode()).status_code == 302
    assert articles(session)[0].title.startswith("Kota Sungai Emas")


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "empty.txt", "empty.txt: the file is empty"),
        (b"Judul\nHarga naik \xe9 persen.", "latin1.txt", "latin1.txt: not valid UTF-8 (byte 17)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "photo.txt", "photo.txt: contains a NUL byte"),
        (b"<html><body><nav>Home</nav></body></html>", "page.html", "has no article text"),
    ],
)
def test_a_bad_file_stores_nothing_with_one_line_saying_why(
    client, session, checker, data, name, message
):
    response = upload(client, data, name=name)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert articles(session) == [] and jobs(session) == []


def test_a_file_name_with_folders_is_shown_without_them(client, session, checker):
    response = upload(client, b"", name="../../etc/passwd")
    assert "passwd: the file is empty" in response.get_data(as_text=True)
    assert "../" not in response.get_data(as_text=True)


def test_a_huge_upload_is_refused_before_it_is_read(client, session, checker):
    response = upload(client, b"a" * (3 * 1024 * 1024))
    assert response.status_code == 413
    assert "larger than 2048 KiB. Nothing was saved" in response.get_data(as_text=True)
    assert articles(session) == [] and jobs(session) == []


def test_no_file_chosen_is_said(client, session, checker):
    response = client.post("/review/articles/new/file", data={}, content_type="multipart/form-data")
    assert response.status_code == 400 and "This field is required" in response.get_data(
        as_text=True
    )


# --- by address --------------------------------------------------------------------------
def test_an_address_is_fetched_by_a_job_that_stores_the_article_and_its_claims(
    client, session, checker, server, run_jobs
):
    server.expect_request("/lumen").respond_with_data(HTML_PAGE, content_type="text/html")
    url = server.url_for("/lumen")
    response = client.post("/review/articles/new/address", data={"url": url})
    assert response.status_code == 302 and response.location.endswith("/review/articles/new")
    assert server.log == [] and articles(session) == []  # nothing fetched in the request
    page = client.get(response.location).get_data(as_text=True)
    assert "queued" in page and "Adding an article from its address" in page
    run_jobs()
    (job,) = jobs(session)
    (article,) = articles(session)
    assert (job.kind, job.state, job.article_id) == ("ingest_url", "done", article.id)
    assert article.url == url and article.title.startswith("Port of Lumen reopens")
    claims = session.exec(select(Claim).where(Claim.article_id == article.id)).all()
    assert job.result.startswith("added “Port of Lumen") and f"{len(claims)} proposed" in job.result
    listed = client.get("/review/articles/new").get_data(as_text=True)
    assert f'href="/review/articles/{article.slug}"' in listed  # the job links to it


def test_the_same_address_twice_stores_one_article(client, session, checker, server, run_jobs):
    server.expect_request("/lumen").respond_with_data(HTML_PAGE, content_type="text/html")
    for _ in range(2):
        client.post("/review/articles/new/address", data={"url": server.url_for("/lumen")})
    run_jobs()
    (article,) = articles(session)
    results = [(j.state, j.article_id, j.result) for j in jobs(session)]
    assert results[1] == (
        "done",
        article.id,
        f"already added as “{article.title}”; nothing changed",
    )


def test_a_dead_address_fails_its_job_with_one_line_and_stores_nothing(
    client, session, checker, server, run_jobs
):
    server.expect_request("/gone").respond_with_data("Not here", status=404)
    client.post("/review/articles/new/address", data={"url": server.url_for("/gone")})
    run_jobs()
    (job,) = jobs(session)
    assert job.state == "failed" and "404" in job.result and "\n" not in job.result
    assert articles(session) == []


def test_an_address_nobody_answers_fails_its_job(client, session, checker, run_jobs):
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client.post("/review/articles/new/address", data={"url": f"http://127.0.0.1:{port}/x"})
    run_jobs()
    (job,) = jobs(session)
    assert job.state == "failed" and job.result and articles(session) == []


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://example.org/a.txt", "not an address", "http://"]
)
def test_an_address_that_is_no_web_address_is_refused_at_once(client, session, checker, url):
    response = client.post("/review/articles/new/address", data={"url": url})
    assert response.status_code == 400
    assert "must be one web address starting with http:// or https://" in response.get_data(
        as_text=True
    )
    assert jobs(session) == []


def test_a_private_address_is_refused_by_the_fetcher_in_the_job(
    app, client, session, checker, run_jobs
):
    app.config["FETCH_ALLOW_PRIVATE"] = False
    client.post("/review/articles/new/address", data={"url": "http://127.0.0.1:9/admin"})
    run_jobs()
    (job,) = jobs(session)
    assert job.state == "failed" and "loopback address" in job.result
    assert articles(session) == []
