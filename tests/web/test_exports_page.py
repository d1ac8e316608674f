"""The editors' exports page: a link to every export format for the chosen selection, one
article's claim file, the audit log; each link downloads what `factcheck export` writes."""

from __future__ import annotations

import json
import re

import yaml

from factcheck.export.stream import FORMATS
from tests.export.test_formats import TRICKY, reviewed_articles


def links(html: str) -> list[str]:
    return [href.replace("&amp;", "&") for href in re.findall(r'href="([^"]+)" download', html)]


def test_every_format_is_linked_and_each_link_downloads(client, auth, session, factory):
    reviewed_articles(session, factory)
    auth.login("editor")
    html = client.get("/review/exports").get_data(as_text=True)
    found = links(html)
    for fmt in FORMATS:
        assert f"/export.{fmt}" in found
    assert "/review/audit.csv" in found and "choose one article above" in html
    bodies = {}
    for href in found:
        response = client.get(href)
        assert response.status_code == 200, href
        assert response.headers["Content-Disposition"].startswith("attachment"), href
        bodies[href] = response.get_data(as_text=True)  # read to the end: streamed
    claims = json.loads(bodies["/export.json"])["claims"]
    assert TRICKY in [c["text"] for c in claims]


def test_the_links_follow_the_chosen_selection(client, auth, session, factory):
    rows = reviewed_articles(session, factory)
    slug = rows["article"].slug
    auth.login("admin")
    html = client.get(f"/review/exports?article={slug}&status=published&since=2025-01-01")
    found = links(html.get_data(as_text=True))
    assert f"/export.csv?article={slug}&status=published&since=2025-01-01" in found
    claimfile = f"/export.claimfile?article={slug}"
    assert claimfile in found
    response = client.get(claimfile)
    assert response.headers["Content-Disposition"] == f'attachment; filename="{slug}.yaml"'
    assert yaml.safe_load(response.get_data(as_text=True))["article"]["slug"] == slug


def test_a_claim_file_without_an_article_says_why(client, auth):
    auth.login("editor")
    response = client.get("/export.claimfile")
    assert response.status_code == 400
    assert "a claim file holds one article" in response.get_data(as_text=True)
    assert client.get("/export.claimfile?article=nope").status_code == 404


def test_checkers_see_no_exports_link_and_no_page(client, auth):
    auth.login("checker")
    assert 'href="/review/exports"' not in client.get("/review/").get_data(as_text=True)
    assert client.get("/review/exports").status_code == 403
    assert client.get("/export.claimfile?article=x").status_code == 403
