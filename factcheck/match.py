"""Find the passages of cited sources that support (or contradict) a claim, in any language.

How a claim meets a passage (scoring itself is in factcheck.scoring):

1. Both are reduced to *units*: anchors (factcheck.anchors: places, glossary terms, numbers,
   years, dates — the same value in Indonesian and English) and content-word stems.
2. Candidates come from an inverted index over those units (plus 5-letter word prefixes and
   suffixes, so that spelling variants still meet); only candidates are scored.
3. Each claim unit earns credit when the passage has it: anchors by value, words by their best
   ``rapidfuzz.fuzz.ratio`` (>= 80) against the passage's words. Credits are weighted by rarity
   (idf); anchors weigh double. In a cross-language pair an ordinary word weighs a quarter (it is
   not expected to appear), a capitalised word (a name) keeps its weight.
4. score = 85 * weighted coverage + 15 * ``fuzz.token_set_ratio`` of the two unit lists,
   minus 15 per disagreement: the passage states a year, quantity, percentage or date of the same
   kind as the claim's, and none equals it ("year: claim 1992 ≠ passage 1993").
   The words of the passage's source title count at half credit.

Thresholds (calibrated on bench/data/match_eval.jsonl, see BENCHMARKS.md):

- SUGGESTION_THRESHOLD = 45: every supported claim of the evaluation set has a supporting
  passage at or above it (the lowest scored 47). Below it a passage shares little more than a
  name or a year. Unsupported claims built as near misses (same country and year, another event)
  still reach it about half the time: for a reviewer these are the passages to read anyway.
- STRONG_THRESHOLD = 70: most of the claim's rare units are in the passage. A strong match also
  needs no disagreement, every place and proper name of the claim in the passage (or its title),
  and a claim of at least MIN_STRONG_UNITS units ("Kazakhstan joins" matches too much to be
  trusted). On the evaluation set no unsupported claim gets a strong match.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from factcheck.anchors import Profile
from factcheck.scoring import ClaimScorer

SUGGESTION_THRESHOLD = 45.0
STRONG_THRESHOLD = 70.0
MIN_STRONG_UNITS = 4
IDF_PRIOR = 1000
CANDIDATES = 200  # passages scored per claim, the best by shared (idf-weighted) keys


@dataclass(frozen=True)
class Passage:
    """A piece of a source: its id, text, language if known, and its document's title."""

    id: str
    text: str
    lang: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Match:
    """A passage found for a claim, why (agree), what conflicts (disagree), and where."""

    passage_id: str
    score: float
    strength: str
    agree: tuple[str, ...]
    disagree: tuple[str, ...]
    claim_spans: tuple[tuple[int, int], ...]
    passage_spans: tuple[tuple[int, int], ...]


