"""A figure misheard or mistyped: the larger written with a "1" before the smaller's digits
("Rp 5 juta" / "15 million rupiah"), or thirteen to nineteen (of units, thousands,
millions) said as its tens ("15 million" / "50 million"). Such a pair of amounts or counts
disagrees although one is several times the other (SAME_QUANTITY_RATIO), when both are
written in digits with one scale word; a figure in words, with decimals, on another scale,
or a percentage is left unconfirmed as before."""

import pytest

from factcheck.language.anchors import extract_anchors
from factcheck.matching.verify import CONTRADICTS, RELATED, verify


def stance(claim: str, passage: str) -> str:
    mine, theirs = extract_anchors(claim, "id", None), extract_anchors(passage, "en", None)
    return verify(claim, mine, passage, theirs).stance


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        # a "1" before the digits
        (
            "Setiap keluarga menerima bantuan Rp 5 juta.",
            "Each family will receive 15 million rupiah in aid.",
        ),
        (
            "Pemerintah membeli 150 ton beras dari petani.",
            "The government bought 50 tonnes of rice from farmers.",
        ),
        # thirteen to nineteen said as their tens, at any scale
        (
            "Asuransi membayar Rp 50 juta untuk setiap korban.",
            "The insurer paid 15 million rupiah for each victim.",
        ),
        (
            "Pemerintah mengirim 40.000 tabung gas ke pulau itu.",
            "The government sent 14,000 gas cylinders to the island.",
        ),
    ],
)
def test_a_digit_slip_disagrees(claim, passage):
    assert stance(claim, passage) == CONTRADICTS


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        # several times the claim's figure, and no slip: a part beside the whole
        (
            "Setiap keluarga menerima bantuan Rp 5 juta.",
            "Each family will receive 25 million rupiah in aid.",
        ),
        # a number in words is not mistyped into digits
        ("Sembilan warga tewas tersambar petir.", "Lightning killed 19 residents."),
        # percentages: small shares of other things are "5" and "15" by chance too often
        ("Sekitar 9 persen sekolah ditutup.", "About 19 percent of schools were shut."),
        # decimals: 1.5 million is no fifteen
        (
            "Setiap keluarga menerima bantuan Rp 5 juta.",
            "Each family will receive 1.5 million rupiah in aid.",
        ),
        # another scale word: the digits are not the slip
        (
            "Setiap keluarga menerima bantuan Rp 5 juta.",
            "Each family will receive 15,000 rupiah in aid.",
        ),
        # 150 is a hundred and fifty, not fifteen tens
        (
            "Pemerintah mengirim 500 tabung gas ke pulau itu.",
            "The government sent 150 gas cylinders to the island.",
        ),
    ],
)
def test_other_figures_several_times_the_claims_are_left_unconfirmed(claim, passage):
    assert stance(claim, passage) == RELATED
