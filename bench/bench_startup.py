"""Start-up of the factcheck command against Flask's own (issue 16: each under 0.5 s).

    python bench/bench_startup.py [--runs 9] [--against DIR] [--no-bytecode]

Each command runs ``--runs`` times in a fresh process, the commands taking turns (so that the
load of a shared machine falls on all of them alike), after one unmeasured warm-up run each.
Printed per command: wall and CPU time (user + system of the process) as min / median / max,
and the medians' ratio to the baselines ``flask --help`` and ``python -c 'import sqlmodel'``
of the same run. Also measured: ``python -c 'import flask'`` and ``python -c 'import flask,
sqlmodel'``, the floor of any command that reads the database (the models are SQLModel
classes).

The database commands use a temporary instance folder holding the demo article, and every
command a temporary cache folder (``XDG_CACHE_HOME``): the warm-up run writes factcheck's
cached files there (the decompressed language model and its table, the glossary). The first
run on a machine, writing them, is timed once apart (`extract` with an empty cache folder).

What is measured is a user's machine, where Python's bytecode of factcheck exists: pip
compiles an installed wheel's modules at install time, and an editable checkout's are
written on its first import. ``PYTHONDONTWRITEBYTECODE`` (set in this workplace) is removed
from the commands' environment, so the warm-up run writes the checkout's ``__pycache__``
and the measured runs read it, as Flask's and SQLAlchemy's are read from site-packages.
``--no-bytecode`` measures the other case once, for comparison: the commands keep
``PYTHONDONTWRITEBYTECODE=1`` and import factcheck from a copy of its package without
``__pycache__`` (first on ``PYTHONPATH``), so every run compiles factcheck's source (the
libraries' bytecode is still read), as a process in this workplace does.

``--against DIR`` also times another checkout's ``factcheck --help`` and ``extract SEED`` in the
same run, taking turns with the others: ``python -c`` starting the command as the script does
(``factcheck.cli.run``, or ``main`` where DIR has no ``run``) with DIR first on ``PYTHONPATH``
(so DIR's factcheck is imported, with this environment's packages).
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SEED = ROOT / "tests" / "data" / "extract" / "seed-kazakhstan-abraham-accords.id.txt"
DEMO = ROOT / "claims" / "kazakhstan-abraham-accords.yaml"
BASELINE = "flask --help"
FLOOR = "python -c 'import sqlmodel'"
FIRST = "factcheck extract SEED"


def commands() -> dict[str, list[str]]:
    factcheck, python = str(BIN / "factcheck"), sys.executable
    return {
        "python -c 'import flask'": [python, "-c", "import flask"],
        BASELINE: [str(BIN / "flask"), "--help"],
        FLOOR: [python, "-c", "import sqlmodel"],
        "python -c 'import flask, sqlmodel'": [python, "-c", "import flask, sqlmodel"],
        "factcheck --help": [factcheck, "--help"],
        "factcheck --version": [factcheck, "--version"],
        "factcheck extract SEED": [factcheck, "extract", str(SEED)],
        # the same without identifying the article's language (py3langid's model load)
        "factcheck extract --language id SEED": [factcheck, "extract", "--language=id", str(SEED)],
        "factcheck articles": [factcheck, "articles"],
    }


# The factcheck script, for a checkout's code on PYTHONPATH: its entry point, `run` (or
# `main`, the Flask group, in code from before `run`).
LAUNCH = (
    "import sys; import factcheck.cli as cli; sys.argv[0] = 'factcheck'; "
    "sys.exit((getattr(cli, 'run', None) or cli.main)())"
)


def source_copy(checkout: Path, into: Path) -> Path:
    """A copy of ``checkout``'s factcheck package without bytecode; the folder holding it."""
    shutil.copytree(
        checkout / "factcheck", into / "factcheck", ignore=shutil.ignore_patterns("__pycache__")
    )
    return into


