"""Finding a claim's passages across languages: relevance, stance and explanations."""

import json
from pathlib import Path

import pytest

from factcheck.matching.index import MatchIndex
from factcheck.matching.rank import (
    CONTRADICTION_THRESHOLD,
    STRONG_THRESHOLD,
    SUGGESTION_THRESHOLD,
    Match,
    match_claim,
)
from factcheck.matching.scoring import ClaimScorer
from factcheck.matching.verify import verify
from factcheck.sources.passages import Passage, cut_passages

SEED = (
    Path(__file__).resolve().parents[1]
    / "data"
    / "extract"
    / "seed-kazakhstan-abraham-accords.id.txt"
)
EVAL = Path(__file__).resolve().parents[2] / "bench" / "data" / "match_eval.jsonl"
SOURCE_TITLES = [
    "News18",
    "Kazakhstan, which already recognises Israel, to join ‘Abraham Accords’",
    "Kazakhstan will join the Abraham Accords with Israel in symbolic move to boost the Trump "
    "initiative",
    "Kazakhstan to join Abraham Accords at Central Asia summit, says US official",
    "Why Kazakhstan's decision to join Abraham Accords holds geopolitical significance",
    "Kazakhstan to Join Abraham Accords",
]
DIPLOMATIC_CLAIM = (
    "hubungan diplomatik formal antara Astana dan Yerusalem telah terjalin sejak tahun 1992"
)


def index_of(*texts: str, lang: str = "en") -> MatchIndex:
    """An index of passages p0, p1, ... with the given texts."""
    return MatchIndex.build(Passage(f"p{i}", text, lang) for i, text in enumerate(texts))


def best(index: MatchIndex, claim: str, **kwargs) -> Match:
    found = match_claim(index, claim, **kwargs)
    assert found, f"no match for {claim!r}"
    return found[0]


def test_agreeing_year_ranks_first_and_a_different_year_contradicts():
    index = index_of(
        "Kazakhstan and Israel expanded diplomatic relations in 1993.",
        "Kazakhstan and Israel established diplomatic relations on 10 April 1992.",
        "Uzbekistan opened a trade office in Tashkent.",
    )
    found = match_claim(index, DIPLOMATIC_CLAIM, "id", min_score=0)
    assert [m.passage_id for m in found[:2]] == ["p1", "p0"]
    assert "year: 1992" in found[0].agree
    assert {"place: KZ", "term: diplomatic relations"} <= set(found[0].agree)
    assert found[0].disagree == () and found[0].stance == "supports"
    assert found[1].disagree == ("year: claim 1992 ≠ passage 1993",)
    assert found[1].stance == "contradicts"


def test_a_disagreement_never_lowers_relevance():
    """A passage with another year is as relevant as one that gives no year (the old matcher
    took 15 points off it); only its stance differs."""
    claim = "Kazakhstan and Israel established diplomatic relations in 1992."
    silent = best(index_of("Kazakhstan and Israel established diplomatic relations."), claim)
    other = best(index_of("Kazakhstan and Israel established diplomatic relations in 1993."), claim)
    assert other.stance == "contradicts" and silent.stance != "contradicts"
    assert silent.score >= CONTRADICTION_THRESHOLD
    # the fuzzy part compares the two lists of units, one value longer here: a point at most
    assert other.score == pytest.approx(silent.score, abs=1.0)


def test_a_different_amount_is_a_disagreement_and_the_same_amount_agrees():
    index = index_of(
        "The US signed trade deals worth $12 billion with Central Asian states.",
        "The US signed trade deals worth $12.4 billion with Central Asian states.",
    )
    claim = "AS menandatangani perjanjian perdagangan senilai 12,4 miliar dolar AS"
    found = match_claim(index, claim, "id", min_score=0)
    assert found[0].passage_id == "p1"
    assert "amount: 12,4 miliar dolar AS" in found[0].agree
    assert found[1].disagree == ("amount: claim 12,4 miliar dolar AS ≠ passage $12 billion",)
    assert found[1].stance == "contradicts"
    claim_differ = {claim[s:e] for s, e in found[1].claim_differ}
    text = {p.id: p.text for p in index.passages}[found[1].passage_id]
    passage_differ = {text[s:e] for s, e in found[1].passage_differ}
    assert claim_differ == {"12,4 miliar dolar AS"} and passage_differ == {"$12 billion"}


