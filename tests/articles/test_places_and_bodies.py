"""The article's place and the bodies a definite noun stands for (issue 15, extract8): a
headline's destination, an acronym or a carrier is no place to carry into every claim; a
place the headline names wins over the town the story was filed from; "gunung itu" after
"Gunung X" in the same sentence, and "the club" or "lembaga itu" as the nearest body named
before. Each case is an invented article of its own."""

from __future__ import annotations

import pytest

from factcheck.articles.claimants import find_attribution
from factcheck.articles.extract import extract_article
from factcheck.articles.place import main_place
from factcheck.articles.standalone import Discourse, name_context
from factcheck.articles.topic import main_topic
from tests.articles.test_anaphora import claim_of


@pytest.mark.parametrize(
    ("language", "title", "body", "place"),
    [
        # "to Dorvak": where the statues go, not where the news is
        (
            "en",
            "Hellmere gallery to return 12 stolen statues to Dorvak",
            "The gallery will hand back 12 statues that were taken from Dorvak in 1901. "
            "Dorvak's government first asked for them in 2010. The statues leave for "
            "Dorvak in May, and a delegation from Dorvak will sign the papers.",
            None,
        ),
        # an acronym in the headline is a tax or a body, not a place
        (
            "id",
            "PBB Kota Sungai Lebar Naik, Pemkot Sebut NJOP Lama",
            "Pemerintah Kota Sungai Lebar menaikkan NJOP rata-rata 80 persen. NJOP di kota "
            "itu tidak berubah sejak 2015. Warga Sungai Lebar memprotes kenaikan NJOP itu. "
            "DPRD Sungai Lebar akan memanggil wali kota.",
            ("Sungai Lebar", "Kota Sungai Lebar"),
        ),
        # a carrier introduced by what it is: a body, not a place
        (
            "en",
            "Northgate Air halts all flights, stranding 9,000 passengers",
            "Regional carrier Northgate Air suspended all flights on Monday. Northgate Air "
            "said 9,000 passengers were abroad. Northgate Air flew to 20 destinations.",
            None,
        ),
        # the headline's "on the Farrow coast" over the dateline's town, named more often
        (
            "en",
            "Storm leaves 40,000 homes without power on the Farrow coast",
            "BRISK — A storm cut power to 40,000 homes on the Farrow coast overnight. In "
            "Brisk, the harbour wall was breached. Roads out of Brisk were closed, and "
            "schools in Brisk stayed shut on Friday.",
            ("Farrow", "Farrow"),
        ),
        # a county council's name holds the county ("Alderby County"), not "County Council"
        (
            "en",
            "Alderby County Council votes to close 9 of its 30 pools",
            "Alderby County Council voted on Tuesday to shut nine pools. The council said "
            "pools cost it £3m. Visits to Alderby pools fell by a third, and Alderby "
            "residents protested.",
            ("Alderby", "Alderby County"),
        ),
        # a headline name that speaks in the body is a body, and the dateline's town, named
        # where things are, is the place
        (
            "en",
            "Fenmoor Water tells 50,000 homes to boil tap water",
            "KESTON, Dec 4 (Wire) - About 50,000 homes in Keston were told to boil water. "
            "Fenmoor Water, the region's supplier, said the bacteria were found on Monday. "
            "Schools in Keston stayed open, and clinics in Keston were busy.",
            ("Keston", "Keston"),
        ),
    ],
)
def test_the_articles_place_is_where_the_news_is(language, title, body, place):
    assert main_place(body, language, name_context(body, language), title) == place


def test_a_destination_is_not_carried_into_claims():
    title = "Hellmere gallery to return 12 stolen statues to Dorvak"
    body = (
        "The gallery will hand back 12 statues that were taken from Dorvak in 1901. "
        "Dorvak's government first asked for them in 2010. The gallery bought nine of the "
        "statues in 1950."
    )
    claim = claim_of(title, body, "en", "bought nine")
    assert "in Dorvak" not in claim.claim_text


