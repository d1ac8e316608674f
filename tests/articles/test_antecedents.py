"""What a pronoun or a definite noun points back to (issue 15): a singular pronoun names the
last person, never a group; a demonstrative after a time noun is the article's time; a
definite noun takes its antecedent from the sentences before, or is left as written. Each
case is an article of its own; the claim's span stays the article's words."""

from __future__ import annotations

import pytest

from factcheck.articles.claimants import find_attribution
from factcheck.articles.extract import extract_article


def claim_of(title: str, body: str, language: str, span_words: str):
    found = [c for c in extract_article(title, body, language) if span_words in c.text]
    assert len(found) == 1, [c.text for c in extract_article(title, body, language)]
    claim = found[0]
    assert body[claim.start : claim.end] == claim.text  # the span is the article's own
    return claim


PERSON_CASES = [
    # a person introduced by a description the title list does not hold ("Anggota ..."),
    # then a quantified group as a subject: "Ia" is the person, not "Sebagian nelayan"
    (
        "id",
        "Dermaga Ambruk, Nelayan Kehilangan Tambatan",
        "Dermaga Pelabuhan Ikan Teluk Sari ambruk pada Senin malam. Anggota Komisi II "
        "DPRD Teluk Sari, Rahmat Hidayat, menilai pemeliharaan dermaga lamban. Sebagian "
        "nelayan kini menambatkan perahu di muara sungai. Ia mencatat dermaga yang sama "
        "juga rusak pada 2022.",
        "juga rusak pada 2022",
        "Rahmat Hidayat, mencatat dermaga",
        ("Sebagian nelayan mencatat", "Ia mencatat"),
    ),
    # the same in English: "Most residents" is no "she"
    (
        "en",
        "Harbour wall collapses in Penwick",
        "The harbour wall in Penwick collapsed on Monday night. The coordinator of the "
        "Penwick Harbour Watch, Alice Mornay, blamed years of delayed repairs. Most "
        "residents now park their boats upriver. She said the same wall had cracked in 2022.",
        "had cracked in 2022",
        "Alice Mornay, said",  # with the description she was introduced with
        ("Most residents said", "She said"),
    ),
    # a person named with a title and a relative clause after the name ("..., Sugeng
    # Prayitno, yang membuka ...") is the person "Ia" names, not a person named earlier
    (
        "id",
        "Anggaran Layanan Jiwa Ditambah",
        "Psikolog dari Universitas Tirta Wening, Maya Lestari, mengatakan layanan jiwa "
        "di desa masih langka. Wakil Bupati Sekar Alam, Bambang Wiratmo, yang membuka "
        "rapat pada Rabu, berjanji menambah anggaran menjadi Rp 2 miliar pada 2027. "
        "Ia meminta kepala desa melapor setiap bulan.",
        "melapor setiap bulan",
        "Bambang Wiratmo, meminta kepala desa",
        ("Maya Lestari", "Ia meminta"),
    ),
]


@pytest.mark.parametrize(
    ("language", "title", "body", "span_words", "expected", "not_expected"), PERSON_CASES
)
def test_a_singular_pronoun_names_the_last_person_never_a_group(
    language, title, body, span_words, expected, not_expected
):
    claim = claim_of(title, body, language, span_words)
    assert expected in claim.claim_text
    for wrong in not_expected:
        assert wrong not in claim.claim_text


def test_a_person_described_before_the_name_keeps_the_description_and_is_the_claimant():
    title = "Dermaga Ambruk, Nelayan Kehilangan Tambatan"
    body = PERSON_CASES[0][2]
    claim = claim_of(title, body, "id", "juga rusak pada 2022")
    assert claim.claimant == "Rahmat Hidayat"
    assert claim.claim_text.startswith(
        "Anggota Komisi II DPRD Teluk Sari, Rahmat Hidayat, mencatat"
    )


@pytest.mark.parametrize(
    ("body", "described"),
    [
        # a description in lower case opening the sentence, and a predicate the verb test
        # does not read ("kehilangan"): the name is a person, and "Ia" is that person
        (
            "Kepala Dinas Perikanan Telaga Biru, Anton Wijaya, mengatakan ikan mati karena "
            "air kekurangan oksigen. Salah satu pembudi daya, Joko Santoso, kehilangan 9 ton "
            "ikan. Ia mengatakan peristiwa serupa terjadi pada 2021.",
            "Salah satu pembudi daya, Joko Santoso, mengatakan",
        ),
    ],
)
def test_a_person_described_in_lower_case_is_who_ia_names(body, described):
    claim = claim_of("Ikan Mati di Telaga Biru", body, "id", "serupa terjadi")
    assert claim.claim_text.startswith(described) or f": {described}" in claim.claim_text
    assert claim.claimant == "Joko Santoso"


