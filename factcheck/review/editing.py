"""Claims of an article: add, edit, split, merge, delete, restore.

A claim's text is what was checked, so it can change only while the claim is unverified or in
review; a verified or published claim must be moved back to review first. The text is the
claim written to stand alone; its span is where the article says it, and editing the text
never moves the span. A claim a person adds (or a part of a split) is scored like an
extracted proposal and gets its span when its text is found in the article.

Like every change in factcheck.review, each function checks the user's role, takes the claim
version the user saw (``workflow.lock``: the second of two concurrent saves gets StaleClaim),
appends ReviewEvents (``workflow.record``) and ignores a repeated ``request_id`` (a double
submit). Nothing is removed: deleting sets ``Claim.deleted_at``, and a deleted claim can be
restored. The caller commits.
"""

from __future__ import annotations

import json

from sqlalchemy import update
from sqlmodel import Session, col, select

from factcheck.articles.extract import assess_claim, claimant_of
from factcheck.articles.ingest import article_voice
from factcheck.errors import InputError, TransitionError
from factcheck.messages import N_, Message
from factcheck.models import Article, Claim, ClaimStatus, Evidence, ReviewEvent, Role, User, utcnow
from factcheck.review import workflow

MAX_CLAIM_CHARS = 2000
EDITABLE = (ClaimStatus.UNVERIFIED, ClaimStatus.IN_REVIEW)


# --- helpers ------------------------------------------------------------------------------
def _evidence_now_stale(session: Session, claim_ids: list[int]) -> None:
    """Mark the evidence of claims whose text changed as stale: its scores and stances were
    found for the old wording (the claim page says so and offers to match again). The
    claims count as not matched since (``Claim.matched_at``): a source that said nothing of the
    old wording has not been read for the new one."""
    session.execute(
        update(Evidence)
        .where(col(Evidence.claim_id).in_(claim_ids))
        .values(stale=True)
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(Claim)
        .where(col(Claim.id).in_(claim_ids))
        .values(matched_at=None)
        .execution_options(synchronize_session=False)
    )


def _require_editable(claim: Claim) -> None:
    if claim.deleted_at is not None:
        raise TransitionError(N_("claim %(key)s is deleted; restore it first"), key=claim.key)
    if claim.status not in EDITABLE:
        raise TransitionError(
            N_("claim %(key)s is %(status)s; move it back to in review before changing its text"),
            key=claim.key,
            status=Message.term(claim.status),
        )


def _clean_text(text: str) -> str:
    text = " ".join((text or "").split())
    if not text:
        raise InputError(N_("the claim text is empty"))
    if len(text) > MAX_CLAIM_CHARS:
        raise InputError(
            N_("a claim is at most %(limit)s characters; split it"), limit=MAX_CLAIM_CHARS
        )
    return text


def sentence_at(article: Article, start: int, end: int) -> str:
    """The article's sentence(s) around ``start:end`` (the context a reviewer reads)."""
    from factcheck.language.sentences import split_sentences

    around = [
        s
        for s in split_sentences(article.text, article.language)
        if s.start < max(end, start + 1) and start < s.end
    ]
    if not around:
        return article.text[start:end]
    return article.text[around[0].start : around[-1].end]


def locate(article: Article, text: str, near: int = 0) -> tuple[int, int] | None:
    """Where ``text`` occurs in the article (the occurrence nearest ``near``), or None."""
    found, at = [], article.text.find(text)
    while at != -1:
        found.append(at)
        at = article.text.find(text, at + 1)
    if not found:
        return None
    start = min(found, key=lambda f: abs(f - near))
    return start, start + len(text)


def _next_key(session: Session, article: Article) -> str:
    keys = session.exec(select(Claim.key).where(Claim.article_id == article.id)).all()
    numbers = [int(k[1:]) for k in keys if k[1:].isdigit()]
    return f"c{max(numbers, default=0) + 1}"


def renumber(session: Session, article: Article) -> None:
    """Positions in reading order: the headline's claims, then claims with a span in the text
    by where they start, the rest after."""
    claims = session.exec(select(Claim).where(Claim.article_id == article.id)).all()
    spanless = len(article.text) + 1

    def reading_order(c: Claim) -> tuple:
        where = 0 if c.section == "headline" else 1
        return (where, c.start if c.end > c.start else spanless, c.position, c.id)

    ordered = sorted(claims, key=reading_order)
    for position, claim in enumerate(ordered, start=1):
        if claim.position != position:  # order only: not a reviewed change, no version bump
            claim.position = position
            session.add(claim)


