"""Rules read from sentence structure, not from a set's words (issue 15, structural round).

Each case is an article of its own, written for these tests: what is split off as a fact of
its own (a second predicate after "dan"/"and", "Meski X, Y", a figure phrase after a
preposition, a factive subordinate clause, a noun with its relative clause after
"dengan"/"including"), the topic's modifiers, names joined by "dan"/"and" as what a counted
noun or a relative clause is about, first mentions, characterisations as views, and what
the rules must leave whole.
"""

from __future__ import annotations

import pytest

from factcheck.articles.extract import extract_article, extract_claims
from factcheck.articles.standalone import name_context
from factcheck.articles.topic import main_topic


def article_claims(body: str, language: str, title: str = "Laporan"):
    """The proposals for an article, each body claim's span checked to be the article's own
    words (a headline's span is in the title)."""
    found = extract_article(title, body, language)
    for claim in found:
        if claim.section != "headline":
            assert body[claim.start : claim.end] == claim.text  # the span is the article's own
    return found


def _alone(found, phrase: str, other: str):
    """The one proposal whose span holds ``phrase`` and not ``other``."""
    hits = [c for c in found if phrase in c.text and other not in c.text]
    assert len(hits) == 1, [c.text for c in found]
    return hits[0]


@pytest.mark.parametrize(
    ("language", "body", "first", "second", "second_claim"),
    [
        # a second predicate after "dan"/"and" with no comma, of the same form as the first
        (
            "id",
            "Angin puting beliung merusak 240 rumah di Desa Kali Ayu pada Selasa dan "
            "menumbangkan sedikitnya 60 pohon di sepanjang jalan provinsi.",
            "merusak 240 rumah",
            "menumbangkan sedikitnya 60 pohon",
            "Angin puting beliung menumbangkan sedikitnya 60 pohon",
        ),
        (
            "id",
            "Dinas Sosial Kota Lembah Hijau telah membagikan 5.000 paket sembako dan "
            "membuka dua dapur umum bagi warga terdampak.",
            "membagikan 5.000 paket sembako",
            "membuka dua dapur umum",
            "Dinas Sosial Kota Lembah Hijau membuka dua dapur umum",
        ),
        (
            "en",
            "The audit office reviewed 412 school contracts last year and flagged 37 of them "
            "for possible overbilling.",
            "reviewed 412 school contracts",
            "flagged 37 of them",
            "The audit office flagged 37 of the 412 school contracts for",
        ),
        # "Meski X, Y" like "Meskipun X, Y"
        (
            "id",
            "Meski ditargetkan selesai pada Juni 2027, pembangunan terminal baru Kota Batu "
            "Lancar baru mencapai 25 persen.",
            "baru mencapai 25 persen",
            "ditargetkan selesai pada Juni 2027",
            "Ditargetkan selesai pada Juni 2027",
        ),
        (
            "id",
            "Meski harga gabah naik 12 persen, pendapatan petani di Kabupaten Sari Tani "
            "turun pada musim tanam ini.",
            "pendapatan petani",
            "harga gabah naik 12 persen",
            "Harga gabah naik 12 persen",
        ),
        # a figure phrase opened by a preposition; "estimated" after "an" is no verb
        # a preposition opens the figure phrase; "estimated" after "an" is no verb
        (
            "en",
            "The ferry terminal will be rebuilt over two years, at an estimated cost of "
            "48 million dollars.",
            "will be rebuilt over two years",
            "at an estimated cost of 48 million dollars",
            "will be rebuilt over two years, at an estimated cost of 48 million dollars",
        ),
        (
            "id",
            "Pemerintah Kota Teluk Damai merenovasi 14 puskesmas sepanjang 2026, dengan "
            "anggaran total sekitar Rp 35 miliar.",
            "merenovasi 14 puskesmas",
            "dengan anggaran total sekitar Rp 35 miliar",
            "merenovasi 14 puskesmas sepanjang 2026, dengan anggaran total",
        ),
        # a clause after "after"/"karena"/"because" with its own subject, set off by a comma
        # or outside the view of the clause it leans on
        # set off by a comma: two claims
        (
            "en",
            "Harbour officials closed the Vell ferry terminal for two days, after a storm "
            "damaged 3 of its 5 cranes.",
            "closed the Vell ferry terminal",
            "a storm damaged 3 of its 5 cranes",
            "A storm damaged 3 of its 5 cranes",
        ),
        # the view does not reach the reason the writer gives: a fact of its own
        (
            "id",
            "Pengamat transportasi, Rudi Hartono, menilai Pemerintah Kota Sungai Biru lamban "
            "karena tarif angkot sudah naik 15 persen sejak Januari.",
            "menilai Pemerintah Kota Sungai Biru lamban",
            "tarif angkot sudah naik 15 persen sejak Januari",
            "Tarif angkot sudah naik 15 persen sejak Januari",
        ),
        (
            "en",
            "Analysts said the strike was likely to end soon, because 80 percent of the "
            "drivers had returned to work.",
            "the strike was likely to end soon",
            "80 percent of the drivers had returned to work",
            "80 percent of the drivers had returned to work",
        ),
        # a noun and its relative clause after "dengan"/"including"
        (
            "id",
            "Dinas Sosial membuka lima posko di Kecamatan Hilir, dengan tenaga medis yang "
            "melayani 600 pasien per hari.",
            "membuka lima posko",
            "tenaga medis yang melayani 600 pasien",
            "Tenaga medis melayani 600 pasien per hari",
        ),
        # an English object relative: the noun goes after the verb and its auxiliaries
        (
            "en",
            "The ban does not cover four sites already approved, including a 90-megawatt "
            "plant that Voltra Energy is building near the Old Quarry.",
            "does not cover four sites already approved",
            "a 90-megawatt plant that Voltra Energy is building",
            "Voltra Energy is building a 90-megawatt plant near the Old Quarry",
        ),
        # no comma, but a long clause after "setelah"/"after" with its own subject (extract9)
        (
            "id",
            "Dinas Peternakan menutup lalu lintas ternak dari tiga kecamatan setelah uji "
            "laboratorium memastikan bakteri antraks pada bangkai 37 sapi.",
            "menutup lalu lintas ternak",
            "uji laboratorium memastikan",
            "Uji laboratorium memastikan bakteri antraks pada bangkai 37 sapi",
        ),
        (
            "en",
            "About 120,000 households were told to boil their tap water on Friday after "
            "routine tests found E. coli at the Sallow Lane treatment works.",
            "told to boil their tap water",
            "routine tests found",
            "Routine tests found E. coli at the Sallow Lane treatment works",
        ),
        # its "-nya" is the main clause's subject's
        (
            "id",
            "Program itu dibiayai Anggaran Pendapatan dan Belanja Daerah sebesar Rp 4 miliar. "
            "Program serupa dihentikan pada 2020 karena anggarannya dialihkan untuk perbaikan "
            "jalan desa di pesisir.",
            "Program serupa dihentikan",
            "anggarannya dialihkan",
            "Anggaran program serupa dialihkan",
        ),
    ],
)
def test_a_fact_of_its_own_is_split_off_with_its_own_span(
    language, body, first, second, second_claim
):
    found = article_claims(body, language)
    _alone(found, first, second)
    split = _alone(found, second, first)
    assert split.kind == "fact"
    assert second_claim in split.claim_text
    # the word that joined the two belongs to neither span
    assert split.text.split()[0].lower() not in ("dan", "and", "meski", "after", "karena")


