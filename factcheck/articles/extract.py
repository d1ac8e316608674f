"""Atomic-claim extraction for news articles (id, en).

article text -> sentences -> clauses (one checkable fact each) -> ProposedClaim,
scored for check-worthiness with the reasons a reviewer sees. Opinion and hedged
clauses are kept, marked kind="opinion" and scored low, so nothing is hidden.
Sentences come from factcheck.language.sentences, numbers, dates, places and names from the
recogniser factcheck.language.anchors, and the words that mark opinions, hedges and
attributions from factcheck.language.markers.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import NamedTuple

from factcheck.language import markers as words
from factcheck.language.anchors import extract_anchors, overlaps
from factcheck.language.sentences import Sentence, split_sentences
from factcheck.language.vocabulary import alternation


@dataclass(frozen=True)
class ProposedClaim:
    """One proposed atomic claim; ``text == article[start:end]``."""

    text: str
    sentence: str
    start: int
    end: int
    score: float
    reasons: tuple[str, ...]
    kind: str

    def as_dict(self) -> dict:
        """Plain dict (reasons as a list) for JSON and templates."""
        data = asdict(self)
        data["reasons"] = list(self.reasons)
        return data


# Check-worthiness: every clause starts at BASE; each kind of anchor adds once.
BASE_SCORE = 0.2
WEIGHTS = {
    "number": 0.3,
    "date": 0.3,
    "named place": 0.15,
    "named entity": 0.15,
    "membership list": 0.25,
    "superlative/first": 0.3,
    "attributed quote": 0.25,
    "attribution": 0.15,
    "quoted words": 0.1,
}
ENTITY_BONUS = 0.05  # per named thing beyond the first: relations between them are checkable
MAX_ENTITY_BONUS = 0.1
OPINION_CEILING = 0.35  # opinions stay visible but below any fact threshold
MIN_CLAUSE_WORDS = 3


_WORD = r"[A-Z](?:[\w'’-]|\.(?=\w))*"  # "U.S" keeps its inner dots, not a final one
_ITEM = rf"{_WORD}(?:\s+(?:{_WORD}|\([^()]*\)))*"
# Three or more capitalised items ending "..., dan X": a membership list, checked whole.
_LIST_RE = re.compile(rf"{_ITEM}(?:,\s+{_ITEM})+,?\s+(?:dan|serta|and|or|atau)\s+{_ITEM}")
_QUOTE_RE = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’")
_PROTECTED_RE = re.compile(rf"\([^()]*\)|—[^—]*—|{_QUOTE_RE.pattern}")
_SUPERLATIVE_RE = words.word_pattern(words.SUPERLATIVES)
_ATTRIBUTION_RE = words.word_pattern(words.ATTRIBUTIONS)
_LEADING_RE = re.compile(rf"^(?:(?:{alternation(words.LEADING_CONNECTIVES)})\b[\s,]*)+", re.I)
# Verb-like words (Indonesian affixes, English auxiliaries and -ed): after ", dan"
# one of these means a new clause with its own fact, not the last item of a list.
_VERB_RE = re.compile(
    r"\b(?:me[mnl]?\w{3,}|ber\w{3,}|di\w{4,}|ter\w{4,}|adalah|telah|akan|sudah|masih"
    r"|is|are|was|were|has|have|had|will|would|can|could|did|does|said|says|\w{3,}ed)\b"
)


# --- reasons ---------------------------------------------------------------------

# The recogniser's kinds that make a clause checkable, as the reasons a reviewer reads.
REASON_OF_KIND = {
    "number": "number",
    "money": "number",
    "percent": "number",
    "quantity": "number",
    "year": "date",
    "date": "date",
    "month": "date",
    "place": "named place",
    "name": "named entity",
}
_REASON_ORDER = ("date", "number", "named place", "named entity")


class Reason(NamedTuple):
    """Why a clause is checkable: a reason ("number", "attribution"...), the words that gave
    it, and where they are in the sentence."""

    kind: str
    label: str
    start: int
    end: int


def _find_reasons(sentence: str, language: str) -> list[Reason]:
    """Checkable things in ``sentence``: dates, numbers, places, names, lists, quotes..."""
    anchors = extract_anchors(sentence, language, kinds=REASON_OF_KIND)
    reasons = [Reason(REASON_OF_KIND[a.kind], a.text, a.start, a.end) for a in anchors]
    reasons.sort(key=lambda r: _REASON_ORDER.index(r.kind))  # dates first, then numbers...
    patterns = (
        ("membership list", _LIST_RE),
        ("superlative/first", _SUPERLATIVE_RE),
        ("attribution", _ATTRIBUTION_RE),
        ("quoted words", _QUOTE_RE),
    )
    for kind, pattern in patterns:
        reasons += [Reason(kind, m.group(), *m.span()) for m in pattern.finditer(sentence)]
    return reasons


# --- clauses ------------------------------------------------------------------------


def _first_word(text: str) -> str:
    m = re.match(r"\s*([\w-]+)", text)
    return m.group(1).lower() if m else ""


def _splits_here(sentence: str, pos: int, end: int, clause_start: int) -> bool:
    """Whether the ';' or ',' at *pos* (separator ends at *end*) starts a new claim."""
    right, left = sentence[end:], sentence[clause_start:pos]
    if sentence[pos] == ";":
        return True
    word = _first_word(right)
    if word in words.CONTRAST_SPLITTERS or word in words.CONCESSIVE_OPENERS:
        return True
    if any(p == "opinion" and r.match(right) for p, r in words.marker_patterns()):
        return True
    if clause_start == 0 and "," not in left and _first_word(sentence) in words.CONCESSIVE_OPENERS:
        return True
    if word in words.AND_SPLITTERS:
        # ", dan X" closes a list when the item before it is short.
        last_item = left.rsplit(",", 1)[-1]
        return len(last_item.split()) > 3 and bool(_VERB_RE.search(" ".join(right.split()[1:7])))
    return False


def _clause_spans(sentence: str) -> list[tuple[int, int]]:
    """Split *sentence* into clause spans, never inside quotes, brackets or lists."""
    protected = [m.span() for m in _PROTECTED_RE.finditer(sentence)]
    protected += [m.span() for m in _LIST_RE.finditer(sentence)]
    spans, start = [], 0
    for m in re.finditer(r"[;,]\s+", sentence):
        if overlaps(m.span(), protected):
            continue
        left_words = len(sentence[start : m.start()].split())
        right_words = len(re.split(r"[;,]\s", sentence[m.end() :])[0].split())
        if (
            left_words >= MIN_CLAUSE_WORDS
            and right_words >= MIN_CLAUSE_WORDS
            and _splits_here(sentence, m.start(), m.end(), start)
        ):
            spans.append((start, m.start()))
            start = m.end()
    spans.append((start, len(sentence)))
    return [trimmed for s, e in spans if (trimmed := _trim(sentence, s, e))]


def _trim(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop leading connectives and trailing punctuation; None if too short."""
    text = sentence[start:end]
    lead = _LEADING_RE.match(text)
    if lead and len(text) > lead.end():
        start += lead.end()
    text = sentence[start:end].rstrip(" \t.,;:—–")
    end = start + len(text)
    return (start, end) if len(text.split()) >= MIN_CLAUSE_WORDS else None


