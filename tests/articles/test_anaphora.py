"""Claim texts that name what a pronoun, a possessive or an apposition points back to, and
hedged predictions told from forecasts (issue 15, second pass). Each case is an article of
its own; the claim's span stays the article's words whatever its claim text says."""

from __future__ import annotations

import pytest

from factcheck.articles.extract import extract_article, extract_claims
from factcheck.articles.place import main_place
from factcheck.articles.standalone import Discourse, name_context
from factcheck.articles.topic import main_topic
from factcheck.articles.worthiness import assess


def claim_of(title: str, body: str, language: str, span_words: str):
    found = [c for c in extract_article(title, body, language) if span_words in c.text]
    assert len(found) == 1, [c.text for c in extract_article(title, body, language)]
    claim = found[0]
    assert body[claim.start : claim.end] == claim.text  # the span is the article's own
    return claim


@pytest.mark.parametrize(
    ("language", "title", "body", "span_words", "expected", "not_expected"),
    [
        # "Mereka" after a counted group of people: the group, not the last subject
        (
            "id",
            "Pabrik Gula Tutup, Pekerja Dilatih Ulang",
            "Pabrik gula di Kabupaten Rawa Indah ditutup pada Maret 2025. Dana pensiun itu "
            "disiapkan oleh pemerintah. Perusahaan memastikan 640 buruh pabrik tidak akan "
            "diberhentikan. Mereka akan dilatih ulang untuk bekerja di kebun tebu.",
            "dilatih ulang",
            "640 buruh pabrik akan dilatih ulang",
            "Dana",
        ),
        # "They" after a counted group
        (
            "en",
            "Bridge closure strands commuters",
            "The Ardley bridge closed on Monday for repairs. About 9,000 commuters were "
            "stranded on the first day. They had to take a ferry across the river.",
            "take a ferry",
            "9,000 commuters had to take a ferry",
            "They",
        ),
        # "its" in a clause cut off by "Although": the sentence's own subject
        (
            "en",
            "Harrow County spends less on roads",
            "Harrow County spends 120 dollars per resident on roads, the lowest in the state. "
            "The last road survey in the county found 300 unsafe bridges. Although Harrow "
            "County spends little, its road budget rose 4 percent this year.",
            "road budget rose",
            "Harrow County's road budget rose",
            "survey's",
        ),
        # a person named in apposition to a title is who "She" is
        (
            "en",
            "New harbour chief takes office",
            "The Port Authority's director, Mina Castell, took office on Tuesday. The harbour "
            "handled 4 million tonnes of cargo last year. She plans to dredge the main channel "
            "by 2027.",
            "plans to dredge",
            "Mina Castell plans to dredge",
            "She",
        ),
        # the same in Indonesian: a title's phrase, a comma, the name
        (
            "id",
            "Kepala Dinas Baru Janjikan Perbaikan Jalan",
            "Kepala Dinas Pekerjaan Umum Kabupaten Rawa Indah, Sinta Halim, dilantik pada "
            "Senin. Jalan rusak di kabupaten itu mencapai 140 kilometer. Ia berjanji "
            "memperbaiki 60 kilometer jalan pada 2026.",
            "berjanji memperbaiki",
            # with the title she was introduced with (test_titled_people.py)
            "Kepala Dinas Pekerjaan Umum Kabupaten Rawa Indah, Sinta Halim, berjanji",
            "Ia ",
        ),
    ],
)
def test_pronoun_names_its_antecedent_and_the_span_stays(
    language, title, body, span_words, expected, not_expected
):
    claim = claim_of(title, body, language, span_words)
    assert expected in claim.claim_text
    assert not claim.claim_text.startswith(not_expected)
    assert not_expected.strip() not in claim.claim_text.split()[:1]


