"""Text search over claims: SQLite FTS5 or PostgreSQL full-text, one filter for both.

``claim_text_filter`` returns a WHERE clause for ``select(Claim)``. Every word of the query
must occur (in any order) in the claim's text or sentence; case and accents are ignored. The
FTS5 table comes from migration 0002, PostgreSQL's stored vector and its index from 0014.
On an engine with neither, it falls back to LIKE, which finds the same claims, only slower.

``search_statements`` narrows the queue's two statements, the page's rows and the capped
count, each written the way that is fastest for it: what finds the first page of a sorted
list fastest, and what counts fastest, depends on how many claims match. A rare word's few
matches are best fetched from the search index and sorted. A common word's tens of thousands
are best met by walking the sort order's index and keeping the matching claims until the page
is full (sorting 30,000 matches to show 50 took 90 ms at 100k claims), and counted by
streaming the matches from the search index until the cap is reached (testing claims against
all 30,000 matches read first took 4 ms for the same count) — unless the other filters leave
few claims (one article's), which are then read by their own index and tested.
"""

from __future__ import annotations

import re

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
    text,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.selectable import Join
from sqlmodel import Session

from factcheck.models import Claim

# Names the models do not know about; Alembic's comparisons must leave them alone.
SEARCH_OBJECTS = ("claim_fts", "ix_claim_text_search", "search_document", "ix_claim_search_")
# More matches than this, and the first page is found by walking the sort order (SQLite).
COMMON_MATCHES = 2_000
_FTS = table("claim_fts", column("rowid"))


def words(query: str) -> list[str]:
    """The query's words: letters and digits only, so no search syntax can leak in."""
    return re.findall(r"\w+", query, flags=re.UNICODE)[:20]


def claim_text_filter(session: Session, query: str) -> ColumnElement[bool] | None:
    """A WHERE clause matching claims that contain every word of ``query``; None if empty."""
    found = words(query)
    if not found:
        return None
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite" and _has_fts(session):
        return Claim.id.in_(_fts_ids(found))
    return _filter(dialect, found)


def search_statements(
    session: Session, rows: Select, count: Select, query: str, *, few_claims: bool = False
) -> tuple[Select, Select]:
    """``rows`` (a select of claims with its sort) and ``count`` (the same without it)
    narrowed to the claims holding every word of ``query``, each written for its use (see the
    module's docstring); unchanged for a query without words. ``few_claims``: the other
    filters leave only a few hundred claims at most (one article's)."""
    found = words(query)
    if not found:
        return rows, count
    dialect = session.get_bind().dialect.name
    if not (dialect == "sqlite" and _has_fts(session)):
        clause = _filter(dialect, found)
        return rows.where(clause), count.where(clause)
    ids = _fts_ids(found)
    if not _common(session, ids):
        return rows.where(Claim.id.in_(ids)), count.where(Claim.id.in_(ids))
    # claim.id + 0 (an expression no index serves) makes SQLite walk the sort order's index
    # and test each claim against the matches
    rows = rows.where((Claim.id + 0).in_(ids))
    if few_claims:
        return rows, count.where(Claim.id.in_(ids))
    streamed = _MatchesFirst(_FTS, Claim.__table__, Claim.id == _FTS.c.rowid)
    return rows, count.select_from(streamed).where(_match(found))


def _match(found: list[str]):
    quoted = " ".join(f'"{w}"' for w in found)  # quoted: taken as plain words
    return text("claim_fts MATCH :match").bindparams(match=quoted)


def _fts_ids(found: list[str]) -> Select:
    """SQLite: the ids of the claims the FTS5 index gives for ``found``."""
    return select(literal_column("rowid")).select_from(text("claim_fts")).where(_match(found))


def _common(session: Session, ids: Select) -> bool:
    """Whether more than COMMON_MATCHES claims match (reading at most one more id)."""
    probe = select(func.count()).select_from(ids.limit(COMMON_MATCHES + 1).subquery())
    return session.execute(probe).scalar_one() > COMMON_MATCHES


class _MatchesFirst(Join):
    """claim_fts joined to claim, the matches read first: SQLite's CROSS JOIN keeps the
    tables in the order written. Left to itself, the planner may read the claims by another
    filter's index and ask the FTS5 index about each (35 µs each: 190 ms for a rare word
    among 20,000 claims in review)."""

    inherit_cache = True


@compiles(_MatchesFirst, "sqlite")
def _cross_join(join: _MatchesFirst, compiler, **kw) -> str:
    kw["asfrom"] = True
    left = join.left._compiler_dispatch(compiler, **kw)
    right = join.right._compiler_dispatch(compiler, **kw)
    return f"{left} CROSS JOIN {right} ON {join.onclause._compiler_dispatch(compiler, **kw)}"


def _filter(dialect: str, found: list[str]) -> ColumnElement[bool]:
    """PostgreSQL's full-text match, or LIKE on an engine without a search index."""
    if dialect == "postgresql":
        # the claim's stored vector and its index (migration 0014): no per-row unaccent
        simple = literal_column("'simple'::regconfig")
        terms = func.plainto_tsquery(simple, func.factcheck_unaccent(" ".join(found)))
        return literal_column("claim.search_document").op("@@")(terms)
    return and_(*(or_(Claim.text.ilike(f"%{w}%"), Claim.sentence.ilike(f"%{w}%")) for w in found))


def _has_fts(session: Session) -> bool:
    """Whether the FTS5 table exists: asked once per session."""
    if "factcheck.has_fts" not in session.info:
        row = session.execute(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'claim_fts'")
        ).first()
        session.info["factcheck.has_fts"] = row is not None
    return session.info["factcheck.has_fts"]


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic hook: skip the search tables and index that live outside the models."""
    return not (name and name.startswith(SEARCH_OBJECTS))
