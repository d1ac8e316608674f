"""What the readers' pages show, gathered from the database (no Flask here; tested directly).

Readers see only published claims that are not deleted, only confirmed evidence, and only
public history events (corrections). ``last_modified`` covers every claim of the article that
was ever published, so withdrawing a claim also moves the page's date forward.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, func
from sqlalchemy.orm import aliased, defer
from sqlalchemy.sql import Select
from sqlmodel import Session, select

from factcheck.language.identify import identify_language
from factcheck.models import (
    Article,
    Claim,
    ClaimStatus,
    Evidence,
    EvidenceState,
    ReviewEvent,
    Snapshot,
    Source,
    User,
    as_utc,
)
from factcheck.sources.cited import sources_with_latest

if TYPE_CHECKING:
    from factcheck.db import DriverReader


def _visible():
    """The condition for a claim readers may see."""
    return (Claim.status == ClaimStatus.PUBLISHED) & Claim.deleted_at.is_(None)


@dataclass
class ShownEvidence:
    """A confirmed source passage, with the snapshot it was read from (if archived)."""

    evidence: Evidence
    source: Source | None
    snapshot: Snapshot | None

    @property
    def url(self) -> str | None:
        if self.evidence.url:
            return self.evidence.url
        if self.snapshot and (self.snapshot.final_url or self.snapshot.url):
            return self.snapshot.final_url or self.snapshot.url
        return self.source.url if self.source else None

    @property
    def archived_at(self) -> datetime | None:
        return self.snapshot.fetched_at if self.snapshot else None

    @functools.cached_property
    def language(self) -> str:
        """The language the passage is written in (pages mark a quote in another language)."""
        return identify_language(self.evidence.passage)


@dataclass
class ShownSource:
    """A source the article cites, with its newest archived copy."""

    source: Source
    snapshot: Snapshot | None


@dataclass
class ShownClaim:
    claim: Claim
    evidence: list[ShownEvidence] = field(default_factory=list)
    corrections: list[ReviewEvent] = field(default_factory=list)


@dataclass
class VerdictPage:
    """Everything a verdict page (article or single claim) shows."""

    article: Article
    claims: list[ShownClaim]
    sources: list[ShownSource]
    last_modified: datetime

    # names of the checkers and editors of the claims shown, by user id (the bylines)
    people: dict[int, str] = field(default_factory=dict)

    def verdict_counts(self) -> Counter:
        return Counter(c.claim.verdict for c in self.claims)

    def checker(self, claim: Claim) -> str | None:
        """Who chose the verdict (and wrote the rationale)."""
        return self.people.get(claim.verdict_by_id)

    def editor(self, claim: Claim) -> str | None:
        """The second person: the editor who published it or approved its last correction."""
        return self.people.get(claim.published_by_id)


def load_article_page(
    session: Session, slug: str, claim_key: str | None = None
) -> VerdictPage | None:
    """The article ``slug`` with its published claims (or just ``claim_key``).

    None when the article is unknown, has no published claim, or ``claim_key`` is not a
    published claim of it: readers get the same 404 for all of these.
    """
    # One query for the article and its visible claims: no row means a 404 either way.
    rows = session.exec(
        _article_claims_query(one_claim=claim_key is not None),
        params={"slug": slug, "key": claim_key},
    ).all()
    if not rows:
        return None
    article = rows[0][0]
    claims = [row[1] for row in rows]
    shown = [ShownClaim(c) for c in claims]
    _add_evidence(session, shown)
    _add_corrections(session, shown)
    sources = _sources(session, article.id)
    page = VerdictPage(article, shown, sources, _last_modified(session, article, shown, sources))
    for _, claim, checker_name, editor_name in rows:
        page.people[claim.verdict_by_id] = checker_name
        page.people[claim.published_by_id] = editor_name
    return page


# The render path's statements are built once, with bound parameters: building and hashing a
# statement cost more than running these small indexed queries (functools.cache: on first
# use, so that commands which never render a page do not pay for them at start-up).
@functools.cache
def _article_claims_query(*, one_claim: bool) -> Select:
    checker, editor = aliased(User), aliased(User)
    query = (
        select(Article, Claim, checker.name, editor.name)
        .join(Claim, Claim.article_id == Article.id)
        .outerjoin(checker, checker.id == Claim.verdict_by_id)  # the bylines
        .outerjoin(editor, editor.id == Claim.published_by_id)
        .where(Article.slug == bindparam("slug"), _visible())
        .options(defer(Article.text))  # the article body is never shown here
    )
    if one_claim:
        query = query.where(Claim.key == bindparam("key"))
    return query.order_by(Claim.position, Claim.id)


@functools.cache
def _evidence_query() -> Select:
    return (
        select(Evidence, Source, Snapshot)
        .join(Source, Source.id == Evidence.source_id, isouter=True)
        .join(Snapshot, Snapshot.id == Evidence.snapshot_id, isouter=True)
        .where(
            Evidence.claim_id.in_(bindparam("claim_ids", expanding=True)),
            Evidence.state == EvidenceState.CONFIRMED,
        )
        .order_by(Evidence.claim_id, Evidence.id)
        .options(defer(Snapshot.text))  # a whole fetched page; only its date shows
    )


@functools.cache
def _corrections_query() -> Select:
    return (
        select(ReviewEvent)
        .where(
            ReviewEvent.claim_id.in_(bindparam("claim_ids", expanding=True)),
            ReviewEvent.public.is_(True),
        )
        .order_by(ReviewEvent.at, ReviewEvent.id)
    )


@functools.cache
def _ever_published_query() -> Select:
    return select(func.max(Claim.updated_at), func.max(Claim.deleted_at)).where(
        Claim.article_id == bindparam("article_id"), Claim.published_at.is_not(None)
    )


def _add_evidence(session: Session, shown: list[ShownClaim]) -> None:
    by_id = {c.claim.id: c for c in shown}
    rows = session.exec(_evidence_query(), params={"claim_ids": list(by_id)}).all()
    for evidence, source, snapshot in rows:
        by_id[evidence.claim_id].evidence.append(ShownEvidence(evidence, source, snapshot))


def _add_corrections(session: Session, shown: list[ShownClaim]) -> None:
    by_id = {c.claim.id: c for c in shown}
    events = session.exec(_corrections_query(), params={"claim_ids": list(by_id)}).all()
    for event in events:
        by_id[event.claim_id].corrections.append(event)


def _sources(session: Session, article_id: int) -> list[ShownSource]:
    """The article's sources, each with its newest snapshot (one query)."""
    return [
        ShownSource(source, snapshot)
        for source, snapshot in sources_with_latest(session, article_id)
    ]