def timed(args: list[str], env: dict, cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``args``."""
    started = time.perf_counter()
    process = subprocess.Popen(
        args, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{shlex.join(args)} exited with {process.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def prepare(env: dict, cwd: Path) -> None:
    """The demo article in a fresh database, so that `articles` has something to list."""
    factcheck = str(BIN / "factcheck")
    for args in ([factcheck, "db", "upgrade"], [factcheck, "import", str(DEMO)]):
        subprocess.run(args, env=env, cwd=cwd, check=True, capture_output=True)


def spread(values: list[float]) -> str:
    ms = sorted(v * 1000 for v in values)
    return f"{ms[0]:5.0f} {statistics.median(ms):5.0f} {ms[-1]:5.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--against", help="another checkout, timed in the same run")
    parser.add_argument(
        "--no-bytecode",
        action="store_true",
        help="factcheck's modules compiled from source in every run (see above)",
    )
    args = parser.parse_args()
    against = f" --against {args.against}" if args.against else ""
    against += " --no-bytecode" if args.no_bytecode else ""
    print(f"command: python bench/bench_startup.py --runs {args.runs}{against}")
    print(f"cores: {os.cpu_count()}; load average at start: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="factcheck-startup-") as folder:
        work = Path(folder)
        dropped = ("DATABASE_URL", "FLASK_APP", "PYTHONDONTWRITEBYTECODE")
        env = {k: v for k, v in os.environ.items() if k not in dropped}
        env["FACTCHECK_INSTANCE"] = str(work / "instance")
        env["XDG_CACHE_HOME"] = str(work / "cache")
        if args.no_bytecode:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
            env["PYTHONPATH"] = str(source_copy(ROOT, work / "this"))
        table = commands()
        envs = {name: env for name in table}
        if args.against:  # the other checkout's code first on the path
            other_code = Path(args.against).resolve()
            if args.no_bytecode:
                other_code = source_copy(other_code, work / "other")
            other = {**env, "PYTHONPATH": str(other_code)}
            for name in ("factcheck --help", FIRST):
                row = f"{name} [{Path(args.against).name}]"
                table[row] = [sys.executable, "-c", LAUNCH, *table[name][1:]]
                envs[row] = other
        # the first run on a machine, writing the cache folder (its own, empty)
        first = timed(table[FIRST], {**env, "XDG_CACHE_HOME": str(work / "first")}, work)
        prepare(env, work)
        for name, argv in table.items():  # warm-up: bytecode, factcheck's cache, page cache
            timed(argv, envs[name], work)
        walls = {name: [] for name in table}
        cpus = {name: [] for name in table}
        for _ in range(args.runs):
            for name, argv in table.items():
                wall, cpu = timed(argv, envs[name], work)
                walls[name].append(wall)
                cpus[name].append(cpu)
    print(f"load average at end: {os.getloadavg()[0]:.2f}")
    base_wall, base_cpu = statistics.median(walls[BASELINE]), statistics.median(cpus[BASELINE])
    floor_wall, floor_cpu = statistics.median(walls[FLOOR]), statistics.median(cpus[FLOOR])
    print(
        f"\n{'':38} {'wall ms min   med   max':>22}  {'cpu ms min   med   max':>21}"
        f"  {'vs flask*':>11}  {'vs sqlmodel*':>12}"
    )
    for name in table:
        wall, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
        print(
            f"{name:38} {spread(walls[name]):>22}  {spread(cpus[name]):>21}  "
            f"{wall / base_wall:4.2f} / {cpu / base_cpu:4.2f}  "
            f"{wall / floor_wall:5.2f} / {cpu / floor_cpu:4.2f}"
        )
    print(f"\n* median wall / median CPU, against `{BASELINE}` and `{FLOOR}` in this run")
    print(
        f"`{FIRST}`, first run (writes the cache folder): "
        f"{first[0] * 1000:.0f} ms wall, {first[1] * 1000:.0f} ms CPU"
    )
    slow = [n for n in table if n.startswith("factcheck") and statistics.median(walls[n]) >= 0.5]
    print("over 0.5 s (median wall): " + (", ".join(slow) if slow else "none"))


if __name__ == "__main__":
    main()
