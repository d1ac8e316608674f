"""Exports: one module per format. This module picks articles and claims and routes imports.

The claimfile format is lossless and per article (factcheck/claimfiles/); the other formats
are reports of selected claims (see each module).
"""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session

from factcheck.archive.reference import import_claimreviews
from factcheck.claimfiles.load import import_path
from factcheck.errors import InputError
from factcheck.review.ratings import RatingScale


def import_any(
    session: Session, path: Path, *, replace: bool = False, scale: RatingScale | None = None
) -> str:
    """Import a claim file (.yaml) or a ClaimReview file (.json/.jsonld); returns a summary."""
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        result = import_path(session, path, replace=replace)
        _check_verdicts(session, result.article.id, scale, str(path))
        return f"imported {result.article.slug!r}: {result.sources} sources, {result.claims} claims"
    if suffix in (".json", ".jsonld"):
        count = import_claimreviews(session, path)
        return f"imported {count} reference fact-checks (ClaimReview)"
    raise InputError(
        f"{path}: unknown file type {suffix or '(none)'}; "
        "expected a claim file (.yaml) or ClaimReview (.json, .jsonld)"
    )


def _check_verdicts(
    session: Session, article_id: int, scale: RatingScale | None, name: str
) -> None:
    from sqlmodel import select

    from factcheck.models import Claim

    if scale is None:
        return
    for key, verdict in session.exec(
        select(Claim.key, Claim.verdict).where(
            Claim.article_id == article_id, Claim.verdict.is_not(None)
        )
    ).all():
        if verdict not in scale:
            raise InputError(
                f"{name}: claim {key}: verdict {verdict!r} is not on this "
                f"newsroom's rating scale ({', '.join(scale.keys())})"
            )
