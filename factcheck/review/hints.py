"""What the evidence says of each claim, in one line, and of each article, claim by claim.

In: claims (by id) or an article. Out: a ``Hint`` per claim, counting the cited sources whose
passages support or contradict it and those that say nothing ("2 sources support · 1 source
contradicts: amount 12,4 miliar dolar AS ≠ $12 billion · 3 sources say nothing"), and an
article's citation coverage: each claim supported, contradicted, not addressed, or not read yet.

A source "says nothing" only when it was read for the claim: it has an archived copy and the
matcher read it for the claim's current wording (``Claim.matched_at`` not older than the
source's newest snapshot). A source with no archived copy is "not archived yet"; one archived
after the claim was last matched (or the claim never matched, or reworded since) is "not
matched yet": the editor must not take silence for a source that was never read.

Rejected evidence counts for nothing; evidence a checker added (no stance from the matcher) and
confirmed counts as support; a source with only "related" passages neither supports nor
contradicts. A contradiction outweighs support: such a claim is "contradicted"; a claim with
neither is "not read" while any cited source is unread for it, else "not addressed".
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import bindparam, func
from sqlmodel import Session, col, select

from factcheck.models import Article, Claim, Evidence, EvidenceState, Snapshot, Source

SUPPORTED, CONTRADICTED, NOT_ADDRESSED = "supported", "contradicted", "not addressed"
NOT_READ = "not read"

# A cited source as the hints read it: its id and when its newest archived copy was stored
# (None: never archived).
CitedSource = tuple[int, datetime | None]


@dataclass(frozen=True)
class Hint:
    """How many cited sources support, contradict or only relate to a claim, how many say
    nothing, and the differing values the contradicting ones show."""

    supporting: int = 0
    contradicting: int = 0
    related: int = 0
    silent: int = 0  # read for the claim, and nothing found
    differences: tuple[str, ...] = ()
    unarchived: int = 0  # no archived copy: nothing could be read
    unmatched: int = 0  # archived, but not read for the claim's current wording

    @property
    def status(self) -> str:
        """ "contradicted", "supported", "not read" or "not addressed" (the coverage view's
        words)."""
        if self.contradicting:
            return CONTRADICTED
        if self.supporting:
            return SUPPORTED
        return NOT_READ if self.unarchived or self.unmatched else NOT_ADDRESSED

    def line(self) -> str:
        """The one-line summary shown on the claim page, the article page and the queue."""
        parts = []
        if self.supporting:
            verb = "supports" if self.supporting == 1 else "support"
            parts.append(f"{_sources(self.supporting)} {verb}")
        if self.contradicting:
            differ = f": {'; '.join(self.differences[:2])}" if self.differences else ""
            verb = "contradicts" if self.contradicting == 1 else "contradict"
            parts.append(f"{_sources(self.contradicting)} {verb}{differ}")
        if self.related:
            parts.append(f"{_sources(self.related)} related")
        if self.silent:
            verb = "says" if self.silent == 1 else "say"
            parts.append(f"{_sources(self.silent)} {verb} nothing")
        if self.unmatched:
            parts.append(f"{_sources(self.unmatched)} not matched yet")
        if self.unarchived:
            parts.append(f"{_sources(self.unarchived)} not archived yet")
        return " · ".join(parts) or "no sources cited"


def _sources(n: int) -> str:
    return f"{n} source{'' if n == 1 else 's'}"


@dataclass
class _Tally:
    supporting: set = field(default_factory=set)
    contradicting: set = field(default_factory=set)
    related: set = field(default_factory=set)
    differences: list[str] = field(default_factory=list)


def claim_hints(session: Session, claims: list[Claim]) -> dict[int, Hint]:
    """A Hint for each of ``claims``, by claim id, in two queries whatever their number."""
    if not claims:
        return {}
    ids = [c.id for c in claims]
    rows = session.exec(_evidence_query(), params={"claim_ids": ids}).all()
    articles = sorted({c.article_id for c in claims})
    cited: dict[int, list[CitedSource]] = {}
    for article_id, source_id, archived in session.exec(
        _cited_query(), params={"article_ids": articles}
    ).all():
        cited.setdefault(article_id, []).append((source_id, archived))
    by_claim: dict[int, list] = {i: [] for i in ids}
    for claim_id, *row in rows:
        by_claim[claim_id].append(row)
    return {
        c.id: hint_of(by_claim[c.id], cited.get(c.article_id, []), c.matched_at) for c in claims
    }


# Built once, the ids bound at run time: building them (and a literal for each of 50 ids)
# cost more than running them, on every page of the queue (functools.cache: on first use).
@functools.cache
def _evidence_query():
    return select(
        Evidence.claim_id, Evidence.source_id, Evidence.url, Evidence.stance,
        Evidence.state, Evidence.explanation,
    ).where(
        col(Evidence.claim_id).in_(bindparam("claim_ids", expanding=True)),
        Evidence.state != EvidenceState.REJECTED,
    )  # fmt: skip


def newest_snapshot():
    """When the source's newest archived copy was stored (a scalar subquery on Source)."""
    return (
        select(func.max(Snapshot.fetched_at))
        .where(Snapshot.source_id == Source.id)
        .scalar_subquery()
    )


