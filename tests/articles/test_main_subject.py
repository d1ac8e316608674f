"""The article's main subject named in claims that point to it (issue 15, extract9): a
headline's name that the body introduces with a common noun ("Kapal motor KM Sinar Laut")
is what "kapal itu" stands for. Each case is an invented article of its own."""

from __future__ import annotations

import pytest

from factcheck.articles.standalone import Discourse, introduced_names, name_context
from tests.articles.test_anaphora import claim_of

BOAT_TITLE = "KM Sinar Laut Tenggelam di Teluk Ambar, 5 Penumpang Hilang"
BOAT = (
    "Kapal motor penumpang KM Sinar Laut tenggelam di Teluk Ambar pada Senin (3/11/2026). "
    "Kapal kayu itu berlayar dari Pelabuhan Batu Kecil menuju Pulau Rangka. Polisi memeriksa "
    "manifes, padahal kapasitas resmi kapal itu 40 orang.\n"
    "Tim SAR masih mencari lima penumpang."
)


def test_a_headline_name_introduced_with_a_noun_is_what_that_noun_stands_for():
    assert introduced_names(BOAT_TITLE, BOAT, name_context(BOAT, "id")) == {
        "kapal": "KM Sinar Laut"
    }
    opening = claim_of(BOAT_TITLE, BOAT, "id", "berlayar dari")
    assert opening.claim_text.startswith("KM Sinar Laut berlayar dari Pelabuhan Batu Kecil")
    inner = claim_of(BOAT_TITLE, BOAT, "id", "kapasitas resmi")
    assert "resmi KM Sinar Laut 40 orang" in inner.claim_text


def test_a_noun_the_headline_writes_before_the_name_is_what_it_owns():
    title = "Status Gunung Lawu Naik ke Siaga"
    body = "PVMBG menaikkan status Gunung Lawu pada Senin. Status itu berlaku sejak pukul 10.00."
    assert introduced_names(title, body, name_context(body, "id")) == {}


def test_a_name_the_article_places_things_in_introduces_nothing():
    title = "Banjir Rob Rendam Tanjung Asri"
    body = (
        "Banjir merendam pesisir Tanjung Asri. Warga di Tanjung Asri mengungsi. Pesisir itu rendah."
    )
    assert introduced_names(title, body, name_context(body, "id")) == {}


GALLERY_TITLE = "Two Ada Brill paintings stolen from Marlow Gallery"
GALLERY = (
    "Thieves were inside the gallery for six minutes, police said.\n"
    "Two paintings by Ada Brill were stolen from the Marlow Gallery in Fenby on Tuesday. "
    "Detective Inspector Rosa Kemp of Fenby Police said two men entered through a skylight. "
    "She said officers took 17 minutes to arrive.\n"
    "The gallery will stay closed until Monday."
)


def test_the_noun_a_headline_name_ends_in_names_it_inside_a_clause():
    claim = claim_of(GALLERY_TITLE, GALLERY, "en", "inside the gallery")
    assert "inside Marlow Gallery for six minutes" in claim.claim_text


def test_the_speaker_the_noun_a_headline_name_ends_in():
    title = "Oakvale University to cut 210 jobs"
    body = (
        "The university says a 31 million pound deficit leaves it no choice.\n"
        "Oakvale University will cut 210 jobs by July, and Oakvale University staff voted "
        "to strike."
    )
    assert claim_of(title, body, "en", "pound deficit").claimant == "Oakvale University"


def test_she_after_a_titled_speaker_the_title_list_does_not_know_is_that_speaker():
    claim = claim_of(GALLERY_TITLE, GALLERY, "en", "officers took")
    assert claim.claimant == "Detective Inspector Rosa Kemp"
    assert "She" not in claim.claim_text


