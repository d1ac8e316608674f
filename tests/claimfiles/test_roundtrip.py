"""Claim files: lossless round trip, and malformed files refused whole with file/line/field."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from sqlmodel import select

from factcheck.claimfiles import dump
from factcheck.claimfiles.dump import dump_article
from factcheck.claimfiles.load import import_path, import_text
from factcheck.errors import InputError
from factcheck.models import Article, Claim, ReviewEvent, User

DEMO = Path(__file__).resolve().parents[2] / "claims" / "kazakhstan-abraham-accords.yaml"


def test_shipped_demo_file_round_trips_byte_for_byte(session):
    original = DEMO.read_text(encoding="utf-8")
    result = import_text(session, original, DEMO.name)
    session.commit()
    assert dump_article(session, result.article) == original


def test_demo_holds_the_seed_article_its_six_sources_and_unverified_claims(session):
    result = import_path(session, DEMO)
    assert result.sources == 6
    claims = session.exec(select(Claim).where(Claim.article_id == result.article.id)).all()
    assert claims and {c.status for c in claims} == {"unverified"}
    text = result.article.text
    for claim in claims:  # every curated claim points at real text in the article
        assert 0 <= claim.start < claim.end <= len(text)
    assert any("1992" in c.text for c in claims)
    assert any("12,4 miliar" in c.text for c in claims)


def _reviewed_article(session, factory):
    editor = factory.user("erin", role="editor")
    article = factory.article(
        'Ulasan: "kutipan" & baris\nbaru', text_="Baris satu.\nBaris dua: 12,4%."
    )
    claim = factory.claim(
        article,
        text_="Baris dua: 12,4%.",
        start=12,
        end=29,
        status="published",
        verdict="false",
        rationale='Tidak benar:\n- poin satu\n- "kutip"',
        verdict_by_id=editor.id,
        version=4,
        claimant="Badan Pusat Statistik",
        section="body",
        checkworthy=False,
    )
    session.add(
        ReviewEvent(
            claim_id=claim.id,
            user_id=editor.id,
            actor="erin",
            action="correction",
            from_value="true",
            to_value="false",
            note="Angka salah",
            public=True,
        )
    )
    session.commit()
    return article


def test_reviewed_article_survives_export_import_export(session, factory, tmp_path):
    article = _reviewed_article(session, factory)
    first = dump_article(session, article)
    import_text(session, first, "x.yaml", replace=True, trusted=True)
    session.commit()
    again = session.exec(select(Article).where(Article.slug == article.slug)).one()
    assert dump_article(session, again) == first
    claim = session.exec(select(Claim).where(Claim.article_id == again.id)).one()
    assert (claim.verdict, claim.version, claim.rationale) == (
        "false",
        4,
        'Tidak benar:\n- poin satu\n- "kutip"',
    )
    assert (claim.claimant, claim.section, claim.checkworthy) == (
        "Badan Pusat Statistik",
        "body",
        False,
    )


def test_unknown_users_in_a_file_become_disabled_accounts(session, factory):
    text = dump_article(session, _reviewed_article(session, factory)).replace("erin", "zoe")
    import_text(session, text, "x.yaml", replace=True, trusted=True)
    zoe = session.exec(select(User).where(User.name == "zoe")).one()
    assert not zoe.active and zoe.password_hash is None


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("  status: unverified", "  status: maybe", r"claims\[0\]\.status: expected one of"),
        ("  span: [0, 159]", "  span: [159, 0]", r"claims\[0\]\.span: expected \[start, end\]"),
        ("  version: 1", "  version: one", r"claims\[0\]\.version: expected a whole number"),
        (
            "  created: '2026-11-24T12:00:00Z'\n  text:",
            "  created: yesterday\n  text:",
            r"article\.created: expected a UTC timestamp",
        ),
        ("format: factcheck/claimfile 1", "format: other 2", r"format: expected"),
        ("  - key: s1", "  - key: s2", r"duplicate key"),
        ("  kind: fact", "  kind: fact\n  colour: red", r"colour: unknown field"),
        ("  score: 0.9", "  score: [", r"not valid YAML"),
        (
            "  url: null\n  fetch_status",
            "  url: javascript:alert(1)\n  fetch_status",
            r"sources\[0\]\.url: expected an http:// or https:// web address",
        ),
    ],
)
def test_malformed_file_names_file_line_and_field(session, old, new, message):
    text = DEMO.read_text(encoding="utf-8").replace(
        old.replace("  - key", "- key"), new.replace("  - key", "- key"), 1
    )
    assert text != DEMO.read_text(encoding="utf-8")
    with pytest.raises(InputError, match=r"^demo\.yaml: line \d+: .*" + message):
        import_text(session, text, "demo.yaml")


def test_error_line_number_points_at_the_bad_field(session):
    lines = DEMO.read_text(encoding="utf-8").splitlines(keepends=True)
    bad = next(i for i, line in enumerate(lines) if line.startswith("  status:"))
    lines[bad] = "  status: maybe\n"
    with pytest.raises(InputError, match=rf"line {bad + 1}: claims\[0\]\.status"):
        import_text(session, "".join(lines), "demo.yaml")


def test_malformed_file_imports_nothing(app, runner, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        DEMO.read_text(encoding="utf-8").replace("  kind: opinion", "  kind: 7", 1),
        encoding="utf-8",
    )
    result = runner.invoke(args=["import", str(DEMO), str(bad)])
    assert result.exit_code == 1
    assert "bad.yaml: line" in result.output and "kind: expected text" in result.output
    listed = runner.invoke(args=["articles"])
    assert listed.output.count("kazakhstan-abraham-accords") == 1  # the good file stays


def test_importing_the_same_file_twice_is_refused_without_replace(runner):
    assert runner.invoke(args=["import", str(DEMO)]).exit_code == 0
    again = runner.invoke(args=["import", str(DEMO)])
    assert again.exit_code == 1 and "already in the database" in again.output
    assert runner.invoke(args=["import", "--replace", str(DEMO)]).exit_code == 0


def test_cli_export_reproduces_the_imported_file(runner, tmp_path):
    runner.invoke(args=["import", str(DEMO)])
    out = tmp_path / "out.yaml"
    result = runner.invoke(
        args=[
            "export",
            "--format",
            "claimfile",
            "--article",
            "kazakhstan-abraham-accords",
            "-o",
            str(out),
        ]
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == DEMO.read_bytes()


def test_cli_export_of_several_articles_writes_a_folder(runner, factory, tmp_path):
    runner.invoke(args=["import", str(DEMO)])
    factory.article("Second one")
    result = runner.invoke(args=["export", "--format", "claimfile", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "out").glob("*.yaml"))) == 2


def test_a_no_source_reason_survives_export_import_export(session, factory):
    article = _reviewed_article(session, factory)
    claim = session.exec(select(Claim).where(Claim.article_id == article.id)).one()
    claim.no_source_reason = "The ministry keeps no public record."
    session.add(claim)
    session.commit()
    first = dump_article(session, article)
    assert "no_source_reason: The ministry keeps no public record." in first
    import_text(session, first, "x.yaml", replace=True, trusted=True)
    session.commit()
    again = session.exec(select(Article).where(Article.slug == article.slug)).one()
    assert dump_article(session, again) == first


def test_when_a_claim_was_matched_survives_export_import_export(session, factory):
    article = _reviewed_article(session, factory)
    claim = session.exec(select(Claim).where(Claim.article_id == article.id)).one()
    claim.matched_at = datetime(2026, 12, 6, 12, 30, 5, tzinfo=UTC)
    session.add(claim)
    session.commit()
    first = dump_article(session, article)
    assert "matched: '2026-12-06T12:30:05Z'" in first
    import_text(session, first, "x.yaml", replace=True, trusted=True)
    session.commit()
    again = session.exec(select(Article).where(Article.slug == article.slug)).one()
    assert dump_article(session, again) == first
    kept = session.exec(select(Claim).where(Claim.article_id == again.id)).one()
    assert kept.matched_at == datetime(2026, 12, 6, 12, 30, 5, tzinfo=UTC)


def test_demo_claim_texts_stand_alone_and_keep_their_spans(session):
    from factcheck.articles.claimants import find_attribution

    result = import_path(session, DEMO)
    claims = session.exec(select(Claim).where(Claim.article_id == result.article.id)).all()
    for claim in claims:  # no claim text opens with a demonstrative or a pronoun
        first_words = claim.text.split()[:3]
        assert not {"itu", "ini", "tersebut", "ia", "mereka"} & {w.lower() for w in first_words}
    c2 = next(c for c in claims if c.key == "c2")
    assert (c2.start, c2.end) == (160, 309)  # the curated span, unchanged
    assert result.article.text[c2.start : c2.end].startswith("Pernyataan penting ini")
    attributed = {c.key: c.claimant for c in claims if c.claimant}
    assert attributed["c7"] == "Presiden Trump"
    assert find_attribution(next(c for c in claims if c.key == "c7").text, "id") is not None


def test_an_older_claim_file_without_the_new_fields_still_imports(session):
    text = DEMO.read_text(encoding="utf-8")
    for field in ("  claimant: null\n", "  section: body\n", "  checkworthy: true\n"):
        text = text.replace(field, "")
    text = text.replace("  claimant: Presiden Trump\n", "")
    result = import_text(session, text, "old.yaml")
    claim = session.exec(select(Claim).where(Claim.article_id == result.article.id)).first()
    assert (claim.section, claim.checkworthy, claim.claimant) == ("body", True, None)


TEXTS = [
    "Plain prose, with commas: and colons; quotes ' and \" and #hashes.",
    "Turnout rose to 71.2 percent " * 12,  # folded over several lines
    "Line one\nline two\n\nline four\n",
    "Line one  \nwith a space before the break " * 6,  # double-quoted and folded
    "Emoji 😀 in a post",
    "A tab\there and a carriage return\r\n",
    "Zero\u200bwidth, BOM \ufeff, separators \u2028 \u2029, NEL \x85",
    "Kazakhstan resmi bergabung dengan Kesepakatan Abraham pada 6 November 2025.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_claim_files_are_written_byte_for_byte_as_pythons_yaml_emitter_writes_them(text):
    data = {"article": {"title": text, "text": text + "\n"}, "claims": [{"reasons": [text]}]}
    options = {"sort_keys": False, "allow_unicode": True, "width": 100}
    expected = yaml.dump(data, Dumper=dump._PyDumper, **options)
    assert dump.to_yaml(data) == expected
    assert yaml.load(dump.to_yaml(data), Loader=yaml.SafeLoader) == data  # noqa: S506
