"""`factcheck export`: claim files and reports out."""

from __future__ import annotations

from pathlib import Path

import click
from sqlmodel import select

from factcheck import claimfile
from factcheck.cli import transaction, user_errors
from factcheck.cli.articles import resolve_article
from factcheck.errors import InputError
from factcheck.models import Article


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["claimfile"]), default="claimfile",
              show_default=True)
@click.option("--article", "article_ref", help="One article, by slug or id (default: all).")
@click.option("-o", "--output", default="-", show_default=True,
              help="File, folder (claimfile with several articles) or - for stdout.")
@user_errors
def export_command(fmt: str, article_ref: str | None, output: str) -> None:
    """Write claims out in FORMAT."""
    with transaction() as session:
        if article_ref:
            articles = [resolve_article(session, article_ref)]
        else:
            articles = session.exec(select(Article).order_by(Article.id)).all()
        texts = {a.slug: claimfile.dump(session, a) for a in articles}
    write_claimfiles(texts, output)


def write_claimfiles(texts: dict[str, str], output: str) -> None:
    """One article to a file (or stdout); several to a folder, one file each."""
    if output == "-":
        if len(texts) > 1:
            raise InputError("several articles need a folder: -o claims/")
        click.echo("".join(texts.values()), nl=False)
        return
    target = Path(output)
    if len(texts) == 1 and not target.is_dir():
        target.write_text(next(iter(texts.values())), encoding="utf-8")
        click.echo(f"wrote {target}")
        return
    target.mkdir(parents=True, exist_ok=True)
    for slug, text in texts.items():
        (target / f"{slug}.yaml").write_text(text, encoding="utf-8")
    click.echo(f"wrote {len(texts)} claim files to {target}/")


COMMANDS = [export_command]
