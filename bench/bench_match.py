"""Speed and memory of the matcher (anchors alone, and fused with embeddings) against bm25s on
synthetic corpora, and the embedding model's throughput.

    python bench/bench_match.py [--sizes 10000,100000] [--claims 200] [--embed 512]

"fused" is factcheck.matching.rank with passage vectors in memory (float32 rows; the
database keeps float16): its latency includes embedding the claim. Its vectors are real
embeddings of the first 2,000 passages, repeated (latency does not depend on their values;
embedding 100,000 passages here would take most of an hour).

Each (method, size) runs in its own process, so that memory figures do not mix: "index MB" is
the growth of resident memory while building, "peak MB" the process's peak. Latency is per
claim, one claim at a time (as the review screen asks), top 5, including tokenising the claim.
Corpora are synthetic news-like sentences in English and Indonesian built from templates,
country names, numbers, years and a pool of 30,000 invented words; the same seed gives the
same corpus to both methods.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TEMPLATES = {
    "en": [
        "{A} and {B} signed a {w} agreement worth ${n} billion in {y}.",
        "{A} announced on {d} {m} {y} that it would join the {w} {w} initiative.",
        "The president of {A} met leaders from {B} to discuss {w} and {w} in {y}.",
        "About {p}% of {A}'s exports of {w} go to {B}, officials said.",
        "{A} opened an embassy in {B} in {y}, after talks on {w} {w}.",
    ],
    "id": [
        "{A} dan {B} menandatangani perjanjian {w} senilai {n} miliar dolar AS pada {y}.",
        "{A} mengumumkan pada {d} {mi} {y} akan bergabung dengan inisiatif {w} {w}.",
        "Presiden {A} bertemu para pemimpin {B} untuk membahas {w} dan {w} pada tahun {y}.",
        "Sekitar {p} persen ekspor {w} {A} dikirim ke {B}, kata pejabat.",
    ],
}
COUNTRIES = (
    "Kazakhstan Israel Uzbekistan Morocco Bahrain Sudan China Russia Turkey Japan "
    "Brazil Kenya Chile Peru Norway Spain Italy France Germany Mexico Egypt"
).split()
MONTHS = "January February March April May June July August September October November".split()
BULAN = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November".split()


def corpus(size: int, seed: int = 7) -> list[tuple[str, str]]:
    """``size`` (lang, text) passages; deterministic for a seed."""
    rng = random.Random(seed)
    pool = [
        "".join(rng.choice("aeioubdgklmnprstz") for _ in range(rng.randint(4, 9)))
        for _ in range(30000)
    ]
    out = []
    for _ in range(size):
        lang = "en" if rng.random() < 0.7 else "id"
        text = rng.choice(TEMPLATES[lang])
        while "{w}" in text:
            text = text.replace("{w}", rng.choice(pool), 1)
        month = rng.randrange(11)
        text = text.format(
            A=rng.choice(COUNTRIES),
            B=rng.choice(COUNTRIES),
            n=rng.choice(["1.5", "12", "12.4", "3", "40"]),
            y=rng.randint(1990, 2025),
            d=rng.randint(1, 28),
            m=MONTHS[month],
            mi=BULAN[month],
            p=rng.randint(1, 90),
        )
        out.append((lang, text))
    return out


def claims(size: int, count: int) -> list[tuple[str, str]]:
    """Claims: passages of the corpus, every other one rewritten by another seed's template."""
    base = corpus(size)
    rng = random.Random(11)
    picked = [base[rng.randrange(size)] for _ in range(count // 2)]
    return picked + corpus(count - len(picked), seed=99)


def rss_mb() -> float:
    """Resident memory of this process, MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def worker(method: str, size: int, count: int) -> dict:
    """Build one index and time ``count`` claims; returns the figures."""
    passages, queries = corpus(size), claims(size, count)
    before = rss_mb()
    start = time.perf_counter()
    if method in ("match", "fused"):
        from factcheck.matching.embedding import background, embedder
        from factcheck.matching.index import MatchIndex
        from factcheck.matching.rank import match_claim
        from factcheck.sources.passages import Passage

        model = embedder() if method == "fused" else None
        vectors = None
        if model is not None:
            background(model)  # once per process, before the clock matters
            unique = model.embed_passages([t for _, t in passages[:2000]])
            before = rss_mb()  # the vectors count in the index's memory, the model does not
            start = time.perf_counter()
            vectors = np.resize(unique, (len(passages), model.dim)).astype(np.float32)
        index = MatchIndex.build(
            (Passage(str(i), t, lang) for i, (lang, t) in enumerate(passages)), None, vectors
        )
        ask = lambda text, lang: match_claim(index, text, lang, top=5, model=model)  # noqa: E731
    else:
        import bm25s

        retriever = bm25s.BM25()
        retriever.index(
            bm25s.tokenize([t for _, t in passages], show_progress=False), show_progress=False
        )
        ask = lambda text, lang: retriever.retrieve(  # noqa: E731
            bm25s.tokenize([text], show_progress=False), k=5, show_progress=False
        )
    build = time.perf_counter() - start
    index_mb = rss_mb() - before
    latencies = []
    for lang, text in queries:
        start = time.perf_counter()
        ask(text, lang)
        latencies.append(time.perf_counter() - start)
    latencies.sort()
    return {
        "build_s": build,
        "index_mb": index_mb,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "median_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[int(0.95 * (len(latencies) - 1))] * 1000,
    }


def throughput(count: int) -> None:
    """Passages embedded per second by the bundled model, in batches as ``factcheck embed``
    does them, and the latency of one claim."""
    from factcheck.matching.embedding import embed_in_batches, embedder

    model = embedder()
    texts = [t for _, t in corpus(count, seed=3)]
    start = time.perf_counter()
    embed_in_batches(model, texts)
    elapsed = time.perf_counter() - start
    start = time.perf_counter()
    for text in texts[:50]:
        model.embed_query(text)
    query_ms = (time.perf_counter() - start) / 50 * 1000
    print(
        f"embedding ({model.name}): {count / elapsed:.1f} passages/s"
        f" ({count} passages in {elapsed:.1f} s); one claim {query_ms:.1f} ms"
    )


def main() -> None:
    """Run every (size, method) in a child process and print a side-by-side table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--claims", type=int, default=200)
    parser.add_argument("--embed", type=int, default=512, help="passages for the throughput")
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker[0], int(args.worker[1]), args.claims)))
        return
    print(f"$ python {' '.join(sys.argv)}   ({os.cpu_count()} cores)")
    throughput(args.embed)
    print(
        f"{'passages':>9} {'method':>6} {'build s':>8} {'index MB':>9} {'peak MB':>8}"
        f" {'median ms':>10} {'p95 ms':>7}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        rows = {}
        for method in ("match", "fused", "bm25s"):
            cmd = [
                sys.executable,
                __file__,
                "--worker",
                method,
                str(size),
                "--claims",
                str(args.claims),
            ]
            done = subprocess.run(cmd, capture_output=True, text=True, check=True)
            rows[method] = row = json.loads(done.stdout.strip().splitlines()[-1])
            print(
                f"{size:>9} {method:>6} {row['build_s']:>8.1f} {row['index_mb']:>9.0f}"
                f" {row['peak_mb']:>8.0f} {row['median_ms']:>10.2f} {row['p95_ms']:>7.2f}",
                flush=True,
            )
        for mine in ("match", "fused"):
            ratio = {k: rows[mine][k] / max(rows["bm25s"][k], 1e-9) for k in rows[mine]}
            print(
                f"{size:>9} {'ratio':>6} {ratio['build_s']:>8.1f} {ratio['index_mb']:>9.1f}"
                f" {ratio['peak_mb']:>8.1f} {ratio['median_ms']:>10.2f} {ratio['p95_ms']:>7.2f}"
                f"   ({mine} / bm25s)",
                flush=True,
            )


if __name__ == "__main__":
    main()
