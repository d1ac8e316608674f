"""The claims/ file format: one article per YAML file, with its sources, claims, verdicts,
evidence and history. ``dump`` and ``load`` are exact inverses for files the tool wrote:
import a file into an empty database, export it, and the bytes are the same.

Users appear by name. Importing a file that names an unknown user creates that user as a
disabled account without a password, so history keeps its authors; a name that merely looks
like an existing user's ("Alice", "al1ce" for "alice") is refused.

A file can carry review work: statuses beyond unverified, verdicts, confirmed evidence, a
history of who did what. Such a file is imported only when ``trusted`` (``factcheck import
--trust``, by an admin); otherwise it is refused, naming the first such field, so a received
file cannot make a claim look checked or published.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sqlalchemy import delete, update
from sqlmodel import Session, select

from factcheck.claimfiles.read import read_claim_file
from factcheck.claimfiles.schema import parse_stamp
from factcheck.errors import InputError
from factcheck.models import (
    ArchiveVector,
    Article,
    Claim,
    EarlierMatch,
    ErrorReport,
    Evidence,
    Job,
    ReviewEvent,
    SameClaim,
    Snapshot,
    Source,
    SourceChange,
    User,
)
from factcheck.review.users import lookalike_of


@dataclass
class ImportResult:
    article: Article
    claims: int
    sources: int


# Fields that record review work, with the one value that means "none yet".
REVIEW_FIELDS = {
    "status": "unverified",
    "verdict": None,
    "rationale": None,
    "no_source_reason": None,
    "verdict_by": None,
    "assignee": None,
    "published_by": None,
    "reviewed": None,
    "published": None,
    "deleted": None,
}


def review_work(claim: dict, prefix: str) -> tuple[dict, str, str] | None:
    """The first place a (validated) claim records review work, as (item, field, prefix),
    or None for an unreviewed claim. Creation events by the system (the extractor) and the
    matcher's suggestions are not review work."""
    for field, none in REVIEW_FIELDS.items():
        if claim.get(field, none) != none:
            return claim, field, prefix
    for j, evidence in enumerate(claim.get("evidence") or []):
        if evidence["state"] != "suggested" or evidence.get("added_by"):
            return evidence, "state", f"{prefix}evidence[{j}]."
    for j, event in enumerate(claim.get("history") or []):
        if event["action"] != "create" or event.get("by") not in (None, "system"):
            return event, "action", f"{prefix}history[{j}]."
    return None


def _require_trust(claim: dict, name: str, prefix: str) -> None:
    found = review_work(claim, prefix)
    if found:
        item, field, prefix = found
        line = getattr(item, "lines", {}).get(field, getattr(item, "line", "?"))
        raise InputError(
            f"{name}: line {line}: {prefix}{field}: the file records review work (statuses, "
            "verdicts, history); importing it needs --trust, by an admin"
        )


def _names(claim: dict, prefix: str):
    """(item, field, prefix) of every user name in a validated claim."""
    for field in ("verdict_by", "assignee", "published_by"):
        yield claim, field, prefix
    for j, evidence in enumerate(claim.get("evidence") or []):
        yield evidence, "added_by", f"{prefix}evidence[{j}]."
    for j, event in enumerate(claim.get("history") or []):
        yield event, "by", f"{prefix}history[{j}]."


def _check_names(session: Session, claim: dict, name: str, prefix: str, seen: set) -> None:
    """InputError for a name that is not a user's but looks like one ("Alice" for "alice");
    ``seen`` holds the names already checked."""
    for item, field, where in _names(claim, prefix):
        person = item.get(field)
        if not person or person in seen:
            continue
        seen.add(person)
        if session.exec(select(User.id).where(User.name == person)).first() is None:
            similar = lookalike_of(session, person)
            if similar:
                line = getattr(item, "lines", {}).get(field, "?")
                raise InputError(
                    f"{name}: line {line}: {where}{field}: {person!r} looks like the "
                    f"existing user {similar!r}; write the name exactly"
                )


# Claims are written a batch at a time (one multi-row INSERT of claims, then one of their
# evidence and history): a flush per claim made a 1,000-claim file take half a minute, and
# holding every row until the end made memory grow with the file.
BATCH_SIZE = 500


