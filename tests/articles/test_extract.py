"""Tests for factcheck.articles.extract: sentences, atomic claims, scores and reasons."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.articles.extract import ProposedClaim, extract_claims
from factcheck.language.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parents[1] / "data" / "extract"
SEED = DATA / "seed-kazakhstan-abraham-accords.id.txt"


def seed_body() -> str:
    """The seed article's body: lines 3.. up to the "Sumber-sumber" source list."""
    lines = SEED.read_text(encoding="utf-8").splitlines()[2:]
    return "\n".join(lines[: lines.index("Sumber-sumber")])


def only_claim(text: str, language: str) -> ProposedClaim:
    claims = extract_claims(text, language)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


# --- splitting into atomic claims -------------------------------------------------------

SPLITTING_CASES = [
    # a membership list is one claim
    (
        "id",
        "Kesepakatan itu mencakup Uni Emirat Arab (UEA), Bahrain, Maroko, dan Sudan.",
        ["Kesepakatan itu mencakup Uni Emirat Arab (UEA), Bahrain, Maroko, dan Sudan"],
    ),
    (
        "en",
        "The forum's members include Norway, Iceland, Finland and Denmark.",
        ["The forum's members include Norway, Iceland, Finland and Denmark"],
    ),
    (
        "id",
        "Kerja sama meliputi pertahanan, keamanan siber, energi, dan agroteknologi.",
        ["Kerja sama meliputi pertahanan, keamanan siber, energi, dan agroteknologi"],
    ),
    # compound sentences are split, connectives trimmed
    (
        "id",
        "Harga beras naik 5 persen, sementara harga gula turun 2 persen.",
        ["Harga beras naik 5 persen", "harga gula turun 2 persen"],
    ),
    (
        "en",
        "The county opened four clinics; they will stay open until April.",
        ["The county opened four clinics", "they will stay open until April"],
    ),
    (
        "en",
        "The party won 88 seats, but it lost control of the Senate.",
        ["The party won 88 seats", "it lost control of the Senate"],
    ),
    (
        "en",
        "Rates fell to 88.6% in 2024, while the national target is 95%.",
        ["Rates fell to 88.6% in 2024", "the national target is 95%"],
    ),
    (
        "id",
        "Pabrik itu mempekerjakan 500 orang, dan pemerintah memberikan insentif Rp2 miliar.",
        ["Pabrik itu mempekerjakan 500 orang", "pemerintah memberikan insentif Rp2 miliar"],
    ),
    (
        "id",
        "Selain itu, pemerintah menyalurkan Rp5 miliar kepada 300 desa.",
        ["pemerintah menyalurkan Rp5 miliar kepada 300 desa"],
    ),
    # never inside a quote or parentheses
    (
        "en",
        '"We built 12 schools, and we will build 20 more," the mayor said.',
        ['"We built 12 schools, and we will build 20 more," the mayor said'],
    ),
    (
        "id",
        "Kota itu (berpenduduk 2 juta, sementara desanya 40) menerima Rp5 miliar.",
        ["Kota itu (berpenduduk 2 juta, sementara desanya 40) menerima Rp5 miliar"],
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), SPLITTING_CASES)
def test_compound_sentences_split_but_lists_quotes_and_brackets_stay_whole(
    language, text, expected
):
    claims = extract_claims(text, language)
    assert [c.text for c in claims] == expected
    assert all(text[c.start : c.end] == c.text for c in claims)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("id", "Meskipun hubungan terjalin sejak 1992, para pengamat menilai bahwa itu penting."),
        ("en", "Although sales rose 5% in 2023, analysts say the firm could struggle next year."),
    ],
)
def test_concession_is_split_into_fact_and_opinion(language, text):
    fact, opinion = extract_claims(text, language)
    assert (fact.kind, opinion.kind) == ("fact", "opinion")
    assert fact.score > opinion.score


# --- scores and reasons -------------------------------------------------------------------

