"""Modality and evidentiality (issue 15): a forecast that says what may happen, what someone
suspects or disagrees with, and a characterisation followed by a second predicate are views
or hedges, never scored as facts; estimates with a figure and reported allegations stay
facts. Each case runs the whole extractor on an article written for the test."""

from __future__ import annotations

import pytest

from tests.articles.test_views import check_label


@pytest.mark.parametrize(
    ("language", "body", "span_words", "kind"),
    [
        # a possibility modal inside what the prediction verb forecasts: a hedge, though a
        # date stands in the reason after "karena"
        (
            "id",
            "Banjir merendam Desa Muara Baru pada Senin. Kepala desa memperkirakan jumlah "
            "pengungsi masih bisa bertambah karena hujan turun lagi pada Rabu (2/12/2026).",
            "masih bisa bertambah",
            "opinion",
        ),
        (
            "en",
            "The mill closed in March. The union expects that wages could fall further "
            "because 300 jobs were cut in 2025.",
            "could fall further",
            "opinion",
        ),
        # "kemungkinan" alone is the same modal adverb as "kemungkinan besar"
        (
            "id",
            "Pasar ikan Teluk Biru ditutup pada Mei. Seorang pedagang memperkirakan harga ikan "
            "kemungkinan naik 10 persen pada 2027.",
            "kemungkinan naik",
            "opinion",
        ),
        # a figure only in the reason clause does not make a forecast a fact
        (
            "id",
            "Harga cabai naik pada November. Pedagang memperkirakan harga akan turun karena "
            "pasokan 40 ton tiba pekan ini.",
            "akan turun",
            "opinion",
        ),
        # left alone: an estimate with a figure in what it forecasts is on the record
        (
            "id",
            "Banjir merendam Kecamatan Sungai Lima pada Selasa. BPBD memperkirakan 3.400 warga "
            "mengungsi ke balai desa.",
            "3.400 warga",
            "fact",
        ),
        # left alone: "bisa" outside a forecast is ability ("hanya bisa dijangkau")
        (
            "id",
            "Longsor memutus jalan ke Desa Sirna Galih pada Senin. Desa itu kini hanya bisa "
            "dijangkau dengan berjalan kaki selama tiga jam.",
            "berjalan kaki",
            "fact",
        ),
        # a verb of suspecting with its holder as subject is their view
        (
            "id",
            "Polisi menangkap dua pelaku pencurian kabel pada Kamis. Warga Kelurahan Sido Mulyo "
            "menduga masih ada 5 pelaku lain yang belum tertangkap.",
            "belum tertangkap",
            "opinion",
        ),
        # a modal before a passive verb of foreseeing, inside a speaker's quote
        (
            "id",
            'Jembatan Kali Putih ambruk pada Rabu. "Ini kejadian yang sudah bisa diduga sejak '
            'tiga tahun lalu," kata Budi Santoso, warga setempat.',
            "sudah bisa diduga",
            "opinion",
        ),
        # left alone: the bare passive "diduga" reports an allegation
        (
            "id",
            "Kebakaran melanda Pasar Lama pada Minggu. Api diduga berasal dari korsleting "
            "listrik di 12 kios pakaian.",
            "korsleting listrik",
            "fact",
        ),
        # reported speech that only disagrees
        (
            "en",
            "The regulator fined Norfield Dairy 3 million pounds on Tuesday. Norfield Dairy "
            "said it strongly disagrees with the ruling of the regulator.",
            "strongly disagrees",
            "opinion",
        ),
        (
            "id",
            "Kementerian mencabut izin 14 tambang pada Senin. Asosiasi Penambang Rakyat "
            "menyatakan tidak setuju dengan keputusan tersebut.",
            "tidak setuju",
            "opinion",
        ),
        # a characterisation followed by a second predicate is still a view
        (
            "en",
            "The council closed Marlow Library in June. The friends' group called the closure "
            '"a scandal" and said it would campaign against the decision.',
            "a scandal",
            "opinion",
        ),
        # "seemed" hedges as "seems" does
        (
            "en",
            "The Harlow bridge was closed in May. Engineers said the corrosion seemed to have "
            "been building for 12 years.",
            "seemed to have been building",
            "opinion",
        ),
        # left alone: a second predicate with a verb in the complement is not characterising
        (
            "en",
            "The council closed Marlow Library in June. The council called the building unsafe "
            "after an inspection found 14 cracks in its roof.",
            "14 cracks",
            "fact",
        ),
    ],
)
def test_modality_labelled(language, body, span_words, kind):
    check_label(language, body, span_words, kind)


@pytest.mark.parametrize(
    ("language", "body", "span_words", "kind"),
    [
        # the speaker's quoted words naming what it is, a verb inside them or not
        (
            "en",
            "A storm cut power to 40,000 homes on Friday. Council leader Ann Lyle called the "
            'damage "the worst I have seen in my life".',
            "worst I have seen",
            "opinion",
        ),
        # a quote after a copula is what the subject is said to be, a body's words too
        (
            "en",
            "The council approved the stadium loan on Thursday. The Supporters' Trust said "
            'fans were "thrilled but wary".',
            "thrilled but wary",
            "opinion",
        ),
        # a counterfactual comparison is a view
        (
            "en",
            "The council approved a 40 million pound loan on Thursday. Opposition leader Gary "
            "Pope said the money would be better spent on schools.",
            "better spent",
            "opinion",
        ),
        # seeming and fearing: what someone thinks, not what is
        (
            "en",
            "The ban began in 2025. Parents appear more divided about the 2025 ban.",
            "more divided",
            "opinion",
        ),
        (
            "en",
            "The bridge closed on Monday for 4 months. Local shops fear the closure will cost "
            "them 2 million pounds.",
            "fear the closure",
            "opinion",
        ),
        # left alone: a figure inside the quoted complement can be checked
        (
            "en",
            'Prices rose in May. The union called the rise "a 40 percent jump in a single year".',
            "40 percent jump",
            "fact",
        ),
        # a hedge or advice in a speaker's quoted sentence is the speaker's guess or view
        (
            "en",
            "Three paintings were stolen on Tuesday. Art-crime specialist Julian Reeve spoke "
            'on Friday. "These paintings will probably turn up in five years," he said.',
            "probably turn up",
            "opinion",
        ),
        (
            "id",
            "Sebanyak 37 sapi mati sejak November. Dokter hewan Maria Lede berbicara pada Senin. "
            '"Seharusnya bangkai dibakar, bukan dikubur," ujarnya.',
            "bangkai dibakar",
            "opinion",
        ),
        # a quoted sentence that opens with a conditional is a hypothesis
        (
            "id",
            "Panen turun 60 persen pada 2025. Kepala dinas, Hasan Laode, berbicara pada Senin. "
            '"Kalau pola ini berulang, budi daya di perairan dangkal tidak lagi layak," '
            "katanya.",
            "tidak lagi layak",
            "opinion",
        ),
        # left alone: a short quoted term, and a quoted sentence with no such word
        (
            "en",
            "The pool closed in May. Westmarch Council signed a 3 million pound contract "
            'with a "may terminate" clause in 2024.',
            "may terminate",
            "fact",
        ),
        (
            "en",
            "The pool closed in May. Council leader Martin Hale spoke on Friday. "
            '"We closed 14 branches and saved 2 million pounds," he said.',
            "closed 14 branches",
            "fact",
        ),
    ],
)
def test_quoted_judgements_and_views_are_opinions(language, body, span_words, kind):
    check_label(language, body, span_words, kind)