def _new_claim(
    session: Session,
    article: Article,
    text: str,
    span: tuple[int, int] | None,
    user: User,
    note: str,
    request_id: str | None = None,
) -> Claim:
    start, end = span or (0, 0)
    sentence = sentence_at(article, start, end) if span else text
    found = assess_claim(text, article.text, article.language)
    claim = Claim(
        article_id=article.id,
        key=_next_key(session, article),
        text=text,
        sentence=sentence,
        start=start,
        end=end,
        score=found.score,
        kind=found.kind,
        reasons=json.dumps(list(found.reasons), ensure_ascii=False),
        claimant=claimant_of(text, article.text, article.language) or article_voice(article),
        checkworthy=True,  # a person chose it
        position=10**6,
    )
    session.add(claim)
    session.flush()
    workflow.record(session, claim, user, "create", None, text, note=note, request_id=request_id)
    return claim


# --- claims -------------------------------------------------------------------------------
def add_claim(
    session: Session,
    article: Article,
    *,
    user: User,
    text: str = "",
    start: int | None = None,
    end: int | None = None,
    request_id: str | None = None,
) -> Claim:
    """Add a claim by typing its text or choosing a span ``start:end`` of the article.

    A chosen span gives the text (typed text then wins, if any); typed text that occurs in the
    article gets its span, so it is highlighted in place.
    """
    workflow.require(user, Role.CHECKER, N_("adding claims"))
    if workflow.already_done(session, request_id):
        return _by_request(session, request_id)
    span = None
    if start is not None and end is not None:
        if not 0 <= start < end <= len(article.text):
            raise InputError(
                N_("the chosen span %(start)s-%(end)s is outside the article text"),
                start=start,
                end=end,
            )
        span = (start, end)
        text = text or article.text[start:end]
    text = _clean_text(text)
    span = span or locate(article, text)
    claim = _new_claim(session, article, text, span, user, "added by hand", request_id)
    renumber(session, article)
    return claim


def _by_request(session: Session, request_id: str | None) -> Claim:
    event = session.exec(select(ReviewEvent).where(ReviewEvent.request_id == request_id)).first()
    return session.get(Claim, event.claim_id)


def edit_claim(
    session: Session,
    claim: Claim,
    text: str,
    *,
    user: User,
    expected_version: int,
    request_id: str | None = None,
) -> Claim:
    """Change the claim's wording; its span (the article's own words) stays where it is."""
    workflow.require(user, Role.CHECKER, N_("editing claims"))
    if workflow.already_done(session, request_id):
        return claim
    _require_editable(claim)
    text = _clean_text(text)
    if text == claim.text:
        return claim
    workflow.lock(session, claim, expected_version)
    workflow.record(session, claim, user, "edit", claim.text, text, request_id=request_id)
    claim.text = text
    _evidence_now_stale(session, [claim.id])
    session.add(claim)
    return claim


def split_claim(
    session: Session,
    claim: Claim,
    parts: list[str],
    *,
    user: User,
    expected_version: int,
    request_id: str | None = None,
) -> list[Claim]:
    """Split a claim into atomic parts: the claim keeps the first (with its status, verdict and
    evidence), each other part becomes a new unverified claim. Returns all parts."""
    workflow.require(user, Role.CHECKER, N_("splitting claims"))
    if workflow.already_done(session, request_id):
        return [claim]
    _require_editable(claim)
    parts = [_clean_text(p) for p in parts if p.strip()]
    if len(parts) < 2:
        raise InputError(N_("put each part of the claim on its own line: at least two parts"))
    workflow.lock(session, claim, expected_version)
    article = session.get(Article, claim.article_id)
    new = [
        _new_claim(
            session,
            article,
            part,
            locate(article, part, near=claim.start),
            user,
            f"split from {claim.key}",
        )
        for part in parts[1:]
    ]
    keys = ", ".join(c.key for c in new)
    workflow.record(
        session,
        claim,
        user,
        "split",
        claim.text,
        parts[0],
        note=f"split into {claim.key}, {keys}",
        request_id=request_id,
    )
    span = locate(article, parts[0], near=claim.start)
    if span:
        claim.start, claim.end = span
        claim.sentence = sentence_at(article, *span)
    if parts[0] != claim.text:
        _evidence_now_stale(session, [claim.id])
    claim.text = parts[0]
    session.add(claim)
    renumber(session, article)
    return [claim, *new]


