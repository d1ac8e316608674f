"""Suggested evidence: the seed article's claims matched against its sources' passages.

The seed cites its sources by title only; the text pasted here for one of them is written for
these tests (facts as reported, see /work/shared/seed/SOURCES.md, in our own words).
"""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from factcheck.articles import ingest
from factcheck.matching.embedding import embedder
from factcheck.matching.suggest import match_article
from factcheck.models import Claim, Evidence, Snapshot, Source
from factcheck.review import editing
from factcheck.review.evidence import confirm_evidence, reject_evidence
from factcheck.sources.snapshots import paste_text

MODEL = embedder()  # the bundled model, loaded once per test session
PASTED = (
    "Kazakhstan and Israel established diplomatic relations on 10 April 1992.\n"
    "The announcement came on Thursday, 6 November 2025, before a White House summit with the "
    "leaders of five Central Asian countries.\n"
    "The weather in Almaty was mild that week."
)


@pytest.fixture
def seed(session, seed_text):
    """The seed article, ingested with its proposed claims, and text pasted for source 2."""
    article, _ = ingest.ingest(session, ingest.parse_article(seed_text))
    session.commit()
    sources = session.exec(
        select(Source).where(Source.article_id == article.id).order_by(Source.position)
    ).all()
    paste_text(session, sources[1], PASTED)
    session.commit()
    return article


def _claim(session, article, needle: str) -> Claim:
    return session.exec(
        select(Claim).where(Claim.article_id == article.id, Claim.text.contains(needle))
    ).first()


def _evidence(session, claim: Claim, state: str | None = None) -> list[Evidence]:
    session.expire_all()
    query = select(Evidence).where(Evidence.claim_id == claim.id)
    if state:
        query = query.where(Evidence.state == state)
    return list(session.exec(query.order_by(Evidence.id)).all())


def test_matching_the_seed_article_stores_explained_suggestions_with_exact_spans(session, seed):
    summary = match_article(session, seed, model=MODEL)
    session.commit()
    claim = _claim(session, seed, "1992")
    [evidence] = [e for e in _evidence(session, claim) if "1992" in e.passage]
    assert evidence.state == "suggested" and evidence.score >= 45
    assert (
        evidence.passage == "Kazakhstan and Israel established diplomatic relations on 10 "
        "April 1992."
    )
    snapshot = session.get(Snapshot, evidence.snapshot_id)
    assert snapshot.source_id == evidence.source_id
    assert snapshot.text[evidence.passage_start : evidence.passage_end] == evidence.passage
    explanation = json.loads(evidence.explanation)
    assert explanation["strength"] in ("strong", "suggestion")
    assert any("1992" in a for a in explanation["agree"]) and explanation["disagree"] == []
    for start, end in explanation["passage_spans"]:
        assert 0 <= start < end <= len(evidence.passage)
    assert summary.stored == len(session.exec(select(Evidence)).all()) > 0
    assert "1992" in next(c for c in summary.claims if c.claim.id == claim.id).describe()
    assert not any("weather" in e.passage for e in session.exec(select(Evidence)).all())


def test_a_claim_with_no_passage_above_the_threshold_is_reported_unsupported(session, seed):
    summary = match_article(session, seed, model=MODEL)
    unsupported = {c.claim.id for c in summary.unsupported}
    rare_earths = _claim(session, seed, "mineral langka (rare earth")  # not the headline
    assert rare_earths.id in unsupported
    line = next(c for c in summary.claims if c.claim.id == rare_earths.id).describe()
    assert line == "no supporting passage"


