"""CPU time of a checker's round trip in-process: the claim's review page, a verdict saved,
and a save refused as stale (409), for the current code against a baseline revision.

    python bench/bench_review.py --engine both --runs 3 --requests 200 [--baseline REV]

bench/load.py's database (the demo, published synthetic articles, the checkers' claims in
review), made once per engine by the current code; each run gives each code a fresh copy of
it, in a process of its own (the baseline is a ``git archive`` of ``--baseline``, by default
where this branch left main, laid out as the wheel lays it out, templates inside the package),
the two codes taking turns first. A
process logs one checker in through the login form (Flask's test client, production
settings), gives one claim a history of ``--history`` saves (what the load bench's checkers
leave on their six shared claims halfway through a run), then times ``--requests`` of each:
the review page; a save through its verdict form (the page loaded first, untimed); a save
with the version seen before someone else's (409). Rows: CPU ms per request (min / median /
max of the runs) and the queries each sends; the ratio is the baseline's median over the
current code's. The test client's own cost is in both codes' figures alike.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
BASE = "https://localhost"
ROWS = ("review page (GET)", "verdict saved (POST, redirect)", "stale save refused (POST, 409)")
SAVED = (302, 303)


def baseline_copy(revision: str, folder: Path) -> Path:
    """``revision``'s files in ``folder``, the templates and the demo inside the package."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    shutil.move(folder / "templates", folder / "factcheck" / "templates")
    shutil.move(folder / "claims", folder / "factcheck" / "demo")
    return folder


@contextmanager
def copy_of(engine: str, url: str, folder: Path, name: str) -> Iterator[str]:
    """A fresh copy of the prepared database at ``url``: its URL, dropped after on PostgreSQL."""
    if engine == "sqlite":
        path = folder / f"{name}.sqlite3"
        shutil.copy(url.removeprefix("sqlite:///"), path)
        yield f"sqlite:///{path}"
        path.unlink()
        return
    server, _, template = url.rpartition("/")
    copy = f"{template}_{name}"
    host = ["-h", "127.0.0.1", "-p", "5432", "-U", "postgres"]
    subprocess.run(["createdb", *host, "-T", template, copy], check=True)
    try:
        yield f"{server}/{copy}"
    finally:
        subprocess.run(["dropdb", "--force", *host, copy], check=True)


