"""The two-person rule cannot be walked around: whoever chose or changed a claim's verdict,
rationale or wording since it was last published cannot publish it; a correction of a
published verdict goes live only with a second editor's approval; "verified" needs evidence
or a recorded reason why there is none."""

from __future__ import annotations

import pytest
from sqlmodel import select

from factcheck.errors import PermissionDenied, StaleClaim, TransitionError
from factcheck.models import Claim, ReviewEvent
from factcheck.review import editing, verdict_changes, workflow
from factcheck.review import evidence as evidence_review
from factcheck.review.ratings import RatingScale

SCALE = RatingScale()
TEXT = "The dam is 120 m high. It opened in 1990."


@pytest.fixture
def people(factory):
    return {
        name: factory.user(name, role=role)
        for name, role in (("cara", "checker"), ("erin", "editor"), ("fred", "editor"))
    }


def status(session, claim, to, user, note=None):
    workflow.change_status(session, claim, to, user=user, expected_version=claim.version, note=note)
    session.commit()


def verdict(session, claim, user, key="false", rationale="Survey says 90 m.", **extra):
    verdict_changes.set_verdict(
        session,
        claim,
        key,
        rationale,
        user=user,
        expected_version=claim.version,
        scale=SCALE,
        **extra,
    )
    session.commit()


def add_evidence(session, claim, user):
    evidence_review.add_evidence(
        session,
        claim,
        url="https://survey.example/dam",
        quote="The dam measures 90 metres.",
        user=user,
        expected_version=claim.version,
    )
    session.commit()


@pytest.fixture
def reviewed(session, factory, people):
    """A claim the checker reviewed: evidence, a verdict, in review."""
    article = factory.article("Dam", text_=TEXT)
    claim = factory.claim(article, "The dam is 120 m high.", start=0, end=22)
    status(session, claim, "in_review", people["cara"])
    add_evidence(session, claim, people["cara"])
    verdict(session, claim, people["cara"])
    return claim


def publish(session, claim, user):
    status(session, claim, "published", user)


# --- changes after the verdict bind the rule to whoever made them ----------------------------
@pytest.mark.parametrize("change", ["edit", "split", "merge"])
def test_an_editor_who_rewrote_a_reviewed_claim_cannot_publish_it_alone(
    session, factory, people, reviewed, change
):
    erin = people["erin"]
    if change == "edit":
        editing.edit_claim(
            session,
            reviewed,
            "The dam is not 120 m high.",
            user=erin,
            expected_version=reviewed.version,
        )
    elif change == "split":
        editing.split_claim(
            session,
            reviewed,
            ["The dam is not 120 m high.", "The dam opened in 1990."],
            user=erin,
            expected_version=reviewed.version,
        )
    else:
        other = factory.claim(_article(session, reviewed), "It opened in 1990.", start=23, end=41)
        editing.merge_claims(
            session,
            [reviewed, other],
            {reviewed.id: reviewed.version, other.id: other.version},
            user=erin,
        )
    session.commit()
    status(session, reviewed, "verified", erin)
    with pytest.raises(PermissionDenied, match="two-person rule"):
        publish(session, reviewed, erin)
    session.rollback()
    publish(session, session.get(Claim, reviewed.id), people["fred"])  # another editor may


def _article(session, claim):
    from factcheck.models import Article

    return session.get(Article, claim.article_id)


def test_the_editor_who_chose_the_verdict_cannot_publish_after_a_colleague_touched_the_rationale(
    session, people, reviewed
):
    erin = people["erin"]
    verdict(session, reviewed, erin, key="mostly_false")  # erin chooses the verdict
    verdict(session, reviewed, people["cara"], key="mostly_false", rationale="Better wording.")
    status(session, reviewed, "verified", people["cara"])
    with pytest.raises(PermissionDenied, match="two-person rule"):
        publish(session, reviewed, erin)


def test_changing_a_verified_verdict_sends_the_claim_back_to_review(session, people, reviewed):
    status(session, reviewed, "verified", people["cara"])
    verdict(session, reviewed, people["erin"], key="true", rationale="Second look.")
    assert reviewed.status == "in_review"
    last = session.exec(
        select(ReviewEvent)
        .where(ReviewEvent.claim_id == reviewed.id)
        .order_by(ReviewEvent.id.desc())
    ).first()
    assert (last.action, last.from_value, last.to_value) == ("status", "verified", "in_review")


def test_withdrawing_changing_and_republishing_alone_is_refused(session, people, reviewed):
    status(session, reviewed, "verified", people["cara"])
    publish(session, reviewed, people["fred"])
    erin = people["erin"]
    status(session, reviewed, "verified", erin, note="Re-checking the height.")
    verdict(session, reviewed, erin, key="true", rationale="It is 120 m after all.")
    status(session, reviewed, "verified", erin)
    with pytest.raises(PermissionDenied, match="two-person rule"):
        publish(session, reviewed, erin)


# --- corrections of published verdicts ----------------------------------------------------------
@pytest.fixture
def published(session, people, reviewed):
    status(session, reviewed, "verified", people["cara"])
    publish(session, reviewed, people["fred"])
    return reviewed


