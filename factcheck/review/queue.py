"""The claim queue: live claims filtered, searched, sorted and cut into pages.

In: a ``QueueFilters`` (what the queue form asks for) and the viewer's user id (for "mine").
Out: a ``Page`` of Claims (``find_claims``), or everything the queue page shows with it
(``load_queue``: the claims' articles, the people, the articles to filter by).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, false
from sqlmodel import Session, select

from factcheck.models import Article, Claim, ClaimStatus, Evidence, EvidenceState, User
from factcheck.review.hints import Hint, claim_hints
from factcheck.review.pagination import Page, paginate
from factcheck.review.search import claim_text_filter
from factcheck.review.users import People, people

SORTS = {
    "updated": (Claim.updated_at.desc(), Claim.id.desc()),
    "position": (Claim.article_id, Claim.position, Claim.id),
    "score": (Claim.score.desc(), Claim.id),
}


@dataclass(frozen=True)
class QueueFilters:
    """What to show. Empty strings filter nothing.

    ``verdict``: a verdict key, or "none" for claims without one. ``article``: an article's
    slug. ``assignee``: "me" (the viewer), "none" (nobody), or a user's name. ``text``: words
    that must all occur in the claim or its sentence. ``contradicted``: only claims that a
    passage contradicts (evidence with that stance, not rejected). ``sort``: a key of
    ``SORTS`` (anything else sorts by "updated"). ``show``: "" shows check-worthy claims
    (facts scoring CHECKWORTHY or more, claims a person added, and any claim someone has moved
    on from unverified), "all" also the opinions, hedged statements and low-scoring proposals
    that extraction stored. ``page`` counts from 1.
    """

    show: str = ""
    status: str = ""
    verdict: str = ""
    article: str = ""
    assignee: str = ""
    text: str = ""
    contradicted: bool = False
    sort: str = "updated"
    page: int = 1
    per_page: int = 50


@dataclass
class ClaimQueue:
    """One page of the queue with what it shows next to the claims."""

    page: Page
    articles: dict[int, Article]  # the articles of the claims on the page, by id
    people: People  # names of assignees; the active ones for the filter and the assign forms
    titles: list[tuple[str, str]]  # every article as (slug, title), by title, for the filter
    hints: dict[int, Hint]  # what the evidence says of each claim on the page, by claim id


def checkworthy():
    """The condition for a claim shown by default: check-worthy, or already worked on."""
    return Claim.checkworthy.is_(True) | (Claim.status != ClaimStatus.UNVERIFIED)


def _statement(session: Session, filters: QueueFilters, *, viewer_id: int | None = None):
    """select(Claim) with the filters and the sort; every filter uses an indexed column."""
    statement = select(Claim).where(Claim.deleted_at.is_(None))
    if filters.show != "all":
        statement = statement.where(checkworthy())
    if filters.status:
        statement = statement.where(Claim.status == filters.status)
    if filters.verdict == "none":
        statement = statement.where(Claim.verdict.is_(None))
    elif filters.verdict:
        statement = statement.where(Claim.verdict == filters.verdict)
    if filters.article:
        statement = statement.where(
            Claim.article_id
            == select(Article.id).where(Article.slug == filters.article).scalar_subquery()
        )
    if filters.assignee == "me":
        # without a viewer "me" is nobody: `== None` would mean "unassigned" in SQL
        mine = Claim.assignee_id == viewer_id if viewer_id is not None else false()
        statement = statement.where(mine)
    elif filters.assignee == "none":
        statement = statement.where(Claim.assignee_id.is_(None))
    elif filters.assignee:
        statement = statement.where(
            Claim.assignee_id
            == select(User.id).where(User.name == filters.assignee).scalar_subquery()
        )
    if filters.contradicted:
        statement = statement.where(
            exists().where(
                Evidence.claim_id == Claim.id,
                Evidence.stance == "contradicts",
                Evidence.state != EvidenceState.REJECTED,
            )
        )
    text = claim_text_filter(session, filters.text)
    if text is not None:
        statement = statement.where(text)
    return statement.order_by(*SORTS.get(filters.sort, SORTS["updated"]))


def find_claims(session: Session, *, filters: QueueFilters, viewer_id: int | None = None) -> Page:
    """The page ``filters.page`` of live claims matching ``filters``, in their sort order.

    ``viewer_id`` is who "me" is in ``filters.assignee``. Two queries: the capped count and
    the page's rows.
    """
    return paginate(
        session,
        _statement(session, filters, viewer_id=viewer_id),
        filters.page,
        filters.per_page,
    )


def load_queue(
    session: Session, *, filters: QueueFilters, viewer_id: int | None = None
) -> ClaimQueue:
    """Everything the queue page shows: the page of claims (``find_claims``), their articles,
    the people and the articles to filter by. The same few queries whatever the page holds."""
    page = find_claims(session, filters=filters, viewer_id=viewer_id)
    article_ids = {c.article_id for c in page.items}
    articles = {
        a.id: a for a in session.exec(select(Article).where(Article.id.in_(article_ids))).all()
    }
    titles = session.exec(select(Article.slug, Article.title).order_by(Article.title)).all()
    return ClaimQueue(
        page=page,
        articles=articles,
        people=people(session),
        titles=[(slug, title) for slug, title in titles],
        hints=claim_hints(session, list(page.items)),
    )
