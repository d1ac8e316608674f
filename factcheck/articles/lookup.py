"""Stored articles found again: by slug, by slug or id, all of them, and their claims.

In: a session and what a person typed or a URL holds (a slug, an id).
Out: Article rows (None or InputError when there is none) and an article's Claim rows.
"""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, select

from factcheck.errors import InputError
from factcheck.models import Article, Claim


def article_by_slug(session: Session, *, slug: str) -> Article | None:
    """The article with this slug, or None."""
    return session.exec(select(Article).where(Article.slug == slug)).first()


def find_article(session: Session, *, ref: str) -> Article:
    """The article whose slug is ``ref``, else whose id is ``ref``; InputError if neither."""
    article = article_by_slug(session, slug=ref)
    if article is None and ref.isdigit():
        article = session.get(Article, int(ref))
    if article is None:
        raise InputError(f"no article {ref!r} (see `factcheck articles`)")
    return article


def list_articles(session: Session) -> list[Article]:
    """Every article, oldest first (by id)."""
    return list(session.exec(select(Article).order_by(Article.id)).all())


def has_articles(session: Session) -> bool:
    """Whether any article is stored."""
    return session.exec(select(Article.id)).first() is not None


def count_claims(session: Session, *, article: Article) -> int:
    """How many claims ``article`` has, deleted ones included."""
    statement = select(func.count()).select_from(Claim).where(Claim.article_id == article.id)
    return session.exec(statement).one()


def article_claims(session: Session, *, article: Article) -> list[Claim]:
    """The article's claims in reading order (position, then id), deleted ones included."""
    return list(
        session.exec(
            select(Claim).where(Claim.article_id == article.id).order_by(Claim.position, Claim.id)
        ).all()
    )
