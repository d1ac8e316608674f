"""Error reports: validation, rate limits, the queue and closing; then the same through the web
(the form on the verdict pages and the editors' /reports page)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import func, select

from factcheck.errors import InputError, NotFound, PermissionDenied
from factcheck.models import Article, ErrorReport, utcnow
from factcheck.publishing.feedback import (
    HOUR,
    MAX_MESSAGE,
    TARGET_CAP_FACTOR,
    ReportLimiter,
    TooManyReports,
    close_report,
    list_open,
    submit_report,
)
from tests.conftest import Clock
from tests.web.test_public import publish


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def limiter(clock):
    return ReportLimiter(3, secret="s", clock=clock)


def send(session, limiter, article, message="The date is wrong.", address="198.51.100.1", **fields):
    report = submit_report(
        session, article=article, message=message, client_address=address, limiter=limiter, **fields
    )
    session.commit()
    return report


def test_limiter_refuses_the_fourth_report_within_the_hour_and_forgets_after(
    session, limiter, clock
):
    for _ in range(3):
        limiter.take(session, "198.51.100.1")
    with pytest.raises(TooManyReports) as refused:
        limiter.take(session, "198.51.100.1")
    assert 0 < refused.value.retry_after <= HOUR + 1
    limiter.take(session, "198.51.100.2")  # another reader is not affected
    clock.now += HOUR - 1
    with pytest.raises(TooManyReports):
        limiter.take(session, "198.51.100.1")
    clock.now += 2  # the first report is now more than an hour old: a new hour begins
    limiter.take(session, "198.51.100.1")


def test_limiter_keeps_no_address_in_the_clear(session, limiter):
    from factcheck.models import RateLimit

    limiter.take(session, "203.0.113.9")
    keys = session.exec(select(RateLimit.key)).all()
    assert keys and all("203.0.113.9" not in key for key in keys)


@pytest.mark.parametrize(
    "message, contact, error",
    [
        ("", None, "describe the error"),
        ("   \n ", None, "describe the error"),
        ("x" * (MAX_MESSAGE + 1), None, "too long"),
        ("fine", "c" * 201, "contact is too long"),
    ],
)
def test_bad_reports_are_refused_and_not_stored(session, factory, limiter, message, contact, error):
    article = factory.article()
    with pytest.raises(InputError, match=error):
        send(session, limiter, article, message, contact=contact)
    assert session.exec(select(ErrorReport)).all() == []


def test_a_refused_report_does_not_use_up_the_senders_allowance(session, factory, limiter):
    article = factory.article()
    with pytest.raises(InputError):
        send(session, limiter, article, "")
    for _ in range(3):
        send(session, limiter, article)


def test_claim_of_another_article_is_refused(session, factory, limiter):
    claim = factory.claim()
    with pytest.raises(InputError, match="not part of"):
        send(session, limiter, factory.article(), claim=claim)


def test_report_is_stored_trimmed_and_open(session, factory, limiter):
    claim = factory.claim()
    article_id = claim.article_id
    report = send(
        session,
        limiter,
        session.get(Article, article_id),
        "  Wrong year.  ",
        contact="  ",
        claim=claim,
    )
    stored = session.get(ErrorReport, report.id)
    assert (stored.message, stored.contact, stored.status) == ("Wrong year.", None, "open")
    assert (stored.article_id, stored.claim_id) == (article_id, claim.id)


def test_article_cap_counts_reports_from_every_address(session, factory, clock):
    limiter = ReportLimiter(1, secret="s", clock=clock)
    article, other = factory.article(), factory.article()
    for number in range(TARGET_CAP_FACTOR):
        send(session, limiter, article, address=f"192.0.2.{number}")
    with pytest.raises(TooManyReports, match="many reports"):
        send(session, limiter, article, address="192.0.2.200")
    send(session, limiter, other, address="192.0.2.201")  # other articles are not capped
    old = utcnow() - timedelta(hours=1, seconds=1)
    session.execute(ErrorReport.__table__.update().values(created_at=old))
    session.commit()
    send(session, limiter, article, address="192.0.2.202")  # an hour later it reopens


def test_open_reports_are_listed_oldest_first_with_their_claim(session, factory, limiter):
    claim = factory.claim()
    article = session.get(Article, claim.article_id)
    first = send(session, limiter, article, "first", claim=claim)
    second = send(session, limiter, article, "second")
    first.created_at = utcnow() - timedelta(minutes=5)
    session.add(first)
    session.commit()
    listed = list_open(session)
    assert [item.report.id for item in listed] == [first.id, second.id]
    assert listed[0].claim.id == claim.id and listed[1].claim is None
    assert listed[1].article.id == article.id


def test_editor_closes_a_report_once(session, factory, limiter):
    editor = factory.user(role="editor")
    report = send(session, limiter, factory.article())
    close_report(session, report.id, user=editor)
    session.commit()
    assert list_open(session) == []
    again = close_report(session, report.id, user=factory.user(role="admin"))
    assert (again.status, again.handled_by_id) == ("closed", editor.id)


@pytest.mark.parametrize("role, active", [("checker", True), ("editor", False)])
def test_only_active_editors_close_reports(session, factory, limiter, role, active):
    report = send(session, limiter, factory.article())
    with pytest.raises(PermissionDenied):
        close_report(session, report.id, user=factory.user(role=role, active=active))
    assert session.get(ErrorReport, report.id).status == "open"


def test_closing_an_unknown_report_says_so(session, factory):
    with pytest.raises(NotFound, match="no error report 999"):
        close_report(session, 999, user=factory.user(role="editor"))


# --- the web side: form, rate limit, editors' queue -----------------------------------------------
@pytest.fixture
def published(factory, session):
    """An Indonesian article with a published claim; users checker1 and editor1."""
    checker, editor = factory.user("checker1", "checker"), factory.user("editor1", "editor")
    article = factory.article("Kazakhstan dan Abraham Accords", language="id")
    claim = factory.claim(article, "Kazakhstan merdeka pada 1992.", key="c1")
    return article, publish(session, claim, checker=checker, editor=editor)


def report_count(session) -> int:
    return session.exec(select(func.count()).select_from(ErrorReport)).one()


def login(client, name, password="pw-123456"):
    response = client.post("/login", data={"name": name, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)


def test_report_lands_in_the_editors_queue_and_editor_closes_it(client, session, published):
    article, _ = published
    path = f"/articles/{article.slug}/claims/c1"
    form = client.get(path + "/report").get_data(as_text=True)
    assert "Apa yang salah?" in form  # the form speaks the article's language
    sent = client.post(
        path + "/report",
        data={"message": "Tahunnya 1991 <b>bukan</b> 1995", "contact": "reader@example.org"},
    )
    assert sent.status_code == 303 and sent.headers["Location"] == path
    thanks = client.get(path)
    assert "Terima kasih" in thanks.get_data(as_text=True)
    assert thanks.headers["Cache-Control"] == "no-store"  # a one-off message: not cached
    login(client, "editor1")
    queue = client.get("/reports").get_data(as_text=True)
    assert "Tahunnya 1991 &lt;b&gt;bukan&lt;/b&gt; 1995" in queue
    assert "reader@example.org" in queue and f'href="{path}"' in queue
    report_id = int(queue.split('id="report-', 1)[1].split('"', 1)[0])
    closed = client.post(f"/reports/{report_id}/close")
    assert closed.status_code == 303
    assert "Tahunnya 1991" not in client.get("/reports").get_data(as_text=True)


def test_reports_queue_is_for_editors_only(client, published):
    assert client.get("/reports").status_code == 302  # to the login page
    login(client, "checker1")
    assert client.get("/reports").status_code == 403
    assert client.post("/reports/1/close").status_code == 403


@pytest.fixture
def two_per_hour(app_config):
    app_config["REPORTS_PER_HOUR"] = 2
    return app_config


def test_reader_over_the_hourly_limit_is_refused_and_nothing_is_saved(
    two_per_hour, client, session, published
):
    article, _ = published
    path = f"/articles/{article.slug}/report"
    for number in range(2):
        assert client.post(path, data={"message": f"report {number}"}).status_code == 303
    refused = client.post(path, data={"message": "one too many"})
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) > 0
    # the readers' page follows its (Indonesian) article: so does the limit's message
    assert "Anda telah mengirim 2 laporan dalam satu jam terakhir" in refused.get_data(as_text=True)
    assert report_count(session) == 2
    other = client.post(
        path, data={"message": "another reader"}, environ_base={"REMOTE_ADDR": "192.0.2.7"}
    )
    assert other.status_code == 303
    assert report_count(session) == 3


def test_empty_report_is_refused_with_a_message(client, session, published):
    article, _ = published
    response = client.post(f"/articles/{article.slug}/report", data={"message": "  "})
    assert response.status_code == 400
    # the form speaks the article's language (Indonesian), its errors too
    assert "Mohon jelaskan kesalahan yang Anda temukan." in response.get_data(as_text=True)
    assert report_count(session) == 0


def test_report_without_csrf_token_is_refused(app, client, session, published):
    app.config["WTF_CSRF_ENABLED"] = True
    article, _ = published
    response = client.post(f"/articles/{article.slug}/report", data={"message": "hello"})
    assert response.status_code == 400
    assert "security token" in response.get_data(as_text=True)
    assert report_count(session) == 0
