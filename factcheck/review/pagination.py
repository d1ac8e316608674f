"""The one pagination helper: LIMIT/OFFSET pages with a capped, cheap count.

Counting every match of a filter over tens of thousands of claims costs as much as reading
them, so the count stops at a cap (``COUNT_CAP`` unless the caller gives one): beyond it the
page bar says "of 200+". The count reads only the rows' ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session

COUNT_CAP = 10_000
MAX_PER_PAGE = 200


@dataclass
class Page:
    """One page of rows: ``number`` from 1, ``total`` capped at the cap (``capped`` says so),
    ``has_next`` whether more rows follow."""

    items: list[Any]
    number: int
    per_page: int
    total: int
    capped: bool = False
    has_next: bool = False

    @property
    def pages(self) -> int:
        """Pages up to the cap (the bar shows "of N+" when capped)."""
        return max(1, -(-self.total // self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.number > 1


def page_number(value: object) -> int:
    """A page number from the query string: anything odd is page 1."""
    try:
        return max(1, min(int(str(value)), 10**6))
    except (TypeError, ValueError):
        return 1


def paginate(
    session: Session,
    statement,
    number: int,
    per_page: int,
    cap: int = COUNT_CAP,
    count_statement=None,
) -> Page:
    """Run ``statement`` (a select with its ORDER BY) for page ``number``.

    The rows come from one LIMIT/OFFSET query. A page that is not full (and not past the
    end) is the last one, so it gives the count itself; otherwise the count comes from a
    second query that reads at most ``cap + 1`` rows of ``count_statement`` (the same rows
    written another way; default ``statement``), only their first column's.
    """
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    rows = _rows(session, statement, number, per_page)
    if len(rows) <= per_page and (rows or number == 1):
        total = (number - 1) * per_page + len(rows)
    else:
        counted = statement if count_statement is None else count_statement
        total = _capped_count(session, counted, cap)
        last = max(1, -(-min(total, cap) // per_page))
        if total <= cap and number > last:  # past the end: the last page, not an empty one
            number = last
            rows = _rows(session, statement, number, per_page)
    return Page(
        list(rows[:per_page]),
        number,
        per_page,
        min(total, cap),
        total > cap,
        has_next=len(rows) > per_page,
    )


def _rows(session: Session, statement, number: int, per_page: int) -> list:
    # one row more than the page tells whether a next page exists, even beyond the cap
    return session.exec(statement.limit(per_page + 1).offset((number - 1) * per_page)).all()


def _capped_count(session: Session, statement, cap: int) -> int:
    """How many rows ``statement`` gives, reading at most ``cap + 1`` of their first column."""
    first_column = statement.selected_columns[0]
    counted = statement.order_by(None).with_only_columns(first_column, maintain_column_froms=True)
    limited = counted.limit(cap + 1).subquery()
    return session.execute(select(func.count()).select_from(limited)).scalar_one()
