"""Find a claim's passages: retrieve by meaning and by anchors, verify, rank, never hide a
contradiction.

1. Retrieve: the passages whose embeddings are nearest the claim's (factcheck.matching
   .embedding) and the anchor/word index's candidates (factcheck.matching.index), together.
2. Relevance (0-100) fuses the two: ``FUSION`` picks a calibrated weighted sum or
   reciprocal-rank fusion; bench/eval_match.py measures both. The weighted sum weighs
   DENSE_WEIGHT of meaning against the lexical score (CROSS_DENSE_WEIGHT when the passage is
   in another language than the claim). Meaning is the cosine calibrated per
   passage language: the model scores a claim higher against any sentence in the claim's own
   language (on bench/data/match_eval.jsonl an Indonesian claim's mean cosine is 0.83 with
   Indonesian passages, 0.76 with English ones). So a cosine counts by how far it stands above
   the claim's cosines with ordinary sentences of the passage's language (a z-score against
   factcheck/matching/data/background.yaml, which is about nothing a claim is about), mapped
   from [Z_FLOOR, Z_CEILING] to [0, 1]. It does not depend on the other passages: an article
   whose every source is on topic is not marked down for it.
3. Verify (factcheck.matching.verify): supports, contradicts or related, with the reasons.
4. Rank by relevance; a disagreement never lowers it. Among the evidence shown, passages
   that support come before those merely related, and among these a passage that states one
   of the claim's figures alike (from FIGURE_THRESHOLD) before one that states none: across
   languages meaning weighs most, and the bundled model puts an event's lead sentence nearer
   a claim than the report's sentence with the claim's figure; ties go to the more focused
   passage (the one that says least besides the claim), then to the nearer meaning, never
   to source order. The ``top`` passages at or above SUGGESTION_THRESHOLD are returned, and besides
   them every contradicting passage at or above CONTRADICTION_THRESHOLD (at most ``top``): a
   relevant contradiction is always shown. The same text (a headline repeated as a snapshot's
   first line) is returned once.

Without embeddings (an index built without vectors) the lexical score alone is the relevance.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from factcheck.language.anchors import Anchor, facets
from factcheck.language.identify import identify_language
from factcheck.language.lexicon import spelt_alike
from factcheck.matching.embedding import Embedder, background
from factcheck.matching.index import MatchIndex
from factcheck.matching.names import (
    Swap,
    bare_against_town,
    candidate_swaps,
    countries_of_one_sense,
    head_word,
    kind_swaps,
    listed_swaps,
    named,
    partial_swaps,
    place_kind,
    wider_against_narrower,
)
from factcheck.matching.scoring import ClaimScorer
from factcheck.matching.verify import (
    CONTRADICTS,
    RELATED,
    SUPPORTS,
    Check,
    day_off,
    transposition,
    values,
    verify,
)

__all__ = ["CONTRADICTS", "RELATED", "SUPPORTS", "Match", "match_claim"]

FUSION = "weighted"  # or "rrf"
DENSE_WEIGHT = 0.5
# across languages the lexical score sees anchors and names only (ordinary words cannot meet),
# so there meaning weighs more
CROSS_DENSE_WEIGHT = 0.8
Z_FLOOR, Z_CEILING = 1.0, 6.0
SHRINK = 100  # weight of the background, in passages, against the index's own
RRF_K = 60
DENSE_CANDIDATES = 50
EXPLAINED = 30
LEXICAL_CANDIDATES = 200
# Thresholds, calibrated on bench/data/match_eval_v2/dev.jsonl (BENCHMARKS.md): a passage is
# suggested from SUGGESTION_THRESHOLD; it "supports" from SUPPORT_THRESHOLD when no value
# disagrees (and one agrees, if the claim has values): below it an agreeing year or name is
# too little; a contradicting passage is shown from CONTRADICTION_THRESHOLD, lower, since a
# report that got a figure wrong is often worded far from the claim.
SUGGESTION_THRESHOLD = 40.0
SUPPORT_THRESHOLD = 45.0
SUPPORT_WITHOUT_VALUES = 65.0  # nothing to compare: only a passage this close supports
CONTRADICTION_THRESHOLD = 30.0
# a contradicting passage that states a claim figure with two digits swapped ("1.860 batang" /
# "1,680 logs": verify.transposition) is shown from this relevance: the figure got wrong ties
# it to the claim's fact, where a short report's wording does not. Measured on the dev sets
# (BENCHMARKS.md, 2026-12-06 third session): 10 surfaced one plant more for three more flagged
# distractors, 20 two plants fewer; lowering CONTRADICTION_THRESHOLD itself to 10 flagged
# about 1,100 more. A claim's day said as the day before or after it (verify.day_off:
# "Senin, 2 Maret 2026" / "Tuesday, March 3") is shown from it too: on all eleven dev sets
# (2026-12-06, fifth session) 11 plants more for three more flagged distractors.
TRANSPOSED_THRESHOLD = 15.0
# a passage that states one of the claim's figures alike ranks before the merely related
# from this relevance, the floor of a contradicting one (a report worded far from the claim)
FIGURE_THRESHOLD = CONTRADICTION_THRESHOLD
STRONG_THRESHOLD = 70.0
MIN_STRONG_UNITS = 4
# a name or place of the claim replaced by another of the passage is the slot the two fill
# differently when the claim so changed is this much nearer the passage (cosine; calibrated on
# bench/data/match_eval_v2, BENCHMARKS.md)
SWAP_GAIN = 0.02
SWAP_MARGIN = 0.015
# two names this near alone are one name in two languages ("Jawa Barat", "West Java": 0.92;
# two regencies or two people: 0.85-0.89 on bench/data/match_eval_v2)
SAME_NAME_COSINE = 0.9
# a passage must be relevant enough to support the claim for another name in it to
# contradict the claim: a name is weaker evidence of "the same statement" than a figure
SWAP_RELEVANCE = SUPPORT_THRESHOLD


_VALUES = ("year:", "number:", "money:", "percent:", "date:")
Dense = tuple[np.ndarray, np.ndarray]  # a claim's cosines with every passage, and z-scores


@dataclass(frozen=True)
class Match:
    """A passage found for a claim: how relevant (``score``, 0-100), its stance, why (agree),
    what differs (disagree), and where on both sides (``*_spans`` agree, ``*_differ`` differ)."""

    passage_id: str
    score: float
    stance: str
    strength: str
    agree: tuple[str, ...]
    disagree: tuple[str, ...]
    claim_spans: tuple[tuple[int, int], ...]
    passage_spans: tuple[tuple[int, int], ...]
    claim_differ: tuple[tuple[int, int], ...] = ()
    passage_differ: tuple[tuple[int, int], ...] = ()
    named: bool = False  # every place and name of the claim is in the passage


def match_claim(
    index: MatchIndex,
    claim_text: str,
    lang: str | None = None,
    top: int = 5,
    min_score: float | None = None,
    *,
    model: Embedder | None = None,
    exhaustive: bool = False,
) -> list[Match]:
    """The claim's ``top`` most relevant passages at or above ``min_score`` (None:
    SUGGESTION_THRESHOLD), then any further contradicting passages at or above
    CONTRADICTION_THRESHOLD; best first within each group.

    ``model`` embeds the claim when the index has vectors. ``exhaustive`` scores every
    passage (slow; for checking the candidates' recall).
    """
    if not len(index) or not claim_text.strip():
        return []
    lang = lang or identify_language(claim_text)
    scorer = ClaimScorer(index, claim_text, lang)
    dense = _cosines(index, claim_text, model)
    slots = _Slots(index, scorer, dense, model)
    ids = _candidates(index, scorer, dense, exhaustive)
    if not ids:
        return []
    relevance = _relevance(scorer, dense, ids)
    order = sorted(range(len(ids)), key=lambda k: -relevance[k])
    floor = SUGGESTION_THRESHOLD if min_score is None else min_score
    shown, contradictions, seen = [], [], set()
    # verifying costs more than ranking: the most relevant EXPLAINED candidates are enough to
    # fill the list and find the contradictions worth showing
    for k in order[: max(EXPLAINED, 4 * top)]:
        i = ids[k]
        text = " ".join(index.passages[i].text.split()).casefold()
        if text in seen:
            continue  # a headline repeated as a snapshot's first line is shown once
        score = float(relevance[k])
        if len(shown) < top and score >= floor:
            check = slots.check(i, score)
            shown.append((_explain(index, scorer, i, score, check), i, _stated(check, score)))
        elif len(contradictions) < top:
            check = slots.check(i, score)  # only a contradiction is kept: explain it then
            if check.stance != CONTRADICTS:
                continue
            score = max(score, _disputed(scorer, dense, i, check))
            if score < CONTRADICTION_THRESHOLD and not (
                score >= TRANSPOSED_THRESHOLD and _transposition(index, scorer, i, check)
            ):
                continue
            contradictions.append(_explain(index, scorer, i, score, check))
        else:
            continue
        seen.add(text)
    contradictions.sort(key=lambda match: -match.score)
    return _tie_break(scorer, dense, shown) + contradictions


def _transposition(index: MatchIndex, scorer: ClaimScorer, i: int, check: Check) -> bool:
    """Whether the passage gets one of the claim's values wrong the way a report gets that
    very value wrong: a figure with two digits swapped (verify.transposition) or a day off
    (verify.day_off)."""
    passage, anchors = index.passages[i].text, index.anchors(i)
    return transposition(scorer.text, scorer.claim_anchors, passage, anchors, check) or day_off(
        scorer.text, scorer.claim_anchors, passage, anchors, check
    )


def _cosines(index: MatchIndex, claim_text: str, model: Embedder | None) -> Dense | None:
    """(cosines, calibrated z-scores) of the claim with every passage; None without vectors."""
    if index.vectors is None or model is None:
        return None
    query = model.embed_query(claim_text)
    cosines = index.vectors @ query
    return cosines, _standardised(index, cosines, query, model)


def _candidates(
    index: MatchIndex, scorer: ClaimScorer, dense: Dense | None, exhaustive: bool
) -> list[int]:
    if exhaustive:
        return list(range(len(index)))
    ids = index.candidates(scorer.keys, LEXICAL_CANDIDATES)
    if dense is not None:
        near = np.argsort(-dense[1])[:DENSE_CANDIDATES]
        ids = list(dict.fromkeys([*ids, *near.tolist()]))
    return ids


def _relevance(scorer: ClaimScorer, dense: Dense | None, ids: list[int]) -> np.ndarray:
    """Relevance 0-100 of each candidate (see the module docstring)."""
    lexical = np.array([score for score, _ in scorer.score_many(ids)])
    return _fused(scorer, dense, ids, lexical)


def _disputed(scorer: ClaimScorer, dense: Dense | None, i: int, check: Check) -> float:
    """A contradicting passage's relevance with the values in dispute left out of the
    lexical score: a report that got the figure wrong is about the rest of the claim, and the
    wrong figure must not make it look less relevant (a disagreement never lowers the rank)."""
    if dense is not None and FUSION == "rrf":
        return 0.0  # a rank fusion cannot score one passage alone: its relevance stands
    lexical = np.array([scorer.score_apart(i, check.claim_spans)])
    return float(_fused(scorer, dense, [i], lexical)[0])


def _fused(
    scorer: ClaimScorer, dense: Dense | None, ids: list[int], lexical: np.ndarray
) -> np.ndarray:
    """The lexical scores of passages ``ids`` fused with their meaning."""
    if dense is None:
        return lexical
    if FUSION == "rrf":
        return _rrf(lexical, dense[0][ids])
    z = dense[1][ids]
    meaning = np.clip((z - Z_FLOOR) / (Z_CEILING - Z_FLOOR), 0.0, 1.0)
    cross = np.array([scorer.index.profiles[i].lang != scorer.lang for i in ids])
    weight = np.where(cross, CROSS_DENSE_WEIGHT, DENSE_WEIGHT)
    return np.round(100 * weight * meaning + (1 - weight) * lexical, 1)


def _standardised(
    index: MatchIndex, cosines: np.ndarray, query: np.ndarray, model: Embedder
) -> np.ndarray:
    """Each cosine as a z-score among the claim's cosines with the sentences of the passage's
    language: the background's, and the index's own as they grow many (SHRINK)."""
    reference = {lang: vectors @ query for lang, vectors in background(model).items()}
    pooled = np.concatenate(list(reference.values()))
    out = np.empty_like(cosines)
    for lang, group in index.language_groups().items():
        prior = reference.get(lang, pooled)
        found, n = cosines[group], len(group)
        mean = (found.sum() + SHRINK * prior.mean()) / (n + SHRINK)
        var = (((found - mean) ** 2).sum() + SHRINK * prior.var()) / (n + SHRINK)
        out[group] = (found - mean) / max(float(np.sqrt(var)), 1e-3)
    return out


def _rrf(lexical: np.ndarray, cosine: np.ndarray) -> np.ndarray:
    """Reciprocal-rank fusion, scaled so that first in both rankings is 100."""
    ranks = []
    for scores in (lexical, cosine):
        order = np.argsort(-scores, kind="stable")
        rank = np.empty(len(scores))
        rank[order] = np.arange(1, len(scores) + 1)
        ranks.append(rank)
    fused = sum(1.0 / (RRF_K + r) for r in ranks)
    return np.round(100 * fused / (2.0 / (RRF_K + 1)), 1)


class _Slots:
    """Verification of one claim against passages: its values (factcheck.matching.verify),
    then its names and places (factcheck.matching.names).

    A passage whose values agree (or say nothing) but which puts another name or place in
    the claim's slot contradicts the claim ("Manado" for "Makassar"). A candidate swap counts
    only when meaning confirms it (SWAP_GAIN), so a report that omits the claim's province
    and names an official in passing does not, nor does a name translated (SAME_NAME_COSINE);
    it is looked for only in passages relevant enough to support the claim (SWAP_RELEVANCE).
    A claim's name said with one part different ("PT Sinar Hunian Abadi" / "PT Cahaya Hunian
    Abadi") needs no meaning test and is looked for from CONTRADICTION_THRESHOLD; so does a
    candidate swap whose two names stand in lists sharing another member ("Cianjur,
    Sukabumi, dan Bogor" / "Cianjur, Sukabumi and Garut").
    A passage that puts another known country (CLDR, the glossary) in the claim's slot
    without meaning confirming it as the same statement does not support the claim either:
    it is about that other country ("Uzbekistan and Israel ... 1992" against a claim about
    Astana and Jerusalem), merely related.
    """

    def __init__(
        self, index: MatchIndex, scorer: ClaimScorer, dense: Dense | None, model: Embedder | None
    ) -> None:
        self.index, self.scorer, self.dense, self.model = index, scorer, dense, model
        self._names = self._all_names = None

    def check(self, i: int, relevance: float) -> Check:
        """The stance of passage number ``i`` (of ``relevance``) with its reasons."""
        index, scorer = self.index, self.scorer
        check = verify(
            scorer.text,
            scorer.claim_anchors,
            index.passages[i].text,
            index.anchors(i),
            ranks=relevance >= SWAP_RELEVANCE,  # a rank, as a name, is said of many things
            lone=relevance >= SWAP_RELEVANCE,  # a lone share of one word, whatever its size
            # a two-digit count's digits swapped: the figure got wrong, in a passage shown
            transposed=relevance >= SUGGESTION_THRESHOLD,
        )
        if check.stance == CONTRADICTS or check.unconfirmed:
            return check
        swap = None
        if relevance >= CONTRADICTION_THRESHOLD:  # the passage's names read once for all three
            swap = self._partial(i, relevance)
            if swap is None:
                swaps, theirs = self._candidates(i)
                swap = self._listed(i, swaps, theirs) if swaps else None
                if swap is None and swaps:
                    swap = self._of_one_kind(i, swaps)
                if swap is None and swaps and relevance >= SWAP_RELEVANCE:
                    swap = self._confirmed(i, swaps)
                if swap is None and relevance >= SWAP_RELEVANCE:
                    swap = self._of_two_kinds(i)
        if swap is not None and self._within(i, swap):
            swap = None  # "Jawa Tengah" / "Kabupaten Kudus": the town may lie in the province
        if swap is not None:
            span = (swap.claim.start, swap.claim.end), (swap.passage.start, swap.passage.end)
            return Check(CONTRADICTS, check.agree, (swap.reason(),), (span[0],), (span[1],))
        if relevance < SWAP_RELEVANCE:
            return check
        if check.stance == SUPPORTS and self._other_places(i):
            return Check(RELATED, check.agree, unconfirmed=("place",))
        return check

    def _within(self, i: int, swap: Swap) -> bool:
        """Whether a swap puts a province or a country against a town or another narrower
        place (factcheck.matching.names.wider_against_narrower): not a disagreement."""
        return wider_against_narrower(*self._pair(i, swap))

    def _pair(self, i: int, swap: Swap) -> tuple:
        """The claim's text and name, passage number ``i``'s text and name, and their two
        languages: what the rules on a pair of places ask."""
        passage, lang = self.index.passages[i], self.index.profiles[i].lang
        return self.scorer.text, swap.claim, passage.text, swap.passage, self.scorer.lang, lang

    def _other_places(self, i: int) -> bool:
        """Whether the claim and the passage both name known places (CLDR, the glossary) and
        share none: the passage is about other countries."""
        mine = {a.value for a in self.scorer.claim_anchors if a.kind == "place"}
        theirs = {a.value for a in self.index.anchors(i) if a.kind == "place"}
        return bool(mine and theirs) and not mine & theirs

    def _candidates(self, i: int) -> tuple[list[Swap], list[Anchor]]:
        """The candidate swaps of passage number ``i`` (factcheck.matching.names), with the
        passage's names they were found among."""
        if self._names is None:
            self._names = named(self.scorer.text, self.scorer.lang, self.index.glossary_path)
        if not self._names or _another_time(self.scorer.claim_anchors, self.index.anchors(i)):
            return [], []
        passage, lang = self.index.passages[i], self.index.profiles[i].lang
        theirs = named(passage.text, lang, self.index.glossary_path)
        swaps = candidate_swaps(
            self.scorer.text, self.scorer.lang, self._names, passage.text, lang, theirs
        )
        return [s for s in swaps if not s.roles or self._one_slot(i, s)], theirs

    def _one_slot(self, i: int, swap: Swap) -> bool:
        """Whether the two places of a swap found by their roles alone fill one slot: they
        hang on one word (``_same_head``), or are said as places of one kind
        (factcheck.matching.names.place_kind: "Kabupaten Bone" / "Wajo regency", "Kota
        Surabaya" / "Malang city"), or one is said bare and the other as a town
        (factcheck.matching.names.bare_against_town: "di Bantul" / "di Kabupaten Sleman"),
        or both are countries after a locative of one sense
        (factcheck.matching.names.countries_of_one_sense: "ke Filipina" / "to Vietnam"); the
        last two only a passage relevant enough to support the claim is asked for
        (``_confirmed``, SWAP_RELEVANCE)."""
        return (
            self._same_head(i, swap)
            or self._one_kind(i, swap)
            or bare_against_town(*self._pair(i, swap))
            or countries_of_one_sense(*self._pair(i, swap)[:4])
        )

    def _of_one_kind(self, i: int, swaps: list[Swap]) -> Swap | None:
        """A candidate swap of two places said as places of one kind, found beside a name
        the two texts share ("Pondok Pesantren Darul Falah, Kabupaten Pasuruan" / "the Darul
        Falah boarding school in Sidoarjo regency") or by their roles alone ("berasal dari
        Kabupaten Sungai Rawa" / "comes from Bukit Hijau regency"): the kind ties the two to
        one slot, so no meaning is asked, and a passage relevant enough to be shown as
        contradicting (CONTRADICTION_THRESHOLD) is enough, as for a listed name. A regency
        against its province, or a place said bare, is no such swap.
        Without embeddings (an index built without vectors) no such swap is held against the
        claim, as none confirmed by meaning is: relevance is then the words' alone."""
        if self.dense is None:
            return None
        return next((s for s in swaps if self._one_kind(i, s)), None)

    def _of_two_kinds(self, i: int) -> Swap | None:
        """A name of the claim said in passage number ``i`` as a place of another kind
        (factcheck.matching.names.kind_swaps: "Kota Semarang" / "Semarang regency"), from
        SWAP_RELEVANCE. None when the passage names another year."""
        if _another_time(self.scorer.claim_anchors, self.index.anchors(i)):
            return None
        if self._all_names is None:
            self._all_names = named(
                self.scorer.text, self.scorer.lang, self.index.glossary_path, crowded=True
            )
        passage, lang = self.index.passages[i], self.index.profiles[i].lang
        theirs = named(passage.text, lang, self.index.glossary_path, crowded=True)
        found = kind_swaps(self.scorer.text, self._all_names, passage.text, theirs)
        return found[0] if found else None

    def _other_kinds(self, i: int, swap: Swap) -> bool:
        """Whether the two places of a swap are said as places of two kinds ("Kabupaten
        Sungai Rawa" / "East Java province"): a report naming the wider place."""
        mine = place_kind(self.scorer.text, swap.claim)
        theirs = place_kind(self.index.passages[i].text, swap.passage)
        return None not in (mine, theirs) and mine != theirs

    def _one_kind(self, i: int, swap: Swap) -> bool:
        """Whether the two places of a swap are said as places of one kind
        (factcheck.matching.names.place_kind: "Kabupaten Bone" / "Wajo regency")."""
        kind = place_kind(self.scorer.text, swap.claim)
        return kind is not None and kind == place_kind(self.index.passages[i].text, swap.passage)

    def _same_head(self, i: int, swap: Swap) -> bool:
        """Whether the two names of a swap found by their roles alone hang on one word
        (factcheck.matching.names.head_word): spelt alike, or in two languages near in
        meaning by SAME_NAME_COSINE ("vila di Kabupaten Badung" / "villas in Gianyar
        regency"; not "polio di Teluk Damar" / "a laboratory in Jakarta", 0.88)."""
        passage, lang = self.index.passages[i], self.index.profiles[i].lang
        mine = head_word(self.scorer.text, self.scorer.lang, swap.claim)
        theirs = head_word(passage.text, lang, swap.passage)
        if mine is None or theirs is None:
            return False
        if spelt_alike(mine, theirs):
            return True
        if self.model is None or lang == self.scorer.lang:
            return False
        pair = self.model.embed_passages([mine, theirs])
        return float(pair[0] @ pair[1]) >= SAME_NAME_COSINE

    def _listed(self, i: int, swaps: list[Swap], theirs: list[Anchor]) -> Swap | None:
        """A candidate swap whose two names stand in lists sharing another member
        (factcheck.matching.names.listed_swaps): no meaning is asked."""
        passage = self.index.passages[i]
        found = listed_swaps(self.scorer.text, self._names, passage.text, theirs, swaps)
        return found[0] if found else None

    def _partial(self, i: int, relevance: float) -> Swap | None:
        """A name of the claim said in passage number ``i`` with one part different
        (factcheck.matching.names.partial_swaps): the shared words tie the two to one slot,
        so no meaning is asked, and a passage relevant enough to be shown as contradicting
        (CONTRADICTION_THRESHOLD) is enough; a name of two words sharing only its first
        ("Dimas Prasetyo" / "Dimas Pratama") is tied less, and needs SWAP_RELEVANCE, as a
        swap of whole names does. When the passage names another year, only a name with one
        word respelt ("Syamsul Bahri" / "Syamsul Bahrie"): another year may be another
        event, whose names are not the claim's to contradict, but a name spelt all but alike
        is the claim's person, whatever else the passage dates."""
        another_time = _another_time(self.scorer.claim_anchors, self.index.anchors(i))
        text, lang = self.scorer.text, self.scorer.lang
        passage, their_lang = self.index.passages[i], self.index.profiles[i].lang
        glossary = self.index.glossary_path
        if self._all_names is None:
            self._all_names = named(text, lang, glossary, crowded=True)
        if not self._all_names:
            return None
        found = partial_swaps(
            text,
            lang,
            self._all_names,
            passage.text,
            their_lang,
            named(passage.text, their_lang, glossary, crowded=True),
            surnames=relevance >= SWAP_RELEVANCE,
            respelt_only=another_time,
        )
        return found[0] if found else None

    def _confirmed(self, i: int, swaps: list[Swap]) -> Swap | None:
        """The candidate swap meaning confirms best, if any does: the claim with the passage's
        name in place of its own must be nearer the passage by SWAP_GAIN, and by SWAP_MARGIN
        more than the claim without its name (leaving out a name the passage does not have
        brings any claim nearer; putting the right one in brings it nearer still). Swaps found
        by their roles (no name shared) have their slot tied by their word already
        (``_same_head``) and are not asked: meaning cannot tell another place in the slot
        from a place said in passing, and two countries CLDR tells apart are not one name
        ("Indonesia", "Malaysia": 0.92)."""
        if self.dense is None or self.model is None:
            return None
        if swaps[0].roles:  # candidate_swaps gives swaps of one sort
            swap = swaps[0]
            if swap.claim.kind == swap.passage.kind == "place":
                return swap
        else:
            swaps = [s for s in swaps if not self._other_kinds(i, s)]
            if not swaps:
                return None
            text = self.scorer.text
            changed = [s.replaced(text) for s in swaps] + [s.removed(text) for s in swaps]
            gains = self.model.embed_passages(changed) @ self.index.vectors[i] - self.dense[0][i]
            replaced, removed = gains[: len(swaps)], gains[len(swaps) :]
            margin = np.where(replaced >= SWAP_GAIN, replaced - removed, -1.0)
            best = int(np.argmax(margin))
            if margin[best] < SWAP_MARGIN:
                return None
            swap = swaps[best]
        if self.index.profiles[i].lang != self.scorer.lang:  # "Gedung Putih" is "White House"
            names = self.model.embed_passages([swap.claim.text, swap.passage.text])
            if float(names[0] @ names[1]) >= SAME_NAME_COSINE:
                return None
        return swap


def _another_time(claim: list, passage: list) -> bool:
    """Whether the passage names a year the claim does not: it may be another event (last
    year's budget, the 2023 summit), whose names are not the claim's to contradict."""
    years = {key for a in claim for key in facets(a) if key.startswith("year:")}
    return any(key.startswith("year:") and key not in years for a in passage for key in facets(a))


def _explain(
    index: MatchIndex, scorer: ClaimScorer, i: int, relevance: float, check: Check
) -> Match:
    passage = index.passages[i]
    agree, named, claim_spans, passage_spans = scorer.details(i)
    stance = check.stance
    if stance == RELATED and not values(scorer.text, scorer.claim_anchors):
        stance = SUPPORTS if relevance >= SUPPORT_WITHOUT_VALUES else RELATED
    if stance == SUPPORTS and relevance < SUPPORT_THRESHOLD:
        stance = RELATED
    strong = (
        stance == SUPPORTS
        and relevance >= STRONG_THRESHOLD
        and named
        and scorer.size >= MIN_STRONG_UNITS
    )
    return Match(
        passage.id,
        round(relevance, 1),
        stance,
        "strong" if strong else "suggestion",
        # values as verification read them ("number: lima"), the rest as the index found them
        tuple(dict.fromkeys([*check.agree, *(a for a in agree if not a.startswith(_VALUES))])),
        check.disagree,
        tuple(claim_spans),
        passage_spans,
        check.claim_spans,
        check.passage_spans,
        named,
    )


def _stated(check: Check, relevance: float) -> bool:
    """Whether a passage not contradicting the claim states one of its figures alike (a
    number, an amount, a percentage, a date: a year alone is too common) and is relevant
    from FIGURE_THRESHOLD."""
    return (
        check.stance != CONTRADICTS
        and relevance >= FIGURE_THRESHOLD
        and any(not reason.startswith("year:") for reason in check.agree)
    )


def _tie_break(
    scorer: ClaimScorer, dense: Dense | None, shown: list[tuple[Match, int, bool]]
) -> list[Match]:
    """Passages that support first (a passage that states the claim's figures is better
    evidence than one merely about the same event), then the passages that state one of the
    claim's figures alike but are too far in wording to be called support (``_stated``), then
    the rest; each group by relevance; equal relevance: the more focused passage first, then
    the nearer meaning."""

    def key(found: tuple[Match, int, bool]) -> tuple:
        match, i, stated = found
        near = float(dense[1][i]) if dense is not None else 0.0
        return (match.stance != SUPPORTS, not stated, -match.score, -scorer.focus(i), -near)

    return [match for match, _, _ in sorted(shown, key=key)]
