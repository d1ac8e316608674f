"""Suggested evidence: match an article's claims against the passages of its cited sources.

``match_article`` stores the best passages for each claim as Evidence in the "suggested" state,
with the matcher's explanation (what agrees, what disagrees, where). A re-run replaces the old
suggestions but never touches evidence a checker has confirmed or rejected, and never suggests
again a passage a checker already judged for that claim (the same text from the same source,
even from a newer snapshot).

All matching is done before the first write, so the write transaction stays short; the caller
commits.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlmodel import Session, col, delete, select

from factcheck.match import Match, MatchIndex, Passage
from factcheck.models import Article, Claim, Evidence, EvidenceState, Source
from factcheck.sources import parse_passage_id, source_passages


@dataclass(frozen=True)
class ClaimMatches:
    """What matching found for one claim: its best passage (confirmed or rejected ones
    included) and how many new suggestions were stored."""

    claim: Claim
    best_score: float | None = None
    best_passage: str | None = None
    best_strength: str | None = None
    best_source: str | None = None
    suggested: int = 0

    def describe(self) -> str:
        """One line: the best score, strength, source and passage, or "no supporting passage"."""
        if self.best_score is None:
            return "no supporting passage"
        passage = " ".join((self.best_passage or "").split())
        passage = passage if len(passage) <= 90 else passage[:89] + "…"
        return (f"{self.best_score:.0f} {self.best_strength} in {self.best_source!r}: "
                f"{passage}")


@dataclass
class MatchSummary:
    """The outcome of ``match_article``: per claim, and in total."""

    passages: int = 0
    claims: list[ClaimMatches] = field(default_factory=list)
    stored: int = 0
    replaced: int = 0

    @property
    def unsupported(self) -> list[ClaimMatches]:
        """Claims for which no passage reached the threshold."""
        return [c for c in self.claims if c.best_score is None]


def claims_to_match(session: Session, article: Article) -> list[Claim]:
    """The article's claims that are not deleted, in article order."""
    return list(session.exec(select(Claim).where(Claim.article_id == article.id,
                                                 col(Claim.deleted_at).is_(None))
                             .order_by(Claim.position, Claim.id)).all())


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def match_article(session: Session, article: Article, *, top: int = 5,
                  min_score: float | None = None,
                  progress: Callable[[ClaimMatches], None] | None = None) -> MatchSummary:
    """Match every claim of ``article`` against its sources and store the top ``top`` passages
    per claim as suggested Evidence (see the module docstring). ``min_score`` None means the
    matcher's SUGGESTION_THRESHOLD. ``progress`` is called after each claim.
    """
    passages = source_passages(session, article)
    by_id = {p.id: p for p in passages}
    sources = {s.id: s for s in session.exec(select(Source)
                                             .where(Source.article_id == article.id)).all()}
    index = MatchIndex.build(passages)
    claims = claims_to_match(session, article)
    judged = _judged_passages(session, [c.id for c in claims])
    summary, rows = MatchSummary(passages=len(passages)), []
    for claim in claims:
        seen = judged.get(claim.id, set())
        matches = index.match(claim.text, lang=article.language, top=top + len(seen),
                              min_score=min_score)
        new = [m for m in matches if _key(by_id[m.passage_id]) not in seen][:top]
        rows += [_evidence(claim, m, by_id[m.passage_id], sources) for m in new]
        result = _claim_matches(claim, matches, by_id, len(new))
        summary.claims.append(result)
        if progress is not None:
            progress(result)
    summary.replaced = _drop_suggestions(session, [c.id for c in claims])
    session.add_all(rows)
    session.flush()
    summary.stored = len(rows)
    return summary


def _key(passage: Passage) -> tuple[int, str]:
    """A passage's identity for "already judged": its source and its text, white space folded."""
    return parse_passage_id(passage.id)[0], _fold(passage.text)


def _judged_passages(session: Session, claim_ids: list[int]) -> dict[int, set]:
    """Per claim, the (source id, folded text) of evidence a checker confirmed or rejected."""
    judged: dict[int, set] = {}
    if not claim_ids:
        return judged
    rows = session.exec(select(Evidence.claim_id, Evidence.source_id, Evidence.passage)
                        .where(col(Evidence.claim_id).in_(claim_ids),
                               Evidence.state != EvidenceState.SUGGESTED)).all()
    for claim_id, source_id, passage in rows:
        judged.setdefault(claim_id, set()).add((source_id, _fold(passage)))
    return judged


def _drop_suggestions(session: Session, claim_ids: list[int]) -> int:
    """Delete the claims' suggested evidence; returns how many rows went."""
    if not claim_ids:
        return 0
    result = session.exec(delete(Evidence).where(col(Evidence.claim_id).in_(claim_ids),
                                                 Evidence.state == EvidenceState.SUGGESTED))
    return result.rowcount or 0


def _evidence(claim: Claim, match: Match, passage: Passage,
              sources: dict[int, Source]) -> Evidence:
    source_id, snapshot_id, start, end = parse_passage_id(passage.id)
    explanation = {"passage_id": passage.id, "strength": match.strength,
                   "agree": list(match.agree), "disagree": list(match.disagree),
                   "claim_spans": [list(s) for s in match.claim_spans],
                   "passage_spans": [list(s) for s in match.passage_spans]}
    source = sources.get(source_id)
    return Evidence(claim_id=claim.id, source_id=source_id, snapshot_id=snapshot_id,
                    passage=passage.text, passage_start=start, passage_end=end,
                    score=round(match.score, 2), state=EvidenceState.SUGGESTED,
                    url=source.url if source else None,
                    explanation=json.dumps(explanation, ensure_ascii=False))


def _claim_matches(claim: Claim, matches: list[Match], by_id: dict[str, Passage],
                   suggested: int) -> ClaimMatches:
    if not matches:
        return ClaimMatches(claim, suggested=suggested)
    best = matches[0]
    passage = by_id[best.passage_id]
    return ClaimMatches(claim, best.score, passage.text, best.strength, passage.source,
                        suggested)