def merge_claims(
    session: Session,
    claims: list[Claim],
    versions: dict[int, int],
    *,
    user: User,
    request_id: str | None = None,
) -> Claim:
    """Merge claims of one article into the first in reading order; the others are deleted
    (restorable) and their evidence moves to the merged claim. ``versions``: id -> version."""
    workflow.require(user, Role.CHECKER, N_("merging claims"))
    if len({c.id for c in claims}) < 2:
        raise InputError(N_("choose at least two claims to merge"))
    if len({c.article_id for c in claims}) != 1:
        raise InputError(N_("only claims of the same article can be merged"))
    claims = sorted({c.id: c for c in claims}.values(), key=lambda c: (c.position, c.id))
    if workflow.already_done(session, request_id):
        return claims[0]
    for claim in claims:
        _require_editable(claim)
    article = session.get(Article, claims[0].article_id)
    for claim in claims:
        workflow.lock(session, claim, versions.get(claim.id, -1))
    target, others = claims[0], claims[1:]
    text = merged_text(article, claims)
    workflow.record(
        session,
        target,
        user,
        "merge",
        target.text,
        text,
        note="merged " + ", ".join(c.key for c in others),
        request_id=request_id,
    )
    for other in others:
        workflow.record(
            session, other, user, "delete", other.text, None, note=f"merged into {target.key}"
        )
        other.deleted_at = utcnow()
        for evidence in session.exec(select(Evidence).where(Evidence.claim_id == other.id)).all():
            evidence.claim_id = target.id
            session.add(evidence)
        session.add(other)
    spans = [(c.start, c.end) for c in claims if c.end > c.start]
    if len(spans) == len(claims):
        target.start, target.end = min(s for s, _ in spans), max(e for _, e in spans)
        target.sentence = sentence_at(article, target.start, target.end)
    target.text = text
    session.add(target)
    _evidence_now_stale(session, [target.id])
    return target


def merge_ticked_claims(
    session: Session,
    article: Article,
    versions: dict[int, int],
    *,
    user: User,
    request_id: str | None = None,
) -> Claim:
    """Merge the claims of ``article`` whose ids are in ``versions`` (id -> version seen), as
    ``merge_claims`` does. Ids of other articles' claims are ignored; InputError when fewer
    than two of this article's claims remain."""
    workflow.require(user, Role.CHECKER, N_("merging claims"))
    claims = session.exec(
        select(Claim).where(Claim.id.in_(list(versions)), Claim.article_id == article.id)
    ).all()
    if len(claims) < 2:
        raise InputError(N_("tick at least two claims of this article to merge them"))
    return merge_claims(session, list(claims), versions, user=user, request_id=request_id)


def merged_text(article: Article, claims: list[Claim]) -> str:
    """The article's own words when the claims' spans are close together, else joined texts."""
    if all(c.end > c.start for c in claims):
        start, end = min(c.start for c in claims), max(c.end for c in claims)
        if end - start <= MAX_CLAIM_CHARS:
            return _clean_text(article.text[start:end])
    return _clean_text(" ".join(c.text for c in claims))


def delete_claim(
    session: Session,
    claim: Claim,
    *,
    user: User,
    expected_version: int,
    note: str | None = None,
    request_id: str | None = None,
) -> Claim:
    """Delete a claim: it leaves the lists but stays in the database and can be restored."""
    workflow.require(user, Role.CHECKER, N_("deleting claims"))
    if workflow.already_done(session, request_id) or claim.deleted_at is not None:
        return claim
    if claim.status == ClaimStatus.PUBLISHED:
        raise TransitionError(
            N_(
                "claim %(key)s is published; unpublish it (with a note for readers) before "
                "deleting it"
            ),
            key=claim.key,
        )
    workflow.lock(session, claim, expected_version)
    workflow.record(session, claim, user, "delete", None, None, note=note, request_id=request_id)
    claim.deleted_at = utcnow()
    session.add(claim)
    return claim


def restore_claim(
    session: Session,
    claim: Claim,
    *,
    user: User,
    expected_version: int,
    request_id: str | None = None,
) -> Claim:
    """Bring a deleted claim back where it was."""
    workflow.require(user, Role.CHECKER, N_("restoring claims"))
    if workflow.already_done(session, request_id) or claim.deleted_at is None:
        return claim
    workflow.lock(session, claim, expected_version)
    workflow.record(session, claim, user, "restore", None, None, request_id=request_id)
    claim.deleted_at = None
    session.add(claim)
    return claim
