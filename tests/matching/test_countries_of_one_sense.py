"""Two countries (places CLDR knows) found by their roles alone, each right after a locative
of one sense ("ke" / "to", "dari" / "from", "di" / "in"), fill one slot of the statement: a
report that sends the claim's goods to another country contradicts it. Of two senses, or
below SWAP_RELEVANCE, or beside the claim's own country, they are left alone."""

import pytest

from factcheck.language.anchors import extract_anchors
from factcheck.matching import rank
from factcheck.matching.names import countries_of_one_sense
from tests.matching import test_kind_roles

SUPPORTING = rank.SWAP_RELEVANCE + 10


def stance(claim: str, passage: str, relevance: float = SUPPORTING) -> str:
    return test_kind_roles.stance(claim, passage, relevance, "en")


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "Koperasi itu akan mulai mengekspor kopi ke Jepang pada 2027.",
            "The cooperative plans to start selling abroad, to Brazil, in 2027.",
        ),
        (
            "Bibit kelapa sawit itu didatangkan dari Malaysia.",
            "The oil palm seedlings were brought in from Thailand.",
        ),
        (
            "Pameran kerajinan itu akan berlangsung di Singapura bulan depan.",
            "Next month the crafts show opens in Japan.",
        ),
        (
            "Perusahaan itu memasok kabel listrik ke Vietnam.",
            "The company supplies power cables to Kenya.",
        ),
    ],
)
def test_two_countries_after_one_sense_of_locative_disagree(claim, passage):
    assert stance(claim, passage) == rank.CONTRADICTS


@pytest.mark.parametrize(
    ("claim", "passage", "relevance"),
    [
        # two senses: where the coffee goes is not where the seedlings come from
        (
            "Koperasi itu akan mulai mengekspor kopi ke Jepang pada 2027.",
            "The cooperative will start exporting coffee grown from seedlings from Brazil in 2027.",
            SUPPORTING,
        ),
        # too far from the claim to say the two fill one slot
        (
            "Bibit kelapa sawit itu didatangkan dari Malaysia.",
            "The oil palm seedlings were brought in from Thailand.",
            rank.SWAP_RELEVANCE - 5,
        ),
        # the passage names the claim's country too: another destination, added
        (
            "Koperasi itu akan mulai mengekspor kopi ke Jepang pada 2027.",
            "The cooperative will ship coffee to Japan in 2027, and to Brazil later.",
            SUPPORTING,
        ),
    ],
)
def test_other_countries_are_left_alone(claim, passage, relevance):
    assert stance(claim, passage, relevance) != rank.CONTRADICTS


def _place(text: str, lang: str):
    return next(a for a in extract_anchors(text, lang) if a.kind == "place")


@pytest.mark.parametrize(
    ("claim", "passage", "one_sense"),
    [
        ("Kopi itu dikirim ke Jepang.", "The coffee went to Brazil.", True),
        ("Kopi itu datang dari Jepang.", "The coffee came from Brazil.", True),
        ("Kopi itu dikirim ke Jepang.", "The coffee came from Brazil.", False),
        # no locative before it: a country named as a party, not a place something is at
        ("Jepang membeli kopi itu.", "The coffee went to Brazil.", False),
    ],
)
def test_which_pairs_are_countries_of_one_sense(claim, passage, one_sense):
    mine, theirs = _place(claim, "id"), _place(passage, "en")
    assert countries_of_one_sense(claim, mine, passage, theirs) == one_sense
