"""An Indonesian topic word labels a claim with the headline's name that owns it ("Stok Air
Bersih PDAM Tirta Lestari ..." -> "Air bersih PDAM Tirta Lestari: ..."; "pengunjung Goa
Lawa" where the body writes it so), not with the bare word ("Air: ..."), so the label says
whose topic it is (issue 15, extract13). Each case is an article of its own, written for
these tests; the last cases must be left alone."""

from __future__ import annotations

import pytest

from factcheck.articles.standalone import name_context
from factcheck.articles.topic import main_topic, owned_label
from tests.articles.test_anaphora import claim_of

STOCK = (
    "Stok Oli Bengkel Sinar Jaya Habis, Sopir Angkot Antre",
    "Persediaan oli di bengkel milik koperasi sopir itu habis sejak Senin. Oli dipasok dari "
    "Surabaya setiap pekan. Bengkel Sinar Jaya melayani sekitar 300 angkot setiap hari. "
    "Pemasok oli menunda pengiriman karena tagihan Rp 90 juta belum dibayar. Oli yang "
    "tersisa hanya cukup untuk dua hari. Tagihan Rp 90 juta itu menumpuk sejak Juli.",
)
VISITORS = (
    "Tarif Goa Lawa Naik Dua Kali Lipat, Pengunjung Berkurang",
    "Pemerintah desa menaikkan tarif masuk Goa Lawa menjadi Rp 20.000 sejak September. "
    "Jumlah pengunjung Goa Lawa pada September hanya 2.100 orang. Pada Agustus jumlahnya "
    "4.000 orang. Pengunjung kini memilih pantai di desa tetangga. Sebanyak 12 pedagang "
    "menutup warungnya bulan lalu.",
)
REPAIRS = (
    "Dunmere's streetlight repair backlog grows to 3,000 as council cuts crews",
    "The backlog of broken streetlights waiting to be fixed across Dunmere has grown to "
    "3,000, a report to the council shows. The report says the average wait is now 60 days. "
    "Crews were cut from eight to five in April, and the backlog has doubled since then.",
)
VOTE = (
    "Fenwick council votes to sell Mill Green",
    "Fenwick Borough Council voted on Monday to sell Mill Green to a developer for £2 "
    "million. The council says it needs the money. Mill Green is the last open field in "
    "Lanford, a village in the north of the borough of Fenwick. The developer plans 80 "
    "homes in Lanford. Most children in Lanford play there. The "
    "council bought the land in 1950. Hartshire County Council must still approve the "
    "sale, and the council's leader said it was hard.",
)
PLACE = (
    "Kemiskinan Rawa Sari Turun ke 8 Persen",
    "Badan Pusat Statistik mencatat angka kemiskinan di Kabupaten Rawa Sari turun ke 8 "
    "persen pada 2025. Kemiskinan di perdesaan masih 11 persen. Sebanyak 40.000 warga "
    "menerima bantuan pangan. Kemiskinan Rawa Sari tertinggi di kecamatan pesisir.",
)


@pytest.mark.parametrize(
    ("article", "span_words", "expected"),
    [
        # Indonesian: the name after the topic in the headline, which the body writes as a
        # name
        (STOCK, "belum dibayar", "Oli Bengkel Sinar Jaya: Tagihan Rp 90 juta"),
        # the name the body writes right after the topic, elsewhere in the headline
        (VISITORS, "12 pedagang", "Pengunjung Goa Lawa: "),
        # English: the one-word name before the topic and its modifiers in the headline
        (REPAIRS, "60 days", "Dunmere's streetlight repair backlog: "),
    ],
)
def test_topic_label_with_its_owner(article, span_words, expected):
    title, body = article
    language = "en" if article is REPAIRS else "id"
    claim = claim_of(title, body, language, span_words)
    assert claim.claim_text.startswith(expected), claim.claim_text


@pytest.mark.parametrize(
    ("article", "span_words", "expected"),
    [
        # a claim that names the owner, or the topic word, needs no label
        (STOCK, "Bengkel Sinar Jaya melayani", "Bengkel Sinar Jaya melayani"),
        (STOCK, "Pemasok oli", "Pemasok oli menunda pengiriman"),
        (VISITORS, "Jumlah pengunjung Goa Lawa", "Jumlah pengunjung Goa Lawa"),
        # the topic that demonstratives are resolved with stays the word ("Tagihan ... itu")
        (STOCK, "menumpuk sejak Juli", "Tagihan oli Rp 90 juta menumpuk"),
    ],
)
def test_claims_naming_it_unlabelled(article, span_words, expected):
    title, body = article
    claim = claim_of(title, body, "id", span_words)
    assert claim.claim_text.startswith(expected), claim.claim_text


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("Lanford", "Fenwick council"),
        # the owner is the article's place with no modifiers: carried as a place instead
        ("Fenwick", None),
    ],
)
def test_english_owner_before_the_topic(place, expected):
    title, body = VOTE
    known = name_context(body, "en").known
    assert owned_label("council", title, body, "en", known, place) == expected


def test_topic_itself_unchanged():
    """Only the label changes: the topic stays the headline's word."""
    title, body = STOCK
    assert main_topic(title, body, "id", name_context(body, "id")) == "oli"
    assert owned_label("oli", title, body, "id") == "oli Bengkel Sinar Jaya"


@pytest.mark.parametrize(
    ("article", "topic", "language"),
    [
        # the headline's name after the topic is the article's place ("Kabupaten Rawa
        # Sari"): carried as a place, no owner
        (PLACE, "kemiskinan", "id"),
        # an English verb in the present before the topic is no modifier ("raises")
        (
            (
                "Brenton raises minimum wage by 6 percent",
                "Brenton's government said the minimum wage will rise in May. Brenton has "
                "1.2 million workers. The minimum wage was last raised in 2024.",
            ),
            "minimum wage",
            "en",
        ),
    ],
)
def test_no_owner_label(article, topic, language):
    title, body = article
    assert owned_label(topic, title, body, language) is None
