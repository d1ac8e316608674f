"""Suggested evidence: match an article's claims against the passages of its cited sources.

``match_article`` stores the best passages for each claim as Evidence in the "suggested" state,
with the matcher's stance (supports, contradicts, related) and explanation (what agrees, what
disagrees, where; factcheck.matching.rank). The passages' embeddings are read from the
database (factcheck.matching.vectors): only passages never embedded are embedded now. A
passage or claim the matcher cannot read is reported and skipped; the rest is stored.

A re-run replaces the old suggestions but never touches evidence a checker has confirmed or
rejected, and never suggests again a passage a checker already judged for that claim (the same
text from the same source, even from a newer snapshot).

All matching is done before the first write, so the write transaction stays short; the caller
commits.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import update
from sqlmodel import Session, col, delete, select

from factcheck.errors import InputError
from factcheck.matching.embedding import Embedder
from factcheck.matching.index import MatchIndex
from factcheck.matching.rank import CONTRADICTS, SUPPORTS, Match, match_claim
from factcheck.matching.vectors import passage_vectors
from factcheck.messages import NP_, Message
from factcheck.models import Article, Claim, Evidence, EvidenceState, Snapshot, Source, utcnow
from factcheck.sources.passages import (
    MAX_SOURCE_PASSAGES,
    Passage,
    parse_passage_id,
    passages_left_out,
    source_passages,
)


@dataclass(frozen=True)
class ClaimMatches:
    """What matching found for one claim: its best supporting passage (confirmed or rejected
    ones included), how many new suggestions were stored, how many passages contradict it."""

    claim: Claim
    best_score: float | None = None
    best_passage: str | None = None
    best_strength: str | None = None
    best_source: str | None = None
    suggested: int = 0
    contradicting: int = 0
    error: str | None = None

    def describe(self) -> str:
        """One line: the best score, strength, source and passage, or "no supporting passage";
        how many passages contradict the claim; or why the claim could not be matched."""
        if self.error:
            return f"not matched: {self.error}"
        against = f" · {self.contradicting} contradicting" if self.contradicting else ""
        if self.best_score is None:
            return "no supporting passage" + against
        passage = " ".join((self.best_passage or "").split())
        passage = passage if len(passage) <= 90 else passage[:89] + "…"
        return (
            f"{self.best_score:.0f} {self.best_strength} in {self.best_source!r}: {passage}"
            + against
        )


@dataclass
class MatchSummary:
    """The outcome of ``match_article``: per claim, and in total."""

    passages: int = 0
    claims: list[ClaimMatches] = field(default_factory=list)
    stored: int = 0
    replaced: int = 0
    embedded: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (passage id, why)
    left_out: list[tuple[Source, int]] = field(default_factory=list)  # passages not read

    @property
    def unsupported(self) -> list[ClaimMatches]:
        """Claims that no passage supports."""
        return [c for c in self.claims if c.best_score is None]

    def describe(self) -> str:
        """One line for people: what matching found and stored."""
        return Message.plural(
            NP_(
                "Matched %(num)s claim against %(passages)s passages: %(stored)s suggestions "
                "stored, %(unsupported)s claims without a supporting passage. See each "
                "claim's evidence.",
                "Matched %(num)s claims against %(passages)s passages: %(stored)s suggestions "
                "stored, %(unsupported)s claims without a supporting passage. See each "
                "claim's evidence.",
            ),
            len(self.claims),
            passages=self.passages,
            stored=self.stored,
            unsupported=len(self.unsupported),
        )


def claims_to_match(session: Session, article: Article) -> list[Claim]:
    """The article's claims that are not deleted, in article order."""
    return list(
        session.exec(
            select(Claim)
            .where(Claim.article_id == article.id, col(Claim.deleted_at).is_(None))
            .order_by(Claim.position, Claim.id)
        ).all()
    )


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def match_article(
    session: Session,
    article: Article,
    *,
    top: int = 5,
    min_score: float | None = None,
    progress: Callable[[ClaimMatches], None] | None = None,
    model: Embedder | None = None,
    glossary_path: str | None = None,
) -> MatchSummary:
    """Match every claim of ``article`` against its sources and store the top ``top`` passages
    per claim as suggested Evidence, and any further contradicting ones (see the module
    docstring). ``min_score`` None means the matcher's SUGGESTION_THRESHOLD. ``progress`` is
    called after each claim. ``model`` None matches by anchors and words alone.

    Each claim matched records when its sources were read (``Claim.matched_at``: the time of
    the read, so a snapshot stored after it counts as not read for the claim; one stored in the
    same second as the read, while it ran, is the one case taken for read).
    """
    read_at = utcnow()
    passages = source_passages(session, article)
    by_id = {p.id: p for p in passages}
    sources = {
        s.id: s for s in session.exec(select(Source).where(Source.article_id == article.id)).all()
    }
    summary = MatchSummary(passages=len(passages))
    summary.left_out = _left_out(session, passages, sources)
    vectors = None
    if model is not None:
        vectors, summary.embedded = passage_vectors(session, passages, model)
    index = MatchIndex.build(passages, glossary_path, vectors)
    summary.failed = list(index.failed)
    claims = claims_to_match(session, article)
    judged = _judged_passages(session, [c.id for c in claims])
    rows, matched = [], []
    for claim in claims:
        seen = judged.get(claim.id, set())
        try:
            matches = match_claim(
                index, claim.text, article.language, top + len(seen), min_score, model=model
            )
        except Exception as error:  # noqa: BLE001 - one unreadable claim must not stop the run
            result = ClaimMatches(claim, error=f"{type(error).__name__}: {error}")
        else:
            new = [m for m in matches if _key(by_id[m.passage_id]) not in seen]
            new = _keep(new, top)
            rows += [_evidence(claim, m, by_id[m.passage_id], sources) for m in new]
            result = _claim_matches(claim, matches, by_id, len(new))
            matched.append(claim.id)
        summary.claims.append(result)
        if progress is not None:
            progress(result)
    summary.replaced = _drop_suggestions(session, [c.id for c in claims])
    if matched:  # not an ORM change: a claim's version is the checkers' (review.save_claim)
        session.execute(update(Claim).where(col(Claim.id).in_(matched)).values(matched_at=read_at))
    session.add_all(rows)
    session.flush()
    summary.stored = len(rows)
    return summary


