"""Check the evaluation sets under bench/data/ and print their counts per category.

    python bench/check_evalsets.py

Exits 1 with one line per problem when a set is malformed: a line that is not JSON, a
missing field, an id used twice, a gold/contradicts/same/related id that does not exist
in the same file (or has the wrong type), an id that another claim-to-passage file also
uses, a contradiction's "role" that is not one of ROLES, a weekday that does not fall on
the full date written beside it ("Tuesday, Oct. 13, 2026", "Selasa, 13 Oktober 2026",
"Selasa (13/10/2026)"; a year-less date cannot be checked and is left alone). Nothing here
scores a method; it only keeps the data honest so that a figure computed on it means what
its README says.
"""

from __future__ import annotations

import datetime
import json
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data"
PARTS = ("dev", "heldout")
LANGS = {"id", "en"}
KINDS = {"year", "date", "amount", "count", "percent", "place", "name"}
TRAPS = {
    "year_range",
    "weekday",
    "yearless_date",
    "qualifier",
    "rounding",
    "count_list",
    "written_number",
    "number_format",
    "unit",
    "currency",
}

# what the differing value of a place/name contradiction names (match_eval_v3's "role")
ROLES = {"person", "organisation", "city", "regency", "town", "country"}

WEEKDAYS = {
    **dict.fromkeys(("monday", "senin"), 0),
    **dict.fromkeys(("tuesday", "selasa"), 1),
    **dict.fromkeys(("wednesday", "rabu"), 2),
    **dict.fromkeys(("thursday", "kamis"), 3),
    **dict.fromkeys(("friday", "jumat"), 4),
    **dict.fromkeys(("saturday", "sabtu"), 5),
    **dict.fromkeys(("sunday", "minggu"), 6),
}
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan.", "january", "januari"),
            ("feb.", "february", "februari"),
            ("march", "maret"),
            ("april",),
            ("may", "mei"),
            ("june", "juni"),
            ("july", "juli"),
            ("aug.", "august", "agustus"),
            ("sept.", "sep.", "september"),
            ("oct.", "october", "oktober"),
            ("nov.", "november"),
            ("dec.", "december", "desember"),
        ),
        1,
    )
    for name in names
}
_DAY = "|".join(WEEKDAYS)
_MONTH = "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True))
# "Tuesday, Oct. 13, 2026" / "Selasa, 13 Oktober 2026" / "Selasa (13/10/2026)"
FULL_DATES = (
    re.compile(rf"\b({_DAY}),? ({_MONTH}) (\d{{1,2}}),? (\d{{4}})", re.IGNORECASE),
    re.compile(rf"\b({_DAY}),? (\d{{1,2}}) ({_MONTH}) (\d{{4}})", re.IGNORECASE),
    re.compile(rf"\b({_DAY}) \((\d{{1,2}})/(\d{{1,2}})/(\d{{4}})\)", re.IGNORECASE),
)


def wrong_weekdays(text: str) -> list[str]:
    """Weekday-and-full-date phrases of ``text`` whose weekday is not that date's."""
    wrong = []
    for n, pattern in enumerate(FULL_DATES):
        for match in pattern.finditer(text):
            day_name, a, b, year = match.groups()
            if n == 0:
                month, day = MONTHS[a.lower()], int(b)
            else:
                day, month = int(a), MONTHS[b.lower()] if n == 1 else int(b)
            try:
                actual = datetime.date(int(year), month, day).weekday()
            except ValueError:
                wrong.append(f"{match.group(0)!r} (no such date)")
                continue
            if actual != WEEKDAYS[day_name.lower()]:
                wrong.append(repr(match.group(0)))
    return wrong