def test_apposition_after_a_possessive_names_the_person_and_resolves_its():
    title = "Opposition wins in Carrow"
    body = (
        "The Unity Party lost the Carrow election on Sunday, ending 20 years in power. "
        "Its leader, outgoing premier Hal Brandt, conceded defeat late on Sunday."
    )
    texts = [c.claim_text for c in extract_article(title, body, "en")]
    assert any(t.startswith("Outgoing premier Hal Brandt conceded defeat") for t in texts)
    assert "Outgoing premier Hal Brandt is the Unity Party's leader" in texts


@pytest.mark.parametrize(
    ("title", "body", "language", "topic"),
    [
        # a length of time in the headline is no topic ("Tujuh Tahun Lebih Awal")
        (
            "Bendungan Lama Ditutup Lima Tahun Lebih Awal",
            "Bendungan itu ditutup lima tahun lebih awal. Lima tahun lalu bendungan retak. "
            "Perbaikan butuh lima tahun.",
            "id",
            "bendungan",
        ),
    ],
)
def test_numbers_and_date_nouns_are_no_topic(title, body, language, topic):
    context = name_context(body, language)
    assert main_topic(title, body, language, context) == topic


def test_a_currency_is_not_the_article_place():
    body = (
        "Proyek senilai 2 miliar dolar AS itu dibiayai bank. Pinjaman 500 juta dolar AS "
        "cair tahun ini. Sisanya 1,5 miliar dolar AS cair pada 2027."
    )
    title = "Proyek Pelabuhan Baru Dibiayai Bank"
    assert main_place(body, "id", name_context(body, "id"), title) is None
    texts = [c.claim_text for c in extract_article(title, body, "id")]
    assert not any(t.endswith("di AS") for t in texts)


def test_english_place_is_written_in_full_when_the_article_names_it_so():
    body = (
        "Schools in Marden Province closed on Monday. About 20,000 pupils in Marden "
        "Province stayed home. Marden Province has 310 schools. The strike cost 2 million "
        "dollars, officials in Marden said."
    )
    assert main_place(body, "en", name_context(body, "en")) == ("Marden", "Marden Province")
    assert Discourse.of(body, "en").place == ("Marden", "Marden Province")


@pytest.mark.parametrize(
    ("text", "language", "kind"),
    [
        ("The new premier is expected to be sworn in next week.", "en", "opinion"),
        ("The wind farm is expected to power 12,000 homes.", "en", "fact"),
        ("Bank sentral memperkirakan harga beras akan turun bulan depan.", "id", "opinion"),
        ("Bank sentral memperkirakan ekonomi tumbuh 5,1 persen pada 2026.", "id", "fact"),
        ("Markets appeared calm on Monday.", "en", "opinion"),
        ("The bill is unlikely to pass the senate.", "en", "opinion"),
    ],
)
def test_prediction_without_a_figure_is_hedged_and_a_forecast_is_a_fact(text, language, kind):
    assert assess(text, language).kind == kind


def test_plural_possessive_stays_inside_a_name():
    from factcheck.language.syntax import noun_phrase_before

    sentence = "The Norland Nurses' Union, which has 9,000 members, called a strike."
    start, end = noun_phrase_before(sentence, sentence.index(","), "en")
    assert sentence[start:end] == "The Norland Nurses' Union"


def test_relative_clause_closed_by_a_demonstrative_is_its_own_claim():
    title = "Bendungan Tua Ditutup"
    body = (
        "Pemerintah menutup Bendungan Ciliwung Hulu pada Mei 2025. Bendungan yang mulai "
        "dibangun pada 1978 itu mengairi 12.000 hektare sawah di tiga kabupaten."
    )
    claims = extract_article(title, body, "id")
    built = claim_of(title, body, "id", "dibangun pada 1978")
    watered = claim_of(title, body, "id", "12.000 hektare")
    assert built.text == "Bendungan yang mulai dibangun pada 1978"
    assert watered.text.startswith("mengairi")
    assert watered.claim_text.startswith("Bendungan")
    assert "1978" not in watered.claim_text  # the relative clause's time is its own
    assert len(claims) >= 3


