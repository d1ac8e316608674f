"""Database tables (SQLModel) and the status/role enums. No business logic lives here.

Timestamps are aware UTC with second precision, so they survive SQLite, PostgreSQL and the
claim files alike. Alembic (factcheck/migrations) owns the schema; a test checks both agree.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum

from sqlalchemy import Column, Index, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """The current time in UTC, truncated to seconds."""
    return datetime.now(UTC).replace(microsecond=0)


def as_utc(value: datetime | None) -> datetime | None:
    """A stored timestamp as aware UTC: SQLite hands them back naive (they were stored as UTC)."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


class ClaimStatus(StrEnum):
    UNVERIFIED = "unverified"
    IN_REVIEW = "in_review"
    VERIFIED = "verified"
    PUBLISHED = "published"


class Role(StrEnum):
    ADMIN = "admin"
    EDITOR = "editor"
    CHECKER = "checker"


class JobState(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class EvidenceState(StrEnum):
    SUGGESTED = "suggested"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


def _text(nullable: bool = True) -> Column:
    return Column(Text, nullable=nullable)


# --- people -------------------------------------------------------------------------------
class User(SQLModel, table=True):
    """A fact-checker, editor or admin. Readers need no account."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=80, unique=True, index=True)
    password_hash: str | None = Field(default=None, max_length=255)  # None: cannot log in
    role: str = Field(default=Role.CHECKER, max_length=16)
    active: bool = True
    failed_logins: int = 0
    locked_until: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    language: str | None = Field(default=None, max_length=8)  # the interface's; None: browser's


# --- the article and what it cites --------------------------------------------------------
class Article(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=120, unique=True, index=True)
    title: str = Field(max_length=500)
    publisher: str | None = Field(default=None, max_length=200)
    author: str | None = Field(default=None, max_length=200)
    editor: str | None = Field(default=None, max_length=200)
    published_date: date | None = None
    language: str = Field(default="en", max_length=8)
    url: str | None = Field(default=None, max_length=2000)
    text: str = Field(sa_column=_text(nullable=False))
    content_hash: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime = Field(default_factory=utcnow)


class Source(SQLModel, table=True):
    """A source cited by an article; its fetched or pasted text lives in Snapshots."""

    # One address once per article: the database refuses the second of two racing adds.
    __table_args__ = (Index("uq_source_article_url", "article_id", "url", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    position: int = 0
    title: str = Field(max_length=500)
    publisher: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)
    fetch_status: str | None = Field(default=None, max_length=16)  # ok, failed, refused
    fetch_error: str | None = Field(default=None, max_length=500)
    # the error as a message id and its values (JSON), shown in each viewer's language
    fetch_error_message: str | None = Field(default=None, sa_column=_text())
    etag: str | None = Field(default=None, max_length=200)
    last_modified: str | None = Field(default=None, max_length=100)
    created_at: datetime = Field(default_factory=utcnow)


class Snapshot(SQLModel, table=True):
    """An immutable text copy of a source: fetched over HTTP or pasted by a checker."""

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", index=True)
    kind: str = Field(default="fetched", max_length=16)  # fetched, pasted
    url: str | None = Field(default=None, max_length=2000)
    final_url: str | None = Field(default=None, max_length=2000)
    http_status: int | None = None
    content_type: str | None = Field(default=None, max_length=200)
    sha256: str = Field(max_length=64)
    text: str = Field(sa_column=_text(nullable=False))
    fetched_at: datetime = Field(default_factory=utcnow)


class PassageVectors(SQLModel, table=True):
    """Embedding vectors of one snapshot's passages (or of a source's title, snapshot None),
    computed by one model; factcheck.matching.vectors writes and reads them."""

    __table_args__ = (Index("ix_passagevectors_source_model", "source_id", "model"),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id")
    snapshot_id: int | None = Field(default=None, foreign_key="snapshot.id")
    model: str = Field(max_length=200)  # Embedder.name: vectors of other models never mix
    digest: str = Field(max_length=64)  # sha256 of the spans and texts embedded
    count: int = 0
    dim: int = 0
    spans: bytes = Field(sa_column=Column(LargeBinary, nullable=False))  # int32 start, end pairs
    vectors: bytes = Field(sa_column=Column(LargeBinary, nullable=False))  # float16, count x dim
    created_at: datetime = Field(default_factory=utcnow)


# --- claims and their review --------------------------------------------------------------
class Claim(SQLModel, table=True):
    """One checkable fact from an article, with its status, verdict and review state."""

    __table_args__ = (
        UniqueConstraint("article_id", "key"),
        # the claim queue filters by status and sorts by recency; pages list an article's claims
        Index("ix_claim_status_updated", "status", "updated_at"),
        Index("ix_claim_article_position", "article_id", "position"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    key: str = Field(max_length=40)  # stable within the article: "c1", "c2", ...
    position: int = 0
    text: str = Field(sa_column=_text(nullable=False))
    sentence: str = Field(sa_column=_text(nullable=False))
    start: int = 0
    end: int = 0
    score: float = 0.0
    reasons: str = Field(default="[]", sa_column=_text(nullable=False))  # JSON list
    kind: str = Field(default="fact", max_length=16)  # fact, opinion
    # who says it: the speaker the sentence names, else the article's author or publisher
    claimant: str | None = Field(default=None, max_length=200)
    # where the span is: "headline" (in the article's title), "standfirst" or "body" (its text)
    section: str = Field(default="body", max_length=16)
    # shown in the claim queue by default: a fact scoring at least CHECKWORTHY, or a claim a
    # person added; opinions and low-scoring proposals are stored but hidden by the filter
    checkworthy: bool = Field(default=True, index=True)
    status: str = Field(default=ClaimStatus.UNVERIFIED, max_length=16, index=True)
    verdict: str | None = Field(default=None, max_length=40, index=True)
    rationale: str | None = Field(default=None, sa_column=_text())
    # Why the verdict rests on no source (shown to readers); needed for "verified" when no
    # evidence is confirmed.
    no_source_reason: str | None = Field(default=None, sa_column=_text())
    verdict_by_id: int | None = Field(default=None, foreign_key="user.id")
    assignee_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    published_by_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow, index=True)
    reviewed_at: datetime | None = None
    published_at: datetime | None = None
    deleted_at: datetime | None = None
    # When the matcher last read the article's sources for this claim's current wording
    # (matching.suggest.match_article); None: never, or the claim was reworded since. A source
    # archived after it has not been read for the claim (review.hints: "not matched yet").
    matched_at: datetime | None = None
    version: int = Field(default=1)  # optimistic locking: see review.save_claim


class Evidence(SQLModel, table=True):
    """A source passage linked to a claim: suggested by the matcher or added by a checker."""

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    source_id: int | None = Field(default=None, foreign_key="source.id")
    snapshot_id: int | None = Field(default=None, foreign_key="snapshot.id")
    passage: str = Field(sa_column=_text(nullable=False))
    passage_start: int | None = None
    passage_end: int | None = None
    score: float | None = None
    explanation: str = Field(default="{}", sa_column=_text(nullable=False))  # JSON
    # the matcher's reading: supports, contradicts, related (None: added by a checker)
    stance: str | None = Field(default=None, max_length=16)
    state: str = Field(default=EvidenceState.SUGGESTED, max_length=16)
    # the claim's text changed after this passage was found or judged: its score and stance
    # are for the old wording until the claim is matched again (or a person judges it again)
    stale: bool = Field(default=False)
    url: str | None = Field(default=None, max_length=2000)
    note: str | None = Field(default=None, sa_column=_text())
    added_by_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)


class ReviewEvent(SQLModel, table=True):
    """Append-only history of a claim: who changed what, when, from what to what, and why."""

    __table_args__ = (Index("ix_reviewevent_public_at", "public", "at"),)  # corrections page

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    user_id: int | None = Field(default=None, foreign_key="user.id")
    actor: str | None = Field(default=None, max_length=80)  # name at the time
    at: datetime = Field(default_factory=utcnow)
    action: str = Field(max_length=32)
    from_value: str | None = Field(default=None, sa_column=_text())
    to_value: str | None = Field(default=None, sa_column=_text())
    note: str | None = Field(default=None, sa_column=_text())
    public: bool = False  # corrections are shown to readers
    # One event per submitted form: a double submit's second insert is refused by the database.
    request_id: str | None = Field(default=None, max_length=64, index=True, unique=True)


class CorrectionRequest(SQLModel, table=True):
    """A correction of a published verdict, waiting for a second editor's approval.

    It goes live (verdict, rationale and a public note) only when another editor approves it,
    and only if the claim is still at ``base_version``.
    """

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    verdict: str = Field(max_length=40)
    rationale: str = Field(sa_column=_text(nullable=False))
    no_source_reason: str | None = Field(default=None, sa_column=_text())
    note: str = Field(sa_column=_text(nullable=False))  # for readers, once approved
    base_version: int
    state: str = Field(default="pending", max_length=16, index=True)  # approved, rejected
    proposed_by_id: int = Field(foreign_key="user.id")
    proposed_at: datetime = Field(default_factory=utcnow)
    decided_by_id: int | None = Field(default=None, foreign_key="user.id")
    decided_at: datetime | None = None


# --- access and accountability ------------------------------------------------------------
class LoginSession(SQLModel, table=True):
    """A logged-in browser. The cookie holds a random token; this row holds its hash, so
    logging out (deleting the row) ends the session even for a copied cookie."""

    id: str = Field(primary_key=True, max_length=64)  # sha256 of the token
    user_id: int = Field(foreign_key="user.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime = Field(index=True)


class RateLimit(SQLModel, table=True):
    """A counter per key ("login-user:7", "report:<hash>") and fixed window, shared by every
    process: login attempts and readers' reports are counted here, atomically."""

    key: str = Field(primary_key=True, max_length=120)
    window_start: float  # seconds since the epoch
    count: int = 0


