"""Articles in and out: ingest, extract, import, export, list, serve."""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from factcheck.cli import cli_actor, command_config, transaction, user_errors

if TYPE_CHECKING:
    from factcheck.articles.ingest import ParsedArticle

# The domain layer is imported inside the commands: `factcheck --help` loads this module.


def _read_document(target: str, title: str | None, language: str | None) -> ParsedArticle:
    """PATH, URL or - (stdin) to a parsed article."""
    from factcheck.articles import ingest as ingesting

    if target.startswith(("http://", "https://")):
        from factcheck.articles.adding import read_url
        from factcheck.sources.fetch import FetchSettings

        settings = FetchSettings.from_config(command_config())
        return read_url(target, settings, title=title, language=language)
    if target == "-":
        return ingesting.read_document(
            sys.stdin.buffer.read(), "stdin", title=title, language=language
        )
    return ingesting.read_document(
        ingesting.read_path(target), target, title=title, language=language
    )


@click.command("ingest")
@click.argument("target")
@click.option("--title", help="Article title (default: the first line or the page title).")
@click.option("--language", type=click.Choice(["id", "en"]), help="Default: detected.")
@click.option("--publisher", help="Who published the article.")
@click.option("--no-extract", is_flag=True, help="Store the article without proposing claims.")
@click.option(
    "--min-score",
    default=0.0,
    show_default=True,
    help="Store proposed claims at least this check-worthy (0: all, opinions included).",
)
@user_errors
def ingest_command(
    target: str,
    title: str | None,
    language: str | None,
    publisher: str | None,
    no_extract: bool,
    min_score: float,
) -> None:
    """Store an article from a text or HTML file, a URL, or - for stdin."""
    from factcheck.articles import ingest as ingesting
    from factcheck.articles import lookup

    parsed = _read_document(target, title, language)
    with transaction() as session:
        article, created = ingesting.ingest(
            session,
            parsed,
            extract=not no_extract,
            min_score=min_score,
            publisher=publisher,
            actor=cli_actor(),
        )
        claims = lookup.count_claims(session, article=article)
    if not created:
        click.echo(f"already ingested as {article.slug!r} (id {article.id}); nothing changed")
        return
    click.echo(
        f"ingested {article.slug!r} (id {article.id}, language {article.language}): "
        f"{len(parsed.sources)} sources, {claims} proposed claims"
    )


@click.command("extract")
@click.argument("target")
@click.option(
    "--format", "output", type=click.Choice(["table", "jsonl"]), default="table", show_default=True
)
@click.option("--language", type=click.Choice(["id", "en"]), help="Default: detected.")
@click.option("--min-score", default=0.0, show_default=True)
@user_errors
def extract_command(target: str, output: str, language: str | None, min_score: float) -> None:
    """Print the claims proposed for an article (its headline first), storing nothing."""
    from factcheck.articles.extract import extract_article

    command_config()  # the configured languages, when run without an app (cli.run)
    parsed = _read_document(target, None, language)
    proposals = extract_article(
        parsed.title,
        parsed.body,
        parsed.language,
        min_score=min_score,
        published=parsed.published,
        latest=datetime.date.today(),
    )
    for number, claim in enumerate(proposals, start=1):
        if output == "jsonl":
            click.echo(json.dumps(claim.as_dict(), ensure_ascii=False))
            continue
        click.echo(f"{number:>3}  {claim.score:.2f}  {claim.kind:<7}  {claim.claim_text}")
        if claim.claim_text != claim.text:
            click.echo(f"{'':>16}article: {claim.text}")
        said = f"claimant: {claim.claimant}; " if claim.claimant else ""
        click.echo(f"{'':>16}{claim.section}; {said}{'; '.join(claim.reasons)}")


@click.command("import")
@click.argument("files", nargs=-1, required=True)
@click.option("--replace", is_flag=True, help="Overwrite articles already in the database.")
@click.option(
    "--trust",
    is_flag=True,
    help="Import review work too (statuses, verdicts, history); needs --as an admin, whose "
    "password is asked for.",
)
@click.option("--as", "as_name", metavar="NAME", help="The admin who vouches for --trust.")
@user_errors
def import_command(files: tuple[str, ...], replace: bool, trust: bool, as_name: str | None) -> None:
    """Import claim files (claims/*.yaml), ClaimReview files, or ClaimReview feeds by web
    address (https://...); each file or feed is all or nothing.

    A claim file that records review work is refused unless an admin imports it with
    --trust; every import is recorded in the audit log with the file's SHA-256.
    """
    from flask import current_app

    from factcheck.archive import feeds
    from factcheck.export import import_any

    actor = _trusting_admin(as_name) if trust else cli_actor()
    for name in files:
        if feeds.is_address(name):  # a ClaimReview feed, through the one safe fetcher
            settings = feeds.feed_settings(current_app.config)
            with transaction() as session:
                click.echo(feeds.import_feed_url(session, name, settings, actor=actor).describe())
            continue
        with transaction() as session:
            message = import_any(
                session,
                Path(name),
                replace=replace,
                scale=current_app.extensions["factcheck.ratings"],
                trusted=trust,
                actor=actor,
            )
        click.echo(f"{name}: {message}")