def read_jsonl(path: Path, problems: list[str]) -> list[dict]:
    """Rows of a JSON-lines file; a line that does not parse is a problem, not a crash."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as error:
            problems.append(f"{path}:{number}: not JSON ({error.msg})")
    return rows


def need(row: dict, fields: tuple[str, ...], where: str, problems: list[str]) -> bool:
    """True when every field is present and non-empty (lists may be empty)."""
    missing = [f for f in fields if f not in row or row[f] in (None, "")]
    if missing:
        problems.append(f"{where}: {row.get('id', '?')} lacks {', '.join(missing)}")
    return not missing


def by_id(rows: list[dict], where: str, problems: list[str]) -> dict[str, dict]:
    """Rows keyed by id; a repeated id is a problem."""
    seen: dict[str, dict] = {}
    for row in rows:
        if row.get("id") in seen:
            problems.append(f"{where}: id {row['id']} used twice")
        seen[row.get("id")] = row
    return seen


def split_rows(
    path: Path, named: str, naming: str, problems: list[str]
) -> tuple[dict[str, dict], list[dict]]:
    """The rows a file's other rows refer to (by id), and those other rows."""
    rows = read_jsonl(path, problems)
    by_id(rows, str(path), problems)
    targets = {r["id"]: r for r in rows if r.get("type") == named}
    return targets, [r for r in rows if r.get("type") == naming]


def check_match(path: Path, problems: list[str]) -> Counter:
    """Claim-to-passage file: passages, claims, gold, contradictions and traps."""
    passages, claims = split_rows(path, "passage", "claim", problems)
    counts: Counter = Counter()
    for p in passages.values():
        need(p, ("id", "lang", "text", "source", "topic"), str(path), problems)
        if p.get("lang") not in LANGS:
            problems.append(f"{path}: passage {p['id']} has language {p.get('lang')!r}")
        counts[f"passages {p.get('lang')}"] += 1
    for row in list(passages.values()) + claims:
        for phrase in wrong_weekdays(str(row.get("text", ""))):
            problems.append(f"{path}: {row.get('id')}: weekday does not fit the date {phrase}")
    for c in claims:
        if not need(c, ("id", "lang", "text", "topic", "gold", "contradicts"), str(path), problems):
            continue
        gold = set(c["gold"])
        refs = list(gold) + [x.get("passage") for x in c["contradicts"] + c.get("traps", [])]
        for ref in refs:
            if ref not in passages:
                problems.append(f"{path}: claim {c['id']} names passage {ref}, not in this file")
        for x in c["contradicts"]:
            need(x, ("passage", "kind", "claim_value", "passage_value"), str(path), problems)
            if x.get("kind") not in KINDS:
                problems.append(f"{path}: claim {c['id']}: contradiction kind {x.get('kind')!r}")
            if x.get("passage") in gold:
                problems.append(f"{path}: claim {c['id']}: {x['passage']} supports and contradicts")
            if "role" in x and (x["role"] not in ROLES or x.get("kind") not in ("place", "name")):
                problems.append(f"{path}: claim {c['id']}: role {x['role']!r} on a {x.get('kind')}")
            counts[f"contradiction {x.get('kind')}"] += 1
            if "role" in x:
                counts[f"contradiction role {x['role']}"] += 1
            counts[f"contradicting passage {passages.get(x.get('passage'), {}).get('lang')}"] += 1
        for x in c.get("traps", []):
            if x.get("kind") not in TRAPS or x.get("passage") not in gold:
                problems.append(f"{path}: claim {c['id']}: trap {x} is not on a gold passage")
            counts[f"trap {x.get('kind')}"] += 1
        langs = sorted({passages[g]["lang"] for g in gold if g in passages})
        pair = f"{c['lang']}->{'+'.join(langs)}" if langs else "no support"
        counts[f"claims {pair}{' +contradiction' if c['contradicts'] else ''}"] += 1
        counts[f"topic {c['topic']}"] += 1
    counts["passages"] = len(passages)
    counts["claims"] = len(claims)
    counts["claims with a contradiction"] = sum(1 for c in claims if c.get("contradicts"))
    return counts


CATEGORIES = {
    "paraphrase",
    "translation",
    "different_number",
    "different_year",
    "same_topic",
    "none",
}


