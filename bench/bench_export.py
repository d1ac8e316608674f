"""Export throughput and peak memory per format, against the sqlite3 command-line tool.

Usage:  python bench/bench_export.py [--claims 100000] [--formats csv,claimreview] [--runs 3]
        [--keep]

Fills a SQLite database in a temporary folder with synthetic claims (bulk inserts: 100 claims
per article, each with one confirmed evidence passage and two history events; two sources
with a snapshot per article), then exports every format in its own subprocess, writing to a
file. Per format it prints the export time (measured inside the child, around the export
loop), the child's wall time including Python start-up and imports, claims per second, the
peak memory (max RSS from os.wait4) and ratios against the baseline: the same claim rows
and CSV columns dumped by `sqlite3 -csv`, run in the same way. With ``--runs N`` the
baseline and every format are run N times on the same database (each run's table, then
min / median / max of each figure and ratio across the runs).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FORMATS = ["csv", "json", "claimreview", "markdown", "html"]
PER_ARTICLE = 100
WORDS = (
    "pemerintah menyatakan bahwa inflasi kota naik menjadi persen pada tahun lalu menurut "
    "data badan pusat statistik yang dirilis hari senin di jakarta dengan angka rekor "
    '"baru" sementara ekspor batu bara turun miliar dolar'
).split()
BASELINE_SQL = """
SELECT a.slug, a.title, a.url, a.published_date, a.language, c."key", c.text, c.status,
       c.verdict, c.verdict AS label, c.verdict AS label_en, c.rationale, c.reviewed_at,
       c.published_at, c.updated_at,
       'https://factcheck.example.org/articles/' || a.slug || '/claims/' || c."key",
       (SELECT count(*) FROM evidence e WHERE e.claim_id = c.id AND e.state = 'confirmed'),
       (SELECT group_concat(coalesce(e.url, s.url), ' ') FROM evidence e
          LEFT JOIN source s ON s.id = e.source_id
         WHERE e.claim_id = c.id AND e.state = 'confirmed')
