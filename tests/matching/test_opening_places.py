"""A place's name that opens a sentence with a place noun after it ("Malang city was ...",
"Semarang regency led ...") is a name, although a sentence's first word alone is not."""

import pytest

from factcheck.matching.embedding import embedder
from factcheck.matching.names import named
from factcheck.matching.rank import CONTRADICTS, match_claim
from tests.matching.test_names import embedded_index

MODEL = embedder()  # the bundled model, loaded once per test session


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Malang city was the biggest contributor, with 31 billion rupiah.", ["Malang"]),
        ("Semarang regency led with 214,600 vehicles.", ["Semarang"]),
        ("No one was hurt. Bandung regency had the most applications.", ["Bandung"]),
        ("The city was the biggest contributor.", []),  # a function word
        ("Officials said the city was the biggest contributor.", []),  # no place noun after it
    ],
)
def test_a_sentences_first_word_before_a_place_noun_is_a_name(text, expected):
    assert [a.text for a in named(text, "en", None)] == expected


@pytest.mark.parametrize(
    ("claim", "passage", "reason"),
    [
        (
            "Kota Surabaya menyumbang dana terbesar, Rp 31 miliar.",
            "Malang city was the biggest contributor, with 31 billion rupiah.",
            "name: claim Surabaya ≠ passage Malang",
        ),
        (
            "Kota Semarang menyumbang peserta pemutihan terbanyak, yaitu 214.600 kendaraan.",
            "Semarang regency led with 214,600 vehicles.",
            "name: claim Kota Semarang ≠ passage Semarang regency",
        ),
    ],
)
def test_a_report_opening_with_another_place_contradicts_the_claim(claim, passage, reason):
    texts = [passage, "The city opened a new market on Monday."]
    index = embedded_index(*texts)
    found = {m.passage_id: m for m in match_claim(index, claim, "id", model=MODEL)}
    assert found["p0"].stance == CONTRADICTS
    assert found["p0"].disagree == (reason,)
