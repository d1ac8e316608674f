"""Anchors: the same fact written in Indonesian or English gives the same normalised value."""

import re
from pathlib import Path

import pytest

from factcheck.language import anchors as anchors_module
from factcheck.language.anchors import COMPARED_KINDS, KINDS, Anchor, extract_anchors, facets
from factcheck.language.lexicon import tokens
from factcheck.language.sentences import split_sentences


def values(text: str, lang: str | None = None, kind: str | None = None) -> list[str]:
    """Values of the anchors in ``text`` (of one kind if given)."""
    return [a.value for a in extract_anchors(text, lang) if kind in (None, a.kind)]


def only(text: str, lang: str | None = None) -> Anchor:
    """The single anchor expected in ``text``."""
    found = extract_anchors(text, lang)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "lang", "kind", "value"),
    [
        ("12,4 miliar dolar AS", "id", "money", "12.4e9 USD"),
        ("$12.4 billion", "en", "money", "12.4e9 USD"),
        ("US$12.4 billion", "en", "money", "12.4e9 USD"),
        ("US$12,4 miliar", "id", "money", "12.4e9 USD"),
        ("$12,400,000,000", "en", "money", "12.4e9 USD"),
        ("12.4bn", "en", "number", "12.4e9"),
        ("1,5 juta", "id", "number", "1.5e6"),
        ("1.5 million", "en", "number", "1.5e6"),
        ("1.500", "id", "number", "1.5e3"),
        ("1,500", "en", "number", "1.5e3"),
        ("1.500", "en", "number", "1.5"),
        ("Rp 15.000", "id", "money", "15e3 IDR"),
        ("6,2 persen", "id", "percent", "6.2%"),
        ("6.2%", "en", "percent", "6.2%"),
        ("6.2 percent", "en", "percent", "6.2%"),
        ("1992", "en", "year", "1992"),
        ("2100", "id", "year", "2100"),
        ("2500", "en", "number", "2.5e3"),
        ("lima", "id", "number", "5"),
        ("five", "en", "number", "5"),
        ("dua setengah", "id", "number", "2.5"),
        ("two and a half", "en", "number", "2.5"),
        # compound number words are read whole, never as their first word ("empat belas"
        # was read as 4 beside a claim's 14: a false disagreement)
        ("empat belas", "id", "number", "14"),
        ("Sembilan belas", "id", "number", "19"),
        ("dua puluh", "id", "number", "20"),
        ("dua puluh satu", "id", "number", "21"),
        ("sembilan puluh sembilan", "id", "number", "99"),
        ("fourteen", "en", "number", "14"),
        ("Nineteen", "en", "number", "19"),
        ("forty", "en", "number", "40"),
        ("twenty-one", "en", "number", "21"),
        ("seventy six", "en", "number", "76"),
        ("tiga puluh setengah", "id", "number", "30.5"),
    ],
)
def test_numbers_are_normalised_across_languages(text, lang, kind, value):
    anchor = only(text, lang)
    assert (anchor.kind, anchor.value) == (kind, value)
    assert (anchor.start, anchor.end) == (0, len(text))


def test_money_in_both_languages_has_the_same_amount_as_a_bare_bn():
    amounts = {v.split()[0] for v in values("12,4 miliar dolar AS", "id")}
    amounts |= {v.split()[0] for v in values("$12.4 billion", "en")}
    amounts |= set(values("12.4bn", "en"))
    assert amounts == {"12.4e9"}


def test_a_range_of_years_gives_both_years():
    assert values("pada tahun 2020-2021", "id", "year") == ["2020", "2021"]


def test_metres_are_not_millions():
    assert values("a wall 5 m high", "en") == ["5"]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("6 November 2025", "id", "2025-11-06"),
        ("Nov. 6, 2025", "en", "2025-11-06"),
        ("November 6, 2025", "en", "2025-11-06"),
        ("2025-11-06", "en", "2025-11-06"),
        ("6 Nov 2025", "en", "2025-11-06"),
        ("Kamis, 6 November 2025", "id", "2025-11-06"),
        ("Thursday, Nov. 6, 2025", "en", "2025-11-06"),
        ("6/11/2025", "id", "2025-11-06"),
        ("11/6/2025", "en", "2025-11-06"),
        ("10 April 1992", "en", "1992-04-10"),
        ("17 Agustus 1945", "id", "1945-08-17"),
        ("1 Desember 2020", "id", "2020-12-01"),
        ("Oktober 2023", "id", "2023-10"),
        ("October 2023", "en", "2023-10"),
        ("Mei 2025", "id", "2025-05"),
        ("6 November", "id", "--11-06"),
        ("Kamis", "id", "weekday:4"),
        ("Thursday", "en", "weekday:4"),
    ],
)
def test_dates_are_iso_in_both_languages(text, lang, value):
    anchor = only(text, lang)
    assert (anchor.kind, anchor.value, anchor.text) == ("date", value, text)


