"""Write every proposal the extractor makes on the articles we have, so that a change meant
to make extraction faster can be shown to change no output (diff two runs' files).

Usage:  python bench/check_extract_same.py OUT.jsonl

Articles: bench/data/extract_eval/*/ and tests/data/extract/ (each file parsed as ``factcheck
ingest`` parses it, extracted with its headline, and its gold body extracted without one as
bench/eval_extract.py does), the demo claim file's article (claims/*.yaml) and the seed under
/work/shared/seed/ when present, and the 1,000-word speed article. Per proposal: the article,
section, span, text, claim text, score, reasons, kind and claimant; then the score and reasons
``assess_claim`` gives each claim text (a claim added by hand is scored that way) and the
claimant ``claimant_of`` finds. One JSON object a line, keys sorted.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from factcheck.articles.extract import (  # noqa: E402
    assess_claim,
    claimant_of,
    extract_article,
    extract_claims,
)
from factcheck.articles.ingest import parse_article  # noqa: E402

SHARED_SEED = Path("/work/shared/seed")


def articles() -> list[tuple[str, str, str, str]]:
    """(name, language, title, body) of every article checked, in a fixed order."""
    found = []
    folders = sorted((ROOT / "bench" / "data" / "extract_eval").glob("*/"))
    folders += [ROOT / "tests" / "data" / "extract", SHARED_SEED]
    for folder in folders:
        gold = folder / "gold.yaml"
        entries = {}
        if gold.is_file():
            listed = yaml.safe_load(gold.read_text(encoding="utf-8"))["articles"]
            entries = {e["file"]: e for e in listed}
        for path in sorted(folder.glob("*.txt")):
            raw = path.read_text(encoding="utf-8")
            entry = entries.get(path.name, {})
            language = entry.get("language") or ("en" if path.name.startswith("en-") else "id")
            parsed = parse_article(raw)
            name = str(path.relative_to(path.parents[1]))
            found.append((name, language, parsed.title, parsed.body))
            if "body" in entry:  # the gold body, as bench/eval_extract.py reads it
                lines = raw.splitlines()
                first, last = entry["body"]
                gold_body = "\n".join(lines[first - 1 : last])
                found.append((name + "#gold-body", language, "", gold_body))
    for path in sorted((ROOT / "claims").glob("*.yaml")):
        article = yaml.safe_load(path.read_text(encoding="utf-8"))["article"]
        found.append((path.name, article["language"], article["title"], article["text"]))
    from eval_extract import _thousand_words

    title, body = _thousand_words()
    found.append(("thousand-words", "id", title, body))
    return found


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__.split("\n\n")[1].strip())
    lines = []
    for name, language, title, body in articles():
        claims = extract_article(title, body, language) if title else []
        claims += extract_claims(body, language) if not title else []
        for claim in claims:
            row = {"article": name, **claim.as_dict()}
            again = assess_claim(claim.claim_text, body, language)
            row["assess_claim"] = [again.score, list(again.reasons), again.kind]
            row["claimant_of"] = claimant_of(claim.claim_text, body, language)
            lines.append(json.dumps(row, ensure_ascii=False, sort_keys=True))
    Path(sys.argv[1]).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} proposals written to {sys.argv[1]}")


if __name__ == "__main__":
    main()
