"""Hostile ClaimReview files (other organisations' fact-checks): refused in one line through
`factcheck import`, nothing stored, never a traceback."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from factcheck.models import ReferenceFactCheck

GOOD = {"@type": "ClaimReview", "url": "https://other.example/1", "claimReviewed": "Satu"}


def review(**fields) -> str:
    return json.dumps([{**GOOD, **fields}])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"@type": "ClaimReview", "x": ' + "9" * 5000 + "}", "not JSON"),
        (review(claimReviewed="bad \x00 claim"), "NUL"),
        (review(author={"name": "x\x00y"}), "NUL"),
        (review(url="https://other.example/\x00"), "NUL"),
        (review(claimReviewed="x" * 10_001), "at most 10,000 characters"),
    ],
)
def test_a_hostile_claimreview_file_is_refused_in_one_line(
    runner, session, tmp_path, text, message
):
    path = tmp_path / "hostile.json"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(args=["import", str(path)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert session.exec(select(ReferenceFactCheck)).all() == []


@pytest.mark.parametrize(
    "rating",
    [
        {"ratingValue": float("nan"), "bestRating": float("inf")},
        {"ratingValue": "1e400", "worstRating": -1e308 * 10},
        {"ratingValue": 10**40},
    ],
)
def test_numbers_that_are_not_finite_or_too_large_are_left_out(runner, session, tmp_path, rating):
    path = tmp_path / "numbers.json"
    path.write_text(json.dumps([{**GOOD, "reviewRating": rating}]), encoding="utf-8")
    result = runner.invoke(args=["import", str(path)])
    assert result.exit_code == 0, result.output
    [row] = session.exec(select(ReferenceFactCheck)).all()
    assert (row.rating_value, row.best_rating, row.worst_rating) == (None, None, None)