# --- the article's topic grows toward the head's modifiers -------------------------------------


@pytest.mark.parametrize(
    ("language", "title", "body", "topic"),
    [
        # Indonesian modifiers follow the head: "sampah plastik", not "tumpukan sampah"
        (
            "id",
            "Tumpukan Sampah Plastik Cemari Sungai Keruh",
            "Warga menemukan tumpukan sampah di tepi sungai. Sampah plastik itu terbawa "
            "arus dari hulu. Dinas Lingkungan Hidup mengangkut 12 ton sampah plastik pada "
            "Senin. Sebagian sampah dibakar warga.",
            "sampah plastik",
        ),
        # English modifiers go before the head: "ferry fares", not "fares rise"
        (
            "en",
            "Ferry fares rise 9 percent on Lake Orris routes",
            "Ferry fares rose on Monday. The operator said ferry fares had not risen since "
            "2022. Fares for cars rose most.",
            "ferry fares",
        ),
    ],
)
def test_topic_grows_to_the_modifiers_of_its_head(language, title, body, topic):
    assert main_topic(title, body, language, name_context(body, language)) == topic


# --- names joined by "dan"/"and" as what a counted noun or a relative clause is about ---------


@pytest.mark.parametrize(
    ("language", "body", "span", "claim"),
    [
        (
            "id",
            "Hujan deras merendam Desa Sukamulya, Cikaret, dan Parakan Hilir. Ketiga desa "
            "tersebut menampung 2.100 pengungsi pada Minggu.",
            "Ketiga desa tersebut menampung 2.100 pengungsi",
            "Desa Sukamulya, Cikaret, dan Parakan Hilir menampung 2.100 pengungsi",
        ),
        (
            "id",
            "Pasokan air terhenti di Kelurahan Teluk Batu dan Kelurahan Sei Raya. Warga di "
            "kedua kelurahan itu menerima 40 tangki air bersih.",
            "kedua kelurahan itu menerima 40 tangki",
            "Warga di Kelurahan Teluk Batu dan Kelurahan Sei Raya menerima 40 tangki",
        ),
        # the number must agree: two names are not what "three" points to
        (
            "id",
            "Angin kencang melanda Desa Sumber Air dan Desa Sumber Rejo. Tiga desa itu "
            "mendapat bantuan 300 terpal.",
            "Tiga desa itu mendapat bantuan 300 terpal",
            "Tiga desa itu mendapat bantuan 300 terpal",
        ),
        (
            "en",
            "Buses stopped in the Ashby, Corran and Dune districts on Monday. The three "
            "districts have 41,000 commuters.",
            "The three districts have 41,000 commuters",
            "The Ashby, Corran and Dune districts have 41,000 commuters",
        ),
        # a relative clause after names joined by "dan"/"and" is said of all of them
        (
            "id",
            "Longsor terjadi di Desa Batu Putih dan Desa Karang Sari, yang lerengnya sudah "
            "gundul sejak 2019.",
            "yang lerengnya sudah gundul",
            "Lereng Desa Batu Putih dan Desa Karang Sari sudah gundul",
        ),
        (
            "en",
            "The storm cut power to Ashby Library and Corran Hall, which together drew 90,000 "
            "visitors in 2025.",
            "which together drew 90,000 visitors",
            "Ashby Library and Corran Hall together drew 90,000 visitors",
        ),
    ],
)
def test_joined_names_are_what_a_counted_noun_or_relative_clause_is_about(
    language, body, span, claim
):
    found = [c for c in article_claims(body, language) if span in c.text]
    assert len(found) == 1
    assert claim in found[0].claim_text


