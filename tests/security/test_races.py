"""Many requests at once: login lock-out, claim creation and source de-duplication hold under
real concurrency, on SQLite and on PostgreSQL (run the suite with DATABASE_URL to test it).

Each thread has its own session on the test database, as each web request has; a barrier
releases them together.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlmodel import Session, select
from werkzeug import security

from factcheck.models import Claim, ReviewEvent, Source, User
from factcheck.review import users

MAX_FAILURES = 5


def at_once(app, count: int, work: Callable[[Session, int], object]) -> list:
    """Run ``work(session, n)`` in ``count`` threads released together; results or errors."""
    barrier = threading.Barrier(count)
    engine = app.extensions["factcheck.engine"]

    def run(n: int):
        with Session(engine, expire_on_commit=False) as session:
            barrier.wait()
            try:
                return work(session, n)
            except Exception as error:  # noqa: BLE001 (reported to the test)
                session.rollback()
                return error

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(run, range(count)))


@pytest.fixture
def checked(monkeypatch) -> list:
    """Every password check (real or dummy) made during the test."""
    calls: list = []
    real = security.check_password_hash

    def counting(hashed: str, password: str) -> bool:
        calls.append(password)
        return real(hashed, password)

    monkeypatch.setattr(users, "check_password_hash", counting)
    return calls


def login(session: Session, password: str, address: str = "198.51.100.1"):
    return users.authenticate(
        session,
        "alice",
        password,
        max_failures=MAX_FAILURES,
        lockout_seconds=300,
        address=address,
        address_limit=1000,
        secret="s",
    )


def test_a_burst_of_wrong_passwords_checks_only_the_allowed_number_and_locks(
    app, factory, session, checked
):
    alice = factory.user("alice", password="right-password")
    results = at_once(app, 32, lambda s, n: login(s, f"wrong-{n}"))
    assert all(r is None for r in results), results
    assert len(checked) <= MAX_FAILURES
    session.expire_all()
    assert users.is_locked(session.get(User, alice.id))
    assert login(session, "right-password") is None


def test_thirty_one_wrong_passwords_at_once_then_the_right_one_is_refused(app, factory, session):
    """The attack that logged in: 31 wrong passwords at once spent the budget, yet lost
    updates left the count below the limit."""
    factory.user("alice", password="right-password")
    at_once(app, 31, lambda s, n: login(s, f"wrong-{n}"))
    assert login(session, "right-password") is None


@pytest.mark.parametrize("round_", range(3))
def test_the_right_password_in_a_burst_of_wrong_ones_gets_no_extra_tries(
    app, factory, checked, round_
):
    """31 wrong passwords and the right one, all at once: the right one gets in only as one
    of the first MAX_FAILURES attempts (after which a success starts a fresh budget)."""
    factory.user("alice", password="right-password")
    results = at_once(app, 32, lambda s, n: login(s, "right-password" if n == 31 else f"w{n}"))
    assert not [r for r in results if isinstance(r, Exception)]
    logged_in = [r for r in results if isinstance(r, User)]
    assert len(logged_in) <= 1
    if logged_in:
        assert len(checked) <= 2 * MAX_FAILURES
    else:
        assert len(checked) <= MAX_FAILURES


def test_one_address_trying_many_accounts_is_limited(app, factory, session):
    for n in range(4):
        factory.user(f"person{n}", password="right-password")
    for n in range(6):
        assert (
            users.authenticate(
                session,
                f"person{n % 4}",
                "wrong",
                max_failures=100,
                lockout_seconds=300,
                address="203.0.113.9",
                address_limit=6,
                secret="s",
            )
            is None
        )
    with pytest.raises(users.TooManyLogins):
        users.authenticate(
            session,
            "person3",
            "right-password",
            max_failures=100,
            lockout_seconds=300,
            address="203.0.113.9",
            address_limit=6,
            secret="s",
        )
    other = users.authenticate(
        session,
        "person3",
        "right-password",
        max_failures=100,
        lockout_seconds=300,
        address="203.0.113.10",
        address_limit=6,
        secret="s",
    )
    assert other is not None


# --- creating at once ---------------------------------------------------------------------
def add_at_once(app, factory, texts: list[str], request_id: str | None = None) -> list:
    """Each text added as a claim of one article by its own request, all at once."""
    from factcheck.review import editing
    from factcheck.review.workflow import run_retrying

    checker = factory.user("checker1")
    article = factory.article("Race", text_="One. Two. Three. Four. Five. Six.")

    def add(s: Session, n: int):
        return run_retrying(
            s,
            lambda: editing.add_claim(
                s,
                s.get(type(article), article.id),
                user=s.get(User, checker.id),
                text=texts[n],
                request_id=request_id,
            ),
        )

    results = at_once(app, len(texts), add)
    assert not [r for r in results if isinstance(r, Exception)], results
    return results


def test_claims_added_at_once_all_get_their_own_key(app, factory, session):
    claims = add_at_once(app, factory, [f"Claim {n}." for n in range(8)])
    keys = session.exec(select(Claim.key).where(Claim.article_id == claims[0].article_id)).all()
    assert len(keys) == len(set(keys)) == 8


def test_a_triple_submitted_claim_is_added_once(app, factory, session):
    claims = add_at_once(app, factory, ["The same claim."] * 3, request_id="one-form")
    stored = session.exec(select(Claim).where(Claim.article_id == claims[0].article_id)).all()
    assert [c.text for c in stored] == ["The same claim."]
    events = session.exec(select(ReviewEvent).where(ReviewEvent.request_id == "one-form")).all()
    assert len(events) == 1


def test_a_source_added_three_times_at_once_is_stored_once(app, factory, session):
    from factcheck.review.workflow import run_retrying
    from factcheck.sources.cited import add_source

    checker = factory.user("checker1")
    article = factory.article("Race")

    def add(s: Session, _n: int):
        return run_retrying(
            s,
            lambda: add_source(
                s,
                s.get(type(article), article.id),
                "https://same.example/page",
                user=s.get(User, checker.id),
            ),
        )

    results = at_once(app, 3, add)
    stored = session.exec(select(Source).where(Source.article_id == article.id)).all()
    assert len(stored) == 1
    assert sum(isinstance(r, Source) for r in results) == 1
    assert all(isinstance(r, Source) or "already a source" in str(r) for r in results)


def test_a_double_clicked_verdict_is_saved_once_without_a_conflict_page(app, factory, session):
    """Two submits of one form (same request id, same version) at once: both answered as
    saved, one verdict event, no 409 for the second click."""
    checker = factory.user("checker1")
    claim = factory.claim(factory.article("Clicks"), "The dam is 120 m high.", status="in_review")
    clients = [app.test_client() for _ in range(2)]
    for client in clients:
        assert (
            client.post("/login", data={"name": checker.name, "password": "pw-123456"}).status_code
            == 302
        )
    form = {"version": "1", "verdict": "false", "rationale": "Survey: 90 m.", "request_id": "click"}
    barrier = threading.Barrier(2)

    def click(client):
        barrier.wait()
        return client.post(f"/review/claims/{claim.id}/verdict", data=form).status_code

    with ThreadPoolExecutor(2) as pool:
        codes = list(pool.map(click, clients))
    assert codes == [302, 302]
    events = session.exec(select(ReviewEvent).where(ReviewEvent.claim_id == claim.id)).all()
    assert [e.action for e in events] == ["verdict", "rationale"]
