"""Importing other organisations' ClaimReview feeds, by address or from a file, streamed.

A feed is read one review at a time (ijson), checked with the same rules as a ClaimReview file
(factcheck.archive.reference), and written a batch at a time inside the caller's transaction,
so a feed of millions of reviews never sits whole in memory, and one bad review (or a feed that
is not ClaimReview, or is cut off) imports nothing: the caller rolls back. A feed by address is
fetched through the one safe fetcher (factcheck.sources.fetch) into a temporary file: every
redirect checked, no private address, FEED_MAX_BYTES and FEED_DEADLINE as its limits.

Importing again is idempotent: a review is the same review when its address and claim are
(``review_key``); it is counted as updated when anything else in it changed, else unchanged.
A review without a rating, language or date is kept with what it has, and counted (and shown)
as incomplete.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import BinaryIO

import ijson
from sqlalchemy import insert, select, update
from sqlmodel import Session

from factcheck.archive.reference import find_claimreviews, missing_fields, reference_fields
from factcheck.audit import Actor, record_audit
from factcheck.errors import InputError
from factcheck.messages import N_, Message
from factcheck.models import ReferenceFactCheck, utcnow
from factcheck.sources.fetch import Download, FetchSettings, fetch_url

FEED_TYPES = {
    "application/ld+json": "json",
    "application/json": "json",
    "text/json": "json",
    "text/plain": "json",
}
ACCEPT = "application/ld+json, application/json;q=0.9, */*;q=0.1"
BATCH = 1000  # reviews written per statement
# Where the reviews of a JSON object may be, tried in turn (a list's are its items).
CONTAINER_PATHS = ("dataFeedElement.item", "@graph.item", "schema:dataFeedElement.item", "")


@dataclass
class FeedImport:
    """What importing one feed did."""

    feed: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    incomplete: int = 0  # kept without a rating, language or date
    sha256: str | None = None
    _seen: set[bytes] = field(default_factory=set, repr=False)

    @property
    def reviews(self) -> int:
        return self.added + self.updated + self.unchanged

    def describe(self) -> str:
        """One line for people."""
        counts = dict(
            feed=self.feed,
            reviews=self.reviews,
            added=self.added,
            updated=self.updated,
            unchanged=self.unchanged,
        )
        if not self.incomplete:
            return Message(
                N_(
                    "%(feed)s: %(reviews)s reviews: %(added)s added, %(updated)s updated, "
                    "%(unchanged)s unchanged"
                ),
                **counts,
            )
        return Message(
            N_(
                "%(feed)s: %(reviews)s reviews: %(added)s added, %(updated)s updated, "
                "%(unchanged)s unchanged; %(incomplete)s without a rating, language or date "
                "(kept, marked)"
            ),
            incomplete=self.incomplete,
            **counts,
        )


def feed_settings(config: Mapping) -> FetchSettings:
    """The fetch settings for feeds: the sources' (FETCH_*), with the feeds' own size and time
    limits (FEED_MAX_BYTES, FEED_DEADLINE)."""
    base = FetchSettings.from_config(config)
    return FetchSettings(
        timeout=base.timeout,
        max_bytes=int(config.get("FEED_MAX_BYTES", 512 * 1024 * 1024)),
        max_redirects=base.max_redirects,
        retries=base.retries,
        allow_private=base.allow_private,
        total_seconds=float(config.get("FEED_DEADLINE", 600.0)),
    )


def is_address(name: str) -> bool:
    """Whether an import argument is a feed's web address rather than a file."""
    return name.lower().startswith(("http://", "https://"))


def import_feed_url(
    session: Session, url: str, settings: FetchSettings, *, actor: Actor = None
) -> FeedImport:
    """Fetch the feed at ``url`` and import it (see ``import_feed_file``); FetchError or
    InputError with one line when it cannot be fetched or is not a ClaimReview feed."""
    with tempfile.TemporaryFile() as file:
        fetch_url(url, settings, download=Download(file, FEED_TYPES, ACCEPT))
        file.seek(0)
        return import_feed_file(session, file, url, actor=actor)


