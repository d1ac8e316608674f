"""A figure phrase after a comma is a fact of its own (issue 15, fourth pass): "X menyita 4,2 juta
batang, dua kali lipat dari periode yang sama" proposes the seizure and the comparison apart,
each with its own span; the comparison's claim text carries the clause it is said of. A change
from an earlier value ("turun dari 10,6 persen") stays with its figure, unless it names the
earlier value's own time ("up from 610 parcels in 2024", "naik dari 15 kali pada tahun
lalu"): the earlier value then is a fact of its own (fifth session, split12); a share against
an earlier share ("61.2 percent, up from 55.4 percent in 2022") stays one trend. Each case is
an article of its own."""

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
        # a participle's figure of more than one digit ("leaving 14 passengers")
        (
            "en",
            "Corvale Mining closed its Harlow pit on Monday, leaving 140 miners without work.",
            "closed its Harlow pit",
            "leaving 140 miners",
            "Corvale Mining closed its Harlow pit on Monday, leaving 140 miners",
        ),
        # a change that names the earlier value's time: that value is a fact of its own
        (
            "en",
            "The Harrow Vale food bank handed out 940 parcels in 2026, up from 610 parcels "
            "in 2024.",
            "handed out 940 parcels",
            "up from 610 parcels in 2024",
            "food bank handed out 940 parcels in 2026, up from 610 parcels",
        ),
        (
            "id",
            "Dinas Sosial Kota Sumber Jaya mencatat 410 keluarga penerima bantuan sepanjang "
            "2026, naik dari 320 keluarga pada tahun lalu.",
            "410 keluarga",
            "naik dari 320 keluarga pada tahun lalu",
            "mencatat 410 keluarga penerima bantuan sepanjang 2026, naik dari 320 keluarga",
        ),
        (
            "id",
            "Kejaksaan Negeri Watu Ombo mencatat lima kasus korupsi dana desa disidangkan pada "
            "2025, dibanding sembilan kasus pada 2023.",
            "disidangkan pada 2025",
            "dibanding sembilan kasus pada 2023",
            "lima kasus korupsi dana desa disidangkan pada 2025, dibanding sembilan kasus",
        ),
        (
            "en",
            "The county's roads budget for 2026 is 18.2 million pounds, down from 22.9 million "
            "pounds two years earlier.",
            "is 18.2 million pounds",
            "down from 22.9 million pounds two years earlier",
            "roads budget for 2026 is 18.2 million pounds, down from 22.9 million pounds",
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
        (
            "en",
            "The Harrow Vale food bank handed out 940 parcels, up from 610 parcels.",
            ("940 parcels", "610 parcels"),
        ),
        (
            "id",
            "Dinas Sosial Kota Sumber Jaya mencatat 410 keluarga penerima bantuan, naik dari "
            "320 keluarga.",
            ("410 keluarga", "320 keluarga"),
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


@pytest.mark.parametrize(
    ("language", "body", "main", "earlier_time"),
    [
        (
            "en",
            "The Harrow Vale food bank handed out 940 parcels, up from 610 parcels at the "
            "last count in 2021.",
            "handed out 940 parcels",
            "2021",
        ),
        (
            "en",
            "The average class in Harrow Vale now has 31 pupils, compared with 26 in 2015.",
            "now has 31 pupils",
            "2015",
        ),
    ],
)
def test_earlier_time_is_not_the_main_clauses(language, body, main, earlier_time):
    """The time of a dated change split off is the earlier value's, not carried to the
    clause before it ("handed out 940 parcels in 2021" is false)."""
    found = _claims("Laporan", body, language)
    mains = [c for c in found if main in c.text and earlier_time not in c.text]
    assert len(mains) == 1, [c.text for c in found]
    assert earlier_time not in mains[0].claim_text, mains[0].claim_text
