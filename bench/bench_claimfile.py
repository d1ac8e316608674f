"""Claim files at a thousand claims: import and export time (CPU and wall) and peak memory,
beside PyYAML's pure-Python loader and dumper reading and writing the same text.

The file is the demo article (claims/kazakhstan-abraham-accords.yaml) with its claims
repeated to ``--claims`` (new keys, the same texts, evidence and history). Each run imports
it into a fresh database (SQLite in a temporary folder, or a new PostgreSQL database),
exports it again and checks the bytes are the same.

    python bench/bench_claimfile.py --claims 1000 --runs 3 [--engine sqlite|postgres]
    python bench/bench_claimfile.py --claims 1000,10000 --runs 3 --no-pure-python

Several sizes (comma-separated) run each in its own process, so that each peak memory (max
RSS) is that size's own; ``--no-pure-python`` leaves out the pure-Python PyYAML baselines
(minutes at 10,000 claims).

Targets (issue 16): 1,000 claims import in under 3 s and export in under 2 s; 10,000 claims
stream with flat memory.
"""

from __future__ import annotations

import argparse
import copy
import os
import resource
import statistics
import subprocess
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


def claim_data(claims: int) -> dict:
    """The demo file's data with its claims repeated to ``claims`` claims (new keys, the same
    texts, evidence and history)."""
    data = yaml.load(DEMO.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    originals = data["claims"]
    data["claims"] = []
    for n in range(claims):
        claim = copy.deepcopy(originals[n % len(originals)])
        claim["key"] = f"c{n + 1}"
        data["claims"].append(claim)
    return data


def claim_file(claims: int) -> str:
    """The demo file with its claims repeated to ``claims`` claims."""
    return HEADER + dump.to_yaml(claim_data(claims))


def timed(call) -> tuple[object, float, float]:
    """``call()``'s result, wall seconds and CPU seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = call()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def one_run(engine: str, path: Path, pure_python: bool = True) -> dict[str, tuple[float, float]]:
    """Wall and CPU seconds of each step, on a fresh database: the file at ``path`` imported
    as ``factcheck import`` does (read as it goes), then exported piece by piece, each piece
    compared with the file as it comes (nothing here holds the whole text)."""
    with (
        tempfile.TemporaryDirectory(prefix="fc-claimfile-") as folder,
        database(engine, Path(folder)) as url,
    ):
        eng = db.make_engine(url)
        db.upgrade(eng)
        figures = {}
        with db.transaction(eng) as session:
            result, *figures["import"] = timed(
                lambda: load.import_path(session, path, trusted=True)
            )
            article_id = result.article.id
        with db.transaction(eng) as session, open(path, encoding="utf-8") as file:
            article = session.get(Article, article_id)
            same, *figures["export"] = timed(
                lambda: _same_text(dump.dump_chunks(session, article), file)
            )
        eng.dispose()
    if not same:
        raise SystemExit("the exported file differs from the imported one")
    if not pure_python:
        return figures
    text = path.read_text(encoding="utf-8")
    _, *figures["PyYAML SafeLoader (pure Python), parse only"] = timed(
        lambda: yaml.load(text, Loader=yaml.SafeLoader)  # noqa: S506
    )
    data = yaml.load(text, Loader=yaml.CSafeLoader)
    _, *figures["PyYAML SafeDumper (pure Python), emit only"] = timed(
        lambda: yaml.dump(data, Dumper=dump._PyDumper, sort_keys=False, allow_unicode=True)
    )
    return figures


def _same_text(chunks, file) -> bool:
    """Whether the chunks join into the text of ``file``, read as they come."""
    return all(file.read(len(chunk)) == chunk for chunk in chunks) and file.read(1) == ""


def _spread(values: list[float]) -> str:
    return f"{min(values):.2f} / {statistics.median(values):.2f} / {max(values):.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", default="1000", help="a number, or several: 1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--engine", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--no-pure-python", action="store_true", help="skip PyYAML baselines")
    parser.add_argument("--text", help=argparse.SUPPRESS)  # the file to read (or --make)
    parser.add_argument("--make", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [int(n) for n in args.claims.split(",")]
    if args.make:
        Path(args.text).write_text(claim_file(sizes[0]), encoding="utf-8")
        return
    if len(sizes) > 1:
        _each_in_a_process(sizes, args)
        return
    print("$ python bench/bench_claimfile.py " + " ".join(sys.argv[1:]))
    print(
        f"os.cpu_count() = {os.cpu_count()}; load average at start: {os.getloadavg()[0]:.1f}; "
        f"PyYAML {yaml.__version__} (libyaml: {getattr(yaml, '__with_libyaml__', False)})"
    )
    with tempfile.TemporaryDirectory(prefix="fc-claimfile-text-") as folder:
        path = Path(args.text or Path(folder) / "claims.yaml")
        if not args.text:
            path.write_text(claim_file(sizes[0]), encoding="utf-8")
        before = _peak_mb()
        size = path.stat().st_size / 1e6
        print(f"{sizes[0]} claims, {size:.1f} MB; engine {args.engine}")
        runs = [one_run(args.engine, path, not args.no_pure_python) for _ in range(args.runs)]
    print("\n| step | wall s (min / med / max) | CPU s (min / med / max) |\n|---|---|---|")
    for step in runs[0]:
        walls, cpus = [r[step][0] for r in runs], [r[step][1] for r in runs]
        print(f"| {step} | {_spread(walls)} | {_spread(cpus)} |")
    print(
        f"\npeak RSS of the process: {_peak_mb():.0f} MB ({before:.0f} MB before the first "
        f"import; grown {_peak_mb() - before:.0f} MB); exported bytes identical in every run"
    )


def _each_in_a_process(sizes: list[int], args: argparse.Namespace) -> None:
    """Run each size in its own process, given its file made by another: each max RSS is then
    that size's own import and export (a child's max RSS starts at its parent's RSS at the
    fork, so this process must stay small, and making the file is not)."""
    print("$ python bench/bench_claimfile.py " + " ".join(sys.argv[1:]))
    options = ["--runs", str(args.runs), "--engine", args.engine]
    options += ["--no-pure-python"] if args.no_pure_python else []
    with tempfile.TemporaryDirectory(prefix="fc-claimfile-text-") as folder:
        for n in sizes:
            path = Path(folder) / f"{n}.yaml"
            command = [sys.executable, __file__, "--claims", str(n), "--text", str(path)]
            subprocess.run([*command, "--make"], check=True)
            subprocess.run([*command, *options], check=True)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


if __name__ == "__main__":
    main()
