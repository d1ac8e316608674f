"""Evaluate claim-to-passage matching: the new matcher (with and without the glossary, two
fusions), the old matcher, embeddings alone and bm25s, in one run.

    python bench/eval_match.py [--data FILE ...] [--old-commit 7faa4f1]
    python bench/eval_match.py --new-only --vectors DIR --data FILE ...   (a quick pass)

A data file holds passages ({"type": "passage", "id", "lang", "text", "source"?}) and claims
({"type": "claim", "id", "lang", "text", "gold": [supporting passage ids],
"contradicts"?: [{"passage": id, "kind", "near"?...}]}, see bench/data/match_eval_v2/README.md);
a claim with no gold has no support. Default:
bench/data/match_eval.jsonl and, when present, bench/data/match_eval_v2/dev.jsonl (the
held-out part is run only when named with --data). For each method, separately for
cross-language support (gold in the other language) and same-language support:

- r@1 / r@5: share of claims with a supporting passage first / among the first 5 (for the
  new matcher, of the evidence list: passages it calls contradicting are listed apart, under
  "Contradicts", and counted in the next two columns);
- MRR: mean of 1 / rank of the first supporting passage (0 beyond rank 10);
- contradictions surfaced: planted contradicting passages that the method shows for the claim
  (default thresholds: the top 5, plus the new matcher's "Contradicts" list) *and* flags;
- false disagreements: supporting passages shown with a disagreement, of all supporting
  passages shown;
- flagged distractors: passages shown flagged as contradicting that are neither a planted
  contradiction nor support (the precision of the Contradicts list: planted surfaced against
  these; on the old set, which plants none, every flagged passage counts here);
- no-support shown: claims with nothing in the file to say about them (no gold, no
  contradiction) for which the method shows a passage as support (the new matcher: stance
  "supports"; the old one had no stance: any suggestion it showed).

``--new-only`` runs only the new matcher's two rows (with and without the glossary) and ends
with their totals over the files; ``--vectors DIR`` keeps each file's passage vectors there
(named by the model and a hash of the texts), so a second pass embeds nothing. The default
output is unchanged.

"old matcher" is factcheck.matching as of --old-commit (before issue 10), run from a copy of
that commit in a child process. Methods that flag nothing (embeddings alone, bm25s) show "-".
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import bm25s
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.language.vocabulary import STOPWORDS  # noqa: E402
from factcheck.matching import rank  # noqa: E402
from factcheck.matching.embedding import embedder  # noqa: E402
from factcheck.matching.index import MatchIndex  # noqa: E402
from factcheck.sources.passages import Passage  # noqa: E402

DATA = ROOT / "bench" / "data"
DEPTH = 10
OLD_COMMIT = "7faa4f1"

OLD_RUNNER = """
import json, sys
from factcheck.matching.index import MatchIndex
from factcheck.matching.scoring import match_claim
from factcheck.sources.passages import Passage
passages, claims = json.load(open(sys.argv[1]))
index = MatchIndex.build(
    Passage(p["id"], p["text"], p.get("lang"), p.get("source")) for p in passages
)
out = {}
for c in claims:
    ranked = match_claim(index, c["text"], c["lang"], 10, 0.0)
    shown = match_claim(index, c["text"], c["lang"], 5)
    out[c["id"]] = {"ranked": [m.passage_id for m in ranked],
                    "shown": [[m.passage_id, bool(m.disagree), True] for m in shown]}
print(json.dumps(out))
"""


class Remembered:
    """The model with each claim's vector remembered: every method embeds a claim once."""

    def __init__(self) -> None:
        self.model = embedder()
        self.name, self.dim = self.model.name, self.model.dim
        self.queries: dict[str, np.ndarray] = {}

    def embed_query(self, text: str) -> np.ndarray:
        if text not in self.queries:
            self.queries[text] = self.model.embed_query(text)
        return self.queries[text]

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self.model.embed_passages(texts)


MODEL: Remembered | None = None


def model() -> Remembered:
    """The one remembering model of this run."""
    global MODEL
    MODEL = MODEL or Remembered()
    return MODEL


def passage_vectors(passages: list[dict], keep: Path | None) -> np.ndarray:
    """The passages' vectors, read from ``keep`` when a run before stored them there (the same
    model and the same texts), else embedded (and stored, when ``keep`` is given)."""
    texts = [p["text"] for p in passages]
    if keep is None:
        return model().embed_passages(texts)
    digest = hashlib.sha256("\n\0".join([model().name, *texts]).encode()).hexdigest()[:20]
    path = keep / f"{digest}.npy"
    if path.exists():
        return np.load(path)
    vectors = model().embed_passages(texts)
    keep.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    return vectors