def test_spans_point_at_the_agreeing_words_on_both_sides():
    index = index_of("Kazakhstan and Israel established diplomatic relations on 10 April 1992.")
    match = best(index, DIPLOMATIC_CLAIM, lang="id")
    passage = index.passages[0].text
    claimed = {DIPLOMATIC_CLAIM[s:e] for s, e in match.claim_spans}
    found = {passage[s:e] for s, e in match.passage_spans}
    assert {"hubungan diplomatik", "Astana", "1992"} <= claimed
    assert {"diplomatic relations", "Kazakhstan", "10 April 1992"} <= found


def test_score_is_rounded_and_within_bounds():
    match = best(
        index_of("Kazakhstan will join the Abraham Accords."), "Kazakhstan joins the accords"
    )
    assert 0 <= match.score <= 100
    assert round(match.score, 1) == match.score


def test_thresholds_are_ordered_and_weak_matches_are_dropped():
    assert 0 < SUGGESTION_THRESHOLD < STRONG_THRESHOLD <= 100
    index = index_of("Kazakhstan exported grain to Iran.", "Rare earth prices rose in China.")
    assert match_claim(index, "Harga beras di Jakarta naik pada bulan Juni.", "id") == []
    everything = match_claim(
        index, "Harga beras di Jakarta naik pada bulan Juni.", "id", min_score=0
    )
    assert all(m.score < SUGGESTION_THRESHOLD for m in everything)


def test_full_agreement_on_a_long_claim_is_strong():
    index = index_of(
        "President Donald Trump hosted the leaders of the five Central Asian nations "
        "at the White House on Thursday, 6 November 2025."
    )
    claim = (
        "Presiden Donald Trump menyambut para pemimpin dari lima negara Asia Tengah di Gedung Putih"
    )
    match = best(index, claim, lang="id")
    assert match.strength == "strong"
    assert match.score >= STRONG_THRESHOLD


@pytest.mark.parametrize("claim", ["Kazakhstan bergabung", "Kazakhstan joins", "Trump 2025"])
def test_short_claims_are_never_strong(claim):
    index = index_of("Kazakhstan joins", "Kazakhstan bergabung", "Trump 2025", lang=None)
    found = match_claim(index, claim, min_score=0)
    assert found and found[0].score == 100.0
    assert {m.strength for m in found} == {"suggestion"}


def test_a_disagreeing_passage_is_never_strong():
    index = index_of(
        "Kazakhstan and Israel established diplomatic relations between them in the year 1993 "
        "after talks in Almaty"
    )
    claim = (
        "Kazakhstan and Israel established diplomatic relations between them in the year 1992 "
        "after talks in Almaty"
    )
    match = best(index, claim, lang="en", min_score=0)
    assert match.disagree and match.stance == "contradicts" and match.strength == "suggestion"


def seed_claims() -> list[str]:
    """The seed article's sentences that say Kazakhstan joins the Abraham Accords."""
    text = SEED.read_text(encoding="utf-8")
    return [
        text[s:e]
        for s, e, _ in cut_passages(text)
        if all(word in text[s:e] for word in ("Kazakhstan", "ergabung", "Kesepakatan Abraham"))
    ]


def test_seed_claims_about_joining_get_the_cited_titles_as_suggestions():
    index = MatchIndex.build(Passage(f"t{i}", t, "en") for i, t in enumerate(SOURCE_TITLES))
    claims = seed_claims()
    assert len(claims) >= 2
    for claim in claims:
        found = match_claim(index, claim, "id", top=6)
        ids = {m.passage_id for m in found}
        assert {"t1", "t3", "t5"} <= ids, (claim, found)
        assert "t0" not in ids  # "News18" says nothing
        assert all(m.strength == "suggestion" or m.score >= STRONG_THRESHOLD for m in found)


