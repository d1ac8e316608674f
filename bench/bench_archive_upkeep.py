"""A search after archived vectors were deleted, replaced and added, past the exact limit:
what it costs now (catching up: the old vectors hidden, the new ones searched exactly) side
by side with what it cost before (a full build of the approximate index from the rows, in
the searching process), and the background job's update of the saved file.

    python bench/bench_archive_upkeep.py [--size 100000] [--changes 30] [--runs 3]
        [--database-url sqlite:///...]

The vectors are derived from the bundled model's real ones as in bench/bench_archive.py
(stored as reference fact-checks' vectors in a fresh database; SQLite in a temporary folder
unless --database-url names an empty PostgreSQL database). Each run deletes --changes / 3
rows, replaces as many (a new row for the same fact-check, as re-embedding does) and adds as
many, then times the first search of a process that had the saved index open (its catch-up),
20 searches after it (median), and the job that updates the saved file. Recall@10: the
first 10 of the 100 candidates against exact search over the rows as they are then.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # bench_archive.py says why

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_archive import DIM, derived, fill_database, queries, real_vectors  # noqa: E402

MODEL = "bench"


def timed(action):
    """``action()``'s result, wall seconds and CPU seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def change_rows(session, rng, changes: int, next_id: list[int]) -> None:
    """Delete, replace and add ``changes`` / 3 rows each (committed)."""
    from sqlalchemy import func
    from sqlmodel import col, delete, select

    from factcheck.models import ArchiveVector, ReferenceFactCheck

    third = max(1, changes // 3)
    ids = session.exec(select(ArchiveVector.reference_id).where(ArchiveVector.model == MODEL))
    picked = rng.choice(np.fromiter(ids, dtype=np.int64), 2 * third, replace=False).tolist()
    session.exec(delete(ArchiveVector).where(col(ArchiveVector.reference_id).in_(picked)))
    count = session.exec(select(func.count()).select_from(ReferenceFactCheck)).one()
    fresh = []
    for _ in range(third):
        next_id[0] += 1
        fresh.append(next_id[0])
        address = f"https://x.example/n{count + len(fresh)}"
        session.add(ReferenceFactCheck(id=next_id[0], url=address, claim_reviewed="c", raw="{}"))
    session.flush()
    new_vectors = queries(real_vectors(0), 2 * third, 0.02).astype(np.float16)
    for ref_id, vector in zip(picked[third:] + fresh, new_vectors, strict=True):
        session.add(ArchiveVector(reference_id=ref_id, model=MODEL, digest="e",
                                  vector=vector.tobytes()))  # fmt: skip
    session.commit()


def exact_top(session, asked: np.ndarray) -> list[np.ndarray]:
    """Exact search's first 10 over the rows as they are."""
    from sqlmodel import col

    from factcheck.archive.archiveindex import load
    from factcheck.archive.vectorindex import ExactIndex
    from factcheck.models import ArchiveVector

    exact = ExactIndex(DIM)
    load(exact, session, MODEL, DIM, col(ArchiveVector.id) > 0)
    return [exact.search(vector, 10)[0] for vector in asked]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--changes", type=int, default=30)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    print("command: python bench/bench_archive_upkeep.py " + " ".join(sys.argv[1:]))
    print(f"cores: {os.cpu_count()}, load average at start: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{folder}/archive.sqlite3"
        run(url, Path(folder), args)
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


def run(url: str, folder: Path, args) -> None:
    from sqlmodel import Session

    from factcheck import db
    from factcheck.archive.archiveindex import ArchiveIndex
    from factcheck.archive.indexupkeep import update_saved_index
    from factcheck.archive.savedindex import SavedIndexes

    vectors, _ = derived(real_vectors(10_000).astype(np.float32), args.size, 0.02)
    fill_database(url, vectors)
    asked = queries(vectors, 20, 0.02)
    del vectors
    engine = db.make_engine(url)
    saved = SavedIndexes(folder / "archive-index", "bench")
    rng, next_id = np.random.default_rng(3), [args.size]

    def index() -> ArchiveIndex:
        return ArchiveIndex(MODEL, DIM, "auto", exact_limit=1000, saved=saved)

    with Session(engine) as session:
        built, wall, cpu = timed(lambda: update_saved_index(session, index()))
        print(f"\n{args.size:,} archived vectors in {engine.dialect.name}; {built}")
        print("| step | wall s (min / median / max) | CPU s (min / median / max) |")
        print("|---|---|---|")
        print(f"| before: a search after a change built the index from the rows | "
              f"{wall:.1f} | {cpu:.1f} |")  # fmt: skip
        web = index()
        web.search(session, asked[0], 100)  # a process with the saved file open
        steps: dict[str, list[tuple[float, float]]] = {}
        recalls, hidden = [], []
        for _ in range(args.runs):
            change_rows(session, rng, args.changes, next_id)
            _, wall, cpu = timed(lambda: web.search(session, asked[0], 100))
            steps.setdefault("now: first search after the change (catch-up)", []).append(
                (wall, cpu)
            )
            hidden.append(len(web.hidden))
            times, found = [], []
            for vector in asked:
                labels, wall, cpu = timed(lambda v=vector: web.search(session, v, 100)[0])
                times.append((wall * 1000, cpu * 1000))
                found.append(labels[:10])
            truth = exact_top(session, asked)
            recalls.append(
                np.mean([len(set(a) & set(b)) / 10 for a, b in zip(found, truth, strict=True)])
            )
            steps.setdefault("now: next 20 searches, median (ms)", []).append(
                tuple(np.median(np.array(times), axis=0))
            )
            assert web.builds == 0
            done, wall, cpu = timed(lambda: update_saved_index(session, index()))
            steps.setdefault(f"now: the job's update ({done.split(' (')[0]})", []).append(
                (wall, cpu)
            )
        for step, figures in steps.items():
            walls, cpus = zip(*figures, strict=True)
            print(f"| {step} | {spread(walls)} | {spread(cpus)} |")
        print(f"\nhidden after each change: {hidden}; recall@10 against exact over the rows "
              f"then: {', '.join(f'{r:.3f}' for r in recalls)}")  # fmt: skip


def spread(values) -> str:
    values = [float(v) for v in values]
    return f"{min(values):.3f} / {float(np.median(values)):.3f} / {max(values):.3f}"


if __name__ == "__main__":
    main()