@pytest.mark.parametrize(
    ("body", "span", "not_in_claim"),
    [
        # "a review of the ..." is no first mention of the head: "of" cannot premodify it
        (
            "A review of the tram contract was published in May 2026. A union of local "
            "members backed the foundation in 2025. The foundation puts the living wage at "
            "15.60 dollars an hour.",
            "The foundation puts the living wage",
            "review",
        ),
        (
            "A report on the 2019 inspection rated the cables as fair. That inspection "
            "never took place again.",
            "That inspection never took place",
            "report",
        ),
    ],
)
def test_first_mention_takes_only_words_that_premodify_the_head(body, span, not_in_claim):
    found = [c for c in article_claims(body, "en") if span in c.text]
    assert len(found) == 1
    assert not_in_claim not in found[0].claim_text.lower()


# --- a clause after "after"/"karena"/"since" with its own subject ------------------------------


# --- a noun and its relative clause after "including"/"dengan" ----------------------------------


# --- naming what something is in someone's words is a view --------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('Tenant groups called the rent rise "indefensible".', "opinion"),
        ("The pilots' union called the new rota a danger to passengers.", "opinion"),
        # a complement with a figure, or a verb, or no complement at all: a fact
        ('The minister called the plan "a cut of 40 percent".', "fact"),
        ("The union called a strike for 3 March.", "fact"),
        ("The mayor called the vote on the budget for Monday.", "fact"),
    ],
)
def test_characterising_an_object_in_someones_words_is_a_view(text, kind):
    found = extract_claims(text, "en")
    assert len(found) == 1
    assert found[0].kind == kind, found[0].reasons


