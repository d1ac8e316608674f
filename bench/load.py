"""Load bench: readers and checkers against the real app under gunicorn, on loopback.

For each database engine it prepares a fresh database (the demo claim file, synthetic
published articles, checker users), starts gunicorn, and for ``--seconds`` lets many readers
GET verdict pages while a few checkers log in and save verdicts through the real review form
(a 409 conflict is expected: the checker reloads and tries again). Then it checks in the
database that every acknowledged save is in the history exactly once and that no update was
lost. The same gunicorn settings serve bench/ceiling_app.py first: the smallest Flask page,
the ceiling the verdict pages are compared with.

    python bench/load.py --engine both --seconds 20 [--write]

Targets: verdict pages >= 50% of the ceiling, zero 5xx, zero lost or doubled saves.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent)]

from load_clients import Stats, checker, reader  # noqa: E402
from load_setup import PASSWORD, database, gunicorn, prepare, verify  # noqa: E402

TARGET_RATIO = 0.5


def drive(base: str, *, seconds: float, readers: int, paths: list[str],
          checkers: list[str] = (), claim_ids: list[int] = (), tag: str = "") -> tuple:
    """Run readers (and checkers) for ``seconds``; returns (Stats, saves, elapsed)."""
    deadline = time.monotonic() + seconds
    started = time.monotonic()
    with ThreadPoolExecutor(readers + len(checkers)) as pool:
        reading = [pool.submit(reader, base, paths, deadline, n) for n in range(readers)]
        checking = [pool.submit(checker, base, name, PASSWORD, claim_ids, deadline, n, tag)
                    for n, name in enumerate(checkers)]
        stats, saves = Stats(), []
        for future in reading:
            stats.merge(future.result())
        for future in checking:
            part, saved = future.result()
            stats.merge(part)
            saves += saved
    return stats, saves, time.monotonic() - started


def run_ceiling(args) -> Stats:
    env = dict(os.environ)
    with gunicorn("ceiling_app:app", env, BENCH, args.workers, args.threads) as base:
        stats, _, elapsed = drive(base, seconds=args.seconds, readers=args.readers,
                                  paths=["/"])
    stats.elapsed = elapsed
    return stats


def run_engine(engine: str, args) -> dict:
    """Prepare a database on ``engine``, load it, verify it; returns the figures."""
    with tempfile.TemporaryDirectory(prefix="fc-load-") as folder, \
            database(engine, Path(folder)) as url:
        env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
        env.update(DATABASE_URL=url, FACTCHECK_INSTANCE=str(Path(folder) / "instance"),
                   SECRET_KEY=os.urandom(24).hex(), FACTCHECK_PRODUCTION="1",
                   FACTCHECK_AUTO_MIGRATE="0")
        plan = prepare(url, env, checkers=args.checkers, work_claims=args.work_claims)
        with gunicorn("factcheck:create_app()", env, BENCH.parent, args.workers,
                      args.threads) as base:
            stats, saves, elapsed = drive(base, seconds=args.seconds, readers=args.readers,
                                          paths=plan.reader_paths, checkers=plan.checkers,
                                          claim_ids=plan.work_claim_ids, tag=engine)
        stats.elapsed = elapsed
        check = verify(url, saves)
    return {"engine": engine, "stats": stats, "saves": len(saves), "check": check}


def table(ceiling: Stats, results: list[dict]) -> list[str]:
    """The figures as Markdown lines."""
    ceiling_rate = ceiling.rate(["page"])
    lines = ["| run | kind | requests | req/s | p50 ms | p99 ms | 5xx | conn. errors |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    lines += ceiling.rows("ceiling (minimal Flask page)")
    for result in results:
        lines += result["stats"].rows(f"factcheck on {result['engine']}")
    lines.append("")
    for result in results:
        stats, check = result["stats"], result["check"]
        ratio = stats.rate(["article page", "claim page"]) / ceiling_rate if ceiling_rate else 0
        result["ratio"] = ratio
        lines.append(
            f"- {result['engine']}: verdict pages {stats.rate(['article page', 'claim page']):.0f}"
            f" req/s = **{ratio:.0%} of the ceiling** ({ceiling_rate:.0f} req/s); "
            f"{result['saves']} saves acknowledged, {stats.conflicts} conflicts (409, reloaded "
            f"and retried); history: {check['missing']} missing, {check['doubled']} doubled, "
            f"{check['unacknowledged']} unacknowledged; lost updates: {check['lost']} "
            f"(of {check['claims']} claims saved)")
    return lines


def passed(results: list[dict]) -> bool:
    return all(r["ratio"] >= TARGET_RATIO and r["stats"].server_errors == 0
               and not r["stats"].conn_errors and r["check"]["missing"] == 0
               and r["check"]["doubled"] == 0 and r["check"]["lost"] == 0 for r in results)


def write_section(lines: list[str], path: Path = BENCH.parent / "BENCHMARKS.md") -> None:
    """Replace (or add) the "## Load (issue 6)" section of BENCHMARKS.md, nothing else."""
    heading = "## Load (issue 6)"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    before, found, rest = text.partition(heading)
    after = ""
    if found:
        cut = rest.find("\n## ")
        after = rest[cut + 1:] if cut >= 0 else ""
    section = "\n".join([heading, "", *lines]).rstrip() + "\n"
    path.write_text(before.rstrip() + "\n\n" + section + ("\n" + after if after else ""),
                    encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--readers", type=int, default=16)
    parser.add_argument("--checkers", type=int, default=4)
    parser.add_argument("--work-claims", type=int, default=6,
                        help="claims the checkers share (few: conflicts must happen)")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--write", action="store_true", help="record in BENCHMARKS.md")
    args = parser.parse_args(argv)
    command = "python bench/load.py " + shlex.join(argv if argv is not None else sys.argv[1:])
    header = [f"Command: `{command.strip()}`", "",
              f"Machine: os.cpu_count() = {os.cpu_count()}; client and server share it. "
              f"gunicorn -w {args.workers} -k gthread --threads {args.threads}; "
              f"{args.readers} readers (keep-alive), {args.checkers} checkers on "
              f"{args.work_claims} shared claims; {args.seconds:g} s per run.", ""]
    print("\n".join(header), flush=True)
    ceiling = run_ceiling(args)
    engines = ["sqlite", "postgres"] if args.engine == "both" else [args.engine]
    results = [run_engine(engine, args) for engine in engines]
    lines = table(ceiling, results)
    ok = passed(results)
    lines += ["", f"Targets (verdict pages >= {TARGET_RATIO:.0%} of the ceiling, zero 5xx, "
                  f"zero lost updates): {'met' if ok else 'MISSED'}."]
    print("\n".join(lines))
    if args.write:
        write_section(header + lines)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