# --- scoring -----------------------------------------------------------------------------


def _markers(clause: str) -> list[str]:
    """Opinion and hedge reasons found outside quotations in *clause*, in text order.

    Where markers overlap ("para pengamat menilai", "menilai bahwa") the longest wins.
    """
    unquoted = _QUOTE_RE.sub(lambda m: " " * len(m.group()), clause)
    found = [
        (prefix, m)
        for prefix, pattern in words.marker_patterns()
        for m in pattern.finditer(unquoted)
    ]
    kept: list[tuple[str, re.Match[str]]] = []
    for prefix, m in sorted(found, key=lambda f: f[1].start() - f[1].end()):
        if not overlaps(m.span(), [k[1].span() for k in kept]):
            kept.append((prefix, m))
    return [f"{p}: {m.group()}" for p, m in sorted(kept, key=lambda k: k[1].start())]


def _score(kinds: set[str], entities: int, opinion: bool) -> float:
    if opinion:
        return round(min(OPINION_CEILING, 0.1 + 0.05 * len(kinds)), 2)
    score = BASE_SCORE + sum(WEIGHTS[k] for k in kinds)
    score += min(MAX_ENTITY_BONUS, ENTITY_BONUS * max(0, entities - 1))
    return round(min(1.0, score), 2)


def _propose(sentence: Sentence, span: tuple[int, int], found: list[Reason]) -> ProposedClaim:
    """Build the ProposedClaim for the clause at *span* of *sentence*."""
    start, end = span
    inside = [r for r in found if start <= r.start and r.end <= end]
    kinds = {r.kind for r in inside}
    if {"attribution", "quoted words"} <= kinds:
        kinds -= {"attribution", "quoted words"}
        kinds.add("attributed quote")
    reasons = [
        kind if kind in ("membership list", "quoted words") else f"{kind}: {label}"
        for kind, label, _, _ in inside
        if kind in kinds
    ]
    if "attributed quote" in kinds:
        reasons.append("attributed quote")
    markers = _markers(sentence.text[start:end])
    entities = len({r.label for r in inside if r.kind in ("named place", "named entity")})
    return ProposedClaim(
        text=sentence.text[start:end],
        sentence=sentence.text,
        start=sentence.start + start,
        end=sentence.start + end,
        score=_score(kinds, entities, bool(markers)),
        reasons=tuple(dict.fromkeys(reasons + markers)),
        kind="opinion" if markers else "fact",
    )


def extract_claims(text: str, language: str = "id", min_score: float = 0.0) -> list[ProposedClaim]:
    """Propose atomic claims for article *text*, in article order.

    *language* is "id" or "en" (anything else is treated as "en"). Claims scoring
    below *min_score* are left out; opinion claims are returned with kind="opinion".
    """
    language = language if language in ("id", "en") else "en"
    claims = []
    for sentence in split_sentences(text, language):
        reasons = _find_reasons(sentence.text, language)
        for span in _clause_spans(sentence.text):
            claim = _propose(sentence, span, reasons)
            if claim.score >= min_score:
                claims.append(claim)
    return claims
