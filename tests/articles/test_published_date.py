"""The article's own date reaches the extractor (issue 15): a byline's date ("By Ana Reyes,
Monday 30 November 2026"), a date line under the title or a page's date is the published
date, stored with the article; without one, the day the article is read in bounds the year
its weekdays give ("Senin (30/11)"), so an article writing only an old year is not dated
that year."""

from __future__ import annotations

import datetime

import pytest
from sqlmodel import select

from factcheck.articles import ingest
from factcheck.articles.extract import extract_article
from factcheck.articles.standalone import _years_of_weekdays
from factcheck.models import Article, Claim

BODY = "Harga beras naik 5 persen pada Maret di Kota Sekar Arum.\n"


@pytest.mark.parametrize(
    ("lines", "author", "published"),
    [
        (
            "By Owen Tremlett, Local Democracy Reporter, Monday 30 November 2026",
            "Owen Tremlett, Local Democracy Reporter",
            datetime.date(2026, 11, 30),
        ),
        ("Oleh: Rizky Amalia | Senin, 30 November 2026 09:15 WIB", "Rizky Amalia", (2026, 11, 30)),
        ("By Jane Doe, Nov. 30, 2026", "Jane Doe", (2026, 11, 30)),
        # a date line of its own under the byline, with its clock time
        ("Oleh: Rina Marlina\nSenin, 30 November 2026 | 14:20 WIB", "Rina Marlina", (2026, 11, 30)),
        ("Published 30 November 2026\nBy Jane Doe", "Jane Doe", (2026, 11, 30)),
        # no date: the byline is kept whole and nothing is published
        ("By Tom Akers", "Tom Akers", None),
        ("Oleh: Nining Kurniasih", "Nining Kurniasih", None),
    ],
)
def test_a_bylines_date_is_the_published_date_not_the_authors_name(lines, author, published):
    parsed = ingest.parse_article(f"Harga beras naik\n{lines}\n{BODY}")
    assert parsed.author == author
    expected = datetime.date(*published) if isinstance(published, tuple) else published
    assert parsed.published == expected
    assert parsed.body == BODY.strip()  # the date line is not the article's text


@pytest.mark.parametrize(
    "body",
    [
        "Pada 30 November 2026, harga beras di Kota Sekar Arum naik 5 persen.\n",
        # a dateline on a line of its own: its place stays the article's
        "SEKAR ARUM, 30 November 2026\nHarga beras di kota itu naik 5 persen.\n",
    ],
)
def test_a_sentence_or_dateline_with_a_date_under_the_title_stays_in_the_body(body):
    parsed = ingest.parse_article(f"Harga beras naik\n{body}")
    assert parsed.published is None
    assert parsed.body == body.strip()


def test_a_pages_date_is_the_published_date():
    html = (
        '<html><head><title>Rice prices rise</title><meta property="article:published_time" '
        'content="2026-11-30T08:00:00+07:00"></head><body><article><h1>Rice prices rise</h1>'
        "<p>Rice prices in Sekar Arum rose 5 percent in March, the statistics office said on "
        "Monday. Traders blamed a poor harvest and higher fertiliser costs.</p>"
        "<p>The city's market authority said it would release 200 tonnes from its stock to "
        "bring prices down before the end of the year.</p></article></body></html>"
    )
    parsed = ingest.parse_document(html, "story.html")
    assert parsed.published == datetime.date(2026, 11, 30)


def test_ingest_stores_the_bylines_date_and_the_extractor_reads_its_year(session):
    parsed = ingest.parse_article(
        "Harga beras naik\nOleh: Rina Marlina, Senin, 30 November 2026\n"
        "Harga beras di Kota Sekar Arum naik 5 persen pada Maret. Tahun lalu harga beras "
        "turun 2 persen.\n"
    )
    article, _ = ingest.ingest(session, parsed)
    session.commit()
    stored = session.exec(select(Article)).one()
    assert stored.published_date == datetime.date(2026, 11, 30)
    assert stored.author == "Rina Marlina"
    texts = [
        c.text for c in session.exec(select(Claim).where(Claim.article_id == article.id)).all()
    ]
    assert any("tahun 2025" in t.lower() for t in texts), texts


def _claim(body, span_words, **dates):
    found = [c for c in extract_article("Laporan", body, "id", **dates) if span_words in c.text]
    assert len(found) == 1
    return found[0].claim_text