def test_lowercase_month_and_weekday_words_are_not_dates():
    assert values("they may 20 times; minggu lalu", "en", "date") == []


@pytest.mark.parametrize(
    ("names", "code"),
    [
        (["Uni Emirat Arab", "UAE", "United Arab Emirates", "Emirates Arab", "UEA"], "AE"),
        (["Tiongkok", "China"], "CN"),
        (["Maroko", "Morocco", "Maroc"], "MA"),
        (["Amerika Serikat", "United States", "U.S.", "US"], "US"),
        (["Kazakhstan", "Kazakstan", "Kasachstan", "Astana"], "KZ"),
        (["Kirgizstan", "Kyrgyzstan"], "KG"),
        (["Arab Saudi", "Saudi Arabia"], "SA"),
    ],
)
def test_places_have_one_iso_code_in_every_language(names, code):
    for name in names:
        anchor = only(f"Laporan tentang {name} hari ini", "id")
        assert (anchor.kind, anchor.value, anchor.text) == ("place", code, name)


def test_as_is_the_united_states_only_in_indonesian_and_in_capitals():
    assert values("KTT Mineral Langka AS", "id", "place") == ["US"]
    assert values("as they said, AS is a company", "en", "place") == []
    assert values("sama as dia", "id", "place") == []


def test_us_pronoun_is_not_a_place():
    assert values("join us in the hall", "en", "place") == []


@pytest.mark.parametrize(
    ("indonesian", "english", "term"),
    [
        ("Kesepakatan Abraham", "Abraham Accords", "abraham accords"),
        ("Gedung Putih", "White House", "white house"),
        ("Asia Tengah", "Central Asia", "central asia"),
        ("mineral langka", "rare earth", "rare earth"),
        ("logam langka", "rare earths", "rare earth"),
        ("masa jabatan kedua", "second term", "second term"),
        ("Yerusalem", "Jerusalem", "jerusalem"),
        ("Timur Tengah", "Middle East", "middle east"),
        ("KTT", "summit", "summit"),
        ("hubungan diplomatik", "diplomatic relations", "diplomatic relations"),
        ("perjanjian perdagangan", "trade deals", "trade deal"),
        ("Presiden", "President", "president"),
    ],
)
def test_glossary_terms_meet_in_one_value(indonesian, english, term):
    assert values(f"Ada {indonesian} di sana", "id") == [term]
    assert values(f"There is the {english} here", "en") == [term]


def test_capitals_only_glossary_alias_needs_capitals():
    assert values("ktt itu", "id", "term") == []


def test_glossary_path_override(tmp_path):
    own = tmp_path / "glossary.yaml"
    own.write_text("terms:\n  parliament: [DPR, Dewan Perwakilan Rakyat]\n", encoding="utf-8")
    found = extract_anchors("Rapat DPR kemarin", "id", glossary_path=str(own))
    assert [(a.kind, a.value, a.text) for a in found] == [("term", "parliament", "DPR")]


def test_spans_point_at_the_text_in_the_seed_sentence():
    text = (
        "Pada tanggal 6 November 2025, Republik Kazakhstan secara resmi mengumumkan niatnya "
        "untuk bergabung dengan kerangka kerja Kesepakatan Abraham (Abraham Accords)."
    )
    found = extract_anchors(text, "id")
    assert all(text[a.start : a.end] == a.text for a in found)
    assert [(a.kind, a.value) for a in found if a.kind != "term"] == [
        ("date", "2025-11-06"),
        ("place", "KZ"),
    ]
    assert [a.value for a in found if a.kind == "term"].count("abraham accords") == 2


def test_anchors_never_overlap_and_come_in_order():
    found = extract_anchors("Uni Emirat Arab (UEA) dan 12,4 miliar dolar AS pada 2020", "id")
    ends = [(a.start, a.end) for a in found]
    assert ends == sorted(ends)
    assert all(a[1] <= b[0] for a, b in zip(ends, ends[1:], strict=False))
    assert [a.value for a in found] == ["AE", "AE", "12.4e9 USD", "2020"]


