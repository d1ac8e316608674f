"""Find the passages of cited sources that support (or contradict) a claim, in any language.

How a claim meets a passage (scoring itself is in factcheck.matching.scoring):

1. Both are reduced to *units*: anchors (factcheck.language.anchors: places, glossary terms,
   numbers, years, dates — the same value in Indonesian and English) and content-word stems.
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
from collections.abc import Iterable

import numpy as np

from factcheck.language.anchors import Profile
from factcheck.sources.passages import Passage

SUGGESTION_THRESHOLD = 45.0
STRONG_THRESHOLD = 70.0
MIN_STRONG_UNITS = 4
IDF_PRIOR = 1000
CANDIDATES = 200  # passages scored per claim, the best by shared (idf-weighted) keys


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
