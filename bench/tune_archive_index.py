"""Recall against latency against build time of the archive's approximate index, by its
HNSW settings, side by side with exact search (the baseline) in one run.

    python bench/tune_archive_index.py [--size 100000] [--connectivity 16,32]
        [--expansion-add 64,128] [--expansion-search 64,128,256,512] [--queries 200]
        [--runs 3]

For each (connectivity, expansion on add) the index is built once (wall and CPU seconds);
for each expansion on search the same queries are searched --runs times (median and p99
per run; min / median / max of the runs' medians printed). Recall@10: the first 10 of the
k = 100 candidates the archive asks for, against exact search's first 10; recall@100:
all 100 against exact's 100 (what the archive re-ranks). The vectors are derived from
the bundled model's real passage vectors as in bench/bench_archive.py (its docstring says
how and why); the queries are archived vectors plus the same noise.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # bench_archive.py says why

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_archive import DIM, build, derived, queries, real_vectors  # noqa: E402

from factcheck.archive.vectorindex import ApproximateIndex, ExactIndex  # noqa: E402

K = 100


def searched(index, asked: np.ndarray, runs: int):
    """Each run's median and p99 in ms, its CPU ms a search (the run's CPU time over its
    searches: a loaded machine's wall times wander), and the labels found (last run)."""
    medians, p99s, cpus = [], [], []
    for _ in range(runs):
        times, found = [], []
        cpu = time.process_time()
        for vector in asked:
            started = time.perf_counter()
            labels, _ = index.search(vector, K)
            times.append(time.perf_counter() - started)
            found.append(labels)
        cpus.append((time.process_time() - cpu) * 1000 / len(asked))
        ms = np.array(times) * 1000
        medians.append(float(np.median(ms)))
        p99s.append(float(np.percentile(ms, 99)))
    return medians, p99s, cpus, found


def recall(found, exact, top: int) -> float:
    pairs = zip(found, exact, strict=True)
    return float(np.mean([len(set(a[:top]) & set(b[:top])) / top for a, b in pairs]))


def spread(values: list[float]) -> str:
    return f"{min(values):.2f} / {float(np.median(values)):.2f} / {max(values):.2f}"


def integers(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--connectivity", default="16,32")
    parser.add_argument("--expansion-add", default="64,128")
    parser.add_argument("--expansion-search", default="64,128,256,512")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--noise", type=float, default=0.02)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print("command: python bench/tune_archive_index.py " + " ".join(sys.argv[1:]))
    print(f"cores: {os.cpu_count()}, load average at start: {os.getloadavg()[0]:.2f}")

    base = real_vectors(10_000).astype(np.float32)
    vectors, _ = derived(base, args.size, args.noise)
    labels = np.arange(args.size, dtype=np.int64)
    asked = queries(vectors, args.queries, args.noise)

    exact, wall, cpu, _ = build(lambda: ExactIndex(DIM), labels, vectors)
    medians, p99s, cpus, truth = searched(exact, asked, args.runs)
    del exact
    print(f"\n{args.size:,} archived claims, {args.queries} queries, k = {K}, "
          f"{args.runs} runs (min / median / max of the runs' figures)\n")  # fmt: skip
    print("| connectivity | expansion add | expansion search | build s | build CPU s "
          "| median ms | p99 ms | CPU ms a search | recall@10 | recall@100 "
          "| exact / this (median) |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    exact_median = float(np.median(medians))
    print(f"| exact | | | {wall:.1f} | {cpu:.1f} | {spread(medians)} | {spread(p99s)} "
          f"| {spread(cpus)} | 1.000 | 1.000 | 1.0× |", flush=True)  # fmt: skip
    for connectivity in integers(args.connectivity):
        for expansion_add in integers(args.expansion_add):
            make = functools.partial(
                ApproximateIndex, DIM, connectivity=connectivity, expansion_add=expansion_add
            )
            index, wall, cpu, _ = build(make, labels, vectors)
            for expansion_search in integers(args.expansion_search):
                index.expansion_search = expansion_search
                medians, p99s, cpus, found = searched(index, asked, args.runs)
                print(f"| {connectivity} | {expansion_add} | {expansion_search} | {wall:.1f} "
                      f"| {cpu:.1f} | {spread(medians)} | {spread(p99s)} | {spread(cpus)} "
                      f"| {recall(found, truth, 10):.3f} | {recall(found, truth, K):.3f} "
                      f"| {exact_median / float(np.median(medians)):.1f}× |",
                      flush=True)  # fmt: skip
            del index
    print(f"\nload average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
