"""A figure phrase after a comma is a fact of its own (issue 15, fourth pass): "X menyita 4,2 juta
batang, dua kali lipat dari periode yang sama" proposes the seizure and the comparison apart,
each with its own span; the comparison's claim text carries the clause it is said of. A change
from an earlier value ("turun dari 10,6 persen") stays with its figure. Each case is an article
of its own."""

from __future__ import annotations

import pytest

from factcheck.articles.extract import extract_article


def _claims(title: str, body: str, language: str):
    found = extract_article(title, body, language)
    for claim in found:
        assert body[claim.start : claim.end] == claim.text  # the span is the article's own
    return found


@pytest.mark.parametrize(
    ("language", "body", "main", "aside", "aside_claim"),
    [
        (
            "id",
            "Balai Karantina Ikan Teluk Biru menggagalkan ekspor 3.200 ekor benih lobster "
            "sepanjang 2026, tiga kali lipat dari jumlah tahun sebelumnya.",
            "benih lobster sepanjang 2026",
            "tiga kali lipat dari jumlah tahun sebelumnya",
            "menggagalkan ekspor 3.200 ekor benih lobster sepanjang 2026, tiga kali lipat",
        ),
        (
            "id",
            "Penyaluran kredit usaha rakyat di Kota Sumber Jaya mencapai Rp 2,1 triliun pada "
            "Juni 2026, dengan suku bunga rata-rata 6,5 persen.",
            "Rp 2,1 triliun",
            "dengan suku bunga rata-rata 6,5 persen",
            "mencapai Rp 2,1 triliun pada Juni 2026, dengan suku bunga",
        ),
        # an English participle after an approximator ("wiping roughly")
        (
            "en",
            "Corvale Mining shares fell 9 percent on Monday, wiping roughly 2 billion dollars "
            "off its market value.",
            "shares fell 9 percent",
            "wiping roughly 2 billion dollars",
            "Corvale Mining shares fell 9 percent on Monday, wiping roughly",
        ),
    ],
)
def test_figure_aside_is_its_own_claim(language, body, main, aside, aside_claim):
    found = _claims("Laporan", body, language)
    mains = [c for c in found if main in c.text and aside not in c.text]
    asides = [c for c in found if aside in c.text and main not in c.text]
    assert len(mains) == 1 and len(asides) == 1, [c.text for c in found]
    assert aside_claim in asides[0].claim_text


@pytest.mark.parametrize(
    ("language", "body", "together"),
    [
        # a change from an earlier value stays with its figure
        (
            "id",
            "Angka pengangguran Kota Sumber Jaya pada Agustus 2026 sebesar 5,2 persen, turun "
            "dari 6,0 persen pada Agustus 2025.",
            ("5,2 persen", "6,0 persen"),
        ),
        (
            "en",
            "Turnout in the Harrow Vale by-election was 61.2 percent, up from 55.4 percent in "
            "2022.",
            ("61.2 percent", "55.4 percent"),
        ),
        # a piece with a verb after its subject is a clause, not a figure aside
        (
            "en",
            "The council spent 4 million pounds on roads in 2025, the mayor said on Monday.",
            ("4 million pounds", "the mayor said"),
        ),
    ],
)
def test_figure_stays_with_its_clause(language, body, together):
    found = _claims("Laporan", body, language)
    assert any(all(part in c.text for part in together) for c in found), [c.text for c in found]
