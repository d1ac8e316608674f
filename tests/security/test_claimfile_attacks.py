"""Hostile claim files: every one is refused whole, in one line naming file, line and field,
with nothing imported; none ends in a traceback, a hang, or a file written outside its folder.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml
from sqlmodel import select

from factcheck.claimfiles.load import import_text
from factcheck.errors import InputError
from factcheck.models import Article, User

DEMO = Path(__file__).resolve().parents[2] / "claims" / "kazakhstan-abraham-accords.yaml"


def demo() -> str:
    return DEMO.read_text(encoding="utf-8")


def changed(old: str, new: str) -> str:
    text = demo()
    assert old in text, old
    return text.replace(old, new, 1)


def variant(where: str, value) -> str:
    """The demo file with the field at ``where`` ("claims.0.text") set to ``value``."""
    data = yaml.safe_load(demo())
    *path, last = [int(p) if p.isdigit() else p for p in where.split(".")]
    item = data
    for part in path:
        item = item[part]
    item[last] = value
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def refused(session, text: str, match: str, *, trusted: bool = True) -> str:
    with pytest.raises(InputError, match=match) as caught:
        import_text(session, text, "hostile.yaml", trusted=trusted)
    session.rollback()
    assert session.exec(select(Article.id)).all() == []
    message = str(caught.value)
    assert message.startswith("hostile.yaml: ") and "\n" not in message
    return message


@pytest.mark.parametrize(
    "slug",
    [
        "../../etc/cron.d/evil",
        "/tmp/planted",
        "..",
        "a/b",
        "Upper-Case",
        "spaced slug",
        "dot.yaml",
        "x" * 121,
        "",
        "back\\slash",
        "nul\0byte",
        "tab\tchar",
        "café",
    ],
)
def test_a_slug_outside_a_z_0_9_and_dash_is_refused(session, slug):
    refused(session, variant("article.slug", slug), r"article\.slug")


@pytest.mark.parametrize("key", ["../c1", "c 1", "x" * 41, "c1/../../x", ""])
def test_a_claim_key_that_is_not_a_plain_name_is_refused(session, key):
    refused(session, variant("claims.0.key", key), r"claims\[0\]\.key")


@pytest.mark.parametrize(
    "where",
    ["article.title", "article.text", "article.language", "claims.0.kind", "claims.0.text"],
)
def test_a_nul_character_anywhere_is_refused(session, where):
    message = refused(session, variant(where, "bad \0 value"), "NUL")
    assert where.replace(".0.", "[0].") in message


@pytest.mark.parametrize(
    ("where", "length", "limit"),
    [
        ("article.title", 600, 500),  # the attack imported 60 MB; the limit is the point
        ("article.editor", 201, 200),
        ("claims.0.text", 10_001, 10_000),
        ("sources.0.title", 501, 500),
    ],
)
def test_over_long_fields_are_refused_with_their_limit(session, where, length, limit):
    message = refused(session, variant(where, "x" * length), f"at most {limit:,} characters")
    assert where.replace(".0.", "[0].") in message


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("  published: null", "  published: 2025-02-30", "day is out of range"),
        ("  published: null", "  published: 2025-13-01", "month must be in"),
        ("  span: [0, 159]", "  span: [0, 99999999999999999999999]", r"claims\[0\]\.span"),
        ("  version: 1\n", "  version: 99999999999999999999999\n", r"claims\[0\]\.version"),
        ("  score: 0.9", "  score: .nan", r"claims\[1\]\.score: .*finite"),
        ("  score: 0.9", "  score: .inf", r"claims\[1\]\.score: .*finite"),
        ("  score: 0.9", "  score: 1.0e+400", r"claims\[1\]\.score: .*finite"),
    ],
)
def test_impossible_dates_huge_numbers_and_nan_are_refused(session, old, new, field):
    refused(session, changed(old, new), field)


def test_deep_nesting_is_refused_not_a_recursion_error(session):
    deep = "[" * 5000 + "]" * 5000
    refused(session, changed("  reasons:\n", f"  reasons: {deep}\n  reasonsx:\n"), "nested")


def test_yaml_aliases_are_refused_at_once_not_expanded(session):
    """A "billion laughs": nine levels of ten aliases each would expand to 10**9 strings."""
    lines = ['a0: &a0 "lol"']
    for level in range(1, 10):
        refs = ", ".join(f"*a{level - 1}" for _ in range(10))
        lines.append(f"a{level}: &a{level} [{refs}]")
    bomb = "\n".join(lines) + "\n"
    started = time.monotonic()
    message = refused(session, bomb + demo(), "alias")
    assert time.monotonic() - started < 2
    assert "line 2" in message


def test_a_single_alias_is_refused_too(session):
    text = changed("  title: Kazakhstan", "  title: &t Kazakhstan").replace(
        "  publisher: null", "  publisher: *t", 1
    )
    refused(session, text, "alias")


@pytest.mark.parametrize(
    ("name", "existing"),
    [
        ("Alice", "alice"),
        ("al1ce", "alice"),
        ("a.lice", "alice"),
        ("aIice", "alice"),
        ("аlice", "alice"),  # Cyrillic а
        ("alice ", "alice"),
    ],
)
def test_a_name_that_looks_like_an_existing_user_is_refused(session, factory, name, existing):
    factory.user(existing, role="editor")
    text = changed("    by: system\n", f"    by: '{name}'\n")
    refused(session, text, r"claims\[0\]\.history\[0\]\.by")
    assert session.exec(select(User.name)).all() == [existing]


# --- claim files cannot forge the workflow -------------------------------------------------
@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("  status: unverified", "  status: published", r"claims\[0\]\.status"),
        ("  verdict: null", "  verdict: 'true'", r"claims\[0\]\.verdict"),
        ("  rationale: null", "  rationale: Looks right.", r"claims\[0\]\.rationale"),
        ("  published_by: null", "  published_by: alice", r"claims\[0\]\.published_by"),
        ("    action: create\n", "    action: status\n", r"claims\[0\]\.history\[0\]"),
        ("    by: system\n", "    by: alice\n", r"claims\[0\]\.history\[0\]"),
    ],
)
def test_review_work_in_a_file_needs_trust(session, old, new, field):
    message = refused(session, changed(old, new), field, trusted=False)
    assert "--trust" in message


def test_an_unreviewed_file_needs_no_trust(session):
    result = import_text(session, demo(), "demo.yaml", trusted=False)
    assert result.claims > 0


# --- exporting: file names come from slugs -------------------------------------------------
@pytest.mark.parametrize("slug", ["../planted", "/tmp/planted-abs", "a/../../planted", "..", "Ünï"])
def test_a_folder_export_never_writes_outside_its_folder_and_writes_nothing_at_a_bad_slug(
    runner, factory, tmp_path, slug
):
    """Slugs stored before they were checked (an old import) cannot steer file names."""
    factory.article("Good one", slug="good-one")
    factory.article("Bad one", slug=slug)
    factory.article("Another good one", slug="another-good-one")
    exports = tmp_path / "exports"
    out = exports / "deep" / "out"
    result = runner.invoke(args=["export", "--format", "claimfile", "-o", str(out)])
    assert result.exit_code == 1
    assert repr(slug) in result.output and "--article" in result.output
    assert sorted(p.name for p in exports.rglob("*") if p.is_file()) == []
    assert not Path("/tmp/planted-abs.yaml").exists()


def test_an_article_with_a_bad_slug_can_still_be_exported_to_a_named_file(
    runner, factory, tmp_path
):
    article = factory.article("Bad one", slug="../planted")
    out = tmp_path / "one.yaml"
    result = runner.invoke(
        args=["export", "--format", "claimfile", "--article", str(article.id), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "slug: ../planted" in out.read_text(encoding="utf-8")