def test_a_description_that_points_back_is_not_carried_into_later_claims():
    body = (
        "St Wilfrid's Hospital was hit by a cyber attack on Monday. Its chief executive, "
        "Mary Lowe, said on Tuesday that the hospital had cancelled 300 operations. She said "
        "the hospital's emergency department reopened on Friday."
    )
    claim = claim_of("Cyber attack on St Wilfrid's Hospital", body, "en", "reopened on Friday")
    assert "Its chief executive" not in claim.claim_text
    assert "Mary Lowe" in claim.claim_text


def test_a_description_after_menurut_stays_in_lower_case():
    title = "Tunggakan Koperasi Membengkak"
    body = (
        "Koperasi Simpan Pinjam Sido Makmur menunda pembayaran kepada 1.200 anggota sejak "
        "Juli. Menurut pengurus koperasi Sido Makmur, Hendra Saputra, dana anggota "
        "tertahan di 40 pinjaman macet. Ia mengatakan koperasi memiliki aset Rp 6 miliar."
    )
    claim = claim_of(title, body, "id", "aset Rp 6 miliar")
    assert claim.claimant == "Hendra Saputra"
    assert "Hendra Saputra" in claim.claim_text
    assert not claim.claim_text.startswith("Ia ")


@pytest.mark.parametrize(
    ("language", "title", "body", "span_words", "kept"),
    [
        # "musim hujan ini": the season the article is written in, not the topic's season
        (
            "id",
            "Sawah Kering di Mekar Jaya",
            "Hujan deras mengguyur Desa Mekar Jaya sejak Sabtu. Saluran irigasi Desa Mekar "
            "Jaya jebol sepanjang 20 meter, sehingga petani belum bisa menanam padi pada awal "
            "musim hujan ini. Sawah seluas 300 hektare kering.",
            "belum bisa menanam",
            "awal musim hujan ini",
        ),
        # a time noun opening the clause: "Pekan ini" is left as written
        (
            "id",
            "Harga Cabai Naik di Pasar Kota Baru",
            "Harga cabai rawit di Pasar Kota Baru naik menjadi Rp 80.000 per kilogram. "
            "Pekan ini pedagang hanya menerima 2 ton cabai dari petani.",
            "hanya menerima 2 ton",
            "Pekan ini pedagang",
        ),
        # English: "The winter" is a season, not "the flood barrier plan"'s
        (
            "en",
            "Flood barrier plan for Dunmore approved",
            "The flood barrier plan for Dunmore will cost 12 million pounds. The winter "
            "brought 14 floods to the riverside. This week the council received 900 "
            "objections to the plan.",
            "14 floods",
            "The winter brought",
        ),
        (
            "en",
            "Flood barrier plan for Dunmore approved",
            "The flood barrier plan for Dunmore will cost 12 million pounds. The winter "
            "brought 14 floods to the riverside. This week the council received 900 "
            "objections to the plan.",
            "900 objections",
            "This week the council",
        ),
    ],
)
def test_a_demonstrative_after_a_time_noun_is_the_articles_time(
    language, title, body, span_words, kept
):
    claim = claim_of(title, body, language, span_words)
    assert kept in claim.claim_text


DEFINITE_CASES = [
    # "Sebagian dari mereka": the counted group of the sentence before
    (
        "id",
        "Bantuan Rumah Tertunda di Sekar Wangi",
        "Sebanyak 230 keluarga penerima bantuan rumah di Kabupaten Sekar Wangi belum "
        "menerima dana sejak Juni. Sebagian dari mereka sudah membongkar atap rumahnya.",
        "membongkar atap",
        "Sebagian dari 230 keluarga penerima bantuan sudah membongkar",
        "mereka",
    ),
    # "Most of them": the same in English, with "the" before the count
    (
        "en",
        "Repair grants delayed in Ashcombe",
        "About 230 families in Ashcombe have waited since June for home repair grants. Most "
        "of them have already taken down their old kitchens.",
        "taken down",
        "Most of the 230 families have already taken down",
        "of them",
    ),
    # "dinas tersebut" after "Kepala Dinas ..., Name,": the office the person heads
    (
        "id",
        "Bantuan Rumah Tertunda di Sekar Wangi",
        "Kepala Dinas Perumahan Sekar Wangi, Rudi Hartanto, mengatakan dana sudah tersedia. "
        "DPRD Sekar Wangi memanggil dinas tersebut pada Kamis.",
        "memanggil",
        "memanggil Dinas Perumahan Sekar Wangi pada Kamis",
        "dinas tersebut",
    ),
    # a plural subject is no "it": "Residents ..., although it is safe" is the water
    (
        "en",
        "Boil-water notice for Ferncombe",
        "Ferncombe Water issued a boil-water notice on Friday. Residents should boil water for "
        "drinking until further notice, the company said, although it is safe for washing.",
        "safe for washing",
        "",
        "Residents is safe",
    ),
    # "Its" after a sentence that names a body: the body, not a person named further back
    (
        "en",
        "Phone ban in Carrow schools",
        "The ban works, said Omar Feld, a researcher at Carrow University. In a survey by the "
        "Carrow Teachers' Association, 71 percent of 3,000 teachers backed the ban. Its general "
        "secretary, Nina Holt, said lessons were calmer.",
        "Its general secretary",
        "Carrow Teachers' Association's general secretary",
        "Omar Feld's",
    ),
]


