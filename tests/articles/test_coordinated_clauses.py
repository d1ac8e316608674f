"""Clauses joined to the one before that carry a fact of their own (issue 15): a second
predicate after "dan/and" behind a time adverb ("dan kini ...") or with a copula or "have"
as its verb ("and is a listed building"); "dan/and" before a clause with its own subject;
a result after a comma (", sehingga ...", ", cutting power to ..."). Each is split with its
own span; a pair of names joined by "dan", a list after one verb, a noun and a participle,
and "and" inside a relative clause stay whole. Each case is an article written for the
test."""

from __future__ import annotations

import pytest

from tests.articles.test_structural_rules import _alone, article_claims


@pytest.mark.parametrize(
    ("language", "body", "first", "second"),
    [
        # a time adverb before the second predicate
        (
            "id",
            "Jembatan Kali Wungu ditutup pada Senin. Kepala dinas mengatakan jembatan itu "
            "dibangun pada 1978 dan terakhir diperbaiki pada 2011.",
            "dibangun pada 1978",
            "terakhir diperbaiki pada 2011",
        ),
        # a copula or "have" as the second predicate's verb: a state next to an event
        (
            "en",
            "Thornby Mill reopened on Saturday. The mill was built in 1790 and is a Grade II "
            "listed building.",
            "built in 1790",
            "is a Grade II listed building",
        ),
        (
            "en",
            "Marlow Park will charge for parking. The park covers about 120 hectares of forest "
            "near the river and has two car parks with 300 spaces.",
            "covers about 120 hectares",
            "has two car parks",
        ),
        # an irregular past is of the same tense as a regular one; a perfect auxiliary
        # before the first is left out of what was said's subject
        (
            "en",
            "Potholes on county roads doubled this year. The highways chief said Marlow County "
            "Council had hired three extra crews in June and bought a second repair lorry.",
            "hired three extra crews",
            "bought a second repair lorry",
        ),
        # "and that" after a verb of saying: a second thing said, by the same speaker
        (
            "en",
            "Harlow council cut its bus subsidy. The council says the subsidy costs 2.1 million "
            "pounds a year and that it must save 5 million pounds in 2027.",
            "costs 2.1 million pounds",
            "it must save 5 million pounds",
        ),
        (
            "id",
            "Dinas sosial menutup dua panti. Kepala dinas mengatakan anggaran turun 30 persen, "
            "dan bahwa 120 penghuni sudah dipindahkan ke panti lain.",
            "anggaran turun 30 persen",
            "120 penghuni sudah dipindahkan",
        ),
        # ", and" before a second predicate of the same subject
        (
            "en",
            "Bus cuts hit Marsh End. Route 12 runs eight journeys a day, Monday to Friday, and "
            "takes 40 minutes from Kelby bus station to Marsh End.",
            "runs eight journeys a day",
            "takes 40 minutes",
        ),
        # a second clause with a subject of its own, no comma
        (
            "en",
            "Rovers FC was sold in May. The club went into administration in 2021 and the "
            "council has so far recovered 4 million pounds of its loan.",
            "went into administration in 2021",
            "the council has so far recovered",
        ),
        (
            "en",
            "A storm hit Eastport on Monday. The sea wall was breached in three places and "
            "seawater flooded about 40 homes on Harbour Road.",
            "breached in three places",
            "seawater flooded about 40 homes",
        ),
        # ", and" after a speech tag opens a clause, not a list's last item
        (
            "en",
            "Complaints about noise reached 1,400 last year, the report says, and the council "
            "paid out 80,000 pounds in compensation.",
            "reached 1,400 last year",
            "the council paid out 80,000 pounds",
        ),
        # a result after a comma: Indonesian "sehingga" with a subject of its own
        (
            "id",
            "Tanggul Sungai Cirawa jebol sepanjang 20 meter pada Minggu, sehingga warga di "
            "dua desa belum bisa kembali ke rumah mereka.",
            "jebol sepanjang 20 meter",
            "warga di dua desa belum bisa kembali",
        ),
        # an English participle with a bare noun and "to" after it
        (
            "en",
            "A landslide blocked the A59 near Kelby on Tuesday, forcing police to close the "
            "road between Kelby and Marsh End for six hours.",
            "blocked the A59",
            "forcing police to close the road",
        ),
        (
            "en",
            "Gales brought down power lines across Westshire overnight, cutting electricity "
            "to about 31,000 homes.",
            "brought down power lines",
            "cutting electricity to about 31,000 homes",
        ),
    ],
)
def test_a_joined_clause_with_a_fact_of_its_own_is_split(language, body, first, second):
    found = article_claims(body, language)
    _alone(found, first, second)
    split = _alone(found, second, first)
    assert split.kind == "fact"
    assert split.text.split()[0].lower() not in ("dan", "and", "sehingga")


