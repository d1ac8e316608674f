"""How one claim is scored against the passages of a MatchIndex (method and thresholds:
factcheck.matching.index), and ``match_claim``, which finds a claim's best passages."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from factcheck.language.anchors import COMPARED_KINDS, Anchor, Profile, extract_anchors, facets
from factcheck.language.identify import identify_language
from factcheck.language.lexicon import token_spans
from factcheck.matching.index import (
    CANDIDATES,
    MIN_STRONG_UNITS,
    STRONG_THRESHOLD,
    SUGGESTION_THRESHOLD,
    MatchIndex,
)
from factcheck.sources.passages import Passage

ANCHOR_WEIGHT = 2.0
CROSS_LANGUAGE_WORD_WEIGHT = 0.25
WORD_CUTOFF = 80
DISAGREEMENT_PENALTY = 15.0
# kinds of anchor that a different value in the passage contradicts
_COMPARABLE = {"year", "number", "money", "percent", "date"}


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


def match_claim(
    index: MatchIndex,
    claim_text: str,
    lang: str | None = None,
    top: int = 5,
    min_score: float | None = None,
    *,
    exhaustive: bool = False,
) -> list[Match]:
    """The ``top`` passages of ``index`` for a claim, best first, at or above ``min_score``.

    ``min_score`` None means SUGGESTION_THRESHOLD. ``exhaustive`` scores every passage
    instead of the index's candidates (slow; for checking the index's recall).
    """
    scorer = ClaimScorer(index, claim_text, lang)
    ids = (
        range(len(index))
        if exhaustive
        else index.candidates(scorer.keys, max(CANDIDATES, top * 40))
    )
    floor = SUGGESTION_THRESHOLD if min_score is None else min_score
    scored = [s for s in scorer.score_many(list(ids)) if s[0] >= floor]
    scored.sort(key=lambda s: (-s[0], s[1]))
    return [_explain(index, scorer, score, i) for score, i in scored[:top]]


def _explain(index: MatchIndex, scorer: ClaimScorer, score: float, i: int) -> Match:
    agree, disagree, named, claim_spans, passage_spans = scorer.details(i)
    strong = (
        score >= STRONG_THRESHOLD and named and not disagree and scorer.size >= MIN_STRONG_UNITS
    )
    strength = "strong" if strong else "suggestion"
    return Match(
        index.passages[i].id,
        score,
        strength,
        tuple(agree),
        tuple(disagree),
        tuple(claim_spans),
        passage_spans,
    )


@dataclass
class _Unit:
    """One thing the claim says: an anchor (with the keys that confirm it) or a word stem."""

    label: str
    spans: list[tuple[int, int]]
    confirm: tuple[str, ...] = ()
    partial: tuple[str, ...] = ()  # half credit: the same month for a full date
    compare: str | None = None  # facet prefix that can contradict it
    capitalised: bool = False


class ClaimScorer:
    """Scores passages of one index against one claim; see the module docstring."""

    def __init__(self, index: MatchIndex, text: str, lang: str | None = None) -> None:
        self.index, self.text = index, text
        self.lang = lang or identify_language(text)
        anchors = extract_anchors(text, self.lang, index.glossary_path, COMPARED_KINDS)
        merged: dict[str, _Unit] = {}
        for anchor in anchors:  # "Kesepakatan Abraham (Abraham Accords)" says it once
            unit = _anchor_unit(anchor)
            merged.setdefault(unit.label, unit).spans.append((anchor.start, anchor.end))
        self.anchors = list(merged.values())
        stems: dict[str, _Unit] = {}
        for t in token_spans(text, self.lang, [(a.start, a.end) for a in anchors]):
            unit = stems.setdefault(t.stem, _Unit(t.stem, [], (f"w:{t.stem}",)))
            unit.spans.append((t.start, t.end))
            unit.capitalised |= t.capitalised
        self.words = list(stems.values())
        self.weights = np.array(
            [ANCHOR_WEIGHT * max(index.idf(k) for k in u.confirm) for u in self.anchors]
            + [index.idf(u.confirm[0]) for u in self.words]
        )
        self.cross = self.weights.copy()
        for i, unit in enumerate(self.words, len(self.anchors)):
            self.cross[i] *= 1.0 if unit.capitalised else CROSS_LANGUAGE_WORD_WEIGHT
        self.keys = {
            k: w
            for u, w in zip(self.anchors + self.words, self.weights, strict=True)
            for k in u.confirm
        }
        for unit, weight in zip(self.anchors, self.weights, strict=False):
            self.keys.update(dict.fromkeys(unit.partial, weight / 2))
        for unit in self.words:
            if len(unit.label) >= 7:
                self.keys[f"<{unit.label[:5]}"] = self.keys[f">{unit.label[-5:]}"] = 0.5
        self.summary = " ".join(
            [u.confirm[0] for u in self.anchors] + [u.label for u in self.words]
        )

    @property
    def size(self) -> int:
        """How many things the claim says (anchors plus distinct content words)."""
        return len(self.anchors) + len(self.words)

    def score_many(self, ids: list[int]) -> list[tuple[float, int]]:
        """(score, passage number) for each passage number in ``ids``."""
        self._similarities(ids)
        return [(self._score(i)[0], i) for i in ids]

    def _similarities(self, ids: list[int]) -> None:
        """rapidfuzz ratios of every claim word against every word of the candidates."""
        vocab: dict[str, int] = {}
        for i in ids:
            context = self.index.contexts[i]
            for word in self.index.profiles[i].words + (context.words if context else ()):
                vocab.setdefault(word, len(vocab))
        self.vocab = vocab
        self.similar = process.cdist(
            [u.label for u in self.words],
            list(vocab),
            scorer=fuzz.ratio,
            score_cutoff=WORD_CUTOFF,
            dtype=np.uint8,
        )

    def _word_credit(self, words: tuple[str, ...]) -> np.ndarray:
        if not words or not self.words:
            return np.zeros(len(self.words))
        columns = [self.vocab[w] for w in words]
        return self.similar[:, columns].max(axis=1) / 100.0

    def _score(self, i: int) -> tuple[float, list[float], list[str]]:
        profile, context = self.index.profiles[i], self.index.contexts[i]
        credit, disagree = [], []
        for unit in self.anchors:
            credit.append(_anchor_credit(unit, profile.facets, context))
            if not credit[-1] and unit.compare:
                others = sorted(
                    f.split(":", 1)[1] for f in profile.facets if f.startswith(unit.compare + ":")
                )
                if others:
                    disagree.append(
                        f"{unit.label.replace(': ', ': claim ', 1)} ≠ passage " + ", ".join(others)
                    )
        words = self._word_credit(profile.words)
        if context:
            words = np.maximum(words, self._word_credit(context.words) / 2)
        credit += words.tolist()
        weights = self.weights if profile.lang == self.lang else self.cross
        coverage = float(np.dot(weights, credit) / weights.sum()) if self.size else 0.0
        summary = " ".join([*sorted(profile.facets), *profile.words])
        fuzzy = fuzz.token_set_ratio(self.summary, summary) / 100.0
        score = 100 * (0.85 * coverage + 0.15 * fuzzy) - DISAGREEMENT_PENALTY * len(disagree)
        return round(min(100.0, max(0.0, score)), 1), credit, disagree

    def details(self, i: int) -> tuple[list[str], list[str], bool, list, tuple]:
        """What agrees and disagrees with passage number ``i``, and where.

        Returns (agree, disagree, whether every place and name of the claim is confirmed,
        claim spans, passage spans).
        """
        _, credit, disagree = self._score(i)
        units = self.anchors + self.words
        agreed = [u for u, c in zip(units, credit, strict=True) if c > 0]
        agree = [u.label for u in agreed if u in self.anchors]
        agree += [f"name: {u.label}" for u in agreed if u.capitalised and u not in self.anchors]
        named = all(c > 0 for u, c in zip(units, credit, strict=True) if u.capitalised)
        claim_spans = sorted(span for u in agreed for span in u.spans)
        spans = self._passage_spans(self.index.passages[i], agreed)
        return agree, disagree, named, claim_spans, spans

    def _passage_spans(self, passage: Passage, agreed: list[_Unit]) -> tuple[tuple[int, int], ...]:
        """Where the agreed anchors and words are in the passage (found again: few are shown)."""
        lang = passage.lang or identify_language(passage.text)
        anchors = extract_anchors(passage.text, lang, self.index.glossary_path, COMPARED_KINDS)
        keys = {k for u in agreed for k in u.confirm + u.partial}
        spans = [(a.start, a.end) for a in anchors if keys.intersection(facets(a))]
        labels = [u.label for u in agreed if u in self.words]
        for token in token_spans(passage.text, lang, [(a.start, a.end) for a in anchors]):
            if labels and process.extractOne(
                token.stem, labels, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF
            ):
                spans.append((token.start, token.end))
        return tuple(sorted(spans))


def _anchor_unit(anchor: Anchor) -> _Unit:
    """The keys that confirm an anchor of the claim, and the facet that may contradict it."""
    keys = facets(anchor)
    unit = _Unit(f"{anchor.kind}: {anchor.value}", [], (keys[0],))
    # places and proper-noun terms ("Gedung Putih") name what the claim is about
    unit.capitalised = anchor.kind == "place" or (
        anchor.kind == "term" and " " in anchor.text and anchor.text[0].isupper()
    )
    if anchor.kind == "date" and keys[0].startswith(("day:", "month:")):
        unit.partial, unit.compare = (keys[1],), keys[0].split(":")[0]
    elif anchor.kind in ("money", "number"):
        unit.confirm = (keys[0], f"qty:{anchor.value.split()[0]}", f"qtyword:{anchor.value}")
        unit.compare = "qty" if keys[0].startswith(("qty:", "money:")) else None
    elif anchor.kind in _COMPARABLE:
        unit.compare = keys[0].split(":")[0]
    return unit


def _anchor_credit(unit: _Unit, found: frozenset[str], context: Profile | None) -> float:
    """1 when the passage confirms the anchor, 0.5 for a partial or title-only confirmation."""
    if any(k in found for k in unit.confirm):
        return 1.0
    if any(k in found for k in unit.partial):
        return 0.5
    if context and any(k in context.facets for k in unit.confirm):
        return 0.5
    return 0.0