@functools.cache
def _cited_query():
    return select(Source.article_id, Source.id, newest_snapshot()).where(
        col(Source.article_id).in_(bindparam("article_ids", expanding=True))
    )


def hint_of(evidence: list, cited: list[CitedSource], matched_at: datetime | None) -> Hint:
    """The Hint of one claim from its evidence, as (source id, url, stance, state,
    explanation) rows or Evidence rows, its article's cited sources and when the claim was
    last matched (``Claim.matched_at``)."""
    tally = _Tally()
    for row in evidence:
        if isinstance(row, Evidence):
            row = (row.source_id, row.url, row.stance, row.state, row.explanation)
        source_id, url, stance, state, explanation = row
        if state != EvidenceState.REJECTED:
            _count(tally, source_id or url, stance, state, explanation)
    return _hint(tally, cited, matched_at)


def _count(tally: _Tally, source, stance: str | None, state: str, explanation: str) -> None:
    if stance == "contradicts":
        tally.contradicting.add(source)
        tally.differences += [_short(d) for d in _disagreements(explanation)]
    elif stance == "supports" or (stance is None and state == EvidenceState.CONFIRMED):
        tally.supporting.add(source)
    elif stance == "related":
        tally.related.add(source)


def _hint(tally: _Tally, cited: list[CitedSource], matched_at: datetime | None) -> Hint:
    contradicting = tally.contradicting
    supporting = tally.supporting - contradicting
    related = tally.related - supporting - contradicting
    spoken = {s for s in supporting | contradicting | related if isinstance(s, int)}
    silent = unarchived = unmatched = 0
    for source_id, archived in cited:
        if source_id in spoken:
            continue
        if archived is None:
            unarchived += 1
        elif matched_at is None or _naive(archived) > _naive(matched_at):
            unmatched += 1
        else:
            silent += 1
    return Hint(
        len(supporting),
        len(contradicting),
        len(related),
        silent,
        tuple(dict.fromkeys(tally.differences)),
        unarchived,
        unmatched,
    )


def _naive(value: datetime) -> datetime:
    """UTC without its zone: the databases give stored times back without one."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return value.replace(tzinfo=None)


def _disagreements(explanation: str) -> list[str]:
    try:
        data = json.loads(explanation or "{}")
    except ValueError:
        return []
    found = data.get("disagree") if isinstance(data, dict) else None
    return [str(d) for d in found] if isinstance(found, list) else []


def _short(label: str) -> str:
    """ "amount: claim 12,4 miliar dolar AS ≠ passage $12 billion" → "amount 12,4 miliar
    dolar AS ≠ $12 billion"."""
    found = re.match(r"(\w+): claim (.+?) ≠ passage (.+)$", label)
    return f"{found[1]} {found[2]} ≠ {found[3]}" if found else label


@dataclass(frozen=True)
class Coverage:
    """An article's claims (live ones, in article order), each with its Hint."""

    article: Article
    claims: list[tuple[Claim, Hint]]

    def count(self, status: str) -> int:
        """How many claims have this status."""
        return sum(hint.status == status for _, hint in self.claims)


def article_coverage(session: Session, article: Article) -> Coverage:
    """Citation coverage of ``article``: every live claim with what its cited sources say."""
    claims = list(
        session.exec(
            select(Claim)
            .where(Claim.article_id == article.id, col(Claim.deleted_at).is_(None))
            .order_by(Claim.position, Claim.id)
        ).all()
    )
    hints = claim_hints(session, claims)
    return Coverage(article, [(c, hints[c.id]) for c in claims])
