"""Watched sources: the pages published claims rely on, fetched again now and then.

A source is watched when its article has a published (not deleted) claim. Re-checking asks
the server conditionally (the ETag and Last-Modified of the last fetch, so an unchanged page
costs a 304), never more often than once per WATCH_HOST_SECONDS per host, and, when the
page's text changed since the previous fetched copy, stores the new snapshot and puts the
claims relying on it in the editors' queue (factcheck.sources.changes).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import zip_longest
from urllib.parse import urlsplit

from sqlmodel import Session, col, select

from factcheck.messages import N_, Message
from factcheck.models import Claim, ClaimStatus, Source
from factcheck.sources.changes import passage_diff, record_change
from factcheck.sources.cited import latest_snapshot
from factcheck.sources.fetch import FetchSettings
from factcheck.sources.snapshots import SnapshotOutcome, fetch_source


def watched_sources(session: Session) -> list[Source]:
    """Sources with a web address whose article has a published, live claim."""
    published = select(Claim.article_id).where(
        Claim.status == ClaimStatus.PUBLISHED, col(Claim.deleted_at).is_(None)
    )
    return list(
        session.exec(
            select(Source)
            .where(col(Source.article_id).in_(published), col(Source.url).is_not(None))
            .order_by(Source.id)
        ).all()
    )


def polite_order(sources: list[Source]) -> list[Source]:
    """The sources taken one host at a time in turn, so that waits for one host overlap the
    requests to the others."""
    by_host: dict[str, list[Source]] = defaultdict(list)
    for source in sources:
        by_host[urlsplit(source.url or "").hostname or ""].append(source)
    return [s for turn in zip_longest(*by_host.values()) for s in turn if s is not None]


class HostPacer:
    """Keeps requests to one host at least ``seconds`` apart, counted from the end of one to
    the start of the next: ``with pacer.turn(url):`` around each request."""

    def __init__(
        self,
        seconds: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.seconds, self.clock, self.sleep = seconds, clock, sleep
        self.last: dict[str, float] = {}

    @contextmanager
    def turn(self, url: str) -> Iterator[float]:
        """Wait until ``url``'s host may be asked again (yields the seconds waited), then
        note when the request in the block ended."""
        host = (urlsplit(url).hostname or "").lower()
        waited = 0.0
        if host in self.last:
            waited = max(0.0, self.last[host] + self.seconds - self.clock())
            if waited:
                self.sleep(waited)
        try:
            yield waited
        finally:
            self.last[host] = self.clock()


@dataclass
class Recheck:
    """What re-checking one source found: the fetch's outcome, whether the text changed, and
    the claims put in the editors' queue for it."""

    outcome: SnapshotOutcome
    flagged: list[Claim] = field(default_factory=list)
    text_changed: bool = False


def recheck_source(session: Session, source: Source, settings: FetchSettings) -> Recheck:
    """Fetch ``source`` again; when its text changed since the newest fetched snapshot, record
    the change for the published claims relying on it. The caller commits (one unit)."""
    before = latest_snapshot(session, source, "fetched")
    outcome = fetch_source(session, source, settings, actor="watch")
    after = outcome.snapshot
    if after is None or before is None or not passage_diff(before.text, after.text):
        return Recheck(outcome)  # unchanged, failed, or the first copy: nothing to compare
    flagged = record_change(session, source, before, after)
    return Recheck(outcome, flagged, text_changed=True)


@dataclass
class WatchTally:
    """Counts over a round of re-checks, and the line that reports them."""

    checked: int = 0
    changed: int = 0
    failed: int = 0
    flagged: int = 0

    def add(self, found: Recheck) -> None:
        self.checked += 1
        self.changed += found.text_changed
        self.failed += found.outcome.status != "ok"
        self.flagged += len(found.flagged)

    def describe(self) -> str:
        return Message(
            N_(
                "re-checked %(checked)s sources of published claims: %(changed)s changed "
                "(%(flagged)s claims put in the editors' queue), %(failed)s could not be fetched"
            ),
            checked=self.checked,
            changed=self.changed,
            flagged=self.flagged,
            failed=self.failed,
        )