def import_feed_file(
    session: Session, file: BinaryIO, name: str, *, actor: Actor = None
) -> FeedImport:
    """Import every ClaimReview of an open feed file, streamed; the caller commits, or rolls
    back on InputError (nothing of a bad feed is kept). Recorded in the audit log."""
    tally = FeedImport(name, sha256=_sha256(file))
    batch: list[dict] = []
    now = utcnow()
    for number, review in enumerate(stream_claimreviews(file, name), start=1):
        row = reference_fields(review, f"{name}: ClaimReview #{number}")
        row |= {"feed": name[:2000], "imported_at": now}
        digest = bytes.fromhex(row["key"])
        if digest in tally._seen:  # the same review twice in one feed: once is enough
            continue
        tally._seen.add(digest)
        batch.append(row)
        if len(batch) >= BATCH:
            _store(session, batch, tally)
            batch = []
    _store(session, batch, tally)
    if not tally._seen:
        raise InputError(
            f"{name}: no ClaimReview found (expected a ClaimReview object, a list of them, "
            "an @graph or a DataFeed)"
        )
    detail = {"feed": name, "sha256": tally.sha256, "added": tally.added}
    detail |= {"updated": tally.updated, "unchanged": tally.unchanged}
    record_audit(session, "import_feed", actor=actor, target=name[:300], detail=detail)
    return tally


def stream_claimreviews(file: BinaryIO, name: str) -> Iterator[dict]:
    """Every ClaimReview in a JSON document read from ``file``, one at a time."""
    try:
        first = next(ijson.parse(file), (None, None, None))[1]
        paths = ("item",) if first == "start_array" else CONTAINER_PATHS
        for path in paths:
            file.seek(0)
            found = False
            for element in ijson.items(file, path, use_float=True):
                for review in find_claimreviews(element):
                    found = True
                    yield review
            if found:
                return
    except ijson.JSONError as error:
        reason = " ".join(str(error).split("\n")[0].split())[:200]
        raise InputError(f"{name}: not JSON ({reason})") from None
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8 text, so not a JSON feed") from None


def _store(session: Session, rows: list[dict], tally: FeedImport) -> None:
    """Insert the new reviews and update the changed ones, a batch in two statements."""
    if not rows:
        return
    table = ReferenceFactCheck.__table__
    known = select(table.c.key, table.c.raw).where(table.c.key.in_([r["key"] for r in rows]))
    existing = dict(session.execute(known).all())
    new = [row for row in rows if row["key"] not in existing]
    if new:
        session.execute(insert(table), new)
    for row in rows:
        if row["key"] in existing and existing[row["key"]] != row["raw"]:
            session.execute(update(table).where(table.c.key == row["key"]).values(row))
            tally.updated += 1
    tally.added += len(new)
    tally.unchanged += sum(1 for row in rows if existing.get(row["key"]) == row["raw"])
    tally.incomplete += sum(1 for row in rows if missing_fields(row))


def _sha256(file: BinaryIO) -> str:
    digest = hashlib.sha256()
    for block in iter(lambda: file.read(1 << 20), b""):
        digest.update(block)
    file.seek(0)
    return digest.hexdigest()


@dataclass(frozen=True)
class FeedOutcome:
    """One configured feed's import: what it did, or why it was refused."""

    url: str
    result: FeedImport | None = None
    refused: str | None = None

    def describe(self) -> str:
        return self.result.describe() if self.result else f"{self.url}: refused: {self.refused}"


def configured_feeds(config: Mapping) -> list[str]:
    """ARCHIVE_FEEDS: the feeds a newsroom re-imports on a schedule."""
    feeds: Iterable[str] = config.get("ARCHIVE_FEEDS") or ()
    return [url.strip() for url in feeds if url and url.strip()]
