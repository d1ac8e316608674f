"""The claim page's history table: what each row shows, in the staff member's language, and
that a row costs no lookup of that language (the load bench's checkers' claims gather
hundreds of rows; each lookup goes through Flask-Babel's context locals)."""

import functools
from datetime import UTC, datetime, timedelta

import pytest
from babel import dates

from factcheck.models import ReviewEvent
from factcheck.web import i18n


def history(html: str) -> list[list[str]]:
    """The history table's cells, row by row, tags removed."""
    import re

    table = html.split('id="history-heading"')[1].split("</table>")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]  # after the header row
    return [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
        for row in rows
    ]


def add_events(session, claim, user, count: int, start: datetime) -> None:
    for n in range(count):
        session.add(
            ReviewEvent(
                claim_id=claim.id,
                user_id=user.id,
                at=start + timedelta(minutes=n),
                action="rationale",
                from_value=f"old {n}",
                to_value=f"new {n}",
            )
        )
    session.commit()


@pytest.fixture
def staff(auth, session):
    user = auth.login("checker")
    user.language = "id"
    session.add(user)
    session.commit()
    return user


def test_history_rows_show_who_what_and_verdict_labels_in_the_staff_language(
    client, session, factory, staff
):
    claim = factory.claim()
    at = datetime(2026, 3, 4, 17, 5, tzinfo=UTC)
    made = functools.partial(ReviewEvent, claim_id=claim.id, at=at)
    session.add_all(
        [
            made(action="verdict", user_id=staff.id, to_value="mostly_false"),
            made(
                action="verdict",
                from_value="mostly_false",
                to_value="retired_key",
                actor="Ana (then)",
                note="scale changed",
            ),
            made(action="status", from_value="in_review", to_value="verified", public=True),
            made(action="assign"),
        ]
    )
    session.commit()
    html = client.get(f"/review/claims/{claim.id}").get_data(as_text=True)
    when = dates.format_datetime(at, "d MMM y HH:mm", locale="id")  # "4 Mar 2026 17.05"
    assert history(html) == [
        [when, "checker", "verdict", "— → Sebagian besar salah", ""],
        [when, "Ana (then)", "verdict", "Sebagian besar salah → retired_key", "scale changed"],
        [when, "sistem", "status publik", "in_review → verified", ""],
        [when, "sistem", "assign", "", ""],
    ]
    assert '<time datetime="2026-03-04T17:05:00+00:00">' in html


def test_history_rows_cost_no_lookup_of_the_language(client, session, factory, staff, monkeypatch):
    claim = factory.claim()
    start = datetime(2026, 1, 1, tzinfo=UTC)
    lookups = [0]
    real = i18n.get_locale

    def counted():
        lookups[0] += 1
        return real()

    monkeypatch.setattr(i18n, "get_locale", counted)

    def page_lookups() -> int:
        lookups[0] = 0
        response = client.get(f"/review/claims/{claim.id}")
        assert response.status_code == 200
        return lookups[0]

    add_events(session, claim, staff, 3, start)
    few = page_lookups()
    add_events(session, claim, staff, 40, start + timedelta(days=1))
    assert len(history(client.get(f"/review/claims/{claim.id}").get_data(as_text=True))) == 43
    assert page_lookups() == few