class MatchIndex:
    """Passages of the cited sources, indexed for fast, explainable matching of claims."""

    def __init__(self, glossary_path: str | None = None) -> None:
        self.glossary_path = glossary_path
        self.passages: list[Passage] = []
        self.profiles: list[Profile] = []
        self.contexts: list[Profile | None] = []
        self.postings: dict[str, np.ndarray] = {}

    @classmethod
    def build(cls, passages: Iterable[Passage], glossary_path: str | None = None) -> MatchIndex:
        """Profile and index every passage (and each source title once, as context)."""
        index = cls(glossary_path)
        titles: dict[str, Profile] = {}
        lists: dict[str, list[int]] = {}
        for i, passage in enumerate(passages):
            profile = Profile.of(passage.text, passage.lang, glossary_path)
            context = None
            if passage.source:
                if passage.source not in titles:
                    titles[passage.source] = Profile.of(passage.source, None, glossary_path)
                context = titles[passage.source]
            index.passages.append(passage)
            index.profiles.append(profile)
            index.contexts.append(context)
            keys = profile.keys() + (context.keys() if context else [])
            for key in dict.fromkeys(keys):
                lists.setdefault(key, []).append(i)
        index.postings = {key: np.array(ids, dtype=np.int32) for key, ids in lists.items()}
        return index

    def __len__(self) -> int:
        return len(self.passages)

    def idf(self, key: str) -> float:
        """Rarity weight of an index key; a key found nowhere weighs like a key found once.

        IDF_PRIOR imaginary passages without the key keep a small index (one article's
        sources) from weighing down the names that all its passages share.
        """
        found = len(self.postings.get(key, ()))
        return math.log(1 + (len(self) + IDF_PRIOR) / max(found, 1))

    def match(
        self,
        claim_text: str,
        lang: str | None = None,
        top: int = 5,
        min_score: float | None = None,
        *,
        exhaustive: bool = False,
    ) -> list[Match]:
        """The ``top`` passages for a claim, best first, at or above ``min_score``.

        ``min_score`` None means SUGGESTION_THRESHOLD. ``exhaustive`` scores every passage
        instead of the index's candidates (slow; for checking the index's recall).
        """
        scorer = ClaimScorer(self, claim_text, lang)
        ids = (
            range(len(self))
            if exhaustive
            else self.candidates(scorer.keys, max(CANDIDATES, top * 40))
        )
        floor = SUGGESTION_THRESHOLD if min_score is None else min_score
        scored = [s for s in scorer.score_many(list(ids)) if s[0] >= floor]
        scored.sort(key=lambda s: (-s[0], s[1]))
        return [self._explain(scorer, score, i) for score, i in scored[:top]]

    def _explain(self, scorer: ClaimScorer, score: float, i: int) -> Match:
        agree, disagree, named, claim_spans, passage_spans = scorer.details(i)
        strong = (
            score >= STRONG_THRESHOLD and named and not disagree and scorer.size >= MIN_STRONG_UNITS
        )
        strength = "strong" if strong else "suggestion"
        return Match(
            self.passages[i].id,
            score,
            strength,
            tuple(agree),
            tuple(disagree),
            tuple(claim_spans),
            passage_spans,
        )

    def candidates(self, keys: dict[str, float], limit: int) -> list[int]:
        """Passages sharing the most (idf-weighted) keys with the claim, at most ``limit``."""
        found = [(self.postings[k], w) for k, w in keys.items() if k in self.postings]
        if not found:
            return []
        weight = np.zeros(len(self), dtype=np.float32)
        for ids, w in found:
            weight[ids] += w
        hit = np.flatnonzero(weight)
        if len(hit) > limit:
            hit = hit[np.argpartition(-weight[hit], limit)[:limit]]
        return hit.tolist()


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|"
    r"Dec|Gen|Gov|Sen|Rep|Inc|Ltd|Co|vs|etc|dll|dsb|Jl|Tn|Ny|Sdr|H))\.$"
)


def cut_passages(text: str, max_chars: int = 400) -> list[tuple[int, int, str]]:
    """Cut a document into passages: (start, end, text) with ``text == document[start:end]``.

    Each line or paragraph no longer than ``max_chars`` is one passage (so a title alone is
    one); longer ones are cut into sentences, and a sentence still too long at word breaks.
    """
    passages = []
    for para in re.finditer(r"[^\n]+", text):
        start, chunk = para.start(), para.group()
        stripped = chunk.strip()
        if not stripped:
            continue
        start += len(chunk) - len(chunk.lstrip())
        for s, e in _sentences(stripped, max_chars):
            passages.append((start + s, start + e, text[start + s : start + e]))
    return passages


def _sentences(text: str, max_chars: int) -> list[tuple[int, int]]:
    if len(text) <= max_chars:
        return [(0, len(text))]
    cuts, begin = [], 0
    for m in _SENTENCE_END.finditer(text):
        if not _ABBREVIATION.search(text[begin : m.start()].rstrip('"”’)')):
            cuts.append((begin, m.start()))
            begin = m.end()
    cuts.append((begin, len(text)))
    spans = []
    for s, e in cuts:
        while e - s > max_chars:  # a run-on sentence: cut at the last space that fits
            cut = text.rfind(" ", s, s + max_chars)
            cut = cut if cut > s else s + max_chars
            spans.append((s, cut))
            s = cut + 1
        spans.append((s, e))
    return [(s, e) for s, e in spans if text[s:e].strip()]