@pytest.mark.parametrize(
    ("language", "body", "whole"),
    [
        # two names joined by "dan" before a verb: one subject
        (
            "id",
            "Dinas itu menutup Pasar Hewan Sukamaju dan Pasar Hewan Ciranggon mulai Senin "
            "selama 30 hari.",
            "Pasar Hewan Sukamaju dan Pasar Hewan Ciranggon mulai Senin",
        ),
        # "dan" inside a relative clause's object
        (
            "id",
            "Di Desa Wangi, warga yang hendak mengurus akta kelahiran dan surat keterangan "
            "tidak mampu terpaksa pulang.",
            "akta kelahiran dan surat keterangan tidak mampu",
        ),
        # an auxiliary before a verb: one predicate's future, not a state
        (
            "en",
            "The new pool will cost 12 million pounds and is expected to open in 2028.",
            "will cost 12 million pounds and is expected to open in 2028",
        ),
        # a noun with a participle after "and" is an object, not a clause
        (
            "en",
            "The fair sold 4,000 cakes and biscuits made by volunteers from three villages.",
            "sold 4,000 cakes and biscuits made by volunteers",
        ),
        # a quoted characterisation and what the speaker said next: one view
        (
            "en",
            'Councillor Ann Reid called the cuts "a false economy" and said darker streets '
            "would cost more in accidents.",
            'called the cuts "a false economy" and said darker streets',
        ),
        # a copula before an adverb and a participle is a passive, not a state
        (
            "en",
            "The detective said stolen paintings were rarely sold openly and were often used "
            "as collateral by gangs.",
            "were rarely sold openly and were often used as collateral",
        ),
        # a verb and a short bare noun phrase before "and": the two nouns may be one subject
        (
            "en",
            "The chairman said he hoped the museum and the library would share 3 staff.",
            "hoped the museum and the library would share",
        ),
        # a noun phrase after a speech tag says who the speaker is, no aside
        (
            "id",
            '"Kalau sebulan lagi belum hujan, bibit harus dibuang," kata Sumarni, petani di '
            "Desa Cikaret.",
            "kata Sumarni, petani di Desa Cikaret",
        ),
        # "said X and Y were": the two nouns are what was said's one subject
        (
            "en",
            "The mayor said the council and the police were investigating the fire at the depot.",
            "the council and the police were investigating",
        ),
    ],
)
def test_a_joined_phrase_without_a_fact_of_its_own_stays_whole(language, body, whole):
    found = article_claims(body, language)
    assert any(whole in c.text for c in found), [c.text for c in found]


@pytest.mark.parametrize(
    ("language", "body", "first", "aside", "aside_claim"),
    [
        # a noun phrase after a comma that closes the sentence: what the noun before it is
        (
            "en",
            "Villagers in Oakley Cross have raised 210,000 pounds to buy the Plough, the "
            "village's only shop.",
            "raised 210,000 pounds",
            "the village's only shop",
            "the Plough, the village's only shop",
        ),
        # ... or of the figure before it, before who said it
        (
            "en",
            "The gallery sold 84,000 tickets last year, its highest number since 2015, the "
            "trust said.",
            "sold 84,000 tickets",
            "its highest number since 2015",
            "84,000 tickets last year, its highest number since 2015",
        ),
        # a breakdown of the figure before it into parts
        (
            "id",
            "Program bedah rumah berlanjut. Kepala dinas mengatakan setiap keluarga mendapat "
            "Rp 15 juta, terdiri atas Rp 12 juta untuk bahan bangunan dan Rp 3 juta untuk upah.",
            "setiap keluarga mendapat Rp 15 juta",
            "terdiri atas Rp 12 juta",
            "Rp 15 juta, terdiri atas Rp 12 juta untuk bahan bangunan dan Rp 3 juta untuk upah",
        ),
        # a count of a part after "of which", and a short Indonesian part with no verb
        (
            "en",
            "Harlow council plans a levy. A consultation drew 2,400 responses, of which 64% "
            "opposed the levy.",
            "drew 2,400 responses",
            "of which 64% opposed the levy",
            "A consultation drew 2,400 responses, of which 64% opposed the levy",
        ),
        (
            "id",
            "Dinas pendidikan menggabungkan sekolah. Sekolah Dasar Negeri 4 Cibiru memiliki "
            "18 guru, tujuh di antaranya honorer.",
            "memiliki 18 guru",
            "tujuh di antaranya honorer",
            "Cibiru memiliki 18 guru, tujuh",
        ),
        # a share of a figure given with no verb
        (
            "id",
            "Program bedah rumah tertunda. Anggaran program Desa Sukamaju tahun ini Rp 2,4 "
            "miliar, seluruhnya dari APBD kabupaten.",
            "Rp 2,4 miliar",
            "seluruhnya dari APBD kabupaten",
            "Rp 2,4 miliar, seluruhnya dari APBD kabupaten",
        ),
        # an Indonesian lower-case noun
        (
            "id",
            "Menurut dia, pupuk yang tersedia hanya 40 ton, kiriman pemerintah provinsi.",
            "hanya 40 ton",
            "kiriman pemerintah provinsi",
            "40 ton, kiriman pemerintah provinsi",
        ),
    ],
)
def test_a_noun_phrase_closing_the_sentence_is_an_aside_of_its_own(
    language, body, first, aside, aside_claim
):
    found = article_claims(body, language)
    _alone(found, first, aside)
    split = _alone(found, aside, first)
    assert split.text.startswith(aside)
    assert aside_claim in split.claim_text  # written with the clause it is said of


