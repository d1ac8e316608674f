"""Views that read like facts (issue 15, fourth pass): a speaker's quoted words that are the
clause's predicate ('pengawasan terhadap 46 dapur "terlalu longgar"'), and the opinion markers
"<holders> <verb>" with a phrase between ("Critics of the industry say"). Each case runs the
whole extractor on an article of its own; cases it must leave alone stay facts."""

from __future__ import annotations

import pytest

from factcheck.articles.worthiness import CHECKWORTHY, OPINION_CEILING
from tests.articles.test_anaphora import claim_of


@pytest.mark.parametrize(
    ("language", "body", "span_words", "kind"),
    [
        # the quote is the predicate: what the speaker judges the subject to be, though the
        # subject holds a figure
        (
            "id",
            "Ketua Komisi C, Yanti Lubis, menyoroti pengawasan pasar. Menurut dia, pengawasan "
            'terhadap 120 pedagang daging di kota tersebut "terlalu lemah".',
            "terlalu lemah",
            "opinion",
        ),
        (
            "en",
            "Councillor Rob Ellery reviewed the contract on Monday. According to him, the "
            '3 million pound deal with the caterer "far too generous".',
            "far too generous",
            "opinion",
        ),
        # left alone: a figure inside the quote is what was said, a fact on the record
        (
            "id",
            "Kepala Dinas Perikanan, Rudi Sitompul, berbicara pada Senin. Menurut dia, hasil "
            'tangkapan nelayan tahun ini "naik 12 persen".',
            "naik 12 persen",
            "fact",
        ),
        # left alone: a verb outside the quote carries the clause ("menyebut")
        (
            "id",
            "Bupati Lembah Hijau, Arif Nugroho, meresmikan pasar pada Senin. Arif menyebut "
            'pasar itu "pasar rakyat" dan mengatakan 300 kios sudah terisi.',
            "300 kios",
            "fact",
        ),
        # holders with a phrase that says which, before the verb of the marker
        (
            "en",
            "The port added two cranes in 2025. Critics of the expansion say the cranes will "
            "bring more noise to the old town.",
            "more noise",
            "opinion",
        ),
        (
            "en",
            "Harlow Foods agreed to buy Pellam Dairies on Friday. Analysts at Corby Securities "
            "said the merger was a defensive move against cheaper imports.",
            "defensive move",
            "opinion",
        ),
        # left alone: other people with a phrase before "said" report, they do not judge
        (
            "en",
            "The river burst its banks on Sunday. Residents of the lower town said 40 homes "
            "were flooded.",
            "40 homes",
            "fact",
        ),
    ],
)
def test_view_labelled(language, body, span_words, kind):
    check_label(language, body, span_words, kind)


def check_label(language, body, span_words, kind):
    """The one proposal holding ``span_words`` is of ``kind``: an opinion under the
    ceiling, a fact check-worthy."""
    claim = claim_of("Laporan", body, language, span_words)
    assert claim.kind == kind, claim.reasons
    if kind == "opinion":
        assert claim.score <= OPINION_CEILING
    else:
        assert claim.score >= CHECKWORTHY
