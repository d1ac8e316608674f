"""An article's cited sources: the list in citation order, each with its newest snapshot, and
adding a source by its web address (archiving pages is in factcheck.sources.snapshots)."""

from __future__ import annotations

import functools

from sqlalchemy import bindparam, func
from sqlalchemy.orm import defer
from sqlmodel import Session, col, select

from factcheck.audit import record_audit
from factcheck.errors import InputError
from factcheck.messages import N_
from factcheck.models import Article, Role, Snapshot, Source, User
from factcheck.review import workflow
from factcheck.sources.urls import web_address


def add_source(
    session: Session, article: Article, url: str, *, user: User, title: str | None = None
) -> Source:
    """Add ``url`` (http or https) to the article's sources, after the others; recorded in
    the audit log.

    The same address twice is refused (by the database too, for two requests at once), so a
    double submit adds one source.
    """
    workflow.require(user, Role.CHECKER, N_("adding sources"))
    url = web_address(url)
    if (
        session.exec(
            select(Source.id).where(Source.article_id == article.id, Source.url == url)
        ).first()
        is not None
    ):
        raise InputError(N_("%(url)s is already a source of this article"), url=url)
    last = session.exec(
        select(func.max(Source.position)).where(Source.article_id == article.id)
    ).one()
    source = Source(
        article_id=article.id,
        url=url,
        title=(title or "").strip()[:500] or url,
        position=(last or 0) + 1,
    )
    session.add(source)
    session.flush()
    record_audit(
        session,
        "source.add",
        actor=user,
        target=source_target(article, source),
        detail={"url": url, "title": source.title},
    )
    return source


def source_target(article: Article, source: Source) -> str:
    """How the audit log names a source: "source 3 of <article slug>"."""
    return f"source {source.position} of {article.slug}"


def article_sources(session: Session, article: Article) -> list[Source]:
    """The article's sources in citation order."""
    return list(
        session.exec(
            select(Source)
            .where(Source.article_id == article.id)
            .order_by(Source.position, Source.id)
        ).all()
    )


def source_at(session: Session, *, article: Article, position: int) -> Source:
    """The article's source numbered ``position`` in its list; InputError naming the numbers
    it has when there is no such source."""
    source = session.exec(
        select(Source).where(Source.article_id == article.id, Source.position == position)
    ).first()
    if source is None:
        numbers = [s.position for s in article_sources(session, article)]
        raise InputError(
            f"{article.slug} has no source {position}; its sources are "
            f"{', '.join(map(str, numbers)) or 'none'}"
        )
    return source


def latest_snapshot(session: Session, source: Source, kind: str | None = None) -> Snapshot | None:
    """The newest snapshot of ``source`` (of ``kind`` if given), or None."""
    query = select(Snapshot).where(Snapshot.source_id == source.id)
    if kind:
        query = query.where(Snapshot.kind == kind)
    # fetched_at has one-second precision; the id breaks ties within a second.
    return session.exec(
        query.order_by(col(Snapshot.fetched_at).desc(), col(Snapshot.id).desc())
    ).first()


def sources_with_latest(
    session: Session, article_id: int, *, with_text: bool = False
) -> list[tuple[Source, Snapshot | None]]:
    """The article's sources in list order, each with its newest snapshot (one query).

    "Newest" as in ``latest_snapshot``. Snapshot texts (whole pages) are loaded only when
    ``with_text``.
    """
    rows = session.exec(_sources_query(with_text), params={"article_id": article_id}).all()
    return [(source, snapshot) for source, snapshot in rows]


@functools.cache
def _sources_query(with_text: bool):
    # Built once, with the article as a bound parameter: building a statement costs more
    # than running this one (readers' pages run it on every render).
    newest = (
        select(Snapshot.id)
        .where(Snapshot.source_id == Source.id)
        .order_by(col(Snapshot.fetched_at).desc(), col(Snapshot.id).desc())
        .limit(1)
        .correlate(Source)
        .scalar_subquery()
    )
    query = (
        select(Source, Snapshot)
        .join(Snapshot, Snapshot.id == newest, isouter=True)
        .where(Source.article_id == bindparam("article_id"))
        .order_by(Source.position, Source.id)
    )
    return query if with_text else query.options(defer(Snapshot.text))
