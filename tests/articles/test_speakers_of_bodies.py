"""A body's name with "of"/"for" after its head noun ("The Ministry of Finance", "The
Department of Disaster Prevention and Mitigation") is one speaker, where the claimant was
"The Ministry"; a person's "of" ("Claire Dunmore of Wessex Vale Police") still ends the
person's name; a body's own acronym in brackets, however it is cased ("(BPS)", "(Kemenkes)"),
is no part of the speaker's words (the claimant was "Kementerian Kesehatan (Kemenkes"). Issue
15. Each sentence is written for these tests."""

from __future__ import annotations

import pytest

from factcheck.articles.claimants import find_attribution


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
    ],
)
def test_the_speaker_is_the_whole_body_and_only_the_person(sentence, language, speaker):
    assert find_attribution(sentence, language).speaker == speaker