@pytest.mark.parametrize(
    ("language", "title", "body", "span_words", "expected", "not_expected"),
    [
        # the mountain named earlier in the same sentence, not the topic after the noun
        (
            "id",
            "Status Gunung Karang Naik ke Siaga",
            "Badan Geologi menaikkan status Gunung Karang menjadi Siaga pada Senin, setelah "
            "gunung itu meletus dua kali dalam semalam. Status gunung itu sebelumnya "
            "Waspada. Ribuan warga mengungsi dari lereng Karang.",
            "meletus dua kali",
            "Gunung Karang meletus dua kali",
            "status meletus",
        ),
        # "The club": the body named last, in the sentence before
        (
            "en",
            "Easton council backs £40m loan for stadium",
            "Easton City Council will lend £40m to Easton Rovers to build a stadium. The "
            "club, which plays at the 9,000-seat Park Road ground, will repay the loan over "
            "30 years.",
            "plays at the 9,000-seat",
            "Easton Rovers plays at the 9,000-seat Park Road ground",
            "council club",
        ),
        # "Lembaga itu": the body the sentence before was about, its acronym written out
        (
            "id",
            "Gempa Vulkanik Gunung Lawu Meningkat",
            "Pusat Pemantauan Gunung Api (PPGA) memantau Gunung Lawu sejak Senin. PPGA "
            "merekomendasikan warga menjauh dari kawah. Lembaga itu juga mencatat 150 kali "
            "gempa vulkanik dalam sehari.",
            "150 kali gempa",
            "Pusat Pemantauan Gunung Api juga mencatat 150 kali gempa",
            "Lembaga",
        ),
        # a lower-case organisation noun alone: the body the article named with it
        (
            "id",
            "Izin Biro Umrah Dicabut",
            "Kementerian Agama mencabut izin biro itu pada Senin. Direktur Bina Umrah "
            "Kementerian Agama, Nur Aisyah, mengatakan biro itu tidak melapor. Sepanjang "
            "tahun ini, lanjutnya, kementerian telah mencabut izin 14 biro perjalanan umrah.",
            "14 biro",
            "Kementerian Agama telah mencabut izin 14 biro",
            "kementerian telah",
        ),
        # "desa itu" after a sentence about a body: no place, left as written
        (
            "id",
            "Izin Biro Umrah Dicabut",
            "Dinas Pendidikan berjanji mengaudit proyek itu bersama Inspektorat. Kepala "
            "sekolah, Suwarni, mengatakan hujan deras mengguyur desa itu sejak dini hari "
            "pada Senin.",
            "hujan deras",
            "mengguyur desa itu",
            "mengguyur Dinas",
        ),
    ],
)
def test_a_definite_noun_names_the_body_before_it(
    language, title, body, span_words, expected, not_expected
):
    claim = claim_of(title, body, language, span_words)
    assert expected in claim.claim_text
    assert not_expected not in claim.claim_text


def test_a_named_speaker_after_the_is_not_rewritten():
    body = (
        "Dr. Mara Linden, the city's epidemiologist, said cases rose. The World Health "
        "Organization said on Tuesday that cases across the region rose by 40 percent."
    )
    claim = claim_of("Cases rise in Vell", body, "en", "40 percent")
    assert claim.claimant.endswith("World Health Organization")
    assert "Linden" not in claim.claim_text
    assert Discourse.of(body, "en").place is None


@pytest.mark.parametrize(
    ("body", "span_words", "expected"),
    [
        (
            "Banjir merendam tiga desa di Kabupaten Kali Bening pada Senin. Kepala Pelaksana "
            "BPBD Kali Bening, Rina Astuti, mengatakan pihaknya menyiapkan 20 perahu karet.",
            "20 perahu karet",
            "Rina Astuti, mengatakan BPBD Kali Bening menyiapkan 20 perahu karet",
        ),
        # a title that names no body: "pihaknya" stays as written
        (
            "Banjir merendam tiga desa di Kabupaten Kali Bening pada Senin. Kepala sekolah, "
            "Rina Astuti, mengatakan pihaknya meliburkan 300 siswa.",
            "300 siswa",
            "pihaknya meliburkan 300 siswa",
        ),
    ],
)
def test_pihaknya_is_the_body_the_speakers_title_names(body, span_words, expected):
    claim = claim_of("Banjir Rendam Tiga Desa di Kali Bening", body, "id", span_words)
    assert expected in claim.claim_text


