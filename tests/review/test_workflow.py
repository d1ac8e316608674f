"""The review workflow: transitions, roles, locking, history, two-person rule, corrections."""

import threading

import pytest
from sqlmodel import Session, select

from factcheck.errors import PermissionDenied, StaleClaim, TransitionError
from factcheck.models import Claim, ReviewEvent
from factcheck.review import verdict_changes, workflow
from factcheck.review.ratings import RatingScale

SCALE = RatingScale()


def history(session, claim):
    return session.exec(
        select(ReviewEvent).where(ReviewEvent.claim_id == claim.id).order_by(ReviewEvent.id)
    ).all()


def start(session, claim, user):
    workflow.change_status(session, claim, "in_review", user=user, expected_version=claim.version)


def confirm_evidence(session, claim, user):
    """Evidence before verdict: a confirmed passage the verdict rests on."""
    from factcheck.review.evidence import add_evidence

    add_evidence(
        session,
        claim,
        url="https://stat.example/1993",
        quote="Tahun 1993.",
        user=user,
        expected_version=claim.version,
    )


def verify(session, claim, user, verdict="false"):
    confirm_evidence(session, claim, user)
    verdict_changes.set_verdict(
        session,
        claim,
        verdict,
        "Sumber resmi menyebut 1993.",
        user=user,
        expected_version=claim.version,
        scale=SCALE,
    )
    workflow.change_status(session, claim, "verified", user=user, expected_version=claim.version)


@pytest.fixture
def people(factory):
    return {role: factory.user(role, role=role) for role in ("checker", "editor", "admin")}


def test_claim_moves_through_the_whole_workflow_with_history(session, factory, people):
    claim = factory.claim()
    start(session, claim, people["checker"])
    verify(session, claim, people["checker"])
    workflow.change_status(
        session, claim, "published", user=people["editor"], expected_version=claim.version
    )
    session.commit()
    events = [(e.action, e.from_value, e.to_value, e.actor) for e in history(session, claim)]
    assert events == [
        ("status", "unverified", "in_review", "checker"),
        ("evidence", None, "added", "checker"),
        ("verdict", None, "false", "checker"),
        ("rationale", None, "Sumber resmi menyebut 1993.", "checker"),
        ("status", "in_review", "verified", "checker"),
        ("status", "verified", "published", "editor"),
    ]
    assert claim.version == 6 and claim.published_by_id == people["editor"].id


@pytest.mark.parametrize(
    ("frm", "to"),
    [
        ("unverified", "verified"),
        ("unverified", "published"),
        ("in_review", "published"),
        ("published", "unverified"),
        ("verified", "unverified"),
        ("unverified", "unverified"),
    ],
)
def test_invalid_transition_is_refused_and_history_untouched(session, factory, people, frm, to):
    claim = factory.claim(status=frm, verdict="true", rationale="ok")
    with pytest.raises(TransitionError, match=f"cannot move claim .* from {frm} to {to}"):
        workflow.change_status(session, claim, to, user=people["admin"], expected_version=1)
    session.rollback()
    assert history(session, claim) == []
    assert session.get(Claim, claim.id).status == frm


def test_unknown_status_is_a_clear_error(session, factory, people):
    with pytest.raises(TransitionError, match="unknown status 'done'"):
        workflow.change_status(
            session, factory.claim(), "done", user=people["checker"], expected_version=1
        )


def test_verifying_needs_a_verdict_and_a_rationale(session, factory, people):
    claim = factory.claim(status="in_review")
    with pytest.raises(TransitionError, match="needs a verdict"):
        workflow.change_status(
            session, claim, "verified", user=people["checker"], expected_version=1
        )


def test_checker_cannot_publish(session, factory, people):
    claim = factory.claim(
        status="verified", verdict="true", rationale="r", verdict_by_id=people["admin"].id
    )
    with pytest.raises(PermissionDenied, match="editor role"):
        workflow.change_status(
            session, claim, "published", user=people["checker"], expected_version=1
        )


def test_two_person_rule_editor_cannot_publish_own_verdict(session, factory, people):
    claim = factory.claim(status="in_review")
    verify(session, claim, people["editor"])
    with pytest.raises(PermissionDenied, match="two-person rule"):
        workflow.change_status(
            session, claim, "published", user=people["editor"], expected_version=claim.version
        )


def test_disabled_user_can_do_nothing(session, factory):
    ghost = factory.user("ghost", role="admin", active=False)
    with pytest.raises(PermissionDenied):
        workflow.change_status(
            session, factory.claim(), "in_review", user=ghost, expected_version=1
        )


def test_second_save_of_stale_claim_is_refused(session, factory, people):
    claim = factory.claim(status="in_review")
    seen = claim.version
    verdict_changes.set_verdict(
        session, claim, "true", "first", user=people["checker"], expected_version=seen, scale=SCALE
    )
    session.commit()
    other = factory.user("other")
    with pytest.raises(StaleClaim, match="changed by someone else") as error:
        verdict_changes.set_verdict(
            session, claim, "false", "second", user=other, expected_version=seen, scale=SCALE
        )
    assert error.value.current_version == seen + 1
    session.rollback()
    stored = session.get(Claim, claim.id)
    assert (stored.verdict, stored.rationale) == ("true", "first")


