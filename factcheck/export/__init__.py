"""Exports: one module per format. This module picks articles and claims and routes imports.

The claimfile format is lossless and per article (factcheck/claimfiles/); the other formats
are reports of selected claims (see each module).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlmodel import Session

from factcheck.archive.reference import import_claimreviews
from factcheck.audit import Actor, record_audit
from factcheck.claimfiles.load import import_path
from factcheck.errors import InputError
from factcheck.review.ratings import RatingScale


def import_any(
    session: Session,
    path: Path,
    *,
    replace: bool = False,
    scale: RatingScale | None = None,
    trusted: bool = False,
    actor: Actor = None,
) -> str:
    """Import a claim file (.yaml) or a ClaimReview file (.json/.jsonld); returns a summary.

    A claim file with review work needs ``trusted`` (see factcheck.claimfiles.load). The
    import is recorded in the audit log with the file's SHA-256, as done by ``actor``.
    """
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        result = import_path(session, path, replace=replace, trusted=trusted)
        _check_verdicts(session, result.article.id, scale, str(path))
        target = f"article {result.article.slug}"
        summary = (
            f"imported {result.article.slug!r}: {result.sources} sources, {result.claims} claims"
        )
    elif suffix in (".json", ".jsonld"):
        count = import_claimreviews(session, path)
        target = f"{count} reference fact-checks"
        summary = f"imported {count} reference fact-checks (ClaimReview)"
    else:
        raise InputError(
            f"{path}: unknown file type {suffix or '(none)'}; "
            "expected a claim file (.yaml) or ClaimReview (.json, .jsonld)"
        )
    detail = {"file": path.name, "sha256": _sha256(path), "trusted": trusted, "replace": replace}
    record_audit(session, "import", actor=actor, target=target, detail=detail)
    return summary


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


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
