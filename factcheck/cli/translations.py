"""`factcheck i18n ...`: keep the interface's message catalogues up to date."""

from __future__ import annotations

from pathlib import Path

import click

from factcheck.cli import user_errors
from factcheck.errors import InputError

# The checkout the catalogues are extracted from: the sources and templates/ beside them.
ROOT = Path(__file__).resolve().parents[2]


@click.group("i18n")
def i18n_group() -> None:
    """Update the interface's translations (factcheck/translations/)."""


@i18n_group.command("update")
@click.option("--add", "language", help="Also start a catalogue for this language (e.g. ms).")
@user_errors
def update(language: str | None) -> None:
    """Collect every marked message from the sources into each language's catalogue,
    keeping the translations; say how many each still lacks."""
    from factcheck import translations

    if not (ROOT / "templates").is_dir():
        raise InputError("run this from a checkout of factcheck: no templates/ beside it")
    if language is not None and not language.isalpha():
        raise InputError(f"{language!r} is not a language code such as ms or fr")
    for name, missing in translations.update(ROOT, language and language.lower()).items():
        where = translations.catalogue_path(name).relative_to(ROOT)
        click.echo(f"{where}: {missing} untranslated")


COMMANDS = [i18n_group]
