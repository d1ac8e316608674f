"""Text search over claims: SQLite FTS5 or PostgreSQL full-text, one filter for both.

``claim_text_filter`` returns a WHERE clause for ``select(Claim)``. Every word of the query
must occur (in any order) in the claim's text or sentence; case and accents are ignored. The
FTS5 table comes from migration 0002, PostgreSQL's stored vector and its index from 0014.
On an engine with neither, it falls back to LIKE, which finds the same claims, only slower.

``in_sort_order=True`` asks for the clause best for the first rows of a sorted page, which
can differ from the one best for counting (the default): what finds the first page of a
sorted list fastest depends on how many claims match. A rare word's few matches are best
fetched from the search index and sorted; a common word's tens of thousands are best met by
walking the sort order's index and keeping the matching claims until the page is full
(sorting 30,000 matches to show 50 took 90 ms at 100k claims). Counting is always fastest
from the search index.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, and_, func, literal_column, or_, select, text
from sqlmodel import Session

from factcheck.models import Claim

# Names the models do not know about; Alembic's comparisons must leave them alone.
SEARCH_OBJECTS = ("claim_fts", "ix_claim_text_search", "search_document", "ix_claim_search_")
# More matches than this, and the first page is found by walking the sort order (SQLite).
COMMON_MATCHES = 2_000


def words(query: str) -> list[str]:
    """The query's words: letters and digits only, so no search syntax can leak in."""
    return re.findall(r"\w+", query, flags=re.UNICODE)[:20]


def claim_text_filter(
    session: Session, query: str, *, in_sort_order: bool = False
) -> ColumnElement[bool] | None:
    """A WHERE clause matching claims that contain every word of ``query``; None if empty.
    ``in_sort_order``: the same claims, written for finding the first rows of a sorted page."""
    found = words(query)
    if not found:
        return None
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite" and _has_fts(session):
        return _fts_filter(session, found, in_sort_order)
    return _filter(dialect, found)


def _fts_filter(session: Session, found: list[str], in_sort_order: bool) -> ColumnElement[bool]:
    """SQLite: claims whose ids the FTS5 index gives. With few matches the database reads
    them by id and sorts them; with many, ``claim.id + 0`` (an expression no index serves)
    makes it walk the sort order's index and test each claim against the matches instead."""
    match = " ".join(f'"{w}"' for w in found)  # quoted: taken as plain words
    ids = (
        select(literal_column("rowid"))
        .select_from(text("claim_fts"))
        .where(text("claim_fts MATCH :match").bindparams(match=match))
    )
    if not in_sort_order:
        return Claim.id.in_(ids)
    probe = select(func.count()).select_from(ids.limit(COMMON_MATCHES + 1).subquery())
    common = session.execute(probe).scalar_one() > COMMON_MATCHES
    return (Claim.id + 0).in_(ids) if common else Claim.id.in_(ids)


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
