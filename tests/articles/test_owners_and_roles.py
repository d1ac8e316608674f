"""Claim texts that name an owner, a person or an organisation the article gave before (issue
15, fourth pass): Indonesian "<noun>nya" as "<noun> <owner>", a first name alone as the full
name, and an organisation introduced with its role ("X, the regional operator", "Dairy group
X") as what "the operator"/"the company" stands for later. Each case is an article of its own,
written for these tests; each rule has cases it must leave alone."""

from __future__ import annotations

import pytest

from factcheck.articles.standalone import syllabic_abbreviations
from tests.articles.test_anaphora import claim_of


@pytest.mark.parametrize(
    ("language", "title", "body", "span_words", "expected", "not_expected"),
    [
        # "Kantornya" opening a clause: the name the article headed by "Kantor"
        (
            "id",
            "Imigrasi Sungai Pandan Deportasi 40 Orang",
            "Kantor Imigrasi Sungai Pandan mendeportasi 40 warga negara asing pada 2026. Kepala "
            "Kantor Imigrasi Sungai Pandan, Rahmat Hidayat, mengatakan jumlah itu naik. "
            "Kantornya hanya memiliki enam petugas pengawasan.",
            "enam petugas",
            "Kantor Imigrasi Sungai Pandan hanya memiliki enam petugas",
            "Kantornya",
        ),
        # "tagihannya" opening a clause after an opening phrase: the person named before
        (
            "id",
            "Nelayan Terjerat Utang Koperasi",
            "Salah satu nelayan, Hendra Saputra, meminjam Rp 3 juta pada Mei. Dalam tiga bulan, "
            "tagihannya membengkak menjadi Rp 7 juta.",
            "membengkak",
            "tagihan Hendra Saputra membengkak",
            "tagihannya",
        ),
        # an inner "-nya" with a parallel "<noun> <Name>" earlier in the same sentence
        (
            "id",
            "Indeks Pembangunan Desa Naik",
            "Survei BPS pada 2025 mencatat indeks ketahanan pangan Kabupaten Muara Teduh "
            "sebesar 52,1 persen, sementara indeks kerawanan pangannya mencapai 31,3 persen.",
            "31,3 persen",
            "indeks kerawanan pangan Kabupaten Muara Teduh mencapai",
            "pangannya",
        ),
        # left alone: inside a clause, "-nya" belongs to the clause's own subject, though the
        # article named "Anggaran ..." in another sentence
        (
            "id",
            "Program Beasiswa Dihentikan",
            "Program itu dibiayai dari Anggaran Pendapatan dan Belanja Daerah 2025 sebesar Rp 4 "
            "miliar. Program serupa dihentikan pada 2020 karena anggarannya dialihkan untuk "
            "perbaikan jalan.",
            "dialihkan",
            "anggarannya dialihkan",
            "Anggaran Pendapatan",
        ),
        # left alone: a word that only ends in "-nya" ("Sebelumnya,") and a currency after the
        # noun ("anggaran Rp 4 miliar" names no owner)
        (
            "id",
            "Jembatan Gantung Diperbaiki",
            "Pemerintah desa menyiapkan anggaran Rp 400 juta untuk jembatan gantung di Desa "
            "Lubuk Sari. Sebelumnya, jembatan itu rusak diterjang banjir pada Januari 2026.",
            "diterjang banjir",
            "Sebelumnya,",
            "sebelum ",
        ),
        # "<noun> tersebut" inside a clause: the noun's first mention with its named place
        (
            "id",
            "Puluhan Warga Keracunan Air Isi Ulang",
            "Sebanyak 41 warga dirawat setelah minum air dari satu depot isi ulang di Desa "
            "Karang Anyar pada Senin. Dinas Kesehatan menutup sementara depot tersebut sejak "
            "Selasa.",
            "menutup sementara",
            "depot isi ulang di Desa Karang Anyar",
            "depot tersebut",
        ),
        # "<noun> itu" opening a clause, the noun new to the body: the headline's words after it
        (
            "id",
            "Puluhan Siswa Sakit setelah Minum Susu Kemasan Sekolah",
            "Sebanyak 63 siswa dari dua sekolah dirawat setelah minum minuman kemasan pada "
            "Kamis. "
            "Sampel minuman diuji di laboratorium. Susu itu dipasok oleh satu distributor di "
            "Kota Baru.",
            "dipasok oleh",
            "Susu kemasan sekolah dipasok",
            "Susu itu",
        ),
        # left alone: a first mention whose place is a lowercase noun carries no place, and a
        # headline word the body writes only as a name is not taken
        (
            "id",
            "Gudang Pupuk Terbakar di Sungai Rotan",
            "Sebuah gudang pupuk di kawasan pelabuhan terbakar pada Rabu malam. Gudang itu "
            "menyimpan 300 ton pupuk urea.",
            "300 ton",
            "Gudang pupuk menyimpan",
            "pelabuhan menyimpan",
        ),
        # a figure noun in a clause with no figure of its own: the figure the sentence before
        # gave, by its subject
        (
            "en",
            "Harrow Vale votes",
            "Turnout in the Harrow Vale by-election was 61.2 percent on Thursday. The figure "
            "came from the electoral commission.",
            "electoral commission",
            "The figure for turnout in the Harrow Vale by-election came from",
            "The figure came",
        ),
        (
            "id",
            "Wisatawan Pulau Teduh",
            "Jumlah wisatawan di Pulau Teduh mencapai 48.000 orang pada 2025. Angka itu berasal "
            "dari data dinas pariwisata.",
            "dinas pariwisata",
            "Angka jumlah wisatawan di Pulau Teduh berasal",
            "Angka itu",
        ),
        # left alone: with a figure of its own, the clause is the existing rule's (the figure
        # noun is the subject's measure, "Angka itu naik 4 persen")
        (
            "id",
            "Wisatawan Pulau Teduh",
            "Jumlah wisatawan di Pulau Teduh mencapai 48.000 orang pada 2025. Angka itu naik 4 "
            "persen dibandingkan 2024.",
            "naik 4",
            "Jumlah wisatawan di Pulau Teduh pada 2025 naik 4 persen",
            "Angka jumlah",
        ),
        # "jumlah itu" inside a clause after a sentence that counted something
        (
            "id",
            "Aduan Air Bersih",
            "Perusahaan Daerah Air Minum Tirta Lestari menerima 1.450 aduan pelanggan "
            "sepanjang Oktober 2026. Direktur utamanya, Sinta Maharani, mengatakan jumlah itu "
            "naik 20 persen dibandingkan September.",
            "naik 20 persen",
            "jumlah aduan pelanggan",
            "jumlah itu",
        ),
        # "The <Name>, a <description>, said": the name is the subject, not the description
        (
            "en",
            "Port levy",
            "The Harbour Traders Guild, a business group, said the levy would cost members 3 "
            "million pounds a year.",
            "3 million pounds",
            "The Harbour Traders Guild said",
            "A business group said",
        ),
        # a first name alone is the person named in full (a title said it is a person)
        (
            "en",
            "Harbour levy rejected",
            "Councillor Tomas Brandt proposed a harbour levy of 2 percent on Monday. Tomas "
            "admitted that the council had rejected it twice before.",
            "rejected it twice",
            "Tomas Brandt admitted",
            "Tomas admitted",
        ),
        # left alone: the first word of a name no title or role marks as a person or body
        (
            "en",
            "Greenfield Energy posts loss",
            "Greenfield Energy reported a loss of 40 million euros on Friday. Greenfield shares "
            "fell 6 percent in early trading.",
            "shares fell",
            "Greenfield shares fell",
            "Greenfield Energy shares",
        ),
        # an organisation introduced with its role after it: "the operator" later
        (
            "en",
            "Grid operator delays new link",
            "Hollow Bay's homes use 300 megawatts, according to Northline Power, the state "
            "electricity operator. The operator, which is owned by the province, plans to build "
            "a new line by 2028.",
            "owned by the province",
            "Northline Power is owned by the province",
            "The operator",
        ),
        # two organisations, two roles: each noun finds its own
        (
            "en",
            "Drought limits water and power",
            "Ridgeway Water, the regional utility, cut supply by 10 percent on Monday. Lakeside "
            "Power, the regional operator, cut output by 5 percent. The utility said reservoirs "
            "were at 31 percent.",
            "reservoirs were",
            "Ridgeway Water",
            "Lakeside Power",
        ),
        # left alone: a noun before a name that the name only describes ("the former Dunmore
        # shipyard") is no role; "the former" keeps its words
        (
            "en",
            "Shipyard site sold",
            "Developers bought the grounds of the former Dunmore shipyard for 12 million pounds "
            "in May. The former owners said 300 jobs were lost when it closed.",
            "300 jobs",
            "former owners",
            "Dunmore owners",
        ),
    ],
)
def test_owner_person_and_role_named(language, title, body, span_words, expected, not_expected):
    claim = claim_of(title, body, language, span_words)
    assert expected in claim.claim_text
    assert not_expected not in claim.claim_text


