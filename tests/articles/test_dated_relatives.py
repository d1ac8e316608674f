"""A relative clause with no comma before it, on the object of its clause's verb, that opens
with its own verb and names a time, tells a dated event of that noun: a claim of its own
("memiliki 212 sumur bor" and "212 sumur bor dibangun sejak 2015"). A relative clause that
defines its noun stays (issue 15, fifth session, split12)."""

from __future__ import annotations

import pytest

from tests.articles.test_structural_rules import article_claims


@pytest.mark.parametrize(
    ("language", "body", "main", "relative", "claim"),
    [
        (
            "id",
            "Kabupaten Watu Ombo memiliki 212 sumur bor yang dibangun sejak 2015.",
            "memiliki 212 sumur bor",
            "yang dibangun sejak 2015",
            "212 sumur bor dibangun sejak 2015",
        ),
        (
            "id",
            "Desa Sidoreja masuk dalam peta zona merah yang diterbitkan Badan Geologi pada 2019.",
            "masuk dalam peta zona merah",
            "yang diterbitkan Badan Geologi pada 2019",
            "eta zona merah diterbitkan Badan Geologi pada 2019",
        ),
        (
            "en",
            "Harlow College spent 12 million pounds on a new library that opened in January.",
            "spent 12 million pounds on a new library",
            "that opened in January",
            "new library opened in January",
        ),
    ],
)
def test_dated_relative_is_its_own_claim(language, body, main, relative, claim):
    found = article_claims(body, language)
    mains = [c for c in found if main in c.text and relative not in c.text]
    relatives = [c for c in found if relative in c.text and main not in c.text]
    assert len(mains) == 1 and len(relatives) == 1, [c.text for c in found]
    assert claim in relatives[0].claim_text, relatives[0].claim_text
    assert relative.split()[-1] not in mains[0].claim_text  # its time is the relative's


@pytest.mark.parametrize(
    ("language", "body", "together"),
    [
        # a ranked noun: the clause says which one
        (
            "id",
            "Veridia menjadi negara pertama yang bergabung dengan pakta itu pada 2020.",
            ("negara pertama", "pada 2020"),
        ),
        # a group defined by the clause after "bagi"/"for"
        (
            "id",
            "Tarif baru hanya berlaku bagi mahasiswa yang masuk pada 2027.",
            ("bagi mahasiswa", "pada 2027"),
        ),
        # "that" opening a clause with its own subject is no relative clause
        (
            "en",
            "The mayor announced on Wednesday that the city would subsidise the vaccine from July.",
            ("announced on Wednesday", "subsidise the vaccine"),
        ),
        # no time of its own: the clause describes its noun
        (
            "id",
            "Penyaluran dilakukan lewat tiga stasiun pengisian yang dikelola koperasi nelayan.",
            ("tiga stasiun", "dikelola koperasi"),
        ),
    ],
)
def test_defining_relative_stays(language, body, together):
    found = article_claims(body, language)
    assert any(all(p in c.text for p in together) for c in found), [c.text for c in found]