def _trusting_admin(name: str | None):
    """The admin named by --as, after their password (asked for, or the first stdin line)."""
    from flask import current_app

    from factcheck.cli.users import read_password
    from factcheck.errors import InputError
    from factcheck.review.users import verify_admin

    if not name:
        raise InputError("--trust needs --as NAME: the admin who vouches for the files")
    password = read_password(confirm=False)
    with transaction() as session:
        return verify_admin(
            session,
            name,
            password,
            max_failures=current_app.config["LOGIN_MAX_FAILURES"],
            lockout_seconds=current_app.config["LOGIN_LOCKOUT_SECONDS"],
        )


@click.command("articles")
def list_articles() -> None:
    """List the stored articles."""
    from flask import current_app

    from factcheck.articles.listing import article_rows, sqlite_article_rows

    engine_made = "factcheck.engine" in current_app.extensions  # (made on first read)
    rows = None if engine_made else sqlite_article_rows(current_app.config["DATABASE_URL"])
    if rows is None:  # not SQLite at the newest revision: the engine creates or migrates it
        rows = article_rows(current_app.extensions["factcheck.engine"])
    for number, slug, language, title in rows:
        click.echo(f"{number:>4}  {slug}  [{language}]  {title}")


def import_demo() -> str | None:
    """Import the shipped claim files when the database has no article; returns a message."""
    from flask import current_app

    from factcheck.articles import lookup
    from factcheck.export import import_any

    folder = Path(current_app.config["DEMO_CLAIMS_DIR"] or "")
    with transaction() as session:
        if lookup.has_articles(session) or not folder.is_dir():
            return None
        files = sorted(folder.glob("*.yaml"))
        for path in files:  # shipped with the tool: its review work is trusted
            import_any(session, path, trusted=True)
    return f"imported {len(files)} demo claim file(s) from {folder}"


def setup_address(host: str, port: int) -> str | None:
    """The one-time set-up address while no user exists (its token is made if needed)."""
    from flask import current_app

    from factcheck.review.firstrun import issue_token
    from factcheck.review.users import has_users

    with transaction() as session:
        if has_users(session):
            return None
    try:
        token = issue_token(current_app.instance_path)
    except OSError as error:  # an instance folder it may not write: the CLI still works
        click.echo(f"cannot write the set-up token ({error}); use `factcheck user add`", err=True)
        return None
    shown = "127.0.0.1" if host in ("0.0.0.0", "", "::") else host
    shown = f"[{shown}]" if ":" in shown else shown
    return f"http://{shown}:{port}/setup/{token}"


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True)
@click.option("--debug", is_flag=True)
@click.option(
    "--no-worker", is_flag=True, help="Run no worker in this process (`factcheck worker` does)."
)
@user_errors
def serve(host: str, port: int, debug: bool, no_worker: bool) -> None:
    """Run the development server (imports the demo article into an empty database), with a
    worker for background jobs in the same process."""
    message = import_demo()
    if message:
        click.echo(message)
    address = setup_address(host, port)
    if address:
        click.echo(
            "No user exists yet. Create the first admin in your browser at this one-time "
            f"address:\n\n    {address}\n"
        )
    from flask import current_app
    from werkzeug.serving import run_simple

    from factcheck.jobs.consumer import start_embedded

    queue = current_app.extensions["factcheck.jobs"]
    worker = None if no_worker else start_embedded(queue, threads=2)
    # Not app.run(): Flask ignores that inside its own CLI.
    click.echo(
        f"serving on http://{host}:{port}/ (development server; Ctrl+C to stop)"
        + ("" if no_worker else f"; background jobs run here, on the {queue.describe()}")
    )
    try:
        run_simple(
            host,
            port,
            current_app._get_current_object(),
            use_debugger=debug,
            use_reloader=False,
            threaded=True,
        )
    finally:
        if worker is not None:
            worker.stop()


COMMANDS = [ingest_command, extract_command, import_command, list_articles, serve]
