"""`factcheck export`: claim files and reports out."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

import click
from flask import current_app

from factcheck.cli import DomainChoice, transaction, user_errors
from factcheck.errors import InputError

# The domain layer is imported inside the command: `factcheck --help` loads this module.


def _formats() -> list[str]:
    from factcheck.export.stream import FORMATS

    return [*FORMATS, "claimfile"]


def _statuses() -> list[str]:
    from factcheck.export.records import STATUSES

    return list(STATUSES)


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=DomainChoice(_formats),
    default="claimfile",
    show_default=True,
    help="claimreview (schema.org JSON-LD DataFeed), json (factcheck/export 1), "
    "csv (UTF-8 with BOM), markdown or html (report), claimfile (lossless).",
)
@click.option("--article", "article_ref", help="One article, by slug or id (default: all).")
@click.option(
    "--status",
    type=DomainChoice(_statuses),
    help="verified (default): verified and published claims; published: only "
    "published ones; all: any status. Deleted claims are never exported.",
)
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Only claims changed on or after this day (YYYY-MM-DD, UTC).",
)
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    help="File, folder (claimfile with several articles) or - for stdout.",
)
@user_errors
def export_command(
    fmt: str, article_ref: str | None, status: str | None, since: datetime | None, output: str
) -> None:
    """Write claims out in FORMAT."""
    from factcheck.articles.lookup import find_article
    from factcheck.export.records import Publisher, Selection
    from factcheck.export.stream import export_chunks

    if fmt == "claimfile":
        if status or since:
            raise InputError(
                "claim files hold every claim of an article: "
                "--status and --since do not apply to them"
            )
        export_claimfiles(article_ref, output)
        return
    with transaction() as session:
        article_id = find_article(session, ref=article_ref).id if article_ref else None
        selection = Selection(
            status=status or "verified",
            article_id=article_id,
            since=since.date() if since else None,
        )
        publisher = Publisher.from_config(
            current_app.config, current_app.extensions["factcheck.ratings"]
        )
        write_chunks(export_chunks(session, fmt, selection, publisher), output)


def write_chunks(chunks: Iterable[str], output: str) -> None:
    """Write text chunks to stdout (``-``) or to a file, replacing it only once complete.

    A failed export leaves an existing file as it was; no half-written file is left behind.
    """
    if output == "-":
        stream = sys.stdout.buffer
        for chunk in chunks:
            stream.write(chunk.encode("utf-8"))
        stream.flush()
        return
    target = Path(output)
    if target.is_dir():
        raise InputError(f"{target} is a folder; give a file name (or - for stdout)")
    _write_file(chunks, target)
    click.echo(f"wrote {target}")


def _write_file(chunks: Iterable[str], target: Path) -> None:
    """Write the chunks to a temporary file beside ``target``, then rename it."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        with open(temporary, "xb") as file:
            for chunk in chunks:
                file.write(chunk.encode("utf-8"))
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise InputError(f"cannot write {target}: {error.strerror or error}") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def export_claimfiles(article_ref: str | None, output: str) -> None:
    """Every article (or one) as claim files, each written as it is read (a batch of claims
    at a time): one article to a file (or stdout); several to a folder, one file each."""
    from factcheck.articles.lookup import find_article, list_articles
    from factcheck.claimfiles.dump import dump_chunks, paths_in

    with transaction() as session:
        if article_ref:
            articles = [find_article(session, ref=article_ref)]
        else:
            articles = list_articles(session)
        target = Path(output)
        if output == "-" or (len(articles) == 1 and not target.is_dir()):
            if len(articles) > 1:
                raise InputError("several articles need a folder: -o claims/")
            write_chunks(dump_chunks(session, articles[0]) if articles else [], output)
            return
        paths = paths_in(target, [a.slug for a in articles])
        target.mkdir(parents=True, exist_ok=True)
        for article in articles:
            _write_file(dump_chunks(session, article), paths[article.slug])
    click.echo(f"wrote {len(articles)} claim files to {target}/")


COMMANDS = [export_command]
