"""The claim page's data without a request: the article, evidence with its sources, history,
people; and what a refused save shows (the claim as now stored, its latest events)."""

import pytest
from sqlalchemy import event
from sqlmodel import Session

from factcheck.models import Article, Claim, Evidence, ReviewEvent, Source
from factcheck.review import workflow
from factcheck.review.claimpage import (
    RECENT_EVENTS,
    HistoryEvent,
    Sibling,
    load_claim_page,
    load_conflict,
)


@pytest.fixture
def claim(factory):
    article = factory.article("Kazakhstan")
    return factory.claim(article, "Kazakhstan has 20 million people")


def add(session, *rows):
    session.add_all(rows)
    session.commit()
    return rows


def test_evidence_comes_best_first_with_its_source(session, factory, claim):
    (source,) = add(session, Source(article_id=claim.article_id, position=1, title="Census"))
    elsewhere = factory.claim(factory.article("Other"), "Another claim")
    low, unscored, high, added, foreign = add(
        session,
        Evidence(claim_id=claim.id, source_id=source.id, passage="about 19 million", score=0.3),
        Evidence(claim_id=claim.id, source_id=source.id, passage="population unknown"),
        Evidence(claim_id=claim.id, source_id=source.id, passage="20 million people", score=0.9),
        Evidence(claim_id=claim.id, url="https://example.org/", passage="quoted", score=0.5),
        Evidence(claim_id=elsewhere.id, passage="not this claim's", score=1.0),
    )
    data = load_claim_page(session, claim=claim)
    assert data.article.title == "Kazakhstan"
    shown = [(e.id, s.title if s else None) for e, s in data.evidence]
    # best score first, unscored last; evidence added by address has no source
    assert shown == [
        (high.id, "Census"),
        (added.id, None),
        (low.id, "Census"),
        (unscored.id, "Census"),
    ]


def test_history_is_the_claims_own_oldest_first(session, factory, claim):
    other = factory.claim(factory.article("Other"), "Another claim")
    add(
        session,
        ReviewEvent(claim_id=claim.id, actor="a", action="first"),
        ReviewEvent(claim_id=other.id, actor="a", action="elsewhere"),
        ReviewEvent(claim_id=claim.id, actor="a", action="second"),
    )
    assert [e.action for e in load_claim_page(session, claim=claim).events] == ["first", "second"]


def test_people_named_include_disabled_ones_but_only_active_ones_can_be_chosen(
    session, factory, claim
):
    ana, bo = factory.user("ana"), factory.user("bo", active=False)
    data = load_claim_page(session, claim=claim)
    assert data.people.names == {ana.id: "ana", bo.id: "bo"}
    assert data.people.active == [(ana.id, "ana")]


def test_conflict_shows_the_claim_as_someone_else_saved_it(app, session, factory, claim):
    mine, theirs = factory.user("mine"), factory.user("theirs")
    seen = claim.version
    with Session(app.extensions["factcheck.engine"]) as other_session:
        for n in range(RECENT_EVENTS + 2):  # more saves than the page lists
            found = other_session.get(type(claim), claim.id)
            workflow.assign(
                other_session,
                found,
                mine if n % 2 else theirs,
                user=theirs,
                expected_version=found.version,
            )
            other_session.commit()
    now = load_conflict(session, claim=claim)
    assert now.claim.version == seen + RECENT_EVENTS + 2  # reloaded, not what this session saw
    assert now.assignee.name == "theirs"
    assert len(now.recent) == RECENT_EVENTS
    assert [e.id for e in now.recent] == sorted((e.id for e in now.recent), reverse=True)
    assert now.recent[0].to_value == "theirs"


def test_conflict_on_an_unassigned_claim_names_no_assignee(session, claim):
    now = load_conflict(session, claim=claim)
    assert (now.assignee, now.recent) == (None, [])


def test_history_events_carry_what_the_event_stored(session, factory, claim):
    """The page reads its history as HistoryEvent tuples: each field is the ReviewEvent's."""
    user = factory.user("ana")
    (stored,) = add(
        session,
        ReviewEvent(
            claim_id=claim.id,
            user_id=user.id,
            actor="ana",
            action="verdict",
            from_value="false",
            to_value="true",
            note="checked",
            public=True,
            request_id="r1",
        ),
    )
    (event,) = load_claim_page(session, claim=claim).events
    assert event == tuple(getattr(stored, name) for name in HistoryEvent._fields)
    assert (event.action, event.to_value, event.public, event.at) == (
        "verdict",
        "true",
        True,
        stored.at,
    )


def test_siblings_are_the_articles_live_claims_in_order_read_as_tuples(session, factory, claim):
    from datetime import UTC, datetime

    article = session.get(Article, claim.article_id)
    first = factory.claim(article, "First", position=-1, start=0, end=5, status="verified")
    gone = factory.claim(article, "Gone", position=1)
    gone.deleted_at = datetime.now(UTC)
    last = factory.claim(article, "Last", position=2, section="headline")
    add(session, gone)
    elsewhere = factory.claim(factory.article("Other"), "Another claim")
    session.expunge_all()  # what the page reads, not what the factory left in the session
    claim = session.get(type(claim), claim.id)

    loaded = []
    record = lambda target, context: loaded.append(target)  # noqa: E731
    event.listen(Claim, "load", record)
    try:
        data = load_claim_page(session, claim=claim)
    finally:
        event.remove(Claim, "load", record)

    assert [s.id for s in data.siblings] == [first.id, claim.id, last.id]
    assert data.siblings[0] == Sibling(first.id, first.key, 0, 5, "verified", first.section)
    assert data.siblings[2].section == "headline" and elsewhere.id not in data.siblings
    before, after = data.neighbours()
    assert (before.id, before.key, after.id, after.key) == (first.id, first.key, last.id, last.key)
    assert loaded == []  # the other claims are read as columns, not made Claim objects
