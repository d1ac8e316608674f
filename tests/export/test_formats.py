"""JSON, CSV, Markdown and HTML exports: parsed back and compared with the database; the
default selection; streaming in batches with a fixed number of queries per batch."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import markdown
import pytest
from sqlalchemy import event

from factcheck.config import DEFAULTS
from factcheck.export import csvexport, records
from factcheck.export.records import Publisher, Selection, iter_records
from factcheck.export.stream import FORMATS, export_chunks
from factcheck.models import Evidence, ReviewEvent, Snapshot, Source
from factcheck.review.ratings import RatingScale

SCHEMAS = Path(__file__).resolve().parents[2] / "factcheck" / "schemas"
TRICKY = 'Inflasi naik 12,4% — "rekor" baru,\nkata menteri'
FORMULA = '=HYPERLINK("http://evil.example","klik")'
RATIONALE = (
    'Data BPS menunjukkan **3,1%**.\n\n- poin "satu"\n- <script>alert(1)</script>\n\n'
    "[lihat](javascript:alert(2))"
)
AT = datetime(2025, 11, 7, 9, 30, tzinfo=UTC)


def publisher() -> Publisher:
    return Publisher.from_config(
        {**DEFAULTS, "PUBLIC_BASE_URL": "https://cek.example.id/"}, RatingScale()
    )


def reviewed_articles(session, factory) -> dict:
    """An Indonesian article with a source, snapshot, evidence and a public correction, plus
    an English one; claims in every status, one deleted. Returns the rows by name."""
    editor = factory.user("erin", role="editor")
    article = factory.article(
        'Ulasan: "kutipan" & <b>baris</b>',
        language="id",
        publisher='Kompas "Harian"',
        author="Budi, S.",
        url="https://news.example.id/a?x=1&y=2",
        published_date=date(2025, 11, 6),
    )
    source = Source(
        article_id=article.id,
        position=1,
        title="Laporan BPS <2025>",
        publisher="BPS",
        url="https://bps.example.id/laporan",
    )
    session.add(source)
    session.flush()
    snapshot = Snapshot(
        source_id=source.id, sha256="ab" * 32, text="Inflasi 3,1%.", url=source.url, fetched_at=AT
    )
    session.add(snapshot)
    session.flush()
    published = factory.claim(
        article,
        text_=TRICKY,
        key="c1",
        position=1,
        status="published",
        verdict="false",
        rationale=RATIONALE,
        verdict_by_id=editor.id,
        published_at=AT,
        reviewed_at=AT,
    )
    formula = factory.claim(
        article,
        text_=FORMULA,
        key="c2",
        position=2,
        status="verified",
        verdict="unverifiable",
        rationale="-5 persen? @tanya tim",
        reviewed_at=AT,
    )
    factory.claim(article, text_="Belum dicek.", key="c3", position=3)
    factory.claim(
        article,
        text_="Dihapus.",
        key="c4",
        position=4,
        status="published",
        verdict="true",
        rationale="x",
        deleted_at=AT,
    )
    session.add(
        Evidence(
            claim_id=published.id,
            source_id=source.id,
            snapshot_id=snapshot.id,
            passage="Inflasi 3,1%.",
            passage_start=0,
            passage_end=13,
            state="confirmed",
            score=0.9,
        )
    )
    session.add(Evidence(claim_id=published.id, passage="tebakan mesin", state="rejected"))
    session.add(
        ReviewEvent(
            claim_id=published.id,
            user_id=editor.id,
            actor="erin",
            at=AT,
            action="correction",
            from_value="true",
            to_value="false",
            note="Angka awal salah",
            public=True,
        )
    )
    session.commit()
    english = factory.article("Harbor solar", language="en", publisher="Daily")
    plain = factory.claim(
        english,
        text_="The plant makes 40 MW.",
        key="c1",
        status="published",
        verdict="true",
        rationale="Confirmed.",
        published_at=AT,
    )
    return {
        "article": article,
        "english": english,
        "published": published,
        "formula": formula,
        "plain": plain,
        "editor": editor,
    }


def text_of(session, fmt: str, selection: Selection | None = None) -> str:
    return "".join(export_chunks(session, fmt, selection or Selection(), publisher()))


def test_json_export_holds_the_full_record_and_matches_its_schema(session, factory):
    rows = reviewed_articles(session, factory)
    data = json.loads(text_of(session, "json"))
    jsonschema.validate(data, json.loads((SCHEMAS / "export.schema.json").read_text()))
    assert data["schema"] == "factcheck/export 1"
    by_text = {c["text"]: c for c in data["claims"]}
    assert list(by_text) == [TRICKY, FORMULA, "The plant makes 40 MW."]  # default selection
    first = by_text[TRICKY]
    assert first["article"]["title"] == rows["article"].title
    assert first["article"]["published"] == "2025-11-06"
    assert first["verdict"] == {"key": "false", "value": 1, "label": "Salah", "label_en": "False"}
    assert first["rationale"] == RATIONALE and first["verdict_by"] == "erin"
    assert first["url"] == (f"https://cek.example.id/articles/{rows['article'].slug}/claims/c1")
    confirmed = first["evidence"][0]
    assert confirmed["snapshot"] == {
        "sha256": "ab" * 32,
        "archived": "2025-11-07T09:30:00Z",
        "kind": "fetched",
        "url": "https://bps.example.id/laporan",
    }
    assert confirmed["source"]["title"] == "Laporan BPS <2025>"
    assert [e["state"] for e in first["evidence"]] == ["confirmed", "rejected"]
    assert first["history"][0]["note"] == "Angka awal salah"
    assert by_text[FORMULA]["verdict"]["value"] is None


def test_status_article_and_since_narrow_the_selection(session, factory):
    rows = reviewed_articles(session, factory)

    def texts(selection):
        return [c["text"] for c in json.loads(text_of(session, "json", selection))["claims"]]

    assert texts(Selection(status="published")) == [TRICKY, "The plant makes 40 MW."]
    assert texts(Selection(status="all", article_id=rows["article"].id)) == [
        TRICKY,
        FORMULA,
        "Belum dicek.",
    ]  # never the deleted claim
    rows["formula"].updated_at = datetime(2030, 1, 2, tzinfo=UTC)
    session.add(rows["formula"])
    session.commit()
    assert texts(Selection(since=date(2030, 1, 1))) == [FORMULA]


def test_csv_round_trips_quotes_newlines_and_indonesian_text(session, factory):
    reviewed_articles(session, factory)
    raw = text_of(session, "csv")
    assert raw.startswith("\ufeff") and "\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.removeprefix("\ufeff"), newline="")))
    assert [r["claim"] for r in rows][0] == TRICKY
    assert rows[0]["verdict_label"] == "Salah" and rows[0]["verdict_label_en"] == "False"
    assert rows[0]["article_title"] == 'Ulasan: "kutipan" & <b>baris</b>'
    assert rows[0]["evidence_count"] == "1"  # the rejected passage is not evidence
    assert rows[0]["evidence_urls"] == "https://bps.example.id/laporan"
    assert rows[0]["rationale"] == RATIONALE
    assert (rows[0]["reviewed"], rows[0]["published"]) == ("2025-11-07T09:30:00Z",) * 2
    assert rows[1]["published"] == ""  # verified, not published
    claims = json.loads(text_of(session, "json"))["claims"]
    assert [r["updated"] for r in rows] == [c["updated"] for c in claims]  # one timestamp style


@pytest.mark.parametrize(
    "cell", ["=1+1", "+62 812", "-5 persen? @tanya tim", "@SUM(A1)", "\tx", "\rx"]
)
def test_csv_cells_that_would_start_a_formula_are_neutralised(session, factory, cell):
    article = factory.article("Formula", language="id")
    factory.claim(article, text_=cell, status="verified", verdict="true", rationale=cell)
    rows = list(csv.reader(io.StringIO(text_of(session, "csv").removeprefix("\ufeff"), newline="")))
    header, row = rows[0], rows[1]
    assert row[header.index("claim")] == "'" + cell
    assert row[header.index("rationale")] == "'" + cell
    assert not any(value.startswith(("=", "+", "-", "@", "\t", "\r")) for value in row)


CELLS = [
    "plain",
    "",
    None,
    " ",
    'a "quote"',
    '"',
    "a,b",
    "line\nbreak",
    "cr\rhere",
    "crlf\r\n",
    "tab\tinside",
    "semi;colon",
    "'apostrophe",
    "emoji 🎉",
    "\x00nul\x1fcontrol",
    "\u2028separator",
    "=1+1",
    "+62",
    "-",
    "@x",
    "\tx",
    "\rx",
    '=HYPERLINK("a,b")',
]


@pytest.mark.parametrize("value", CELLS)
def test_csv_cells_are_quoted_as_the_csv_module_quotes_them(value):
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerow(csvexport.safe_cells(["x", value, "y"]))
    assert csvexport.line(["x", value, "y"]) == buffer.getvalue()


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.hrefs += [v for k, v in attrs if k == "href"]

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    return parser


def test_html_report_escapes_user_text_and_sanitises_the_rationale(session, factory):
    rows = reviewed_articles(session, factory)
    html = text_of(session, "html")
    parsed = _parse(html)
    text = "".join(parsed.text)
    assert "script" not in parsed.tags and "b" not in parsed.tags
    assert not any(h.lower().startswith("javascript:") for h in parsed.hrefs)
    assert rows["article"].title in text  # shown as typed, <b> and all
    assert TRICKY in text and "Salah" in text and "(False)" in text
    assert "strong" in parsed.tags  # the rationale's Markdown is rendered
    assert "Laporan BPS <2025>" in text and "archived 2025-11-07" in text
    assert "@media print" in html and "<script" not in html


def test_html_report_summary_counts_verdicts_per_article(session, factory):
    reviewed_articles(session, factory)
    html = text_of(session, "html")
    cells = re.findall(r"<tr><td>(.*?)</td><td class=\"count\">(\d+)</td></tr>", html)
    assert cells == [("Salah", "1"), ("Tidak dapat diverifikasi", "1"), ("True", "1")]


def test_markdown_report_keeps_text_and_lets_no_html_through(session, factory):
    rows = reviewed_articles(session, factory)
    text = text_of(session, "markdown")
    rendered = markdown.markdown(text)
    parsed = _parse(rendered)
    shown = "".join(parsed.text)
    assert "script" not in parsed.tags and "b" not in parsed.tags
    assert not any(h.lower().startswith("javascript:") for h in parsed.hrefs)
    assert rows["article"].title in shown
    assert TRICKY.replace("\n", " ") in shown
    assert "**3,1%**" in text  # the rationale stays Markdown
    assert "| Salah | 1 |" in text and "[1]" in text
    assert "1. Laporan BPS &lt;2025>, BPS <https://bps.example.id/laporan>" in text
    assert "(archived 2025-11-07)" in text


def _count_queries(engine) -> list[str]:
    seen: list[str] = []
    event.listen(
        engine,
        "before_cursor_execute",
        lambda conn, cursor, statement, *args: seen.append(statement),
    )
    return seen


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "html", "claimreview"])
def test_queries_do_not_grow_with_the_number_of_claims(app, session, factory, fmt):
    article = factory.article("Many", language="id")
    for n in range(3):
        factory.claim(article, text_=f"claim {n}", status="verified", verdict="true", rationale="r")
    seen = _count_queries(app.extensions["factcheck.engine"])
    text_of(session, fmt)
    few = len(seen)
    for n in range(3, 40):
        factory.claim(article, text_=f"claim {n}", status="verified", verdict="true", rationale="r")
    seen.clear()
    text_of(session, fmt)
    assert len(seen) == few


def test_claims_are_read_batch_by_batch(app, session, factory, monkeypatch):
    article = factory.article("Batches", language="id")
    for n in range(30):
        factory.claim(article, text_=f"claim {n}", status="verified", verdict="true", rationale="r")
    seen = _count_queries(app.extensions["factcheck.engine"])
    stream = iter_records(session, Selection(), batch_size=10)
    first = next(stream)
    assert first.claim.text == "claim 0"
    assert sum("FROM evidence" in s for s in seen) == 1  # only the first batch is loaded
    assert len(list(stream)) == 29
    assert sum("FROM evidence" in s for s in seen) == 3
    monkeypatch.setattr(records, "BATCH_SIZE", 10)
    seen.clear()
    chunks = FORMATS["json"].chunks(session, Selection(), publisher())
    header, claim = next(chunks), next(chunks)  # written before the other batches are read
    assert '"claims": [' in header and "claim 0" in claim
    assert sum("FROM evidence" in s for s in seen) == 1
    chunks.close()  # a download cut short: the cursor is closed (PostgreSQL warns otherwise)
    session.commit()


def test_html_report_keeps_publisher_and_address_apart(session, factory):
    reviewed_articles(session, factory)
    text = " ".join("".join(_parse(text_of(session, "html")).text).split())
    assert "Laporan BPS <2025>, BPS · https://bps.example.id/laporan (archived" in text
    assert 'Kompas "Harian" · Budi, S. · 2025-11-06 · https://news.example.id/a?x=1&y=2' in text
