"""Adding a cited source to an article by its web address (fetching lives in factcheck.sources)."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, select

from factcheck import review
from factcheck.editing.evidence import check_url
from factcheck.errors import InputError
from factcheck.models import Article, Role, Source, User


def add_source(session: Session, article: Article, url: str, *, user: User,
               title: str | None = None) -> Source:
    """Add ``url`` (http or https) to the article's sources, after the others.

    The same address twice is refused, so a double submit adds one source.
    """
    review.require(user, Role.CHECKER, "adding sources")
    url = check_url(url)
    if session.exec(select(Source.id).where(Source.article_id == article.id,
                                            Source.url == url)).first() is not None:
        raise InputError(f"{url} is already a source of this article")
    last = session.exec(select(func.max(Source.position)).where(
        Source.article_id == article.id)).one()
    source = Source(article_id=article.id, url=url, title=(title or "").strip()[:500] or url,
                    position=(last or 0) + 1)
    session.add(source)
    session.flush()
    return source
