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
from typing import TYPE_CHECKING

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
    """py3langid's model, loaded once (under a second) when a text first needs identifying:
    commands that identify nothing do not pay for it."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE)


@cache
def _identifier(languages: tuple[str, ...]) -> LanguageIdentifier:
    identifier = copy.copy(_model())  # shares the model's arrays; restricts only the copy
    try:
        identifier.set_languages(list(languages))
    except ValueError as error:
        raise FactcheckError(f"LANGUAGES: {error}") from None
    return identifier