@pytest.mark.parametrize(
    ("language", "title", "body", "span_words", "expected", "not_expected"), DEFINITE_CASES
)
def test_a_definite_phrase_takes_its_antecedent_from_the_sentences_before(
    language, title, body, span_words, expected, not_expected
):
    claim = claim_of(title, body, language, span_words)
    assert expected in claim.claim_text
    assert not_expected not in claim.claim_text


def test_the_topic_is_not_glued_to_a_definite_noun_the_sentence_before_does_not_name():
    # the article is about "sawah"; the sentence before tells of seeds ("benih"), not of
    # sawah: "Bibit itu" is left as written (under the topic's label), not "Bibit sawah".
    # A change told of the topic in the sentence before ("penurunan itu" ->
    # "penurunan pengangguran") is test_claim_context.py's.
    title = "Saluran Irigasi Jebol, 300 Hektare Sawah di Mekar Jaya Terancam Gagal Tanam"
    body = (
        "Tanggul saluran irigasi di Desa Mekar Jaya jebol pada Minggu. Akibatnya, 300 "
        "hektare sawah tidak mendapat air. Sawah di desa itu biasa panen dua kali. Ketua "
        "kelompok tani, Odih Sutisna, mengatakan anggotanya sudah menyemai benih. Bibit itu "
        "kini mulai menguning."
    )
    claim = claim_of(title, body, "id", "mulai menguning")
    assert "Bibit itu kini mulai menguning" in claim.claim_text
    assert "Bibit sawah" not in claim.claim_text


@pytest.mark.parametrize(
    ("language", "title", "body", "span_words", "claimant"),
    [
        # a long title run into the name: the person, by the name the article shortens
        (
            "id",
            "Penipuan Umrah di Kota Sari Mulya",
            "Kepala Satuan Reserse Kriminal Polresta Sari Mulya Komisaris Polisi Agus "
            "Prasetyo mengatakan 120 jemaah telah menyetor dana sejak 2024. Agus menjelaskan, "
            "dana jemaah dipakai untuk membeli dua rumah.",
            "membeli dua rumah",
            "Agus Prasetyo",
        ),
        # a body named short is the longer name the article gave it, without its acronym
        (
            "id",
            "Dispensasi Kawin Naik di Waru Jati",
            "Pengadilan Agama (PA) Waru Jati menerima 312 permohonan dispensasi kawin pada "
            "2026. Data PA mencatat, 176 permohonan diajukan karena calon mempelai hamil.",
            "176 permohonan",
            "Pengadilan Agama Waru Jati",
        ),
        (
            "id",
            "Ikan Mati di Telaga Biru",
            "Kepala Dinas Perikanan Telaga Biru, Anton Wijaya, mengatakan 40 ton ikan mati. "
            "Hasil uji air Dinas Perikanan pada Minggu menunjukkan kadar oksigen hanya 1,8 "
            "miligram per liter.",
            "kadar oksigen",
            "Dinas Perikanan Telaga Biru",
        ),
        # "were told": told, not telling; the article's own voice
        (
            "en",
            "Boil-water notice for Ferncombe",
            "About 40,000 households in Ferncombe were told to boil their tap water on Friday "
            "after tests found E. coli at the treatment works.",
            "were told",
            None,
        ),
    ],
)
def test_the_claimant_is_the_speakers_name_as_the_article_gives_it(
    language, title, body, span_words, claimant
):
    assert claim_of(title, body, language, span_words).claimant == claimant


def test_a_body_whose_name_ends_in_s_is_one_thing_for_it():
    # "Ardent Ceramics" beside "ceramics factories" is one body: "It said" is the company,
    # not the economist named in the sentence before
    body = (
        "Tom Hardacre, an economist at the Midland Institute, said 14 ceramics factories had "
        "closed since 2022. Ardent Ceramics, which is owned by a Spanish group, employed "
        "1,100 people in Kelbridge in 2015. It said it would pay redundancy above the legal "
        "minimum."
    )
    claim = claim_of("Tile factory to close in Kelbridge", body, "en", "pay redundancy")
    assert claim.claim_text.startswith("Ardent Ceramics said")


