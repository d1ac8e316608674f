"""What every value from outside must be before it reaches the database: the boundary checks
that forms, imports and the command line share.

- Text holds no NUL character (PostgreSQL refuses one outright, SQLite would store it and
  exports would carry it on) and fits its limit.
- Whole numbers fit a database integer; other numbers are finite.
- Slugs (articles' names in addresses and file names) are lowercase ASCII letters, digits and
  dashes, so no slug can be a path.
"""

from __future__ import annotations

import math
import re

from factcheck.errors import InputError
from factcheck.messages import N_, Message

MAX_INT = 2**31 - 1  # a PostgreSQL INTEGER; SQLite's are wider
MAX_SLUG = 120
SLUG_RE = re.compile(r"^[a-z0-9-]+$")


def text_problem(value: str, limit: int | None) -> str | None:
    """Why ``value`` cannot be stored (a NUL character, longer than ``limit``), or None."""
    if "\x00" in value:
        return Message(N_("contains a NUL character (binary data?); send plain text"))
    if limit is not None and len(value) > limit:
        return Message(
            N_("is too long (%(length)s characters; at most %(limit)s characters)"),
            length=f"{len(value):,}",
            limit=f"{limit:,}",
        )
    return None


def check_text(value: str, what: str, limit: int | None) -> str:
    """``value`` unchanged, or InputError("<what> <problem>")."""
    problem = text_problem(value, limit)
    if problem:
        raise InputError(N_("%(what)s %(problem)s"), what=Message(what), problem=problem)
    return value


def int_problem(value: int, minimum: int = 0) -> str | None:
    """Why ``value`` cannot be stored as a database integer, or None."""
    if not minimum <= value <= MAX_INT:
        return f"must be a whole number from {minimum} to {MAX_INT}"
    return None


def number_problem(value: float) -> str | None:
    """Why ``value`` is no usable number (NaN, infinite), or None."""
    return None if math.isfinite(value) else "must be a finite number (not NaN or infinity)"


def is_slug(value: object) -> bool:
    """Whether ``value`` is a slug: 1-120 of a-z, 0-9 and '-'."""
    return isinstance(value, str) and len(value) <= MAX_SLUG and bool(SLUG_RE.match(value))


def slug_problem(value: object) -> str | None:
    if is_slug(value):
        return None
    return f"expected a slug: 1 to {MAX_SLUG} lowercase letters a-z, digits and '-'"


def database_id(value: object) -> int | None:
    """A row id from a form or URL ("12"), or None when it is not one a database can hold."""
    text = str(value or "")
    if not text.isascii() or not text.isdigit() or len(text) > 10:
        return None
    number = int(text)
    return number if 0 < number <= MAX_INT else None
