"""The rendered-page cache of the readers' verdict pages: reuse while nothing changed, and
every change readers must see (publish, correction, unpublish, evidence, archive) visible on
the next request, or after PUBLIC_CACHE_SECONDS when the micro-cache is on."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from factcheck.models import Claim, Evidence, Snapshot, Source
from factcheck.review import editing, workflow
from factcheck.review.evidence import confirm_evidence, reject_evidence
from factcheck.sources.cited import add_source
from factcheck.sources.snapshots import paste_text
from factcheck.web.public import pagecache
from factcheck.web.public.pagecache import CachedPage, PageCache
from tests.conftest import Clock
from tests.web.test_public import SCALE, correct, publish


@pytest.fixture
def people(factory):
    return factory.user("checker1", "checker"), factory.user("editor1", "editor")


@pytest.fixture
def article(factory, session, people):
    """An English article: c1 published with an archived source, c2 still in review."""
    article = factory.article(
        "Election turnout", language="en", publisher="Gazette", published_date=date(2025, 11, 7)
    )
    first = factory.claim(article, "Turnout was 71 percent.", key="c1", position=1)
    factory.claim(article, "Polls closed at 8 pm.", key="c2", position=2)
    source = Source(
        article_id=article.id,
        position=1,
        title="Election office",
        url="https://elections.example/2025",
    )
    session.add(source)
    session.flush()
    session.add(
        Snapshot(
            source_id=source.id,
            url=source.url,
            sha256="0" * 64,
            text="Turnout: 71.2 percent.",
            fetched_at=datetime(2025, 11, 8, 9, 30, tzinfo=UTC),
        )
    )
    session.commit()
    publish(session, first, checker=people[0], editor=people[1], rationale="Office says 71.2.")
    return article


def claim_of(session, article, key) -> Claim:
    return session.exec(select(Claim).where(Claim.article_id == article.id, Claim.key == key)).one()


def page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.get_data(as_text=True)


PATHS = ["/", "/articles/{slug}", "/articles/{slug}/claims/c1"]


# --- reuse --------------------------------------------------------------------------------
@pytest.mark.parametrize("path", PATHS)
def test_unchanged_page_is_served_from_the_cache_after_one_stamp_query(
    client, article, statements, path
):
    path = path.format(slug=article.slug)
    first = client.get(path)
    rendering = len(statements)
    statements.clear()
    again = client.get(path)
    assert len(statements) == 1 < rendering  # the stamp only: no page query, no render
    assert again.data == first.data and again.headers["ETag"] == first.headers["ETag"]
    assert again.headers["Last-Modified"] == first.headers["Last-Modified"]


def test_a_page_is_built_with_one_stamp_and_five_page_queries(client, article, statements):
    assert client.get(f"/articles/{article.slug}").status_code == 200
    assert len(statements) == 6


def test_sources_show_their_newest_archived_copy(client, session, article):
    source = session.exec(select(Source).where(Source.article_id == article.id)).one()
    session.add(
        Snapshot(
            source_id=source.id,
            url=source.url,
            sha256="1" * 64,
            text="Later.",
            fetched_at=datetime(2025, 12, 1, 8, 0, tzinfo=UTC),
        )
    )
    session.add(
        Snapshot(
            source_id=source.id,
            url=source.url,
            sha256="2" * 64,
            text="Earlier.",
            fetched_at=datetime(2025, 10, 1, 8, 0, tzinfo=UTC),
        )
    )
    session.commit()
    text = page(client, f"/articles/{article.slug}")
    assert '<time datetime="2025-12-01">December 1, 2025</time>' in text
    assert 'datetime="2025-11-08"' not in text and 'datetime="2025-10-01"' not in text


def test_without_the_micro_cache_an_unchanged_page_skips_flask_after_its_stamp_query(
    app, client, article, statements
):
    assert app.config["PUBLIC_CACHE_SECONDS"] == 0  # every request checks the database
    entered = []
    app.before_request(lambda: entered.append(1))
    path = f"/articles/{article.slug}/claims/c1"
    rendered = client.get(path)
    statements.clear()
    kept = client.get(path)
    assert len(entered) == 1  # the second answer came from before Flask ...
    assert len(statements) == 1  # ... after reading the stamp, and nothing else
    assert kept.data == rendered.data and kept.headers["ETag"] == rendered.headers["ETag"]
    assert kept.headers["Content-Security-Policy"] == rendered.headers["Content-Security-Policy"]


def test_without_the_micro_cache_a_changed_page_reads_its_stamp_once(
    app, client, session, article, people, statements
):
    path = f"/articles/{article.slug}"
    page(client, path)
    publish(session, claim_of(session, article, "c2"), checker=people[0], editor=people[1])
    statements.clear()
    assert "Polls closed at 8 pm." in page(client, path)  # read before Flask, rendered in it
    assert len(statements) == 6  # one stamp query (not two), then the page's five


def test_a_stamp_the_database_cannot_give_before_flask_leaves_the_page_to_flask(
    app, client, article, monkeypatch
):
    from sqlalchemy.exc import OperationalError

    path = f"/articles/{article.slug}"
    first = page(client, path)
    calls = []

    def failing_once(engine, read):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("SELECT", {}, Exception("server closed the connection"))
        return pagecache.read_outside_transaction(engine, read)

    monkeypatch.setattr(pagecache, "read_stamp", failing_once)
    assert page(client, path) == first  # Flask read it again, and served the stored page
    assert len(calls) == 2


def test_if_none_match_is_answered_from_the_stamp_without_rendering(client, article, statements):
    path = f"/articles/{article.slug}"
    etag = client.get(path).headers["ETag"]
    statements.clear()
    answer = client.get(path, headers={"If-None-Match": etag})
    assert answer.status_code == 304 and answer.data == b""
    assert len(statements) == 1


def test_unknown_article_is_not_found_from_the_stamp(client, statements):
    assert client.get("/articles/nothing-here").status_code == 404
    assert client.get("/articles/nothing-here/claims/c1").status_code == 404
    assert len(statements) == 2


def test_pages_for_different_hosts_are_kept_apart(client, article):
    path = f"/articles/{article.slug}"
    one = page(client.application.test_client(), path)
    other = client.get(path, base_url="http://mirror.example").get_data(as_text=True)
    assert 'href="http://localhost/articles/' in one
    assert 'href="http://mirror.example/articles/' in other


def test_logged_in_staff_get_their_own_page_and_readers_never_see_it(app, client, article, auth):
    path = f"/articles/{article.slug}"
    assert "Log out" not in page(client, path)  # now cached for readers
    auth.login("editor1")
    page(client, path)  # takes the login's flash message, if any
    assert "Log out" in page(client, path)
    assert "Log out" not in page(app.test_client(), path)


def test_a_thank_you_message_is_not_kept_for_the_next_reader(app, client, article):
    path = f"/articles/{article.slug}/claims/c1"
    page(client, path)
    sent = client.post(path + "/report", data={"message": "The figure is 71.2."})
    assert sent.status_code == 303
    thanks = client.get(path)
    assert "Thank you" in thanks.get_data(as_text=True)
    assert thanks.headers["Cache-Control"] == "no-store"
    assert "Thank you" not in page(app.test_client(), path)
    assert "Thank you" not in page(client, path)  # shown once


# --- changes readers must see on the next request (PUBLIC_CACHE_SECONDS = 0) ----------------
def test_a_publish_shows_on_the_next_request(client, session, article, people):
    before = {path: page(client, path.format(slug=article.slug)) for path in PATHS}
    assert "Polls closed" not in before["/articles/{slug}"]
    publish(
        session,
        claim_of(session, article, "c2"),
        checker=people[0],
        editor=people[1],
        verdict="true",
    )
    assert "Polls closed" in page(client, f"/articles/{article.slug}")
    assert "Polls closed" in page(client, f"/articles/{article.slug}/claims/c2")
    assert page(client, "/") != before["/"]  # the verdict counts moved


def test_a_correction_shows_on_the_next_request(client, session, factory, article, people):
    paths = [p.format(slug=article.slug) for p in PATHS[1:]]
    for path in paths:
        assert "Office says 71.2." in page(client, path)
    claim = claim_of(session, article, "c1")
    correct(
        session,
        claim,
        "half_true",
        "Rounded down from 71.2.",
        editor=people[1],
        approver=factory.user("editor2", "editor"),
        note="Rounding.",
    )
    for path in paths:
        text = page(client, path)
        assert "Rounded down from 71.2." in text and "Office says 71.2." not in text
    assert SCALE.get("half_true").label("en") in page(client, "/")


def test_an_unpublish_shows_on_the_next_request(client, session, article, people):
    for path in PATHS:
        page(client, path.format(slug=article.slug))
    claim = claim_of(session, article, "c1")
    workflow.change_status(
        session,
        claim,
        "verified",
        user=people[1],
        expected_version=claim.version,
        note="Rechecking the figure.",
    )
    session.commit()
    assert client.get(f"/articles/{article.slug}/claims/c1").status_code == 404
    assert client.get(f"/articles/{article.slug}").status_code == 404  # nothing published
    assert "Election turnout" not in page(client, "/")


def test_a_deleted_claim_disappears_on_the_next_request(client, session, article, people):
    publish(session, claim_of(session, article, "c2"), checker=people[0], editor=people[1])
    assert "Polls closed" in page(client, f"/articles/{article.slug}")
    claim = claim_of(session, article, "c2")
    workflow.change_status(
        session,
        claim,
        "verified",
        user=people[1],
        expected_version=claim.version,
        note="Withdrawn.",
    )
    editing.delete_claim(session, claim, user=people[1], expected_version=claim.version)
    session.commit()
    assert "Polls closed" not in page(client, f"/articles/{article.slug}")
    assert client.get(f"/articles/{article.slug}/claims/c2").status_code == 404


def test_confirmed_and_rejected_evidence_show_on_the_next_request(client, session, article, people):
    path = f"/articles/{article.slug}/claims/c1"
    claim = claim_of(session, article, "c1")
    evidence = Evidence(claim_id=claim.id, passage="Turnout reached 71.2 percent.")
    session.add(evidence)
    session.commit()
    assert "Turnout reached 71.2 percent." not in page(client, path)  # only suggested
    confirm_evidence(session, evidence, user=people[1], expected_version=claim.version)
    session.commit()
    assert "Turnout reached 71.2 percent." in page(client, path)
    reject_evidence(session, evidence, user=people[1], expected_version=claim.version)
    session.commit()
    assert "Turnout reached 71.2 percent." not in page(client, path)


def test_a_new_source_and_its_archived_copy_show_on_the_next_request(
    client, session, article, people
):
    path = f"/articles/{article.slug}"
    assert "Statistics bureau" not in page(client, path)
    added = add_source(
        session, article, "https://stats.example/turnout", user=people[0], title="Statistics bureau"
    )
    session.commit()
    text = page(client, path)
    assert "Statistics bureau" in text and "not archived" in text
    paste_text(session, added, "Turnout 71.2%.", user=people[0])
    session.commit()
    assert "not archived" not in page(client, path)


# --- a change to one claim re-renders its page and the article's, not the other claims' ---
@pytest.fixture
def two_published(session, article, people):
    """``article`` with c1 and c2 published."""
    publish(session, claim_of(session, article, "c2"), checker=people[0], editor=people[1])
    return article


def correct_claim(session, factory, article, people, key: str, verdict: str, rationale: str):
    """A correction of claim ``key``, proposed by editor1 and approved by editor2."""
    correct(
        session,
        claim_of(session, article, key),
        verdict,
        rationale,
        editor=people[1],
        approver=factory.user("editor2", "editor"),
        note="Re-read.",
    )


@pytest.fixture
def renders(app):
    """The templates the app renders (appended as they render; clear it to start counting)."""
    from flask import template_rendered

    seen: list[str] = []

    def record(_app, template, **_context):
        seen.append(template.name)

    template_rendered.connect(record, app)
    yield seen
    template_rendered.disconnect(record, app)


def test_a_change_to_one_claim_leaves_the_other_claims_pages_unrendered(
    app, client, session, factory, two_published, people, statements, renders
):
    slug, entered = two_published.slug, []
    app.before_request(lambda: entered.append(1))
    kept = client.get(f"/articles/{slug}/claims/c1")
    for path in (f"/articles/{slug}", f"/articles/{slug}/claims/c2"):
        page(client, path)
    correct_claim(
        session, factory, two_published, people, "c2", "true", "Polls closed at 8 pm sharp."
    )
    renders.clear()
    entered.clear()
    statements.clear()
    again = client.get(f"/articles/{slug}/claims/c1")
    assert again.data == kept.data and again.headers["ETag"] == kept.headers["ETag"]
    assert renders == [] and entered == []  # kept, before Flask ...
    assert len(statements) == 2  # ... after the article's stamp and the claim's own
    statements.clear()
    assert page(client, f"/articles/{slug}/claims/c1") == kept.get_data(as_text=True)
    assert len(statements) == 1  # re-stamped: the article's stamp alone says it is current
    assert "Polls closed at 8 pm sharp." in page(client, f"/articles/{slug}/claims/c2")
    assert "Polls closed at 8 pm sharp." in page(client, f"/articles/{slug}")
    assert renders == ["public/claim.html", "public/article.html"]


def test_a_change_to_the_claim_itself_still_shows_on_its_page(
    client, session, factory, two_published, people
):
    path = f"/articles/{two_published.slug}/claims/c1"
    assert "Office says 71.2." in page(client, path)
    correct_claim(
        session, factory, two_published, people, "c1", "half_true", "Rounded down from 71.2."
    )
    text = page(client, path)
    assert "Rounded down from 71.2." in text and "Office says 71.2." not in text


def test_a_new_source_still_shows_on_every_claim_page(client, session, two_published, people):
    paths = [f"/articles/{two_published.slug}/claims/{key}" for key in ("c1", "c2")]
    for path in paths:
        assert "Statistics bureau" not in page(client, path)
    add_source(
        session,
        two_published,
        "https://stats.example/turnout",
        user=people[0],
        title="Statistics bureau",
    )
    session.commit()
    for path in paths:
        assert "Statistics bureau" in page(client, path)


def test_another_claims_change_then_this_claims_unpublish_gives_a_404(
    client, session, two_published, people
):
    path = f"/articles/{two_published.slug}/claims/c1"
    page(client, path)
    other = claim_of(session, two_published, "c2")
    workflow.change_status(
        session, other, "verified", user=people[1], expected_version=other.version, note="Again."
    )
    session.commit()
    page(client, path)  # kept, re-stamped with the article's new stamp
    claim = claim_of(session, two_published, "c1")
    workflow.change_status(
        session, claim, "verified", user=people[1], expected_version=claim.version, note="Again."
    )
    session.commit()
    assert client.get(path).status_code == 404


def test_within_the_ttl_a_change_to_another_claim_costs_one_own_stamp_query(
    client, session, factory, two_published, people, micro, statements, renders
):
    path = f"/articles/{two_published.slug}/claims/c1"
    kept = page(client, path)
    correct_claim(session, factory, two_published, people, "c2", "true", "Exactly.")
    renders.clear()
    micro.now += 2.1
    statements.clear()
    assert page(client, path) == kept
    assert len(statements) == 2 and renders == []
    statements.clear()
    micro.now += 1
    assert page(client, path) == kept
    assert statements == []  # the new stamp is a second old, and the page carries it


# --- the micro-cache (PUBLIC_CACHE_SECONDS > 0) --------------------------------------------
@pytest.fixture
def micro(app, monkeypatch):
    """PUBLIC_CACHE_SECONDS = 2 with a clock the test moves."""
    app.config["PUBLIC_CACHE_SECONDS"] = 2
    clock = Clock()
    monkeypatch.setattr(pagecache, "monotonic", clock)
    return clock


def test_within_the_ttl_pages_are_served_without_any_query(client, article, micro, statements):
    path = f"/articles/{article.slug}"
    first = page(client, path)
    statements.clear()
    micro.now += 1.5
    assert page(client, path) == first
    assert statements == []


def test_within_the_ttl_pages_of_one_article_share_one_stamp_query(
    client, article, micro, statements
):
    page(client, f"/articles/{article.slug}")
    assert len(statements) == 6  # the stamp, then the page
    statements.clear()
    micro.now += 1
    page(client, f"/articles/{article.slug}/claims/c1")
    # the page's five and, before them, its claim's own stamp (kept for changes to other
    # claims), but not its article's stamp: that one is a second old
    assert len(statements) == 6 and re.search(r'claim\."?key"? = ', statements[0])


def test_within_the_ttl_pages_skip_flask_but_keep_every_header(app, client, article, micro):
    entered = []
    app.before_request(lambda: entered.append(1))
    path = f"/articles/{article.slug}/claims/c1"
    rendered = client.get(path)
    micro.now += 1
    kept = client.get(path)
    assert len(entered) == 1  # the second answer came from before Flask
    assert kept.data == rendered.data
    for name in (
        "Content-Security-Policy",
        "X-Frame-Options",
        "ETag",
        "Last-Modified",
        "Cache-Control",
        "Vary",
        "Content-Type",
        "Content-Length",
    ):
        assert kept.headers[name] == rendered.headers[name], name
    assert "Set-Cookie" not in kept.headers


def test_within_the_ttl_staff_and_conditional_requests_still_reach_the_app(
    client, article, micro, auth
):
    path = f"/articles/{article.slug}"
    etag = client.get(path).headers["ETag"]
    assert client.get(path, headers={"If-None-Match": etag}).status_code == 304
    auth.login("editor1")
    page(client, path)  # takes the login's flash message, if any
    assert "Log out" in page(client, path)


def test_forwarded_host_is_part_of_the_key_behind_a_trusted_proxy(app_config, article):
    from factcheck import create_app

    proxied = create_app(dict(app_config, TRUSTED_PROXIES=1, PUBLIC_CACHE_SECONDS=60))
    try:
        client, path = proxied.test_client(), f"/articles/{article.slug}"
        one = page(client, path)
        other = client.get(
            path, headers={"X-Forwarded-Host": "checks.example.org", "X-Forwarded-Proto": "https"}
        )
        assert 'href="http://localhost/articles/' in one
        assert 'href="https://checks.example.org/articles/' in other.get_data(as_text=True)
    finally:
        proxied.extensions["factcheck.engine"].dispose()


@pytest.mark.parametrize("change", ["publish", "correction", "unpublish", "evidence"])
def test_a_change_shows_once_the_ttl_has_passed(
    client, session, factory, article, people, micro, change
):
    path = f"/articles/{article.slug}"
    if change == "unpublish":  # another published claim keeps the page there
        publish(session, claim_of(session, article, "c2"), checker=people[0], editor=people[1])
    before = page(client, path)
    claim = claim_of(session, article, "c1")
    if change == "publish":
        publish(session, claim_of(session, article, "c2"), checker=people[0], editor=people[1])
    elif change == "correction":
        correct(
            session,
            claim,
            "true",
            "Exactly right.",
            editor=people[1],
            approver=factory.user("editor2", "editor"),
            note="Re-read.",
        )
    elif change == "unpublish":
        workflow.change_status(
            session,
            claim,
            "verified",
            user=people[1],
            expected_version=claim.version,
            note="Rechecking.",
        )
    else:
        evidence = Evidence(claim_id=claim.id, passage="Turnout reached 71.2 percent.")
        session.add(evidence)
        session.flush()
        confirm_evidence(session, evidence, user=people[1], expected_version=claim.version)
    session.commit()
    micro.now += 1.9
    assert page(client, path) == before  # still inside the two seconds
    micro.now += 0.2
    assert page(client, path) != before


# --- the store itself ---------------------------------------------------------------------
def _page(body: bytes) -> CachedPage:
    return CachedPage(stamp_key="k", stamp=1, body=body, etag="x", last_modified=None)


def test_the_cache_drops_the_least_recently_used_page_beyond_its_page_limit():
    cache = PageCache(max_pages=2)
    cache.put("a", _page(b"a"))
    cache.put("b", _page(b"b"))
    assert cache.get("a") is not None  # now "b" is the least recently used
    cache.put("c", _page(b"c"))
    assert len(cache) == 2 and cache.get("b") is None
    assert cache.get("a") is not None and cache.get("c") is not None


def test_the_cache_stays_under_its_byte_limit():
    cache = PageCache(max_bytes=10)
    cache.put("a", _page(b"12345"))
    cache.put("b", _page(b"12345"))
    cache.put("a", _page(b"123456"))  # replacing a page counts only the new body
    assert cache.get("b") is None and cache.get("a") is not None
    cache.put("big", _page(b"x" * 11))  # larger than the whole budget: not kept at all
    assert len(cache) == 0