def test_relative_clause_about_an_object_is_not_cut():
    body = "Pemerintah menyalurkan bantuan yang disiapkan sejak 2024 itu kepada 900 keluarga."
    texts = [c.text for c in extract_article("Bantuan Disalurkan Pemerintah", body, "id")]
    assert any("900 keluarga" in t and "sejak 2024" in t for t in texts)


def test_three_noun_phrases_before_the_verb_are_one_apposition_about_the_middle_name():
    title = "New mayor for Lenwick"
    body = (
        "The Civic League's candidate, Petra Soll, a 51-year-old nurse, won the Lenwick "
        "mayoral race on Sunday with 54 percent of the vote. She takes office in June."
    )
    texts = [c.claim_text for c in extract_article(title, body, "en")]
    assert "Petra Soll is the Civic League's candidate and a 51-year-old nurse" in texts
    assert any(t.startswith("Petra Soll won the Lenwick mayoral race") for t in texts)
    assert any(t.startswith("Petra Soll takes office in June") for t in texts)


def test_result_participle_is_its_own_claim_and_carries_its_cause():
    title = "Tram line opens in Oskar"
    body = (
        "The new tram line in Oskar opened on Friday, cutting the trip to the airport to 18 "
        "minutes. About 6,000 people rode it on the first day, including the mayor."
    )
    cut = claim_of(title, body, "en", "cutting the trip")
    assert cut.text.startswith("cutting the trip")
    assert cut.claim_text.startswith("The new tram line in Oskar opened on Friday, cutting")
    rode = claim_of(title, body, "en", "including the mayor")  # a preposition: not cut
    assert rode.text.startswith("About 6,000 people rode it")


def test_acronym_and_the_words_after_it_name_the_thing_and_a_first_name_the_person():
    title = "PLTA Sungai Deras Berhenti Beroperasi"
    body = (
        "Pemerintah menghentikan Pembangkit Listrik Tenaga Air (PLTA) Sungai Deras pada "
        "Juni 2025, kata Menteri Energi Rina Kartika. Menurut Rina, pembangkit itu rusak "
        "berat. PLTA yang dibangun pada 1985 itu memasok 40 megawatt listrik. Pembangkit "
        "tersebut mempekerjakan 210 orang."
    )
    texts = [c.claim_text for c in extract_article(title, body, "id")]
    assert "PLTA Sungai Deras dibangun pada 1985" in texts
    assert any(t.startswith("PLTA Sungai Deras memasok 40 megawatt") for t in texts)
    assert any(
        t.startswith("Pembangkit Listrik Tenaga Air (PLTA) Sungai Deras mempekerjakan")
        for t in texts
    )
    said = claim_of(title, body, "id", "rusak berat")
    assert said.claimant.endswith("Rina Kartika")  # her title may stand before it
    assert said.claim_text.startswith(f"Menurut {said.claimant},")


def test_every_opinion_scores_below_every_fact():
    title = "Harga Gula Naik"
    body = (
        "Harga gula di Kota Lembayung naik 12 persen pada Mei 2025. Pedagang menjual gula "
        "seharga Rp 18.000 per kilogram. Para pengamat menilai kenaikan itu terlalu tajam "
        "dan kemungkinan besar akan berlanjut hingga Desember 2025. Stok gula cukup."
    )
    claims = extract_article(title, body, "id")
    opinions = [c.score for c in claims if c.kind == "opinion"]
    facts = [c.score for c in claims if c.kind == "fact"]
    assert opinions and facts
    assert max(opinions) < min(facts)


@pytest.mark.parametrize(
    ("language", "title", "body", "span_words", "expected"),
    [
        (
            "id",
            "Asap Pabrik Dikeluhkan Warga",
            "Lembaga Udara Sehat menyebut asap Pabrik Semen Bukit Kapur menyebabkan sekitar "
            "800 kasus asma setiap tahun, angka yang dibantah oleh perusahaan.",
            "dibantah oleh perusahaan",
            "Angka sekitar 800 kasus asma setiap tahun dibantah oleh perusahaan",
        ),
        (
            "en",
            "Smog blamed for asthma cases",
            "A clean-air group said smoke from the Redcliff cement works caused about 800 "
            "asthma cases a year, a figure disputed by the company.",
            "disputed by the company",
            "The figure (about 800 asthma cases a year) disputed by the company",
        ),
    ],
)
def test_figure_apposition_is_its_own_claim_in_the_article_voice(
    language, title, body, span_words, expected
):
    claim = claim_of(title, body, language, span_words)
    assert claim.claim_text == expected
    assert claim.claimant is None  # the group gave the figure; the dispute is reported
    gave = claim_of(title, body, language, "800")
    assert span_words not in gave.text


