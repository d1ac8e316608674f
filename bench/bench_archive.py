"""Speed and memory of the claim archive, side by side in one run.

    python bench/bench_archive.py [--sizes 10000,100000,1000000] [--reviews 100000]

1. Search: query latency (median, p99 over --queries queries, one at a time) and memory of
   the exact index (numpy, float16) against the approximate one (usearch HNSW, float16) at
   each size, with the approximate index's recall@10 against exact and its build time.
   The vectors are SYNTHETIC (random unit vectors of the model's 384 dimensions; queries are
   stored vectors plus noise, so each has near neighbours): embedding a million claims takes
   days on this CPU. Search cost depends on the count and dimension, not on the text.
2. Feed import: a generated DataFeed of --reviews ClaimReviews imported into a fresh SQLite
   database by the streamed import (factcheck.archive.feeds) against the file import it
   replaces for feeds (factcheck.archive.reference.import_claimreviews, which loads the
   file whole), each in its own process: reviews per second, CPU time and peak memory
   (the process's maximum resident set, less the same process's before importing).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# One BLAS thread: on a shared 2-core machine a second thread waiting for a core made the
# exact search's product 20 times slower (1.3 ms against 24 ms at 10k claims).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.archive.vectorindex import ApproximateIndex, ExactIndex  # noqa: E402

DIM = 384


def synthetic(n: int, seed: int = 1) -> np.ndarray:
    """Unit vectors around n / 50 random "topics" (claims come in families: the same rumour
    in many wordings and languages), so that neighbours mean something."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((max(n // 50, 1), DIM), dtype=np.float32)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    out = np.empty((n, DIM), dtype=np.float16)
    for start in range(0, n, 100_000):
        size = min(100_000, n - start)
        block = centres[rng.integers(0, len(centres), size)]
        block += rng.standard_normal((size, DIM), dtype=np.float32) * 0.04
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        out[start : start + size] = block
    return out


def queries(vectors: np.ndarray, count: int) -> np.ndarray:
    rng = np.random.default_rng(2)
    picked = vectors[rng.choice(len(vectors), count, replace=False)].astype(np.float32)
    picked += rng.standard_normal(picked.shape).astype(np.float32) * 0.04
    return picked / np.linalg.norm(picked, axis=1, keepdims=True)


def timed_searches(index, asked: np.ndarray, k: int = 100):
    times, found = [], []
    for vector in asked:
        started = time.perf_counter()
        labels, _ = index.search(vector, k)
        times.append(time.perf_counter() - started)
        found.append(labels[:10])
    ms = np.array(times) * 1000
    return float(np.median(ms)), float(np.percentile(ms, 99)), found


def bench_search(sizes: list[int], count: int, approximate_max: int) -> None:
    print("\n## search (synthetic vectors, 384 dimensions, float16; k = 100 candidates)")
    print("| archived claims | index | build s | memory MiB | median ms | p99 ms | recall@10 "
          "| median ratio exact/approx |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|")
    for n in sizes:
        vectors = synthetic(n)
        labels = np.arange(n, dtype=np.int64)
        asked = queries(vectors, count)
        rows = {}
        kinds = (ExactIndex, ApproximateIndex) if n <= approximate_max else (ExactIndex,)
        for kind in kinds:
            started = time.perf_counter()
            index = kind(DIM)
            for start in range(0, n, 100_000):
                index.add(labels[start : start + 100_000], vectors[start : start + 100_000])
            build = time.perf_counter() - started
            median, p99, found = timed_searches(index, asked)
            rows[kind.kind] = (build, index.nbytes / 2**20, median, p99, found)
            del index
        exact_found = rows["exact"][4]
        for kind, (build, memory, median, p99, found) in rows.items():
            pairs = zip(found, exact_found, strict=True)
            recall = np.mean([len(set(a) & set(b)) / 10 for a, b in pairs])
            ratio = rows["exact"][2] / rows["approximate"][2] if "approximate" in rows else 0
            print(f"| {n:,} | {kind} | {build:.1f} | {memory:.0f} | {median:.2f} | {p99:.2f} | "
                  f"{recall:.3f} | {ratio:.1f} |")  # fmt: skip
        del vectors


