"""The claim queue at 100k claims: what a logged-in checker waits for, in-process.

    python bench/bench_queue.py --engine both --runs 3 --requests 30 [--baseline DIR]

Fills one database per engine with ``--claims`` synthetic claims over ``--articles``
articles (bulk inserts; article texts of about 20 KB, as a newsroom's are), logs a checker in
through the Flask test client and times, per row, ``--requests`` GET requests after one
warm-up: the default view, a status filter, a rare-word and a common-word full-text search,
the article filter and the article typeahead. Wall and CPU time per request, median and p95.

``--baseline DIR``: another checkout (e.g. ``git archive main | tar -x -C DIR``) measured in
the same run, on its own copy of the same data at its own schema; the runs alternate
(baseline, this checkout, baseline, ...) and the ratios are after / before. Each measurement
is a child process that imports only its checkout's code.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "bench-queue-password"
STATUSES = ["unverified"] * 12 + ["in_review"] * 4 + ["verified"] * 2 + ["published"] * 2
VERDICTS = ["true", "mostly_true", "misleading", "false"]
COMMON, RARE = "persen", "zanzibar"  # in about a third of the claims; in 12 claims
SLUG = "artikel-500"  # the article the article filter asks for
CASES = [
    ("default view", "/review/claims"),
    ("status filter (in review)", "/review/claims?status=in_review"),
    ("rare-word search", f"/review/claims?q={RARE}"),
    ("common-word search", f"/review/claims?q={COMMON}"),
    ("article filter", f"/review/claims?article={SLUG}"),
    ("article typeahead", "/review/claims/articles?q=artikel%205"),
]


def _vocabulary(rng: random.Random) -> list[str]:
    letters = "abdeghiklmnoprstuy"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(3000)]


def _text(rng: random.Random, vocabulary: list[str], length: int) -> str:
    # a Zipf-like choice: a few words everywhere, most words seldom
    words = [vocabulary[min(int(rng.paretovariate(0.9)) - 1, 2999)] for _ in range(length)]
    return " ".join(words).capitalize() + "."


def fill(url: str, claims: int, articles: int) -> None:
    """Schema at this checkout's head, then the articles, claims and one checker, in bulk."""
    from sqlalchemy import insert
    from werkzeug.security import generate_password_hash

    from factcheck import db
    from factcheck.models import Article, Claim, User

    rng = random.Random(16)
    vocabulary = _vocabulary(rng)
    engine = db.make_engine(url)
    db.upgrade(engine)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    rare = set(rng.sample(range(1, claims + 1), 12))
    per_article = claims // articles
    with engine.begin() as connection:
        hashed = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")
        checker = {"id": 1, "name": "checker1", "role": "checker", "password_hash": hashed}
        connection.execute(insert(User), [checker])
        body = " ".join(_text(rng, vocabulary, 30) for _ in range(100))  # about 20 KB
        rows = [
            {
                "id": a,
                "slug": f"artikel-{a}",
                "title": f"Artikel {a}: " + _text(rng, vocabulary, 6),
                "language": "id",
                "text": body,
                "content_hash": f"{a:064x}",
                "created_at": start,
            }
            for a in range(1, articles + 1)
        ]
        connection.execute(insert(Article), rows)
        for first in range(1, claims + 1, 10_000):
            last = min(first + 10_000, claims + 1)
            rows = [
                _claim(rng, vocabulary, c, per_article, rare, start) for c in range(first, last)
            ]
            connection.execute(insert(Claim), rows)
    if engine.dialect.name == "postgresql":  # what autovacuum does soon after on a live one
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("ANALYZE")
    engine.dispose()


def _claim(rng, vocabulary, c: int, per_article: int, rare: set[int], start: datetime) -> dict:
    words = _text(rng, vocabulary, rng.randint(8, 20))
    if rng.random() < 0.33:
        words = words[:-1] + f" {COMMON}."
    if c in rare:
        words = words[:-1] + f" {RARE}."
    status = rng.choice(STATUSES)
    return {
        "id": c,
        "article_id": (c - 1) // per_article + 1,
        "key": f"c{(c - 1) % per_article + 1}",
        "position": (c - 1) % per_article,
        "text": words,
        "sentence": words,
        "reasons": "[]",
        "score": rng.random(),
        "checkworthy": rng.random() < 0.85,
        "status": status,
        "verdict": rng.choice(VERDICTS) if status in ("verified", "published") else None,
        "assignee_id": 1 if rng.random() < 0.1 else None,
        "created_at": start,
        "updated_at": start + timedelta(seconds=c * 37 % 10_000_000),
    }


def measure(url: str, requests: int) -> dict[str, list[list[float]]]:
    """Per case, the (wall ms, CPU ms) of each of ``requests`` requests after a warm-up."""
    from factcheck import create_app

    folder = tempfile.mkdtemp(prefix="fc-queue-instance-")
    app = create_app(
        {
            "SECRET_KEY": "bench-" + "x" * 30,
            "DATABASE_URL": url,
            "AUTO_MIGRATE": False,
            "WTF_CSRF_ENABLED": False,
            "INSTANCE_PATH": folder,
            "DEMO_CLAIMS_DIR": str(Path(folder) / "no-demo"),
        }
    )
    client = app.test_client()
    response = client.post("/login", data={"name": "checker1", "password": PASSWORD})
    assert response.status_code == 302, response.status_code
    found = {}
    for name, path in CASES:
        if client.get(path).status_code == 404:  # the baseline has no typeahead
            continue
        times = []
        for _ in range(requests):
            w0, c0 = time.perf_counter(), time.process_time()
            response = client.get(path)
            times.append([(time.perf_counter() - w0) * 1000, (time.process_time() - c0) * 1000])
            assert response.status_code == 200, (path, response.status_code)
        found[name] = times
    app.extensions["factcheck.engine"].dispose()
    shutil.rmtree(folder, ignore_errors=True)
    return found