class Invitation(SQLModel, table=True):
    """A one-time link for a new user to choose their own password. The link holds a random
    token and this row its SHA-256; it works once, until it expires or a newer one replaces
    it."""

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    token_hash: str = Field(max_length=64, unique=True)
    created_by_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    used_at: datetime | None = None  # also set when a newer link replaces this one


class AuditEvent(SQLModel, table=True):
    """The append-only audit log: sources added, fetched and pasted, snapshots stored, files
    imported, users changed; who did it and when. The database refuses updates and deletes."""

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    user_id: int | None = Field(default=None, foreign_key="user.id")
    actor: str = Field(max_length=120)  # the user's name, or "cli:<login>", or "system"
    action: str = Field(max_length=40, index=True)
    target: str = Field(max_length=300)  # what it was done to, in words: "source 3 of x"
    detail: str = Field(default="{}", sa_column=_text(nullable=False))  # JSON


# --- readers and other organisations ------------------------------------------------------
class ErrorReport(SQLModel, table=True):
    """A reader's "report an error" message, queued for the editors."""

    id: int | None = Field(default=None, primary_key=True)
    article_id: int | None = Field(default=None, foreign_key="article.id")
    claim_id: int | None = Field(default=None, foreign_key="claim.id")
    message: str = Field(sa_column=_text(nullable=False))
    contact: str | None = Field(default=None, max_length=200)
    status: str = Field(default="open", max_length=16)
    created_at: datetime = Field(default_factory=utcnow)
    handled_by_id: int | None = Field(default=None, foreign_key="user.id")