FROM claim c JOIN article a ON a.id = c.article_id
WHERE c.deleted_at IS NULL AND c.status IN ('verified', 'published')
ORDER BY c.article_id, c.position, c.id;
"""


def _sentence(n: int, length: int) -> str:
    words = [WORDS[(n * 7 + i * 13) % len(WORDS)] for i in range(length)]
    return " ".join(words).capitalize() + f" ({n})."


def fill(url: str, claims: int) -> None:
    """Create the schema and bulk-insert ``claims`` synthetic claims with what hangs off them."""
    from sqlalchemy import insert

    from factcheck import db
    from factcheck.models import Article, Claim, Evidence, ReviewEvent, Snapshot, Source

    engine = db.make_engine(url)
    db.upgrade(engine)
    at = datetime(2025, 11, 7, 9, 30, tzinfo=UTC)
    articles = (claims + PER_ARTICLE - 1) // PER_ARTICLE
    with engine.begin() as connection:
        connection.execute(
            insert(Article),
            [
                {
                    "id": a,
                    "slug": f"artikel-{a}",
                    "title": _sentence(a, 9),
                    "language": "id",
                    "publisher": "Harian Contoh",
                    "author": "Budi",
                    "url": f"https://news.example/{a}",
                    "published_date": date(2025, 1, 1) + timedelta(days=a % 300),
                    "text": _sentence(a, 60),
                    "content_hash": f"{a:064x}",
                    "created_at": at,
                }
                for a in range(1, articles + 1)
            ],
        )
        connection.execute(
            insert(Source),
            [
                {
                    "id": s,
                    "article_id": (s + 1) // 2,
                    "position": 2 - s % 2,
                    "title": _sentence(s, 5),
                    "publisher": "BPS",
                    "url": f"https://bps.example/{s}",
                    "created_at": at,
                }
                for s in range(1, 2 * articles + 1)
            ],
        )
        connection.execute(
            insert(Snapshot),
            [
                {
                    "id": s,
                    "source_id": s,
                    "sha256": f"{s:064x}",
                    "text": _sentence(s, 40),
                    "fetched_at": at,
                }
                for s in range(1, 2 * articles + 1)
            ],
        )
        connection.execute(insert(Claim), [_claim(c, at) for c in range(1, claims + 1)])
        connection.execute(
            insert(Evidence),
            [
                {
                    "claim_id": c,
                    "source_id": 2 * ((c - 1) // PER_ARTICLE) + 1 + c % 2,
                    "snapshot_id": 2 * ((c - 1) // PER_ARTICLE) + 1 + c % 2,
                    "passage": _sentence(c, 18),
                    "passage_start": 0,
                    "passage_end": 90,
                    "score": 0.8,
                    "state": "confirmed",
                    "explanation": "{}",
                    "created_at": at,
                }
                for c in range(1, claims + 1)
            ],
        )
        connection.execute(
            insert(ReviewEvent),
            [
                {
                    "claim_id": c,
                    "actor": "erin",
                    "at": at,
                    "action": action,
                    "from_value": old,
                    "to_value": new,
                    "public": False,
                }
                for c in range(1, claims + 1)
                for action, old, new in (
                    ("verdict", None, "false"),
                    ("status", "in_review", "verified"),
                )
            ],
        )
    engine.dispose()


def _claim(c: int, at: datetime) -> dict:
    text = _sentence(c, 16)
    return {
        "id": c,
        "article_id": (c - 1) // PER_ARTICLE + 1,
        "key": f"c{c}",
        "position": (c - 1) % PER_ARTICLE + 1,
        "text": text,
        "sentence": text,
        "start": 0,
        "end": len(text),
        "score": 0.7,
        "reasons": "[]",
        "kind": "fact",
        "status": "published" if c % 2 else "verified",
        "verdict": ("true", "mostly_true", "half_true", "false", "unverifiable")[c % 5],
        "rationale": _sentence(c + 1, 30),
        "created_at": at,
        "updated_at": at,
        "reviewed_at": at,
        "published_at": at if c % 2 else None,
        "version": 3,
    }


def child(fmt: str, url: str, out: str) -> None:
    """Run one export to ``out`` and print its time as JSON (the subprocess side)."""
    from sqlmodel import Session

    from factcheck import db
    from factcheck.cli.exports import write_chunks
    from factcheck.config import DEFAULTS
    from factcheck.export.records import Publisher, Selection
    from factcheck.export.stream import export_chunks
    from factcheck.review.ratings import RatingScale

    engine = db.make_engine(url)
    started, cpu = time.perf_counter(), time.process_time()
    with Session(engine) as session:
        write_chunks(
            export_chunks(
                session, fmt, Selection(), Publisher.from_config(DEFAULTS, RatingScale())
            ),
            out,
        )
    print(json.dumps({"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu}))


@dataclass
class Run:
    wall: float  # seconds, the whole subprocess
    cpu: float  # user + system seconds, the whole subprocess
    peak_mb: float  # max RSS
    output: str


def measure(args: list[str], stdout=subprocess.PIPE) -> Run:
    """Run ``args`` as a subprocess and measure it with os.wait4."""
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=stdout, stderr=subprocess.PIPE, text=True)
    output = process.stdout.read() if process.stdout else ""
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{args[:3]} failed: {errors}")
    # ru_maxrss is in KB on Linux
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output)


def run(claims: int, folder: Path, formats: list[str], runs: int = 1) -> None:
    path = folder / "bench.sqlite3"
    url = f"sqlite:///{path}"
    load = os.getloadavg()
    started = time.perf_counter()
    # Filled in a subprocess: a child's max RSS counts the parent's memory it was forked
    # from, so the parent must stay small for the figures to be the children's own.
    measure([sys.executable, __file__, "--fill", url, str(claims)])
    floor = measure(["true"]).peak_mb
    print(f"command: python {' '.join(sys.argv)}")
    print(f"load average at start: {' '.join(f'{x:.1f}' for x in load)}")
    print(
        f"cores: {os.cpu_count()}; python {sys.version.split()[0]}; "
        f"filled {claims} claims in {time.perf_counter() - started:.1f} s "
        f"({path.stat().st_size / 1e6:.0f} MB SQLite)"
    )
    sqlite3 = shutil.which("sqlite3") or sys.exit("needs sqlite3 (apt-get install sqlite3)")
    rows: dict[str, list[tuple[float, ...]]] = {}
    for number in range(1, runs + 1):
        with open(folder / "baseline.csv", "w") as out:
            base = measure([sqlite3, "-csv", "-header", str(path), BASELINE_SQL], stdout=out)
        size = (folder / "baseline.csv").stat().st_size / 1e6
        table = {"sqlite3 csv": (base.wall, base.cpu, claims / base.wall, 1.0, 1.0)}
        table["sqlite3 csv"] += (base.wall, base.peak_mb, size)
        for fmt in formats:
            out = folder / f"export.{fmt}"
            done = measure([sys.executable, __file__, "--child", fmt, url, str(out)])
            inner = json.loads(done.output.strip().splitlines()[-1])
            seconds, cpu = inner["seconds"], inner["cpu"]
            table[fmt] = (seconds, cpu, claims / seconds, seconds / base.wall, cpu / base.cpu)
            table[fmt] += (done.wall, done.peak_mb, out.stat().st_size / 1e6)
        print(f"\nrun {number} of {runs}" if runs > 1 else "")
        _table(table)
        for name, row in table.items():
            rows.setdefault(name, []).append(row)
    if runs > 1:
        for label, pick in (("min", min), ("median", statistics.median), ("max", max)):
            print(f"\n{label} of {runs} runs (each column on its own)")
            _table({name: _columns(pick, r) for name, r in rows.items()})
    print(
        "\nexport s / cpu s: the export loop in the subprocess (after start-up and imports),"
        "\nwall and CPU; x sqlite3 and x cpu: the same against the sqlite3 run. process s: "
        "the\nwhole subprocess. peak MB: its max RSS (os.wait4); starting `true` the same "
        f"way\nmeasures {floor:.0f} MB."
    )


def _columns(pick, rows: list[tuple[float, ...]]) -> tuple[float, ...]:
    return tuple(pick(column) for column in zip(*rows, strict=True))


def _table(table: dict[str, tuple[float, ...]]) -> None:
    print(
        f"{'format':<12}{'export s':>9}{'cpu s':>7}{'claims/s':>9}{'x sqlite3':>10}"
        f"{'x cpu':>7}{'process s':>10}{'peak MB':>8}{'out MB':>7}"
    )
    for name, (seconds, cpu, rate, ratio, cpu_ratio, process, peak, size) in table.items():
        print(
            f"{name:<12}{seconds:>9.2f}{cpu:>7.2f}{rate:>9.0f}{ratio:>10.1f}"
            f"{cpu_ratio:>7.1f}{process:>10.2f}{peak:>8.0f}{size:>7.1f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument(
        "--formats", default=",".join(FORMATS), help="comma-separated formats (default: all)"
    )
    parser.add_argument(
        "--runs", type=int, default=1, help="run the baseline and every format N times"
    )
    parser.add_argument(
        "--child", nargs=3, metavar=("FORMAT", "URL", "OUT"), help=argparse.SUPPRESS
    )
    parser.add_argument("--fill", nargs=2, metavar=("URL", "CLAIMS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    if args.fill:
        fill(args.fill[0], int(args.fill[1]))
        return
    folder = Path(tempfile.mkdtemp(prefix="bench-export-"))
    try:
        run(args.claims, folder, args.formats.split(","), args.runs)
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder)


if __name__ == "__main__":
    main()
