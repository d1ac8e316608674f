"""ClaimReview feeds by address: idempotent, all or nothing, one clear error for bad input."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from factcheck.models import AuditEvent, ReferenceFactCheck
from tests.archive.test_checked_before import claimreview, feed


def _review(n: int, **more) -> dict:
    return claimreview(f"Claim number {n} was checked.", f"https://fc.example.org/{n}", **more)


def _import(runner, url: str):
    return runner.invoke(args=["import", url])


def test_second_import_updates_what_changed_and_adds_nothing_twice(server, runner, session):
    server.expect_request("/feed").respond_with_data(
        feed(_review(1), _review(2)), content_type="application/json"
    )
    assert "2 added, 0 updated, 0 unchanged" in _import(runner, server.url_for("/feed")).output
    server.clear()
    server.expect_request("/feed").respond_with_data(
        feed(_review(1, reviewRating={"alternateName": "True"}), _review(2), _review(3)),
        content_type="application/json",
    )
    result = _import(runner, server.url_for("/feed"))
    assert "3 reviews: 1 added, 1 updated, 1 unchanged" in result.output
    rows = session.exec(select(ReferenceFactCheck).order_by(ReferenceFactCheck.id)).all()
    assert [r.rating for r in rows] == ["True", "False", "False"]
    assert rows[0].feed == server.url_for("/feed")
    audit = session.exec(select(AuditEvent).where(AuditEvent.action == "import_feed")).all()
    assert len(audit) == 2 and json.loads(audit[1].detail)["updated"] == 1


def test_review_without_rating_language_or_date_is_kept_and_marked(server, runner, session):
    bare = {"@type": "ClaimReview", "url": "https://fc.example.org/bare", "claimReviewed": "X."}
    server.expect_request("/feed").respond_with_data(
        json.dumps([bare]), content_type="application/ld+json"
    )
    result = _import(runner, server.url_for("/feed"))
    assert "1 without a rating, language or date (kept, marked)" in result.output
    [row] = session.exec(select(ReferenceFactCheck)).all()
    from factcheck.archive.reference import missing_fields

    assert missing_fields(row) == ["rating", "language", "date"]


@pytest.mark.parametrize(
    ("body", "content_type", "message"),
    [
        ('{"@type": "WebPage", "name": "not a feed"}', "application/json", "no ClaimReview found"),
        ("<html>a page</html>", "text/html", "content type is text/html"),
        ('{"dataFeedElement": [{"@type": "ClaimReview", "url": ', "application/json", "not JSON"),
        (
            feed(_review(1), {"@type": "ClaimReview", "url": 42, "claimReviewed": ["a"]}),
            "application/json",
            "ClaimReview #2: missing url",
        ),
        (
            feed(_review(1), {"@type": "ClaimReview", "url": "https://x.example/1"}),
            "application/json",
            "ClaimReview #2: missing claimReviewed",
        ),
    ],
)
def test_bad_feed_is_one_clear_error_and_imports_nothing(
    server, runner, session, body, content_type, message
):
    server.expect_request("/feed").respond_with_data(body, content_type=content_type)
    result = _import(runner, server.url_for("/feed"))
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert session.exec(select(ReferenceFactCheck)).all() == []


def test_huge_feed_is_refused_whole(app, server, runner, session):
    app.config["FEED_MAX_BYTES"] = 2000
    server.expect_request("/feed").respond_with_data(
        feed(*[_review(n) for n in range(50)]), content_type="application/json"
    )
    result = _import(runner, server.url_for("/feed"))
    assert result.exit_code == 1 and "is more than the limit of 2000" in result.output
    assert session.exec(select(ReferenceFactCheck)).all() == []


def test_feed_redirecting_to_a_private_address_is_refused(app, server, runner, session):
    app.config["FETCH_ALLOW_PRIVATE"] = False
    server.expect_request("/feed").respond_with_data(
        "", status=302, headers={"Location": "http://10.0.0.7/feed.json"}
    )
    # the feed's own address is loopback too; allow it alone, as a newsroom's intranet would be
    from factcheck.archive import feeds

    settings = feeds.feed_settings(app.config)
    from dataclasses import replace

    host = f"127.0.0.1:{server.port}"
    trusted = replace(settings, trusted_hosts=frozenset({host}))
    from factcheck.errors import InputError

    with pytest.raises(InputError, match="private address"):
        feeds.import_feed_url(session, server.url_for("/feed"), trusted)
    session.rollback()
    assert session.exec(select(ReferenceFactCheck)).all() == []


def test_feeds_command_imports_the_configured_feeds_and_reports_refusals(app, server, runner):
    server.expect_request("/good").respond_with_data(
        feed(_review(1)), content_type="application/json"
    )
    server.expect_request("/bad").respond_with_data("nope", content_type="application/json")
    app.config["ARCHIVE_FEEDS"] = [server.url_for("/good"), server.url_for("/bad")]
    result = runner.invoke(args=["feeds"])
    assert result.exit_code == 1
    assert "1 reviews: 1 added" in result.output
    assert f"{server.url_for('/bad')}: refused: " in result.output
    assert "archived claims embedded" in result.output


def test_similar_command_table_and_jsonl_give_the_same_checks(server, runner):
    server.expect_request("/feed").respond_with_data(
        feed(
            claimreview(
                "Indonesia imports 90 percent of the salt it uses.", "https://fc.example.org/salt"
            )
        ),
        content_type="application/json",
    )
    _import(runner, server.url_for("/feed"))
    table = runner.invoke(
        args=["similar", "Indonesia mengimpor 90 persen garamnya", "--lang", "id"]
    )
    assert table.exit_code == 0, table.output
    assert "SAME" in table.output and "https://fc.example.org/salt" in table.output
    lines = runner.invoke(
        args=["similar", "Indonesia mengimpor 90 persen garamnya", "--format", "jsonl"]
    ).output.splitlines()
    first = json.loads(lines[0])
    assert first["url"] == "https://fc.example.org/salt" and first["same"] is True
    assert first["verdict"] == "False" and first["language"] == "en"