def load(path: Path) -> tuple[list[dict], list[dict]]:
    """Passages and claims of an evaluation file."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if r["type"] == "passage"], [r for r in rows if r["type"] == "claim"]


def run_new(passages, claims, vectors, *, glossary=None, fusion="weighted", dense=True) -> dict:
    """Ranked ids (no threshold) and what is shown (id, flagged) per claim, new matcher."""
    found_by = model() if dense else None
    index = MatchIndex.build(
        (Passage(p["id"], p["text"], p.get("lang"), p.get("source")) for p in passages),
        glossary,
        vectors if dense else None,
    )
    rank.FUSION = fusion
    out = {}
    for c in claims:
        ranked = rank.match_claim(index, c["text"], c["lang"], 2 * DEPTH, 0.0, model=found_by)
        shown = rank.match_claim(index, c["text"], c["lang"], 5, model=found_by)
        out[c["id"]] = {
            # what the claim page lists as evidence, by relevance: contradicting passages
            # have their own list ("Contradicts"), counted under "contradictions surfaced"
            "ranked": [m.passage_id for m in ranked if m.stance != rank.CONTRADICTS],
            "shown": [
                [m.passage_id, m.stance == rank.CONTRADICTS, m.stance == rank.SUPPORTS]
                for m in shown
            ],
        }
    rank.FUSION = "weighted"
    return out


def run_old(passages, claims, commit: str) -> dict:
    """The old matcher, from a copy of ``commit``, in a child process."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", commit, "factcheck"],
            capture_output=True,
            check=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        data = Path(tmp) / "data.json"
        data.write_text(json.dumps([passages, claims]), encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-c", OLD_RUNNER, str(data)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONPATH": tmp},
            cwd=tmp,
        )
    return json.loads(done.stdout)


def run_dense(passages, claims, vectors) -> dict:
    """Embeddings alone: cosine order."""
    out = {}
    for c in claims:
        order = np.argsort(-(vectors @ model().embed_query(c["text"])))[:DEPTH]
        ids = [passages[j]["id"] for j in order]
        out[c["id"]] = {"ranked": ids, "shown": None}
    return out


def run_bm25(passages, claims) -> dict:
    """bm25s with Indonesian and English stopwords."""
    stop = sorted(STOPWORDS["id"] | STOPWORDS["en"])
    retriever = bm25s.BM25()
    retriever.index(
        bm25s.tokenize([p["text"] for p in passages], stopwords=stop, show_progress=False),
        show_progress=False,
    )
    queries = bm25s.tokenize([c["text"] for c in claims], stopwords=stop, show_progress=False)
    docs, _ = retriever.retrieve(queries, k=min(DEPTH, len(passages)), show_progress=False)
    return {
        c["id"]: {"ranked": [passages[j]["id"] for j in docs[i]], "shown": None}
        for i, c in enumerate(claims)
    }


def retrieval(ranked: dict, claims: list[dict], lang_of: dict, cross: bool) -> dict:
    """r@1, r@5 and MRR@10 over claims with gold in the other (or same) language."""
    hits1 = hits5 = rr = n = 0
    for claim in claims:
        gold = {g for g in claim["gold"] if (lang_of[g] != claim["lang"]) == cross}
        if not gold:
            continue
        n += 1
        # support in the other group is neither a hit nor a miss here: leave it out
        ids = [i for i in ranked[claim["id"]]["ranked"] if i in gold or i not in claim["gold"]]
        found = next((r for r, pid in enumerate(ids, 1) if pid in gold), None)
        hits1 += found == 1
        hits5 += found is not None and found <= 5
        rr += 1 / found if found else 0
    n = max(n, 1)
    return {"n": n, "r@1": hits1 / n, "r@5": hits5 / n, "mrr": rr / n}


def planted(claim: dict) -> list[tuple[str, bool]]:
    """(passage id, near) of each planted contradiction (the old set lists none)."""
    out = []
    for entry in claim.get("contradicts") or []:
        if isinstance(entry, dict):
            out.append((entry["passage"], bool(entry.get("near"))))
        else:
            out.append((entry, False))
    return out


def flags(result: dict, claims: list[dict]) -> tuple[str, str, str, str]:
    """("surfaced/planted", "false disagreements/supporting shown", "flagged distractors",
    "no-support shown") for a method that flags; "-" for one that does not."""
    total = surfaced = support_shown = false = empty = empty_shown = distractors = 0
    for claim in claims:
        shown = result[claim["id"]]["shown"]
        if shown is None:
            return "-", "-", "-", "-"
        flagged = {pid for pid, bad, _ in shown if bad}
        plants = {pid for pid, _near in planted(claim)}
        distractors += len(flagged - plants - set(claim["gold"]))
        for pid, _near in planted(claim):
            total += 1
            surfaced += pid in flagged
        for pid, bad, _ in shown:
            if pid in claim["gold"]:
                support_shown += 1
                false += bad
        if not claim["gold"] and not planted(claim):
            empty += 1
            empty_shown += any(supports for _, bad, supports in shown if not bad)
    return (
        f"{surfaced}/{total}" if total else "n/a",
        f"{false}/{support_shown} ({false / max(support_shown, 1):.0%})",
        str(distractors),
        f"{empty_shown}/{empty}" if empty else "n/a",
    )


