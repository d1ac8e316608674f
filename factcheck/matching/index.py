"""The anchor/word index: the lexical half of retrieval (the other half is the passages'
embeddings, factcheck.matching.embedding; the two are fused in factcheck.matching.rank).

How a claim meets a passage here (scoring itself is in factcheck.matching.scoring):

1. Both are reduced to *units*: anchors (factcheck.language.anchors: places, glossary terms,
   numbers, years, dates — the same value in Indonesian and English) and content-word stems.
2. Candidates come from an inverted index over those units (plus 5-letter word prefixes and
   suffixes, so that spelling variants still meet); only candidates are scored.
3. Each claim unit earns credit when the passage has it: anchors by value, words by their best
   ``rapidfuzz.fuzz.ratio`` (>= 80) against the passage's words. Credits are weighted by rarity
   (idf); anchors weigh double. In a cross-language pair an ordinary word weighs a quarter (it is
   not expected to appear), a capitalised word (a name) keeps its weight.
4. lexical score = 85 * weighted coverage + 15 * ``fuzz.token_set_ratio`` of the two unit
   lists. A disagreement costs nothing here: relevance and verification are separate
   (factcheck.matching.verify), and a relevant contradiction must rank as high as it is
   relevant. A source's title is a passage of its own and lends nothing to the others.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from factcheck.errors import InputError
from factcheck.language.anchors import COMPARED_KINDS, Anchor, Profile, extract_anchors
from factcheck.sources.passages import Passage

NO_GLOSSARY = Path(__file__).with_name("data") / "no-glossary.yaml"
IDF_PRIOR = 1000
CANDIDATES = 200  # passages scored per claim, the best by shared (idf-weighted) keys


def glossary_path(setting: str | None) -> str | None:
    """The glossary file a MATCH_GLOSSARY setting names: None for the bundled one, "" for
    none at all, else a path, which must exist (InputError)."""
    if setting is None:
        return None
    if not setting.strip():
        return str(NO_GLOSSARY)
    if not Path(setting).is_file():
        raise InputError(f"MATCH_GLOSSARY {setting!r}: no such file")
    return setting


class MatchIndex:
    """Passages of the cited sources, indexed for fast, explainable matching of claims."""

    def __init__(self, glossary_path: str | None = None) -> None:
        self.glossary_path = glossary_path
        self.passages: list[Passage] = []
        self.profiles: list[Profile] = []
        self.postings: dict[str, np.ndarray] = {}
        self.vectors: np.ndarray | None = None  # (passages, dim) unit rows, when embedded
        self._anchors: dict[int, list[Anchor]] = {}
        self._groups: dict[str, np.ndarray] | None = None
        self.failed: list[tuple[str, str]] = []

    @classmethod
    def build(
        cls,
        passages: Iterable[Passage],
        glossary_path: str | None = None,
        vectors: np.ndarray | None = None,
    ) -> MatchIndex:
        """Profile and index every passage; ``vectors`` are their embeddings, row for row
        (None: the index ranks by anchors and words alone). A passage that cannot be read is
        left out and listed in ``failed`` as (passage id, why)."""
        index = cls(glossary_path)
        lists: dict[str, list[int]] = {}
        kept = []
        for row, passage in enumerate(passages):
            try:
                profile = Profile.of(passage.text, passage.lang, glossary_path)
            except Exception as error:  # noqa: BLE001 - web text must not stop a whole run
                index.failed.append((passage.id, f"{type(error).__name__}: {error}"))
                continue
            i = len(index.passages)
            index.passages.append(passage)
            index.profiles.append(profile)
            kept.append(row)
            for key in dict.fromkeys(profile.keys()):
                lists.setdefault(key, []).append(i)
        index.postings = {key: np.array(ids, dtype=np.int32) for key, ids in lists.items()}
        if vectors is not None:
            if len(vectors) != len(kept) + len(index.failed):
                raise ValueError(f"{len(vectors)} vectors for {len(kept)} passages")
            index.vectors = np.asarray(vectors, dtype=np.float32)[kept]
        return index

    def __len__(self) -> int:
        return len(self.passages)

    def language_groups(self) -> dict[str, np.ndarray]:
        """Passage numbers by language (the passage's own, or the guessed one)."""
        if self._groups is None:
            langs = [
                p.lang or profile.lang
                for p, profile in zip(self.passages, self.profiles, strict=True)
            ]
            groups: dict[str, list[int]] = {}
            for i, lang in enumerate(langs):
                groups.setdefault(lang, []).append(i)
            self._groups = {k: np.array(v, dtype=np.int64) for k, v in groups.items()}
        return self._groups

    def anchors(self, i: int) -> list[Anchor]:
        """The anchors of passage number ``i`` (found once, when first asked: few are)."""
        if i not in self._anchors:
            passage = self.passages[i]
            lang = self.profiles[i].lang
            self._anchors[i] = extract_anchors(
                passage.text, lang, self.glossary_path, COMPARED_KINDS
            )
        return self._anchors[i]

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
