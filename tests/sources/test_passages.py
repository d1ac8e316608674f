"""Passages: a source's text cut at sentences (the one splitter), spans exact, each passage in
its own language."""

import pytest

from factcheck.language.anchors import Profile
from factcheck.models import Snapshot, Source
from factcheck.sources.passages import cut_passages, source_passages


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kazakhstan to Join Abraham Accords", ["Kazakhstan to Join Abraham Accords"]),
        ("Title\n\nFirst paragraph.\nSecond one.", ["Title", "First paragraph.", "Second one."]),
        (
            "The U.S. said on Nov. 6 that it agreed. " * 6 + "Dr. Smith left. Then it ended.",
            None,
        ),
    ],
)
def test_cut_passages_spans_match_the_text(text, expected):
    cut = cut_passages(text, max_chars=120)
    assert all(text[s:e] == chunk for s, e, chunk in cut)
    assert all(len(chunk) <= 120 for _, _, chunk in cut)
    if expected is not None:
        assert [chunk for _, _, chunk in cut] == expected
    else:
        assert cut[0][2] == "The U.S. said on Nov. 6 that it agreed."
        assert cut[-1][2] == "Then it ended."
        assert "Dr. Smith left." in [c for _, _, c in cut]


def test_a_run_on_sentence_is_cut_at_word_breaks():
    text = "word " * 200
    cut = cut_passages(text.strip(), max_chars=50)
    assert all(len(chunk) <= 50 and not chunk.startswith(" ") for _, _, chunk in cut)
    assert " ".join(chunk for _, _, chunk in cut) == text.strip()


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Kepala Balai, Dr. Ir. H. Rahmat Hidayat, M.T., meresmikannya. "
            "“Bendungan ini yang terbesar.” Warga hadir.",
            [
                "Kepala Balai, Dr. Ir. H. Rahmat Hidayat, M.T., meresmikannya.",
                "“Bendungan ini yang terbesar.”",
                "Warga hadir.",
            ],
        ),
        (
            'Prof. Lee said: "The dam is the largest." Residents came. It cost 1,500.5 million.',
            [
                'Prof. Lee said: "The dam is the largest."',
                "Residents came.",
                "It cost 1,500.5 million.",
            ],
        ),
    ],
)
def test_long_paragraphs_are_cut_where_sentences_end_keeping_quotes_and_titles(text, sentences):
    cut = cut_passages(text, max_chars=len(text) - 1)
    assert [chunk for _, _, chunk in cut] == sentences
    assert all(text[s:e] == chunk for s, e, chunk in cut)


def test_every_passage_gets_its_own_language(session, factory):
    article = factory.article()
    source = Source(article_id=article.id, position=1, title="Kazakhstan joins the accords")
    session.add(source)
    session.commit()
    text = (
        "Sebanyak 1.500 orang menghadiri upacara di Astana pada hari itu.\n"
        "The ceremony in Astana was attended by the foreign minister and his staff."
    )
    session.add(Snapshot(source_id=source.id, sha256="x", text=text))
    session.commit()
    title, indonesian, english = source_passages(session, article)
    assert (title.lang, indonesian.lang, english.lang) == ("en", "id", "en")
    assert all(p.source == "Kazakhstan joins the accords" for p in (title, indonesian, english))
    # read with Indonesian conventions: 1.500 is fifteen hundred, not one and a half
    assert "qty:1.5e3" in Profile.of(indonesian.text, indonesian.lang).facets
