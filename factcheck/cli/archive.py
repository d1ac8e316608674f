"""The claim archive: ``similar`` (has this been checked before?) and ``feeds`` (re-import the
configured ClaimReview feeds, for cron)."""

from __future__ import annotations

import json

import click
from flask import current_app

from factcheck.cli import transaction, user_errors

# The domain layer is imported inside the commands: `factcheck --help` loads this module.


def archive_search_parts():
    """The model and this database's archive index (the model loaded once per process)."""
    from factcheck.archive.archiveindex import archive_index
    from factcheck.matching.embedding import embedder

    model = embedder(current_app.config.get("EMBEDDING_MODEL"))
    engine = current_app.extensions["factcheck.engine"]
    return model, archive_index(engine, current_app.config, model.name, model.dim)


def embed_archive(model) -> int:
    """Embed what the archive lacks (a command may take its time; the web never does)."""
    from factcheck.archive.claimvectors import embed_pending

    with transaction() as session:
        return embed_pending(session, model)


@click.command("similar")
@click.argument("text")
@click.option("--lang", default=None, help="The text's language (id, en); guessed if left out.")
@click.option("--top", default=5, show_default=True, type=click.IntRange(1, 50))
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True
)
@user_errors
def similar_command(text: str, lang: str | None, top: int, fmt: str) -> None:
    """Has TEXT been checked before? The closest earlier checks (the newsroom's verified and
    published claims, and imported fact-checks), with whether each is the same claim."""
    from factcheck.archive.similar import query_for_text, search
    from factcheck.inputs import check_text

    check_text(text.strip(), "TEXT", 2000)
    if not text.strip():
        raise click.ClickException("TEXT is empty: give the claim to look for")
    model, index = archive_search_parts()
    embed_archive(model)
    query = query_for_text(model, text.strip(), lang)
    with transaction() as session:
        found = search(
            session, index, model, query, top=top, org_name=current_app.config.get("ORG_NAME")
        )
    for check in found:
        if fmt == "jsonl":
            click.echo(json.dumps(check.as_dict(), ensure_ascii=False))
            continue
        mark = "SAME" if check.same else "related"
        click.echo(
            f"{check.closeness:5.1f}  {mark:<7}  [{check.language or '?'}] {check.text}\n"
            f"{'':15}{check.verdict or 'no rating'} · {check.publisher or '?'} · "
            f"{check.date or 'no date'} · {check.url or ''}"
        )
        if check.differs:
            click.echo(f"{'':15}differs: {'; '.join(check.differs)}")
    if not found and fmt == "table":
        click.echo("no earlier check found")


@click.command("feeds")
@user_errors
def feeds_command() -> None:
    """Import every feed in ARCHIVE_FEEDS now (for cron), each all or nothing, then embed
    what was added. Exits 1 when a feed was refused."""
    from factcheck.archive import feeds
    from factcheck.cli import cli_actor
    from factcheck.errors import InputError

    urls = feeds.configured_feeds(current_app.config)
    if not urls:
        raise InputError("no feeds configured: list their addresses in ARCHIVE_FEEDS")
    settings = feeds.feed_settings(current_app.config)
    refused = 0
    for url in urls:
        try:
            with transaction() as session:
                done = feeds.import_feed_url(session, url, settings, actor=cli_actor())
            click.echo(done.describe())
        except InputError as error:
            refused += 1
            click.echo(f"{url}: refused: {error}", err=True)
    model, _index = archive_search_parts()
    click.echo(f"{embed_archive(model)} archived claims embedded")
    if refused:
        raise SystemExit(1)


@click.command("archive-index")
@click.option("--full", is_flag=True, help="Build it anew instead of updating the saved one.")
@user_errors
def archive_index_command(full: bool) -> None:
    """Build or update the archive's saved approximate index (searches never build it; the
    workers do this when they run, this command is for cron without them)."""
    from factcheck.archive.indexupkeep import update_saved_index

    _model, index = archive_search_parts()
    with transaction() as session:
        click.echo(str(update_saved_index(session, index, full=full)))


COMMANDS = [similar_command, feeds_command, archive_index_command]
