""" "Has this been checked before?": the closest archived claims to a text, and which of them
are the same claim.

1. The text's vector (stored for the newsroom's own claims, one ``embed_question`` otherwise) is
   searched in the archive's index (factcheck.archive.archiveindex): CANDIDATES closest.
2. Each cosine is calibrated against ordinary sentences of the candidate's language
   (factcheck.matching.embedding.background), as the matcher does: a multilingual model rates
   a sentence in the query's own language closer than its translation, and the background
   takes that bias out (BENCHMARKS.md: R@1 0.85 raw, 0.96 calibrated, on the dev set).
3. The values of both texts are compared with the one recogniser and the verifier
   (factcheck.language.anchors, factcheck.matching.verify); counts are compared whatever
   they count (two short claims close in meaning with 30 and 300 of something are two
   claims). A candidate whose values differ is never the same claim: it is listed as related,
   with what differs.
4. The same claim: calibrated closeness at least SAME_SCORE (SAME_SCORE_STORED for a claim's
   stored vector) and nothing differing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field

import numpy as np
from sqlmodel import Session, col, select

from factcheck.archive.archiveindex import ArchiveIndex
from factcheck.archive.reference import missing_fields
from factcheck.archive.vectorindex import unlabel
from factcheck.language.anchors import COMPARED_KINDS, extract_anchors
from factcheck.language.identify import identify_language
from factcheck.matching.embedding import Embedder, background
from factcheck.matching.verify import numbers_agree, values, verify
from factcheck.models import Article, Claim, ClaimStatus, ReferenceFactCheck

CANDIDATES = 100
# Calibrated closeness (standard deviations above ordinary sentences), tuned on
# bench/data/archive_eval/dev.jsonl only: from SAME_SCORE an earlier check without differing
# values is offered as the same claim; from LISTED_SCORE it is listed as related.
SAME_SCORE = 7.0
# A claim of the newsroom's is searched with its stored (passage) vector, which sits closer
# to the background sentences than a query's: the same share of claims without an earlier
# check stays unmatched from a higher score.
SAME_SCORE_STORED = 7.6
LISTED_SCORE = 4.0
CHECKED = (ClaimStatus.VERIFIED.value, ClaimStatus.PUBLISHED.value)
FIELDS = (
    "kind", "id", "text", "verdict", "publisher", "date", "language", "url",
    "closeness", "same", "differs", "missing",
)  # fmt: skip


@dataclass(frozen=True)
class Scope:
    """Which archived claims a search may return: the newsroom's own in ``statuses`` (None:
    any), reference fact-checks when ``references``; never ``article_id``'s claims."""

    statuses: tuple[str, ...] | None = CHECKED
    references: bool = True
    article_id: int | None = None


READERS = Scope(statuses=(ClaimStatus.PUBLISHED.value,))
REPEATS = Scope(statuses=None, references=False)


@dataclass(frozen=True)
class EarlierCheck:
    """One archived claim found for a text: what it says, its verdict (the newsroom's own
    verdict key, or the other organisation's rating), who checked it, when, in which
    language, where; how close it is and whether it is the same claim, and what differs."""

    kind: str  # "own" or "reference"
    id: int
    text: str
    verdict: str | None
    publisher: str | None
    date: str | None
    language: str | None
    url: str | None
    closeness: float  # calibrated: standard deviations above ordinary sentences
    same: bool
    differs: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()  # what a reference came without (kept, marked)
    cosine: float = 0.0
    article_id: int | None = field(default=None, compare=False)
    status: str | None = field(default=None, compare=False)

    def as_dict(self) -> dict:
        """The fields the CLI's jsonl and /api/similar both give."""
        found = asdict(self)
        out = {name: found[name] for name in FIELDS}
        out["closeness"] = round(self.closeness, 2)
        out["differs"], out["missing"] = list(self.differs), list(self.missing)
        return out


@dataclass(frozen=True)
class Query:
    """What is searched for: a text, its language and its vector (``stored``: a claim's
    stored passage vector, else one ``embed_question``)."""

    text: str
    lang: str
    vector: np.ndarray
    claim_id: int | None = None
    stored: bool = False

    @property
    def same_score(self) -> float:
        return SAME_SCORE_STORED if self.stored else SAME_SCORE


def query_for_text(model: Embedder, text: str, lang: str | None = None) -> Query:
    """A Query for free text (one ``embed_question``)."""
    lang = lang or identify_language(text)
    return Query(text, lang, model.embed_question(text))


def search(
    session: Session,
    index: ArchiveIndex,
    model: Embedder,
    query: Query,
    *,
    scope: Scope = Scope(),
    top: int = 5,
    org_name: str | None = None,
    link: Callable[[Claim, Article], str | None] = lambda claim, article: None,
) -> list[EarlierCheck]:
    """The ``top`` closest archived claims in ``scope`` at LISTED_SCORE or more, closest
    first, each judged same claim or not. ``link`` gives an own claim's address."""
    labels, cosines = index.search(session, query.vector, CANDIDATES)
    found = _load(session, labels, cosines, scope, query.claim_id, org_name, link)
    return rank_and_judge(model, query, found, top)


