"""What one change to a published claim costs the readers' pages of its article, in-process.

The database bench/load.py prepares (articles of 20 published claims), the app built as
gunicorn builds it (production settings, PUBLIC_CACHE_SECONDS=0), every page of one article
(its page and its 20 claim pages) rendered and stored; then, round after round, a correction
of one of its claims (proposed by an editor, approved by another, through the review
workflow) and one request for each of the 21 pages, as a process's readers would send after
the change. Per round: how many pages were rendered again, and the CPU time of the 21
requests (the change itself not counted).

    python bench/bench_invalidation.py --engine both --rounds 20 --runs 3

Only the changed claim's page and the article's page show the change; each other claim page
is still right, and re-rendering it is waste.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent)]

from bench_verdict import app_for, prepared, timed  # noqa: E402
from load_setup import PASSWORD, _cli  # noqa: E402
from sqlmodel import select  # noqa: E402
from werkzeug.test import EnvironBuilder  # noqa: E402

from factcheck import db  # noqa: E402
from factcheck.models import Article, Claim, User  # noqa: E402
from factcheck.review import verdict_changes  # noqa: E402
from factcheck.review.ratings import RatingScale  # noqa: E402

SLUG = "synthetic-1"


def correct(url: str, key: str, n: int) -> None:
    """A correction of claim ``key`` of the article, approved: one change readers must see."""
    engine = db.make_engine(url)
    with db.transaction(engine) as session:
        proposer = session.exec(select(User).where(User.name == "editor2")).one()
        editor = session.exec(select(User).where(User.name == "editor1")).one()
        claim = session.exec(
            select(Claim).join(Article).where(Article.slug == SLUG, Claim.key == key)
        ).one()
        verdict_changes.set_verdict(
            session,
            claim,
            "true" if n % 2 else "mostly_true",
            f"Correction {n}: the official count matches exactly.",
            user=proposer,
            expected_version=claim.version,
            scale=RatingScale(None),
            note=f"Correction {n}.",
        )
        verdict_changes.approve_correction(
            session, verdict_changes.pending_correction(session, claim), user=editor
        )
    engine.dispose()


def measure(engine: str, args) -> list[tuple[int, float]]:
    """(pages rendered again, CPU ms of the 21 requests) for every round of every run."""
    from flask import template_rendered

    with prepared(engine) as (url, folder, env, plan):
        _cli(env, "user", "add", "editor2", "--role", "editor", stdin=PASSWORD + "\n")
        paths = [p for p in plan.reader_paths if p.startswith(f"/articles/{SLUG}")]
        keys = [p.rsplit("/", 1)[1] for p in paths if "/claims/" in p]
        base = "http://127.0.0.1:8000"
        environs = [EnvironBuilder(path=p, base_url=base).get_environ() for p in paths]
        app = app_for(url, folder, 0)
        renders: list[str] = []

        def record(_app, template, **_context):
            renders.append(template.name)

        template_rendered.connect(record, app)
        for environ in environs * 2:  # every page rendered and stored, then served once
            timed(app, environ, 1)
        results = []
        for n in range(args.runs * args.rounds):
            correct(url, keys[n % len(keys)], n)
            renders.clear()
            cpu = sum(timed(app, environ, 1)[1] for environ in environs)
            results.append((len(renders), cpu))
        template_rendered.disconnect(record, app)
        app.extensions["factcheck.engine"].dispose()
    return results


def report(engine: str, results: list[tuple[int, float]], args) -> list[str]:
    per_run = [results[k * args.rounds : (k + 1) * args.rounds] for k in range(args.runs)]
    rendered = [statistics.median(r for r, _ in run) for run in per_run]
    cpu = [statistics.median(c for _, c in run) for run in per_run]
    return [
        f"{engine}: after each change, pages rendered again (of 21) median per run "
        f"{' / '.join(f'{r:g}' for r in rendered)}; CPU ms for the 21 requests "
        f"min / median / max over the runs' medians {min(cpu):.1f} / "
        f"{statistics.median(cpu):.1f} / {max(cpu):.1f}"
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--rounds", type=int, default=20, help="changes per run")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print("$ python bench/bench_invalidation.py " + " ".join(sys.argv[1:]))
    print(f"os.cpu_count() = {os.cpu_count()}; load average at start: {os.getloadavg()[0]:.1f}")
    engines = ["sqlite", "postgres"] if args.engine == "both" else [args.engine]
    for engine in engines:
        started = time.process_time()
        print("\n".join(report(engine, measure(engine, args), args)), flush=True)
        print(f"({engine}: {time.process_time() - started:.1f} s CPU in all)")


if __name__ == "__main__":
    main()
