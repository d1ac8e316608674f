"""A body's name with "of"/"for" after its head noun ("The Ministry of Finance", "The
Department of Disaster Prevention and Mitigation") is one speaker, where the claimant was
"The Ministry"; a person's "of" ("Claire Dunmore of Wessex Vale Police") still ends the
person's name; a body's own acronym in brackets, however it is cased ("(BPS)", "(Kemenkes)"),
is no part of the speaker's words (the claimant was "Kementerian Kesehatan (Kemenkes"). Issue
15. Each sentence is written for these tests."""

from __future__ import annotations

import pytest

from factcheck.articles.claimants import find_attribution
from tests.articles.test_anaphora import claim_of


@pytest.mark.parametrize(
    ("sentence", "language", "speaker"),
    [
        (
            "The Ministry of Finance said the deficit would reach 2.8 percent of GDP.",
            "en",
            "The Ministry of Finance",
        ),
        (
            "The Department of Disaster Prevention and Mitigation said 4,500 households in "
            "three provinces had been affected.",
            "en",
            "The Department of Disaster Prevention and Mitigation",
        ),
        (
            "The Office for National Statistics said inflation fell to 3.1 percent in October.",
            "en",
            "The Office for National Statistics",
        ),
        (
            "Detective Inspector Claire Dunmore of Wessex Vale Police said the alarm sounded "
            "at 2.14am.",
            "en",
            "Detective Inspector Claire Dunmore",
        ),
        (
            "Kementerian Kesehatan (Kemenkes) mencatat kasus demam berdarah turun 30 persen "
            "dibandingkan tahun lalu.",
            "id",
            "Kementerian Kesehatan",
        ),
        (
            "Badan Pusat Statistik (BPS) mencatat inflasi 2,1 persen pada November.",
            "id",
            "Badan Pusat Statistik",
        ),
        # where a person spoke is not their name; a body's place stays its own
        (
            '"Kenaikan ini dipicu berkurangnya pasokan," kata Arif di Semarang.',
            "id",
            "Arif",
        ),
        ('"We will rebuild the bridge," said Smith in London on Monday.', "en", "Smith"),
        # an official's title of nine words and the name: still a speaker
        (
            "Harga beras naik 3 persen dalam sepekan, kata Kepala Dinas Perindustrian dan "
            "Perdagangan Jawa Tengah Arif Sambodo, Senin.",
            "id",
            "Kepala Dinas Perindustrian dan Perdagangan Jawa Tengah Arif Sambodo",
        ),
    ],
)
def test_the_speaker_is_the_whole_body_and_only_the_person(sentence, language, speaker):
    assert find_attribution(sentence, language).speaker == speaker


def test_the_day_after_a_speakers_name_is_not_the_speaker():
    body = (
        "Harga beras medium di Kota Sekar Arum naik 3 persen dalam sepekan, kata Kepala Dinas "
        "Perdagangan Sekar Arum Arif Sambodo, Senin. Ia menambahkan pasokan beras turun 20 "
        "persen."
    )
    first = claim_of("Harga beras naik", body, "id", "naik 3 persen")
    assert first.claimant == "Kepala Dinas Perdagangan Sekar Arum Arif Sambodo"
    second = claim_of("Harga beras naik", body, "id", "pasokan beras")
    assert second.claimant == "Kepala Dinas Perdagangan Sekar Arum Arif Sambodo"