def test_language_is_guessed_when_not_given():
    assert values("Penduduknya 1.500 orang dan yang lain", None, "number") == ["1.5e3"]
    assert values("There are 1,500 people in the town", None, "number") == ["1.5e3"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The Kazakh leaders are joining", "en", ["kazakh", "leader", "joining"]),
        ("Éire and Zürich", "en", ["eire", "zurich"]),
        ("para pemimpin menyambut keputusannya", "id", ["impin", "sambut", "putus"]),
        ("hubungan diplomatik", "id", ["hubung", "diplomatik"]),
    ],
)
def test_tokens_are_folded_stemmed_and_without_stopwords(text, lang, expected):
    assert tokens(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "kind", "value", "surface"),
    [
        ("Rp15.000", "id", "money", "15e3 IDR", "Rp15.000"),
        ("Rp. 5.000", "id", "money", "5e3 IDR", "Rp. 5.000"),
        ("5 dolar Singapura", "id", "money", "5 SGD", "5 dolar Singapura"),
        ("AU$5", "en", "money", "5 AUD", "AU$5"),
        ("dua belas", "id", "number", "12", "dua belas"),
        ("eleven", "en", "number", "11", "eleven"),
        ("ribuan", "id", "quantity", "~1e3", "ribuan"),
        ("hundreds", "en", "quantity", "~1e2", "hundreds"),
        ("(6/11)", "id", "date", "--11-06", "6/11"),
        ("(6/11/25)", "id", "date", "2025-11-06", "6/11/25"),
        ("November", "id", "month", "--11", "November"),
        ("Nov.", "en", "month", "--11", "Nov."),
    ],
)
def test_more_numbers_and_dates_are_recognised(text, lang, kind, value, surface):
    anchor = only(text, lang)
    assert (anchor.kind, anchor.value, anchor.text) == (kind, value, surface)


@pytest.mark.parametrize("text", ["COVID-19 spread", "F-16 jets", "Jan Smith came", "may it"])
def test_parts_of_names_and_plain_words_are_not_numbers_or_months(text):
    assert [a for a in extract_anchors(text, "en") if a.kind not in ("name", "term")] == []


def test_a_short_year_range_gives_both_full_years():
    assert values("pada musim 2015–16", "id", "year") == ["2015", "2016"]


def test_names_are_runs_of_capitals_that_are_nothing_else():
    found = extract_anchors("Mayor Lena Ortiz met Dr. Amara Singh in Chad.", "en")
    assert [(a.kind, a.text) for a in found] == [
        ("name", "Lena Ortiz"),
        ("name", "Amara Singh"),
        ("place", "Chad"),
    ]


def test_callers_get_only_the_kinds_they_ask_for():
    text = "Ribuan warga Indonesia datang pada November, kata Budi Santoso."
    assert {a.kind for a in extract_anchors(text, "id")} == {"quantity", "place", "month", "name"}
    assert [a.kind for a in extract_anchors(text, "id", kinds=COMPARED_KINDS)] == ["place"]
    # names are the capitalised runs the other kinds asked for leave over
    names = ["Indonesia", "November", "Budi Santoso"]
    assert [a.text for a in extract_anchors(text, "id", kinds={"name"})] == names


@pytest.mark.parametrize(
    ("text", "lang", "value", "qualifier"),
    [
        ("more than 30 years", "en", "30", "more"),
        ("lebih dari 30 tahun", "id", "30", "more"),
        ("sekitar 1.500 orang", "id", "1.5e3", "about"),
        ("about $12 billion", "en", "12e9 USD", "about"),
        ("hampir 40 persen", "id", "40%", "nearly"),
        ("at least five people", "en", "5", "at_least"),
        ("up to 200 homes", "en", "200", "at_most"),
        ("penjara hingga 15 tahun", "id", "15", "at_most"),
        ("antrean sampai 5 kilometer", "id", "5", "at_most"),
        ("kurang dari 10 persen", "id", "10%", "less"),
        ("30 years", "en", "30", None),
    ],
)
def test_a_number_keeps_the_qualifier_said_before_it(text, lang, value, qualifier):
    [number] = [a for a in extract_anchors(text, lang) if a.kind in ("number", "money", "percent")]
    assert (number.value, number.qualifier) == (value, qualifier)


