"""`factcheck export` formats and options, and `factcheck import` of ClaimReview files."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlmodel import select

from factcheck.export import csvexport
from factcheck.models import ReferenceFactCheck
from tests.export.test_formats import FORMULA, TRICKY, reviewed_articles


def test_csv_to_stdout_is_utf8_with_bom_and_crlf(runner, session, factory):
    reviewed_articles(session, factory)
    result = runner.invoke(args=["export", "--format", "csv"])
    assert result.exit_code == 0, result.output
    raw = result.stdout_bytes
    assert raw.startswith("\ufeff".encode()) and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [r["claim"] for r in rows] == [TRICKY, "'" + FORMULA, "The plant makes 40 MW."]


def test_status_article_and_since_options_select_claims(runner, session, factory, tmp_path):
    rows = reviewed_articles(session, factory)
    target = tmp_path / "out.json"
    result = runner.invoke(
        args=[
            "export",
            "--format",
            "json",
            "--status",
            "all",
            "--article",
            rows["article"].slug,
            "--since",
            "2000-01-01",
            "-o",
            str(target),
        ]
    )
    assert result.exit_code == 0, result.output
    assert f"wrote {target}" in result.output
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [c["text"] for c in data["claims"]] == [TRICKY, FORMULA, "Belum dicek."]
    assert data["selection"] == {
        "status": "all",
        "article_id": rows["article"].id,
        "since": "2000-01-01",
    }
    later = runner.invoke(args=["export", "--format", "json", "--since", "2999-01-01"])
    assert json.loads(later.stdout)["claims"] == []


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("claimreview", '"@type": "DataFeed"'),
        ("markdown", "# Fact-check report"),
        ("html", "<!doctype html>"),
    ],
)
def test_every_format_is_offered_on_the_command_line(runner, session, factory, fmt, expected):
    reviewed_articles(session, factory)
    result = runner.invoke(args=["export", "--format", fmt, "--status", "published"])
    assert result.exit_code == 0, result.output
    assert expected in result.stdout and "Ulasan" in result.stdout


def test_claimfile_export_still_works_and_refuses_report_options(runner, session, factory):
    rows = reviewed_articles(session, factory)
    result = runner.invoke(args=["export", "--article", rows["article"].slug])
    assert result.exit_code == 0 and "format: factcheck/claimfile 1" in result.stdout
    assert "Belum dicek." in result.stdout  # lossless: every claim
    refused = runner.invoke(args=["export", "--format", "claimfile", "--status", "published"])
    assert refused.exit_code == 1 and "do not apply" in refused.output


def test_unknown_article_and_unwritable_output_are_one_line_errors(
    runner, session, factory, tmp_path
):
    reviewed_articles(session, factory)
    missing = runner.invoke(args=["export", "--format", "csv", "--article", "nope"])
    assert missing.exit_code == 1 and missing.output.strip() == (
        "Error: no article 'nope' (see `factcheck articles`)"
    )
    nowhere = runner.invoke(
        args=["export", "--format", "csv", "-o", str(tmp_path / "no" / "such" / "dir.csv")]
    )
    assert nowhere.exit_code == 1 and nowhere.output.startswith("Error: cannot write")
    assert "Traceback" not in nowhere.output


def test_failed_export_leaves_the_previous_file_untouched(
    runner, session, factory, tmp_path, monkeypatch
):
    reviewed_articles(session, factory)
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "claims.csv"
    target.write_text("yesterday's export", encoding="utf-8")

    def broken(record, publisher):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(csvexport, "row", broken)
    result = runner.invoke(args=["export", "--format", "csv", "-o", str(target)])
    assert result.exit_code != 0
    assert target.read_text(encoding="utf-8") == "yesterday's export"
    assert [p.name for p in folder.iterdir()] == ["claims.csv"]  # no partial file


def test_import_command_reads_claimreview_files(runner, session, tmp_path):
    path = tmp_path / "others.jsonld"
    path.write_text(
        json.dumps(
            {
                "@type": "DataFeed",
                "dataFeedElement": [
                    {
                        "@type": "ClaimReview",
                        "url": "https://other.example/1",
                        "claimReviewed": "Satu",
                    },
                    {
                        "@type": "ClaimReview",
                        "url": "https://other.example/2",
                        "claimReviewed": "Dua",
                    },
                ],
            }
        ),
        encoding="utf-8",
    )
    result = runner.invoke(args=["import", str(path)])
    assert result.exit_code == 0, result.output
    assert "imported 2 reference fact-checks (ClaimReview)" in result.output
    assert [r.claim_reviewed for r in session.exec(select(ReferenceFactCheck)).all()] == [
        "Satu",
        "Dua",
    ]


def test_import_command_refuses_a_bad_claimreview_file_in_one_line(runner, session, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps(
            [
                {"@type": "ClaimReview", "url": "https://other.example/1", "claimReviewed": "Satu"},
                {"@type": "ClaimReview", "url": "https://other.example/2"},
            ]
        ),
        encoding="utf-8",
    )
    result = runner.invoke(args=["import", str(path)])
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"Error: {path}: ClaimReview #2: missing claimReviewed (the claim that was checked)"
    )
    assert session.exec(select(ReferenceFactCheck)).all() == []