def rank_and_judge(
    model: Embedder, query: Query, found: list[EarlierCheck], top: int
) -> list[EarlierCheck]:
    """Candidates (with their cosines) ranked by calibrated closeness, the ``top`` at
    LISTED_SCORE or more, each judged same claim or not (steps 2-4 above)."""
    if not found:
        return []
    scores = calibrate(model, query.vector, [f.cosine for f in found], [f.language for f in found])
    ranked = sorted(zip(scores, found, strict=True), key=lambda pair: -pair[0])
    out = []
    for score, check in ranked:
        if score < LISTED_SCORE or len(out) >= top:
            break
        differs = differences(query.text, query.lang, check.text, check.language)
        same = score >= query.same_score and not differs
        out.append(_judged(check, float(score), same, differs))
    return out


def _judged(check: EarlierCheck, score: float, same: bool, differs) -> EarlierCheck:
    fields = asdict(check) | {"closeness": score, "same": same, "differs": tuple(differs)}
    return EarlierCheck(**fields)


def calibrate(
    model: Embedder, vector: np.ndarray, cosines: Sequence[float], langs: Sequence[str | None]
) -> np.ndarray:
    """Each cosine as standard deviations above the query's cosines with ordinary sentences
    of the candidate's language (all languages pooled when there are none of it)."""
    reference = {lang: vectors @ vector for lang, vectors in background(model).items()}
    pooled = np.concatenate(list(reference.values()))
    out = np.empty(len(cosines), dtype=np.float32)
    for i, (cosine, lang) in enumerate(zip(cosines, langs, strict=True)):
        ref = reference.get(lang or "", pooled)
        out[i] = (cosine - ref.mean()) / max(float(ref.std()), 1e-3)
    return out


_CLAIM_SIDE = re.compile(r"\bclaim (.+?) ≠ passage ")


def differences(text: str, lang: str, other: str, other_lang: str | None) -> tuple[str, ...]:
    """What differs between two claims' values ("year: 2019 ≠ 2024"); empty when nothing
    does (or neither has values)."""
    other_lang = other_lang or identify_language(other)
    mine = extract_anchors(text, lang, None, COMPARED_KINDS)
    theirs = extract_anchors(other, other_lang, None, COMPARED_KINDS)
    disagree = verify(text, mine, other, theirs).disagree
    found = [_CLAIM_SIDE.sub(r"\1 ≠ ", reason) for reason in disagree]
    # verification leaves a quantity several times larger "unconfirmed" (a passage may
    # measure a part); between two claims any other count, percentage or amount differs
    other_values = values(other, theirs)
    for value in values(text, mine):
        same = [v for v in other_values if v.slot == value.slot]
        if _quantity(value.slot) and same and not any(numbers_agree(value, v) for v in same):
            shown = ", ".join(dict.fromkeys(v.anchor.text for v in same))
            found.append(f"{_quantity(value.slot)}: {value.anchor.text} ≠ {shown}")
    return tuple(dict.fromkeys(found))


def _quantity(slot: str) -> str | None:
    """How a difference in a quantity of ``slot`` is named; None for what is not a quantity
    (years and dates: verification already compares them strictly)."""
    if slot.startswith("money"):
        return "amount"
    return {"count": "number", "percent": "percentage"}.get(slot)


def _load(session, labels, cosines, scope, exclude_claim, org_name, link) -> list[EarlierCheck]:
    """The candidates' rows as EarlierChecks (unjudged), those outside ``scope`` left out."""
    cosine = {int(lab): float(c) for lab, c in zip(labels, cosines, strict=True)}
    claim_ids = [i for kind, i in map(unlabel, cosine) if kind == "claim" and i != exclude_claim]
    ref_ids = [i for kind, i in map(unlabel, cosine) if kind == "reference"]
    found = []
    if claim_ids and scope.statuses != ():
        query = (
            select(Claim, Article)
            .join(Article, Article.id == Claim.article_id)
            .where(col(Claim.id).in_(claim_ids), col(Claim.deleted_at).is_(None))
        )
        if scope.statuses is not None:
            query = query.where(col(Claim.status).in_(scope.statuses))
        if scope.article_id is not None:
            query = query.where(Claim.article_id != scope.article_id)
        for claim, article in session.exec(query):
            found.append(_own(claim, article, cosine[claim.id * 2], org_name, link))
    if ref_ids and scope.references:
        query = select(ReferenceFactCheck).where(col(ReferenceFactCheck.id).in_(ref_ids))
        rows = session.exec(query)
        found += [_reference(row, cosine[row.id * 2 + 1]) for row in rows]
    return found


def _own(claim: Claim, article: Article, cosine: float, org_name, link) -> EarlierCheck:
    when = claim.published_at or claim.reviewed_at or claim.updated_at
    return EarlierCheck(
        kind="own",
        id=claim.id,
        text=claim.text,
        verdict=claim.verdict,
        publisher=org_name,
        date=when.date().isoformat() if when else None,
        language=article.language,
        url=link(claim, article),
        closeness=0.0,
        same=False,
        cosine=cosine,
        article_id=article.id,
        status=claim.status,
    )


def _reference(row: ReferenceFactCheck, cosine: float) -> EarlierCheck:
    lang = (row.language or "").split("-")[0].lower() or None
    return EarlierCheck(
        kind="reference",
        id=row.id,
        text=row.claim_reviewed,
        verdict=row.rating,
        publisher=row.author,
        date=(row.date_published or "")[:10] or None,
        language=lang,
        url=row.url,
        closeness=0.0,
        same=False,
        missing=tuple(missing_fields(row)),
        cosine=cosine,
    )
