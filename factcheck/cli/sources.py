"""Sources and evidence: fetch, paste, match (stored), match-file (no database)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

import click
from flask import current_app

from factcheck.cli import transaction, user_errors
from factcheck.errors import InputError

if TYPE_CHECKING:
    from factcheck.sources.snapshots import SnapshotOutcome

# The domain layer is imported inside the commands: `factcheck --help` loads this module.


def _bar(length: int, label: str):
    """A progress bar on stderr, so that stdout keeps only the results."""
    return click.progressbar(length=length, label=label, file=sys.stderr)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@click.command("fetch")
@click.argument("article")
@user_errors
def fetch_command(article: str) -> None:
    """Fetch and archive every cited source of ARTICLE (slug or id) that has a web address.

    Each source is saved as soon as it is fetched, so one failure (or an interrupted run) does
    not lose the others; a page whose content did not change adds no snapshot.

    Exit status: 0 when at least one source was fetched, or when no source has a web address;
    1 when every source with a web address failed or was refused (the summary says why).
    """
    from factcheck.articles.lookup import find_article
    from factcheck.sources.cited import article_sources
    from factcheck.sources.fetch import FetchSettings
    from factcheck.sources.snapshots import fetch_article_sources

    settings = FetchSettings.from_config(current_app.config)
    with transaction() as session:
        found = find_article(session, ref=article)
        total = len(article_sources(session, found))
        with _bar(total, f"fetching {total} sources") as bar:
            outcomes = fetch_article_sources(
                session, found, settings, progress=lambda _outcome: bar.update(1)
            )
    for outcome in outcomes:
        click.echo(
            f"{outcome.source.position:>3}. {_what(outcome):<14} {_short(outcome.source.title)}"
        )
        if outcome.error:
            click.echo(f"{'':>19}{outcome.error}")
    tried = [o for o in outcomes if o.status != "skipped"]
    failed = [o for o in tried if o.status != "ok"]
    if not tried:
        click.echo("no source has a web address; archive their text with `factcheck paste`")
        return
    click.echo(
        f"fetched {len(tried) - len(failed)} of {len(tried)} sources with a web address"
        + (f"; failed: {', '.join(str(o.source.position) for o in failed)}" if failed else "")
    )
    if tried and len(failed) == len(tried):
        raise click.ClickException("no source could be fetched (see above)")


def _what(outcome: SnapshotOutcome) -> str:
    if outcome.status != "ok":
        return outcome.status.upper() if outcome.status != "skipped" else "skipped"
    return "unchanged" if outcome.unchanged else "new snapshot"


@click.command("paste")
@click.argument("article")
@click.argument("position", type=int)
@click.argument("file")
@user_errors
def paste_command(article: str, position: int, file: str) -> None:
    """Archive text copied from a source (a paywalled page) as a snapshot.

    POSITION is the source's number in the article's list of sources; FILE is a text file,
    or - to read standard input.
    """
    from factcheck.articles.ingest import read_path
    from factcheck.articles.lookup import find_article
    from factcheck.sources.cited import source_at
    from factcheck.sources.pagetext import decode_page
    from factcheck.sources.snapshots import paste_text

    data = sys.stdin.buffer.read() if file == "-" else read_path(file)
    text = decode_page(data)
    with transaction() as session:
        found = find_article(session, ref=article)
        outcome = paste_text(session, source_at(session, article=found, position=position), text)
    if outcome.unchanged:
        click.echo(f"source {position}: the same text is already archived; nothing changed")
    else:
        click.echo(
            f"source {position}: archived {len(outcome.snapshot.text)} characters as "
            f"snapshot {outcome.snapshot.id}"
        )


@click.command("match")
@click.argument("article")
@click.option(
    "--top",
    type=click.IntRange(1, 50),
    default=5,
    show_default=True,
    help="Suggestions stored per claim.",
)
@click.option(
    "--min-score",
    type=click.FloatRange(0, 100),
    default=None,
    help="Lowest score suggested (default: the matcher's suggestion threshold).",
)
@user_errors
def match_command(article: str, top: int, min_score: float | None) -> None:
    """Match ARTICLE's claims against its sources' passages and store suggested evidence.

    Old suggestions are replaced; evidence a checker confirmed or rejected is kept.
    """
    from factcheck.articles.lookup import find_article
    from factcheck.matching import suggest

    with transaction() as session:
        found = find_article(session, ref=article)
        total = len(suggest.claims_to_match(session, found))
        with _bar(total, f"matching {total} claims") as bar:
            summary = suggest.match_article(
                session, found, top=top, min_score=min_score, progress=lambda _claim: bar.update(1)
            )
    for result in summary.claims:
        click.echo(f"{result.claim.key:>5}  {result.describe()}")
    click.echo(
        f"{summary.stored} suggestions for {len(summary.claims)} claims from "
        f"{summary.passages} passages; {len(summary.unsupported)} claims without a "
        f"supporting passage; {summary.replaced} old suggestions replaced"
    )


@click.command("match-file")
@click.option(
    "--claims",
    "claims_file",
    required=True,
    type=click.Path(dir_okay=False),
    help='JSON lines: {"id", "text", "lang"?}',
)
@click.option(
    "--passages",
    "passages_file",
    required=True,
    type=click.Path(dir_okay=False),
    help='JSON lines: {"id", "text", "lang"?, "source"?}',
)
@click.option("--top", type=click.IntRange(1, 100), default=5, show_default=True)
@click.option(
    "--min-score",
    type=click.FloatRange(0, 100),
    default=None,
    help="Default: the matcher's suggestion threshold.",
)
@click.option("-o", "--output", default="-", show_default=True, help="A file, or - for stdout.")
@user_errors
def match_file_command(
    claims_file: str, passages_file: str, top: int, min_score: float | None, output: str
) -> None:
    """Match claims against passages from JSON-lines files, without a database.

    Writes one JSON line per claim: {"claim_id", "matches": [{"passage_id", "score",
    "strength", "agree", "disagree"}, ...]}, best first.
    """
    from factcheck.matching import suggest

    claims = suggest.read_jsonl(_lines(claims_file), claims_file)
    passages = suggest.read_jsonl(_lines(passages_file), passages_file, passages=True)
    results = suggest.match_records(claims, passages, top=top, min_score=min_score)
    if output == "-":
        _write(results, sys.stdout)
        return
    try:
        stream = open(output, "w", encoding="utf-8")
    except OSError as error:
        raise InputError(f"{output}: cannot write ({error.strerror})") from None
    with stream:
        _write(results, stream)


def _write(results, stream) -> None:
    for result in results:
        stream.write(json.dumps(result, ensure_ascii=False) + "\n")


def _lines(name: str) -> Iterator[bytes]:
    """The lines of a file, read as they are needed (no size limit: passages can be many)."""
    try:
        with open(name, "rb") as stream:
            yield from stream
    except OSError as error:
        raise InputError(f"{name}: cannot read ({error.strerror})") from None


COMMANDS = [fetch_command, paste_command, match_command, match_file_command]