def _child(code: Path, *args: str) -> str:
    """Run this script's ``args`` in a child importing ``code``'s factcheck."""
    env = dict(os.environ, PYTHONPATH=str(code))
    done = subprocess.run(
        [sys.executable, __file__, *args], env=env, cwd=code, capture_output=True, text=True
    )
    if done.returncode:
        raise RuntimeError(done.stdout + done.stderr)
    return done.stdout


def _copy_database(engine: str, url: str, folder: Path, name: str) -> str:
    """A copy of the database at ``url`` (a file copy; PostgreSQL: CREATE DATABASE TEMPLATE)."""
    if engine == "sqlite":
        target = folder / f"{name}.sqlite3"
        shutil.copy(url.removeprefix("sqlite:///"), target)
        return f"sqlite:///{target}"
    server, source = url.rsplit("/", 1)
    copy = f"{source}_{name}"
    psql = ["psql", "-q", f"{server}/postgres", "-c"]
    subprocess.run([*psql, f'CREATE DATABASE "{copy}" TEMPLATE "{source}"'], check=True)
    return f"{server}/{copy}"


def _drop(url: str) -> None:
    server, name = url.rsplit("/", 1)
    subprocess.run(["dropdb", "--force", "-h", "127.0.0.1", "-U", "postgres", name], check=True)


def run_engine(engine: str, args) -> list[str]:
    """Fill, then alternate the checkouts' measurements; the report's lines."""
    sys.path.insert(0, str(ROOT / "bench"))
    from load_setup import database

    codes = {"after": ROOT}
    if args.baseline:
        codes = {"before": Path(args.baseline).resolve(), "after": ROOT}
    with (
        tempfile.TemporaryDirectory(prefix="fc-queue-") as folder,
        database(engine, Path(folder)) as url,
    ):
        t0 = time.perf_counter()
        first = next(iter(codes.values()))
        _child(first, "fill", url, str(args.claims), str(args.articles))
        urls = {label: url for label in codes}
        if args.baseline:  # the same rows, upgraded to this checkout's head (and analysed)
            urls["after"] = _copy_database(engine, url, Path(folder), "after")
            _child(ROOT, "upgrade", urls["after"])
        fill_seconds = time.perf_counter() - t0
        results: dict[str, dict[str, list]] = {label: {} for label in codes}
        for _run in range(args.runs):
            for label, code in codes.items():
                out = json.loads(_child(code, "measure", urls[label], str(args.requests)))
                for case, times in out.items():
                    results[label].setdefault(case, []).append(times)
        if args.baseline and engine == "postgres":
            _drop(urls["after"])
    return report(engine, results, fill_seconds)


def _stats(times: list[list[float]], column: int) -> tuple[float, float]:
    values = sorted(t[column] for t in times)
    return statistics.median(values), values[max(0, int(len(values) * 0.95) - 1)]


def report(engine: str, results: dict[str, dict[str, list]], fill_seconds: float) -> list[str]:
    """Per case and checkout: the runs' medians and p95s, wall and CPU, and after / before."""
    lines = [f"{engine} (filled in {fill_seconds:.0f} s):"]
    lines.append(
        f"  {'case':28} {'code':6} {'median wall ms (runs)':>26} {'p95 wall':>8} "
        f"{'median CPU ms (runs)':>26} {'after/before (med. wall, CPU)':>30}"
    )
    for case, _path in CASES:
        for label, cases in results.items():
            if case not in cases:
                continue
            runs = cases[case]
            walls = [_stats(r, 0)[0] for r in runs]
            cpus = [_stats(r, 1)[0] for r in runs]
            p95 = statistics.median(_stats(r, 0)[1] for r in runs)
            ratio = ""
            before = results.get("before", {}).get(case)
            if label == "after" and before:
                bw = statistics.median(_stats(r, 0)[0] for r in before)
                bc = statistics.median(_stats(r, 1)[0] for r in before)
                ratio = f"{statistics.median(walls) / bw:.2f}x, {statistics.median(cpus) / bc:.2f}x"
            lines.append(
                f"  {case:28} {label:6} {' / '.join(f'{w:.1f}' for w in walls):>26} "
                f"{p95:8.1f} {' / '.join(f'{c:.1f}' for c in cpus):>26} {ratio:>30}"
            )
    return lines


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in ("fill", "upgrade", "measure"):
        sys.path.insert(0, os.getcwd())  # the checkout the parent chose
        step, url, *rest = sys.argv[1:]
        if step == "fill":
            fill(url, int(rest[0]), int(rest[1]))
        elif step == "upgrade":
            from factcheck import db

            engine = db.make_engine(url)
            db.upgrade(engine)
            if engine.dialect.name == "postgresql":
                with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
                    c.exec_driver_sql("ANALYZE")
            engine.dispose()
        else:
            print(json.dumps(measure(url, int(rest[0]))))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=1_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", help="another checkout to measure in the same run")
    args = parser.parse_args()
    print(f"$ python bench/{Path(__file__).name} {' '.join(sys.argv[1:])}")
    print(f"cores: {os.cpu_count()}; load average at start: {os.getloadavg()}")
    engines = ["sqlite", "postgres"] if args.engine == "both" else [args.engine]
    for engine in engines:
        print("\n".join(run_engine(engine, args)), flush=True)
    print(f"load average at end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
