"""Counts said in a unit of measure (CLDR's units of time and the metric system's, in any of
the languages: "jam", "hours"; "km", "kilometres"; "hari", "days") measure one thing in two
languages, and a count said in one unit is never paired with a count said in another word
("sedalam 7 meter" / "Four people were hurt")."""

import pytest

from factcheck.language.anchors import extract_anchors
from factcheck.language.vocabulary import UNIT_NAMES
from factcheck.matching.verify import CONTRADICTS, RELATED, SUPPORTS, verify


def _check(claim: str, passage: str):
    mine, theirs = extract_anchors(claim, None, None), extract_anchors(passage, None, None)
    return verify(claim, mine, passage, theirs)


@pytest.mark.parametrize(
    ("word", "unit"),
    [
        ("jam", "duration-hour"),
        ("hours", "duration-hour"),
        ("hari", "duration-day"),
        ("km", "length-kilometer"),
        ("kilometres", "length-kilometer"),
        ("hektare", "area-hectare"),
        ("ha", "area-hectare"),
        ("tonnes", "mass-tonne"),
    ],
)
def test_unit_names_come_from_cldr_in_both_languages(word, unit):
    assert UNIT_NAMES[word] == unit


@pytest.mark.parametrize(
    "word",
    [
        "hr",  # an Indonesian day, an English hour
        "in",  # a function word, not only inches
        "stones",  # imperial units' names are ordinary words
        "points",
        "m",  # one letter
    ],
)
def test_ambiguous_or_ordinary_words_are_no_unit(word):
    assert word not in UNIT_NAMES


@pytest.mark.parametrize(
    ("claim", "passage", "differ"),
    [
        (
            "Jasad korban ditemukan 2 km dari lokasi serangan setelah pencarian 19 jam.",
            "Rescuers found the body 3 kilometres away after searching for 29 hours.",
            2,
        ),
        (
            "Pria itu berpraktik sebagai dokter selama enam tahun.",
            "Over eight years he treated some 7,200 patients.",
            1,
        ),
        # a unit of two words: its second names it ("cubic metres", "meter kubik")
        (
            "Volume kayu yang disita sekitar 930 meter kubik.",
            "The logs, around 390 cubic metres of timber, were found in the park.",
            1,
        ),
    ],
)
def test_counts_in_one_unit_in_two_languages_are_compared(claim, passage, differ):
    check = _check(claim, passage)
    assert check.stance == CONTRADICTS
    assert len(check.disagree) == differ


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "Jasad korban ditemukan 2 km dari lokasi setelah pencarian 19 jam.",
            "Rescuers found the body 2 kilometres away after searching for 19 hours.",
        ),
        ("Jalur itu ditutup selama 14 hari.", "The route was closed for 14 days."),
    ],
)
def test_counts_in_one_unit_that_agree_support(claim, passage):
    assert _check(claim, passage).stance == SUPPORTS


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        # a depth against a number of people: each the only count of its text
        (
            "Lubang akibat jalan amblas di Lubuk Begalung sedalam 7 meter.",
            "Four people were hurt when a road in Lubuk Begalung caved in.",
        ),
        # a duration against a number of places
        (
            "Sebagian besar kantor pos yang ditutup berada di lima kabupaten.",
            "Violators face a fine or six months in jail.",
        ),
        # two units: a volume per second against a length
        (
            "Seepage through the dam was 21 litres per second.",
            "Inspectors found cracks 14 metres long in the dam.",
        ),
    ],
)
def test_a_count_in_a_unit_is_not_paired_with_a_count_of_another_thing(claim, passage):
    check = _check(claim, passage)
    assert check.stance == RELATED
    assert not check.disagree


def test_one_word_spelt_two_ways_is_still_one_measure():
    # "ton" is no CLDR name of the tonne, but it begins "tonnes": the same thing counted
    check = _check(
        "Pendaratan tuna di Bitung turun menjadi 41.600 ton.",
        "Tuna landings in Bitung fell to 46,100 tonnes.",
    )
    assert check.stance == CONTRADICTS
