"""Archiving sources: fetch them (with factcheck.sources.fetch) or take pasted text, as Snapshots.

Snapshots are immutable. A new one is stored only when the content (sha256 of the fetched body,
or of the pasted text) differs from the newest snapshot *of the same kind*, and for a fetched
page its text too: re-fetching an unchanged page stores nothing, and a pasted text (for a
paywalled page) stays the newest until a fetch brings something new.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from sqlmodel import Session

from factcheck.audit import Actor, record_audit
from factcheck.errors import InputError
from factcheck.messages import N_, Message
from factcheck.models import Article, Role, Snapshot, Source, User, utcnow
from factcheck.review import workflow
from factcheck.sources.cited import article_sources, latest_snapshot, source_target
from factcheck.sources.fetch import FetchError, FetchSettings, fetch_url

MAX_PASTE_CHARS = 2_000_000


@dataclass
class SnapshotOutcome:
    """What fetching or pasting did for one source.

    ``status``: "ok", "failed", "refused" (as stored in Source.fetch_status), or "skipped" for
    a source without a web address. ``snapshot`` is the new Snapshot, None when nothing new was
    stored (``unchanged``) or the fetch did not succeed (``error`` says why).
    """

    source: Source
    status: str
    snapshot: Snapshot | None = None
    unchanged: bool = False
    error: str | None = None

    def describe(self) -> str:
        """One line for people: what fetching or pasting did for this source."""
        title = self.source.title
        if self.status == "skipped":
            return Message(
                N_("“%(title)s” has no web address; paste its text instead."), title=title
            )
        if self.status != "ok":
            return Message(
                N_(
                    "Could not fetch “%(title)s”: %(error)s. Paste its text instead if the "
                    "site refuses us."
                ),
                title=title,
                error=self.error or Message.term(self.status),
            )
        if self.unchanged:
            return Message(
                N_("“%(title)s” has not changed since the last copy; nothing new saved."),
                title=title,
            )
        return Message(N_("Saved a new copy of “%(title)s”."), title=title)


def fetch_summary(outcomes: list[SnapshotOutcome]) -> str:
    """One line for an article's fetch: how many sources with a web address were fetched, and
    the positions of those that failed."""
    tried = [o for o in outcomes if o.status != "skipped"]
    if not tried:
        return Message(N_("no source has a web address; archive their text by pasting it"))
    failed = [o for o in tried if o.status != "ok"]
    fetched = Message(
        N_("fetched %(fetched)s of %(total)s sources with a web address"),
        fetched=len(tried) - len(failed),
        total=len(tried),
    )
    if not failed:
        return fetched
    positions = ", ".join(str(o.source.position) for o in failed)
    return Message(N_("%(fetched)s; failed: %(positions)s"), fetched=fetched, positions=positions)


def _fits(value: str | None, limit: int) -> str | None:
    """``value`` if the column can hold it whole; a cut URL or ETag would be wrong, so None."""
    return value if value is None or len(value) <= limit else None


def _audit(session: Session, action: str, source: Source, actor: Actor, **detail) -> None:
    article = session.get(Article, source.article_id)
    record_audit(session, action, actor=actor, target=source_target(article, source), detail=detail)


def _audit_snapshot(session: Session, outcome: SnapshotOutcome, actor: Actor) -> None:
    snapshot = outcome.snapshot
    if snapshot is not None:
        _audit(
            session,
            "snapshot.add",
            outcome.source,
            actor,
            snapshot=snapshot.id,
            kind=snapshot.kind,
            sha256=snapshot.sha256,
            url=snapshot.final_url or snapshot.url,
        )


def fetch_source(
    session: Session, source: Source, settings: FetchSettings, *, actor: Actor = None
) -> SnapshotOutcome:
    """Fetch ``source.url`` and store a Snapshot if the content changed (the caller commits).

    A failed or refused fetch is not an exception: it is recorded on the source
    (fetch_status, fetch_error) and returned. A source without a web address is an InputError.
    The fetch and any new snapshot are recorded in the audit log, as done by ``actor``.
    """
    outcome = _fetch(session, source, settings)
    _audit(
        session,
        "source.fetch",
        source,
        actor,
        url=source.url,
        status=outcome.status,
        error=outcome.error,
        unchanged=outcome.unchanged,
    )
    _audit_snapshot(session, outcome, actor)
    return outcome


def _fetch(session: Session, source: Source, settings: FetchSettings) -> SnapshotOutcome:
    if not source.url:
        raise InputError(
            f"source {source.position} ({source.title[:60]}) has no web address; "
            "paste its text instead"
        )
    previous = latest_snapshot(session, source, "fetched")
    try:
        result = fetch_url(
            source.url,
            settings,
            etag=source.etag if previous else None,
            last_modified=source.last_modified if previous else None,
        )
    except FetchError as error:
        source.fetch_status = "refused" if error.refused else "failed"
        message = error.message
        source.fetch_error = message if len(message) <= 500 else message[:499] + "…"
        source.fetch_error_message = message.to_json()
        session.add(source)
        return SnapshotOutcome(source, source.fetch_status, error=message)
    source.fetch_status, source.fetch_error, source.fetch_error_message = "ok", None, None
    if not result.not_modified or result.etag:
        source.etag = _fits(result.etag, 200)
    if not result.not_modified or result.last_modified:
        source.last_modified = _fits(result.last_modified, 100)
    session.add(source)
    if result.not_modified:
        return SnapshotOutcome(source, "ok", unchanged=True)
    digest = hashlib.sha256(result.body).hexdigest()
    # New markup around the same text (an advert, a date) is no new copy worth keeping.
    if previous is not None and (previous.sha256 == digest or previous.text == result.text):
        return SnapshotOutcome(source, "ok", unchanged=True)
    snapshot = Snapshot(
        source_id=source.id,
        kind="fetched",
        url=_fits(source.url, 2000),
        final_url=_fits(result.final_url, 2000),
        http_status=result.status,
        content_type=(result.content_type or "")[:200] or None,
        sha256=digest,
        text=result.text,
        fetched_at=utcnow(),
    )
    session.add(snapshot)
    session.flush()
    return SnapshotOutcome(source, "ok", snapshot)


def paste_text(
    session: Session, source: Source, text: str, *, user: User | None = None, actor: Actor = None
) -> SnapshotOutcome:
    """Store text a checker copied from the source (a paywalled page) as a "pasted" Snapshot.

    Nothing new is stored when the same text was the newest paste. ``user``, when given, must
    be a checker. Recorded in the audit log as done by ``user`` (or ``actor``). The caller
    commits.
    """
    outcome = _paste(session, source, text, user)
    _audit(
        session,
        "source.paste",
        source,
        user or actor,
        characters=len(outcome.snapshot.text) if outcome.snapshot else None,
        unchanged=outcome.unchanged,
    )
    _audit_snapshot(session, outcome, user or actor)
    return outcome


def _paste(session: Session, source: Source, text: str, user: User | None) -> SnapshotOutcome:
    if user is not None:
        workflow.require(user, Role.CHECKER, N_("pasting a source's text"))
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise InputError(N_("the pasted text is empty"))
    if len(text) > MAX_PASTE_CHARS:
        raise InputError(
            N_("the pasted text is longer than %(limit)s characters"), limit=f"{MAX_PASTE_CHARS:,}"
        )
    if "\x00" in text:
        raise InputError(N_("the pasted text contains a NUL character; paste plain text"))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    previous = latest_snapshot(session, source, "pasted")
    if previous is not None and previous.sha256 == digest:
        return SnapshotOutcome(source, "ok", unchanged=True)
    snapshot = Snapshot(
        source_id=source.id,
        kind="pasted",
        url=_fits(source.url, 2000),
        content_type="text/plain",
        sha256=digest,
        text=text,
        fetched_at=utcnow(),
    )
    session.add(snapshot)
    session.flush()
    return SnapshotOutcome(source, "ok", snapshot)


def fetch_article_sources(
    session: Session,
    article: Article,
    settings: FetchSettings,
    progress: Callable[[SnapshotOutcome], None] | None = None,
    *,
    actor: Actor = None,
) -> list[SnapshotOutcome]:
    """Fetch every source of ``article`` with a web address, in citation order.

    Each source's result is committed on its own, before the next fetch starts: one failed
    source never stops the others, an interrupted run keeps the sources already done, and no
    write transaction stays open while waiting on the network. ``progress`` is called after
    each source (sources without a web address are reported as "skipped").
    """
    sources = article_sources(session, article)
    session.commit()  # end the read transaction before the first (slow) request
    outcomes = []
    for source in sources:
        if source.url:
            outcome = fetch_source(session, source, settings, actor=actor)
            session.commit()
        else:
            outcome = SnapshotOutcome(
                source, "skipped", error=Message(N_("no web address; paste its text instead"))
            )
        outcomes.append(outcome)
        if progress is not None:
            progress(outcome)
    return outcomes