def failures(path: Path, empty_glossary: str, keep: Path | None = None) -> None:
    """Print why each planted contradiction the new matcher (no glossary) does not surface is
    missed: retrieval (not shown: its relevance and rank among all passages) or verification
    (shown, or relevant enough, but not flagged: its stance and reasons)."""
    passages, claims = load(path)
    vectors = passage_vectors(passages, keep)
    shown = run_new(passages, claims, vectors, glossary=empty_glossary)
    index = MatchIndex.build(
        (Passage(p["id"], p["text"], p.get("lang"), p.get("source")) for p in passages),
        empty_glossary,
        vectors,
    )
    text_of = {p["id"]: p["text"] for p in passages}
    missed: dict[str, list[str]] = {}
    surfaced, false, distractors, _ = flags(shown, claims)
    print(
        f"\n## Missed planted contradictions, {path.relative_to(ROOT)} (new, no glossary): "
        f"surfaced {surfaced}, false disagreements {false}, flagged distractors {distractors}"
    )
    for claim in claims:
        flagged = {pid for pid, bad, _ in shown[claim["id"]]["shown"] if bad}
        for entry in claim.get("contradicts") or []:
            pid = entry["passage"] if isinstance(entry, dict) else entry
            kind = entry.get("kind", "?") if isinstance(entry, dict) else "?"
            if pid in flagged:
                continue
            every = rank.match_claim(
                index,
                claim["text"],
                claim["lang"],
                len(passages),
                0.0,
                model=model(),
                exhaustive=True,
            )
            at = next((r for r, m in enumerate(every, 1) if m.passage_id == pid), None)
            found = every[at - 1] if at else None
            cause = "verification" if found and found.stance != rank.CONTRADICTS else "retrieval"
            missed.setdefault(kind, []).append(cause)
            print(
                f"- {kind} [{cause}] {claim['id']} / {pid}: rank {at}, "
                f"relevance {found.score if found else '-'}, stance "
                f"{found.stance if found else '-'}, disagree {found.disagree if found else ()}"
                f"\n  claim:   {claim['text']}\n  passage: {text_of[pid]}"
            )
    for claim in claims:
        flagged = {pid for pid, bad, _ in shown[claim["id"]]["shown"] if bad}
        for pid in flagged & set(claim["gold"]):
            found = rank.match_claim(index, claim["text"], claim["lang"], model=model())
            why = next(m.disagree for m in found if m.passage_id == pid)
            print(
                f"- false disagreement {claim['id']} / {pid}: {why}"
                f"\n  claim:   {claim['text']}\n  passage: {text_of[pid]}"
            )
    for kind, causes in sorted(missed.items()):
        print(
            f"{kind}: {len(causes)} missed ({causes.count('retrieval')} retrieval, "
            f"{causes.count('verification')} verification)"
        )


def methods(
    passages, claims, vectors, empty_glossary: str, commit: str, rrf: bool = True, only_new=False
) -> list:
    """(name, thunk) for every method of the table (``rrf`` False: without the two
    reciprocal-rank fusions, the slowest rows, for a run on a busy machine; ``only_new``: the
    new matcher's two rows, with and without the glossary)."""
    return [
        (name, run)
        for name, run in _methods(passages, claims, vectors, empty_glossary, commit)
        if (rrf or "rrf" not in name) and (not only_new or name in NEW_ROWS)
    ]


NEW_ROWS = ("new, weighted", "new, no glossary")


def _methods(passages, claims, vectors, empty_glossary: str, commit: str) -> list:
    return [
        ("new, weighted", lambda: run_new(passages, claims, vectors)),
        ("new, no glossary", lambda: run_new(passages, claims, vectors, glossary=empty_glossary)),
        ("new, rrf", lambda: run_new(passages, claims, vectors, fusion="rrf")),
        (
            "new, rrf, no gloss.",
            lambda: run_new(passages, claims, vectors, glossary=empty_glossary, fusion="rrf"),
        ),
        ("anchors only (new)", lambda: run_new(passages, claims, vectors, dense=False)),
        (f"old matcher {commit}", lambda: run_old(passages, claims, commit)),
        ("embeddings alone", lambda: run_dense(passages, claims, vectors)),
        ("bm25s", lambda: run_bm25(passages, claims)),
    ]


