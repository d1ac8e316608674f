"""Recall and precision of factcheck.articles.extract against tests/data/extract/gold.yaml.

Usage:  python bench/eval_extract.py [--threshold 0.5]

A proposal "counts" when kind == "fact" and score >= threshold. Recall is the share
of gold claims found (each proposal can satisfy one gold claim only, so a merged
compound sentence does not count twice); precision is the share of counted
proposals that match a gold or acceptable claim and contain no opinion phrase.
The baseline from the same run proposes every sentence as one fact claim.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.articles.extract import extract_claims  # noqa: E402
from factcheck.language.sentences import split_sentences  # noqa: E402

DATA = ROOT / "tests" / "data" / "extract"


@dataclass
class Score:
    """Counts for one article, or summed over several."""

    gold: int = 0
    found: int = 0
    proposed: int = 0
    correct: int = 0
    opinion_leaks: int = 0

    def add(self, other: Score) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.proposed if self.proposed else 1.0


def load_gold() -> list[dict]:
    """Gold entries, each with the article body added under "text"."""
    entries = yaml.safe_load((DATA / "gold.yaml").read_text(encoding="utf-8"))["articles"]
    for entry in entries:
        lines = (DATA / entry["file"]).read_text(encoding="utf-8").splitlines()
        first, last = entry.get("body", [1, len(lines)])
        entry["text"] = "\n".join(lines[first - 1 : last])
    return entries


def score_texts(entry: dict, texts: list[str]) -> Score:
    """Score the proposed fact-claim *texts* for one gold *entry*."""

    def has(text: str, keys: list[str]) -> bool:
        return all(k in text for k in keys)

    used: set[int] = set()
    for keys in entry["claims"]:
        hit = next((i for i, t in enumerate(texts) if i not in used and has(t, keys)), None)
        if hit is not None:
            used.add(hit)
    leaks = {i for i, t in enumerate(texts) if any(o in t for o in entry["opinions"])}
    fine = used | {
        i
        for i, t in enumerate(texts)
        if any(has(t, keys) for keys in entry.get("acceptable") or [])
    }
    return Score(
        gold=len(entry["claims"]),
        found=len(used),
        proposed=len(texts),
        correct=len(fine - leaks),
        opinion_leaks=len(leaks),
    )


def evaluate(entry: dict, threshold: float = 0.5) -> Score:
    """Run the extractor on one gold entry and score its fact proposals."""
    claims = extract_claims(entry["text"], entry["language"])
    facts = [c.text for c in claims if c.kind == "fact" and c.score >= threshold]
    return score_texts(entry, facts)


def evaluate_baseline(entry: dict) -> Score:
    """Every sentence proposed as one fact: what segmentation alone achieves."""
    sentences = split_sentences(entry["text"], entry["language"])
    return score_texts(entry, [s.text for s in sentences])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=0.5)
    args = parser.parse_args()
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    print("cores:", os.cpu_count())
    total, base_total = Score(), Score()
    started = time.perf_counter()
    print(f"{'article':42} {'recall':>7} {'prec':>6} {'leaks':>5}   baseline r/p")
    for entry in load_gold():
        score, base = evaluate(entry, args.threshold), evaluate_baseline(entry)
        total.add(score)
        base_total.add(base)
        print(
            f"{entry['file']:42} {score.recall:7.2f} {score.precision:6.2f} "
            f"{score.opinion_leaks:5d}   {base.recall:.2f}/{base.precision:.2f}"
        )
    elapsed = time.perf_counter() - started
    print(
        f"{'overall':42} {total.recall:7.2f} {total.precision:6.2f} {total.opinion_leaks:5d}"
        f"   {base_total.recall:.2f}/{base_total.precision:.2f}"
    )
    print(
        f"gold claims {total.gold}, found {total.found}; proposed facts {total.proposed}, "
        f"correct {total.correct}"
    )
    print(
        f"ratio vs baseline: recall x{total.recall / max(base_total.recall, 1e-9):.2f}, "
        f"precision x{total.precision / max(base_total.precision, 1e-9):.2f}"
    )
    print(f"time: {elapsed * 1000:.0f} ms for both runs")


if __name__ == "__main__":
    main()
