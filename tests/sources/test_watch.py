"""Watched sources: which pages are watched, how politely they are asked again, and what a
change of text does (a new snapshot, a diff of passages, claims in the editors' queue)."""

from __future__ import annotations

import time

import pytest
from sqlmodel import select
from werkzeug import Response

from factcheck.jobs.consumer import submit_due_watch, watch_hours
from factcheck.models import Claim, Evidence, ReviewEvent, Snapshot, Source, SourceChange
from factcheck.sources.changes import PassageChange, claims_relying_on, passage_diff
from factcheck.sources.watch import HostPacer, polite_order, watched_sources
from tests.conftest import Clock


def _source(factory, article, url, n=1, title=None):
    return factory._save(Source(article_id=article.id, title=title or url, url=url, position=n))


def test_only_sources_of_articles_with_a_live_published_claim_are_watched(factory, session):
    published = factory.article("Published")
    factory.claim(published, "A published claim", status="published")
    watched = _source(factory, published, "https://a.example/1")
    _source(factory, published, None, 2, title="Printed report only")
    draft = factory.article("Draft")
    factory.claim(draft, "Still in review", status="in_review")
    _source(factory, draft, "https://a.example/2")
    withdrawn = factory.article("Withdrawn")
    claim = factory.claim(withdrawn, "Deleted after publishing", status="published")
    claim.deleted_at = claim.created_at
    factory._save(claim)
    _source(factory, withdrawn, "https://a.example/3")
    assert [s.id for s in watched_sources(session)] == [watched.id]


def test_polite_order_takes_hosts_in_turn():
    sources = [
        Source(id=n, article_id=1, title="", url=url)
        for n, url in enumerate(
            [
                "https://a.example/1",
                "https://a.example/2",
                "https://b.example/1",
                "https://a.example/3",
                "https://c.example/1",
            ]
        )
    ]
    assert [s.url for s in polite_order(sources)] == [
        "https://a.example/1",
        "https://b.example/1",
        "https://c.example/1",
        "https://a.example/2",
        "https://a.example/3",
    ]


def test_host_pacer_waits_only_for_the_same_host_from_the_end_of_its_last_request():
    clock, slept = Clock(100.0), []

    def sleep(seconds):
        slept.append(seconds)
        clock.now += seconds

    def request(url, seconds=0.5):
        with pacer.turn(url) as waited:
            clock.now += seconds  # the request itself
        return waited

    pacer = HostPacer(5.0, clock=clock, sleep=sleep)
    assert request("https://a.example/1") == 0
    clock.now += 1
    assert request("https://b.example/1") == 0
    assert request("https://A.example/2") == pytest.approx(3.5)  # 5 s after the end, 100.5
    clock.now += 10
    assert request("https://a.example/3") == 0
    assert slept == [pytest.approx(3.5)]


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("One.\nTwo.", "One.\nTwo.", []),
        ("One.\nTwo.", "One.\n  Two. ", []),  # white space alone is no change
        (
            "The bridge opened in 1990.\nIt is long.",
            "The bridge opened in 1991.\nIt is long.",
            [
                PassageChange("removed", "The bridge opened in 1990."),
                PassageChange("added", "The bridge opened in 1991."),
            ],
        ),
        ("One.", "One.\nA new paragraph.", [PassageChange("added", "A new paragraph.")]),
    ],
)
def test_passage_diff(before, after, expected):
    assert passage_diff(before, after) == expected


def test_a_change_falls_on_claims_with_evidence_from_the_source_else_on_all_published(
    factory, session
):
    article = factory.article("Bridge")
    cited, uncited = (
        _source(factory, article, "https://a.example/1"),
        _source(factory, article, "https://a.example/2", 2),
    )
    relying = factory.claim(article, "Opened in 1990", status="published")
    other = factory.claim(article, "It is long", status="published")
    factory.claim(article, "Unpublished", status="verified")
    factory._save(Evidence(claim_id=relying.id, source_id=cited.id, passage="Opened 1990."))
    factory._save(
        Evidence(claim_id=other.id, source_id=cited.id, passage="Long.", state="rejected")
    )
    assert [c.id for c in claims_relying_on(session, cited)] == [relying.id]
    assert [c.id for c in claims_relying_on(session, uncited)] == [relying.id, other.id]


# --- a watch round, end to end, through the job queue -------------------------------------
class Site:
    """Pages with ETags that answer 304 to a matching If-None-Match, logging every request."""

    def __init__(self, httpserver):
        self.server, self.pages, self.log = httpserver, {}, []
        for path in ("/bridge", "/river"):
            httpserver.expect_request(path).respond_with_handler(self.answer)

    def answer(self, request):
        text, etag = self.pages[request.path]
        self.log.append((request.path, request.headers.get("If-None-Match"), time.monotonic()))
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        body = "".join(f"<p>{line}</p>" for line in text.split("\n"))
        return Response(
            f"<html><body><!-- {etag} --><article>{body}</article></body></html>",
            content_type="text/html; charset=utf-8",
            headers={"ETag": etag},
        )

    def publish(self, path, text, etag):
        self.pages[path] = (text, etag)