def _left_out(
    session: Session, passages: list[Passage], sources: dict[int, Source]
) -> list[tuple[Source, int]]:
    """Sources read only in part (MAX_SOURCE_PASSAGES), with how many passages were not."""
    per_snapshot: dict[int, int] = {}
    for passage in passages:
        snapshot_id = parse_passage_id(passage.id)[1]
        if snapshot_id is not None:
            per_snapshot[snapshot_id] = per_snapshot.get(snapshot_id, 0) + 1
    found = []
    for snapshot_id, count in per_snapshot.items():
        if count >= MAX_SOURCE_PASSAGES:
            snapshot = session.get(Snapshot, snapshot_id)
            found.append((sources[snapshot.source_id], passages_left_out(snapshot.text)))
    return found


def _keep(matches: list[Match], top: int) -> list[Match]:
    """The first ``top`` matches, and every contradicting one after them."""
    return matches[:top] + [m for m in matches[top:] if m.stance == CONTRADICTS]


def _key(passage: Passage) -> tuple[int, str]:
    """A passage's identity for "already judged": its source and its text, white space folded."""
    return parse_passage_id(passage.id)[0], _fold(passage.text)


def _judged_passages(session: Session, claim_ids: list[int]) -> dict[int, set]:
    """Per claim, the (source id, folded text) of evidence a checker confirmed or rejected."""
    judged: dict[int, set] = {}
    if not claim_ids:
        return judged
    rows = session.exec(
        select(Evidence.claim_id, Evidence.source_id, Evidence.passage).where(
            col(Evidence.claim_id).in_(claim_ids), Evidence.state != EvidenceState.SUGGESTED
        )
    ).all()
    for claim_id, source_id, passage in rows:
        judged.setdefault(claim_id, set()).add((source_id, _fold(passage)))
    return judged


def _drop_suggestions(session: Session, claim_ids: list[int]) -> int:
    """Delete the claims' suggested evidence; returns how many rows went."""
    if not claim_ids:
        return 0
    result = session.exec(
        delete(Evidence).where(
            col(Evidence.claim_id).in_(claim_ids), Evidence.state == EvidenceState.SUGGESTED
        )
    )
    return result.rowcount or 0


def _evidence(claim: Claim, match: Match, passage: Passage, sources: dict[int, Source]) -> Evidence:
    source_id, snapshot_id, start, end = parse_passage_id(passage.id)
    explanation = {
        "passage_id": passage.id,
        "stance": match.stance,
        "relevance": match.score,
        "strength": match.strength,
        "agree": list(match.agree),
        "disagree": list(match.disagree),
        "claim_spans": [list(s) for s in match.claim_spans],
        "passage_spans": [list(s) for s in match.passage_spans],
        "claim_differ": [list(s) for s in match.claim_differ],
        "passage_differ": [list(s) for s in match.passage_differ],
    }
    source = sources.get(source_id)
    return Evidence(
        claim_id=claim.id,
        source_id=source_id,
        snapshot_id=snapshot_id,
        passage=passage.text,
        passage_start=start,
        passage_end=end,
        score=round(match.score, 2),
        stance=match.stance,
        state=EvidenceState.SUGGESTED,
        url=source.url if source else None,
        explanation=json.dumps(explanation, ensure_ascii=False),
    )