REASON_CASES = [
    (
        "id",
        "Pada 6 November 2025, Kazakhstan mengumumkan rencana itu.",
        ["date: 6 November 2025", "named place: Kazakhstan"],
    ),
    ("id", "Nilai perjanjian mencapai 12,4 miliar dolar AS.", ["number: 12,4 miliar dolar AS"]),
    (
        "id",
        "Tiongkok dan Maroko menandatangani kesepakatan dagang.",
        ["named place: Tiongkok", "named place: Maroko"],
    ),
    ("id", "Ia menjadi presiden perempuan pertama di negara itu.", ["superlative/first: pertama"]),
    ("en", "It is the only bridge in Chad.", ["superlative/first: only", "named place: Chad"]),
    (
        "id",
        "Uni Emirat Arab (UEA), Bahrain, Maroko, dan Sudan telah bergabung.",
        ["membership list", "named place: Uni Emirat Arab"],
    ),
    ("id", '"Kami siap bertanding," kata Budi Santoso.', ["attributed quote"]),
    ("en", "The meeting is set for May 2026 in Astana.", ["date: May 2026"]),
    ("en", "Mayor Lena Ortiz opened the plant.", ["named entity: Lena Ortiz"]),
]


@pytest.mark.parametrize(("language", "text", "reasons"), REASON_CASES)
def test_checkable_anchors_are_given_as_reasons(language, text, reasons):
    claim = only_claim(text, language)
    assert set(reasons) <= set(claim.reasons)
    assert claim.kind == "fact"


def test_mayor_is_neither_the_month_may_nor_a_hedge():
    claim = only_claim("Mayor Lena Ortiz opened 3 schools.", "en")
    assert not any(r.startswith("date: May") for r in claim.reasons)
    assert claim.kind == "fact"


OPINION_CASES = [
    ("id", "Para pengamat menilai langkah itu sangat berani.", "opinion: Para pengamat menilai"),
    ("id", "Menurut banyak pihak, kebijakan itu terlalu longgar.", "opinion: Menurut banyak pihak"),
    ("id", "Kebijakan ini mungkin berubah tahun depan.", "hedge: mungkin"),
    ("id", "Manuver ini dipandang sebagai kelanjutan logis.", "opinion: dipandang sebagai"),
    ("id", "Jumlah korban diperkirakan terus bertambah.", "hedge: diperkirakan"),
    ("en", "Prices may rise sharply in 2026.", "hedge: may"),
    ("en", "Critics argue that the fares are too high.", "opinion: Critics argue"),
    ("en", "The move is widely seen as a warning to rivals.", "opinion: widely seen as"),
    ("en", "The company reportedly lost 300 jobs.", "hedge: reportedly"),
]


@pytest.mark.parametrize(("language", "text", "reason"), OPINION_CASES)
def test_opinions_and_hedges_are_kept_marked_and_low(language, text, reason):
    claim = only_claim(text, language)
    assert claim.kind == "opinion"
    assert reason in claim.reasons
    assert claim.score < 0.4


@pytest.mark.parametrize(
    ("language", "fact", "opinion"),
    [
        (
            "id",
            "Harga beras naik 5 persen pada 2024.",
            "Harga beras mungkin naik 5 persen pada 2024.",
        ),
        ("en", "Ridership reached 40,000 in 2027.", "Ridership may reach 40,000 by 2027."),
    ],
)
def test_hedging_lowers_the_score_of_the_same_fact(language, fact, opinion):
    assert only_claim(fact, language).score > only_claim(opinion, language).score


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("id", "Jumlah rusa di Taman Nasional Bukit Sepi diperkirakan mencapai 4.500 ekor."),
        ("id", "Kerugian akibat kebakaran pasar itu diperkirakan sebesar Rp 3,2 miliar."),
    ],
)
def test_estimate_with_a_figure_is_a_fact_on_the_record(language, text):
    # like "memperkirakan"/"diprediksi": the estimate's figure can be checked; without a
    # figure ("Jumlah korban diperkirakan terus bertambah") it stays a hedge
    claim = only_claim(text, language)
    assert claim.kind == "fact"
    assert not any(r.startswith("hedge") for r in claim.reasons)


def test_hedge_inside_a_word_is_not_a_hedge():
    claim = only_claim("Kebijakan ini memungkinkan investasi Rp5 triliun.", "id")
    assert claim.kind == "fact"


def test_as_dict_has_the_documented_keys_and_a_list_of_reasons():
    data = only_claim("Pada 6 November 2025, Kazakhstan bergabung.", "id").as_dict()
    assert list(data) == [
        "text",
        "sentence",
        "start",
        "end",
        "score",
        "reasons",
        "kind",
        "claim_text",
        "claimant",
        "section",
    ]
    assert isinstance(data["reasons"], list)


def test_unknown_language_is_treated_as_english():
    text = "Voters elected Maria Castell on Sunday with 52.3% of the vote."
    assert extract_claims(text, "fr") == extract_claims(text, "en")