def import_text(
    session: Session,
    text: str | IO[bytes],
    name: str,
    *,
    replace: bool = False,
    trusted: bool = False,
) -> ImportResult:
    """Add the article in a claim file (its text, or a binary file read as it goes) to
    ``session``; the caller commits, or rolls back on an error, which may come after some of
    the file's rows were flushed (a problem late in the file is found when it is read).

    Without ``trusted``, a file with review work is refused (see ``review_work``).
    """
    items = read_claim_file(text, name)
    data = next(items)
    seen: set[str] = {"system"}  # user names checked
    slug = data["article"]["slug"]
    existing = session.exec(select(Article).where(Article.slug == slug)).first()
    if existing is not None and not replace:
        for n, c in enumerate(items):  # a problem in the file is the first thing to fix
            _check_claim(session, c, name, f"claims[{n}].", trusted, seen)
        raise InputError(
            f"{name}: article {slug!r} is already in the database (use --replace to overwrite it)"
        )
    if existing is not None:
        delete_article(session, existing)
    article = _article_row(data["article"])
    session.add(article)
    session.flush()
    sources, snapshots = _import_sources(session, article, data.get("sources") or [])
    users = _UserCache(session)
    count = 0
    batch: list[tuple[Claim, dict]] = []
    for count, c in enumerate(items, start=1):
        _check_claim(session, c, name, f"claims[{count - 1}].", trusted, seen)
        batch.append((_claim_row(article, count, c, users), c))
        if len(batch) == BATCH_SIZE:
            _flush_claims(session, batch, sources, snapshots, users)
            batch = []
    _flush_claims(session, batch, sources, snapshots, users)
    return ImportResult(article, count, len(sources))


def _check_claim(
    session: Session, claim: dict, name: str, prefix: str, trusted: bool, seen: set
) -> None:
    """InputError for review work without ``trusted``, or a user name like another's."""
    if not trusted:
        _require_trust(claim, name, prefix)
    _check_names(session, claim, name, prefix, seen)


def _flush_claims(
    session: Session, batch: list, sources: dict, snapshots: dict, users: _UserCache
) -> None:
    session.add_all(claim for claim, _ in batch)
    session.flush()
    for claim, c in batch:
        session.add_all(_claim_children(claim, c, sources, snapshots, users))
    session.flush()


def _article_row(a: dict) -> Article:
    return Article(
        slug=a["slug"],
        title=a["title"],
        publisher=a.get("publisher"),
        author=a.get("author"),
        editor=a.get("editor"),
        published_date=a.get("published"),
        language=a["language"],
        url=a.get("url"),
        text=a["text"],
        created_at=parse_stamp(a["created"]),
        content_hash=_hash(a["text"]),
    )


def import_path(
    session: Session, path: str | Path, *, replace: bool = False, trusted: bool = False
) -> ImportResult:
    """``import_text`` of the file at ``path``, read as it goes."""
    path = Path(path)
    try:
        file = open(path, "rb")  # noqa: SIM115 (closed below, after the generator is done)
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.__class__.__name__}: {error})") from None
    with file:
        try:
            return import_text(session, file, str(path), replace=replace, trusted=trusted)
        except OSError as error:
            raise InputError(f"{path}: cannot read ({error.__class__.__name__}: {error})") from None


def _hash(text: str) -> str:
    from factcheck.articles.ingest import content_hash

    return content_hash(text)


def _import_sources(session: Session, article: Article, items: list) -> tuple[dict, dict]:
    sources = {
        s["key"]: Source(
            article_id=article.id,
            position=position,
            title=s["title"],
            publisher=s.get("publisher"),
            url=s.get("url"),
            fetch_status=s.get("fetch_status"),
            fetch_error=s.get("fetch_error"),
        )
        for position, s in enumerate(items, start=1)
    }
    session.add_all(sources.values())
    session.flush()
    rows = [
        Snapshot(
            source_id=sources[s["key"]].id,
            kind=n["kind"],
            url=n.get("url"),
            final_url=n.get("final_url"),
            http_status=n.get("http_status"),
            content_type=n.get("content_type"),
            sha256=n["sha256"],
            text=n["text"],
            fetched_at=parse_stamp(n["fetched"]),
        )
        for s in items
        for n in s.get("snapshots") or []
    ]
    session.add_all(rows)
    session.flush()
    return sources, {snapshot.sha256: snapshot for snapshot in rows}  # the last of a hash