def _claim_matches(
    claim: Claim, matches: list[Match], by_id: dict[str, Passage], suggested: int
) -> ClaimMatches:
    against = sum(m.stance == CONTRADICTS for m in matches)
    supporting = [m for m in matches if m.stance == SUPPORTS]
    if not supporting:
        return ClaimMatches(claim, suggested=suggested, contradicting=against)
    best = supporting[0]
    passage = by_id[best.passage_id]
    return ClaimMatches(
        claim, best.score, passage.text, best.strength, passage.source, suggested, against
    )


# --- matching files, without a database ---------------------------------------------------------
def read_jsonl(lines: Iterable[bytes], name: str, *, passages: bool = False) -> list[dict]:
    """Claims (``{"id", "text", "lang"?}``) or passages (also ``"source"?``) from JSON lines.

    Blank lines are skipped; anything else malformed is an InputError naming the file and line.
    """
    allowed = {"id", "text", "lang"} | ({"source"} if passages else set())
    records, seen = [], set()
    for number, raw in enumerate(lines, start=1):
        where = f"{name}, line {number}"
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8").strip()
            record = json.loads(line) if line else None
        except UnicodeDecodeError:
            raise InputError(f"{where}: not UTF-8 text") from None
        except ValueError as error:
            raise InputError(f"{where}: not valid JSON ({error.args[0].split(':')[0]})") from None
        if record is None:
            continue
        records.append(_check_record(record, where, allowed))
        key = str(records[-1]["id"])  # 7 and "7" would be the same passage to the matcher
        if key in seen:
            raise InputError(f"{where}: the id {records[-1]['id']!r} was already used")
        seen.add(key)
    return records


def _check_record(record: object, where: str, allowed: set[str]) -> dict:
    if not isinstance(record, dict):
        raise InputError(f'{where}: expected a JSON object like {{"id": "c1", "text": "..."}}')
    unknown = sorted(set(record) - allowed)
    if unknown:
        raise InputError(
            f"{where}: unknown field {unknown[0]!r} (fields: {', '.join(sorted(allowed))})"
        )
    if not isinstance(record.get("id"), str | int) or isinstance(record.get("id"), bool):
        raise InputError(f'{where}: "id" must be a string or a number')
    if not isinstance(record.get("text"), str) or not record["text"].strip():
        raise InputError(f'{where}: "text" must be a non-empty string')
    for optional in ("lang", "source"):
        if record.get(optional) is not None and not isinstance(record[optional], str):
            raise InputError(f'{where}: "{optional}" must be a string')
    return record


def match_records(
    claims: list[dict],
    passages: list[dict],
    *,
    top: int = 5,
    min_score: float | None = None,
    model: Embedder | None = None,
    glossary_path: str | None = None,
    skipped: Callable[[str, str], None] | None = None,
) -> Iterator[dict]:
    """For each claim record, ``{"claim_id", "matches": [{"passage_id", "score", "relevance",
    "stance", "strength", "agree", "disagree"}, ...]}``: the ``top`` most relevant at or above
    ``min_score`` (None: the matcher's SUGGESTION_THRESHOLD), best first, then any further
    contradicting passages. ``score`` and ``relevance`` are the same number (``score`` kept for
    readers of the older format). Ids come back as they were given. ``model`` None matches by
    anchors and words alone. A passage the matcher cannot read is left out and reported to
    ``skipped(passage id, why)``; a claim it cannot read gets ``"error"`` instead of matches."""
    ids = {str(p["id"]): p["id"] for p in passages}
    found = [Passage(str(p["id"]), p["text"], p.get("lang"), p.get("source")) for p in passages]
    vectors = model.embed_passages([p.text for p in found]) if model and found else None
    index = MatchIndex.build(found, glossary_path, vectors)
    for passage_id, why in index.failed:
        if skipped is not None:
            skipped(ids[passage_id], why)
    for claim in claims:
        try:
            matches = match_claim(
                index, claim["text"], claim.get("lang"), top, min_score, model=model
            )
        except Exception as error:  # noqa: BLE001 - one unreadable claim must not stop the run
            yield {"claim_id": claim["id"], "error": f"{type(error).__name__}: {error}"}
            continue
        yield {
            "claim_id": claim["id"],
            "matches": [
                {
                    "passage_id": ids[m.passage_id],
                    "score": m.score,
                    "relevance": m.score,
                    "stance": m.stance,
                    "strength": m.strength,
                    "agree": list(m.agree),
                    "disagree": list(m.disagree),
                }
                for m in matches
            ],
        }