def test_rerun_replaces_suggestions_but_keeps_what_checkers_confirmed_or_rejected(
    session, seed, factory
):
    checker = factory.user(role="checker")
    match_article(session, seed, model=MODEL)
    session.commit()
    date_claim = _claim(session, seed, "6 November 2025")
    first = _evidence(session, date_claim)
    assert len(first) >= 2, "the claim needs two suggestions for this test"
    confirm_evidence(session, first[0], user=checker, expected_version=date_claim.version)
    session.commit()
    reject_evidence(
        session, first[1], user=checker, expected_version=session.get(Claim, date_claim.id).version
    )
    session.commit()
    old = session.exec(select(Evidence).where(Evidence.state == "suggested")).all()
    suggested = len(old)
    for row in old:  # marked, since SQLite may give a new row the id of a deleted one
        row.note = "from the first run"
    session.commit()

    summary = match_article(session, seed, model=MODEL)
    session.commit()
    assert summary.replaced == suggested
    after = _evidence(session, date_claim)
    kept = {e.id: e.state for e in after if e.state != "suggested"}
    assert kept == {first[0].id: "confirmed", first[1].id: "rejected"}
    passages = [e.passage for e in after]
    assert len(passages) == len(set(passages)), "a judged passage was suggested again"
    assert all(e.note is None for e in after if e.state == "suggested")


def test_rerun_on_unchanged_sources_gives_the_same_suggestions_once(session, seed):
    match_article(session, seed, model=MODEL)
    session.commit()
    before = sorted((e.claim_id, e.passage, e.score) for e in session.exec(select(Evidence)))
    summary = match_article(session, seed, model=MODEL)
    session.commit()
    after = sorted((e.claim_id, e.passage, e.score) for e in session.exec(select(Evidence)))
    assert after == before
    assert summary.replaced == len(before) == summary.stored


def test_a_judged_passage_is_not_suggested_again_from_a_newer_snapshot(session, seed, factory):
    checker = factory.user(role="checker")
    match_article(session, seed, model=MODEL)
    session.commit()
    claim = _claim(session, seed, "1992")
    [judged] = [e for e in _evidence(session, claim) if "1992" in e.passage]
    reject_evidence(session, judged, user=checker, expected_version=claim.version)
    session.commit()
    source = session.get(Source, judged.source_id)
    paste_text(session, source, PASTED + "\nThe summit ended with a joint statement.")
    session.commit()
    match_article(session, seed, model=MODEL)
    session.commit()
    same = [e for e in _evidence(session, claim) if "1992" in e.passage]
    assert [(e.id, e.state) for e in same] == [(judged.id, "rejected")]


def test_top_and_min_score_limit_what_is_stored(session, seed):
    summary = match_article(session, seed, top=1, model=MODEL)
    session.commit()
    per_claim = [len(_evidence(session, c.claim)) for c in summary.claims]
    assert max(per_claim) == 1 and summary.stored == sum(per_claim)
    assert match_article(session, seed, min_score=101, model=MODEL).stored == 0
    session.commit()
    assert session.exec(select(Evidence)).all() == []


def test_deleted_claims_are_not_matched_and_keep_their_evidence(session, seed, factory):
    checker = factory.user(role="checker")
    match_article(session, seed, model=MODEL)
    session.commit()
    claim = _claim(session, seed, "1992")
    before = [e.id for e in _evidence(session, claim)]
    editing.delete_claim(session, claim, user=checker, expected_version=claim.version)
    session.commit()
    summary = match_article(session, seed, model=MODEL)
    session.commit()
    assert claim.id not in {c.claim.id for c in summary.claims}
    assert [e.id for e in _evidence(session, claim)] == before


def test_an_article_whose_sources_have_only_titles_is_matched_against_the_titles(session, factory):
    article = factory.article(
        "Accords", "Kazakhstan will join the Abraham Accords with Israel.", language="en"
    )
    factory._save(
        Source(
            article_id=article.id,
            position=1,
            title="Kazakhstan will join the Abraham Accords with Israel in symbolic move",
        )
    )
    claim = factory.claim(article, "Kazakhstan will join the Abraham Accords with Israel.")
    summary = match_article(session, article, model=MODEL)
    session.commit()
    [evidence] = _evidence(session, claim)
    assert evidence.snapshot_id is None and evidence.passage_start is None
    assert evidence.passage.startswith("Kazakhstan will join")
    assert summary.passages == 1