def _claim_row(article: Article, position: int, c: dict, users: _UserCache) -> Claim:
    return Claim(
        article_id=article.id,
        key=c["key"],
        position=position,
        text=c["text"],
        sentence=c["sentence"],
        start=c["span"][0],
        end=c["span"][1],
        score=c["score"],
        reasons=json.dumps(c.get("reasons") or [], ensure_ascii=False),
        kind=c["kind"],
        claimant=c.get("claimant"),
        section=c.get("section") or "body",
        checkworthy=c.get("checkworthy", True),
        status=c["status"],
        verdict=c.get("verdict"),
        rationale=c.get("rationale"),
        no_source_reason=c.get("no_source_reason"),
        verdict_by_id=users.id(c.get("verdict_by")),
        assignee_id=users.id(c.get("assignee")),
        published_by_id=users.id(c.get("published_by")),
        version=c["version"],
        created_at=parse_stamp(c["created"]),
        updated_at=parse_stamp(c["updated"]),
        reviewed_at=parse_stamp(c.get("reviewed")),
        published_at=parse_stamp(c.get("published")),
        deleted_at=parse_stamp(c.get("deleted")),
        matched_at=parse_stamp(c.get("matched")),
    )


def _claim_children(
    claim: Claim, c: dict, sources: dict, snapshots: dict, users: _UserCache
) -> list[Evidence | ReviewEvent]:
    """The evidence and history rows of an imported (flushed) claim."""
    rows: list[Evidence | ReviewEvent] = []
    for e in c.get("evidence") or []:
        source = sources.get(e.get("source"))
        snapshot = snapshots.get(e.get("snapshot"))
        span = e.get("span") or [None, None]
        rows.append(
            Evidence(
                claim_id=claim.id,
                source_id=source.id if source else None,
                snapshot_id=snapshot.id if snapshot else None,
                passage=e["passage"],
                passage_start=span[0],
                passage_end=span[1],
                score=e.get("score"),
                stance=e.get("stance"),
                state=e["state"],
                url=e.get("url"),
                note=e.get("note"),
                explanation=json.dumps(e.get("explanation") or {}, ensure_ascii=False),
                added_by_id=users.id(e.get("added_by")),
                created_at=parse_stamp(e["created"]),
            )
        )
    for h in c.get("history") or []:
        rows.append(
            ReviewEvent(
                claim_id=claim.id,
                user_id=users.id(h.get("by")),
                actor=h.get("by"),
                at=parse_stamp(h["at"]),
                action=h["action"],
                from_value=h.get("from"),
                to_value=h.get("to"),
                note=h.get("note"),
                public=bool(h.get("public")),
            )
        )
    return rows


class _UserCache:
    """Users by name; unknown names become disabled accounts that cannot log in."""

    def __init__(self, session: Session):
        self.session = session
        self.ids: dict[str, int] = {}

    def id(self, name: str | None) -> int | None:
        if not name or name == "system":
            return None
        if name not in self.ids:
            user = self.session.exec(select(User).where(User.name == name)).first()
            if user is None:
                user = User(name=name, active=False)
                self.session.add(user)
                self.session.flush()
            self.ids[name] = user.id
        return self.ids[name]


def delete_article(session: Session, article: Article) -> None:
    """Remove an article and everything that hangs off it (used by --replace)."""
    claim_ids = session.exec(select(Claim.id).where(Claim.article_id == article.id)).all()
    # Readers' error reports outlive the article they were about.
    session.execute(
        update(ErrorReport)
        .where(ErrorReport.article_id == article.id)
        .values(article_id=None, claim_id=None)
    )
    # So does the record of work done on it (jobs), without the link.
    session.execute(update(Job).where(Job.article_id == article.id).values(article_id=None))
    source_ids = session.exec(select(Source.id).where(Source.article_id == article.id)).all()
    # The archive's rows about these claims go (its index is rebuilt from what is left).
    for column in (ArchiveVector.claim_id, SameClaim.claim_id, SameClaim.earlier_id,
                   EarlierMatch.claim_id, EarlierMatch.earlier_claim_id):  # fmt: skip
        session.execute(delete(column.class_).where(column.in_(claim_ids)))
    for model, column, ids in (
        (Evidence, Evidence.claim_id, claim_ids),
        (SourceChange, SourceChange.claim_id, claim_ids),
        (ReviewEvent, ReviewEvent.claim_id, claim_ids),
        (Claim, Claim.article_id, [article.id]),
        (Snapshot, Snapshot.source_id, source_ids),
        (Source, Source.article_id, [article.id]),
    ):
        for row in session.exec(select(model).where(column.in_(ids))).all():
            session.delete(row)
        session.flush()
    session.delete(article)
    session.flush()