def check_archive(path: Path, problems: list[str]) -> Counter:
    """The "checked before?" file: earlier checks, and queries naming the same or related ones."""
    checks, queries = split_rows(path, "check", "query", problems)
    counts: Counter = Counter()
    for c in checks.values():
        need(c, ("id", "lang", "text", "rating", "publisher", "date", "url"), str(path), problems)
        counts[f"checks {c.get('lang')}"] += 1
    for q in queries:
        if not need(q, ("id", "lang", "text", "same", "related", "category"), str(path), problems):
            continue
        for ref in q["same"] + q["related"]:
            if ref not in checks:
                problems.append(f"{path}: query {q['id']} names check {ref}, not in this file")
        category = q["category"]
        if category not in CATEGORIES:
            problems.append(f"{path}: query {q['id']}: category {category!r}")
        # a same claim must be listed for paraphrases and translations only
        if (category in ("paraphrase", "translation")) != bool(q["same"]):
            problems.append(f"{path}: query {q['id']} ({category}) has same={q['same']}")
        if category in ("different_number", "different_year", "same_topic") and not q["related"]:
            problems.append(f"{path}: query {q['id']} ({category}) names no related check")
        counts[f"queries {category} ({q['lang']})"] += 1
    counts["checks"] = len(checks)
    counts["queries"] = len(queries)
    named = {ref for q in queries for ref in q.get("same", []) + q.get("related", [])}
    counts["checks named by no query (distractors)"] = len(set(checks) - named)
    return counts


FACT_FIELDS = ("keys", "claim", "subject", "claimant", "names")
TAGS = {
    "anaphora",
    "relative_clause",
    "apposition",
    "concessive",
    "contrast",
    "attribution",
    "list_one_fact",
    "list_of_facts",
    "context",
}


def words(text: str) -> set[str]:
    """Lower-case word tokens, for "the claim names its subject" checks."""
    return set(re.findall(r"\w+", text.lower()))


def check_fact(fact: dict, lines: list[str], where: str, problems: list[str]) -> None:
    """One gold fact (or headline): fields present, key phrases in the right lines."""
    missing = [f for f in FACT_FIELDS if f not in fact]
    if missing or not fact.get("keys") or not fact.get("claim"):
        problems.append(f"{where}: lacks {', '.join(missing) or 'keys/claim'}")
        return
    text = "\n".join(lines)
    for key in fact["keys"]:
        if key not in text:
            problems.append(f"{where}: key {key!r} is not in its part of the article")
    lost = words(fact["subject"]) - words(fact["claim"])
    if lost:
        problems.append(f"{where}: claim does not name subject word(s) {sorted(lost)}")
    for tag in fact.get("tags", []):
        if tag not in TAGS:
            problems.append(f"{where}: tag {tag!r}")


def check_article(entry: dict, folder: Path, problems: list[str]) -> Counter:
    """One article of a gold file: headline, standfirst, body facts, opinions."""
    where = f"{folder.name}/{entry.get('file')}"
    path = folder / str(entry.get("file"))
    if not path.exists():
        problems.append(f"{where}: file missing")
        return Counter()
    lines = path.read_text(encoding="utf-8").splitlines()
    text = "\n".join(lines)
    counts: Counter = Counter({f"articles {entry.get('language')}": 1})
    if not 250 <= len(text.split()) <= 600:
        problems.append(f"{where}: {len(text.split())} words, not 250-600")
    first, last = entry.get("body", [0, 0])
    standfirst = entry.get("standfirst")
    parts = {"body": lines[first - 1 : last]}
    parts["standfirst"] = [lines[standfirst - 1]] if standfirst else []
    check_fact(entry.get("headline") or {}, lines[:1], f"{where} headline", problems)
    for n, fact in enumerate(entry.get("facts", []), 1):
        part = fact.get("part", "body")
        check_fact(fact, parts.get(part, []), f"{where} fact {n}", problems)
        if fact.get("claimant") and fact["claimant"] not in text:
            problems.append(f"{where} fact {n}: claimant {fact['claimant']!r} not in article")
        for name in fact.get("names", []):
            if name not in text:
                problems.append(f"{where} fact {n}: name {name!r} not in article")
        counts[f"facts ({part})"] += 1
        counts["facts with a claimant"] += bool(fact.get("claimant"))
        for tag in fact.get("tags", []):
            counts[f"facts tagged {tag}"] += 1
    for phrase in entry.get("opinions", []) + [k for a in entry.get("acceptable", []) for k in a]:
        if phrase not in text:
            problems.append(f"{where}: opinion/acceptable phrase {phrase!r} not in article")
    counts["opinion phrases"] += len(entry.get("opinions", []))
    counts["headlines"] += 1
    counts["standfirsts"] += bool(standfirst)
    return counts


