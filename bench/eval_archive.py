"""Evaluate "has this been checked before?" on bench/data/archive_eval: the archive's search
(calibrated closeness + differing values + the same-claim threshold), embeddings alone and
bm25s, in one run.

    python bench/eval_archive.py                # dev only (tune on it)
    python bench/eval_archive.py --heldout      # dev and, once, the held-out set

For each method and set:
- R@1 / R@5 / MRR (first ``same`` check; MRR 0 beyond rank 10) on paraphrase and
  translation queries, and each category apart;
- same-claim offered right: paraphrase/translation queries whose first "same claim"
  suggestion is a check of the same claim;
- look-alikes offered as same: different_number/different_year queries where a planted
  ``related`` check is offered as the same claim (must be 0);
- no same-claim suggestion: share of none (and same_topic, different_*) queries left
  without any "same claim" suggestion (target >= 90% for none).

Embeddings alone and bm25s have no notion of "same claim": each offers its first result as
the same claim from a threshold chosen on dev (the lowest that leaves >= 90% of dev's "none"
queries without a suggestion), applied unchanged to held-out.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import bm25s
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.archive import similar  # noqa: E402
from factcheck.language.vocabulary import STOPWORDS  # noqa: E402
from factcheck.matching.embedding import embedder  # noqa: E402

DATA = ROOT / "bench" / "data" / "archive_eval"
DEPTH = 10
TOP = 5
MATCHES = ("paraphrase", "translation")
NEGATIVES = ("none", "same_topic", "different_number", "different_year")


def load(name: str) -> tuple[list[dict], list[dict]]:
    rows = [json.loads(line) for line in (DATA / f"{name}.jsonl").open(encoding="utf-8")]
    return [r for r in rows if r["type"] == "check"], [r for r in rows if r["type"] == "query"]


def embed(model, checks, queries):
    passages = model.embed_passages([c["text"] for c in checks])
    asked = np.stack([model.embed_question(q["text"]) for q in queries])
    stored = model.embed_passages([q["text"] for q in queries])
    return passages, asked, stored


def archive_method(model, checks, queries, passages, asked, stored=False):
    """Ranked check ids and the ids offered as the same claim, per query (the product):
    free text (``embed_question``: factcheck similar, /api/similar) or a claim's stored vector
    (the claim page, repeats; ``stored``)."""
    out = []
    for q, vector in zip(queries, asked, strict=True):
        cosines = passages @ vector
        best = np.argsort(-cosines)[: similar.CANDIDATES]
        found = [_candidate(checks[i], float(cosines[i])) for i in best]
        query = similar.Query(q["text"], q["lang"], vector, stored=stored)
        judged = similar.rank_and_judge(model, query, found, DEPTH)
        ranked = [c.url for c in judged]  # the check id travels as url
        out.append((ranked, [c.url for c in judged if c.same]))
    return out


def _candidate(check: dict, cosine: float) -> similar.EarlierCheck:
    return similar.EarlierCheck(
        kind="reference",
        id=0,
        text=check["text"],
        verdict=check["rating"],
        publisher=check["publisher"],
        date=check["date"],
        language=check["lang"],
        url=check["id"],
        closeness=0.0,
        same=False,
        cosine=cosine,
    )


def scored_method(scores: np.ndarray, checks, threshold: float):
    ids = [c["id"] for c in checks]
    out = []
    for row in scores:
        order = np.argsort(-row)[:DEPTH]
        ranked = [ids[i] for i in order]
        out.append((ranked, ranked[:1] if row[order[0]] >= threshold else []))
    return out


def bm25_scores(checks, queries) -> np.ndarray:
    stop = sorted({w for words in STOPWORDS.values() for w in words})
    retriever = bm25s.BM25()
    retriever.index(
        bm25s.tokenize([c["text"] for c in checks], stopwords=stop, show_progress=False),
        show_progress=False,
    )
    tokens = bm25s.tokenize([q["text"] for q in queries], stopwords=stop, show_progress=False)
    docs, scores = retriever.retrieve(tokens, k=len(checks), show_progress=False)
    out = np.zeros((len(queries), len(checks)), dtype=np.float32)
    for row, (d, s) in enumerate(zip(docs, scores, strict=True)):
        out[row, d] = s
    return out


def dev_threshold(scores: np.ndarray, queries) -> float:
    """The lowest top-score threshold leaving >= 90% of "none" queries without a suggestion."""
    tops = sorted(scores[i].max() for i, q in enumerate(queries) if q["category"] == "none")
    return float(tops[int(np.ceil(0.9 * len(tops))) - 1]) + 1e-6


def report(name: str, queries, results) -> dict:
    by_cat: dict[str, list] = {}
    for q, (ranked, same) in zip(queries, results, strict=True):
        by_cat.setdefault(q["category"], []).append((q, ranked, same))
    line = {}
    matches = [r for cat in MATCHES for r in by_cat.get(cat, [])]
    for label, rows in [("match", matches)] + [(c, by_cat.get(c, [])) for c in MATCHES]:
        ranks = [_rank(q, ranked) for q, ranked, _ in rows]
        line[f"{label} R@1"] = np.mean([r == 1 for r in ranks])
        line[f"{label} R@5"] = np.mean([r is not None and r <= 5 for r in ranks])
        line[f"{label} MRR"] = np.mean([1 / r if r else 0.0 for r in ranks])
    line["same offered right"] = np.mean([bool(s) and s[0] in q["same"] for q, _, s in matches])
    wrong = [q for cat in ("different_number", "different_year") for q, _, s in by_cat.get(cat, [])
             if set(s) & set(q["related"])]  # fmt: skip
    line["look-alikes offered as same"] = len(wrong)
    for cat in NEGATIVES:
        rows = by_cat.get(cat, [])
        line[f"{cat}: no same suggestion"] = np.mean([not s for _, _, s in rows]) if rows else None
    return line


def _rank(q, ranked) -> int | None:
    for i, check in enumerate(ranked[:DEPTH], start=1):
        if check in q["same"]:
            return i
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--heldout", action="store_true", help="also run the held-out set (once)")
    args = parser.parse_args()
    print("command: python bench/eval_archive.py" + (" --heldout" if args.heldout else ""))
    print(f"cores: {os.cpu_count()}")
    model = embedder()
    thresholds = {}
    for part in ("dev", "heldout") if args.heldout else ("dev",):
        started = time.perf_counter()
        checks, queries = load(part)
        passages, asked, stored = embed(model, checks, queries)
        cosines = asked @ passages.T
        lexical = bm25_scores(checks, queries)
        if part == "dev":
            thresholds = {"embeddings": dev_threshold(cosines, queries),
                          "bm25s": dev_threshold(lexical, queries)}  # fmt: skip
        methods = {
            "archive, free text": archive_method(model, checks, queries, passages, asked),
            "archive, stored claim": archive_method(
                model, checks, queries, passages, stored, stored=True
            ),
            "embeddings alone": scored_method(cosines, checks, thresholds["embeddings"]),
            "bm25s": scored_method(lexical, checks, thresholds["bm25s"]),
        }
        print(f"\n## {part}: {len(checks)} checks, {len(queries)} queries "
              f"({time.perf_counter() - started:.0f} s)")  # fmt: skip
        lines = {name: report(name, queries, result) for name, result in methods.items()}
        keys = list(next(iter(lines.values())))
        print("| metric | " + " | ".join(lines) + " |")
        print("|---|" + "---|" * len(lines))
        for key in keys:
            cells = [_cell(lines[name][key]) for name in lines]
            print(f"| {key} | " + " | ".join(cells) + " |")
    print(f"\nthresholds from dev: embeddings cosine {thresholds['embeddings']:.3f}, "
          f"bm25s {thresholds['bm25s']:.2f}; archive SAME_SCORE {similar.SAME_SCORE}, "
          f"SAME_SCORE_STORED {similar.SAME_SCORE_STORED}")  # fmt: skip


def _cell(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, int | np.integer):
        return str(value)
    return f"{value:.2f}"


if __name__ == "__main__":
    main()
