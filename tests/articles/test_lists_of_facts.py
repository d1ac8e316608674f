"""Lists of facts (issue 15): predicates joined by "dan"/"and" that each state a fact are
split, each with its own span; a list that is one fact stays whole. The structural
difference: a fact of its own has its own verb, of the same voice as the first ("berlaku
... dan memungkinkan", both active), or its own figure after its own verb when the tense
differs ("holds 74 million ... and spent 12 million ..."); one verb governing a list
("menampung 5.000 warga dan 300 ternak"), or a change of voice ("mampu menampung ... dan
dibangun"), is one claim. A second subject with a figure and no verb ("... and Ashby Farms
2.5 million pounds") is gapping: a fact written with the verb it leaves out. Each case is an
article written for the test."""

from __future__ import annotations

import pytest

from tests.articles.test_structural_rules import _alone, article_claims


def _split(body: str, language: str, first: str, second: str):
    """The proposal holding ``second``, apart from the one holding ``first``."""
    found = article_claims(body, language)
    _alone(found, first, second)
    return _alone(found, second, first)


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
    split = _split(body, language, first, second)
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
    found = article_claims(body, language)
    assert any(whole in c.text for c in found), [c.text for c in found]


@pytest.mark.parametrize(
    ("language", "body", "first", "second", "second_claim"),
    [
        # gapping: the second conjunct leaves out the verb, which its claim text takes back
        (
            "en",
            "The regulator fined two dairies on Monday. Norfield must pay 6 million pounds "
            "and Ashby Farms 2.5 million pounds.",
            "Norfield must pay 6 million pounds",
            "Ashby Farms 2.5 million pounds",
            "Ashby Farms must pay 2.5 million pounds",
        ),
        (
            "id",
            "Banjir melanda dua kecamatan pada Senin. Sukamaju menampung 1.200 pengungsi dan "
            "Cibening 800 pengungsi.",
            "Sukamaju menampung 1.200 pengungsi",
            "Cibening 800 pengungsi",
            "Cibening menampung 800 pengungsi",
        ),
    ],
)
def test_a_gapped_conjunct_is_a_fact_with_the_verb_it_leaves_out(
    language, body, first, second, second_claim
):
    split = _split(body, language, first, second)
    assert split.claim_text.startswith(second_claim)


@pytest.mark.parametrize(
    ("language", "body", "whole"),
    [
        # two figures after one verb, no second subject: one fact
        (
            "en",
            "The fund reported on Friday. The fund paid 14 million pounds and 2 million euros "
            "in grants.",
            "paid 14 million pounds and 2 million euros",
        ),
        # a second subject with its own verb is no gap (the second-predicate rules decide)
        (
            "en",
            "The regulator fined two dairies on Monday. Norfield must pay 6 million pounds and "
            "Ashby Farms said it would appeal.",
            "Ashby Farms said",
        ),
    ],
)
def test_no_gap_without_a_second_subject_and_figure(language, body, whole):
    found = article_claims(body, language)
    hits = [c for c in found if whole in c.text]
    assert hits, [c.text for c in found]
    assert all(c.claim_text.count("must pay") <= 1 for c in found)
