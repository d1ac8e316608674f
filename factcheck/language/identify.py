"""Language identification: which of the newsroom's languages a text is written in.

py3langid's naive Bayes model over byte n-grams (its model ships inside its wheel; nothing is
downloaded), restricted to the configured languages (the ``LANGUAGES`` setting, "id" and "en"
by default), so that it chooses among the languages the newsroom works in and never answers
"ms" for Indonesian. Articles, claims and every source passage get their language here; the
language decides how a number is read ("1.500 orang" is 1500 in Indonesian).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import IO, TYPE_CHECKING

from factcheck.cachefolder import cached_file
from factcheck.config import DEFAULTS
from factcheck.errors import FactcheckError

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

_configured: tuple[str, ...] = tuple(DEFAULTS["LANGUAGES"])


def use_languages(languages: Sequence[str]) -> None:
    """Make ``languages`` (ISO 639-1 codes, e.g. ``["id", "en"]``) the default choice of
    ``identify_language``; the app factory calls it with the ``LANGUAGES`` setting."""
    global _configured
    if not languages:
        raise FactcheckError("LANGUAGES must name at least one language")
    _configured = tuple(languages)


def configured_languages() -> tuple[str, ...]:
    """The languages ``identify_language`` chooses among when not told otherwise."""
    return _configured


def identify_language(text: str, languages: Sequence[str] | None = None) -> str:
    """The language of ``text``: one of ``languages`` (default: the configured ones).

    A text with nothing to go on (empty, digits only) gets the first of them.
    """
    choice = tuple(languages or _configured)
    if len(choice) == 1 or not any(c.isalpha() for c in text):
        return choice[0]
    return _identifier(choice).classify(text)[0]


@cache
def _model() -> LanguageIdentifier:
    """py3langid's model, loaded once when a text first needs identifying: commands that
    identify nothing do not pay for it.

    The model ships compressed with LZMA, which costs about 0.5 s of CPU to undo in every
    process; the first process writes it decompressed to the user's cache folder and later
    ones read that (about 0.06 s). Without a writable cache it is read as shipped.
    """
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    path = _decompressed_model()
    if path is not None:
        try:
            return _load_decompressed(path)
        except (OSError, ValueError, KeyError, TypeError):  # damaged, or another layout
            path.unlink(missing_ok=True)
    return LanguageIdentifier.from_model_file(MODEL_FILE)


def _decompressed_model() -> Path | None:
    """py3langid's model decompressed in the cache folder (written on first use, named by
    py3langid's version and the shipped file's size); None when it cannot be written."""
    import lzma
    import shutil

    import py3langid
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    shipped = MODEL_DIR / MODEL_FILE

    def decompress(out: IO[bytes]) -> None:
        with lzma.open(shipped) as source:
            shutil.copyfileobj(source, out, length=1 << 20)

    try:
        name = f"py3langid-{py3langid.__version__}-{shipped.stat().st_size}.npz"
        return cached_file(name, decompress)
    except (OSError, lzma.LZMAError):
        return None


def _load_decompressed(path: Path) -> LanguageIdentifier:
    """The identifier from a decompressed model file: what py3langid's own loader
    (``py3langid.modelio.load_model``) returns, read without LZMA."""
    import numpy as np
    from py3langid.langid import LanguageIdentifier
    from py3langid.modelio import _to_array

    with np.load(path, allow_pickle=False) as data:
        return LanguageIdentifier(
            np.asarray(data["ptc"]),
            np.asarray(data["pc"]),
            data["classes"].tolist(),
            _to_array(data["nextmove"]),
            data["out_feat"].tolist(),
            tk_row=_to_array(data["nextmove_row"]),
        )


@cache
def _identifier(languages: tuple[str, ...]) -> LanguageIdentifier:
    identifier = copy.copy(_model())  # shares the model's arrays; restricts only the copy
    try:
        identifier.set_languages(list(languages))
    except ValueError as error:
        raise FactcheckError(f"LANGUAGES: {error}") from None
    return identifier