class ReferenceFactCheck(SQLModel, table=True):
    """A fact-check published by another organisation, imported from ClaimReview."""

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(max_length=2000)
    claim_reviewed: str = Field(sa_column=_text(nullable=False))
    rating: str | None = Field(default=None, max_length=200)
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    author: str | None = Field(default=None, max_length=200)
    date_published: str | None = Field(default=None, max_length=40)
    claim_author: str | None = Field(default=None, max_length=200)
    appearance_url: str | None = Field(default=None, max_length=2000)
    language: str | None = Field(default=None, max_length=16)
    raw: str = Field(sa_column=_text(nullable=False))  # the ClaimReview object as JSON
    imported_at: datetime = Field(default_factory=utcnow)
    # sha256 of url and claim: one row per review however often it is imported
    key: str | None = Field(default=None, max_length=64, unique=True, index=True)
    feed: str | None = Field(default=None, max_length=2000)  # the address or file it came from


# --- the archive of earlier checks (factcheck/archive) ------------------------------------
class ArchiveVector(SQLModel, table=True):
    """The embedding of one archived claim, stored once: a claim of the newsroom's
    (``claim_id``) or another organisation's fact-check (``reference_id``)."""

    __table_args__ = (
        Index("uq_archivevector_claim", "claim_id", "model", unique=True),
        Index("uq_archivevector_reference", "reference_id", "model", unique=True),
        # the archive index's stamp: the newest row's time, read before every search
        Index("ix_archivevector_model_created", "model", "created_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int | None = Field(default=None, foreign_key="claim.id")
    reference_id: int | None = Field(default=None, foreign_key="referencefactcheck.id")
    model: str = Field(max_length=200, index=True)
    digest: str = Field(max_length=64)  # sha256 of the text embedded
    vector: bytes = Field(sa_column=Column(LargeBinary, nullable=False))  # float16, dim values
    # to the microsecond: the archive index's stamp tells a vector replaced under a reused id
    # by it (factcheck.archive.archiveindex)
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))