def make_feed(path: Path, reviews: int) -> None:
    """A DataFeed of ``reviews`` ClaimReviews (some without a rating or a language)."""
    with path.open("w", encoding="utf-8") as out:
        out.write('{"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": [')
        for i in range(reviews):
            review = {
                "@type": "ClaimReview",
                "url": f"https://factcheck.example.org/{i // 1000}/review-{i}",
                "claimReviewed": f"Klaim nomor {i}: harga beras naik {i % 97} persen pada 2024.",
                "author": {"@type": "Organization", "name": f"Publisher {i % 13}"},
                "datePublished": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "itemReviewed": {"@type": "Claim", "author": {"name": "Someone"}},
            }
            if i % 10:
                review["inLanguage"] = "id"
                rating = {"alternateName": "Salah", "ratingValue": 1, "bestRating": 5}
                review["reviewRating"] = {"@type": "Rating", **rating, "worstRating": 1}
            item = {"@type": "DataFeedItem", "item": [review]}
            out.write(("," if i else "") + json.dumps(item, ensure_ascii=False))
        out.write("]}")


IMPORTER = """
import resource, sys, time, json
from pathlib import Path
from factcheck import db
from sqlmodel import Session
how, database, feed = sys.argv[1:4]
engine = db.make_engine(database)
db.upgrade(engine)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
cpu, wall = time.process_time(), time.perf_counter()
with Session(engine) as session:
    if how == "streamed":
        from factcheck.archive.feeds import import_feed_file
        with open(feed, "rb") as file:
            count = import_feed_file(session, file, feed).added
    else:
        from factcheck.archive.reference import import_claimreviews
        count = import_claimreviews(session, Path(feed))
    session.commit()
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"count": count, "wall": wall, "cpu": cpu, "peak_mib": (peak - before) / 1024}))
"""


def bench_import(reviews: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        feed = Path(folder) / "feed.json"
        make_feed(feed, reviews)
        size = feed.stat().st_size / 2**20
        print(f"\n## feed import: {reviews:,} reviews, {size:.0f} MiB, into SQLite")
        print("| import | reviews | wall s | CPU s | reviews/s (wall) | peak memory MiB "
              "| ratio of rates |")  # fmt: skip
        print("|---|---|---|---|---|---|---|")
        found = {}
        for how in ("streamed", "whole file (baseline)"):
            database = f"sqlite:///{folder}/{how.split()[0]}.sqlite3"
            result = subprocess.run(
                [sys.executable, "-c", IMPORTER, how.split()[0], database, str(feed)],
                capture_output=True, text=True, check=True, cwd=ROOT,
            )  # fmt: skip
            found[how] = json.loads(result.stdout.strip().splitlines()[-1])
        base = found["whole file (baseline)"]["count"] / found["whole file (baseline)"]["wall"]
        for how, r in found.items():
            rate = r["count"] / r["wall"]
            print(f"| {how} | {r['count']:,} | {r['wall']:.1f} | {r['cpu']:.1f} | {rate:,.0f} | "
                  f"{r['peak_mib']:.0f} | {rate / base:.2f} |")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument(
        "--approximate-max",
        type=int,
        default=10**9,
        help="build the approximate index only up to this size (its build is the slow part)",
    )
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument("--skip-search", action="store_true")
    args = parser.parse_args()
    print("command: python bench/bench_archive.py " + " ".join(sys.argv[1:]))
    print(f"cores: {os.cpu_count()}; load average: {os.getloadavg()[0]:.1f}")
    if not args.skip_search:
        sizes = [int(s) for s in args.sizes.split(",")]
        bench_search(sizes, args.queries, args.approximate_max)
    if not args.skip_import:
        bench_import(args.reviews)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nthis process's peak memory: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
