"""Importing other organisations' ClaimReviews (JSON or JSON-LD) as ReferenceFactCheck rows.

A file may hold a single ClaimReview, a list of them, an ``@graph``, or a schema.org DataFeed
(``dataFeedElement``, with or without DataFeedItem wrappers). Terms may be plain
(``claimReviewed``), prefixed (``schema:claimReviewed``) or full IRIs. Every ClaimReview is
checked before anything is stored, so a bad file imports nothing. Importing the same review
again (same url and claim) updates it instead of adding a copy.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from factcheck.errors import InputError
from factcheck.inputs import check_text
from factcheck.models import ReferenceFactCheck

PREFIXES = ("schema:", "http://schema.org/", "https://schema.org/")
CONTAINERS = ("@graph", "dataFeedElement", "item")
MAX_CLAIM_CHARS = 10_000
MAX_NUMBER = 1e9  # ratings are small numbers; anything past this is noise
_NUL = re.compile(r"(?<!\\)(?:\\\\)*\\u0000")  # an escaped NUL, not an escaped backslash


def import_claimreviews(session: Session, path: str | Path) -> int:
    """Store every ClaimReview in the file at ``path``; returns how many (the caller commits).

    Raises InputError (naming the file and the review) when the file is not JSON, holds no
    ClaimReview, or a review lacks ``claimReviewed`` or an http(s) ``url``.
    """
    path = Path(path)
    reviews = list(find_claimreviews(_read_json(path)))
    if not reviews:
        raise InputError(
            f"{path}: no ClaimReview found (expected a ClaimReview object, a list "
            "of them, an @graph or a DataFeed)"
        )
    rows = [
        reference_row(review, f"{path}: ClaimReview #{n}")
        for n, review in enumerate(reviews, start=1)
    ]
    stored: dict[str, ReferenceFactCheck] = {}
    for row in rows:
        row.feed = path.name
        existing = (
            stored.get(row.key)
            or session.exec(
                select(ReferenceFactCheck).where(ReferenceFactCheck.key == row.key)
            ).first()
        )
        if existing is not None:
            for field in ReferenceFactCheck.model_fields:
                if field != "id":
                    setattr(existing, field, getattr(row, field))
            row = existing
        session.add(row)
        stored[row.key] = row
    session.flush()
    return len(rows)


def review_key(url: str, claim: str) -> str:
    """What makes two imports the same review: its address and the claim it checks."""
    return hashlib.sha256(f"{url}\x00{claim}".encode()).hexdigest()


def missing_fields(row: ReferenceFactCheck | dict) -> list[str]:
    """What a review (a row, or its fields) came without ("rating", "language", "date"): it
    is kept, and marked."""
    get = row.get if isinstance(row, dict) else lambda name: getattr(row, name)
    wanted = (("rating", get("rating") or get("rating_value")), ("language", get("language")))
    return [name for name, value in (*wanted, ("date", get("date_published"))) if value is None]


def _read_json(path: Path) -> Any:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text, so not a JSON file") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"{path}: not JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except RecursionError:
        raise InputError(f"{path}: nested too deeply to be a ClaimReview file") from None
    except ValueError as error:  # e.g. a number of thousands of digits
        raise InputError(f"{path}: not JSON ({error})") from None


def find_claimreviews(node: Any) -> Iterator[dict]:
    """Every ClaimReview object in a parsed JSON document, in document order."""
    if isinstance(node, list):
        for item in node:
            yield from find_claimreviews(item)
    elif isinstance(node, dict):
        if "ClaimReview" in _types(node):
            yield node
            return
        for key in CONTAINERS:
            value = _get(node, key)
            if value is not None:
                yield from find_claimreviews(value)


def _types(node: dict) -> set[str]:
    value = node.get("@type") or node.get("type") or []
    values = value if isinstance(value, list) else [value]
    return {_strip(v) for v in values if isinstance(v, str)}


def _strip(term: str) -> str:
    for prefix in PREFIXES:
        if term.startswith(prefix):
            return term[len(prefix) :]
    return term


def _get(node: dict, term: str) -> Any:
    """A property by its plain, prefixed or full-IRI name."""
    for name in (term, *(prefix + term for prefix in PREFIXES)):
        if name in node:
            return node[name]
    return None


def _text(value: Any) -> str | None:
    """A string from a JSON-LD value: a string, {"@value"}, {"name"}, {"@id"} or a list."""
    if isinstance(value, list):
        return next((t for t in map(_text, value) if t), None)
    if isinstance(value, dict):
        for key in ("@value", "name", "url", "@id"):
            found = _get(value, key) if not key.startswith("@") else value.get(key)
            if found:
                return _text(found)
        return None
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value).strip() or None
    return None


def _number(value: Any) -> float | None:
    try:
        number = float(_text(value) or "")
    except ValueError:
        return None
    return number if math.isfinite(number) and abs(number) <= MAX_NUMBER else None


def _clip(value: str | None, length: int) -> str | None:
    return value[:length] if value else value


def reference_row(review: dict, name: str) -> ReferenceFactCheck:
    """One ClaimReview as an (unsaved) ReferenceFactCheck; InputError names what is missing
    (or what cannot be stored: a NUL character anywhere, an over-long claim)."""
    return ReferenceFactCheck(**reference_fields(review, name))


def reference_fields(review: dict, name: str) -> dict:
    """The columns of ``reference_row`` as a dict (bulk imports skip building the object)."""
    raw = json.dumps(review, ensure_ascii=False)
    if _NUL.search(raw):  # JSON writes a NUL anywhere in the review as \u0000
        raise InputError(f"{name}: contains a NUL character (binary data?)")
    claim = _text(_get(review, "claimReviewed"))
    if not claim:
        raise InputError(f"{name}: missing claimReviewed (the claim that was checked)")
    check_text(claim, f"{name}: claimReviewed", MAX_CLAIM_CHARS)
    url = _text(_get(review, "url"))
    if not url or not url.lower().startswith(("http://", "https://")):
        raise InputError(
            f"{name}: missing url (the address of the fact-check), "
            f"or not an http(s) address: {url!r}"
        )
    if len(url) > 2000:
        raise InputError(f"{name}: url longer than 2000 characters")
    rating = _get(review, "reviewRating") or {}
    rating = rating[0] if isinstance(rating, list) and rating else rating
    rating = rating if isinstance(rating, dict) else {}
    item = _get(review, "itemReviewed") or {}
    item = item if isinstance(item, dict) else {}
    appearance = _get(item, "appearance") or _get(item, "firstAppearance")
    appearance = appearance[0] if isinstance(appearance, list) and appearance else appearance
    if isinstance(appearance, dict):  # a CreativeWork: its address, not its headline
        appearance = _get(appearance, "url") or appearance.get("@id")
    return dict(
        url=url,
        claim_reviewed=claim,
        rating=_clip(_text(_get(rating, "alternateName")), 200),
        rating_value=_number(_get(rating, "ratingValue")),
        best_rating=_number(_get(rating, "bestRating")),
        worst_rating=_number(_get(rating, "worstRating")),
        author=_clip(_text(_get(review, "author")), 200),
        date_published=_clip(_text(_get(review, "datePublished")), 40),
        claim_author=_clip(_text(_get(item, "author")), 200),
        appearance_url=_clip(_text(appearance), 2000),
        language=_clip(_text(_get(review, "inLanguage")), 16),
        raw=raw,
        key=review_key(url, claim),
    )