def check_extract(folder: Path, problems: list[str]) -> Counter:
    """An extraction part: gold.yaml and the articles it names."""
    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    counts: Counter = Counter()
    for entry in gold.get("articles", []):
        counts.update(check_article(entry, folder, problems))
    named = {e.get("file") for e in gold.get("articles", [])}
    for path in folder.glob("*.txt"):
        if path.name not in named:
            problems.append(f"{path}: article without gold")
    return counts


def report(name: str, counts: Counter) -> None:
    """Counts of one file, one per line, grouped by their first word."""
    print(f"== {name}")
    for key in sorted(counts):
        print(f"  {key:44} {counts[key]:5}")


# each set: its folder, the file of a part inside it, the function that checks that file, and
# its parts (extract_eval has a second held-out part, written by the session of issue 15, a
# third, a fourth, a fifth, a sixth, a seventh, an eighth, a ninth, a tenth, an eleventh, a
# twelfth and a thirteenth; match_eval_v3 to match_eval_v14 are held-out only)
SETS = (
    ("match_eval_v2", "{part}.jsonl", check_match, PARTS),
    ("match_eval_v3", "{part}.jsonl", check_match, ("heldout",)),
    ("match_eval_v4", "{part}.jsonl", check_match, ("heldout",)),
    ("match_eval_v5", "{part}.jsonl", check_match, ("heldout",)),
    ("match_eval_v6", "{part}.jsonl", check_match, ("heldout",)),
    ("match_eval_v7", "{part}.jsonl", check_match, ("heldout",)),
    ("match_eval_v8", "{part}.jsonl", check_match, ("heldout",)),
    ("match_eval_v9", "{part}.jsonl", check_match, ("heldout",)),
    ("match_eval_v10", "{part}.jsonl", check_match, ("heldout",)),
    ("match_eval_v11", "{part}.jsonl", check_match, ("heldout",)),
    ("match_eval_v12", "{part}.jsonl", check_match, ("heldout",)),
    ("match_eval_v13", "{part}.jsonl", check_match, ("heldout",)),
    ("match_eval_v14", "{part}.jsonl", check_match, ("heldout",)),
    ("archive_eval", "{part}.jsonl", check_archive, PARTS),
    (
        "extract_eval",
        "{part}/gold.yaml",
        lambda path, problems: check_extract(path.parent, problems),
        (*PARTS, *(f"heldout{n}" for n in range(2, 14))),
    ),
)


def shared_ids(paths: list[Path]) -> list[str]:
    """Ids that two claim-to-passage files both use: the sets are merged for some runs, so
    each keeps its own prefix (hp/hc, yp/yc, zp/zc, ...) and no id may mean two rows."""
    first_file: dict[str, Path] = {}
    clashes = []
    for path in paths:
        for row in read_jsonl(path, []):
            other = first_file.setdefault(row.get("id"), path)
            if other != path:
                clashes.append(f"{path}: id {row.get('id')} is also used in {other}")
    return clashes


def main() -> int:
    """Check every part of every set; print counts, then the problems (exit 1 if any)."""
    problems: list[str] = []
    match_files = []
    for name, pattern, check, parts in SETS:
        for part in parts:
            path = DATA / name / pattern.format(part=part)
            if not path.exists():
                problems.append(f"{path}: missing")
                continue
            report(f"{name}/{part}", check(path, problems))
            if check is check_match:
                match_files.append(path)
    problems += shared_ids(match_files)
    for line in problems:
        print(line, file=sys.stderr)
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