def test_concurrent_saves_from_two_connections_lose_nothing(app, factory, people):
    """Two sessions load version 1 and save at once: exactly one wins, one is told."""
    claim = factory.claim(status="in_review")
    engine = app.extensions["factcheck.engine"]
    outcomes, barrier = [], threading.Barrier(2)

    def save(verdict):
        with Session(engine) as s:
            mine = s.get(Claim, claim.id)
            user = s.get(type(people["checker"]), people["checker"].id)
            barrier.wait()
            try:
                verdict_changes.set_verdict(
                    s, mine, verdict, verdict, user=user, expected_version=1, scale=SCALE
                )
                s.commit()
                outcomes.append(("saved", verdict))
            except StaleClaim:
                s.rollback()
                outcomes.append(("stale", verdict))

    threads = [threading.Thread(target=save, args=(v,)) for v in ("true", "false")]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert sorted(o[0] for o in outcomes) == ["saved", "stale"]
    winner = next(v for o, v in outcomes if o == "saved")
    with Session(engine) as s:
        stored = s.get(Claim, claim.id)
        assert (stored.verdict, stored.version) == (winner, 2)
        events = s.exec(select(ReviewEvent).where(ReviewEvent.claim_id == claim.id)).all()
        assert [e.to_value for e in events if e.action == "verdict"] == [winner]


def test_double_submitted_form_creates_one_event(session, factory, people):
    claim = factory.claim()
    for _ in range(2):
        workflow.change_status(
            session,
            claim,
            "in_review",
            user=people["checker"],
            expected_version=1,
            request_id="form-123",
        )
    assert [e.to_value for e in history(session, claim)] == ["in_review"]


def test_correction_of_published_verdict_needs_editor_note_and_a_second_editor(
    session, factory, people
):
    claim = factory.claim(
        status="published", verdict="true", rationale="r", verdict_by_id=people["checker"].id
    )
    with pytest.raises(PermissionDenied):
        verdict_changes.set_verdict(
            session, claim, "false", "r", user=people["checker"], expected_version=1, scale=SCALE
        )
    with pytest.raises(TransitionError, match="needs a note"):
        verdict_changes.set_verdict(
            session, claim, "false", "r", user=people["editor"], expected_version=1, scale=SCALE
        )
    verdict_changes.set_verdict(
        session,
        claim,
        "false",
        "r",
        user=people["editor"],
        expected_version=1,
        scale=SCALE,
        note="The figure was 1993, not 1992.",
    )
    assert claim.verdict == "true"  # proposed, not yet live
    verdict_changes.approve_correction(
        session, verdict_changes.pending_correction(session, claim), user=people["admin"]
    )
    public = [e for e in history(session, claim) if e.public]
    assert [(e.action, e.public, e.note) for e in public] == [
        ("correction", True, "The figure was 1993, not 1992.")
    ]
    assert (claim.status, claim.verdict) == ("published", "false")


def test_unknown_verdict_is_refused(session, factory, people):
    with pytest.raises(TransitionError, match="unknown verdict 'sortof'"):
        verdict_changes.set_verdict(
            session,
            factory.claim(status="in_review"),
            "sortof",
            "r",
            user=people["checker"],
            expected_version=1,
            scale=SCALE,
        )


def test_newsroom_scale_replaces_the_default(session, factory, people):
    scale = RatingScale(
        [
            {"key": "hoax", "value": 1, "labels": {"en": "Hoax", "id": "Hoaks"}},
            {"key": "fact", "value": 2, "labels": {"en": "Fact", "id": "Fakta"}},
        ]
    )
    claim = factory.claim(status="in_review")
    verdict_changes.set_verdict(
        session, claim, "hoax", "r", user=people["checker"], expected_version=1, scale=scale
    )
    assert scale.review_rating("hoax", "id") == {
        "@type": "Rating",
        "alternateName": "Hoaks",
        "ratingValue": 1,
        "bestRating": 2,
        "worstRating": 1,
    }
    with pytest.raises(TransitionError):
        verdict_changes.set_verdict(
            session,
            claim,
            "true",
            "r",
            user=people["checker"],
            expected_version=claim.version,
            scale=scale,
        )


def test_unverifiable_maps_to_claimreview_without_a_rating_value():
    assert SCALE.review_rating("unverifiable", "en") == {
        "@type": "Rating",
        "alternateName": "Unverifiable",
        "bestRating": 5,
        "worstRating": 1,
    }
    assert SCALE.review_rating("half_true", "id")["alternateName"] == (
        "Setengah benar / menyesatkan"
    )


@pytest.mark.parametrize("action", ["status", "verdict", "assign"])
def test_deleted_claim_takes_no_review_work(session, factory, people, action):
    from factcheck.models import utcnow

    claim = factory.claim(status="in_review", deleted_at=utcnow())
    calls = {
        "status": lambda: workflow.change_status(
            session, claim, "unverified", user=people["checker"], expected_version=1
        ),
        "verdict": lambda: verdict_changes.set_verdict(
            session, claim, "true", "r", user=people["checker"], expected_version=1, scale=SCALE
        ),
        "assign": lambda: workflow.assign(
            session, claim, people["checker"], user=people["checker"], expected_version=1
        ),
    }
    with pytest.raises(TransitionError, match="is deleted; restore it first"):
        calls[action]()
    assert history(session, claim) == []
