"""Lists of facts (issue 15): predicates joined by "dan"/"and" that each state a fact are
split, each with its own span; a list that is one fact stays whole. The structural
difference: a fact of its own has its own verb, of the same voice as the first ("berlaku
... dan memungkinkan", both active), or its own figure after its own verb when the tense
differs ("holds 74 million ... and spent 12 million ..."); one verb governing a list
("menampung 5.000 warga dan 300 ternak"), or a change of voice ("mampu menampung ... dan
dibangun"), is one claim. Each case is an article written for the test."""

from __future__ import annotations

import pytest

from tests.articles.test_structural_rules import _alone, _claims


@pytest.mark.parametrize(
    ("language", "body", "first", "second", "second_claim"),
    [
        # Indonesian "ber-" and "meN-" verbs are both active: one subject, two facts
        (
            "id",
            "Pemkab Lembah Sari menetapkan status tanggap darurat pada Senin. Status itu "
            "berlaku 14 hari dan mengizinkan dinas membeli obat tanpa tender.",
            "berlaku 14 hari",
            "mengizinkan dinas",
            "mengizinkan dinas membeli obat",
        ),
        (
            "id",
            "Pabrik semen itu dibuka pada 2019. Pabrik tersebut berproduksi sejak Maret dan "
            "menyerap 800 pekerja dari tiga desa.",
            "berproduksi sejak Maret",
            "menyerap 800 pekerja",
            "menyerap 800 pekerja",
        ),
        # a change of tense, each predicate with its own figure
        (
            "en",
            "Harwick Council published its accounts on Monday. The council holds 40 million "
            "pounds in reserves and spent 9 million pounds on a new depot last year.",
            "holds 40 million pounds",
            "spent 9 million pounds",
            "spent 9 million pounds",
        ),
        (
            "en",
            "Dunmore Water was fined in May. The company employs 1,200 people and paid "
            "3 million pounds in dividends in 2025.",
            "employs 1,200 people",
            "paid 3 million pounds",
            "paid 3 million pounds",
        ),
    ],
)
def test_each_fact_of_a_list_is_split(language, body, first, second, second_claim):
    found = _claims(body, language)
    _alone(found, first, second)
    split = _alone(found, second, first)
    assert split.kind == "fact"
    assert second_claim in split.claim_text
    assert split.text.split()[0].lower() not in ("dan", "and")


@pytest.mark.parametrize(
    ("language", "body", "whole"),
    [
        # one verb governing a list: the list is the fact
        (
            "id",
            "Banjir melanda Desa Rawa Jaya pada Selasa. Balai desa menampung 5.000 warga dan "
            "300 ternak selama tiga hari.",
            "menampung 5.000 warga dan 300 ternak",
        ),
        # a change of voice stays one claim, figures on both sides or not
        (
            "id",
            "Presiden meresmikan Bendungan Waru pada Kamis. Bendungan itu mampu menampung "
            "12 juta meter kubik air dan dibangun dengan biaya Rp 900 miliar.",
            "mampu menampung 12 juta meter kubik air dan dibangun dengan biaya Rp 900 miliar",
        ),
        # a change of tense without a figure on the second predicate stays whole
        (
            "en",
            "The bakery opened in 2019. The bakery employs 40 people and was praised by "
            "local reviewers.",
            "employs 40 people and was praised",
        ),
    ],
)
def test_a_list_that_is_one_fact_stays_whole(language, body, whole):
    found = _claims(body, language)
    assert any(whole in c.text for c in found), [c.text for c in found]
