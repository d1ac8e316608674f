"""In-process cost of a verdict page against the bare Flask page, in CPU time and wall time.

The same database bench/load.py prepares (the demo, 5 synthetic articles of 20 published
claims), the app built as gunicorn builds it (production settings), each request a WSGI call
with a fresh copy of one environ (no HTTP, no client): what the server spends per page.

    python bench/bench_verdict.py --engine both --requests 3000 --runs 3

Rows: the bare Flask page of bench/ceiling_app.py (the baseline), a reader's claim page with
the default micro-cache (PUBLIC_CACHE_SECONDS=2: after the first request, no query), with
PUBLIC_CACHE_SECONDS=0 (the stamp read on every request), and a render (the page cache
emptied before each request: what every change and every worker's cold start costs).
Targets (issue 16): a stamp-checked page at least 50% (SQLite) / 35% (PostgreSQL) of the bare
page's rate, i.e. at most 2x / 2.9x its CPU time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent)]

from load_setup import Plan, database, prepare  # noqa: E402
from werkzeug.test import EnvironBuilder  # noqa: E402


def _start_response(status, headers, exc_info=None):
    assert status.startswith(("200", "304")), status


def timed(app, environ: dict, requests: int, before=None) -> tuple[float, float]:
    """Mean (wall ms, CPU ms) of ``requests`` WSGI calls of ``app`` on copies of ``environ``."""
    wall = cpu = 0.0
    for _ in range(requests):
        if before is not None:
            before()
        env = dict(environ)
        w0, c0 = time.perf_counter(), time.process_time()
        body = app(env, _start_response)
        for _chunk in body:
            pass
        if hasattr(body, "close"):
            body.close()
        wall += time.perf_counter() - w0
        cpu += time.process_time() - c0
    return wall / requests * 1000, cpu / requests * 1000


def app_for(url: str, folder: Path, cache_seconds: float):
    os.environ.update(
        DATABASE_URL=url,
        FACTCHECK_INSTANCE=str(folder / "instance"),
        SECRET_KEY="bench-" + "x" * 30,
        FACTCHECK_PRODUCTION="1",
        FACTCHECK_PUBLIC_BASE_URL="https://factcheck.example.org",
        FACTCHECK_AUTO_MIGRATE="0",
        FACTCHECK_PUBLIC_CACHE_SECONDS=str(cache_seconds),
    )
    from factcheck import create_app

    return create_app()


@contextmanager
def prepared(engine: str) -> Iterator[tuple[str, Path, dict, Plan]]:
    """bench/load.py's database on ``engine`` in a temporary folder (one checker): its URL,
    the folder, the environment its commands run with, and the plan (the readers' pages)."""
    with (
        tempfile.TemporaryDirectory(prefix="fc-verdict-") as folder,
        database(engine, Path(folder)) as url,
    ):
        env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
        env.update(DATABASE_URL=url, FACTCHECK_INSTANCE=str(Path(folder) / "instance"))
        yield url, Path(folder), env, prepare(url, env, checkers=1, work_claims=1)


def measure(engine: str, args) -> list[tuple[str, list[tuple[float, float]]]]:
    """Per row, ``args.runs`` (wall ms, CPU ms) pairs; the rows take turns within each run."""
    from ceiling_app import app as bare

    with prepared(engine) as (url, folder, _env, plan):
        path = next(p for p in plan.reader_paths if "/claims/" in p and "synthetic" in p)
        environ = EnvironBuilder(path=path, base_url="http://127.0.0.1:8000").get_environ()
        bare_environ = EnvironBuilder(path="/", base_url="http://127.0.0.1:8000").get_environ()
        cached, stamped = app_for(url, folder, 2), app_for(url, folder, 0)
        cache = None

        def empty_cache():
            cache._pages.clear()
            cache._stamps.clear()

        rows = {"bare Flask page (baseline)": [], "claim page, cache 2 s (default)": []}
        rows |= {"claim page, cache 0 (stamp per request)": [], "claim page, rendered": []}
        for app in (bare, cached, stamped):
            timed(app, environ if app is not bare else bare_environ, 200)  # warm up
        cache = stamped.extensions["factcheck.page_cache"]
        for _ in range(args.runs):
            rows["bare Flask page (baseline)"].append(timed(bare, bare_environ, args.requests))
            rows["claim page, cache 2 s (default)"].append(timed(cached, environ, args.requests))
            rows["claim page, cache 0 (stamp per request)"].append(
                timed(stamped, environ, args.requests)
            )
            rows["claim page, rendered"].append(
                timed(stamped, environ, max(50, args.requests // 20), before=empty_cache)
            )
            timed(stamped, environ, 1)  # leave a stored page for the next run
        for app in (cached, stamped):
            app.extensions["factcheck.engine"].dispose()
    return list(rows.items())


def _spread(values: list[float]) -> str:
    return f"{min(values):.3f} / {statistics.median(values):.3f} / {max(values):.3f}"


def report(engine: str, rows) -> list[str]:
    base_cpu = statistics.median(c for _, c in rows[0][1])
    lines = [
        f"{engine}:",
        "",
        "| page | wall ms (min / med / max) | CPU ms (min / med / max) | rate vs bare (CPU) |",
        "|---|---|---|---|",
    ]
    for name, runs in rows:
        cpu = statistics.median(c for _, c in runs)
        lines.append(
            f"| {name} | {_spread([w for w, _ in runs])} | {_spread([c for _, c in runs])} | "
            f"{base_cpu / cpu:.0%} |"
        )
    return lines + [""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print("$ python bench/bench_verdict.py " + " ".join(sys.argv[1:]))
    print(f"os.cpu_count() = {os.cpu_count()}; load average at start: {os.getloadavg()[0]:.1f}")
    engines = ["sqlite", "postgres"] if args.engine == "both" else [args.engine]
    for engine in engines:
        print("\n".join(report(engine, measure(engine, args))))


if __name__ == "__main__":
    main()
