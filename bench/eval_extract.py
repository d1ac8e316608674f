"""Claim extraction measured: the first set (recall, precision) and the second set written
by someone else (recall, atomicity, self-containedness, opinions, reasons), and speed.

Usage:  python bench/eval_extract.py [--threshold 0.5]
        [--part dev|extra|heldout|heldout2|...|heldout13]
        [--speed]
        [--failures] [--today YYYY-MM-DD]

First set (tests/data/extract/gold.yaml, the seed and 8 invented articles): a proposal
"counts" when kind == "fact" and score >= threshold. Recall is the share of gold claims found
(each proposal can satisfy one gold claim only, so a merged compound sentence does not count
twice); precision is the share of counted proposals that match a gold or acceptable claim and
contain no opinion phrase. The baseline from the same run proposes every sentence as one fact.

Second set (bench/data/extract_eval/<part>/gold.yaml, schema in its README), per gold fact
(standfirst and body) and headline, against factcheck.articles.extract.extract_article run on
the article as ``factcheck ingest`` parses it:
- recall: a proposal of kind "fact" whose span holds all the fact's key phrases (one proposal
  per fact); "check-worthy" also needs a score of CHECKWORTHY (0.4) or more;
- atomicity: found, and the proposal's span holds no other fact's keys and is at most
  ATOMIC_RATIO times as long as the gold claim;
- self-contained: found, and the proposal's claim text names every word of the fact's
  ``subject`` (case-insensitive, any order) and does not open with a pronoun or demonstrative;
- opinion leakage: proposals whose span holds an opinion phrase and that are labelled "fact"
  or score CHECKWORTHY or more; and the highest score of any such proposal;
- reasons: of the fact's ``names``, the share given whole as a reason ("named entity: Bank
  Dunia"); claimant: the proposal's claimant is the gold claimant (folded; a title before the
  name is allowed: "Kepala BPS Gunung Sari Hendra Wijaya" for "Hendra Wijaya"), or None where
  the gold says the article's own voice.
The baseline (same run) proposes every sentence as one fact, its own words as its claim text.
The second set's articles are read as ``factcheck ingest`` reads them on ``--today`` (default:
the day of the run): a byline's date is their published date, and a year read from their
weekdays is no later than that day.
--speed times extraction of a 1,000-word article (median of repeated runs, after a first run
that loads the place set) against the baseline's sentence splitting and anchor recognition.
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "bench"))
from check_evalsets import TAGS as EVAL_TAGS  # noqa: E402

from factcheck.articles.claimants import find_attribution  # noqa: E402
from factcheck.articles.extract import CHECKWORTHY, extract_article, extract_claims  # noqa: E402
from factcheck.articles.ingest import parse_article  # noqa: E402
from factcheck.articles.standalone import _head_words, name_context  # noqa: E402
from factcheck.articles.worthiness import _cached_anchors  # noqa: E402
from factcheck.language import markers  # noqa: E402
from factcheck.language.anchors import _folded, extract_anchors  # noqa: E402
from factcheck.language.lexicon import fold  # noqa: E402
from factcheck.language.sentences import split_sentences  # noqa: E402
from factcheck.language.syntax import subject_span  # noqa: E402

DATA = ROOT / "tests" / "data" / "extract"
SECOND = ROOT / "bench" / "data" / "extract_eval"
ATOMIC_RATIO = 1.5
TAGS = sorted(EVAL_TAGS)  # the phenomena the second set's README defines


@dataclass
class Score:
    """Counts for one article, or summed over several."""

    gold: int = 0
    found: int = 0
    proposed: int = 0
    correct: int = 0
    opinion_leaks: int = 0

    def add(self, other: Score) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.proposed if self.proposed else 1.0


def load_gold() -> list[dict]:
    """Gold entries, each with the article body added under "text"."""
    entries = yaml.safe_load((DATA / "gold.yaml").read_text(encoding="utf-8"))["articles"]
    for entry in entries:
        lines = (DATA / entry["file"]).read_text(encoding="utf-8").splitlines()
        first, last = entry.get("body", [1, len(lines)])
        entry["text"] = "\n".join(lines[first - 1 : last])
    return entries


def score_texts(entry: dict, texts: list[str]) -> Score:
    """Score the proposed fact-claim *texts* for one gold *entry*."""

    def has(text: str, keys: list[str]) -> bool:
        return all(k in text for k in keys)

    used: set[int] = set()
    for keys in entry["claims"]:
        hit = next((i for i, t in enumerate(texts) if i not in used and has(t, keys)), None)
        if hit is not None:
            used.add(hit)
    leaks = {i for i, t in enumerate(texts) if any(o in t for o in entry["opinions"])}
    fine = used | {
        i
        for i, t in enumerate(texts)
        if any(has(t, keys) for keys in entry.get("acceptable") or [])
    }
    return Score(
        gold=len(entry["claims"]),
        found=len(used),
        proposed=len(texts),
        correct=len(fine - leaks),
        opinion_leaks=len(leaks),
    )


def evaluate(entry: dict, threshold: float = 0.5) -> Score:
    """Run the extractor on one gold entry and score its fact proposals."""
    claims = extract_claims(entry["text"], entry["language"])
    facts = [c.text for c in claims if c.kind == "fact" and c.score >= threshold]
    return score_texts(entry, facts)


def evaluate_baseline(entry: dict) -> Score:
    """Every sentence proposed as one fact: what segmentation alone achieves."""
    sentences = split_sentences(entry["text"], entry["language"])
    return score_texts(entry, [s.text for s in sentences])


# --- the second set ---------------------------------------------------------------------------


@dataclass
class Proposal:
    """What the second set's scoring needs of a proposal (or of a baseline sentence)."""

    span: str
    claim: str
    kind: str
    score: float
    reasons: tuple[str, ...]
    claimant: str | None
    section: str