# Written only 2015 and 2021 ("jebol pada 2021", "diperbaiki pada 2015"): "Senin (30/11)"
# falls on a Monday in 2015 and in 2026.
OLD_YEARS = (
    "Tanggul Saluran Induk Sawah Lega jebol pada Senin (30/11) malam. Saluran itu terakhir "
    "diperbaiki pada 2015 dan juga jebol pada 2021. Anggaran pemeliharaan saluran tahun ini "
    "Rp 4,5 miliar."
)


def test_an_article_read_in_2026_writing_only_older_years_is_not_dated_2015():
    read_in = datetime.date(2026, 12, 6)
    assert "tahun 2026" in _claim(OLD_YEARS, "Rp 4,5 miliar", latest=read_in)
    assert "(30/11/2026)" in _claim(OLD_YEARS, "jebol pada Senin", latest=read_in)


def test_without_the_day_it_was_read_in_the_written_years_decide():
    # the behaviour before the day was known: 2015, the written year the day fits
    assert "tahun 2015" in _claim(OLD_YEARS, "Rp 4,5 miliar")


def test_the_published_year_wins_over_the_years_the_weekdays_fit():
    published = datetime.date(2015, 12, 1)
    assert "tahun 2015" in _claim(
        OLD_YEARS.replace("2021", "2011"), "Rp 4,5 miliar", published=published
    )


def test_a_full_date_after_the_day_it_was_read_in_does_not_date_the_article():
    # two days still to come in 2027 and one past day of 2026: read in December 2026, the
    # article is 2026's; without that day, most of its full dates say 2027
    body = (
        "Banjir merendam Kelurahan Tanah Tinggi di Kota Sekar Arum pada 28 November 2026. "
        "Sidang gugatan warga dijadwalkan pada 10 Maret 2027 dan 17 Maret 2027. Tahun lalu "
        "warga menggugat pemkot atas banjir yang sama."
    )
    read_in = datetime.date(2026, 12, 6)
    assert "tahun 2025" in _claim(body, "menggugat pemkot", latest=read_in).lower()
    assert "tahun 2026" in _claim(body, "menggugat pemkot").lower()


@pytest.mark.parametrize(
    ("weekdays", "written", "latest", "year"),
    [
        ([(1, 11, 30)], {2015, 2021}, 2026, 2026),  # 2015 and 2026 fit: the later, by then
        ([(1, 11, 30)], {2015, 2021}, None, 2015),  # without the day read in: as before
        ([(1, 11, 30)], set(), 2026, 2026),  # no year written: the year read in
        ([(1, 11, 30)], set(), 2028, None),  # read two years later: neither 2027 nor 2028
        ([(4, 12, 3)], {2019, 2027}, 2026, 2026),  # "target 2027" cannot date it
        ([(1, 11, 30)], {2022}, 2023, None),  # 30 November a Monday in 2020 and 2026 only
    ],
)
def test_the_day_read_in_bounds_the_year_of_the_weekdays(weekdays, written, latest, year):
    years, _ = _years_of_weekdays(weekdays, written, 0, latest)
    assert (next(iter(years)) if years else None) == year


@pytest.mark.parametrize(
    ("header", "author", "editor", "published"),
    [
        # one line, two bylines split by "|"
        ("Penulis: Dian Pratiwi | Editor: Bambang Susilo", "Dian Pratiwi", "Bambang Susilo", None),
        # the reporter's desk stays with the name
        (
            "By Priya Nandakumar | City Hall reporter",
            "Priya Nandakumar | City Hall reporter",
            None,
            None,
        ),
        # a date line after a line that is neither byline nor date (kept in the body)
        (
            "By Sarah Jones\nBBC News, Leeds\nPublished 30 November 2026",
            "Sarah Jones",
            None,
            (2026, 11, 30),
        ),
    ],
)
def test_header_lines_above_the_first_paragraph(header, author, editor, published):
    paragraph = (
        "Harga beras medium di Kota Sekar Arum naik 3 persen dalam sepekan terakhir menjadi "
        "Rp 13.500 per kilogram."
    )
    parsed = ingest.parse_article(f"Harga beras naik\n{header}\n{paragraph}\n")
    assert (parsed.author, parsed.editor) == (author, editor)
    assert parsed.published == (datetime.date(*published) if published else None)
    assert parsed.body.endswith(paragraph)
    assert "Published" not in parsed.body and "Penulis" not in parsed.body


LONG = (
    "Harga beras medium di Kota Sekar Arum naik 3 persen dalam sepekan terakhir menjadi Rp 13.500."
)


