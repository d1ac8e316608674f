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
PLACE = (
    "Kemiskinan Rawa Sari Turun ke 8 Persen",
    "Badan Pusat Statistik mencatat angka kemiskinan di Kabupaten Rawa Sari turun ke 8 "
    "persen pada 2025. Kemiskinan di perdesaan masih 11 persen. Sebanyak 40.000 warga "
    "menerima bantuan pangan. Kemiskinan Rawa Sari tertinggi di kecamatan pesisir.",
)


@pytest.mark.parametrize(
    ("article", "span_words", "expected"),
    [
        # the name after the topic in the headline, which the body writes as a name
        (STOCK, "belum dibayar", "Oli Bengkel Sinar Jaya: Tagihan Rp 90 juta"),
        # the name the body writes right after the topic, elsewhere in the headline
        (VISITORS, "12 pedagang", "Pengunjung Goa Lawa: "),
    ],
)
def test_topic_label_with_its_owner(article, span_words, expected):
    title, body = article
    claim = claim_of(title, body, "id", span_words)
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
        # English topics are labelled as they were
        (
            (
                "Stowe Bakery cuts bread output",
                "Stowe Bakery said bread output fell by a third. The bread is sold in 40 shops.",
            ),
            "bread",
            "en",
        ),
    ],
)
def test_no_owner_label(article, topic, language):
    title, body = article
    assert owned_label(topic, title, body, language) is None
