"""Marking interface messages where Flask is not at hand (the domain layer).

``N_("Fetching sources")`` returns its text unchanged; `factcheck i18n update` finds it and puts
it in the catalogues, and the web translates it when it shows it (``_(label)``).
"""

from __future__ import annotations


def N_(message: str) -> str:  # noqa: N802  (gettext's name for it)
    """``message``, marked for the catalogues."""
    return message
