"""Ingest: documents in, one article with its sources out; bad input refused whole."""

from pathlib import Path

import pytest
from sqlmodel import select

from factcheck.articles import ingest
from factcheck.errors import InputError
from factcheck.models import Article, Claim, ReviewEvent, Source

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


def test_seed_article_splits_into_title_byline_body_and_sources(seed_text):
    parsed = ingest.parse_article(seed_text)
    assert parsed.title.startswith("Kazakhstan Bergabung dengan Kesepakatan Abraham")
    assert parsed.editor == "Татьяна Гуринович"
    assert parsed.language == "id"
    assert parsed.body.startswith("Pada tanggal 6 November 2025")
    assert parsed.body.endswith("dalam proses global.")
    assert "Sumber-sumber" not in parsed.body and "Baca lebih banyak" not in parsed.body
    assert [s.title for s in parsed.sources] == [
        "News18",
        "Kazakhstan, which already recognises Israel, to join ‘Abraham Accords’",
        "Kazakhstan will join the Abraham Accords with Israel in symbolic move to boost the "
        "Trump initiative",
        "Kazakhstan to join Abraham Accords at Central Asia summit, says US official",
        "Why Kazakhstan's decision to join Abraham Accords holds geopolitical significance",
        "Kazakhstan to Join Abraham Accords",
    ]


@pytest.mark.parametrize(
    ("heading", "footer"),
    [
        ("Sumber", "Baca juga: berita lain"),
        ("Sources:", "Read more stories like this"),
        ("Referensi", "Apakah Anda menemukan kesalahan?"),
        ("References", None),
    ],
)
def test_source_list_headings_and_footers(heading, footer):
    text = (
        "Judul\nBy Ana Writer\nBody sentence one is here. Another one.\n"
        f"{heading}\nFirst report https://example.org/a\nSecond report\n"
        + (f"{footer}\nsomething after the footer\n" if footer else "")
    )
    parsed = ingest.parse_article(text)
    assert parsed.author == "Ana Writer"
    assert parsed.body == "Body sentence one is here. Another one."
    assert [(s.title, s.url) for s in parsed.sources] == [
        ("First report", "https://example.org/a"),
        ("Second report", None),
    ]


def test_html_main_text_is_extracted_without_navigation():
    parsed = ingest.read_document((DATA / "english.html").read_bytes(), "english.html")
    assert parsed.title.startswith("Port of Lumen reopens after storm")
    assert "reopened on 3 March 2024" in parsed.body
    assert "Home" not in parsed.body and "Copyright" not in parsed.body
    assert parsed.language == "en"


def test_ingest_stores_article_sources_and_proposed_claims(session, seed_text):
    article, created = ingest.ingest(session, ingest.parse_article(seed_text))
    session.commit()
    assert created
    sources = session.exec(select(Source).where(Source.article_id == article.id)).all()
    claims = session.exec(select(Claim).where(Claim.article_id == article.id)).all()
    assert len(sources) == 6
    assert any("1992" in c.text for c in claims)
    for claim in claims:  # the span is the article's own words, the text stands alone
        source = article.title if claim.section == "headline" else article.text
        assert source[claim.start : claim.end] and source[claim.start : claim.end] in claim.sentence
        assert claim.status == "unverified"
    events = session.exec(select(ReviewEvent)).all()
    assert len(events) == len(claims) and {e.action for e in events} == {"create"}


def test_same_article_twice_is_not_duplicated(session, seed_text):
    first, _ = ingest.ingest(session, ingest.parse_article(seed_text))
    session.commit()
    again, created = ingest.ingest(session, ingest.parse_article(seed_text + "\n\n"))
    assert not created and again.id == first.id
    assert len(session.exec(select(Article)).all()) == 1


def test_cli_ingest_file_then_again(runner, tmp_path, seed_text):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    first = runner.invoke(args=["ingest", str(path)])
    assert first.exit_code == 0, first.output
    assert "6 sources" in first.output and "language id" in first.output
    second = runner.invoke(args=["ingest", str(path)])
    assert second.exit_code == 0 and "already ingested" in second.output


def test_cli_ingest_from_stdin_with_title_and_language(runner, app, session):
    result = runner.invoke(
        args=["ingest", "-", "--title", "Dari stdin", "--language", "en"],
        input="Jakarta announced 3 new ports in 2024. It cost $2 billion.\n",
    )
    assert result.exit_code == 0, result.output
    article = session.exec(select(Article)).one()
    assert (article.title, article.language) == ("Dari stdin", "en")


