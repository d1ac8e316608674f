"""The interface's message catalogues: one ``<lang>/LC_MESSAGES/messages.po`` per language.

In: the .po files beside this module (and, to update them, the sources' ``_()`` strings).
Out: gettext translations for a language, read straight from its .po file (no compiled .mo
to forget or let go stale: an edited .po shows on the next start, in a checkout and in the
wheel alike), and updated catalogues that keep their translations.

The catalogues are written without line numbers and sorted by message, so that two branches
adding strings in different places rarely touch the same lines.
"""

from __future__ import annotations

import functools
import io
from datetime import datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from babel.support import Translations

FOLDER = Path(__file__).resolve().parent
DOMAIN = "messages"
SOURCE_LANGUAGE = "en"  # msgids are English: an English catalogue may leave them untranslated

# What `factcheck i18n update` reads: the package's Python and the templates at the root.
METHODS = [("factcheck/**.py", "python"), ("templates/**.html", "jinja2")]
OPTIONS = {"templates/**.html": {"extensions": "jinja2.ext.i18n", "trimmed": "true"}}
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "lazy_gettext": None,
    "lazy_ngettext": (1, 2),
    "N_": None,  # marked where it is defined, translated where it is shown
    "NP_": (1, 2),  # the same for a singular and plural pair (Message.plural)
}


def catalogue_path(language: str) -> Path:
    """Where ``language``'s catalogue lives (it may not exist yet)."""
    return FOLDER / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache  # read on every reader's request (the page cache's key): found once
def languages() -> list[str]:
    """The languages with a catalogue, sorted: the interface can be shown in these."""
    return sorted(p.parent.parent.name for p in FOLDER.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read_catalogue(language: str) -> Catalog:
    """``language``'s catalogue as Babel reads it (fuzzy entries marked, not dropped)."""
    with catalogue_path(language).open("rb") as po:
        return read_po(po, locale=language, domain=DOMAIN)


@functools.cache
def translations(language: str) -> Translations:
    """gettext translations for ``language``, built from its .po once per process.

    Fuzzy and empty entries are left out, so those messages show in English (and the
    language test names them). A language without a catalogue gets the messages as written.
    """
    if not catalogue_path(language).exists():
        return Translations()
    compiled = io.BytesIO()
    write_mo(compiled, read_catalogue(language), use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def extract(root: Path) -> Catalog:
    """Every message the sources under ``root`` (a checkout) mark for translation."""
    template = Catalog(domain=DOMAIN, project="factcheck", charset="utf-8")
    found = extract_from_dir(root, METHODS, OPTIONS, KEYWORDS, strip_comment_tags=True)
    for filename, lineno, message, comments, context in found:
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def write_catalogue(catalogue: Catalog, language: str) -> None:
    """Write ``catalogue`` as ``language``'s .po: file names without line numbers, sorted,
    unwrapped, no obsolete entries (git keeps the history)."""
    path = catalogue_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as po:
        write_po(
            po,
            catalogue,
            width=0,
            sort_output=True,
            ignore_obsolete=True,
            include_lineno=False,
        )


def update(root: Path, new_language: str | None = None) -> dict[str, int]:
    """Bring every catalogue (and ``new_language``'s, made empty if new) up to the messages
    in the sources under ``root``. Returns each language's count of untranslated messages."""
    template = extract(root)
    wanted = sorted(set(languages()) | ({new_language} if new_language else set()))
    missing = {}
    for language in wanted:
        if catalogue_path(language).exists():
            catalogue = read_catalogue(language)
        else:
            catalogue = Catalog(
                locale=language,
                domain=DOMAIN,
                project="factcheck",
                copyright_holder="the factcheck contributors",
                creation_date=datetime(2026, 1, 1),
                revision_date=datetime(2026, 1, 1),
                fuzzy=False,
            )
        # Unchanged dates keep the header out of every diff and merge.
        template.creation_date = catalogue.creation_date
        catalogue.update(template, update_creation_date=False)
        write_catalogue(catalogue, language)
        missing[language] = len(untranslated(catalogue))
    languages.cache_clear()
    translations.cache_clear()
    return missing


def untranslated(catalogue: Catalog) -> list[str]:
    """The msgids of ``catalogue`` with no usable translation (empty or fuzzy)."""
    return [str(message.id) for message in catalogue if message.id and not _translated(message)]


def _translated(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return not message.fuzzy and all(strings)