def _last_modified(
    session: Session, article: Article, shown: list[ShownClaim], sources: list[ShownSource]
) -> datetime:
    times = [article.created_at]
    # Claims published once and since withdrawn or deleted still date the page: their
    # disappearance is a change readers' caches must notice.
    row = session.exec(_ever_published_query(), params={"article_id": article.id}).one()
    times += list(row)
    for item in shown:
        times += [item.claim.updated_at, item.claim.published_at]
        times += [e.evidence.created_at for e in item.evidence]
        times += [e.at for e in item.corrections]
    for source in sources:
        times.append(source.source.created_at)
        if source.snapshot:
            times.append(source.snapshot.fetched_at)
    return max(as_utc(t) for t in times if t is not None)


@dataclass
class IndexEntry:
    """An article on the front page with its published verdicts."""

    article: Article
    counts: Counter
    newest: datetime


def load_index(session: Session) -> tuple[list[IndexEntry], datetime | None]:
    """Articles that have published claims, newest verdict first, and the page's date."""
    rows = session.exec(
        select(Claim.article_id, Claim.verdict, func.count(), func.max(Claim.published_at))
        .where(_visible())
        .group_by(Claim.article_id, Claim.verdict)
    ).all()
    counts: dict[int, Counter] = {}
    newest: dict[int, datetime] = {}
    for article_id, verdict, count, published in rows:
        counts.setdefault(article_id, Counter())[verdict] = count
        if published is not None:
            published = as_utc(published)
            newest[article_id] = max(published, newest.get(article_id, published))
    articles = session.exec(select(Article).where(Article.id.in_(counts))).all() if counts else []
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    entries = [IndexEntry(a, counts[a.id], newest.get(a.id, epoch)) for a in articles]
    entries.sort(key=lambda e: (e.newest, e.article.id), reverse=True)
    stamp = session.exec(
        select(func.max(Claim.updated_at), func.max(Claim.deleted_at)).where(
            Claim.published_at.is_not(None)
        )
    ).one()
    times = [as_utc(t) for t in stamp if t is not None]
    return entries, max(times) if times else None