@pytest.mark.parametrize(
    ("body", "span_words", "claimant", "expected"),
    [
        # "..., it said": the body that spoke last, set off by ", which" as no person
        (
            "Harrow Grid Services, which serves 900,000 customers, said crews had restored "
            "power to 20,000 homes. Fallen trees had cut lines in 300 places, it said.",
            "300 places",
            "Harrow Grid Services",
            "Harrow Grid Services said",
        ),
        # "The company": a role that names a kind of body, not an adjective before a name
        (
            "The national Weather Office had issued a warning on Monday. Shipping group "
            "Corrin Lines cancelled 40 sailings. The company said the storm cost it 3 million "
            "euros.",
            "3 million euros",
            "Corrin Lines",
            "Corrin Lines said",
        ),
    ],
)
def test_a_pronoun_or_company_speaker_is_the_body_that_spoke(body, span_words, claimant, expected):
    claim = claim_of("Storm cuts power to 20,000 homes", body, "en", span_words)
    assert claim.claimant == claimant
    assert expected in claim.claim_text


def test_a_subject_is_remembered_without_its_relative_pronoun():
    body = (
        "Harrow Air stopped all flights on Monday. Passengers who booked directly are "
        "covered by a state scheme. Although it added six routes in May, Harrow Air lost "
        "9 million euros."
    )
    texts = [c.claim_text for c in extract_article("Harrow Air stops flights", body, "en")]
    assert not any("Passengers who added" in t for t in texts), texts


def test_a_body_introduced_after_a_dateline_is_what_the_airline_and_it_name():
    body = (
        "DALBY, May 3 (Wire) - Regional carrier Ostwind Air suspended all flights on "
        "Thursday, the company said. The airline, which flew to 20 destinations, said a "
        "rescue had failed. It had lost 40 million euros last year."
    )
    assert_a_claim_opens("Ostwind Air halts flights", body, "Ostwind Air flew to 20 destinations")
    assert_a_claim_opens("Ostwind Air halts flights", body, "Ostwind Air had lost 40 million")


def test_a_headline_name_labels_claims_when_the_headline_has_no_topic_word():
    title = "Dunford closes Kell Bridge after inspectors find rust"
    body = (
        "Dunford City Council closed Kell Bridge on Monday. Kell Bridge carries 30,000 "
        "vehicles a day. Engineers found that 9 of 40 cables had lost strength."
    )
    assert_a_claim_opens(title, body, "Kell Bridge: Engineers found that 9 of 40")


def test_a_unit_after_a_scale_word_is_no_topic():
    title = "Regulator fines three firms 48 million pounds for fixing prices"
    body = (
        "The regulator fined three firms 48 million pounds on Monday. The fines, 20 million "
        "pounds and 28 million pounds, are the largest in the sector. The pounds will go to "
        "the treasury."
    )
    context = name_context(body, "en")
    assert main_topic(title, body, "en", context) != "pounds"


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        # an adverbial phrase after the speech tag is not the speaker's
        (
            "Tinggi kolom abu mencapai 2.000 meter, kata Kepala Pos Pengamatan Andi Saputra "
            "dalam keterangan tertulis.",
            "id",
            "Kepala Pos Pengamatan Andi Saputra",
        ),
        # a verb-like word inside the adverbial before the reporting verb ("tertulis")
        (
            "Direktur Bina Haji Kementerian Agama, Nur Aini, dalam keterangan tertulis "
            "menyebut biro itu tidak melapor sejak Maret 2025.",
            "id",
            "Nur Aini",
        ),
        # a bracketed date between the speaker and the verb
        (
            "Kepala Satuan Reserse Polresta Sungai Lebar Budi Santoso, Senin (30/11/2026), "
            "mengatakan para korban telah menyetor Rp 28 juta.",
            "id",
            "Kepala Satuan Reserse Polresta Sungai Lebar Budi Santoso",
        ),
        # a courtesy title before the name in apposition
        (
            "Kepala Dinas Kesehatan Kali Bening, dr. Yohan Bria, mengatakan kasus itu naik "
            "dua kali lipat.",
            "id",
            "Yohan Bria",
        ),
        # a preposition before a name stays in the speaker
        (
            "Car registrations rose by 22,000, according to figures from the state "
            "Department of Transportation.",
            "en",
            "figures from the state Department of Transportation",
        ),
    ],
)
def test_the_speaker_ends_before_an_adverbial(text, language, speaker):
    found = find_attribution(text, language)
    assert found is not None and found.speaker == speaker


