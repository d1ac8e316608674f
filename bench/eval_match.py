"""Evaluate claim-to-passage matching: factcheck.matching.index against BM25 and plain WRatio.

    python bench/eval_match.py [--data bench/data/match_eval.jsonl]

The data file holds passages ({"type": "passage", "id", "lang", "text", "source"?}) and claims
({"type": "claim", "id", "lang", "text", "gold": [passage ids]}); a claim with no gold has no
support in the passages. Every method ranks all passages for every claim; we report, separately
for cross-language support (gold passages in the other language) and same-language support:

- recall@1 / recall@5: share of claims with a supporting passage among the first 1 / 5;
- MRR@10: mean of 1 / rank of the first supporting passage (0 beyond rank 10);
- no-support FP: share of unsupported claims that still get a passage above the threshold.
  The matcher uses its SUGGESTION_THRESHOLD; each baseline gets the threshold at which it
  keeps as many supported claims (top-1 score at or above it) as the matcher does.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import bm25s
from rapidfuzz import fuzz, process, utils

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factcheck.language.vocabulary import STOPWORDS  # noqa: E402
from factcheck.matching.index import SUGGESTION_THRESHOLD, MatchIndex
from factcheck.matching.scoring import match_claim
from factcheck.sources.passages import Passage

DEFAULT_DATA = Path(__file__).with_name("data") / "match_eval.jsonl"
DEPTH = 10
STRONG: dict[str, list[str]] = {}  # claim id -> passages the matcher calls strong


def load(path: Path) -> tuple[list[dict], list[dict]]:
    """Passages and claims of an evaluation file."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if r["type"] == "passage"], [r for r in rows if r["type"] == "claim"]


def rank_matcher(passages: list[dict], claims: list[dict], exhaustive: bool = False):
    """Ranked passage ids and top scores per claim, from factcheck.matching.index."""
    index = MatchIndex.build(
        Passage(p["id"], p["text"], p.get("lang"), p.get("source")) for p in passages
    )
    out = {}
    for claim in claims:
        found = match_claim(index, claim["text"], claim["lang"], DEPTH, 0.0, exhaustive=exhaustive)
        out[claim["id"]] = ([m.passage_id for m in found], found[0].score if found else 0.0)
        STRONG[claim["id"]] = [m.passage_id for m in found if m.strength == "strong"]
    return out


def rank_bm25(passages: list[dict], claims: list[dict]):
    """Ranked passage ids and top scores per claim, from bm25s (id + en stopwords)."""
    stop = sorted(STOPWORDS["id"] | STOPWORDS["en"])
    retriever = bm25s.BM25()
    retriever.index(
        bm25s.tokenize([p["text"] for p in passages], stopwords=stop, show_progress=False),
        show_progress=False,
    )
    queries = bm25s.tokenize([c["text"] for c in claims], stopwords=stop, show_progress=False)
    docs, scores = retriever.retrieve(queries, k=DEPTH, show_progress=False)
    return {
        c["id"]: ([passages[j]["id"] for j in docs[i]], float(scores[i][0]))
        for i, c in enumerate(claims)
    }


def rank_wratio(passages: list[dict], claims: list[dict]):
    """Ranked passage ids and top scores per claim, from rapidfuzz WRatio on raw text."""
    texts = [p["text"] for p in passages]
    out = {}
    for claim in claims:
        found = process.extract(
            claim["text"], texts, scorer=fuzz.WRatio, processor=utils.default_process, limit=DEPTH
        )
        out[claim["id"]] = ([passages[j]["id"] for _, _, j in found], found[0][1])
    return out