@pytest.mark.parametrize(
    ("body", "span_words", "expected", "kept"),
    [
        # "saluran yang sama": the canal the article named with that noun at its head
        (
            "Tanggul di Saluran Induk Cipanas jebol sepanjang 30 meter pada Minggu. Anggota DPRD "
            "Garut Selatan, Asep Suhendar, menilai perawatan lamban. Ia mencatat saluran yang "
            "sama juga jebol pada 2021.",
            "juga jebol pada 2021",
            "mencatat Saluran Induk Cipanas juga jebol pada 2021",
            "",
        ),
        # a time ("periode yang sama") is the article's, and stays
        (
            "Saluran Induk Cipanas mengairi 900 hektare sawah. Kerugian petani naik 40 persen "
            "dibandingkan periode yang sama tahun lalu.",
            "naik 40 persen",
            "periode yang sama",
            "periode yang sama",
        ),
    ],
)
def test_the_same_noun_is_the_name_given_with_that_noun(body, span_words, expected, kept):
    claim = claim_of("Saluran Irigasi Jebol di Garut Selatan", body, "id", span_words)
    assert expected in claim.claim_text
    assert kept in claim.claim_text


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        # a reporting verb that needs "bahwa" reports a clause all the same when one follows
        ("id", "Agus mengakui jumlah petugas patroli laut tidak bertambah.", "Agus"),
        ("id", "Ia mengakui dinas hanya mampu memasang palang di dua titik.", "Ia"),
        # its object is no clause: the fact itself, in the article's voice
        ("id", "Kazakhstan mengumumkan niatnya untuk bergabung dengan kesepakatan itu.", None),
        ("id", "Pemkab mengumumkan jadwal pencairan bantuan tahap kedua.", None),
        # "were told": passive, no speaker
        ("en", "About 40,000 households were told to boil their water on Friday.", None),
        # a body's name with "of"/"for" in it is whole; a person "of" a body ends before it
        (
            "en",
            "The Marlow Chamber of Commerce said 40 percent of its members cut hours.",
            "The Marlow Chamber of Commerce",
        ),
        (
            "en",
            "Detective Inspector Ann Hale of Wessex Police said the alarm sounded twice.",
            "Detective Inspector Ann Hale",
        ),
        # an age says which part of an apposition is the person; a place is no speaker
        (
            "id",
            "Warga Desa Sukamaju, Ujang Rohmat (56), mengatakan warga sudah dua kali "
            "mengajukan permintaan.",
            "Ujang Rohmat",
        ),
        (
            "id",
            "Sunarto (52), peternak di Desa Gondang, Kecamatan Ngemplak, mengatakan tiga "
            "dari lima sapinya tertular.",
            "Sunarto",
        ),
    ],
)
def test_a_reporting_verb_with_a_clause_after_it_names_the_speaker(language, text, speaker):
    found = find_attribution(text, language)
    assert (found.speaker if found else None) == speaker


def test_its_with_nothing_else_it_can_be_is_the_body_named_just_before():
    # "tenant groups" is a plural and no "its": the association named in the sentence before
    body = (
        "Marlow's council approved a rent cap on Wednesday. While tenant groups welcomed the "
        "vote, the Marlow Landlords Association said it would challenge the cap in court. Its "
        "director, Ivan Rees, said 400 landlords had signed a petition."
    )
    texts = [c.claim_text for c in extract_article("Marlow caps rents", body, "en")]
    assert "Ivan Rees is Marlow Landlords Association's director" in texts, texts


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # a role the title list lacks, then the name closing the sentence
        (
            "KM Bunga Laut tenggelam pada Minggu. Nakhoda kapal ditahan polisi. Ia dijerat pasal "
            "kelalaian, kata Kapolres Pulau Seroja, Daniel Sipa.",
            "Daniel Sipa",
        ),
    ],
)
def test_a_speaker_named_after_a_role_closing_the_sentence_is_the_person(body, claimant):
    claim = claim_of("Kapal Tenggelam di Selat Baruna", body, "id", "pasal kelalaian")
    assert claim.claimant == claimant


def test_a_name_listed_with_commas_before_its_acronym_is_the_claimant_whole():
    body = (
        "Hujan deras mengguyur Kabupaten Tanah Merah sejak Sabtu. Curah hujan mencapai 210 "
        "milimeter dalam 48 jam, kata Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)."
    )
    claim = claim_of("Hujan Deras di Tanah Merah", body, "id", "210 milimeter")
    assert claim.claimant == "Badan Meteorologi, Klimatologi, dan Geofisika"