@pytest.mark.parametrize(
    "link", ["Baca juga: Bulog siapkan 20.000 ton beras", "Read more: Rice stocks"]
)
def test_a_link_to_another_story_between_paragraphs_drops_only_that_line(link):
    later = "Menurut BPS, beras menyumbang inflasi 0,12 persen pada Oktober 2026 di kota itu."
    parsed = ingest.parse_article(f"Harga beras naik\n{LONG}\n{link}\n{later}\n")
    assert parsed.body == f"{LONG}\n{later}"


def test_a_link_at_the_end_still_ends_the_article():
    parsed = ingest.parse_article(f"Harga beras naik\n{LONG}\nBaca juga: berita lain\nIklan\n")
    assert parsed.body == LONG


def test_a_name_does_not_run_over_a_line_break():
    from factcheck.language.anchors import whole_names

    text = "BBC News, Leeds\nLeeds City Council has approved a rise in council tax."
    assert [n.text for n in whole_names(text, "en")] == ["BBC News", "Leeds", "Leeds City Council"]


@pytest.mark.parametrize(
    "credit",
    [
        "(tim/agt)",
        "(Reporting by Ana Reyes; Editing by Tom Hale)",
        "Associated Press writer Ana Reyes contributed to this report.",
        "(ant)\n[Editor: Bambang]",
    ],
)
def test_the_credits_under_an_article_are_not_its_text(credit):
    parsed = ingest.parse_article(f"Harga beras naik\n{LONG}\n{credit}\n")
    assert parsed.body == LONG


def test_a_bracketed_line_inside_the_article_stays():
    inside = "(Harga per 30 November 2026 menurut Dinas Perdagangan.)"
    parsed = ingest.parse_article(f"Harga beras naik\n{inside}\n{LONG}\n")
    assert parsed.body == f"{inside}\n{LONG}"


def test_captions_page_furniture_and_credits_at_the_foot_are_not_the_articles_text():
    later = "Menurut BPS, beras menyumbang inflasi 0,12 persen pada Oktober 2026 di kota itu."
    text = (
        f"Harga beras naik\n{LONG}\nADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT\n"
        "Foto: Pedagang beras di Pasar Sekar Arum (dok. Dinas Perdagangan)\n"
        "Image source, Getty Images\nImage caption, Rice traders in Sekar Arum\n"
        f"Pilihan Editor: Bulog Guyur Beras ke Pasar\n{later}\n"
        "Penulis: Andi Pratama\nEditor: Sri Wahyuni\n"
    )
    parsed = ingest.parse_article(text)
    assert parsed.body == f"{LONG}\n{later}"
    assert (parsed.author, parsed.editor) == ("Andi Pratama", "Sri Wahyuni")


@pytest.mark.parametrize(
    "kept",
    [
        "JAKARTA, 30 November 2026 -",  # a dateline in capitals
        "HARGA BERAS DI KOTA SEKAR ARUM NAIK 3 PERSEN DALAM SEPEKAN TERAKHIR MENURUT DINAS.",
    ],
)
def test_a_line_in_capitals_that_is_the_articles_stays(kept):
    parsed = ingest.parse_article(f"Harga beras naik\n{kept}\n{LONG}\n")
    assert parsed.body == f"{kept}\n{LONG}"


def test_a_source_list_in_capitals_is_kept_whole():
    parsed = ingest.parse_article(
        f"Harga beras naik\n{LONG}\nSumber\nKOMPAS\nBADAN PUSAT STATISTIK\n"
    )
    assert [s.title for s in parsed.sources] == ["KOMPAS", "BADAN PUSAT STATISTIK"]


@pytest.mark.parametrize(
    "last",
    [
        "Oleh karena itu, warga diminta waspada.",
        "By 2030, the council expects to close two more pools.",
    ],
)
def test_a_last_paragraph_opening_like_a_byline_stays(last):
    parsed = ingest.parse_article(f"Harga beras naik\nOleh: Rina Marlina\n{LONG}\n{last}\n")
    assert parsed.body == f"{LONG}\n{last}"
    assert parsed.author == "Rina Marlina"


def test_a_short_sentence_under_the_title_opening_like_a_byline_stays():
    first = "Oleh karena hujan, panen mundur."
    parsed = ingest.parse_article(f"Harga beras naik\n{first}\n{LONG}\n")
    assert parsed.body == f"{first}\n{LONG}"
    assert parsed.author is None