@pytest.fixture
def watched(app, factory, httpserver):
    app.config["WATCH_HOST_SECONDS"] = 0.3
    site = Site(httpserver)
    site.publish("/bridge", "The bridge opened in 1990.\nIt is 2 km long.", '"b1"')
    site.publish("/river", "The river is 300 km long.", '"r1"')
    article = factory.article("Bridge and river")
    bridge = _source(factory, article, httpserver.url_for("/bridge"), 1, "Bridge office")
    river = _source(factory, article, httpserver.url_for("/river"), 2, "River office")
    claim = factory.claim(article, "The bridge opened in 1990", status="published")
    factory._save(Evidence(claim_id=claim.id, source_id=bridge.id, passage="Opened 1990."))
    return site, claim, bridge, river


def _watch_round(app, session, run_jobs) -> str:
    queue = app.extensions["factcheck.jobs"]
    job = queue.submit(session, "watch_sources", user=None).job
    assert run_jobs() == 1
    session.expire_all()
    found = session.get(type(job), job.id)
    assert found.state == "done", found.result
    return found.result


def test_a_watch_round_asks_conditionally_politely_and_flags_a_changed_text(
    app, session, watched, run_jobs
):
    site, claim, bridge, _river = watched
    first = _watch_round(app, session, run_jobs)
    assert first.startswith("re-checked 2 sources of published claims: 0 changed")
    assert len(session.exec(select(Snapshot)).all()) == 2  # first copies: nothing to compare

    assert "0 changed" in _watch_round(app, session, run_jobs)
    second = site.log[2:]
    assert [(path, etag) for path, etag, _ in second] == [("/bridge", '"b1"'), ("/river", '"r1"')]
    assert len(session.exec(select(Snapshot)).all()) == 2  # 304s store nothing
    assert second[1][2] - second[0][2] >= 0.3  # one host: requests WATCH_HOST_SECONDS apart

    site.publish("/bridge", "The bridge opened in 1991.\nIt is 2 km long.", '"b2"')
    third = _watch_round(app, session, run_jobs)
    assert "1 changed (1 claims put in the editors' queue)" in third
    change = session.exec(select(SourceChange)).one()
    assert (change.claim_id, change.source_id, change.reviewed_at) == (claim.id, bridge.id, None)
    after = session.get(Snapshot, change.after_snapshot_id)
    assert "1991" in after.text and change.before_snapshot_id != change.after_snapshot_id
    event = session.exec(select(ReviewEvent).where(ReviewEvent.action == "source_changed")).one()
    assert event.claim_id == claim.id and "Bridge office" in event.note

    site.publish("/bridge", "The bridge opened in 1992.\nIt is 2 km long.", '"b3"')
    _watch_round(app, session, run_jobs)
    widened = session.exec(select(SourceChange)).one()  # still one entry, now to the newest
    assert widened.before_snapshot_id == change.before_snapshot_id
    assert "1992" in session.get(Snapshot, widened.after_snapshot_id).text


def test_a_page_whose_markup_changed_but_not_its_text_flags_nothing(
    app, session, watched, run_jobs
):
    site, _claim, _bridge, _river = watched
    _watch_round(app, session, run_jobs)
    site.publish("/bridge", "The bridge opened in 1990.\nIt is 2 km long.", '"b1-new-ads"')
    assert "0 changed" in _watch_round(app, session, run_jobs)
    assert site.log[-2][1] == '"b1"'  # asked conditionally; the new markup came back whole
    assert session.exec(select(SourceChange)).all() == []
    assert len(session.exec(select(Snapshot)).all()) == 2  # the same text is no new copy


def test_watching_is_off_in_development_and_daily_in_production_by_default(app):
    assert watch_hours({"WATCH_SOURCES_HOURS": None, "PRODUCTION": False}) == 0
    assert watch_hours({"WATCH_SOURCES_HOURS": None, "PRODUCTION": True}) == 24
    assert watch_hours({"WATCH_SOURCES_HOURS": 0, "PRODUCTION": True}) == 0
    queue = app.extensions["factcheck.jobs"]
    assert not submit_due_watch(queue)  # the test app is a development app
    app.config["WATCH_SOURCES_HOURS"] = 6
    assert submit_due_watch(queue)
    assert not submit_due_watch(queue)  # not again within six hours
    assert queue.run_pending() == 1


def test_claim_history_shows_the_change(app, session, watched, run_jobs):
    site, claim, _bridge, _river = watched
    _watch_round(app, session, run_jobs)
    site.publish("/bridge", "The bridge opened in 1991.", '"b2"')
    _watch_round(app, session, run_jobs)
    actions = session.exec(select(ReviewEvent.action).where(ReviewEvent.claim_id == claim.id)).all()
    assert "source_changed" in actions
    assert (
        session.get(Claim, claim.id).status == "published"
    )  # the verdict stands till an editor acts
