"""How one claim is scored against the passages of a MatchIndex by anchors and words (the
method: factcheck.matching.index). ``ClaimScorer`` gives the lexical relevance the ranking
fuses with the embeddings (factcheck.matching.rank), and says what agrees and where."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from factcheck.language.anchors import COMPARED_KINDS, Anchor, extract_anchors, facets
from factcheck.language.identify import identify_language
from factcheck.language.lexicon import token_spans
from factcheck.matching.index import MatchIndex

ANCHOR_WEIGHT = 2.0
CROSS_LANGUAGE_WORD_WEIGHT = 0.25
WORD_CUTOFF = 80


@dataclass
class _Unit:
    """One thing the claim says: an anchor (with the keys that confirm it) or a word stem."""

    label: str
    spans: list[tuple[int, int]]
    confirm: tuple[str, ...] = ()
    partial: tuple[str, ...] = ()  # half credit: the same month for a full date
    capitalised: bool = False


class ClaimScorer:
    """Scores passages of one index against one claim; see the module docstring."""

    def __init__(self, index: MatchIndex, text: str, lang: str | None = None) -> None:
        self.index, self.text = index, text
        self.lang = lang or identify_language(text)
        anchors = extract_anchors(text, self.lang, index.glossary_path, COMPARED_KINDS)
        self.claim_anchors = anchors
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
            for word in self.index.profiles[i].words:
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

    def score_apart(self, i: int, spans: tuple[tuple[int, int], ...]) -> float:
        """The score of passage number ``i`` leaving out the claim's units at ``spans`` (the
        values in dispute): how relevant the passage is to the rest of the claim."""
        units = self.anchors + self.words
        left_out = [
            k
            for k, unit in enumerate(units)
            if any(a < end and start < b for a, b in unit.spans for start, end in spans)
        ]
        return self._score(i, left_out)[0]

    def _score(self, i: int, left_out: list[int] | None = None) -> tuple[float, list[float]]:
        profile = self.index.profiles[i]
        credit = [_anchor_credit(unit, profile.facets) for unit in self.anchors]
        credit += self._word_credit(profile.words).tolist()
        weights = self.weights if profile.lang == self.lang else self.cross
        if left_out:
            weights = weights.copy()
            weights[left_out] = 0.0
        total = weights.sum()
        coverage = float(np.dot(weights, credit) / total) if total else 0.0
        summary = " ".join([*sorted(profile.facets), *profile.words])
        fuzzy = fuzz.token_set_ratio(self.summary, summary) / 100.0
        score = 100 * (0.85 * coverage + 0.15 * fuzzy)
        return round(min(100.0, max(0.0, score)), 1), credit

    def focus(self, i: int) -> float:
        """Share of the passage's own units that the claim has: of two passages saying the
        same, the one that says little else is the more focused."""
        profile = self.index.profiles[i]
        size = len(profile.facets) + len(profile.words)
        if not size:
            return 0.0
        _, credit = self._score(i)
        return min(1.0, sum(c > 0 for c in credit) / size)

    def details(self, i: int) -> tuple[list[str], bool, list, tuple]:
        """What agrees with passage number ``i``, and where.

        Returns (agree, whether every place and name of the claim is confirmed, claim spans,
        passage spans).
        """
        _, credit = self._score(i)
        units = self.anchors + self.words
        agreed = [u for u, c in zip(units, credit, strict=True) if c > 0]
        agree = [u.label for u in agreed if u in self.anchors]
        agree += [f"name: {u.label}" for u in agreed if u.capitalised and u not in self.anchors]
        named = all(c > 0 for u, c in zip(units, credit, strict=True) if u.capitalised)
        claim_spans = sorted(span for u in agreed for span in u.spans)
        spans = self._passage_spans(i, agreed)
        return agree, named, claim_spans, spans

    def _passage_spans(self, i: int, agreed: list[_Unit]) -> tuple[tuple[int, int], ...]:
        """Where the agreed anchors and words are in passage number ``i``."""
        passage, lang = self.index.passages[i], self.index.profiles[i].lang
        anchors = self.index.anchors(i)
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
    """The keys that confirm an anchor of the claim (and those that half confirm it)."""
    keys = facets(anchor)
    unit = _Unit(f"{anchor.kind}: {anchor.value}", [], (keys[0],))
    # places and proper-noun terms ("Gedung Putih") name what the claim is about
    unit.capitalised = anchor.kind == "place" or (
        anchor.kind == "term" and " " in anchor.text and anchor.text[0].isupper()
    )
    if anchor.kind == "date" and keys[0].startswith(("day:", "month:")):
        unit.partial = (keys[1],)
    elif anchor.kind in ("money", "number"):
        unit.confirm = (keys[0], f"qty:{anchor.value.split()[0]}", f"qtyword:{anchor.value}")
    return unit


def _anchor_credit(unit: _Unit, found: frozenset[str]) -> float:
    """1 when the passage confirms the anchor, 0.5 for a partial confirmation (the month of a
    full date)."""
    if any(k in found for k in unit.confirm):
        return 1.0
    if any(k in found for k in unit.partial):
        return 0.5
    return 0.0