def test_cli_ingest_html_file(runner, session):
    result = runner.invoke(args=["ingest", str(DATA / "english.html")])
    assert result.exit_code == 0, result.output
    assert session.exec(select(Article)).one().title.startswith("Port of Lumen")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"   \n\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a binary file"),
        ("Berita dengan ejaan lama: Rp 5 juta".encode("utf-16"), "binary file"),
        ("Caf\xe9 au lait costs 3 euros.".encode("latin-1"), "not valid UTF-8"),
        (b"Title only\n", "no article text"),
    ],
)
def test_cli_ingest_refuses_bad_files_with_one_line_and_stores_nothing(
    runner, session, tmp_path, content, message
):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = runner.invoke(args=["ingest", str(path)])
    assert result.exit_code != 0
    assert message in result.output and len(result.output.strip().splitlines()) == 1
    assert session.exec(select(Article)).all() == []


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("/nonexistent/file.txt", "no such file"),
        ("/tmp", "is a folder"),
    ],
)
def test_cli_ingest_refuses_missing_paths(runner, target, message):
    result = runner.invoke(args=["ingest", target])
    assert result.exit_code != 0 and message in result.output


def test_failure_during_extraction_leaves_no_half_written_article(
    runner, session, monkeypatch, seed_text, tmp_path
):
    def broken(*_args, **_kwargs):
        raise InputError("extractor broke")

    monkeypatch.setattr("factcheck.articles.extract.extract_claims", broken)
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    result = runner.invoke(args=["ingest", str(path)])
    assert result.exit_code != 0 and "extractor broke" in result.output
    assert session.exec(select(Article)).all() == []
    assert session.exec(select(Source)).all() == []


def test_cli_ingest_url_extracts_main_text(runner, session, httpserver):
    html = (DATA / "english.html").read_text(encoding="utf-8")
    httpserver.expect_request("/story").respond_with_data(html, content_type="text/html")
    result = runner.invoke(args=["ingest", httpserver.url_for("/story")])
    assert result.exit_code == 0, result.output
    article = session.exec(select(Article)).one()
    assert article.url == httpserver.url_for("/story")
    assert "2.3 million containers" in article.text


def test_cli_ingest_dead_url_is_one_line_error(runner, session, httpserver):
    httpserver.expect_request("/gone").respond_with_data("nope", status=404)
    result = runner.invoke(args=["ingest", httpserver.url_for("/gone")])
    assert result.exit_code != 0 and "404" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert session.exec(select(Article)).all() == []


def test_cli_ingest_url_in_a_legacy_charset(runner, session, httpserver):
    page = (
        "<html><head><title>Caf\xe9 prices</title></head><body><article>"
        "<p>The caf\xe9 on Main Street raised its prices by 12% in 2024, its owner said.</p>"
        "<p>A coffee now costs 3.50 euros, up from 3.10 euros in 2023.</p>"
        "</article></body></html>"
    ).encode("windows-1252")
    httpserver.expect_request("/latin").respond_with_data(
        page, content_type="text/html; charset=windows-1252"
    )
    result = runner.invoke(args=["ingest", httpserver.url_for("/latin")])
    assert result.exit_code == 0, result.output
    assert "café on Main Street" in session.exec(select(Article)).one().text


def test_ingest_stores_every_proposal_headline_first_opinions_labelled(session, seed_text):
    article, _ = ingest.ingest(session, ingest.parse_article(seed_text))
    session.commit()
    claims = session.exec(
        select(Claim).where(Claim.article_id == article.id).order_by(Claim.position)
    ).all()
    headline = claims[0]
    assert headline.section == "headline" and headline.text == article.title
    assert article.title[headline.start : headline.end] == article.title
    opinions = [c for c in claims if c.kind == "opinion"]
    assert opinions and not any(c.checkworthy for c in opinions)  # stored, but not counted
    view = next(
        c for c in claims if "para pengamat menilai" in c.sentence.lower() and c.kind == "opinion"
    )
    assert view.claimant and "pengamat" in view.claimant.lower()
    trump = next(c for c in claims if "negara pertama" in c.text)
    assert trump.claimant == "Presiden Trump"


def test_a_claim_the_sentence_does_not_attribute_is_claimed_by_the_article(session):
    parsed = ingest.parse_article(
        "Harga beras naik\nOleh: Rina Marlina\n"
        "Harga beras naik 5 persen pada Maret 2024 di Jakarta.\n"
    )
    article, _ = ingest.ingest(session, parsed, publisher="Harian Contoh")
    session.commit()
    claim = session.exec(
        select(Claim).where(Claim.article_id == article.id, Claim.section == "body")
    ).one()
    assert claim.claimant == "Rina Marlina"
    assert claim.text == "Harga beras naik 5 persen pada Maret 2024 di Jakarta"
