"""Accuracy of language identification on the repository's labelled texts.

Usage:  python bench/eval_language.py

Texts and their labels:
- the sentences and the paragraphs of the article bodies in tests/data/extract/ (gold.yaml's
  body lines), labelled with the article's language;
- the passages and claims of bench/data/match_eval.jsonl, labelled with their "lang".

Methods, side by side in one run:
- factcheck.language.identify: py3langid restricted to the configured languages (id, en);
- py3langid unrestricted (all 97 of its languages; anything but id/en counts as a miss);
- the two stopword guessers it replaced, as they were: ``ingest.detect_language`` (20 common
  words per language) and ``lexicon.guess_lang`` (the stopword tables of
  factcheck.language.vocabulary).
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.language.identify import identify_language  # noqa: E402
from factcheck.language.lexicon import fold, words  # noqa: E402
from factcheck.language.sentences import split_sentences  # noqa: E402
from factcheck.language.vocabulary import STOPWORDS  # noqa: E402

EXTRACT = ROOT / "tests" / "data" / "extract"
MATCH = ROOT / "bench" / "data" / "match_eval.jsonl"

# The 20-word lists of the old ingest.detect_language, kept here only as a baseline.
_INGEST_STOPWORDS = {
    "id": set(
        "yang dan di dengan untuk dari ini itu dalam tidak akan pada adalah juga ke telah oleh "
        "sebagai bahwa para".split()
    ),
    "en": set(
        "the and of to in is that for with on as was by it are from has have be which".split()
    ),
}


def old_ingest_guess(text: str) -> str:
    """The old ``ingest.detect_language``."""
    found = re.findall(r"[a-z]+", text.lower())
    counts = {lang: sum(w in stop for w in found) for lang, stop in _INGEST_STOPWORDS.items()}
    return "id" if counts["id"] > counts["en"] else "en"


def old_lexicon_guess(text: str) -> str:
    """The old ``lexicon.guess_lang``."""
    folded = [fold(text[s:e]) for s, e in words(text)]
    id_hits = sum(w in STOPWORDS["id"] for w in folded)
    en_hits = sum(w in STOPWORDS["en"] for w in folded)
    return "id" if id_hits > en_hits else "en"


def unrestricted(text: str) -> str:
    """py3langid choosing among all its languages."""
    import py3langid

    return py3langid.classify(text)[0]


def labelled_texts() -> dict[str, list[tuple[str, str]]]:
    """{set name: [(text, language), ...]} from the repository's data."""
    articles = yaml.safe_load((EXTRACT / "gold.yaml").read_text(encoding="utf-8"))["articles"]
    sentences, paragraphs = [], []
    for entry in articles:
        lines = (EXTRACT / entry["file"]).read_text(encoding="utf-8").splitlines()
        first, last = entry.get("body", [1, len(lines)])
        body = "\n".join(lines[first - 1 : last])
        paragraphs += [(p, entry["language"]) for p in body.splitlines() if p.strip()]
        sentences += [(s.text, entry["language"]) for s in split_sentences(body)]
    rows = [json.loads(line) for line in MATCH.read_text(encoding="utf-8").splitlines() if line]
    return {
        "article sentences": sentences,
        "article paragraphs": paragraphs,
        "match passages": [(r["text"], r["lang"]) for r in rows if r["type"] == "passage"],
        "match claims": [(r["text"], r["lang"]) for r in rows if r["type"] == "claim"],
    }


def main() -> None:
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    print("cores:", os.cpu_count())
    sets = labelled_texts()
    methods: list[tuple[str, Callable[[str], str]]] = [
        ("py3langid, restricted to id/en", lambda t: identify_language(t, ["id", "en"])),
        ("py3langid, all languages", unrestricted),
        ("old ingest.detect_language", old_ingest_guess),
        ("old lexicon.guess_lang", old_lexicon_guess),
    ]
    identify_language("warm up", ["id", "en"])  # load the model outside the timing
    unrestricted("warm up")
    header = "".join(f"{name} (n={len(texts)})".rjust(26) for name, texts in sets.items())
    print(f"{'method':32}{header}{'total':>12}{'time':>9}")
    total = sum(len(texts) for texts in sets.values())
    for name, guess in methods:
        started, cells, right = time.perf_counter(), [], 0
        for texts in sets.values():
            hits = sum(guess(text) == lang for text, lang in texts)
            right += hits
            cells.append(f"{hits}/{len(texts)}".rjust(26))
        elapsed = time.perf_counter() - started
        print(f"{name:32}{''.join(cells)}{f'{right}/{total}':>12}{elapsed * 1000:>7.0f}ms")
    misses = [
        (text, lang)
        for texts in sets.values()
        for text, lang in texts
        if identify_language(text, ["id", "en"]) != lang
    ]
    for text, lang in misses:
        print(f"restricted py3langid missed ({lang}): {text[:90]!r}")


if __name__ == "__main__":
    main()