def test_bare_definite_noun_after_a_sentence_about_an_organisation_names_it():
    title = "Drought forces Brenmoor to cut supply"
    body = (
        "Brenmoor Water Services announced on Monday that taps in Brenmoor will run for 10 "
        "hours a day from June. The utility, which supplies 52,000 homes, blamed the "
        "drought. The provincial government has offered 2 million dollars in aid."
    )
    supplies = claim_of(title, body, "en", "supplies 52,000 homes")
    assert supplies.claim_text.startswith("Brenmoor Water Services supplies 52,000 homes")
    offered = claim_of(title, body, "en", "offered 2 million")
    assert offered.claim_text.startswith("The provincial government")  # a modifier: as is


def test_its_is_never_a_person_and_an_event_noun_is_not_the_organisation():
    title = "Clinic hit by outage"
    body = (
        "The Marlow Health Trust said on Monday that its clinics had closed. Director Ana "
        "Pell said 300 visits were cancelled, while its phone lines remain down. The "
        "decision, announced on Friday, follows a review of the trust's systems."
    )
    lines = claim_of(title, body, "en", "phone lines remain down")
    assert "Ana Pell's" not in lines.claim_text
    decision = claim_of(title, body, "en", "announced on Friday")
    assert not decision.claim_text.startswith("The Marlow Health Trust, announced")


@pytest.mark.parametrize(
    ("language", "title", "body", "span_words", "opening"),
    [
        # an "it" that points to an event the sentence before told is left as written
        (
            "en",
            "Rating agency downgrades Nerria",
            "The agency Fairline cut Nerria's credit rating to BB on Monday. It was the second "
            "downgrade this year.",
            "second downgrade",
            "It was the second downgrade",
        ),
        # "Mereka" is the first counted group of the sentence before, not the last
        (
            "id",
            "Angka Putus Sekolah Naik",
            "Angka putus sekolah di Kota Seruni mencapai 1.320 anak pada 2024, naik dari 980 "
            "anak setahun sebelumnya. Mereka kebanyakan berasal dari keluarga nelayan.",
            "keluarga nelayan",
            "1.320 anak kebanyakan berasal",
        ),
        # "the bank" after "Central Bank Governor Ada Rusk": the body before the title
        (
            "en",
            "Growth slows in Orvia",
            "The World Bank cut Orvia's growth forecast to 2.1 percent on Monday. Central Bank "
            "Governor Ada Rusk said the slowdown would pass. The bank held its main rate at 4 "
            "percent in May.",
            "held its main rate",
            "Central Bank held",
        ),
        # "Puskesmas setempat" (the local clinic): the clinic of the last place named
        (
            "id",
            "Kasus Diare Naik di Pesisir",
            "Banjir rob merendam Desa Teluk Bening selama sepekan pada Mei 2025. Puskesmas "
            "setempat mencatat 312 kasus diare sepanjang Mei.",
            "312 kasus diare",
            "Puskesmas di Desa Teluk Bening mencatat 312 kasus",
        ),
        # a bare definite noun after a sentence about a person is left as written
        (
            "en",
            "Lenwick election",
            "Mara Quint won the Lenwick mayoral race on Sunday with 51 percent. The party won "
            "9 of the 12 council seats.",
            "9 of the 12",
            "The party won",
        ),
    ],
)
def test_claim_text_opens_with_what_can_be_named(language, title, body, span_words, opening):
    claim = claim_of(title, body, language, span_words)
    assert claim.claim_text.startswith(opening)


