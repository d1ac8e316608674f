"""A headline's name that opens with a common noun ("Koperasi Dana Lestari Makmur") is what
that noun stands for when the body uses it alone (issue 15, extract10): "Koperasi ... itu"
before the body has named it, "Koperasi yang berdiri pada 2009 ..." at a sentence's start.
Each case is an invented article of its own."""

from __future__ import annotations

import pytest

from factcheck.articles.standalone import introduced_names, name_context
from tests.articles.test_anaphora import claim_of

TITLE = "Koperasi Sumber Rezeki Abadi Gagal Bayar Rp 20 Miliar, 900 Anggota Lapor Polisi"
BODY = (
    "Koperasi simpan pinjam di Kota Bukit Asri itu menjanjikan bunga 11 persen setahun. "
    "Sebanyak 900 anggota Koperasi Simpan Pinjam (KSP) Sumber Rezeki Abadi melapor ke "
    "polisi pada Senin. Menurut mereka, koperasi itu menahan simpanan Rp 20 miliar. "
    "Koperasi yang berdiri pada 2011 itu memiliki 4.000 anggota."
)


@pytest.mark.parametrize(
    ("span_words", "expected"),
    [
        # the standfirst, before the body names it: the headline's name; the demonstrative
        # is the first noun's, as a name after "di" takes none
        ("bunga 11 persen", "Koperasi Sumber Rezeki Abadi menjanjikan bunga 11 persen"),
        # a capitalised noun opening a sentence, with its relative clause
        ("berdiri pada 2011", "Sumber Rezeki Abadi berdiri pada 2011"),
        ("4.000 anggota", "Sumber Rezeki Abadi memiliki 4.000 anggota"),
    ],
)
def test_a_noun_the_headline_name_opens_with_stands_for_that_name(span_words, expected):
    assert expected in claim_of(TITLE, BODY, "id", span_words).claim_text


@pytest.mark.parametrize(
    ("title", "body", "introduced"),
    [
        (TITLE, BODY, {"koperasi": "Koperasi Sumber Rezeki Abadi"}),
        # "status" is written in lower case before the name: a word about it, not of it
        (
            "Status Gunung Karang Naik ke Siaga",
            "Badan Geologi menaikkan status Gunung Karang menjadi Siaga. Status gunung itu "
            "berlaku sejak Senin.",
            {},
        ),
        # a noun the body never writes in lower case is no common noun
        (
            "Pasar Sentral Watu Agung Terbakar",
            "Api melalap Pasar Sentral Watu Agung pada Minggu. Pedagang Pasar Sentral Watu "
            "Agung kehilangan dagangan.",
            {},
        ),
    ],
)
def test_only_a_common_noun_written_as_the_names_first_word_counts(title, body, introduced):
    assert introduced_names(title, body, name_context(body, "id")) == introduced


@pytest.mark.parametrize(
    ("body", "span_words", "expected"),
    [
        # a common noun opening a clause, after "Meskipun": the market the article named
        (
            "Kebakaran melanda Pasar Induk Kota Batu Putih pada Sabtu. Api menghanguskan 200 "
            "kios. Meskipun pasar sudah memiliki 20 alat pemadam, sebagian besar alat itu "
            "rusak.",
            "20 alat pemadam",
            "Pasar Induk Kota Batu Putih sudah memiliki 20 alat pemadam",
        ),
        # capitalised for opening the sentence, followed by an auxiliary
        (
            "Kebakaran melanda Pasar Induk Kota Batu Putih pada Sabtu. Pedagang di pasar itu "
            "rugi. Pasar sudah direnovasi pada 2012 dengan biaya Rp 3 miliar.",
            "Rp 3 miliar",
            "Pasar Induk Kota Batu Putih sudah direnovasi pada 2012",
        ),
    ],
)
def test_a_bare_noun_opening_a_clause_is_the_name_it_heads(body, span_words, expected):
    assert expected in claim_of("Kebakaran Pasar", body, "id", span_words).claim_text


def test_a_bare_title_or_place_noun_is_left():
    body = (
        "Banjir melanda Desa Sukamaju pada Sabtu. Warga Desa Sukamaju mengungsi. Warga "
        "sudah menerima 300 paket bantuan."
    )
    claim = claim_of("Banjir", body, "id", "300 paket")
    assert claim.claim_text.startswith("Warga sudah menerima")
