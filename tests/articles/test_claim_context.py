"""Claim texts that carry what the article says around them (issue 15): the article's topic
and place, demonstratives resolved by what came before, quotes reported, relative clauses
with their noun, and norms told from facts."""

from __future__ import annotations

import pytest

from factcheck.articles.extract import extract_article, extract_claims
from factcheck.articles.standalone import name_context
from factcheck.articles.topic import main_topic, names_topic

FLOOD_ID = (
    "Banjir Bandang Landa Kabupaten Sungai Lebar, 6 Orang Tewas",
    "Banjir bandang melanda Kabupaten Sungai Lebar pada Senin (3/3/2025) malam. "
    "Tim gabungan menemukan 6 korban meninggal dunia, sementara 4 orang lainnya masih "
    "dicari.\n"
    "Banjir itu merendam 210 rumah di tiga kecamatan. Kepala BPBD Sungai Lebar, Rudi "
    "Hartono, mengatakan banjir kali ini adalah yang terparah sejak 2010.\n"
    "Warga menyebut banjir datang dalam hitungan menit. Pemerintah Kabupaten Sungai Lebar "
    "menyiapkan dana Rp 3 miliar untuk korban banjir.",
)
FERRY_EN = (
    "Ferry strike halts crossings to Wrenmouth island",
    "A ferry strike halted all crossings to Wrenmouth on Monday. The strike is the third "
    "this year, the ferry union said.\n"
    "About 2,400 passengers were stranded, according to the operator. The ferry union wants "
    "a 9 percent pay rise.\n"
    "The strike will end on Friday if talks succeed, union leaders said. Ferry crossings "
    "normally carry 5,000 people a day.",
)


def claim_text_of(title: str, body: str, language: str, span_words: str) -> str:
    found = [c for c in extract_article(title, body, language) if span_words in c.text]
    assert len(found) == 1, [c.text for c in extract_article(title, body, language)]
    claim = found[0]
    source = title if claim.section == "headline" else body
    assert source[claim.start : claim.end] == claim.text  # the span stays the article's
    return claim.claim_text


# --- the article's topic ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "title", "body", "topic"),
    [
        ("id", *FLOOD_ID, "banjir bandang"),
        ("en", *FERRY_EN, "ferry strike"),
        # a word of a name the body uses whole is no topic, nor a unit after numbers
        (
            "en",
            "World Bank cuts Lorvia forecast to 2 percent",
            "The World Bank cut its forecast. The World Bank said exports fell 5 percent, "
            "3 percent and 2 percent. The bank gave no reason.",
            None,
        ),
        # a headline sharing no frequent word with its body has none
        ("en", "Quiet week at city hall", "The council met once. It approved 3 permits.", None),
    ],
)
def test_the_topic_is_the_headline_word_the_body_repeats(language, title, body, topic):
    assert main_topic(title, body, language, name_context(body, language)) == topic


@pytest.mark.parametrize(
    ("language", "text", "topic", "named"),
    [
        ("en", "The $18 million scheme would add 11 km of lanes", "bus lane plan", False),
        ("en", "Bus lanes cut journey times", "bus lane plan", True),
        ("id", "Longsornya menimbun 23 rumah", "longsor", True),
        ("en", "The busiest roads are in the east", "bus", False),  # "busiest" is no "bus"
    ],
)
def test_a_claim_names_the_topic_by_its_describing_words(language, text, topic, named):
    assert names_topic(text, topic, language) is named


@pytest.mark.parametrize(
    ("language", "article", "span_words", "expected"),
    [
        ("id", FLOOD_ID, "4 orang lainnya", "Banjir bandang: 4 orang lainnya masih dicari"),
        ("en", FERRY_EN, "About 2,400 passengers", "Ferry strike: About 2,400 passengers"),
    ],
)
def test_a_claim_that_does_not_name_the_topic_is_labelled_with_it(
    language, article, span_words, expected
):
    assert claim_text_of(*article, language, span_words).startswith(expected)


def test_a_claim_that_names_the_topic_has_no_label():
    text = claim_text_of(*FLOOD_ID, "id", "merendam 210 rumah")
    assert text.startswith("Banjir bandang")  # "Banjir itu" -> the topic's first mention


# --- the place and demonstratives ------------------------------------------------------------