# --- what the rules must leave whole ----------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "body", "together"),
    [
        # "dan" joins what "untuk memperkuat" governs, not two predicates of the subject
        (
            "id",
            "Program itu memberi peluang bagi nelayan untuk memperbaiki 300 perahu dan "
            "membeli jaring baru senilai Rp 2 miliar.",
            ("memperbaiki 300 perahu", "membeli jaring baru"),
        ),
        # a change of voice: the second verb says something of another kind
        (
            "id",
            "Gedung olahraga itu mampu menampung 8.000 penonton dan dibangun dengan biaya "
            "Rp 90 miliar.",
            ("8.000 penonton", "Rp 90 miliar"),
        ),
        # the second predicate opens with an auxiliary: a prediction apart from the cost
        (
            "en",
            "The desalination plant will cost about 75 million dollars and is expected to "
            "supply 40,000 households.",
            ("75 million dollars", "40,000 households"),
        ),
        # nouns joined by "and" after the verb are one object, not a second predicate
        (
            "en",
            "The company recalled 9,000 kettles and toasters sold in March.",
            ("9,000 kettles", "toasters sold"),
        ),
        # a date with its clock time is when it happened, not a figure of its own
        (
            "id",
            "Banjir bandang menerjang Desa Air Deras, Kabupaten Hulu Sari, pada Kamis (4/6) "
            "pukul 02.30 WIB.",
            ("menerjang Desa Air Deras", "pukul 02.30 WIB"),
        ),
        # no comma and nothing hedged: the time or reason is part of the one claim
        (
            "en",
            "The Orrin paper mill reopened on Monday after workers repaired its 40-year-old "
            "boiler.",
            ("reopened on Monday", "repaired its 40-year-old boiler"),
        ),
        # no subject of its own after "setelah": not a clause apart
        (
            "id",
            "Dua warga Desa Mata Air dirawat di rumah sakit setelah digigit anjing liar pada "
            "Senin.",
            ("dirawat di rumah sakit", "digigit anjing liar"),
        ),
        # what a clause after "sebelum"/"before" names need not have happened
        (
            "id",
            "Menurut aktivis, jalur satwa itu seharusnya dibuka kembali sebelum banjir "
            "merendam 200 rumah lagi.",
            ("dibuka kembali", "merendam 200 rumah"),
        ),
        # no relative clause: the figure phrase or the list stays with its clause
        (
            "en",
            "The fund backed six projects, including Harbor Mill and the Dune Street depot.",
            ("backed six projects", "Harbor Mill"),
        ),
    ],
)
def test_what_the_rules_must_leave_whole_stays_one_claim(language, body, together):
    found = article_claims(body, language)
    assert any(all(p in c.text for p in together) for c in found), [c.text for c in found]
