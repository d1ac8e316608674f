""" "Nearly" a figure written in digits is just under it: what rounds to it at its last digit
("hampir 1.900": 1,850 to 1,900), within a tenth; "nearly" a fraction or a number in words
is rougher, a tenth under it ("hampir dua pertiga": 60 to 66.7 percent)."""

import pytest

from factcheck.language.anchors import extract_anchors
from factcheck.matching.verify import CONTRADICTS, SUPPORTS, verify


def stance(claim: str, passage: str) -> str:
    mine, theirs = extract_anchors(claim, "id", None), extract_anchors(passage, "en", None)
    return verify(claim, mine, passage, theirs).stance


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        ("Hampir 1.900 ekor sapi mati.", "In all, 1,870 cattle died.", SUPPORTS),
        ("Hampir 1.900 ekor sapi mati.", "In all, 1,780 cattle died.", CONTRADICTS),
        ("Hampir 1.900 ekor sapi mati.", "In all, 1,950 cattle died.", CONTRADICTS),
        ("Hampir 30 rumah terbakar.", "Fire destroyed 28 houses.", SUPPORTS),
        ("Hampir 30 rumah terbakar.", "Fire destroyed 24 houses.", CONTRADICTS),
        # "nearly 100": a tenth under it, not half of its one significant digit
        ("Hampir 100 rumah terbakar.", "Fire destroyed 93 houses.", SUPPORTS),
        ("Hampir 100 rumah terbakar.", "Fire destroyed 60 houses.", CONTRADICTS),
        # a fraction in words is rough
        (
            "Hampir dua pertiga guru berstatus honorer.",
            "Some 62 percent of teachers are contract staff.",
            SUPPORTS,
        ),
    ],
)
def test_nearly(claim, passage, expected):
    assert stance(claim, passage) == expected
