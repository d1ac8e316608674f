"""An Indonesian word shaped like a prefixed verb ("ber-", "di-", "me-", "ter-" and three
letters or more) is a verb only when it is no root word of its own: "berita", "dispensasi",
"terpal", "metode" and "dinding" are nouns, which the shape alone called verbs (the topic
"dispensasi kawin" was cut to "kawin", a sentence's subject "Dinding belakang rumah itu" was
read as a predicate). The root words are the Sastrawi stemmer's dictionary, shipped in its
wheel."""

from __future__ import annotations

import pytest

from factcheck.articles.standalone import name_context
from factcheck.articles.topic import main_topic
from factcheck.language.syntax import first_verb, is_verb
from factcheck.language.vocabulary import indonesian_roots


@pytest.mark.parametrize(
    "word", ["berita", "dispensasi", "terpal", "metode", "dinding", "ternak", "dirinya"]
)
def test_a_root_word_shaped_like_a_prefixed_verb_is_no_verb(word):
    assert not is_verb(word, "id")


@pytest.mark.parametrize(
    "word", ["dibongkar", "mengatakan", "bertambah", "terjadi", "dievaluasi", "menyebut"]
)
def test_a_prefix_on_a_root_is_a_verb(word):
    assert is_verb(word, "id")


def test_the_roots_ship_with_the_package_and_are_many():
    roots = indonesian_roots()
    assert len(roots) > 25_000
    assert {"rumah", "bongkar", "evaluasi"} <= roots


def test_a_subject_opening_with_a_root_word_is_not_read_as_its_verb():
    text = "Dinding belakang rumah itu dibongkar pada Agustus."
    assert first_verb(text, "id").text == "dibongkar"


def test_a_loan_noun_in_the_headline_stays_in_the_topic():
    title = "Permohonan Dispensasi Kawin di Waru Gading Naik 40 Persen"
    body = (
        "Pengadilan Agama Waru Gading menerima 312 permohonan dispensasi kawin hingga akhir "
        "November. Dispensasi kawin diajukan karena usia minimal menikah 19 tahun. Hakim "
        "mengabulkan 290 permohonan dispensasi kawin tahun ini."
    )
    assert main_topic(title, body, "id", name_context(body, "id")) == "dispensasi kawin"