@dataclass
class Tally:
    """Counts over gold facts (and headlines) of the second set."""

    facts: int = 0
    found: int = 0
    worthy: int = 0
    atomic: int = 0
    standalone: int = 0
    names: int = 0
    names_whole: int = 0
    claimants: int = 0
    claimants_right: int = 0
    attributed: int = 0
    attributed_right: int = 0
    headlines: int = 0
    headlines_found: int = 0
    opinion_proposals: int = 0
    opinion_leaks: int = 0
    opinion_top: float = 0.0
    tags: dict = field(default_factory=dict)

    def add(self, other: Tally) -> None:
        for name, value in vars(other).items():
            if name == "tags":
                for tag, (n, ok) in value.items():
                    got = self.tags.get(tag, (0, 0))
                    self.tags[tag] = (got[0] + n, got[1] + ok)
            elif name == "opinion_top":
                self.opinion_top = max(self.opinion_top, value)
            else:
                setattr(self, name, getattr(self, name) + value)


def load_second(part: str) -> list[dict]:
    """The second set's entries with "title" and "body" as ``factcheck ingest`` parses them."""
    folder = SECOND / part
    entries = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))["articles"]
    for entry in entries:
        parsed = parse_article((folder / entry["file"]).read_text(encoding="utf-8"))
        entry["title"], entry["body"] = parsed.title, parsed.body
        entry["published"] = parsed.published  # a byline's date, as ingest stores it
    return entries


def proposals_of(entry: dict, latest: datetime.date | None = None) -> list[Proposal]:
    """The extractor's proposals for a second-set article, headline first, as ingest makes
    them on day ``latest`` (the byline's date, when there is one, is the published date)."""
    claims = extract_article(
        entry["title"],
        entry["body"],
        entry["language"],
        published=entry.get("published"),
        latest=latest,
    )
    return [
        Proposal(c.text, c.claim_text, c.kind, c.score, c.reasons, c.claimant, c.section)
        for c in claims
    ]


def baseline_of(entry: dict) -> list[Proposal]:
    """Every sentence (and the headline) as one fact, its words as its claim text."""
    lines = [Proposal(entry["title"], entry["title"], "fact", 1.0, (), None, "headline")]
    return lines + [
        Proposal(s.text, s.text, "fact", 1.0, (), None, "body")
        for s in split_sentences(entry["body"], entry["language"])
    ]


def _words(text: str) -> list[str]:
    """Folded words; a possessive "'s" is left off ("Veridia's" names Veridia)."""
    return [re.sub(r"['’]s$", "", fold(w)) for w in re.findall(r"[\w'’-]+", text)]


def _opens_with_reference(claim: str, language: str) -> bool:
    words = _words(claim)
    if not words:
        return True
    openers = set(markers.PRONOUNS.get(language, {})) | set(markers.COLLECTIVE_PRONOUNS)
    openers |= set(markers.POSSESSIVES.get(language, {}))
    if language == "en":
        openers |= {"this", "that", "these", "those"}
        return words[0] in openers
    return words[0] in openers or any(w in ("ini", "itu", "tersebut") for w in words[1:3])


def _claimant_right(gold: str | None, found: str | None) -> bool:
    if gold is None or found is None:
        return gold is found
    gold_words, found_words = _words(gold), _words(found)
    n = len(gold_words)
    ends = any(found_words[i : i + n] == gold_words for i in range(len(found_words) - n + 1))
    return ends and len(found_words) - n <= 5  # a title before the name is fine


