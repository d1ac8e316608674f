"""The claim queue: live claims filtered, searched, sorted and cut into pages.

In: a ``QueueFilters`` (what the queue form asks for) and the viewer's user id (for "mine").
Out: a ``Page`` of Claims (``find_claims``), or everything the queue page shows with it
(``load_queue``: the claims' articles and the people); ``find_articles``: the articles whose
title or slug match what a person types in the article filter (its typeahead).

At 100k claims the queue stays fast because the count stops at ``COUNT_CAP`` ("more than
1,000 claims"), the articles are read without their text, and a common word's search walks
the sort order's index instead of sorting every match, and is counted by streaming the
matches (see ``search.search_statements``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

from sqlalchemy import and_, bindparam, exists, false, func
from sqlalchemy.orm import load_only
from sqlmodel import Session, select

from factcheck.models import Article, Claim, ClaimStatus, Evidence, EvidenceState, User
from factcheck.review.hints import Hint, claim_hints
from factcheck.review.pagination import Page, paginate
from factcheck.review.search import search_statements, words
from factcheck.review.users import People, people

COUNT_CAP = 1_000  # beyond it the queue says "more than 1,000 claims"
ARTICLES_OFFERED = 10  # articles the typeahead offers at once

SORTS = {
    "updated": (Claim.updated_at.desc(), Claim.id.desc()),
    "position": (Claim.article_id, Claim.position, Claim.id),
    "score": (Claim.score.desc(), Claim.id),
}


@dataclass(frozen=True)
class QueueFilters:
    """What to show. Empty strings filter nothing.

    ``verdict``: a verdict key, or "none" for claims without one. ``article``: an article's
    slug, or else words that must all occur in the title or slug of the claims' article.
    ``assignee``: "me" (the viewer), "none" (nobody), or a user's name. ``text``: words that
    must all occur in the claim or its sentence. ``contradicted``: only claims that a
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
    hints: dict[int, Hint]  # what the evidence says of each claim on the page, by claim id


def checkworthy():
    """The condition for a claim shown by default: check-worthy, or already worked on."""
    return Claim.checkworthy.is_(True) | (Claim.status != ClaimStatus.UNVERIFIED)


def article_words(query: str) -> dict[str, str]:
    """The words of ``query`` as ``articles_matching`` takes them: ``word0``, ``word1`` ...,
    lower-cased, with LIKE's wildcards escaped (so "_" and "%" match only themselves)."""
    return {
        f"word{i}": w.lower().replace("/", "//").replace("%", "/%").replace("_", "/_")
        for i, w in enumerate(words(query))
    }


@functools.cache  # one per number of words: built once, the words bound at run time
def articles_matching(count: int):
    """A WHERE clause on Article: each of ``count`` words (``article_words``) in its title or
    slug, in any case."""
    bound = [bindparam(f"word{i}") for i in range(count)]
    return and_(
        *(
            func.lower(Article.title).contains(w, escape="/") | Article.slug.contains(w, escape="/")
            for w in bound
        )
    )


def find_articles(session: Session, query: str, *, limit: int = ARTICLES_OFFERED):
    """At most ``limit`` articles, as (slug, title) by title, whose title or slug hold every
    word of ``query``; none for a query without words. Only the two columns are read."""
    found = article_words(query)
    if not found:
        return []
    statement = _articles_offered(len(found), limit)
    return [(slug, title) for slug, title in session.exec(statement, params=found)]


@functools.cache
def _articles_offered(count: int, limit: int):
    return (
        select(Article.slug, Article.title)
        .where(articles_matching(count))
        .order_by(Article.title, Article.id)
        .limit(limit)
    )


def _article_filter(session: Session, article: str):
    """The claims of the article with slug ``article``; else of the articles whose title or
    slug hold its words (a search typed without the typeahead's help)."""
    found = session.exec(select(Article.id).where(Article.slug == article)).first()
    if found is not None:
        return Claim.article_id == found
    typed = article_words(article)
    matching = select(Article.id).where(articles_matching(len(typed))).params(**typed)
    return Claim.article_id.in_(matching)


def _statements(session: Session, filters: QueueFilters, *, viewer_id: int | None = None):
    """select(Claim) with the filters and the sort, and the same without the sort for the
    count; every filter uses an indexed column. The two differ only in how a text search is
    written: what finds the first claims in order is not always what counts fastest."""
    statement = select(Claim).where(Claim.deleted_at.is_(None))
    if filters.show != "all":
        statement = statement.where(checkworthy())
    if filters.status:
        statement = statement.where(Claim.status == filters.status)
    if filters.verdict == "none":
        statement = statement.where(Claim.verdict.is_(None))
    elif filters.verdict:
        statement = statement.where(Claim.verdict == filters.verdict)
    if filters.article.strip():
        statement = statement.where(_article_filter(session, filters.article.strip()))
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
    rows = statement.order_by(*_sort(filters))
    return search_statements(
        session, rows, statement, filters.text, few_claims=bool(filters.article.strip())
    )


def _sort(filters: QueueFilters) -> tuple:
    return SORTS.get(filters.sort, SORTS["updated"])


def find_claims(session: Session, *, filters: QueueFilters, viewer_id: int | None = None) -> Page:
    """The page ``filters.page`` of live claims matching ``filters``, in their sort order.

    ``viewer_id`` is who "me" is in ``filters.assignee``. Two queries: the count, capped at
    ``COUNT_CAP``, and the page's rows.
    """
    rows, count = _statements(session, filters, viewer_id=viewer_id)
    return paginate(
        session, rows, filters.page, filters.per_page, cap=COUNT_CAP, count_statement=count
    )


def load_queue(
    session: Session, *, filters: QueueFilters, viewer_id: int | None = None
) -> ClaimQueue:
    """Everything the queue page shows: the page of claims (as ``find_claims`` finds it) with
    their articles, the people, the hints. The same few queries whatever the page holds; the
    articles come with the claims, without their text (only their slug and title are shown)."""
    rows, count = _statements(session, filters, viewer_id=viewer_id)
    # the rows' filters are all in their WHERE (search_statements narrows them with WHERE only)
    with_articles = _claims_with_articles().where(rows.whereclause).order_by(*_sort(filters))
    page = paginate(
        session, with_articles, filters.page, filters.per_page, cap=COUNT_CAP, count_statement=count
    )
    articles = {article.id: article for _claim, article in page.items}
    page = replace(page, items=[claim for claim, _article in page.items])
    return ClaimQueue(
        page=page,
        articles=articles,
        people=people(session),
        hints=claim_hints(session, page.items),
    )


@functools.cache  # built once: the filters and the sort are added to a copy
def _claims_with_articles():
    return (
        select(Claim, Article)
        .join(Article, Article.id == Claim.article_id)
        .options(load_only(Article.id, Article.slug, Article.title))
    )