@pytest.mark.parametrize(
    ("body", "span_words", "claimant"),
    [
        # "The company" as a speaker: the organisation introduced with a role before it
        (
            "Shipping group Corran Lines said on Tuesday it would cut 800 jobs. The company said "
            "the cuts would save 45 million euros a year.",
            "45 million euros",
            "Corran Lines",
        ),
        # left alone: a company named by its legal form still comes first
        (
            "Broker group Tessel Partners said on Tuesday it had lost a client. Marlow Freight "
            "Ltd cut 200 jobs on Wednesday. The company said the cuts would save 9 million "
            "euros.",
            "9 million",
            "Marlow Freight Ltd",
        ),
    ],
)
def test_company_speaker_named_by_role(body, span_words, claimant):
    claim = claim_of("Jobs cut", body, "en", span_words)
    assert claim.claimant == claimant


@pytest.mark.parametrize(
    ("language", "body", "span_words", "opening"),
    [
        # a relative clause after "<noun> di/in <Place>": the noun with its place
        (
            "id",
            "Nelayan membongkar ikan di dermaga kayu di Pulau Rantau Hijau, yang belum "
            "memiliki tempat pelelangan ikan.",
            "tempat pelelangan",
            "Dermaga kayu di Pulau Rantau Hijau belum memiliki",
        ),
        (
            "en",
            "Inspectors closed a bottling plant in Marrowby, which supplied 40 schools in May.",
            "supplied 40 schools",
            "A bottling plant in Marrowby supplied",
        ),
        # left alone: a name before the locative is itself what the clause is about
        (
            "id",
            "Banjir merendam Desa Sukamulya di Kabupaten Lembah Hijau, yang dihuni 4.000 jiwa.",
            "4.000 jiwa",
            "Kabupaten Lembah Hijau dihuni",
        ),
    ],
)
def test_relative_clause_after_a_placed_noun(language, body, span_words, opening):
    claim = claim_of("Laporan", body, language, span_words)
    assert claim.claim_text.startswith(opening)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # spelled out in the article: the start of one word and the start or end of the next
        (
            "Pemerintah kabupaten menyalurkan bantuan sosial kepada 4.000 keluarga. Pemkab "
            "juga menambah bansos pangan.",
            {"pemkab": "pemerintah kabupaten", "bansos": "bantuan sosial"},
        ),
        (
            "Dinas kesehatan membentuk satuan tugas. Satgas dan dinkes bekerja sama.",
            {"satgas": "satuan tugas", "dinkes": "dinas kesehatan"},
        ),
        # left alone: ordinary words that happen to start like two words standing together
        (
            "Kepala dinas mengatakan sebagian besar warga sempat mengungsi. Bantuan diberikan "
            "kepada warga sebesar Rp 1 juta, kata kepala desa, sementara pembangkit listrik "
            "menjadi prioritas dan pinjaman jangka pendek disiapkan untuk pinjam modal.",
            {},
        ),
        # a name the article writes capitalised keeps its capitals ("Kementerian
        # Kesehatan", not "Kementerian kesehatan"); its lower-case words stay lower case
        (
            "Kementerian Kesehatan (Kemenkes) mencatat 98.000 kasus. Kemenkes dan dinas "
            "kesehatan kota menyiapkan satuan tugas. Satgas dibentuk pada Senin.",
            {"kemenkes": "Kementerian Kesehatan", "satgas": "satuan tugas"},
        ),
        # left alone: an abbreviation the article never spells out
        ("Pemkot menutup pasar pada Senin.", {}),
        # left alone: a figure stands between the two words ("meminjam 30 tabung" is no
        # pair, so "meminta" is no abbreviation of it)
        (
            "Dinas meminjam 30 tabung dari puskesmas. Ia meminta bupati mengaudit rumah sakit.",
            {},
        ),
        # left alone: a function word or an auxiliary is no abbreviation ("tanpa" of
        # "tanggul penahan", "perlu" of "permukaan laut")
        (
            "Warga membangun tanggul penahan sampah. Sungai itu kini tanpa sampah.",
            {},
        ),
        (
            "Suhu permukaan laut naik dua derajat. Petani perlu menunggu hujan.",
            {},
        ),
    ],
)
def test_syllabic_abbreviations(text, found):
    assert syllabic_abbreviations(text) == found


