"""The workspace's dashboard: articles with their review progress, and a checker's own claims.

In: a session, the viewer's user id and the page of articles wanted.
Out: a ``Dashboard``: a Page of Articles (newest first), per article the live claims counted
by status and by verdict, and the claims assigned to the viewer that are not yet published.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from factcheck.models import Article, Claim, ClaimStatus
from factcheck.review.pagination import Page, paginate

MY_CLAIMS_SHOWN = 50


@dataclass
class Dashboard:
    """What the dashboard shows: ``page`` of articles with their ``progress`` (see
    ``progress``), and ``mine``, the viewer's claims with their articles' ``titles`` by id."""

    page: Page
    progress: dict[int, dict]
    mine: list[Claim]
    titles: dict[int, str]


def progress(session: Session, *, article_ids: list[int]) -> dict[int, dict]:
    """Per article: live claims per status and per verdict, their total, and how many are done
    (verified or published)."""
    out = {i: {"status": {}, "verdict": {}, "total": 0, "done": 0} for i in article_ids}
    live = (Claim.article_id.in_(article_ids), Claim.deleted_at.is_(None))
    for article_id, status, count in session.exec(
        select(Claim.article_id, Claim.status, func.count())
        .where(*live)
        .group_by(Claim.article_id, Claim.status)
    ):
        out[article_id]["status"][status] = count
        out[article_id]["total"] += count
        if status in (ClaimStatus.VERIFIED, ClaimStatus.PUBLISHED):
            out[article_id]["done"] += count
    for article_id, verdict, count in session.exec(
        select(Claim.article_id, Claim.verdict, func.count())
        .where(*live, Claim.verdict.is_not(None))
        .group_by(Claim.article_id, Claim.verdict)
    ):
        out[article_id]["verdict"][verdict] = count
    return out


def my_claims(session: Session, *, user_id: int) -> list[Claim]:
    """The live, not yet published claims assigned to ``user_id``, most recently changed
    first (at most ``MY_CLAIMS_SHOWN``)."""
    return list(
        session.exec(
            select(Claim)
            .where(
                Claim.assignee_id == user_id,
                Claim.deleted_at.is_(None),
                Claim.status != ClaimStatus.PUBLISHED,
            )
            .order_by(Claim.updated_at.desc())
            .limit(MY_CLAIMS_SHOWN)
        ).all()
    )


def load_dashboard(session: Session, *, user_id: int, page: int, per_page: int) -> Dashboard:
    """Page ``page`` of the articles (newest first) with their progress, and the claims of
    ``user_id``. The same few queries whatever the pages hold."""
    articles = paginate(
        session,
        select(Article).order_by(Article.created_at.desc(), Article.id.desc()),
        page,
        per_page,
    )
    mine = my_claims(session, user_id=user_id)
    titles = dict(
        session.exec(
            select(Article.id, Article.title).where(Article.id.in_({c.article_id for c in mine}))
        ).all()
    )
    return Dashboard(
        page=articles,
        progress=progress(session, article_ids=[a.id for a in articles.items]),
        mine=mine,
        titles=titles,
    )