def test_the_articles_place_is_written_in_full_but_not_inside_another_name():
    body = (
        "Pemerintah Kota Tirta Jaya membagikan 4.000 seragam kepada siswa di Kota Tirta Jaya "
        "pada 2025. Program di Kota Tirta Jaya itu menelan Rp 2 miliar. Tirta Jaya bukan kota "
        "pertama yang melakukannya. Pedagang di Pasar Baru Tirta Jaya menjual 300 seragam "
        "pada 2024."
    )
    texts = [c.claim_text for c in extract_claims(body, "id")]
    assert any(t.startswith("Kota Tirta Jaya bukan kota pertama") for t in texts)
    assert any(t.startswith("Pedagang di Pasar Baru Tirta Jaya menjual") for t in texts)


DEMONSTRATIVE_CASES = [
    # "<noun> itu" after "<name> dalam <noun>nya": the name owns it
    (
        "id",
        "Kemiskinan Turun di Kabupaten Lembah",
        "Bank Dunia dalam laporannya pada Juni memperkirakan 20 persen warga rentan miskin. "
        "Laporan itu juga mencatat bahwa 42 persen rumah tangga miskin dikepalai perempuan.",
        "Laporan itu",
        "Laporan Bank Dunia juga mencatat",
    ),
    # a place noun: the name the sentence before was about
    (
        "id",
        "Longsor di Lereng Gunung Tua",
        "Lereng Gunung Tua sudah lama dikenal rawan longsor sejak 2001. Padahal, kawasan itu "
        "masuk dalam peta zona merah pada 2019.",
        "kawasan itu",
        "Lereng Gunung Tua masuk dalam peta",
    ),
    # an ordinary noun, inside the clause: the topic
    (
        "id",
        "Angka Pengangguran Kota Baru Turun",
        "Angka pengangguran di Kota Baru turun menjadi 5 persen pada 2025. Pengangguran "
        "terbuka tercatat 3.000 orang, sementara pengangguran terselubung 1.200 orang. "
        "Kepala dinas mengatakan penurunan itu didorong pembukaan 12 pabrik.",
        "penurunan itu",
        "penurunan pengangguran didorong",
    ),
    # English: "the" and a figure before a noun the article never named
    (
        "en",
        "Council backs tram plan for Eastport",
        "The $40 million scheme would add 6 km of track. The tram plan won 7 votes in May. "
        "Tram supporters said the tram would carry 9,000 people a day.",
        "The $40 million scheme",
        "The $40 million tram scheme",
    ),
]


@pytest.mark.parametrize(("language", "title", "body", "span_words", "part"), DEMONSTRATIVE_CASES)
def test_a_demonstrative_is_resolved_by_what_the_article_said(
    language, title, body, span_words, part
):
    assert part in claim_text_of(title, body, language, span_words)


def test_they_after_a_list_are_its_members():
    body = (
        "Kepala BPBD mengatakan tiga desa, yakni Sukamaju, Cibodas, dan Pasirlaja, kini "
        'terisolasi sejak Senin. "Mereka hanya bisa dijangkau dengan berjalan kaki sekitar '
        'tiga jam," ujarnya.'
    )
    text = [c.claim_text for c in extract_claims(body, "id") if "dijangkau" in c.text][0]
    assert "Sukamaju, Cibodas, dan Pasirlaja hanya bisa dijangkau" in text


# --- quotes and relative clauses -------------------------------------------------------------


QUOTE_CASES = [
    # a whole quote: reported, its words still in quotes
    (
        "id",
        'Ketua tim, Budi Santoso, tiba pada 2024. "Kami siap bertanding di 12 kota," '
        "kata Budi Santoso.",
        "Kami siap",
        ['Menurut Budi Santoso, "Kami siap bertanding di 12 kota"'],
    ),
    # a quote holding two facts: cut, each reported, the speaker of "ujarnya" named
    (
        "id",
        'Kepala BPS Kota Lama, Hendra Wijaya, memaparkan data itu pada Selasa. "Garis '
        "kemiskinan naik "
        '4,2 persen menjadi Rp 512.300, tetapi pengeluaran warga naik 6 persen," ujarnya.',
        "persen",
        [
            # with the title he was introduced with (test_titled_people.py)
            "Menurut Kepala BPS Kota Lama, Hendra Wijaya, garis kemiskinan naik 4,2 persen "
            "menjadi Rp 512.300",
            "Menurut Kepala BPS Kota Lama, Hendra Wijaya, pengeluaran warga naik 6 persen",
        ],
    ),
]


@pytest.mark.parametrize(("language", "text", "span_words", "expected"), QUOTE_CASES)
def test_a_quote_with_its_speech_tag_is_reported_with_its_speaker(
    language, text, span_words, expected
):
    texts = [c.claim_text for c in extract_claims(text, language) if span_words in c.text]
    assert [t[: len(e)] for t, e in zip(texts, expected, strict=True)] == expected