def test_abbreviation_written_in_full_in_the_claim_text():
    body = (
        "Warga Kota Lembah Sari yang terjerat pinjaman online ilegal bertambah 300 orang pada "
        "2026. Aduan soal pinjol ilegal itu diterima Otoritas Jasa Keuangan setiap hari, dan "
        "situs pinjol yang diblokir mencapai 120 situs."
    )
    claim = claim_of("Aduan Pinjol", body, "id", "120 situs")
    assert "pinjaman online" in claim.claim_text
    assert body[claim.start : claim.end] == claim.text  # the span keeps the article's word
    assert "pinjol" in claim.text


@pytest.mark.parametrize(
    ("body", "span_words", "expected", "not_expected"),
    [
        # the abbreviation in brackets after the words it stands for is its definition
        (
            "Empat penumpang angkutan kota (angkot) tewas di Kabupaten Sindang Jaya. Angkot "
            "itu mengangkut 11 penumpang.",
            "Empat penumpang",
            "angkutan kota (angkot)",
            "angkutan kota (angkutan kota)",
        ),
        # elsewhere it is written in full as before
        (
            "Empat penumpang angkutan kota (angkot) tewas di Kabupaten Sindang Jaya. Angkot "
            "itu mengangkut 11 penumpang.",
            "11 penumpang",
            "Angkutan kota",
            "Angkot",
        ),
    ],
)
def test_a_syllabic_abbreviations_definition_is_not_doubled(
    body, span_words, expected, not_expected
):
    claim = claim_of("Angkot Tertemper Kereta", body, "id", span_words)
    assert expected in claim.claim_text
    assert not_expected not in claim.claim_text
