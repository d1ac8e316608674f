"""Claims that stand on their own (issue 15): each clause keeps its span, the article's own
words, and gets a claim text a reader understands without the article; who said it; reasons
that name things whole; the headline proposed."""

from __future__ import annotations

import pytest

from factcheck.articles.extract import extract_article, extract_claims
from factcheck.articles.worthiness import BASE_SCORE, reason_weights


def claim_texts(text: str, language: str) -> list[str]:
    claims = extract_claims(text, language)
    assert all(text[c.start : c.end] == c.text for c in claims)  # spans stay truthful
    return [c.claim_text for c in claims]


def claim_with(text: str, language: str, words: str):
    found = [c for c in extract_claims(text, language) if words in c.text]
    assert len(found) == 1, [c.text for c in extract_claims(text, language)]
    return found[0]


# --- anaphora: what a clause points back to ---------------------------------------------

ANAPHORA_CASES = [
    (
        "id",
        "Jumlah penduduk miskin Jawa Timur pada Maret 2024 mencapai 3,98 juta orang. "
        "Angka itu naik 4,2 persen dibandingkan tahun sebelumnya.",
        "Angka itu naik",
        "Jumlah penduduk miskin Jawa Timur pada Maret 2024 naik 4,2 persen",
    ),
    (
        "en",
        "The party won 88 seats, but it lost control of the Senate.",
        "it lost control",
        "The party lost control of the Senate",
    ),
    (
        "en",
        "Mayor Dana Whitfield opened the bridge in March 2024. She said it cost $40 million.",
        "She said",
        "Mayor Dana Whitfield said it cost $40 million",
    ),
    (
        "id",
        "Kesepakatan Abraham diprakarsai pada 2020 oleh Amerika Serikat. "
        "Kesepakatan ini kini mencakup empat negara.",
        "Kesepakatan ini",
        "Kesepakatan Abraham kini mencakup empat negara",
    ),
    (
        "en",
        "Gerald Finch won the mayoral election in 2022 with 51 percent. "
        "Finch took office in May 2022.",
        "Finch took office",
        "Gerald Finch took office in May 2022",
    ),
    (
        "id",
        "Menurut BPS, tiga kecamatan termiskin adalah Batu Jaya, Sukaresmi, dan Cilenggang. "
        "Ketiganya berada di wilayah pegunungan sejak 2019.",
        "Ketiganya",
        "Batu Jaya, Sukaresmi, dan Cilenggang berada di wilayah pegunungan",
    ),
]


@pytest.mark.parametrize(("language", "text", "span_words", "expected"), ANAPHORA_CASES)
def test_a_leading_pronoun_or_demonstrative_is_resolved_in_the_claim_text(
    language, text, span_words, expected
):
    claim = claim_with(text, language, span_words)
    assert claim.claim_text.startswith(expected)
    assert span_words in text[claim.start : claim.end]  # the span is still the article's


def test_a_pronoun_with_nothing_before_it_is_left_as_written():
    claim = claim_with("Ia menjadi presiden perempuan pertama di negara itu.", "id", "Ia")
    assert claim.claim_text.startswith("Ia menjadi")


# --- relative clauses and appositions -----------------------------------------------------

RELATIVE_CASES = [
    (
        "id",
        "Pemerintahan Trump, yang secara eksplisit menawarkan alternatif terhadap inisiatif "
        "Tiongkok, telah menandatangani perjanjian senilai 12,4 miliar dolar AS.",
        [
            "Pemerintahan Trump, yang secara eksplisit menawarkan alternatif terhadap inisiatif "
            "Tiongkok",
            "telah menandatangani perjanjian senilai 12,4 miliar dolar AS",
        ],
        [
            "Pemerintahan Trump secara eksplisit menawarkan alternatif terhadap inisiatif Tiongkok",
            "Pemerintahan Trump telah menandatangani perjanjian senilai 12,4 miliar dolar AS",
        ],
    ),
    (
        "en",
        "Mayor Dana Whitfield, who took office in 2022, vetoed the plan on Monday.",
        ["Mayor Dana Whitfield, who took office in 2022", "vetoed the plan on Monday"],
        [
            "Mayor Dana Whitfield took office in 2022",
            "Mayor Dana Whitfield vetoed the plan on Monday",
        ],
    ),
    (
        "id",
        "Pernyataan itu disampaikan dalam KTT di Jakarta, di mana Presiden menyambut lima "
        "pemimpin.",
        [
            "Pernyataan itu disampaikan dalam KTT di Jakarta",
            "di mana Presiden menyambut lima pemimpin",
        ],
        [
            "Pernyataan itu disampaikan dalam KTT di Jakarta",
            "Presiden menyambut lima pemimpin di Jakarta",
        ],
    ),
    (
        "en",
        "The storm reached the coast on 3 May 2024, when 1,200 residents were evacuated.",
        ["The storm reached the coast on 3 May 2024", "when 1,200 residents were evacuated"],
        [
            "The storm reached the coast on 3 May 2024",
            "1,200 residents were evacuated on 3 May 2024",
        ],
    ),
    (
        "en",
        "Lucia Moreno, a former finance minister, won 41 percent of the vote.",
        ["Lucia Moreno, a former finance minister", "won 41 percent of the vote"],
        ["Lucia Moreno is a former finance minister", "Lucia Moreno won 41 percent of the vote"],
    ),
    (  # a restrictive relative clause defines its noun: one claim
        "id",
        "Kazakhstan adalah negara pertama yang bergabung dengan kesepakatan itu pada 2025.",
        ["Kazakhstan adalah negara pertama yang bergabung dengan kesepakatan itu pada 2025"],
        ["Kazakhstan adalah negara pertama yang bergabung dengan kesepakatan itu pada 2025"],
    ),
]


