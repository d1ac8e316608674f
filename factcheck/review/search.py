"""Text search over claims: SQLite FTS5 or PostgreSQL full-text, one filter for both.

``claim_text_filter`` returns a WHERE clause for ``select(Claim)``. Every word of the query
must occur (in any order) in the claim's text or sentence; case and accents are ignored. Both
indexes come from migration 0002. On an engine with neither, it falls back to LIKE, which
finds the same claims, only slower.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, and_, func, literal_column, or_, select, text
from sqlmodel import Session

from factcheck.models import Claim

# Names the models do not know about; Alembic's comparisons must leave them alone.
SEARCH_OBJECTS = ("claim_fts", "ix_claim_text_search")


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
        match = " ".join(f'"{w}"' for w in found)  # quoted: taken as plain words
        ids = (
            select(literal_column("rowid"))
            .select_from(text("claim_fts"))
            .where(text("claim_fts MATCH :match").bindparams(match=match))
        )
        return Claim.id.in_(ids)
    if dialect == "postgresql":
        # the same expression as the index of migration 0002, so the index is used
        simple = literal_column("'simple'::regconfig")
        document = func.to_tsvector(
            simple,
            func.factcheck_unaccent(
                Claim.text.op("||")(literal_column("' '")).op("||")(Claim.sentence)
            ),
        )
        terms = func.plainto_tsquery(simple, func.factcheck_unaccent(" ".join(found)))
        return document.op("@@")(terms)
    return and_(*(or_(Claim.text.ilike(f"%{w}%"), Claim.sentence.ilike(f"%{w}%")) for w in found))


def _has_fts(session: Session) -> bool:
    row = session.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'claim_fts'")
    ).first()
    return row is not None


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic hook: skip the search tables and index that live outside the models."""
    return not (name and name.startswith(SEARCH_OBJECTS))
