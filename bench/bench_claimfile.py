"""Claim files at a thousand claims: import and export time (CPU and wall) and peak memory,
beside PyYAML's pure-Python loader and dumper reading and writing the same text.

The file is the demo article (claims/kazakhstan-abraham-accords.yaml) with its claims
repeated to ``--claims`` (new keys, the same texts, evidence and history). Each run imports
it into a fresh database (SQLite in a temporary folder, or a new PostgreSQL database),
exports it again and checks the bytes are the same.

    python bench/bench_claimfile.py --claims 1000 --runs 3 [--engine sqlite|postgres]

Targets (issue 16): 1,000 claims import in under 3 s and export in under 2 s.
"""

from __future__ import annotations

import argparse
import copy
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent)]

from load_setup import DEMO, database  # noqa: E402

from factcheck import db  # noqa: E402
from factcheck.claimfiles import dump, load  # noqa: E402
from factcheck.claimfiles.schema import HEADER  # noqa: E402
from factcheck.models import Article  # noqa: E402


def claim_file(claims: int) -> str:
    """The demo file with its claims repeated to ``claims`` claims."""
    data = yaml.load(DEMO.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    originals = data["claims"]
    data["claims"] = []
    for n in range(claims):
        claim = copy.deepcopy(originals[n % len(originals)])
        claim["key"] = f"c{n + 1}"
        data["claims"].append(claim)
    return HEADER + dump.to_yaml(data)


def timed(call) -> tuple[object, float, float]:
    """``call()``'s result, wall seconds and CPU seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = call()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def one_run(engine: str, text: str) -> dict[str, tuple[float, float]]:
    """Wall and CPU seconds of each step, on a fresh database."""
    with (
        tempfile.TemporaryDirectory(prefix="fc-claimfile-") as folder,
        database(engine, Path(folder)) as url,
    ):
        eng = db.make_engine(url)
        db.upgrade(eng)
        figures = {}
        with db.transaction(eng) as session:
            result, *figures["import"] = timed(
                lambda: load.import_text(session, text, "bench.yaml", trusted=True)
            )
            article_id = result.article.id
        with db.transaction(eng) as session:
            article = session.get(Article, article_id)
            written, *figures["export"] = timed(lambda: dump.dump_article(session, article))
        eng.dispose()
    if written != text:
        raise SystemExit("the exported file differs from the imported one")
    _, *figures["PyYAML SafeLoader (pure Python), parse only"] = timed(
        lambda: yaml.load(text, Loader=yaml.SafeLoader)  # noqa: S506
    )
    data = yaml.load(text, Loader=yaml.CSafeLoader)
    _, *figures["PyYAML SafeDumper (pure Python), emit only"] = timed(
        lambda: yaml.dump(data, Dumper=dump._PyDumper, sort_keys=False, allow_unicode=True)
    )
    return figures


def _spread(values: list[float]) -> str:
    return f"{min(values):.2f} / {statistics.median(values):.2f} / {max(values):.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--engine", choices=["sqlite", "postgres"], default="sqlite")
    args = parser.parse_args()
    print("$ python bench/bench_claimfile.py " + " ".join(sys.argv[1:]))
    print(
        f"os.cpu_count() = {os.cpu_count()}; load average at start: {os.getloadavg()[0]:.1f}; "
        f"PyYAML {yaml.__version__} (libyaml: {getattr(yaml, '__with_libyaml__', False)})"
    )
    text = claim_file(args.claims)
    print(f"{args.claims} claims, {len(text.encode()) / 1e6:.1f} MB; engine {args.engine}")
    runs = [one_run(args.engine, text) for _ in range(args.runs)]
    print("\n| step | wall s (min / med / max) | CPU s (min / med / max) |\n|---|---|---|")
    for step in runs[0]:
        walls, cpus = [r[step][0] for r in runs], [r[step][1] for r in runs]
        print(f"| {step} | {_spread(walls)} | {_spread(cpus)} |")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS of the process: {peak:.0f} MB; exported bytes identical in every run")


if __name__ == "__main__":
    main()