@pytest.mark.parametrize(("language", "text", "spans", "texts"), RELATIVE_CASES)
def test_relative_clauses_and_appositions_are_claims_of_their_own(language, text, spans, texts):
    claims = extract_claims(text, language)
    assert [c.text for c in claims] == spans
    assert [c.claim_text for c in claims] == texts


def test_a_list_that_is_the_fact_stays_one_claim_and_a_dash_relative_keeps_its_noun():
    text = (
        "Dengan berpartisipasi dalam kesepakatan yang diprakarsai pada tahun 2020-2021—yang saat "
        "ini telah mencakup Uni Emirat Arab (UEA), Bahrain, Maroko, dan Sudan—Astana memposisikan "
        "dirinya sebagai jembatan antara Timur Tengah dan Asia Tengah."
    )
    first, second = extract_claims(text, "id")
    assert "2020-2021" in first.text and "Bahrain, Maroko, dan Sudan" in first.text
    assert "membership list" in first.reasons
    assert second.text.startswith("Astana memposisikan")


# --- concessives and contrasts ----------------------------------------------------------

CONCESSIVE_CASES = [
    (
        "en",
        "Although sales rose 5% in 2023, the firm cut 200 jobs.",
        ["sales rose 5% in 2023", "the firm cut 200 jobs"],
    ),
    (
        "id",
        "Meskipun angka kemiskinan turun 2 persen, kesenjangan antara desa dan kota melebar.",
        ["angka kemiskinan turun 2 persen", "kesenjangan antara desa dan kota melebar"],
    ),
    (
        "id",
        "Harga beras naik 5 persen pada Maret 2024, padahal panen padi melimpah.",
        ["Harga beras naik 5 persen pada Maret 2024", "panen padi melimpah"],
    ),
    (
        "en",
        "Rates fell to 88.6% in 2024, whereas the national target is 95%.",
        ["Rates fell to 88.6% in 2024", "the national target is 95%"],
    ),
    (
        "en",
        "While the ministry spent $2 million on roads, schools received nothing in 2023.",
        ["the ministry spent $2 million on roads", "schools received nothing in 2023"],
    ),
]


@pytest.mark.parametrize(("language", "text", "spans"), CONCESSIVE_CASES)
def test_concessive_and_contrast_clauses_are_split(language, text, spans):
    assert [c.text for c in extract_claims(text, language)] == spans


def test_a_clause_without_a_time_gets_the_sentences_time():
    texts = claim_texts(
        "Harga beras naik 5 persen pada Maret 2024, sementara harga gula turun 2 persen.", "id"
    )
    assert texts == [
        "Harga beras naik 5 persen pada Maret 2024",
        "Harga gula turun 2 persen pada Maret 2024",
    ]


def test_a_clause_without_its_subject_and_verb_gets_them_from_the_first():
    texts = claim_texts(
        "Persentase penduduk miskin di perdesaan mencapai 12,4 persen, sementara di perkotaan "
        "hanya 6,1 persen.",
        "id",
    )
    assert texts[1] == "Persentase penduduk miskin di perkotaan hanya 6,1 persen"


# --- the headline -------------------------------------------------------------------------


def test_the_headline_is_proposed_first_with_its_span_in_the_title():
    title = "Angka Kemiskinan Gunung Sari Turun ke 9,8 Persen, Terendah dalam Satu Dekade"
    body = (
        "Badan Pusat Statistik mencatat angka kemiskinan di Kabupaten Gunung Sari turun ke 9,8 "
        "persen pada Maret 2025.\nAngka itu terendah dalam satu dekade, kata Hendra Wijaya."
    )
    headline, *rest = extract_article(title, body, "id")
    assert headline.section == "headline"
    assert title[headline.start : headline.end] == headline.text == title
    assert headline.kind == "fact" and "number: 9,8 persen" in headline.reasons
    # title case is not a name: "Angka Kemiskinan ... Turun" is read as ordinary words
    assert not any("Angka" in r or "Turun" in r for r in headline.reasons)
    assert rest and all(c.section == "body" for c in rest)


