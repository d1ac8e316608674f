"""Claim files read and written a batch of claims at a time: the same bytes as one document,
all or nothing on import, and memory that does not grow with the number of claims."""

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from sqlmodel import func, select

from factcheck.claimfiles import dump, load
from factcheck.claimfiles.dump import dump_article
from factcheck.claimfiles.load import import_path, import_text
from factcheck.claimfiles.schema import HEADER
from factcheck.errors import InputError
from factcheck.models import Article, Claim

DEMO = Path(__file__).resolve().parents[2] / "claims" / "kazakhstan-abraham-accords.yaml"
OPTIONS = {"sort_keys": False, "allow_unicode": True, "width": 100}


@pytest.fixture
def small_batches(monkeypatch):
    """Batches of three claims, so that a file of a dozen crosses several."""
    monkeypatch.setattr(load, "BATCH_SIZE", 3)
    monkeypatch.setattr(dump, "BATCH_SIZE", 3)


@pytest.fixture
def demo_data(bench_module):
    """``demo_data(n)``: the demo file's data with its claims repeated to n (new keys)."""
    return bench_module("bench_claimfile").claim_data


def one_document(data: dict) -> str:
    """The file as PyYAML's emitter writes it in one piece (as every claim file was)."""
    return HEADER + yaml.dump(data, Dumper=dump._PyDumper, **OPTIONS)


SNAPSHOT = {
    "kind": "page",
    "url": "https://example.org/a",
    "final_url": "https://example.org/a",
    "http_status": 200,
    "content_type": "text/html",
    "sha256": "ab" * 32,
    "fetched": "2026-11-24T12:00:00Z",
}


@pytest.mark.parametrize(
    ("rationales", "page"),
    [
        ({}, None),  # libyaml's emitter writes every piece
        ({4: "Kept blank lines\n\n"}, None),  # a text ending in blank lines mid-file
        ({4: "Emoji 😀", 11: "Line one  \nwith a space before the break " * 6}, None),
        ({7: "A tab\there\r\n"}, "The page's text,\nending in blank lines\n\n"),
    ],
)
def test_a_file_of_many_batches_round_trips_as_one_document(
    session, small_batches, demo_data, rationales, page
):
    data = demo_data(12)
    for i, text in rationales.items():
        data["claims"][i]["rationale"] = text
    if page:  # the header's last text: written alone, its piece would end with "..."
        data["sources"][-1]["snapshots"] = [{**SNAPSHOT, "text": page}]
    original = one_document(data)
    result = import_text(session, original, "many.yaml", trusted=True)
    session.commit()
    assert result.claims == 12
    chunks = list(dump.dump_chunks(session, result.article))
    assert len(chunks) == 5  # the header and four batches
    assert "".join(chunks) == original


def test_an_article_without_claims_is_written_as_before(session, factory):
    article = factory.article("Nothing to check here")
    text = dump_article(session, article)
    assert text.endswith("sources: []\nclaims: []\n")
    import_text(session, text, "empty.yaml", replace=True)
    assert dump_article(session, session.exec(select(Article)).one()) == text


def test_a_bad_claim_at_the_end_imports_nothing_though_batches_were_written(
    session, small_batches, demo_data, tmp_path
):
    lines = one_document(demo_data(12)).splitlines(keepends=True)
    last = max(i for i, line in enumerate(lines) if line.startswith("  version: "))
    lines[last] = "  version: latest\n"
    path = tmp_path / "late.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(InputError, match=rf"late\.yaml: line {last + 1}: claims\[11\]\.version"):
        import_path(session, path, trusted=True)
    session.rollback()
    assert session.exec(select(func.count()).select_from(Claim)).one() == 0
    assert session.exec(select(Article.id)).all() == []


def test_broken_yaml_at_the_end_names_its_line_and_imports_nothing(
    session, small_batches, demo_data
):
    text = one_document(demo_data(12)) + "  - [unclosed\n"
    with pytest.raises(InputError, match=r"^x\.yaml: line \d+: not valid YAML"):
        import_text(session, text, "x.yaml", trusted=True)
    session.rollback()
    assert session.exec(select(Article.id)).all() == []


def test_a_file_with_its_claims_before_its_sources_imports_the_same(
    session, small_batches, demo_data
):
    data = demo_data(7)
    reordered = {"claims": data["claims"], **{k: v for k, v in data.items() if k != "claims"}}
    result = import_text(session, one_document(reordered), "hand-edited.yaml")
    session.commit()
    assert (result.claims, result.sources) == (7, 6)
    assert dump_article(session, result.article) == one_document(data)


def test_a_field_after_the_claims_is_still_checked(session, small_batches, demo_data):
    text = one_document(demo_data(7)) + "colour: red\n"
    with pytest.raises(InputError, match=r"line \d+: colour: unknown field"):
        import_text(session, text, "x.yaml")


def test_a_top_level_field_given_twice_is_refused(session):
    text = DEMO.read_text(encoding="utf-8") + "sources: []\n"
    with pytest.raises(InputError, match=r"x\.yaml: line \d+: sources: given twice"):
        import_text(session, text, "x.yaml")


def test_a_file_that_is_not_utf8_is_refused_with_its_name(session, tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(DEMO.read_bytes().replace(b"Kazakhstan", b"Kaz\xe1khstan", 1))
    with pytest.raises(
        InputError, match=r"latin1\.yaml: cannot read \(byte \d+: .*UTF-8"
    ) as caught:
        import_path(session, path)
    assert "\n" not in str(caught.value)


PROBE = Path(__file__).with_name("rss_probe.py")


def _growth_mb(claims: int, tmp_path: Path, demo_data) -> float:
    """Peak memory growth (MB) of a process importing and exporting ``claims`` claims."""
    folder = tmp_path / str(claims)
    folder.mkdir()
    data = demo_data(claims)
    data["article"]["slug"] = "many-claims"
    data["article"]["text"] += " Again."  # not the demo article, which the probe imports too
    path = folder / "claims.yaml"
    path.write_text(HEADER + dump.to_yaml(data), encoding="utf-8")  # here, not in the probe
    command = [sys.executable, str(Path(__file__).with_name("rss_probe.py")), str(path)]
    done = subprocess.run(
        [*command, str(folder)], capture_output=True, text=True, check=True, timeout=600
    )
    return float(done.stdout.split()[-1])


def test_memory_does_not_grow_with_the_number_of_claims(tmp_path, demo_data):
    """Importing and exporting 2,400 claims takes no more memory than 600 (batches of 200):
    holding every claim took about 40 KB each, 70 MB more for the larger file."""
    small, large = _growth_mb(600, tmp_path, demo_data), _growth_mb(2400, tmp_path, demo_data)
    assert large < small + 12, (small, large)
