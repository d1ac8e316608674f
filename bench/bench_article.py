"""Matching a whole article whose sources are already embedded, through the database, as
``factcheck match`` does it: an article with 6 sources, and one with 50 sources of 200
passages each.

    python bench/bench_article.py [--runs 3]

The article is the demo's (10 claims, Indonesian); the sources are English news-like text
built from templates (bench/bench_match.py's corpus). Vectors are read from the database
(PassageVectors, float16), never recomputed: "embedded" in the output must be 0. The 6-source
article's passages are embedded for real (their time gives the throughput on real passages);
the 50 x 200 article stores those same vectors repeated (embedding 10,000 passages would take
minutes and does not change the time matching takes). Timed: ``match_article``, a warm
process (the model and its calibration sentences loaded once, as in a server), SQLite in a
temporary folder; figures are the median of --runs, wall time and this process's CPU time.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_match import corpus  # noqa: E402
from sqlmodel import Session, select  # noqa: E402

from factcheck import db  # noqa: E402
from factcheck.claimfiles.load import import_text  # noqa: E402
from factcheck.matching import vectors  # noqa: E402
from factcheck.matching.embedding import background, embedder  # noqa: E402
from factcheck.matching.suggest import match_article  # noqa: E402
from factcheck.models import Article, PassageVectors, Snapshot, Source  # noqa: E402

DEMO = ROOT / "claims" / "kazakhstan-abraham-accords.yaml"


def article_with_sources(session: Session, slug: str, sources: int, passages: int) -> Article:
    """A copy of the demo article (its claims) citing ``sources`` pasted sources."""
    text = DEMO.read_text(encoding="utf-8").replace("kazakhstan-abraham-accords", slug)
    text = text.replace("dalam proses global.\n", f"dalam proses global. ({slug})\n", 1)
    import_text(session, text, slug)
    session.commit()
    article = session.exec(select(Article).where(Article.slug == slug)).one()
    texts = [t for lang, t in corpus(sources * passages, seed=len(slug)) if lang == "en"]
    texts = (texts * (sources * passages // max(len(texts), 1) + 1))[: sources * passages]
    for n in range(sources):
        source = Source(article_id=article.id, position=100 + n, title=f"Report {n}")
        session.add(source)
        session.flush()
        body = "\n".join(texts[n * passages : (n + 1) * passages])
        digest = hashlib.sha256(body.encode()).hexdigest()
        session.add(Snapshot(source_id=source.id, kind="pasted", sha256=digest, text=body))
    session.commit()
    return article


def copy_vectors(session: Session, article: Article, pool: np.ndarray, model) -> None:
    """Store vectors for every source of ``article`` from ``pool`` (rows repeated)."""
    for source in vectors.all_sources(session, article):
        for piece in vectors.pieces(session, source):
            rows = np.resize(pool, (len(piece.texts), model.dim))
            session.add(vectors.vectors_row(piece, model, rows))
    session.commit()


def timed(session: Session, article: Article, model, runs: int) -> tuple[float, float, int, int]:
    """Median wall and CPU seconds of ``match_article`` (CPU: this process's, every thread),
    passages, and passages embedded on the way."""
    times, cpu, summary = [], [], None
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        summary = match_article(session, article, model=model)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        session.rollback()  # leave the database as it was: each run does the same work
    return statistics.median(times), statistics.median(cpu), summary.passages, summary.embedded


def main() -> None:
    """Build both articles, embed the small one, time matching both."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"$ python {' '.join(sys.argv)}   ({os.cpu_count()} cores)")
    model = embedder()
    background(model)
    with tempfile.TemporaryDirectory() as folder:
        engine = db.make_engine(f"sqlite:///{folder}/bench.sqlite3")
        db.upgrade(engine)
        with Session(engine, expire_on_commit=False) as session:
            small = article_with_sources(session, "six-sources", 6, 30)
            sources = vectors.all_sources(session, small)
            count = vectors.passages_to_embed(session, model, sources)
            start = time.perf_counter()
            vectors.embed_sources(session, model, sources)
            elapsed = time.perf_counter() - start
            print(f"embedded {count} passages of 12 sources in {elapsed:.1f} s: "
                  f"{count / elapsed:.1f} passages/s")  # fmt: skip
            pool_rows = [
                np.frombuffer(r.vectors, dtype=np.float16).reshape(r.count, r.dim)
                for r in session.exec(select(PassageVectors)).all()
            ]
            pool = np.concatenate(pool_rows).astype(np.float32)
            large = article_with_sources(session, "fifty-sources", 50, 200)
            copy_vectors(session, large, pool, model)
            print("| article | sources | passages | claims | match s (median) | CPU s | embedded |")
            print("|---|---|---|---|---|---|---|")
            for name, article in (("6 sources", small), ("50 x 200", large)):
                seconds, cpu, passages, embedded = timed(session, article, model, args.runs)
                cited = len(vectors.all_sources(session, article))
                print(f"| {name} | {cited} | {passages} | 10 | {seconds:.2f} | {cpu:.2f} "
                      f"| {embedded} |")  # fmt: skip
        engine.dispose()


if __name__ == "__main__":
    main()