def test_until_before_a_year_is_no_qualifier():
    found = extract_anchors("Jalan itu ditutup hingga 2027.", "id")
    [year] = [a for a in found if a.kind == "year"]
    assert (year.value, year.qualifier) == ("2027", None)


@pytest.mark.parametrize("text", ["tahun 2020-2021", "from 2020–21", "in 2020 - 2021"])
def test_both_years_of_a_range_know_the_range(text):
    years = [a for a in extract_anchors(text, "en") if a.kind == "year"]
    assert [y.value for y in years] == ["2020", "2021"]
    assert {y.qualifier for y in years} == {"range:2020-2021"}


@pytest.mark.parametrize(
    ("text", "absent"),
    [("on 31 February 2025", "2025-02-31"), ("on 29 February 2023", "2023-02-29"),
     ("on 31/4/2024", "2024-04-31")],
)  # fmt: skip
def test_a_day_that_does_not_exist_is_no_date(text, absent):
    """It used to become a date that crashed matching (no 31 February in the calendar)."""
    anchors = extract_anchors(text, "id")
    assert absent not in {a.value for a in anchors}
    assert all(facets(a) for a in anchors)


@pytest.mark.parametrize(
    ("text", "lang", "percent"),
    [
        ("Inflasi Oktober 2,1 Persen", "id", "2.1%"),
        ("Inflation in October 2.1 percent", "en", "2.1%"),
    ],
)
def test_a_month_before_a_decimal_figure_is_no_date(text, lang, percent):
    """A headline's "Inflasi Oktober 2,1 Persen" was read as the date 2 October."""
    anchors = extract_anchors(text, lang)
    assert not [a for a in anchors if a.kind == "date"]
    assert percent in {a.value for a in anchors if a.kind == "percent"}


# The recogniser's shortcuts (a finder skipped when none of its kinds is asked for; the
# patterns that need a digit not run on a text without one) must change no anchor: every
# sentence of the extraction articles, and texts without digits that name weekdays and
# months, read with each set of kinds extraction asks for, with and without them.
_SHORTCUT_KINDS = [
    KINDS,
    frozenset({"place"}),
    frozenset({"money"}),
    frozenset({"number"}),
    frozenset({"date", "month", "year", "place"}),
    frozenset({"date", "month", "year"}),
    frozenset({"number", "percent", "money", "quantity"}),
]
_NO_DIGITS = [
    "Pada hari Kamis, Presiden Trump menyambut lima pemimpin.",
    "On Friday the mayor vetoed it; in March of last year, the council voted.",
    "Rapat digelar Selasa dan Rabu, pertengahan November, di Jakarta.",
    "Sept. and Nopember, Jum'at, Ahad: three quarters of a million people in Kazakhstan.",
]


def _shortcut_texts() -> list[tuple[str, str]]:
    root = Path(__file__).resolve().parents[2]
    files = sorted((root / "tests" / "data" / "extract").glob("*.txt"))
    files += sorted((root / "bench" / "data" / "extract_eval").glob("*/*.txt"))
    texts = [("en" if f.name.startswith("en-") else "id", f.read_text("utf-8")) for f in files]
    found = [(lang, s.text) for lang, text in texts for s in split_sentences(text, lang)]
    return found + [(lang, t) for t in _NO_DIGITS for lang in ("id", "en")]


def test_the_recognisers_shortcuts_change_no_anchor(monkeypatch):
    texts = _shortcut_texts()
    assert len(texts) > 500
    fast = [extract_anchors(t, lang, kinds=k) for lang, t in texts for k in _SHORTCUT_KINDS]
    monkeypatch.setattr(anchors_module, "_DATE_FINDS", KINDS)
    monkeypatch.setattr(anchors_module, "_NUMBER_FINDS", KINDS)
    monkeypatch.setattr(anchors_module, "_DIGIT", re.compile(""))  # every text "has" one
    slow = [extract_anchors(t, lang, kinds=k) for lang, t in texts for k in _SHORTCUT_KINDS]
    assert fast == slow
    assert sum(1 for found in fast if any(a.kind == "date" for a in found)) > 50


def test_one_alone_is_not_a_number_but_the_units_of_a_compound_are():
    assert values("salah satu warga, one of the boats", "id") == []
    assert only("dua puluh satu", "id").value == "21"