def evaluate(
    path: Path,
    commit: str,
    empty_glossary: str,
    rrf: bool = True,
    only_new: bool = False,
    keep: Path | None = None,
    totals: dict | None = None,
) -> None:
    """Print one table for one data file (and add the new matcher's counts to ``totals``)."""
    passages, claims = load(path)
    lang_of = {p["id"]: p["lang"] for p in passages}
    start = time.perf_counter()
    vectors = passage_vectors(passages, keep)
    embedded = time.perf_counter() - start
    print(
        f"\n## {path.relative_to(ROOT)}: {len(claims)} claims "
        f"({sum(not c['gold'] for c in claims)} without support, "
        f"{sum(len(planted(c)) for c in claims)} planted contradictions), "
        f"{len(passages)} passages (embedded in {embedded:.1f} s)"
    )
    print(
        "| method | cross n | r@1 | r@5 | MRR | same n | r@1 | r@5 | MRR "
        "| contradictions surfaced | false disagreements | flagged distractors "
        "| no-support shown | time s | CPU s |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, run in methods(passages, claims, vectors, empty_glossary, commit, rrf, only_new):
        start, cpu = time.perf_counter(), time.process_time()
        result = run()
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        cells = []
        for cross in (True, False):
            m = retrieval(result, claims, lang_of, cross)
            cells += [str(m["n"]), f"{m['r@1']:.2f}", f"{m['r@5']:.2f}", f"{m['mrr']:.2f}"]
            if totals is not None and name in NEW_ROWS and cross:
                add_totals(totals.setdefault(name, {}), m, result, claims)
        row = " | ".join([name, *cells, *flags(result, claims), f"{elapsed:.1f}", f"{cpu:.1f}"])
        print(f"| {row} |", flush=True)


def add_totals(total: dict, cross: dict, result: dict, claims: list[dict]) -> None:
    """Add one file's counts to ``total``: plants surfaced, supporting passages shown and
    flagged, flagged distractors, cross-language claims and hits at rank 1."""
    surfaced, false, distractors, _ = flags(result, claims)
    counts = {
        "surfaced": int(surfaced.split("/")[0]) if surfaced != "n/a" else 0,
        "planted": int(surfaced.split("/")[1]) if surfaced != "n/a" else 0,
        "false": int(false.split("/")[0]),
        "support shown": int(false.split("/")[1].split()[0]),
        "distractors": int(distractors),
        "cross n": cross["n"],
        "cross hits@1": round(cross["r@1"] * cross["n"]),
    }
    for key, value in counts.items():
        total[key] = total.get(key, 0) + value


def print_totals(totals: dict) -> None:
    """One line per new-matcher row: its counts summed over every file of the run."""
    print("\n## Totals over the files (new matcher)")
    print("| method | surfaced | false disagreements | flagged distractors | cross r@1 hits |")
    print("|---|---|---|---|---|")
    for name, t in totals.items():
        print(
            f"| {name} | {t['surfaced']}/{t['planted']} | {t['false']}/{t['support shown']} "
            f"| {t['distractors']} | {t['cross hits@1']}/{t['cross n']} |"
        )


def main() -> None:
    """Run every method on every data file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, action="append")
    parser.add_argument("--old-commit", default=OLD_COMMIT)
    parser.add_argument(
        "--failures",
        action="store_true",
        help="only list the planted contradictions the new matcher misses, and why",
    )
    parser.add_argument(
        "--no-rrf", action="store_true", help="leave out the two reciprocal-rank fusion rows"
    )
    parser.add_argument(
        "--new-only",
        action="store_true",
        help="only the new matcher's rows (with and without the glossary), and their totals",
    )
    parser.add_argument(
        "--vectors", type=Path, help="a folder to keep the passages' vectors in between runs"
    )
    args = parser.parse_args()
    files = args.data or [
        p for p in (DATA / "match_eval.jsonl", DATA / "match_eval_v2" / "dev.jsonl") if p.exists()
    ]
    print(
        f"$ python {' '.join(sys.argv)}   ({os.cpu_count()} cores, model {embedder().name}, "
        f"load average at start {os.getloadavg()[0]:.1f})"
    )
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as empty:
        empty.write("{}\n")
    totals: dict = {}
    try:
        for path in files:
            if args.failures:
                failures(path.resolve(), empty.name, args.vectors)
            else:
                evaluate(
                    path.resolve(),
                    args.old_commit,
                    empty.name,
                    not args.no_rrf,
                    args.new_only,
                    args.vectors,
                    totals,
                )
        if args.new_only and totals:
            print_totals(totals)
    finally:
        os.unlink(empty.name)


if __name__ == "__main__":
    main()