def test_a_short_first_paragraph_is_the_standfirst():
    body = "Harga beras naik 5 persen pada 2024.\nParagraf kedua 2 hal.\nParagraf ketiga 3 hal."
    claims = extract_claims(body, "id")
    assert claims[0].section == "standfirst"
    assert {c.section for c in claims[1:]} == {"body"}


# --- who said it --------------------------------------------------------------------------

CLAIMANT_CASES = [
    (
        "id",
        "Menurut Badan Pusat Statistik (BPS), jumlah penduduk miskin turun 4.900 orang.",
        "Badan Pusat Statistik",
    ),
    (
        "id",
        "Badan Pusat Statistik (BPS) merilis data pada Juli 2025. Menurut BPS, inflasi "
        "mencapai 2,5 persen pada Juni 2025.",
        "Badan Pusat Statistik",
    ),
    ("id", '"Kami siap bertanding," kata Budi Santoso.', "Budi Santoso"),
    (
        "id",
        "Presiden Trump secara khusus menekankan bahwa Kazakhstan adalah negara pertama.",
        "Presiden Trump",
    ),
    ("id", "Para analis mencatat bahwa langkah itu mungkin menimbulkan reaksi.", "Para analis"),
    ("en", "The ministry said that growth will slow to 3 percent in 2026.", "The ministry"),
    (
        "id",
        "Kepala BPS Gunung Sari, Hendra Wijaya, mengatakan angka itu turun 5 persen.",
        "Hendra Wijaya",
    ),
    ("en", "Unemployment rose to 7 percent in March 2025, the agency said.", "the agency"),
    ("en", "Unemployment rose to 7 percent in March 2025.", None),
]


@pytest.mark.parametrize(("language", "text", "claimant"), CLAIMANT_CASES)
def test_each_claim_records_who_said_it(language, text, claimant):
    claims = extract_claims(text, language)
    assert claims[-1].claimant == claimant


def test_the_claimant_is_named_among_the_reasons():
    claim = claim_with(
        "Bank Dunia memperkirakan pertumbuhan ekonomi 5 persen pada 2025.", "id", "Bank"
    )
    assert "claimant: Bank Dunia" in claim.reasons


# --- reasons ------------------------------------------------------------------------------

NAME_CASES = [
    ("id", "Badan Pusat Statistik mencatat inflasi 2,5 persen pada 2024.", "Badan Pusat Statistik"),
    ("id", "Bank Dunia memperkirakan pertumbuhan 5 persen pada 2025.", "Bank Dunia"),
    (
        "id",
        "Kementerian Energi dan Sumber Daya Mineral (ESDM) menargetkan bauran 23 persen.",
        "Kementerian Energi dan Sumber Daya Mineral",
    ),
    (
        "en",
        "The World Health Organization reported 6,420 cases in June 2025.",
        "World Health Organization",
    ),
    ("en", "Harlow Bay Mayor Gerald Finch vetoed the plan on Friday.", "Gerald Finch"),
]


@pytest.mark.parametrize(("language", "text", "name"), NAME_CASES)
def test_multi_word_names_are_given_whole_as_reasons(language, text, name):
    (claim,) = extract_claims(text, language)
    assert f"named entity: {name}" in claim.reasons


@pytest.mark.parametrize(
    "text",
    [
        "Badan Pusat Statistik mencatat inflasi 2,5 persen pada 2024 di Jakarta dan Surabaya.",
        "Presiden Donald Trump menyambut lima pemimpin di Gedung Putih pada 6 November 2025.",
        '"Kami siap bertanding," kata Budi Santoso.',
    ],
)
def test_the_score_is_the_sum_of_its_reasons(text):
    (claim,) = extract_claims(text, "id")
    assert claim.kind == "fact"
    expected = round(min(1.0, BASE_SCORE + sum(reason_weights(claim.reasons))), 2)
    assert claim.score == expected


def test_an_opinion_scores_below_every_fact_of_its_article():
    text = (
        "Harga beras naik 5 persen pada 2024. Para pengamat menilai kenaikan itu wajar. "
        'Finance Minister Aron Velasquez called the figures "too pessimistic".'
    )
    claims = extract_claims(text, "id")
    facts = [c.score for c in claims if c.kind == "fact"]
    opinions = [c.score for c in claims if c.kind == "opinion"]
    assert len(opinions) == 2 and max(opinions) < min(facts)