def metrics(ranked: dict, claims: list[dict], lang_of: dict[str, str], cross: bool) -> dict:
    """recall@1, recall@5 and MRR@10 over claims with gold in the other (or same) language."""
    hits1 = hits5 = rr = n = 0
    for claim in claims:
        gold = {g for g in claim["gold"] if (lang_of[g] != claim["lang"]) == cross}
        if not gold:
            continue
        n += 1
        # support in the other group is neither a hit nor a miss here: leave it out
        ids = [i for i in ranked[claim["id"]][0] if i in gold or i not in claim["gold"]]
        rank = next((r for r, pid in enumerate(ids, 1) if pid in gold), None)
        hits1 += rank == 1
        hits5 += rank is not None and rank <= 5
        rr += 1 / rank if rank else 0
    return {"n": n, "r@1": hits1 / n, "r@5": hits5 / n, "mrr": rr / n}


def false_positive_rate(ranked: dict, claims: list[dict], threshold: float | None) -> tuple:
    """Share of unsupported claims above threshold; None = match the matcher's coverage."""
    supported = sorted((ranked[c["id"]][1] for c in claims if c["gold"]), reverse=True)
    if threshold is None:
        threshold = supported[min(len(supported) - 1, _MATCHER_KEPT[0] - 1)]
    kept = sum(s >= threshold for s in supported)
    unsupported = [ranked[c["id"]][1] for c in claims if not c["gold"]]
    return sum(s >= threshold for s in unsupported) / len(unsupported), kept, threshold


_MATCHER_KEPT = [0]


def main() -> None:
    """Run all methods on the evaluation file and print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    passages, claims = load(args.data)
    lang_of = {p["id"]: p["lang"] for p in passages}
    print(f"$ python {' '.join(sys.argv)}   ({os.cpu_count()} cores)")
    print(
        f"{len(claims)} claims ({sum(not c['gold'] for c in claims)} without support), "
        f"{len(passages)} passages"
    )
    methods = [
        ("factcheck.matching.index", lambda: rank_matcher(passages, claims)),
        ("  (exhaustive)", lambda: rank_matcher(passages, claims, exhaustive=True)),
        ("bm25s", lambda: rank_bm25(passages, claims)),
        ("WRatio raw", lambda: rank_wratio(passages, claims)),
    ]
    print(
        f"{'method':17} {'cross-lingual r@1 r@5 MRR':>27} {'same-language r@1 r@5 MRR':>27}"
        f" {'no-support FP':>14} {'threshold':>10} {'time':>6}"
    )
    for name, run in methods:
        start = time.perf_counter()
        ranked = run()
        elapsed = time.perf_counter() - start
        cells = []
        for cross in (True, False):
            m = metrics(ranked, claims, lang_of, cross)
            cells.append(f"(n={m['n']}) {m['r@1']:.2f} {m['r@5']:.2f} {m['mrr']:.2f}")
        mine = name != "bm25s" and name != "WRatio raw"
        fp, kept, threshold = false_positive_rate(
            ranked, claims, SUGGESTION_THRESHOLD if mine else None
        )
        if name == "factcheck.matching.index":
            _MATCHER_KEPT[0] = kept
        print(
            f"{name:17} {cells[0]:>27} {cells[1]:>27} {fp:>14.2f} {threshold:>10.1f}"
            f" {elapsed:>5.1f}s"
        )
    print(f"supported claims with a top-1 score at or above the threshold: {_MATCHER_KEPT[0]}")
    report_strong(claims)


def report_strong(claims: list[dict]) -> None:
    """How often the matcher's "strong" matches are right, and unsupported claims get one."""
    strong = [(c, STRONG[c["id"]]) for c in claims if STRONG[c["id"]]]
    right = sum(all(p in c["gold"] for p in found) for c, found in strong)
    unsupported = [c for c in claims if not c["gold"]]
    wrong = sum(bool(STRONG[c["id"]]) for c in unsupported)
    print(
        f"strong matches: {sum(len(f) for _, f in strong)} for {len(strong)} claims; "
        f"claims whose strong matches are all supporting: {right}/{len(strong)}; "
        f"unsupported claims with a strong match: {wrong}/{len(unsupported)}"
    )


if __name__ == "__main__":
    main()
