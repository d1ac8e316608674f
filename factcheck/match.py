"""Find the passages of cited sources that support (or contradict) a claim, in any language.

How a claim meets a passage:

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
from rapidfuzz import fuzz, process

from factcheck.anchors import Anchor, Profile, extract_anchors, facets
from factcheck.lexicon import guess_lang, token_spans

SUGGESTION_THRESHOLD = 45.0
STRONG_THRESHOLD = 70.0
MIN_STRONG_UNITS = 4
ANCHOR_WEIGHT = 2.0
CROSS_LANGUAGE_WORD_WEIGHT = 0.25
WORD_CUTOFF = 80
DISAGREEMENT_PENALTY = 15.0
IDF_PRIOR = 1000
CANDIDATES = 200  # passages scored per claim, the best by shared (idf-weighted) keys
# kinds of anchor that a different value in the passage contradicts
_COMPARABLE = {"year", "number", "money", "percent", "date"}


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
        return [scorer.explain(score, i) for score, i in scored[:top]]

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
        self.lang = lang or guess_lang(text)
        anchors = extract_anchors(text, self.lang, index.glossary_path)
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

    def explain(self, score: float, i: int) -> Match:
        """The Match for passage number ``i``: agreements, disagreements and spans."""
        _, credit, disagree = self._score(i)
        passage, units = self.index.passages[i], self.anchors + self.words
        agreed = [u for u, c in zip(units, credit, strict=True) if c > 0]
        agree = [u.label for u in agreed if u in self.anchors]
        agree += [f"name: {u.label}" for u in agreed if u.capitalised and u not in self.anchors]
        named = all(c > 0 for u, c in zip(units, credit, strict=True) if u.capitalised)
        strong = (
            score >= STRONG_THRESHOLD and named and not disagree and self.size >= MIN_STRONG_UNITS
        )
        claim_spans = sorted(span for u in agreed for span in u.spans)
        return Match(
            passage.id,
            score,
            "strong" if strong else "suggestion",
            tuple(agree),
            tuple(disagree),
            tuple(claim_spans),
            self._passage_spans(passage, agreed),
        )

    def _passage_spans(self, passage: Passage, agreed: list[_Unit]) -> tuple[tuple[int, int], ...]:
        """Where the agreed anchors and words are in the passage (found again: few are shown)."""
        lang = passage.lang or guess_lang(passage.text)
        anchors = extract_anchors(passage.text, lang, self.index.glossary_path)
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
