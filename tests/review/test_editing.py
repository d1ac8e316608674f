"""Editing claims and evidence (factcheck.review.editing and .evidence): every change
recorded, nothing lost."""

import pytest
from sqlmodel import select

from factcheck.articles.ingest import add_claims
from factcheck.articles.reextract import reextract, untouched
from factcheck.errors import InputError, PermissionDenied, StaleClaim, TransitionError
from factcheck.models import Claim, Evidence, ReviewEvent
from factcheck.review import editing, workflow
from factcheck.review.evidence import add_evidence, confirm_evidence, reject_evidence

TEXT = (
    "Kazakhstan joined the Abraham Accords in 2025. The country has 20 million people, "
    "and its capital is Astana.\nOfficials said exports rose 12 percent in 2024."
)


@pytest.fixture
def checker(factory):
    return factory.user("checker", role="checker")


@pytest.fixture
def article(factory):
    return factory.article("Kazakhstan", text_=TEXT, language="en")


def events(session, claim):
    return [
        (e.action, e.from_value, e.to_value, e.note)
        for e in session.exec(
            select(ReviewEvent).where(ReviewEvent.claim_id == claim.id).order_by(ReviewEvent.id)
        )
    ]


def live_claims(session, article):
    return session.exec(
        select(Claim)
        .where(Claim.article_id == article.id, Claim.deleted_at.is_(None))
        .order_by(Claim.position)
    ).all()


def test_claim_added_from_a_span_takes_the_article_words_and_sentence(session, article, checker):
    claim = editing.add_claim(session, article, user=checker, start=47, end=80)
    session.commit()
    assert claim.text == "The country has 20 million people"
    assert claim.sentence.startswith("The country has") and claim.sentence.endswith("Astana.")
    assert events(session, claim) == [("create", None, claim.text, "added by hand")]


def test_typed_claim_found_in_the_article_gets_its_span(session, article, checker):
    claim = editing.add_claim(session, article, user=checker, text="its capital is Astana")
    assert (claim.start, claim.end) == (TEXT.index("its capital"), TEXT.index("Astana") + 6)
    typed = editing.add_claim(session, article, user=checker, text="Not in the text at all")
    assert (typed.start, typed.end) == (0, 0) and typed.sentence == typed.text


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"text": "   "}, "the claim text is empty"),
        ({"start": 5, "end": 5000}, "outside the article text"),
        ({"start": 10, "end": 3}, "outside the article text"),
        ({"text": "x" * 2001}, "at most 2000 characters"),
    ],
)
def test_bad_new_claim_is_refused(session, article, checker, fields, message):
    with pytest.raises(InputError, match=message):
        editing.add_claim(session, article, user=checker, **fields)


def test_split_keeps_the_first_part_and_records_both_sides(session, article, checker):
    claim = editing.add_claim(session, article, user=checker, start=47, end=TEXT.index("\n"))
    session.commit()
    first, second = editing.split_claim(
        session,
        claim,
        ["The country has 20 million people", "its capital is Astana"],
        user=checker,
        expected_version=claim.version,
    )
    session.commit()
    assert first.id == claim.id and first.text == "The country has 20 million people"
    assert TEXT[second.start : second.end] == "its capital is Astana"
    assert events(session, first)[-1] == (
        "split",
        "The country has 20 million people, and its capital is Astana.",
        "The country has 20 million people",
        f"split into {first.key}, {second.key}",
    )
    assert events(session, second) == [
        ("create", None, "its capital is Astana", f"split from {first.key}")
    ]
    assert [c.key for c in live_claims(session, article)] == [first.key, second.key]


def test_split_needs_two_parts(session, article, checker):
    claim = editing.add_claim(session, article, user=checker, text="Kazakhstan joined")
    with pytest.raises(InputError, match="at least two parts"):
        editing.split_claim(
            session, claim, ["Kazakhstan joined", " "], user=checker, expected_version=claim.version
        )


def test_merge_joins_the_span_deletes_the_rest_and_moves_evidence(session, article, checker):
    a = editing.add_claim(session, article, user=checker, text="The country has 20 million people")
    b = editing.add_claim(session, article, user=checker, text="its capital is Astana")
    session.add(Evidence(claim_id=b.id, passage="Astana is the capital."))
    session.commit()
    merged = editing.merge_claims(session, [b, a], {a.id: a.version, b.id: b.version}, user=checker)
    session.commit()
    assert merged.id == a.id
    assert merged.text == "The country has 20 million people, and its capital is Astana"
    assert b.deleted_at is not None
    assert events(session, b)[-1] == (
        "delete",
        "its capital is Astana",
        None,
        f"merged into {a.key}",
    )
    assert events(session, a)[-1][0] == "merge"
    assert session.exec(select(Evidence.claim_id)).all() == [a.id]


