"""Readers' error reports: accepting them (rate-limited), listing the open ones, closing them.

Rate limiting has two layers, both in the database, so they hold across processes and
restarts:

- ``ReportLimiter`` counts reports per client address (an hour from the first one; addresses
  kept only as keyed hashes) with factcheck.ratelimit's atomic counters.
- A cap counts every report on the same article in the last hour, whoever sent it
  (``TARGET_CAP_FACTOR`` times the per-address limit), so a flood from many addresses cannot
  bury one article's queue.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func
from sqlmodel import Session, select

from factcheck import ratelimit
from factcheck.errors import InputError, NotFound
from factcheck.inputs import check_text
from factcheck.messages import N_, NP_, Message
from factcheck.models import Article, Claim, ErrorReport, Role, User, utcnow
from factcheck.review.workflow import require

MAX_MESSAGE = 5000
MAX_CONTACT = 200
TARGET_CAP_FACTOR = 10
HOUR = 3600


class TooManyReports(ratelimit.RateLimited):
    """The sender (or the article) reached the hourly report limit."""

    def __init__(self, message: str, retry_after: int = HOUR):
        super().__init__(message, retry_after)


class ReportLimiter:
    """At most ``per_hour`` reports per client address per hour, counted in the database."""

    def __init__(self, per_hour: int, *, secret: str, clock: Callable[[], float] = time.time):
        self.per_hour = per_hour
        self._secret = secret
        self._clock = clock

    def take(self, session: Session, address: str) -> None:
        """Count one report from ``address``, or raise TooManyReports if it has none left.

        Commits (see factcheck.ratelimit)."""
        ratelimit.take(
            session,
            ratelimit.private_key(self._secret, "report", address),
            self.per_hour,
            HOUR,
            Message.plural(
                NP_(
                    "you have sent %(num)s report in the last hour; please try again later",
                    "you have sent %(num)s reports in the last hour; please try again later",
                ),
                self.per_hour,
            ),
            now=self._clock(),
            exception=TooManyReports,
        )


def submit_report(
    session: Session,
    *,
    article: Article,
    message: str,
    contact: str | None = None,
    claim: Claim | None = None,
    client_address: str,
    limiter: ReportLimiter,
) -> ErrorReport:
    """Queue a reader's report on ``article`` (and ``claim``) for the editors.

    Raises InputError for an empty or over-long message, TooManyReports when the sender or
    the article is over its hourly limit. The caller commits.
    """
    message = (message or "").strip()
    contact = (contact or "").strip() or None
    if not message:
        raise InputError(N_("please describe the error you found"))
    check_text(message, N_("the message"), MAX_MESSAGE)
    if contact:
        check_text(contact, N_("the contact"), MAX_CONTACT)
    if claim is not None and claim.article_id != article.id:
        raise InputError(f"claim {claim.key} is not part of article {article.slug!r}")
    _check_article_cap(session, article, limiter.per_hour * TARGET_CAP_FACTOR)
    limiter.take(session, client_address)
    report = ErrorReport(
        article_id=article.id,
        claim_id=claim.id if claim else None,
        message=message,
        contact=contact,
    )
    session.add(report)
    session.flush()
    return report


def _check_article_cap(session: Session, article: Article, cap: int) -> None:
    since = utcnow() - timedelta(hours=1)
    recent = session.exec(
        select(func.count())
        .select_from(ErrorReport)
        .where(ErrorReport.article_id == article.id, ErrorReport.created_at >= since)
    ).one()
    if recent >= cap:
        raise TooManyReports(
            N_(
                "this article has received many reports in the last hour; "
                "the editors are on it, please try again later"
            )
        )


@dataclass(frozen=True)
class OpenReport:
    """An open report with what it is about, for the editors' queue."""

    report: ErrorReport
    article: Article | None
    claim: Claim | None


def list_open(session: Session) -> list[OpenReport]:
    """Open reports, oldest first (the longest-waiting reader is answered first)."""
    rows = session.exec(
        select(ErrorReport, Article, Claim)
        .join(Article, Article.id == ErrorReport.article_id, isouter=True)
        .join(Claim, Claim.id == ErrorReport.claim_id, isouter=True)
        .where(ErrorReport.status == "open")
        .order_by(ErrorReport.created_at, ErrorReport.id)
    ).all()
    return [OpenReport(report, article, claim) for report, article, claim in rows]


def close_report(session: Session, report_id: int, *, user: User) -> ErrorReport:
    """Mark a report handled by ``user`` (an editor). Closing a closed report changes nothing.

    The caller commits.
    """
    require(user, Role.EDITOR, N_("closing error reports"))
    report = session.get(ErrorReport, report_id)
    if report is None:
        raise NotFound(f"there is no error report {report_id}")
    if report.status != "open":
        return report
    report.status, report.handled_by_id = "closed", user.id
    session.add(report)
    return report