def score_second(entry: dict, proposals: list[Proposal], show: bool = False) -> Tally:
    """Score one article's proposals against its gold (see the module docstring)."""
    tally = Tally()
    language = entry["language"]
    facts = list(entry["facts"])
    used: set[int] = set()
    head = entry.get("headline")
    if head:
        tally.headlines = 1
        tally.headlines_found = int(
            any(
                p.section == "headline" and all(k in p.span for k in head["keys"])
                for p in proposals
            )
        )
    for fact in facts:
        hit = _match(fact, proposals, used)
        _score_fact(tally, fact, facts, hit, language, show)
    for p in proposals:
        if any(o in p.span for o in entry.get("opinions") or []):
            tally.opinion_proposals += 1
            tally.opinion_top = max(tally.opinion_top, p.score)
            leaked = p.kind == "fact" or p.score >= CHECKWORTHY
            tally.opinion_leaks += int(leaked)
            if show and leaked:
                print(f"\n- opinion leaked ({p.kind}, {p.score}): {p.span}")
    return tally


def _match(fact: dict, proposals: list[Proposal], used: set[int]) -> Proposal | None:
    """The shortest unused body proposal of kind fact whose span holds every key."""
    candidates = [
        (len(p.span), i)
        for i, p in enumerate(proposals)
        if i not in used
        and p.section != "headline"
        and p.kind == "fact"
        and all(k in p.span for k in fact["keys"])
    ]
    if not candidates:
        return None
    _, i = min(candidates)
    used.add(i)
    return proposals[i]


def _score_fact(
    tally: Tally, fact: dict, facts: list[dict], hit, language: str, show: bool = False
) -> None:
    tally.facts += 1
    ok = {}
    ok["found"] = hit is not None
    if hit is not None:
        tally.found += 1
        tally.worthy += int(hit.score >= CHECKWORTHY)
        others = [f for f in facts if f is not fact and all(k in hit.span for k in f["keys"])]
        atomic = not others and len(hit.span) <= ATOMIC_RATIO * len(fact["claim"])
        tally.atomic += int(atomic)
        subject = set(_words(fact["subject"]))
        named = subject <= set(_words(hit.claim))
        standalone = named and not _opens_with_reference(hit.claim, language)
        tally.standalone += int(standalone)
        ok.update(atomic=atomic, standalone=standalone)
        labels = {fold(r.split(":", 1)[1].strip()) for r in hit.reasons if ":" in r}
        for name in fact.get("names") or []:
            tally.names += 1
            tally.names_whole += int(fold(name) in labels)
        tally.claimants += 1
        right = _claimant_right(fact.get("claimant"), hit.claimant)
        if show and not right:
            print(f"\n- claimant {hit.claimant!r}, gold {fact.get('claimant')!r}: {hit.span}")
        tally.claimants_right += int(right)
        if fact.get("claimant"):
            tally.attributed += 1
            tally.attributed_right += int(right)
    else:
        tally.names += len(fact.get("names") or [])
        if fact.get("claimant"):
            tally.attributed += 1
    for tag in fact.get("tags") or []:
        n, good = tally.tags.get(tag, (0, 0))
        solved = ok.get("found") and ok.get("atomic") and ok.get("standalone")
        tally.tags[tag] = (n + 1, good + int(bool(solved)))
    if show and not (ok.get("found") and ok.get("atomic") and ok.get("standalone")):
        _print_failure(fact, hit, ok)


def _print_failure(fact: dict, hit, ok: dict) -> None:
    """One fact the extractor did not get found, atomic and self-contained, for --failures."""
    failed = [k for k in ("found", "atomic", "standalone") if k in ok and not ok[k]]
    print(f"\n- {', '.join(failed)}  tags {fact.get('tags') or []}")
    print(f"  gold:  {fact['claim']}  [subject: {fact['subject']}]")
    if hit is not None:
        print(f"  span:  {hit.span}")
        print(f"  claim: {hit.claim}")


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.2f} ({part}/{whole})" if whole else "-"


def report_second(part: str, show: bool = False, latest: datetime.date | None = None) -> Tally:
    """Print the second set's figures for ``part`` next to the baseline's (and, with
    ``show``, every fact missed), the articles read in on day ``latest``; return the
    tally."""
    total, base = Tally(), Tally()
    for entry in load_second(part):
        if show:
            print(f"\n=== {entry['file']}")
        total.add(score_second(entry, proposals_of(entry, latest), show))
        base.add(score_second(entry, baseline_of(entry)))
    print(f"\nsecond set, {part}: {total.facts} facts, {total.headlines} headlines")
    rows = [
        ("recall (fact, any score)", total.found, base.found, total.facts),
        ("recall (check-worthy)", total.worthy, base.worthy, total.facts),
        ("atomicity", total.atomic, base.atomic, total.facts),
        ("self-contained", total.standalone, base.standalone, total.facts),
        ("headline proposed", total.headlines_found, base.headlines_found, total.headlines),
        ("names whole in reasons", total.names_whole, base.names_whole, total.names),
        (
            "claimant right (found facts)",
            total.claimants_right,
            base.claimants_right,
            total.claimants,
        ),
        (
            "claimant right (attributed facts)",
            total.attributed_right,
            base.attributed_right,
            total.attributed,
        ),
    ]
    print(f"{'measure':36} {'extractor':>16} {'baseline':>16}")
    for label, ours, theirs, whole in rows:
        print(f"{label:36} {_share(ours, whole):>16} {_share(theirs, whole):>16}")
    print(
        f"opinion proposals {total.opinion_proposals}, leaked as fact or >= {CHECKWORTHY}: "
        f"{total.opinion_leaks}, highest opinion score {total.opinion_top:.2f}"
    )
    print("per tag (found, atomic and self-contained):")
    for tag in TAGS:
        n, good = total.tags.get(tag, (0, 0))
        print(f"  {tag:16} {_share(good, n)}")
    return total