@pytest.mark.parametrize(
    ("language", "body", "whole"),
    [
        # a clause after a concessive opens with a possessive: no aside
        (
            "en",
            "Although the minister called the forecast too gloomy, his own department "
            "assumes growth of 1.2 percent.",
            "his own department assumes growth of 1.2 percent",
        ),
        # a verb that does not open the relative clause is the main clause's: no aside
        (
            "id",
            '"Diduga terjadi pembalikan, air dari dasar danau yang miskin oksigen naik ke '
            'permukaan," kata Wahyu.',
            "air dari dasar danau yang miskin oksigen naik",
        ),
        # "including ..." and a time said again are no asides
        (
            "id",
            "Polisi telah memeriksa enam saksi, termasuk kepala desa dan dua perangkat desa.",
            "memeriksa enam saksi, termasuk kepala desa",
        ),
        (
            "id",
            "Aturan baru itu berlaku mulai Juli 2027, awal semester ganjil.",
            "mulai Juli 2027, awal semester ganjil",
        ),
    ],
)
def test_no_aside_where_the_piece_is_a_clause_or_a_time(language, body, whole):
    found = article_claims(body, language)
    assert any(whole in c.text for c in found), [c.text for c in found]


@pytest.mark.parametrize(
    ("language", "body", "description", "main", "apposition_claim"),
    [
        # a description in apposition with a relative clause of its own is still a noun
        # phrase: the apposition is split off and the main clause keeps the name
        (
            "en",
            "Larkfield House, a care home in Denby that has looked after older people for 41 "
            "years, will close on 3 March.",
            "a care home in Denby that has looked after older people for 41 years",
            "will close on 3 March",
            "Larkfield House is a care home in Denby",
        ),
        # a past participle with its complement: what was done to the noun, "was"
        (
            "en",
            "The Kelby bridge was closed on Friday. The suspension bridge, opened in 1971, was "
            "last inspected in 2018.",
            "opened in 1971",
            "was last inspected in 2018",
            "bridge was opened in 1971",
        ),
        # an apposition on what a verb of saying reports, a name after "the"
        (
            "en",
            "Kelby Town will build a stand. She said the club's owners, the US-based Ridgeway "
            "Group, had agreed to pay 2 million pounds of its cost.",
            "the US-based Ridgeway Group",
            "had agreed to pay 2 million pounds",
            "Ridgeway Group is the club's owners",
        ),
        # an apposition opening a later clause
        (
            "en",
            "Councillors approved the loan on Monday, but the council's finance director, "
            "Maria Oduya, warned it carried a risk of 4 million pounds.",
            "the council's finance director, Maria Oduya",
            "warned it carried a risk",
            "Maria Oduya is",
        ),
        (
            "id",
            "Harga cengkeh anjlok. Markus Tahapary, petani di Desa Waiheru yang memiliki 250 "
            "pohon, membiarkan separuh kebunnya tidak dipetik.",
            "petani di Desa Waiheru yang memiliki 250 pohon",
            "membiarkan separuh kebunnya",
            "Markus Tahapary adalah petani di Desa Waiheru",
        ),
    ],
)
def test_an_apposition_is_split(language, body, description, main, apposition_claim):
    found = article_claims(body, language)
    apposition = _alone(found, description, main)
    assert apposition_claim in apposition.claim_text
    _alone(found, main, description)


def test_the_main_clause_goes_on_after_a_relative_clause_of_place():
    body = (
        "Banjir melanda dua desa. Desa Sukamaju, di mana banjir terparah terjadi, memiliki "
        "400 rumah."
    )
    found = article_claims(body, "id")
    main = _alone(found, "memiliki 400 rumah", "terparah terjadi")
    assert "Desa Sukamaju memiliki 400 rumah" in main.claim_text
    assert not [c for c in found if c.text == "Desa Sukamaju"]


@pytest.mark.parametrize(
    ("language", "body", "relative", "main", "main_claim"),
    [
        # a relative clause on the subject of what a verb of saying reports: the reported
        # clause goes on after it, with that subject and the speaker
        (
            "en",
            "Police are investigating a raid on the Linwood Gallery. Detective Inspector Ruth "
            "Dane said two men, whose faces were covered, entered through a skylight at night.",
            "whose faces were covered",
            "entered through a skylight",
            "two men entered through a skylight",
        ),
        (
            "id",
            "Kepala Dinas Sosial Sukamaju, Rina Wati, meninjau desa itu. Ia mengatakan program "
            "Desa Ramah Anak, yang dimulai pada 2023, baru berjalan di 58 dari 171 desa.",
            "yang dimulai pada 2023",
            "baru berjalan di 58 dari 171 desa",
            "program Desa Ramah Anak",
        ),
    ],
)
def test_a_relative_clause_inside_what_was_said_is_split(
    language, body, relative, main, main_claim
):
    found = article_claims(body, language)
    _alone(found, relative, main)
    said = _alone(found, main, relative)
    assert main_claim in said.claim_text
    assert said.claimant
