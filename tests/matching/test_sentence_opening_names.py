"""A person's name that opens a report's sentence keeps its first name when the other text's
name begins with it ("Darwin Hasibuan, who heads ..." against "... is Darwin Harahap"): the
recogniser leaves a sentence's first word out as a capital of grammar."""

import pytest

from factcheck.matching.embedding import embedder
from factcheck.matching.rank import CONTRADICTS, match_claim
from tests.matching.test_names import embedded_index
from tests.matching.test_respelt_names import partial

MODEL = embedder()  # the bundled model, loaded once per test session


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (  # the passage's sentence opens with the name
            "The head of the city's transport agency is Darwin Harahap.",
            "Darwin Hasibuan, who heads the city's transport agency, said drivers could pay.",
            [("Darwin Harahap", "Darwin Hasibuan")],
        ),
        (  # after another sentence
            "The head of the public order agency is Dedi Supriadi.",
            "No one was hurt. Dedi Suryadi, head of the city's public order agency, said so.",
            [("Dedi Supriadi", "Dedi Suryadi")],
        ),
        (  # both sentences open with the name: the first name is kept on both sides
            "Retno Wulandari heads the city's agriculture office.",
            "Retno Wulansari, who heads the city's agriculture office, said aid would come.",
            [("Retno Wulandari", "Retno Wulansari")],
        ),
        (  # the claim's sentence opens with the name, the passage's does not
            "Hartono Wibisono is the traffic director of the provincial police.",
            "The fine is up to 250,000 rupiah, said traffic director Hartono Wibowo.",
            [("Hartono Wibisono", "Hartono Wibowo")],
        ),
    ],
)
def test_a_name_opening_a_sentence_keeps_the_first_name_the_other_name_has(
    claim, passage, expected
):
    assert partial(claim, passage) == expected


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (  # the same person, whose name opens the passage's sentence
            "The head of the city's transport agency is Darwin Harahap.",
            "Darwin Harahap, who heads the city's transport agency, said drivers could pay.",
        ),
        (  # the sentence's first word is no first name of the claim's person
            "The head of the city's transport agency is Darwin Harahap.",
            "Officials Hasibuan and others said drivers could pay.",
        ),
        (  # another person with no first name shared
            "The head of the city's transport agency is Darwin Harahap.",
            "Budi Hasibuan, who heads the city's transport agency, said drivers could pay.",
        ),
    ],
)
def test_a_sentences_first_word_counts_only_as_the_other_names_first_name(claim, passage):
    assert partial(claim, passage) == []


def test_a_sentence_opening_surname_needs_a_passage_relevant_enough_to_support():
    claim = "The head of the city's transport agency is Darwin Harahap."
    passage = "Darwin Hasibuan, who heads the city's transport agency, said drivers could pay."
    assert partial(claim, passage, surnames=False) == []


def test_a_report_opening_with_another_surname_contradicts_the_claim():
    claim = "The head of Medan's transport agency is Darwin Harahap."
    passage = (
        "Darwin Hasibuan, who heads the city's transport agency, said drivers without a card "
        "could pay with a phone."
    )
    texts = [passage, "The city opened a new market on Monday."]
    index = embedded_index(*texts)
    found = {m.passage_id: m for m in match_claim(index, claim, "en", model=MODEL)}
    assert found["p0"].stance == CONTRADICTS
    assert found["p0"].disagree == ("name: claim Darwin Harahap ≠ passage Darwin Hasibuan",)