def test_a_clause_that_carries_a_title_is_said_by_the_person_the_sentence_names():
    body = (
        "Kasus gigitan anjing di Kabupaten Kali Bening mencapai 900 kasus. Kepala Dinas "
        "Kesehatan Kali Bening, dr. Yohan Bria, mengatakan jumlah itu naik dua kali lipat "
        "dibandingkan 2025."
    )
    claim = claim_of("Kasus Gigitan Anjing Naik", body, "id", "dua kali lipat")
    assert claim.claimant == "Yohan Bria"
    assert claim.claim_text.startswith("Yohan Bria mengatakan")


def test_an_indonesian_topic_keeps_the_name_that_owns_it_in_the_headline():
    title = "Status Gunung Karang Naik ke Siaga, 2.000 Warga Mengungsi"
    body = (
        "Badan Geologi menaikkan status Gunung Karang menjadi Siaga pada Senin. Status itu "
        "berlaku sejak pukul 06.00. Abu vulkanik menyelimuti 11 desa. Warga diminta menjauh "
        "karena status gunung masih tinggi."
    )
    assert main_topic(title, body, "id", name_context(body, "id")) == "status Gunung Karang"
    claim = claim_of(title, body, "id", "11 desa")
    assert claim.claim_text.startswith("Status Gunung Karang: Abu vulkanik")


def test_a_dateline_the_headline_names_is_the_place_and_no_smaller_place_joins_a_larger():
    title = "Atap SDN 1 Batu Ampar Ambruk, 9 Siswa Terluka"
    body = (
        "BATU AMPAR – Atap ruang kelas SD Negeri 1 Batu Ampar, Kabupaten Kali Bening, "
        "runtuh pada Senin. Sebanyak 9 siswa terluka. Data dinas mencatat 120 ruang kelas "
        "di Kali Bening rusak berat. Kabupaten Kali Bening punya 600 ruang kelas."
    )
    assert main_place(body, "id", name_context(body, "id"), title)[0] == "Batu Ampar"
    injured = claim_of(title, body, "id", "9 siswa")
    assert injured.claim_text.endswith("di Batu Ampar")
    rooms = claim_of(title, body, "id", "120 ruang kelas")
    assert "Batu Ampar" not in rooms.claim_text  # the regency's rooms, not the village's


def test_a_headline_country_is_the_place_unless_it_is_where_things_go():
    body = (
        "Kazakhstan joined the Abraham Accords in 2025. The country has 20 million people. "
        "Officials said exports rose 12 percent in 2024."
    )
    assert main_place(body, "en", name_context(body, "en"), "Kazakhstan")[0] == "Kazakhstan"
    title = "Museum to return 12 statues to Kazakhstan"
    assert main_place(body, "en", name_context(body, "en"), title) is None


def assert_a_claim_opens(title: str, body: str, opening: str, language: str = "en") -> None:
    """Some proposal's claim text for the article opens with ``opening``."""
    texts = [c.claim_text for c in extract_article(title, body, language)]
    assert any(t.startswith(opening) for t in texts), texts


def test_the_place_goes_before_an_attribution_that_names_its_speaker_after_a_title():
    title = "Kapal Tenggelam di Selat Karang, Sembilan Penumpang Tewas"
    body = (
        "Sebuah kapal kayu tenggelam di Selat Karang pada Senin. Tim SAR menemukan "
        "sembilan korban meninggal di Selat Karang. Nakhoda dijerat pasal kelalaian dengan "
        "ancaman lima tahun penjara, kata Kapolres Teluk Biru, Daniel Sapu."
    )
    claim = claim_of(title, body, "id", "ancaman lima tahun")
    assert not claim.claim_text.endswith("di Selat Karang"), claim.claim_text
    if "di Selat Karang" in claim.claim_text:
        assert claim.claim_text.index("di Selat Karang") < claim.claim_text.index(", kata")
