"""The assign and merge checks as the workspace's forms reach them, without a request:
whom a claim can be assigned to, which ticked claims can be merged, and who may do either."""

import pytest
from sqlmodel import select

from factcheck.errors import InputError, PermissionDenied
from factcheck.models import Claim, ReviewEvent
from factcheck.review import editing, workflow


@pytest.fixture
def checker(factory):
    return factory.user("checker", role="checker")


@pytest.fixture
def article(factory):
    return factory.article("Kazakhstan", text_="Kazakhstan joined. Its capital is Astana.")


def history(session, claim) -> list[tuple[str, str | None, str | None]]:
    return [
        (e.action, e.from_value, e.to_value)
        for e in session.exec(
            select(ReviewEvent).where(ReviewEvent.claim_id == claim.id).order_by(ReviewEvent.id)
        )
    ]


def assign(session, claim, value, user):
    return workflow.assign_to(session, claim, value, user=user, expected_version=claim.version)


def test_claim_is_assigned_to_an_active_user_by_id_and_recorded(session, factory, checker):
    claim, ana = factory.claim(), factory.user("ana")
    assign(session, claim, str(ana.id), checker)
    session.commit()
    assert (claim.assignee_id, claim.version) == (ana.id, 2)
    assert history(session, claim) == [("assign", None, "ana")]
    assign(session, claim, "", checker)  # "" is nobody
    session.commit()
    assert claim.assignee_id is None
    assert history(session, claim)[-1] == ("assign", "ana", None)


@pytest.mark.parametrize("value", ["disabled", "999999", "ana", "-1", "1.5"])
def test_assigning_to_anyone_but_an_active_user_is_refused_and_changes_nothing(
    session, factory, checker, value
):
    claim = factory.claim()
    disabled = factory.user("bo", active=False)
    value = str(disabled.id) if value == "disabled" else value
    with pytest.raises(InputError, match="choose an active user"):
        assign(session, claim, value, checker)
    session.rollback()
    assert (session.get(Claim, claim.id).version, history(session, claim)) == (1, [])


def test_a_disabled_account_cannot_assign_even_to_nobody(session, factory):
    claim, gone = factory.claim(), factory.user("gone", active=False)
    with pytest.raises(PermissionDenied, match="assigning claims needs the checker role"):
        assign(session, claim, "", gone)


def test_ticked_claims_of_the_article_are_merged(session, factory, article, checker):
    a = factory.claim(article, "Kazakhstan joined", start=0, end=17, position=1)
    b = factory.claim(article, "Its capital is Astana", start=19, end=40, position=2)
    merged = editing.merge_ticked_claims(
        session, article, {b.id: b.version, a.id: a.version}, user=checker
    )
    session.commit()
    assert merged.id == a.id and b.deleted_at is not None
    assert merged.text == "Kazakhstan joined. Its capital is Astana"


@pytest.mark.parametrize("ticked", ["none", "one", "one and another article's"])
def test_merging_needs_two_ticked_claims_of_this_article(
    session, factory, article, checker, ticked
):
    a = factory.claim(article, "Kazakhstan joined")
    foreign = factory.claim(factory.article("Other"), "Another claim")
    versions = {
        "none": {},
        "one": {a.id: a.version},
        "one and another article's": {a.id: a.version, foreign.id: foreign.version},
    }[ticked]
    with pytest.raises(InputError, match="tick at least two claims of this article"):
        editing.merge_ticked_claims(session, article, versions, user=checker)
    session.rollback()
    assert session.get(Claim, foreign.id).deleted_at is None


def test_a_disabled_account_cannot_merge(session, factory, article):
    a, b = factory.claim(article, "one"), factory.claim(article, "two")
    gone = factory.user("gone", active=False)
    with pytest.raises(PermissionDenied, match="merging claims needs the checker role"):
        editing.merge_ticked_claims(session, article, {a.id: 1, b.id: 1}, user=gone)
