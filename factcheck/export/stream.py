"""One entry point for every streamed export format, shared by the CLI and the web.

``export_chunks(session, "csv", selection, publisher)`` yields the export as text chunks of
about 64 KB, read from the database as they are written (see factcheck.export.records).
The claimfile format is per article and lossless; it lives in factcheck/claimfiles/.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import func, null
from sqlmodel import Session

from factcheck.errors import InputError
from factcheck.export import csvexport, jsonexport, report
from factcheck.export.records import Publisher, Selection, iter_records, utc_day
from factcheck.models import Claim
from factcheck.publishing.feed import ReviewWriter, feed_chunks

CLAIM_COLUMNS = ["key", "text", "claimant", "verdict", "rationale"]  # what claim_review reads


def _review_columns(dialect: str) -> list:
    """CLAIM_COLUMNS and the day claim_review dates the review by (the day it was
    published, else reviewed, else updated), computed by the database."""
    first = func.coalesce(Claim.published_at, Claim.reviewed_at, Claim.updated_at)
    return [
        *CLAIM_COLUMNS,
        utc_day(first, dialect).label("published_at"),
        null().label("reviewed_at"),
        null().label("updated_at"),
    ]


def claimreview_chunks(
    session: Session, selection: Selection, publisher: Publisher
) -> Iterator[str]:
    """A DataFeed of ClaimReviews for the selected claims that have a verdict."""
    return feed_chunks(_claim_reviews(session, selection, publisher))


def _claim_reviews(session: Session, selection: Selection, publisher: Publisher) -> Iterator[str]:
    write = ReviewWriter(
        scale=publisher.scale,
        org_name=publisher.org_name,
        org_url=publisher.org_url,
        base_url=publisher.base_url,
    )
    columns = _review_columns(session.get_bind().dialect.name)
    scale = publisher.scale
    for r in iter_records(
        session, selection, evidence=False, history="public", claim_columns=columns
    ):
        if r.claim.verdict in scale:
            yield write(r.claim, r.article, r.history)


@dataclass(frozen=True)
class Format:
    media_type: str
    suffix: str
    chunks: Callable[[Session, Selection, Publisher], Iterator[str]]


FORMATS: dict[str, Format] = {
    "claimreview": Format("application/ld+json; charset=utf-8", "jsonld", claimreview_chunks),
    "json": Format("application/json; charset=utf-8", "json", jsonexport.chunks),
    "csv": Format("text/csv; charset=utf-8", "csv", csvexport.chunks),
    "markdown": Format("text/markdown; charset=utf-8", "md", report.markdown_chunks),
    "html": Format("text/html; charset=utf-8", "html", report.html_chunks),
}


def export_chunks(
    session: Session, fmt: str, selection: Selection, publisher: Publisher
) -> Iterator[str]:
    """The export in format ``fmt`` as text chunks; InputError for an unknown format."""
    if fmt not in FORMATS:
        raise InputError(
            f"unknown export format {fmt!r}; choose one of: " + ", ".join([*FORMATS, "claimfile"])
        )
    return coalesce(FORMATS[fmt].chunks(session, selection, publisher))


def coalesce(chunks: Iterable[str], size: int = 64 * 1024) -> Iterator[str]:
    """Join small chunks into pieces of at least ``size`` characters (fewer writes)."""
    pending: list[str] = []
    length = 0
    for chunk in chunks:
        pending.append(chunk)
        length += len(chunk)
        if length >= size:
            yield "".join(pending)
            pending, length = [], 0
    if pending:
        yield "".join(pending)