RELATIVE_CASES = [
    (
        "en",
        "Economists at the Regional Monetary Fund, whose own forecast is due in July, had "
        "predicted 3.8 percent in April.",
        [
            "The Regional Monetary Fund's own forecast is due in July",
            "Economists at the Regional Monetary Fund had predicted 3.8 percent",
        ],
    ),
    (
        "en",
        "The outbreak was driven by heavy rains in March, which flooded 300 homes in the "
        "eastern districts.",
        ["The outbreak was driven by heavy rains in March", "Heavy rains in March flooded"],
    ),
    (
        "id",
        "Lereng Gunung Tua, yang sebagian besar hutannya telah menjadi kebun sejak 2001, "
        "dikenal rawan longsor.",
        ["Sebagian besar hutan Lereng Gunung Tua telah menjadi kebun sejak 2001"],
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), RELATIVE_CASES)
def test_a_relative_clause_gets_its_noun_back_whatever_its_relation(language, text, expected):
    texts = [c.claim_text for c in extract_claims(text, language)]
    for part in expected:
        assert any(t.startswith(part) for t in texts), texts


# --- norms -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "kind"),
    [
        (
            "id",
            '"Tidak boleh ada anak yang putus sekolah karena seragam," kata Wali Kota Budi '
            "Santoso pada 2025.",
            "opinion",
        ),
        ("en", "The city must now return the $18 million grant by September 30.", "fact"),
        ("id", "Pemerintah sebaiknya menambah 300 guru pada 2026.", "opinion"),
        ("en", "The ministry ought to publish the 2024 figures.", "opinion"),
    ],
)
def test_a_quoted_norm_or_advice_is_an_opinion_and_a_reported_obligation_a_fact(
    language, text, kind
):
    claims = extract_claims(text, language)
    assert [c.kind for c in claims] == [kind]


# --- who said it -----------------------------------------------------------------------------


CLAIMANT_CASES = [
    # "the mayor" after "Mayor <name>" opened a sentence (the title was read as a word)
    (
        "en",
        "Mayor Daniel Ortega, who faces re-election in November, opened 3 clinics in May. "
        "The mayor said the scheme would cost 14 million crowns in its first year.",
        "The mayor said",
        "Mayor Daniel Ortega",
    ),
    # a reported clause after ", said" is no speech tag: the speaker is the subject
    (
        "en",
        "The utility, which serves about 40,000 homes, said the rationing would last until "
        "September 2025.",
        "rationing would last",
        "The utility",
    ),
    # a bracketed legal form belongs to the name, which stays the speaker
    (
        "id",
        "PT PLN (Persero), operator PLTU Batu Hitam, menyatakan pembangkit itu akan "
        "ditutup pada 2030.",
        "ditutup pada 2030",
        "PT PLN",
    ),
    # a relative clause inside what a person said is theirs too
    (
        "en",
        "Dr. Helena Marsh said the surge was driven by heavy rains in March, which left "
        "standing water across 12 districts.",
        "which left standing water",
        "Dr. Helena Marsh",
    ),
]


@pytest.mark.parametrize(("language", "text", "span_words", "claimant"), CLAIMANT_CASES)
def test_the_claimant_is_resolved_to_who_said_it(language, text, span_words, claimant):
    found = [c for c in extract_claims(text, language) if span_words in c.text]
    assert [c.claimant for c in found] == [claimant]


def test_a_relative_clause_before_the_speech_verb_is_in_the_articles_voice():
    text = "The utility, which serves about 40,000 homes, said the rationing would last."
    found = [c for c in extract_claims(text, "en") if "serves" in c.text]
    assert [c.claimant for c in found] == [None]


@pytest.mark.parametrize(
    ("language", "clause", "subject"),
    [
        ("en", "The World Bank on Thursday lowered its forecast", "The World Bank"),
        ("id", "Tim SAR pada Jumat menemukan 14 korban", "Tim SAR"),
        ("id", "Persentase penduduk miskin di perdesaan mencapai 12,4 persen", None),
    ],
)
def test_a_subject_ends_before_a_time_phrase_but_keeps_its_place(language, clause, subject):
    from factcheck.language.syntax import subject_span

    start, end = subject_span(clause, language)
    expected = subject or "Persentase penduduk miskin di perdesaan"
    assert clause[start:end] == expected