def test_a_source_title_confirms_nothing_its_passages_do_not_say():
    title = "Kazakhstan to join Abraham Accords at Central Asia summit, says US official"
    index = MatchIndex.build(
        [
            Passage("with", "The announcement came on Thursday.", "en", title),
            Passage("without", "The announcement came on Thursday.", "en"),
        ]
    )
    found = match_claim(
        index, "Kazakhstan mengumumkan akan bergabung dengan Kesepakatan Abraham", "id", min_score=0
    )
    assert len({m.score for m in found}) == 1
    assert all("place: KZ" not in m.agree for m in found)


def test_index_finds_what_scoring_every_passage_finds_on_the_eval_set():
    rows = [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines()]
    passages = [
        Passage(r["id"], r["text"], r["lang"], r.get("source"))
        for r in rows
        if r["type"] == "passage"
    ]
    index = MatchIndex.build(passages)
    for claim in (r for r in rows if r["type"] == "claim"):
        fast = match_claim(index, claim["text"], claim["lang"], top=5)
        slow = match_claim(index, claim["text"], claim["lang"], top=5, exhaustive=True)
        assert [m.passage_id for m in fast] == [m.passage_id for m in slow], claim["id"]


def test_empty_index_and_empty_claim_give_no_matches():
    assert match_claim(MatchIndex.build([]), "Kazakhstan bergabung") == []
    assert match_claim(index_of("Kazakhstan joins"), "", "en") == []


def test_equal_relevance_goes_to_the_more_focused_passage_not_the_first_listed():
    index = index_of(
        "Kazakhstan will join the Abraham Accords, officials said, as rain fell on Almaty "
        "and grain prices rose in Astana markets.",
        "Kazakhstan will join the Abraham Accords.",
    )
    found = match_claim(index, "Kazakhstan will join the Abraham Accords.", "en", min_score=0)
    assert found[0].score == found[1].score
    assert [m.passage_id for m in found[:2]] == ["p1", "p0"]


def test_a_headline_repeated_as_the_first_line_of_its_page_is_shown_once():
    title = "Kazakhstan to join Abraham Accords"
    index = MatchIndex.build(
        [
            Passage("s1/title", title, "en", title),
            Passage("s1/n1/0-34", title, "en", title),
            Passage("s1/n1/35-80", "The announcement came on Thursday.", "en", title),
        ]
    )
    found = match_claim(index, "Kazakhstan akan bergabung dengan Kesepakatan Abraham", "id")
    assert [m.passage_id for m in found].count("s1/title") + [m.passage_id for m in found].count(
        "s1/n1/0-34"
    ) == 1


def test_a_passage_that_supports_is_listed_before_a_more_relevant_one_that_only_relates():
    claim = "Kazakhstan and Israel established diplomatic relations in 1992."
    index = index_of(
        "Kazakhstan and Israel established full diplomatic relations, officials in Astana said.",
        "Kazakhstan's relations with Israel date from 1992.",
    )
    found = match_claim(index, claim, "en", min_score=0)
    assert [(m.passage_id, m.stance) for m in found] == [("p1", "supports"), ("p0", "related")]
    assert found[0].score < found[1].score


def test_a_contradiction_is_scored_without_the_values_in_dispute():
    """A report that got the cost wrong is about the rest of the claim: leaving the disputed
    amount out of the claim raises its score (rank uses it to decide whether to show it)."""
    claim = "Biaya pembangunan jalan tol Kayu Agung mencapai Rp 13,1 triliun."
    index = index_of("The Kayu Agung toll road cost 11.3 trillion rupiah to build.")
    scorer = ClaimScorer(index, claim, "id")
    [(score, _)] = scorer.score_many([0])
    check = verify(claim, scorer.claim_anchors, index.passages[0].text, index.anchors(0))
    assert check.stance == "contradicts"
    assert scorer.score_apart(0, check.claim_spans) > score + 10
    assert scorer.score_apart(0, ()) == score