@pytest.mark.parametrize(
    ("language", "title", "body", "span_words", "expected"),
    [
        (
            "id",
            "Pasokan obat RSUD Bukit Lawang terganggu",
            "Distributor obat menahan pengiriman karena utang Rp 2,1 miliar belum dibayar, "
            "sementara jumlah pasien demam berdarah naik.",
            "jumlah pasien demam berdarah",
            "Jumlah pasien demam berdarah naik",
        ),
        (
            "en",
            "Pool visits fall in Dunmere",
            "Visits to Dunmere's pools fell by a quarter between 2019 and 2025, although the "
            "number of children taking swimming lessons rose to 3,100 last year.",
            "number of children",
            "The number of children taking swimming lessons rose to 3,100",
        ),
    ],
)
def test_a_figure_noun_heading_its_own_noun_phrase_is_no_apposition_nor_reference(
    language, title, body, span_words, expected
):
    # "jumlah pasien ..." / "the number of children ..." says what it counts: the figure of
    # the clause before is not put into it ("Jumlah Rp 2,1 miliar belum dibayar pasien ...")
    claim = claim_of(title, body, language, span_words)
    assert claim.claim_text.startswith(expected)


@pytest.mark.parametrize(
    ("title", "body", "span_words", "kept", "never"),
    [
        (
            # a noun of two words the article writes again ("rumah sakitnya"): "sakit itu" is
            # no noun the topic can name ("rumah sakit pasokan oksigen")
            "Pasokan Oksigen Dipangkas, Operasi di Teluk Amar Ditunda",
            "Pasokan oksigen ke RSUD Teluk Amar dipangkas. Direktur rumah sakit itu menyebut "
            "rumah sakitnya membutuhkan 90 tabung oksigen sehari. PT Udara Medika, yang "
            "memasok oksigen ke rumah sakit itu sejak 2019, mengurangi pengiriman oksigen.",
            "memasok",
            "ke rumah sakit itu sejak 2019",
            "pasokan oksigen sejak",
        ),
        (
            # a week, like a year or a month, is a time: "pekan ini" is no "pekan harga cengkeh"
            "Harga Cengkeh Anjlok di Teluk Amar",
            "Harga cengkeh kering di tingkat petani Teluk Amar turun menjadi Rp 62.000 per "
            "kilogram pekan ini. Petani cengkeh menunda panen cengkeh.",
            "62.000",
            "pekan ini",
            "pekan harga cengkeh",
        ),
    ],
)
def test_demonstrative_after_a_two_word_noun_or_a_time_is_not_given_the_topic(
    title, body, span_words, kept, never
):
    claim = claim_of(title, body, "id", span_words)
    assert kept in claim.claim_text
    assert never not in claim.claim_text


@pytest.mark.parametrize(
    "text, language, expected",
    [
        (
            "Polisi menangkap dua sopir truk, Andi Saputra dan Budi Hartono, pada Senin "
            "(2/11/2026). Keduanya, yang bekerja untuk PT Maju Jaya, ditahan di Polres Bekasi "
            "sejak 3 November 2026.",
            "id",
            [
                "Dua sopir truk bekerja untuk PT Maju Jaya",
                "Dua sopir truk ditahan di Polres Bekasi",
            ],
        ),
        (
            "Police arrested two drivers, Andi Saputra and Budi Hartono, on Monday. Both, who "
            "work for Maju Jaya, have been held in Bekasi since 3 November 2026.",
            "en",
            ["Two drivers work for Maju Jaya", "Two drivers have been held in Bekasi"],
        ),
    ],
)
def test_a_collective_pronoun_alone_before_its_relative_clause_names_the_group(
    text, language, expected
):
    # the subject is the one word "Keduanya"/"Both": once read as two words, and extraction
    # of the whole article stopped with an IndexError
    claims = extract_claims(text, language)
    assert [c.claim_text[: len(e)] for c, e in zip(claims[1:], expected, strict=True)] == expected
