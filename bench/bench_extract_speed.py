"""Extraction of a 1,000-word article timed on this tree and, side by side, on another tree
(the named baseline: main's code), each run a new process, runs interleaved.

Usage:  python bench/bench_extract_speed.py [--runs 3] [--against /path/to/main/checkout]
        [--repeat 15]

Each run is one process per tree that extracts the article once (the place set's first
load), then times ``extract_article`` ``--repeat`` times with the anchor cache (and the
remembered attributions, subjects and name contexts, where the tree has them) cleared before
each, and reports the median wall and CPU time; the same process also times the baseline's
sentence splitting and anchor recognition. The article is the one ``eval_extract.py
--speed`` uses (the first set's Indonesian articles repeated to 1,000 words), built once by
this tree and given to both. Printed: min / median / max over the runs, per tree, and the
ratio of the medians (this tree / the other). The load average is printed before and after:
on a shared machine the wall times say little, CPU time is the figure to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child(tree: str, article: str, repeat: int) -> None:
    """Time extraction with ``tree``'s factcheck; print one JSON line."""
    sys.path.insert(0, tree)
    from factcheck.articles import claimants, standalone
    from factcheck.articles.extract import extract_article
    from factcheck.articles.worthiness import _cached_anchors
    from factcheck.language import anchors, syntax
    from factcheck.language.anchors import extract_anchors
    from factcheck.language.sentences import split_sentences

    data = json.loads(Path(article).read_text(encoding="utf-8"))
    title, body = data["title"], data["body"]
    extract_article(title, body, "id")  # the place set's first load

    def baseline() -> None:
        for sentence in split_sentences(body, "id"):
            extract_anchors(sentence.text, "id")

    out = {}
    for label, run in (
        ("extract", lambda: extract_article(title, body, "id")),
        ("baseline", baseline),
    ):
        wall, cpu = [], []
        for _ in range(repeat):
            _cached_anchors.cache_clear()
            remembered_by = (claimants.find_attribution, syntax.subject_span)
            # the words folded and the names' head words: an article's own, not the process's
            per_article = (getattr(anchors, "_folded", None), getattr(standalone, "_head_words", 0))
            for remembered in (*remembered_by, standalone.name_context, *per_article):
                getattr(remembered, "cache_clear", lambda: None)()  # (not on older trees)
            started, started_cpu = time.perf_counter(), time.process_time()
            run()
            wall.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        out[label] = {"wall": statistics.median(wall), "cpu": statistics.median(cpu)}
    print(json.dumps(out))


def one_run(tree: Path, article: str, repeat: int) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(tree)]
    command += ["--article", article, "--repeat", str(repeat)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=tree)
    return json.loads(done.stdout.strip().splitlines()[-1])


def spread(values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return f"{min(ms):6.0f} / {statistics.median(ms):6.0f} / {max(ms):6.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--against", help="another checkout (the baseline's code)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--article", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.article, args.repeat)
        return
    if args.runs < 1:
        parser.error("--runs must be 1 or more")
    against = Path(args.against).resolve() if args.against else None
    if against and not (against / "factcheck" / "articles" / "extract.py").is_file():
        parser.error(f"--against {against}: no factcheck/articles/extract.py there")
    sys.path.insert(0, str(ROOT / "bench"))
    from eval_extract import _thousand_words

    title, body = _thousand_words()
    trees = [("this tree", ROOT)] + ([("against", against)] if against else [])
    results: dict[str, list[dict]] = {name: [] for name, _ in trees}
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"cores: {os.cpu_count()}, article: {len(body.split())} words, runs: {args.runs}")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump({"title": title, "body": body}, handle)
    try:
        for _ in range(args.runs):
            for name, tree in trees:  # interleaved: A, B, A, B, ...
                results[name].append(one_run(tree, handle.name, args.repeat))
    finally:
        os.unlink(handle.name)
    print(f"load average after:  {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'median of ' + str(args.repeat) + ' per run, ms':40} min / median / max")
    for name, tree in trees:
        for label in ("extract", "baseline"):
            for kind in ("cpu", "wall"):
                values = [r[label][kind] for r in results[name]]
                print(f"{name:10} {label:9} {kind:5} ({tree.name:10})  {spread(values)}")
    if against:
        for kind in ("cpu", "wall"):
            mine = statistics.median(r["extract"][kind] for r in results["this tree"])
            theirs = statistics.median(r["extract"][kind] for r in results["against"])
            print(f"ratio this tree / against, extract {kind}: {mine / theirs:.2f}")


if __name__ == "__main__":
    main()