@pytest.mark.parametrize(
    ("language", "title", "body", "named"),
    [
        # a title-case headline runs the name into its verb; the body's name is found in it,
        # and the noun the body introduces it with counts as a mention
        ("id", BOAT_TITLE, BOAT, "KM Sinar Laut"),
        # the longer headline name, not its first word the body repeats
        (
            "en",
            "Tarnwell Air halts all flights, stranding 9,000 passengers",
            "Regional carrier Tarnwell Air suspended all flights on Monday. Tarnwell staff "
            "were told to stay home. Tarnwell said 9,000 passengers were abroad.",
            "Tarnwell Air",
        ),
        # a name's last word alone is a short form of it
        (
            "en",
            "Storm Vella leaves 30,000 homes without power on the Farrow coast",
            "Storm Vella brought winds of 90mph on Sunday. Vella cut power to 30,000 homes "
            "on the Farrow coast, and schools on the Farrow coast stayed shut.",
            "Storm Vella",
        ),
        # a body named after the article's place, as the headline names it
        (
            "en",
            "Dunmere County Council votes to close 9 of its 30 pools",
            "Dunmere County Council voted on Tuesday to shut nine pools in Dunmere. Visits "
            "to pools in Dunmere fell by a third, and residents in Dunmere protested.",
            "Dunmere County Council",
        ),
        # the place with its place noun is no subject
        (
            "id",
            "Kemarau Panjang, 41 Desa di Kabupaten Batu Kapur Krisis Air",
            "Sebanyak 41 desa di Kabupaten Batu Kapur kekurangan air. BPBD Batu Kapur "
            "mengirim air ke desa di Batu Kapur. Warga Batu Kapur antre sejak pagi.",
            None,
        ),
    ],
)
def test_the_name_a_headline_without_a_topic_word_is_about(language, title, body, named):
    discourse = Discourse.of(body, language, title)
    assert discourse.topic is None
    assert discourse.named == named


def test_an_english_topic_keeps_the_name_before_it_in_the_headline():
    title = "Two Ada Brill paintings worth £3m stolen from Fenby gallery"
    body = (
        "Two paintings by Ada Brill were stolen on Tuesday. The paintings were insured for "
        "£3m. The paintings had been on loan since May."
    )
    discourse = Discourse.of(body, "en", title)
    assert discourse.topic == "Ada Brill paintings"
    claim = claim_of(title, body, "en", "on loan since May")
    assert claim.claim_text.startswith("Ada Brill paintings: ")


def test_an_abbreviation_defined_in_brackets_is_written_out_in_claim_texts():
    title = "Tagihan PBB Sungai Rawa Naik 200 Persen"
    body = (
        "Warga memprotes tagihan pajak bumi dan bangunan (PBB) yang melonjak pada Senin. "
        "Kepala Badan Pendapatan Daerah (Bapenda) Sungai Rawa, Yusuf Lubis, berbicara pada "
        "Selasa. Penerimaan PBB tahun lalu hanya Rp 21 miliar. Bapenda menargetkan Rp 58 "
        "miliar pada 2026."
    )
    defined = Discourse.of(body, "id", title).defined
    assert defined == {"PBB": "pajak bumi dan bangunan", "Bapenda": "Badan Pendapatan Daerah"}
    claim = claim_of(title, body, "id", "Rp 21 miliar")
    assert "Penerimaan pajak bumi dan bangunan (PBB) tahun lalu" in claim.claim_text
    claim = claim_of(title, body, "id", "Rp 58")
    assert claim.claim_text.startswith("Badan Pendapatan Daerah (Bapenda) menargetkan")


TITLED = (
    "Sebanyak 20 sapi mati di Kabupaten Watu Lima sejak November. Bupati Watu Lima, Simon "
    "Lede, menetapkan status kejadian luar biasa pada Rabu (2/12/2026). Kepala Dinas "
    "Peternakan, Markus Riwu, mengatakan vaksin tersedia bagi 4.000 sapi. Camat Watu "
    "Utara, Drs. Yohan Bria, mengatakan pos pemeriksaan dibuka di 3 desa."
)


@pytest.mark.parametrize(
    ("span_words", "opening", "claimant"),
    [
        ("menetapkan status", "Bupati Watu Lima, Simon Lede, menetapkan status", None),
        ("vaksin tersedia", "Kepala Dinas Peternakan, Markus Riwu, mengatakan", "Markus Riwu"),
        ("pos pemeriksaan", "Camat Watu Utara, Drs. Yohan Bria, mengatakan", "Drs. Yohan Bria"),
    ],
)
def test_a_title_in_apposition_before_the_name_stays_with_the_subject(
    span_words, opening, claimant
):
    claim = claim_of("Antraks Merebak di Watu Lima, 20 Sapi Mati", TITLED, "id", span_words)
    assert claim.claim_text.startswith(opening)
    assert claim.claimant == claimant  # the person, without the title