class SameClaim(SQLModel, table=True):
    """A claim a person linked to an earlier check of the newsroom's as "same claim"."""

    __table_args__ = (UniqueConstraint("claim_id", "earlier_id"),)

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    earlier_id: int = Field(foreign_key="claim.id")
    linked_by_id: int | None = Field(default=None, foreign_key="user.id")
    linked_at: datetime = Field(default_factory=utcnow)


class EarlierMatch(SQLModel, table=True):
    """What the archive found for a claim when it was embedded: an earlier check (own claim
    or reference) close enough to list; ``same`` when offered as the same claim. The queue's
    markers read these with the claims' statuses now; the claim page searches afresh."""

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    earlier_claim_id: int | None = Field(default=None, foreign_key="claim.id")
    reference_id: int | None = Field(default=None, foreign_key="referencefactcheck.id")
    closeness: float = 0.0
    same: bool = False
    repeat: bool = False  # a claim of another of the newsroom's articles, in any status
    differs: str = Field(default="[]", sa_column=_text(nullable=False))  # JSON list
    found_at: datetime = Field(default_factory=utcnow)


# --- work done outside the web request ----------------------------------------------------
class Job(SQLModel, table=True):
    """One piece of background work (factcheck/jobs): who asked, when, how far it got, and how
    it ended. The queue (Huey) carries only the id; everything a page shows is here."""

    __table_args__ = (Index("ix_job_state_heartbeat", "state", "heartbeat_at"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=40)
    article_id: int | None = Field(default=None, foreign_key="article.id", index=True)
    params: str = Field(default="{}", sa_column=_text(nullable=False))  # JSON keyword arguments
    # Set while queued or running, NULL after: the unique index lets one such job exist at a time
    # (a second click on "Match" finds the first one instead of starting another).
    active_key: str | None = Field(default=None, max_length=120, unique=True)
    state: str = Field(default=JobState.QUEUED, max_length=16)
    requested_by_id: int | None = Field(default=None, foreign_key="user.id")  # None: the system
    requested_at: datetime = Field(default_factory=utcnow)
    queued_at: datetime = Field(default_factory=utcnow)  # last put on the queue (retries too)
    started_at: datetime | None = None
    heartbeat_at: datetime | None = None  # the running worker's last sign of life
    finished_at: datetime | None = None
    attempts: int = 0
    worker: str | None = Field(default=None, max_length=120)  # host:pid:thread of the last run
    done: int = 0  # progress: units done of ``total``
    total: int | None = None
    result: str | None = Field(default=None, max_length=500)  # one line: the outcome or error
    # the result as a message id and its values (JSON), shown in each viewer's language
    result_message: str | None = Field(default=None, sa_column=_text())


class SourceChange(SQLModel, table=True):
    """A watched source whose text changed after a claim relying on it was published: the
    claim waits in the editors' queue until one of them has looked at the change."""

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    source_id: int = Field(foreign_key="source.id")
    before_snapshot_id: int = Field(foreign_key="snapshot.id")
    after_snapshot_id: int = Field(foreign_key="snapshot.id")
    detected_at: datetime = Field(default_factory=utcnow)
    reviewed_at: datetime | None = Field(default=None, index=True)
    reviewed_by_id: int | None = Field(default=None, foreign_key="user.id")