# --- stamps: what a cached page must be compared with ---------------------------------------
# A stamp is a handful of aggregates, read with ONE indexed query, that changes whenever
# anything the page shows may have changed (factcheck.web.public.pagecache keeps rendered
# pages by it). Every change to a claim goes through review.lock(), which adds exactly one to
# its version, so the sum of the versions grows with each change even within the same second;
# count and max(id) catch claims added or removed (an article replaced by an import), and
# max(updated_at) edits made outside the workflow. Sources and snapshots are never edited in
# place: new rows (an archived copy, whose date the page shows) move their counts.


def _scalar(column, where, join=None):
    query = select(column)
    if join is not None:
        query = query.join(*join)
    return query.where(where).scalar_subquery()  # correlated to the outer article row


def _article_stamp_query() -> Select:
    # The claims' four aggregates come from one scan of the article's claims (a join grouped
    # by the article), not four correlated subqueries: on PostgreSQL that was four index scans
    # and heap visits of the same twenty rows, most of the query's time.
    source_of_article = Source.article_id == Article.id
    via_source = (Source, Source.id == Snapshot.source_id)
    return (
        select(
            Article.id,
            func.count(Claim.id),
            func.sum(Claim.version),
            func.max(Claim.id),
            func.max(Claim.updated_at),
            _scalar(func.count(Source.id), source_of_article),
            _scalar(func.max(Source.id), source_of_article),
            _scalar(func.count(Snapshot.id), source_of_article, via_source),
            _scalar(func.max(Snapshot.fetched_at), source_of_article, via_source),
        )
        .outerjoin(Claim, Claim.article_id == Article.id)
        .where(Article.slug == bindparam("slug"))
        .group_by(Article.id)
    )


def _index_stamp_query() -> Select:
    # Only published claims are listed, and a claim joins or leaves that set through a
    # locked status change: count, sum(id) and sum(version) all move with it.
    published = Claim.status == ClaimStatus.PUBLISHED
    return select(
        func.count(Claim.id),
        func.sum(Claim.id),
        func.sum(Claim.version),
        func.max(Claim.updated_at),
    ).where(published)


_FRONT_STAMP = _index_stamp_query().add_columns(select(User.id).exists())
_ARTICLE_STAMP = _article_stamp_query()  # built once: statement building costs more than
_INDEX_STAMP = _index_stamp_query()  # running these on an indexed column
# The same aggregates over the claims of one key only: what a claim page shows of its article
# (the sources and their archived copies) and of its claims (that one).
_CLAIM_STAMP = _article_stamp_query().where(Claim.key == bindparam("key"))


def article_stamp(connection: DriverReader | Session, slug: str) -> tuple | None:
    """The stamp of article ``slug``'s verdict pages (article and claims); None if unknown."""
    row = connection.execute(_ARTICLE_STAMP, {"slug": slug}).first()
    return tuple(row) if row is not None else None


def claim_stamp(connection: DriverReader | Session, slug: str, key: str) -> tuple | None:
    """The stamp of one claim page: its article's stamp as if the article had only the
    claim(s) under ``key``. A change to another claim of the article leaves it unchanged;
    None when the article has no claim with that key."""
    row = connection.execute(_CLAIM_STAMP, {"slug": slug, "key": key}).first()
    return tuple(row) if row is not None else None


def front_page_stamp(connection: DriverReader | Session) -> tuple:
    """The front page's stamp: the index's, and whether anybody can log in yet (until the
    first user exists the page says how to set the newsroom up). One query, like the rest."""
    return tuple(connection.execute(_FRONT_STAMP).one())


def index_stamp(connection: DriverReader | Session) -> tuple:
    """The stamp of the front page (the list of articles with published verdicts)."""
    return tuple(connection.execute(_INDEX_STAMP).one())