def test_merge_with_a_stale_version_changes_nothing(session, article, checker):
    a = editing.add_claim(session, article, user=checker, text="Kazakhstan joined")
    b = editing.add_claim(session, article, user=checker, text="its capital is Astana")
    session.commit()
    with pytest.raises(StaleClaim):
        editing.merge_claims(session, [a, b], {a.id: a.version, b.id: b.version - 1}, user=checker)
    session.rollback()
    assert session.get(Claim, b.id).deleted_at is None


def test_delete_is_recorded_and_restore_brings_the_claim_back(session, article, checker):
    claim = editing.add_claim(session, article, user=checker, text="Kazakhstan joined")
    session.commit()
    editing.delete_claim(session, claim, user=checker, expected_version=1, note="duplicate")
    session.commit()
    assert live_claims(session, article) == []
    assert events(session, claim)[-1] == ("delete", None, None, "duplicate")
    editing.restore_claim(session, claim, user=checker, expected_version=claim.version)
    session.commit()
    assert [c.id for c in live_claims(session, article)] == [claim.id]
    assert events(session, claim)[-1][0] == "restore"


def test_published_claim_cannot_be_deleted_or_reworded(session, factory, checker):
    claim = factory.claim(status="published", verdict="true", rationale="ok")
    with pytest.raises(TransitionError, match="unpublish it"):
        editing.delete_claim(session, claim, user=checker, expected_version=1)
    with pytest.raises(TransitionError, match="move it back to in review"):
        editing.edit_claim(session, claim, "New words", user=checker, expected_version=1)


def test_edit_with_a_stale_version_is_refused(session, article, checker):
    claim = editing.add_claim(session, article, user=checker, text="Kazakhstan joined")
    session.commit()
    editing.edit_claim(
        session, claim, "Kazakhstan joined the Abraham Accords", user=checker, expected_version=1
    )
    session.commit()
    with pytest.raises(StaleClaim):
        editing.edit_claim(session, claim, "Other words", user=checker, expected_version=1)


def test_repeated_request_id_makes_one_claim(session, article, checker):
    first = editing.add_claim(
        session, article, user=checker, text="Kazakhstan joined", request_id="req-1"
    )
    again = editing.add_claim(
        session, article, user=checker, text="Kazakhstan joined", request_id="req-1"
    )
    assert again.id == first.id and len(live_claims(session, article)) == 1


# --- re-extraction -------------------------------------------------------------------------
# The three facts of TEXT scoring 0.5 or more (the fourth, "its capital is Astana", less).
MIN_SCORE = 0.5


def extracted(session, article):
    """The article's proposals stored as ingest stores them (its title read for context)."""
    from factcheck.articles.extract import extract_article

    proposals = extract_article(article.title, article.text, "en", min_score=MIN_SCORE)
    claims = add_claims(session, article, proposals)
    session.commit()
    return claims


def test_reextract_keeps_reviewed_claims_and_skips_overlapping_proposals(session, article, checker):
    first, second, third = extracted(session, article)
    workflow.change_status(session, first, "in_review", user=checker, expected_version=1)
    session.commit()
    result = reextract(session, article, user=checker, min_score=MIN_SCORE)
    session.commit()
    assert result.skipped == 1 and result.unchanged == 2
    assert result.added == [] and result.replaced == []
    assert {c.id for c in live_claims(session, article)} == {first.id, second.id, third.id}
    assert session.get(Claim, first.id).status == "in_review"


def test_reextract_replaces_only_untouched_claims_and_records_it(session, article, checker):
    first, second, third = extracted(session, article)
    second.text = "an older proposal"  # as if the extractor had changed since
    session.add(second)
    editing.edit_claim(
        session, third, "Exports rose 12 percent in 2024", user=checker, expected_version=1
    )
    session.commit()
    result = reextract(session, article, user=checker, min_score=MIN_SCORE)
    session.commit()
    assert [c.id for c in result.replaced] == [second.id]
    # the claim text stands alone: "The country" is the article's place, Kazakhstan
    assert [c.text for c in result.added] == ["Kazakhstan has 20 million people"]
    assert result.unchanged == 1 and result.skipped == 1  # the edited claim stays
    assert events(session, second)[-1] == ("delete", None, None, "replaced by re-extraction")
    texts = [c.text for c in live_claims(session, article)]
    assert texts == [
        "Kazakhstan joined the Abraham Accords in 2025",
        "Kazakhstan has 20 million people",
        "Exports rose 12 percent in 2024",
    ]


