"""A report's sentence that names the claim's subject only as "the temple" or "the plant" and
states another figure: shown as contradicting when its report is about the claim's event and
it is one of that report's passages nearest the claim in meaning (rank.CONTEXT_*)."""

import json
from functools import cache
from pathlib import Path

import pytest

from factcheck.matching.embedding import embedder
from factcheck.matching.index import MatchIndex
from factcheck.matching.rank import (
    CONTEXT_FLOOR,
    CONTRADICTION_THRESHOLD,
    CONTRADICTS,
    match_claim,
)
from factcheck.sources.passages import Passage

MODEL = embedder()  # the bundled model, loaded once per test session
DATA = Path(__file__).resolve().parents[2] / "bench" / "data"


@cache
def event(path: str, topic: str, sources: bool = True) -> tuple[MatchIndex, dict]:
    """The passages of one event of an evaluation file, indexed with their reports' titles
    (or without, ``sources=False``), and its claims by id."""
    rows = [json.loads(line) for line in (DATA / path).read_text().splitlines() if line]
    passages = [r for r in rows if r["type"] == "passage" and r.get("topic") == topic]
    vectors = MODEL.embed_passages([p["text"] for p in passages])
    index = MatchIndex.build(
        (
            Passage(p["id"], p["text"], p["lang"], p["source"] if sources else None)
            for p in passages
        ),
        None,
        vectors,
    )
    return index, {r["id"]: r for r in rows if r["type"] == "claim"}


def contradicting(path: str, topic: str, claim_id: str, sources: bool = True) -> dict:
    index, claims = event(path, topic, sources)
    claim = claims[claim_id]
    found = match_claim(index, claim["text"], claim["lang"], model=MODEL)
    return {m.passage_id: m for m in found if m.stance == CONTRADICTS}


@pytest.mark.parametrize(
    ("path", "topic", "claim", "passage", "reason"),
    [
        # "... Sabtu, 15 November 2025 ..." / "The explosion on Nov. 16 was the third ..."
        ("match_eval_v3/heldout.jsonl", "mining", "xc508", "xp513", "date: claim Sabtu"),
        # "... belanja Rp 640 miliar ..." / "Health spending was set at 620 billion rupiah"
        ("match_eval_v2/dev.jsonl", "budget", "dc024", "dp047", "amount: claim Rp 640"),
    ],
)
def test_a_reports_sentence_about_the_claims_fact_is_shown_under_the_floor(
    path, topic, claim, passage, reason
):
    found = contradicting(path, topic, claim)
    assert passage in found
    assert CONTEXT_FLOOR <= found[passage].score < CONTRADICTION_THRESHOLD
    assert found[passage].disagree[0].startswith(reason)
    # without its report, nothing ties the sentence to the claim's event: not shown
    assert passage not in contradicting(path, topic, claim, sources=False)


@pytest.mark.parametrize(
    ("path", "topic", "claim", "passage"),
    [
        # a report's other figure: the turnout (71.2%) beside the winner's share of the vote
        ("match_eval_v2/dev.jsonl", "election", "dc045", "dp091"),
        # last year's budget (4.41 trillion) in the report on this year's (4.82 trillion)
        ("match_eval_v2/dev.jsonl", "budget", "dc022", "dp054"),
    ],
)
def test_another_figure_of_the_same_report_is_left_alone(path, topic, claim, passage):
    assert passage not in contradicting(path, topic, claim)