def test_min_score_leaves_out_low_claims():
    text = "Harga beras naik 5 persen pada 2024. Para analis menilai itu wajar saja."
    assert [c.kind for c in extract_claims(text, "id")] == ["fact", "opinion"]
    assert [c.kind for c in extract_claims(text, "id", min_score=0.5)] == ["fact"]


# --- the seed article ---------------------------------------------------------------------

SEED_CLAIMS = [
    ("announcement on 6 November 2025", ["6 November 2025", "Abraham"]),
    ("US summit with five Central Asian leaders", ["Donald Trump", "lima negara Asia Tengah"]),
    ("relations since 1992", ["Astana", "1992"]),
    (
        "Accords members, list intact",
        ["2020-2021", "Uni Emirat Arab (UEA), Bahrain, Maroko, dan Sudan"],
    ),
    ("rare metals are the new oil", ["logam langka", "minyak baru"]),
    ("first country in second term", ["negara pertama", "masa jabatan keduanya"]),
    ("US$12.4 billion trade deals", ["12,4 miliar dolar AS", "enam bulan pertama"]),
]


@pytest.fixture(scope="module")
def seed_claims() -> list[ProposedClaim]:
    return extract_claims(seed_body(), "id")


@pytest.mark.parametrize(("what", "phrases"), SEED_CLAIMS, ids=[c[0] for c in SEED_CLAIMS])
def test_seed_claim_is_proposed_as_a_checkworthy_fact(seed_claims, what, phrases):
    article = seed_body()
    found = [c for c in seed_claims if all(p in c.text for p in phrases)]
    assert len(found) == 1, what
    claim = found[0]
    assert article[claim.start : claim.end] == claim.text
    assert claim.kind == "fact" and claim.score >= 0.6
    assert claim.reasons


def test_seed_claims_are_separate_claims(seed_claims):
    owners = {
        next(i for i, c in enumerate(seed_claims) if all(p in c.text for p in phrases))
        for _, phrases in SEED_CLAIMS
    }
    assert len(owners) == len(SEED_CLAIMS)


def test_seed_1992_fact_is_split_from_the_observers_view(seed_claims):
    fact = next(c for c in seed_claims if "1992" in c.text)
    view = next(c for c in seed_claims if "para pengamat menilai" in c.text)
    assert fact is not view
    assert fact.sentence == view.sentence
    assert not fact.text.startswith("Meskipun")


@pytest.mark.parametrize(
    "phrase",
    [
        "Para analis mencatat",
        "dipandang sebagai kelanjutan logis",
        "para pengamat menilai",
    ],
)
def test_seed_opinions_are_marked_and_score_below_every_fact(seed_claims, phrase):
    claim = next(c for c in seed_claims if phrase in c.text)
    assert claim.kind == "opinion"
    assert claim.score < 0.4
    assert any(r.startswith(("opinion: ", "hedge: ")) for r in claim.reasons)


@pytest.mark.parametrize("path", sorted(DATA.glob("*.txt")), ids=lambda p: p.name)
def test_claim_spans_match_the_article_and_come_in_order(path):
    text = path.read_text(encoding="utf-8")
    claims = extract_claims(text, "en" if path.name.startswith("en-") else "id")
    assert all(text[c.start : c.end] == c.text for c in claims)
    assert all(c.text in c.sentence for c in claims)
    assert all(a.end <= b.start for a, b in zip(claims, claims[1:], strict=False))
    assert all(0.0 <= c.score <= 1.0 and c.score == round(c.score, 2) for c in claims)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("Ab1 .,;:\n\r“”\"'()—-?!dlUS%")), max_size=80),
    st.sampled_from(["id", "en", "xx"]),
)
def test_spans_match_on_any_text(text, language):
    for sentence in split_sentences(text, language):
        assert text[sentence.start : sentence.end] == sentence.text
    for claim in extract_claims(text, language):
        assert text[claim.start : claim.end] == claim.text
        assert claim.kind in ("fact", "opinion")


# --- the invented article set ------------------------------------------------------------------


def test_extractor_meets_recall_and_precision_on_the_invented_set(bench_module):
    bench = bench_module("eval_extract")
    total = bench.Score()
    for entry in bench.load_gold():
        if not entry["file"].startswith("seed-"):
            total.add(bench.evaluate(entry))
    assert total.gold >= 30  # the set is still there
    assert total.recall >= 0.85, (total.found, total.gold)
    assert total.precision >= 0.7, (total.correct, total.proposed)
    assert total.opinion_leaks == 0
