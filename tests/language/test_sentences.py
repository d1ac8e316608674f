"""The one sentence splitter: true boundaries only, in Indonesian and English, spans exact."""

import pytest

from factcheck.language.sentences import split_sentences

SEGMENTATION_CASES = [
    # English abbreviations, initials, titles
    (
        "en",
        "Mr. Smith met Dr. Jones on Jan. 5. They talked.",
        ["Mr. Smith met Dr. Jones on Jan. 5.", "They talked."],
    ),
    ("en", "The U.S. economy grew. Prices fell.", ["The U.S. economy grew.", "Prices fell."]),
    (
        "en",
        "He works for Acme Inc. The firm is big.",
        ["He works for Acme Inc.", "The firm is big."],
    ),
    ("en", "Acme Inc. Chairman Bo Li spoke.", ["Acme Inc. Chairman Bo Li spoke."]),
    (
        "en",
        "Case No. 5 vs. Smith was heard. It ended.",
        ["Case No. 5 vs. Smith was heard.", "It ended."],
    ),
    ("en", "J. Biden won in Nov. 2020. He smiled.", ["J. Biden won in Nov. 2020.", "He smiled."]),
    (
        "en",
        "Her rival was Tomas Reyes Jr. He conceded.",
        ["Her rival was Tomas Reyes Jr.", "He conceded."],
    ),
    (
        "en",
        "President Donald Trump hosted them. It was brief.",
        ["President Donald Trump hosted them.", "It was brief."],
    ),
    # decimals and ranges
    (
        "en",
        "Sales rose 12.4 percent in 2020-2021. Costs fell.",
        ["Sales rose 12.4 percent in 2020-2021.", "Costs fell."],
    ),
    (
        "id",
        "Harga naik 12,4 persen pada 2020–2021. Inflasi turun.",
        ["Harga naik 12,4 persen pada 2020–2021.", "Inflasi turun."],
    ),
    # quotes
    (
        "en",
        'She said, "We will win." Then she left.',
        ['She said, "We will win."', "Then she left."],
    ),
    (
        "en",
        "“Is it true?” she asked. Nobody answered.",
        ["“Is it true?” she asked.", "Nobody answered."],
    ),
    (
        "id",
        "Ia menyebutnya “minyak baru.” Harga naik.",
        ["Ia menyebutnya “minyak baru.”", "Harga naik."],
    ),
    (
        "id",
        '"Ini terbesar," ujar Rahmat. Warga senang.',
        ['"Ini terbesar," ujar Rahmat.', "Warga senang."],
    ),
    # Indonesian abbreviations and titles
    (
        "id",
        "Prof. Budi dan Ny. Sari hadir. Acara dimulai.",
        ["Prof. Budi dan Ny. Sari hadir.", "Acara dimulai."],
    ),
    (
        "id",
        "Dr. Ir. H. Rahmat Hidayat, M.T., meresmikannya. Warga hadir.",
        ["Dr. Ir. H. Rahmat Hidayat, M.T., meresmikannya.", "Warga hadir."],
    ),
    (
        "id",
        "Dana a.n. Tn. Andi dan Sdr. Joko dikirim. Sudah diterima.",
        ["Dana a.n. Tn. Andi dan Sdr. Joko dikirim.", "Sudah diterima."],
    ),
    (
        "id",
        "Beras, gula, dll. naik. Pemerintah diam.",
        ["Beras, gula, dll. naik.", "Pemerintah diam."],
    ),
    (
        "id",
        "Ia membeli buku, pensil, dsb. Harganya murah.",
        ["Ia membeli buku, pensil, dsb.", "Harganya murah."],
    ),
    (
        "id",
        "Kazakhstan bergabung pada 6 Nov. 2025. Israel menyambut.",
        ["Kazakhstan bergabung pada 6 Nov. 2025.", "Israel menyambut."],
    ),
    (
        "id",
        "Presiden Donald Trump menyambut tamu. Acara meriah.",
        ["Presiden Donald Trump menyambut tamu.", "Acara meriah."],
    ),
    # a newline always ends a sentence, even without punctuation
    (
        "id",
        "Judul tanpa titik\nKalimat kedua. Ketiga!",
        ["Judul tanpa titik", "Kalimat kedua.", "Ketiga!"],
    ),
]


# More boundaries the splitter must get right in both languages: closing quotes stay with their
# sentence, numbers and ellipses inside a sentence do not end it, initials do not either.
MORE_CASES = [
    (
        "id",
        "“Kami menang.” Warga bersorak. “Benarkah?” tanyanya.",
        ["“Kami menang.”", "Warga bersorak.", "“Benarkah?” tanyanya."],
    ),
    (
        "en",
        "He said: “It is over.” (The vote was close.) Then he left.",
        ["He said: “It is over.”", "(The vote was close.)", "Then he left."],
    ),
    (
        "id",
        "Sebanyak 1.500 orang hadir. Harga naik 12,4 persen.",
        ["Sebanyak 1.500 orang hadir.", "Harga naik 12,4 persen."],
    ),
    ("en", "About 1,500.5 tonnes left. It sank.", ["About 1,500.5 tonnes left.", "It sank."]),
    ("id", "Ia ragu... lalu setuju. Rapat usai.", ["Ia ragu... lalu setuju.", "Rapat usai."]),
    ("en", "He waited… Then he spoke.", ["He waited…", "Then he spoke."]),
    (
        "id",
        "Rapat dipimpin Prof. Dr. Ir. H. Sutopo hari ini. Hasilnya diumumkan.",
        ["Rapat dipimpin Prof. Dr. Ir. H. Sutopo hari ini.", "Hasilnya diumumkan."],
    ),
    ("en", "Dr. A. B. Cole spoke. Nobody left.", ["Dr. A. B. Cole spoke.", "Nobody left."]),
    (
        "id",
        "Ia tinggal di Jl. Merdeka No. 5. Rumahnya besar.",
        ["Ia tinggal di Jl. Merdeka No. 5.", "Rumahnya besar."],
    ),
    ("en", "Is it true? Yes! It is.", ["Is it true?", "Yes!", "It is."]),
    ("id", "", []),
    ("en", "  \n \n", []),
    # a list item's marker is no part of its sentence; a figure opening a line is
    (
        "id",
        "Rinciannya:\n- Kecamatan Sumber Jaya: 520 rumah\n* Kecamatan Batu Putih: 270 rumah\n"
        "2) Dua sekolah tutup.\n1.200 rumah rusak.\n-5 derajat suhu pagi ini.",
        [
            "Rinciannya:",
            "Kecamatan Sumber Jaya: 520 rumah",
            "Kecamatan Batu Putih: 270 rumah",
            "Dua sekolah tutup.",
            "1.200 rumah rusak.",
            "-5 derajat suhu pagi ini.",
        ],
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), SEGMENTATION_CASES + MORE_CASES)
def test_sentences_are_split_at_true_boundaries_only(language, text, expected):
    sentences = split_sentences(text, language)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start : s.end] == s.text for s in sentences)
