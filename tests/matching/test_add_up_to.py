"""The "up to" of the phrasal verb "add up to" says a total, not a maximum: "the arrears add
up to 10.3 billion rupiah" disagrees with "Rp 10,1 miliar", which a maximum would allow."""

import pytest

from factcheck.language.anchors import extract_anchors
from factcheck.matching.verify import CONTRADICTS, verify


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("The unpaid allowances add up to 10.3 billion rupiah.", None),
        ("Losses added up to 2 billion rupiah.", None),
        ("The bill adds up to 500,000 rupiah a month.", None),
        ("She faces a fine of up to 5 billion rupiah.", "at_most"),
        ("Fines can go up to 5 billion rupiah.", "at_most"),
    ],
)
def test_add_up_to_is_no_maximum(text, qualifier):
    (found,) = [a for a in extract_anchors(text, "en", None) if a.kind == "money"]
    assert found.qualifier == qualifier


def test_a_total_that_adds_up_to_another_amount_disagrees():
    claim = "Tunggakan honor guru honorer Banggai mencapai Rp 10,1 miliar."
    passage = "The unpaid allowances add up to 10.3 billion rupiah, the association said."
    mine, theirs = extract_anchors(claim, "id", None), extract_anchors(passage, "en", None)
    assert verify(claim, mine, passage, theirs).stance == CONTRADICTS