def _thousand_words() -> tuple[str, str]:
    """A 1,000-word Indonesian article body: the first set's Indonesian articles (seed
    included), one paragraph each, repeated until there are 1,000 words, cut at a sentence."""
    texts = [e["text"] for e in load_gold() if e["language"] == "id"]
    paragraphs: list[str] = []
    while sum(len(p.split()) for p in paragraphs) < 1000:
        paragraphs += [p for t in texts for p in t.splitlines() if p.strip()]
    body = "\n".join(paragraphs)
    cut = [s for s in split_sentences(body, "id") if len(body[: s.end].split()) <= 1000][-1]
    return "Harga Beras dan Gempa: Laporan Uji Kecepatan", body[: cut.end]


def report_speed(repeat: int = 15) -> None:
    """Median time to extract a 1,000-word article, against the baseline's cost."""
    title, body = _thousand_words()
    extract_article(title, body, "id")  # the place set's first load: once per process

    def baseline() -> None:
        for sentence in split_sentences(body, "id"):
            extract_anchors(sentence.text, "id")

    for label, run in (
        ("extract_article", lambda: extract_article(title, body, "id")),
        ("baseline (sentences + anchors)", baseline),
    ):
        times, cpu = [], []
        for _ in range(repeat):
            _cached_anchors.cache_clear()  # each run reads the article afresh
            find_attribution.cache_clear()
            subject_span.cache_clear()
            name_context.cache_clear()
            _folded.cache_clear()  # the article's words folded, and its names' head words
            _head_words.cache_clear()
            started, started_cpu = time.perf_counter(), time.process_time()
            run()
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        times.sort()
        cpu.sort()
        print(
            f"{label:32} {len(body.split())} words: median {times[len(times) // 2] * 1000:.0f} ms"
            f" wall, {cpu[len(cpu) // 2] * 1000:.0f} ms CPU"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument(
        "--part",
        choices=(
            "dev",
            "extra",
            "heldout",
            "heldout2",
            "heldout3",
            "heldout4",
            "heldout5",
            "heldout6",
            "heldout7",
            "heldout8",
            "heldout9",
            "heldout10",
            "heldout11",
            "heldout12",
            "heldout13",
        ),
        default="dev",
    )
    parser.add_argument("--speed", action="store_true", help="also time a 1,000-word article")
    parser.add_argument(
        "--failures", action="store_true", help="print each second-set fact not solved"
    )
    parser.add_argument(
        "--today",
        type=datetime.date.fromisoformat,
        default=datetime.date.today(),
        help="the day the second set's articles are read in, as ingest would (default: today)",
    )
    args = parser.parse_args()
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    print("cores:", os.cpu_count())
    total, base_total = Score(), Score()
    started = time.perf_counter()
    print(f"{'article':42} {'recall':>7} {'prec':>6} {'leaks':>5}   baseline r/p")
    for entry in load_gold():
        score, base = evaluate(entry, args.threshold), evaluate_baseline(entry)
        total.add(score)
        base_total.add(base)
        print(
            f"{entry['file']:42} {score.recall:7.2f} {score.precision:6.2f} "
            f"{score.opinion_leaks:5d}   {base.recall:.2f}/{base.precision:.2f}"
        )
    elapsed = time.perf_counter() - started
    print(
        f"{'overall':42} {total.recall:7.2f} {total.precision:6.2f} {total.opinion_leaks:5d}"
        f"   {base_total.recall:.2f}/{base_total.precision:.2f}"
    )
    print(
        f"gold claims {total.gold}, found {total.found}; proposed facts {total.proposed}, "
        f"correct {total.correct}"
    )
    print(
        f"ratio vs baseline: recall x{total.recall / max(base_total.recall, 1e-9):.2f}, "
        f"precision x{total.precision / max(base_total.precision, 1e-9):.2f}"
    )
    print(f"time: {elapsed * 1000:.0f} ms for both runs")
    report_second(args.part, args.failures, args.today)
    if args.speed:
        report_speed()


if __name__ == "__main__":
    main()