def _number_shapes() -> list[str]:
    """Strings of every shape the number pattern finds: digit runs with one separator, and
    groups of three after one to three digits, either separator anywhere, with or without a
    decimal part (leading and trailing zeros included)."""
    shapes = [
        f"{a}{sep}{b}"
        for a in ("0", "2", "05", "12", "1234")
        for sep in ".,"
        for b in ("0", "5", "50", "05", "000", "500", "5000", "0500")
    ]
    for first in ("0", "1", "05", "12", "123", "012"):
        for groups in (("500",), ("000", "050"), ("500", "000", "999")):
            for seps in ("..", ",,", ".,", ",."):
                grouped = first + "".join(seps[i % 2] + g for i, g in enumerate(groups))
                shapes.append(grouped)
                for sep in ".,":
                    shapes += [f"{grouped}{sep}{d}" for d in ("5", "50", "05", "000", "5000")]
    return shapes


def test_numbers_are_read_as_babel_reads_them_without_its_locale_files():
    from babel.numbers import parse_decimal

    def read(parse, raw, locale):
        try:
            return repr(parse(raw, locale))
        except ValueError as error:  # Babel's NumberFormatError
            return type(error).__name__

    shapes = _number_shapes()
    assert len(shapes) > 300
    for locale in ("id", "en"):
        for raw in shapes:
            babel = read(lambda r, loc: parse_decimal(r, locale=loc, strict=True), raw, locale)
            assert read(anchors_module._parse_decimal, raw, locale) == babel, (raw, locale)


@pytest.mark.parametrize(
    ("text", "lang", "shown", "value", "qualifier"),
    [
        # a fraction in words is a share, not its numerator ("tiga perempat" was the number 3)
        ("Tiga perempat pembeli tinggal di sana.", "id", "Tiga perempat", "75%", "about"),
        ("Empat perlima petak untuk makam muslim.", "id", "Empat perlima", "80%", "about"),
        ("sekitar sepertiga karang mati", "id", "sepertiga", "33.3%", "about"),
        ("hampir separuh warga mengungsi", "id", "separuh", "50%", "nearly"),
        ("setengah dari pembeli", "id", "setengah", "50%", "about"),
        ("two-thirds of voters", "en", "two-thirds", "66.7%", "about"),
        ("three quarters of the cost", "en", "three quarters", "75%", "about"),
        ("killed about a fifth of the reef", "en", "a fifth", "20%", "about"),
        ("Nearly half of the buyers lived there.", "en", "half", "50%", "nearly"),
        ("Three in four of her buyers lived there.", "en", "Three in four", "75%", "about"),
        ("one in eight patients stops treatment", "en", "one in eight", "12.5%", "about"),
        ("nine out of ten households", "en", "nine out of ten", "90%", "about"),
        ("more than 2 in 3 voters", "en", "2 in 3", "66.7%", "more"),
    ],
)
def test_a_part_of_a_group_in_words_is_a_percentage(text, lang, shown, value, qualifier):
    found = [a for a in extract_anchors(text, lang) if a.kind in ("percent", "number")]
    assert [(a.kind, a.text, a.value, a.qualifier) for a in found] == [
        ("percent", shown, value, qualifier)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "in the first half of 2026",  # a half of a time, not of a group
        "setengah jam kemudian",  # half an hour
        "the third quarter",  # a quarter of a year
        "four in 2025",  # a year is no whole
    ],
)
def test_halves_of_time_and_years_are_no_shares(text):
    assert not [a for a in extract_anchors(text, "en") if a.kind == "percent"]


def test_a_half_after_a_number_word_is_that_numbers():
    assert [(a.kind, a.value) for a in extract_anchors("dua setengah jam", "id")] == [
        ("number", "2.5")
    ]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Konser dijadwalkan pada 27 dan 28 Juni 2026.", ["2026-06-27", "2026-06-28"]),
        ("Two concerts were planned for June 27 and 28.", ["--06-27", "--06-28"]),
        ("Talks on 3 and 4 March ended.", ["--03-03", "--03-04"]),
        # no such day: a number, not a date
        ("Talks on Feb. 28 and 31.", ["--02-28"]),
        # a count after the conjunction, not a day
        ("On June 27 and 28 people died.", ["--06-27"]),
    ],
)
def test_a_day_joined_to_a_date_is_a_date_of_its_month(text, dates):
    assert [a.value for a in extract_anchors(text) if a.kind == "date"] == dates
