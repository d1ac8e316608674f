"""Web downloads: exports only for editors and admins, streamed; the public ClaimReview feed
shows published claims only."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.export.test_formats import FORMULA, TRICKY, reviewed_articles


@pytest.mark.parametrize("fmt", ["csv", "json", "claimreview", "markdown", "html"])
def test_anonymous_visitors_are_sent_to_log_in(client, fmt):
    response = client.get(f"/export.{fmt}")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_checkers_may_not_download_exports(client, auth, session, factory):
    reviewed_articles(session, factory)
    auth.login("checker")
    response = client.get("/export.csv")
    assert response.status_code == 403
    assert TRICKY.encode() not in response.data


@pytest.mark.parametrize("role", ["editor", "admin"])
def test_editors_and_admins_download_a_streamed_csv(client, auth, session, factory, role):
    reviewed_articles(session, factory)
    auth.login(role)
    response = client.get("/export.csv")
    assert response.status_code == 200 and response.is_streamed
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")
    text = response.get_data(as_text=True).removeprefix("\ufeff")
    claims = [row["claim"] for row in csv.DictReader(io.StringIO(text, newline=""))]
    assert claims == [TRICKY, "'" + FORMULA, "The plant makes 40 MW."]


def test_html_report_download_may_style_itself_but_run_nothing(client, auth, session, factory):
    reviewed_articles(session, factory)
    auth.login("editor")
    response = client.get("/export.html")
    assert response.status_code == 200 and "<style>" in response.get_data(as_text=True)
    assert response.headers["Content-Security-Policy"] == (
        "default-src 'none'; style-src 'unsafe-inline'"
    )


def test_download_takes_the_same_selection_as_the_command(client, auth, session, factory):
    rows = reviewed_articles(session, factory)
    auth.login("editor")
    response = client.get(f"/export.json?status=published&article={rows['article'].slug}")
    assert [c["text"] for c in response.get_json()["claims"]] == [TRICKY]
    assert client.get("/export.json?since=yesterday").status_code == 400
    assert client.get("/export.json?status=draft").status_code == 400
    assert client.get("/export.json?article=no-such-article").status_code == 404
    assert client.get("/export.pdf").status_code == 404


def test_public_feed_lists_only_published_claims_without_login(client, session, factory):
    rows = reviewed_articles(session, factory)
    response = client.get("/claimreview.json")
    assert response.status_code == 200 and response.is_streamed
    assert response.headers["Content-Type"].startswith("application/ld+json")
    feed = json.loads(response.get_data(as_text=True))
    assert feed["@type"] == "DataFeed"
    assert [r["claimReviewed"] for r in feed["dataFeedElement"]] == [TRICKY, rows["plain"].text]
    assert "Dihapus." not in response.get_data(as_text=True)  # deleted, though published
    # Without PUBLIC_BASE_URL, verdict pages live where the request came, as the pages say.
    assert feed["dataFeedElement"][0]["url"] == (
        f"http://localhost/articles/{rows['article'].slug}/claims/c1"
    )


def test_feed_links_to_verdict_pages_under_the_public_base_url(app, client, session, factory):
    rows = reviewed_articles(session, factory)
    app.config["PUBLIC_BASE_URL"] = "https://cek.example.id/"
    feed = client.get("/claimreview.json").get_json(force=True)
    assert feed["dataFeedElement"][0]["url"] == (
        f"https://cek.example.id/articles/{rows['article'].slug}/claims/c1"
    )
    page = client.get(f"/articles/{rows['article'].slug}/claims/c1")
    assert page.status_code == 200
    assert feed["dataFeedElement"][0]["url"] in page.get_data(as_text=True)