def propose(session, claim, user, key="true", note="The survey was of another dam."):
    verdict(session, claim, user, key=key, rationale="Corrected survey: 120 m.", note=note)
    return verdict_changes.pending_correction(session, claim)


def test_one_editor_alone_cannot_flip_a_published_verdict(session, people, published):
    pending = propose(session, published, people["erin"])
    session.refresh(published)
    assert published.verdict == "false"  # readers still see the verdict as published
    assert pending.verdict == "true" and pending.proposed_by_id == people["erin"].id
    assert not [
        e
        for e in session.exec(select(ReviewEvent).where(ReviewEvent.claim_id == published.id))
        if e.public
    ]
    with pytest.raises(PermissionDenied, match="another editor"):
        verdict_changes.approve_correction(session, pending, user=people["erin"])


def test_a_second_editor_approves_and_the_correction_goes_live_with_its_note(
    session, people, published
):
    pending = propose(session, published, people["erin"])
    verdict_changes.approve_correction(session, pending, user=people["fred"])
    session.commit()
    session.refresh(published)
    assert (published.verdict, published.status) == ("true", "published")
    public = [
        (e.action, e.note)
        for e in session.exec(select(ReviewEvent).where(ReviewEvent.claim_id == published.id))
        if e.public
    ]
    assert ("correction", "The survey was of another dam.") in public
    assert verdict_changes.pending_correction(session, published) is None


def test_a_checker_cannot_approve_and_only_one_correction_waits_at_a_time(
    session, people, published
):
    pending = propose(session, published, people["erin"])
    with pytest.raises(PermissionDenied):
        verdict_changes.approve_correction(session, pending, user=people["cara"])
    with pytest.raises(TransitionError, match="already waiting"):
        propose(session, published, people["fred"], key="half_true")


def test_a_correction_proposed_before_another_change_cannot_be_approved(session, people, published):
    pending = propose(session, published, people["erin"])
    status(session, published, "verified", people["fred"], note="Withdrawn while we re-check.")
    with pytest.raises((StaleClaim, TransitionError)):
        verdict_changes.approve_correction(session, pending, user=people["fred"])


def test_a_rejected_correction_changes_nothing(session, people, published):
    pending = propose(session, published, people["erin"])
    verdict_changes.reject_correction(
        session, pending, user=people["fred"], note="Survey is right."
    )
    session.commit()
    session.refresh(published)
    assert published.verdict == "false"
    assert verdict_changes.pending_correction(session, published) is None


# --- evidence before verdict ----------------------------------------------------------------
def test_verified_needs_confirmed_evidence_or_a_reason(session, factory, people):
    claim = factory.claim(factory.article("Bare", text_=TEXT), "The dam is 120 m high.")
    status(session, claim, "in_review", people["cara"])
    verdict(session, claim, people["cara"])
    with pytest.raises(TransitionError, match="confirmed evidence"):
        status(session, claim, "verified", people["cara"])
    session.rollback()
    verdict(
        session,
        claim,
        people["cara"],
        no_source_reason="The operator publishes no figures; we asked and got no answer.",
    )
    status(session, claim, "verified", people["cara"])
    assert claim.status == "verified"


def test_suggested_or_rejected_evidence_is_not_enough(session, factory, people):
    from factcheck.models import Evidence

    claim = factory.claim(factory.article("Bare", text_=TEXT), "The dam is 120 m high.")
    session.add(Evidence(claim_id=claim.id, passage="A passage.", state="suggested"))
    session.add(Evidence(claim_id=claim.id, passage="Another.", state="rejected"))
    session.commit()
    status(session, claim, "in_review", people["cara"])
    verdict(session, claim, people["cara"])
    with pytest.raises(TransitionError, match="confirmed evidence"):
        status(session, claim, "verified", people["cara"])


def test_publishing_checks_the_evidence_again(session, people, reviewed):
    from factcheck.models import Evidence

    status(session, reviewed, "verified", people["cara"])
    [evidence] = session.exec(select(Evidence).where(Evidence.claim_id == reviewed.id)).all()
    evidence_review.reject_evidence(
        session, evidence, user=people["cara"], expected_version=reviewed.version
    )
    session.commit()
    with pytest.raises(TransitionError, match="confirmed evidence"):
        publish(session, reviewed, people["fred"])


def test_readers_see_why_a_verdict_rests_on_no_source(client, session, factory, people):
    article = factory.article("Bare", text_=TEXT, language="en", slug="bare")
    claim = factory.claim(article, "The dam is 120 m high.", key="c1")
    status(session, claim, "in_review", people["cara"])
    reason = "The operator publishes no figures and did not answer our questions."
    verdict(session, claim, people["cara"], key="unverifiable", no_source_reason=reason)
    status(session, claim, "verified", people["cara"])
    publish(session, claim, people["fred"])
    for path in ("/articles/bare", "/articles/bare/claims/c1"):
        html = client.get(path).get_data(as_text=True)
        assert "No source is available:" in html and reason in html
