"""Articles from files and stdin: NUL bytes anywhere and over-long titles are refused in one
line, and nothing is stored."""

from __future__ import annotations

import pytest
from sqlmodel import select

from factcheck.models import Article

BODY = "Harbour cargo rose to 120 tonnes in 1995, the port authority said.\n"


@pytest.mark.parametrize(
    ("text", "args", "message"),
    [
        ("Title\n" + BODY * 200 + "late \x00 byte\n", [], "NUL"),
        ("T" * 501 + "\n" + BODY, [], "at most 500 characters"),
        ("Title\n" + BODY, ["--title", "T" * 501], "at most 500 characters"),
        ("Title\n" + BODY, ["--publisher", "P" * 201], "at most 200 characters"),
        ("Title\n" + BODY + "\nSources\n" + "S" * 501 + " https://a.example/\n", [], "at most 500"),
    ],
)
def test_hostile_articles_are_refused_in_one_line(runner, session, tmp_path, text, args, message):
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(args=["ingest", str(path), "--no-extract", *args])
    assert result.exit_code == 1, result.output
    assert message in result.output and len(result.output.strip().splitlines()) == 1
    assert session.exec(select(Article)).all() == []
