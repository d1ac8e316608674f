"""A one-word topic the article gives one name ("practice" -> "Harbour Street Dental
Practice", "pasir" -> "Pasir Sungai Kaliandra") labels the claims that do not name it
(issue 15, extract10). Each case is an invented article of its own."""

from __future__ import annotations

import pytest

from factcheck.articles.standalone import _named_topic
from tests.articles.test_anaphora import claim_of


@pytest.mark.parametrize(
    ("topic", "text", "language", "name"),
    [
        (
            "practice",
            "Patients of Mill Lane Dental Practice were told. The practice shut.",
            "en",
            "Mill Lane Dental Practice",
        ),
        (
            "pasir",
            "Pasir Sungai Merah dikenal bagus. Penambangan pasir marak.",
            "id",
            "Pasir Sungai Merah",
        ),
        # two names for it: none chosen
        ("practice", "Mill Lane Dental Practice and Quay Dental Practice closed.", "en", None),
        # the word inside another name, not opening it
        ("kebakaran", "Dinas Pemadam Kebakaran Kota Batu tiba. Kebakaran meluas.", "id", None),
        # the word not closing the name
        ("practice", "The Dental Practice Board met. The practice shut.", "en", None),
    ],
)
def test_the_one_name_of_a_one_word_topic(topic, text, language, name):
    assert _named_topic(topic, text, language) == name


def test_a_claim_that_does_not_name_the_topic_is_labelled_with_its_name():
    title = "Kelmoor's last NHS dental practice to go private"
    body = (
        "Mill Lane Dental Practice will stop seeing NHS adults in March. The practice has "
        "11,000 NHS patients. Children will still be seen on the NHS. The practice lost "
        "£40,000 on NHS work last year."
    )
    claim = claim_of(title, body, "en", "Children will still")
    assert claim.claim_text.startswith("Mill Lane Dental Practice: Children")
