"""No web request fetches, embeds or matches: the web shell never imports the code that does
(the fetcher, the matcher, claim extraction, embedding passages or stored claims); such work
goes through factcheck.jobs.

The one embedding a request may do is of the search text itself: ``GET /api/similar?text=``
(issue 11) turns its query (at most 2,000 characters, one model call, rate-limited) into a vector
to look the archive up, as a search box must; passages, snapshots and claims are embedded by
jobs only."""

from __future__ import annotations

import ast
from pathlib import Path

WEB = Path(__file__).resolve().parents[2] / "factcheck" / "web"
SLOW_MODULES = (
    "factcheck.sources.fetch",
    "factcheck.matching",
    "factcheck.articles.extract",
    "factcheck.articles.reextract",
    "factcheck.sources.watch",
)
SLOW_NAMES = {
    "fetch_source",
    "fetch_article_sources",
    "fetch_url",
    "match_article",
    "reextract",
    "embed_in_batches",
    "embed_pending",
    "store_vectors",
}


def _imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
            found += [f"{node.module}.{alias.name}" for alias in node.names]
    return found


def test_the_web_shell_imports_nothing_that_fetches_matches_or_extracts():
    offenders = [
        f"{path.relative_to(WEB)}: {name}"
        for path in sorted(WEB.rglob("*.py"))
        for name in _imports(path)
        if name.startswith(SLOW_MODULES) or name.rpartition(".")[2] in SLOW_NAMES
    ]
    assert offenders == []


def test_the_check_would_see_an_offender(tmp_path):
    path = tmp_path / "view.py"
    path.write_text("from factcheck.sources.snapshots import fetch_source\n")
    assert "factcheck.sources.snapshots.fetch_source" in _imports(path)
