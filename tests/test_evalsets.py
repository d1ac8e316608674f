"""bench/check_evalsets.py: the checks that keep the evaluation sets honest catch what they
say they catch, and every set in bench/data passes them."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def check(bench_module):
    return bench_module("check_evalsets")


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("erupted on Tuesday, Oct. 13, 2026, PVMBG said", 0),
        ("erupted on Wednesday, Oct. 13, 2026, PVMBG said", 1),
        ("Gunung itu meletus pada Selasa, 13 Oktober 2026.", 0),
        ("Gunung itu meletus pada Rabu, 13 Oktober 2026.", 1),
        ("ambruk pada Senin (2/11/2026)", 0),
        ("ambruk pada Minggu (2/11/2026)", 1),
        ("opened on Thursday, Sept. 17, 2026, and on Saturday, May 22, 2026", 1),
        ("on Friday, Feb. 30, 2026", 1),  # no such date
        ("pada Selasa (13/10) and on Wednesday, Oct. 14", 0),  # year-less: cannot be checked
    ],
)
def test_weekday_must_fall_on_the_full_date_beside_it(check, text, wrong):
    assert len(check.wrong_weekdays(text)) == wrong


def _write(path, rows):
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    return path


PASSAGE = {"type": "passage", "lang": "en", "source": "s", "topic": "t"}
CLAIM = {"type": "claim", "lang": "id", "topic": "t", "gold": []}


def test_a_role_must_be_known_and_on_a_place_or_name(check, tmp_path):
    rows = [
        {**PASSAGE, "id": "zp1", "text": "The regent of Sikka declared an emergency."},
        {
            **CLAIM,
            "id": "zc1",
            "text": "Bupati Flores Timur menetapkan tanggap darurat.",
            "contradicts": [
                {
                    "passage": "zp1",
                    "kind": "place",
                    "claim_value": "Flores Timur",
                    "passage_value": "Sikka",
                    "role": "regency",
                },
                {
                    "passage": "zp1",
                    "kind": "place",
                    "claim_value": "Flores Timur",
                    "passage_value": "Sikka",
                    "role": "province-ish",
                },
                {
                    "passage": "zp1",
                    "kind": "count",
                    "claim_value": "1",
                    "passage_value": "2",
                    "role": "person",
                },
            ],
        },
    ]
    problems: list[str] = []
    counts = check.check_match(_write(tmp_path / "set.jsonl", rows), problems)
    assert len(problems) == 2
    assert "'province-ish' on a place" in problems[0] and "'person' on a count" in problems[1]
    assert counts["contradiction role regency"] == 1


def test_a_wrong_weekday_in_a_passage_is_reported(check, tmp_path):
    rows = [{**PASSAGE, "id": "zp1", "text": "It erupted on Monday, Oct. 13, 2026."}]
    problems: list[str] = []
    check.check_match(_write(tmp_path / "set.jsonl", rows), problems)
    assert problems == [
        f"{tmp_path / 'set.jsonl'}: zp1: weekday does not fit the date 'Monday, Oct. 13, 2026'"
    ]


def test_an_id_used_by_two_files_is_reported(check, tmp_path):
    one = _write(tmp_path / "one.jsonl", [{**PASSAGE, "id": "zp1", "text": "a"}])
    two = _write(tmp_path / "two.jsonl", [{**PASSAGE, "id": "zp1", "text": "b"}])
    other = _write(tmp_path / "three.jsonl", [{**PASSAGE, "id": "yp1", "text": "c"}])
    assert check.shared_ids([one, two, other]) == [f"{two}: id zp1 is also used in {one}"]


def test_every_set_in_bench_data_passes(check, capsys):
    assert check.main() == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "== match_eval_v5/heldout" in out
    assert "== extract_eval/heldout8" in out
    assert "== extract_eval/heldout9" in out
    assert "== extract_eval/heldout10" in out
    assert "== extract_eval/heldout11" in out
    assert "== extract_eval/heldout12" in out
    assert "== extract_eval/heldout13" in out
