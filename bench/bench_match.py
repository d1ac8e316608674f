"""Speed and memory of the matcher (anchors alone, and fused with embeddings) against bm25s on
synthetic corpora, and the embedding model's throughput.

    python bench/bench_match.py [--sizes 10000,100000] [--claims 200] [--embed 512] [--runs 3]

"fused" is factcheck.matching.rank with passage vectors in memory (float32 rows; the
database keeps float16): its latency includes embedding the claim. Its vectors are real
embeddings of the first 2,000 passages, repeated (latency does not depend on their values;
embedding 100,000 passages here would take most of an hour; the 2,000 are embedded once per
invocation, by the parent).

Each (method, size) runs in its own process, so that memory figures do not mix: "index MB" is
the growth of resident memory while building, "peak MB" the process's peak. Latency is per
claim, one claim at a time (as the review screen asks), top 5, including tokenising the claim;
"CPU ms" is the median of the same claims in this process's CPU time (the figure to compare on a
busy machine). With ``--runs N`` every (method, size) is measured N times, each in a new process,
and min / median / max of each figure are printed.
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
import tempfile
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


def _status_mb(field: str) -> float | None:
    """A memory figure of /proc/self/status (``VmRSS``, ``VmHWM``), MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return None


def rss_mb() -> float:
    """Resident memory of this process, MB."""
    return _status_mb("VmRSS") or 0.0


def peak_mb() -> float:
    """This process's peak resident memory, MB: VmHWM, which starts again at exec (ru_maxrss
    keeps the parent's peak from before the fork, and the parent holds the model)."""
    peak = _status_mb("VmHWM")
    return peak if peak is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker(method: str, size: int, count: int) -> dict:
    """Build one index and time ``count`` claims; returns the figures."""
    passages, queries = corpus(size), claims(size, count)
    before = rss_mb()
    start = time.perf_counter()
    if method in ("anchors", "fused"):
        from factcheck.matching.embedding import background, embedder
        from factcheck.matching.index import MatchIndex
        from factcheck.matching.rank import match_claim
        from factcheck.sources.passages import Passage

        model = embedder() if method == "fused" else None
        vectors = None
        if model is not None:
            background(model)  # once per process, before the clock matters
            unique = np.load(os.environ["BENCH_MATCH_VECTORS"])
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
    latencies, cpu = [], []
    for lang, text in queries:
        start, start_cpu = time.perf_counter(), time.process_time()
        ask(text, lang)
        latencies.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    latencies.sort()
    return {
        "cpu_ms": statistics.median(cpu) * 1000,
        "build_s": build,
        "index_mb": index_mb,
        "peak_mb": peak_mb(),
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


def spread(values: list[float], digits: int) -> str:
    """``min / median / max`` of several runs (one value when there is one run)."""
    if len(values) == 1:
        return f"{values[0]:.{digits}f}"
    return " / ".join(
        f"{v:.{digits}f}" for v in (min(values), statistics.median(values), max(values))
    )


def main() -> None:
    """Run every (size, method) in a child process and print a side-by-side table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--claims", type=int, default=200)
    parser.add_argument("--embed", type=int, default=512, help="passages for the throughput")
    parser.add_argument("--runs", type=int, default=1, help="processes per (method, size)")
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker[0], int(args.worker[1]), args.claims)))
        return
    import bm25s

    print(
        f"$ python {' '.join(sys.argv)}   ({os.cpu_count()} cores, load average"
        f" {os.getloadavg()[0]:.1f} at the start; bm25s {bm25s.__version__})"
    )
    throughput(args.embed)
    # The first 2,000 passages are the same at every size (one generator, one seed): embed them
    # once for every fused run instead of once per process.
    from factcheck.matching.embedding import embedder

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "vectors.npy")
        np.save(path, embedder().embed_passages([t for _, t in corpus(2000)]))
        os.environ["BENCH_MATCH_VECTORS"] = path
        table(args)


def table(args: argparse.Namespace) -> None:
    """Every (size, method) measured ``args.runs`` times, each in a new process."""
    keys = ("build_s", "index_mb", "peak_mb", "median_ms", "p95_ms", "cpu_ms")
    digits = {"build_s": 1, "index_mb": 0, "peak_mb": 0}
    print(
        "| passages | method | build s | index MB | peak MB | median ms | p95 ms | CPU ms |\n"
        "|---|---|---|---|---|---|---|---|"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        rows = {}
        for method in ("anchors", "fused", "bm25s"):
            cmd = [sys.executable, __file__, "--worker", method, str(size)]
            runs = [
                json.loads(
                    subprocess.run(
                        [*cmd, "--claims", str(args.claims)],
                        capture_output=True,
                        text=True,
                        check=True,
                    )
                    .stdout.strip()
                    .splitlines()[-1]
                )
                for _ in range(args.runs)
            ]
            rows[method] = {k: [run[k] for run in runs] for k in keys}
            cells = " | ".join(spread(rows[method][k], digits.get(k, 2)) for k in keys)
            print(f"| {size:,} | {method} | {cells} |", flush=True)
        for mine in ("anchors", "fused"):
            # Ratios of the medians over the runs.
            ratio = [
                statistics.median(rows[mine][k]) / max(statistics.median(rows["bm25s"][k]), 1e-9)
                for k in keys
            ]
            cells = " | ".join(f"{r:.2f}" for r in ratio)
            print(f"| {size:,} | {mine} / bm25s | {cells} |", flush=True)


if __name__ == "__main__":
    main()