def test_untouched_means_nobody_worked_on_it(session, article, checker):
    claim = extracted(session, article)[0]
    assert untouched(session, claim)
    workflow.assign(session, claim, checker, user=checker, expected_version=1)
    assert not untouched(session, claim)


# --- evidence ------------------------------------------------------------------------------
@pytest.fixture
def claim_with_evidence(session, factory):
    claim = factory.claim(status="in_review")
    evidence = Evidence(claim_id=claim.id, passage="Kazakhstan joined in 1992.", score=80.0)
    session.add(evidence)
    session.commit()
    return claim, evidence


def test_confirm_and_reject_evidence_are_recorded(session, claim_with_evidence, checker):
    claim, evidence = claim_with_evidence
    confirm_evidence(session, evidence, user=checker, expected_version=1)
    reject_evidence(session, evidence, user=checker, expected_version=2)
    session.commit()
    assert evidence.state == "rejected" and claim.version == 3
    assert [e[:3] for e in events(session, claim)] == [
        ("evidence", "suggested", "confirmed"),
        ("evidence", "confirmed", "rejected"),
    ]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,<b>x</b>",
        "file:///etc/passwd",
        "ftp://x.org/a",
        "https://",
        "not a url",
        "http://exa mple.org/",
    ],
)
def test_evidence_url_must_be_http_or_https(session, claim_with_evidence, checker, url):
    claim, _ = claim_with_evidence
    with pytest.raises(InputError, match="web address"):
        add_evidence(session, claim, url=url, quote="A quote", user=checker, expected_version=1)


def test_added_evidence_is_confirmed_and_linked_to_a_cited_source(session, factory, checker):
    from factcheck.models import Source

    claim = factory.claim(status="in_review")
    source = Source(article_id=claim.article_id, title="Gov", url="https://gov.example/kz")
    session.add(source)
    session.commit()
    evidence = add_evidence(
        session,
        claim,
        url=" https://gov.example/kz ",
        quote="Joined in 1992.",
        user=checker,
        expected_version=1,
    )
    session.commit()
    assert (evidence.state, evidence.source_id, evidence.added_by_id) == (
        "confirmed",
        source.id,
        checker.id,
    )
    assert events(session, claim) == [("evidence", None, "added", "https://gov.example/kz")]


def test_evidence_of_a_published_claim_needs_an_editor(session, factory, checker):
    claim = factory.claim(status="published", verdict="true", rationale="ok")
    evidence = Evidence(claim_id=claim.id, passage="p")
    session.add(evidence)
    session.commit()
    with pytest.raises(PermissionDenied, match="editor"):
        reject_evidence(session, evidence, user=checker, expected_version=1)
    editor = factory.user("ed", role="editor")
    reject_evidence(session, evidence, user=editor, expected_version=1, note="wrong document")
    assert evidence.state == "rejected"


def test_a_claim_added_by_hand_is_scored_like_a_proposal(session, article, checker):
    claim = editing.add_claim(
        session, article, user=checker, text="Officials said exports rose 12 percent in 2024"
    )
    assert claim.kind == "fact" and claim.score >= 0.6 and claim.checkworthy
    assert "number: 12 percent" in claim.reasons and "date: 2024" in claim.reasons
    assert claim.claimant == "Officials"
    assert TEXT[claim.start : claim.end] == claim.text  # found in the article: its span


def test_split_parts_are_scored_and_found_in_the_article(session, article, checker):
    claim = editing.add_claim(session, article, user=checker, start=47, end=TEXT.index("\n"))
    session.commit()
    _, second = editing.split_claim(
        session,
        claim,
        ["The country has 20 million people", "its capital is Astana"],
        user=checker,
        expected_version=claim.version,
    )
    assert second.score > 0 and "named place: Astana" in second.reasons
    assert TEXT[second.start : second.end] == "its capital is Astana"


def test_editing_the_claim_text_never_moves_its_span(session, article, checker):
    claim = editing.add_claim(session, article, user=checker, start=47, end=80)
    session.commit()
    span = (claim.start, claim.end)
    editing.edit_claim(
        session, claim, "Kazakhstan has 20 million people", user=checker, expected_version=1
    )
    editing.edit_claim(
        session, claim, "its capital is Astana", user=checker, expected_version=claim.version
    )
    assert (claim.start, claim.end) == span and claim.text == "its capital is Astana"
