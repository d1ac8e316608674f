"""Hostile requests get a clear 4xx, never a 500, on SQLite and PostgreSQL alike: NUL bytes
anywhere in a request, ids too large for the database, and form numbers out of range.

Run on both databases (``DATABASE_URL``): PostgreSQL refuses NUL characters and integers past
2**31 - 1 outright, SQLite past 2**63 - 1.
"""

from __future__ import annotations

import pytest
from sqlmodel import func, select

from factcheck.models import Claim, ErrorReport, ReviewEvent, Source, User

HUGE = ["2147483648", "9223372036854775808", "99999999999999999999999999"]


@pytest.fixture
def world(factory, session):
    editor = factory.user("erin", role="editor")
    article = factory.article("World", text_="The bridge opened in 1990. It is long.", slug="world")
    claim = factory.claim(
        article,
        "The bridge opened in 1990",
        key="c1",
        start=0,
        end=25,
        status="published",
        verdict="true",
        rationale="Records.",
        verdict_by_id=editor.id,
    )
    source = Source(article_id=article.id, title="Records", url="https://records.example/")
    session.add(source)
    session.commit()
    return {"article": article, "claim": claim, "source": source}


def changes(session) -> tuple:
    session.expire_all()
    return tuple(
        session.exec(select(func.count()).select_from(model)).one()
        for model in (Claim, ReviewEvent, ErrorReport, Source, User)
    )


def says_nul(response) -> bool:
    return response.status_code == 400 and "NUL" in response.get_data(as_text=True)


# --- NUL bytes ------------------------------------------------------------------------------
ANONYMOUS_GETS = [
    "/articles/%00",
    "/articles/world%00",
    "/articles/world/claims/%00",
    "/articles/%00/claims/c1",
    "/articles/%00/report",
    "/articles/world/claims/c1%00/report",
    "/login?next=%00",
    "/?q=%00",
    "/claimreview.json?x=%00",
    "/methodology?lang=%00",
    "/%00",
]


@pytest.mark.parametrize("path", ANONYMOUS_GETS)
def test_a_nul_byte_in_an_address_is_a_clear_400(client, world, path):
    assert says_nul(client.get(path))


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/login", {"name": "\x00", "password": "pw-123456"}),
        ("/login", {"name": "erin", "password": "pw\x00123456"}),
        ("/login", {"name": "erin\x00admin", "password": "x", "next": "/review/"}),
        ("/articles/world/report", {"message": "wrong\x00date"}),
        ("/articles/world/report", {"message": "wrong date", "contact": "a@b\x00.c"}),
        ("/articles/world/claims/c1/report", {"message": "\x00"}),
        ("/articles/%00/report", {"message": "x"}),
    ],
)
def test_a_nul_byte_in_a_public_form_is_a_clear_400_and_nothing_is_stored(
    client, session, world, path, data
):
    before = changes(session)
    assert says_nul(client.post(path, data=data))
    assert changes(session) == before


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/review/claims?q=%00", None),
        ("/review/claims?article=%00&status=%00", None),
        ("/review/articles/%00", None),
        ("/export.json?article=%00", None),
        ("/export.csv?since=%00", None),
        ("/review/articles/world/claims", {"text": "A new\x00claim"}),
        ("/review/articles/world/sources", {"url": "https://x.example/\x00"}),
        ("/review/claims/{claim}/edit", {"version": "1", "text": "x\x00y"}),
        (
            "/review/claims/{claim}/verdict",
            {"version": "1", "verdict": "true", "rationale": "\x00"},
        ),
        (
            "/review/claims/{claim}/evidence",
            {"version": "1", "url": "https://a.example/", "quote": "\x00"},
        ),
        ("/review/sources/{source}/paste", {"text": "copied\x00text"}),
    ],
)
def test_a_nul_byte_in_a_staff_request_is_a_clear_400_and_nothing_is_stored(
    client, auth, session, world, path, data
):
    auth.login("erin")
    before = changes(session)
    path = path.format(claim=world["claim"].id, source=world["source"].id)
    response = client.get(path) if data is None else client.post(path, data=data)
    assert says_nul(response)
    assert changes(session) == before


# --- ids and numbers out of range ------------------------------------------------------------
@pytest.mark.parametrize("number", HUGE)
@pytest.mark.parametrize(
    ("method", "pattern"),
    [
        ("GET", "/review/claims/{n}"),
        ("POST", "/review/claims/{n}/verdict"),
        ("POST", "/review/claims/{n}/status"),
        ("POST", "/review/evidence/{n}/state"),
        ("POST", "/review/sources/{n}/fetch"),
        ("POST", "/review/sources/{n}/paste"),
        ("POST", "/reports/{n}/close"),
    ],
)
def test_an_id_too_large_for_the_database_is_not_found(
    client, auth, world, number, method, pattern
):
    auth.login("erin")
    response = client.open(pattern.format(n=number), method=method, data={"version": "1"})
    assert response.status_code == 404


@pytest.mark.parametrize("number", HUGE)
@pytest.mark.parametrize(
    ("path", "field", "data"),
    [
        ("/review/claims/{claim}/verdict", "version", {"verdict": "true", "rationale": "R."}),
        ("/review/claims/{claim}/assign", "assignee", {"version": "1"}),
        ("/review/articles/world/claims", "start", {"end": "3"}),
        ("/review/articles/world/claims", "end", {"start": "0"}),
    ],
)
def test_a_form_number_too_large_for_the_database_is_a_400(
    client, auth, session, world, number, path, field, data
):
    auth.login("erin")
    before = changes(session)
    path = path.format(claim=world["claim"].id)
    response = client.post(path, data={**data, field: number})
    assert response.status_code == 400
    assert changes(session) == before


@pytest.mark.parametrize("number", HUGE)
def test_merging_claims_with_ids_too_large_changes_nothing(client, auth, session, world, number):
    auth.login("erin")
    before = changes(session)
    response = client.post(
        "/review/articles/world/merge",
        data={"claims": [f"{world['claim'].id}:1", f"{number}:1", f"1:{number}"]},
    )
    assert response.status_code == 400
    assert changes(session) == before


@pytest.mark.parametrize("page", HUGE + ["-1", "x", "%00"])
def test_a_page_number_out_of_range_is_harmless(client, auth, world, page):
    auth.login("erin")
    assert client.get(f"/review/claims?page={page}").status_code in (200, 400)
    assert client.get(f"/review/?page={page}").status_code in (200, 400)