def run_worker(code: Path, url: str, folder: Path, claim_id: int, args) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", "--code", str(code)]
    command += ["--url", url, "--instance", str(folder / "instance"), "--claim", str(claim_id)]
    command += ["--requests", str(args.requests), "--history", str(args.history)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=folder)
    if done.returncode:
        raise RuntimeError(f"{code}'s worker failed:\n{done.stdout}{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(engine: str, codes: dict[str, Path], args) -> dict[str, list[dict]]:
    """Per code, one worker's figures per run."""
    from load_setup import database, prepare

    results: dict[str, list[dict]] = {name: [] for name in codes}
    with (
        tempfile.TemporaryDirectory(prefix="fc-review-") as tmp,
        database(engine, Path(tmp)) as url,
    ):
        folder = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
        env.update(DATABASE_URL=url, FACTCHECK_INSTANCE=str(folder / "instance"))
        plan = prepare(url, env, checkers=1, work_claims=6)
        for run in range(args.runs):
            order = list(codes) if run % 2 == 0 else list(reversed(codes))
            for number, name in enumerate(order):
                with copy_of(engine, url, folder, f"copy{number}") as copy:
                    figures = run_worker(codes[name], copy, folder, plan.work_claim_ids[0], args)
                results[name].append(figures)
    return results


# --- the worker: one code, one database copy -----------------------------------------------


def worker(args) -> None:
    sys.path[:0] = [str(BENCH), str(args.code)]
    os.environ.update(
        DATABASE_URL=args.url,
        FACTCHECK_INSTANCE=args.instance,
        SECRET_KEY="bench-" + "x" * 30,
        FACTCHECK_PRODUCTION="1",
        FACTCHECK_PUBLIC_BASE_URL="https://factcheck.example.org",
        FACTCHECK_AUTO_MIGRATE="0",
    )
    from load_clients import form_with
    from load_setup import PASSWORD
    from sqlalchemy import event

    import factcheck

    assert factcheck.__file__.startswith(str(args.code)), factcheck.__file__
    app = factcheck.create_app()
    queries = [0]
    event.listen(app.extensions["factcheck.engine"], "before_cursor_execute", _counter(queries))
    client = app.test_client()
    client.environ_base["HTTP_REFERER"] = BASE + "/"  # HTTPS: Flask-WTF checks the referrer
    login = form_with(client.get(BASE + "/login").text, "password")["fields"]
    answer = client.post(BASE + "/login", data=dict(login, name="checker1", password=PASSWORD))
    assert answer.status_code in (302, 303), answer.status_code
    page_url = f"{BASE}/review/claims/{args.claim}"

    def page() -> str:
        answer = client.get(page_url)
        assert answer.status_code == 200, answer.status_code
        return answer.text

    def save(fields: dict, expect: tuple[int, ...]) -> None:
        answer = client.post(page_url + "/verdict", data=fields)
        assert answer.status_code in expect, (answer.status_code, expect)

    def filled(number: int) -> dict:
        fields = form_with(page(), "rationale")["fields"]
        verdict = ("false", "mostly_true", "half_true")[number % 3]
        return dict(fields, verdict=verdict, rationale=f"Checked against the sources. {number}")

    for number in range(args.history):
        save(filled(number), SAVED)
    stale = filled(-1)
    save(filled(-2), SAVED)  # someone else's save: ``stale`` now has an old version
    for _ in range(20):
        page()
    numbers = itertools.count(args.history)
    figures = {
        ROWS[0]: _timed(args.requests, lambda _: page(), queries),
        ROWS[1]: _timed(
            args.requests,
            lambda fields: save(fields, SAVED),
            queries,
            lambda: filled(next(numbers)),
        ),
        ROWS[2]: _timed(
            args.requests,
            lambda fields: save(fields, (409,)),
            queries,
            lambda: dict(stale, request_id=f"stale-{next(numbers)}"),
        ),
    }
    app.extensions["factcheck.engine"].dispose()
    print(json.dumps(figures))


def _counter(queries: list[int]):
    def count(*_args) -> None:
        queries[0] += 1

    return count


def _timed(requests: int, call, queries: list[int], make=lambda: None) -> tuple[float, float]:
    """(CPU ms, queries) per ``call(make())``; ``make`` runs before the clock starts (a save's
    page load is not the save)."""
    cpu = 0.0
    sent = 0
    for _ in range(requests):
        argument = make()
        before, started = queries[0], time.process_time()
        call(argument)
        cpu += time.process_time() - started
        sent += queries[0] - before
    return cpu / requests * 1000, sent / requests


def _spread(values: list[float]) -> str:
    return f"{min(values):.2f} / {statistics.median(values):.2f} / {max(values):.2f}"


def report(engine: str, results: dict[str, list[dict]]) -> list[str]:
    (base_name, base), (name, current) = results.items()
    lines = [
        f"{engine}:",
        "",
        f"| request | {base_name} CPU ms (min / med / max) | {name} CPU ms | "
        f"queries ({base_name} → {name}) | {base_name} / {name} (CPU, medians) |",
        "|---|---|---|---|---|",
    ]
    for row in ROWS:
        before = [r[row][0] for r in base]
        after = [r[row][0] for r in current]
        sent = f"{statistics.median(r[row][1] for r in base):.1f} → "
        sent += f"{statistics.median(r[row][1] for r in current):.1f}"
        ratio = statistics.median(before) / statistics.median(after)
        lines.append(f"| {row} | {_spread(before)} | {_spread(after)} | {sent} | {ratio:.2f}x |")
    return lines + [""]


def _git(*args: str) -> str:
    done = subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True)
    return done.stdout.decode().strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--history", type=int, default=30, help="saves before timing")
    parser.add_argument(
        "--baseline", help="git revision to compare with (default: where HEAD left main)"
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--code", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--instance", help=argparse.SUPPRESS)
    parser.add_argument("--claim", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return
    sys.path.insert(0, str(BENCH))
    print("$ python bench/bench_review.py " + " ".join(sys.argv[1:]))
    revision = args.baseline or _git("merge-base", "HEAD", "main")
    revision = _git("rev-parse", "--short", revision)
    print(f"os.cpu_count() = {os.cpu_count()}; load average at start: {os.getloadavg()[0]:.1f}")
    engines = ["sqlite", "postgres"] if args.engine == "both" else [args.engine]
    with tempfile.TemporaryDirectory(prefix="fc-review-base-") as tmp:
        codes = {f"baseline {revision}": baseline_copy(revision, Path(tmp)), "current": ROOT}
        for engine in engines:
            print("\n".join(report(engine, measure(engine, codes, args))))


if __name__ == "__main__":
    main()
