"""The ClaimReview feed: a schema.org DataFeed of ClaimReviews, written as it is read.

``ReviewWriter`` writes a claim's review as the JSON text ``json.dumps(review,
ensure_ascii=False)`` gives for ``claim_review``'s output (without its ``@context``, stated
once at the top of the feed), without building and encoding the whole review for every claim:
the claims of an article with the same verdict and claimant share most of their review (the
rating, the author, the article as ``itemReviewed``: two thirds of its text).

So, from the second claim of such a shape on, the writer asks ``claim_review`` for the review
of a stand-in claim whose own values (key, text, day, body) are unique markers, and keeps its
JSON text with the markers cut out as a template; a claim's review is the template with its
own values put in. A shape's first claim is encoded whole (a template costs about as much as
that, and articles with a few claims each rarely repeat a shape), reusing the JSON of what it
shares with the review before it. What a ClaimReview holds stays defined in one place,
``claim_review``; tests/publishing/test_feed.py checks that both ways give the same bytes on
hostile claims.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable, Iterator
from datetime import date
from functools import partial
from types import SimpleNamespace
from typing import Any, NamedTuple

from factcheck.publishing.claimreview import (
    CONTEXT,
    claim_review,
    correction_comments,
    item_reviewed,
    path_segment,
    review_body,
    review_day,
)
from factcheck.review.ratings import RatingScale

_encode = json.encoder.encode_basestring  # a str as json.dumps(..., ensure_ascii=False) has it
_MARKER_DAY = date(2, 2, 2)  # a template is kept only where each marker appears exactly once


def feed_chunks(reviews: Iterable[str]) -> Iterator[str]:
    """A schema.org DataFeed holding ``reviews`` (each review's JSON text, as ReviewWriter
    writes it), as text chunks: the ``@context`` is stated once, at the top."""
    yield '{"@context": "' + CONTEXT + '", "@type": "DataFeed", "dataFeedElement": ['
    separator = "\n"
    for review in reviews:
        yield separator + review
        separator = ",\n"
    yield "\n]}\n"


class _Template(NamedTuple):
    """A review's JSON text cut at the claim's own values: ``literals[0]``, value
    ``order[0]``, ``literals[1]``, ... (values: 0 the key's path segment, 1 the text, 2 the
    day, 3 the body, each as JSON; an absent one is "" and sits at the end)."""

    literals: tuple[str, str, str, str, str]
    order: tuple[int, int, int, int]


class ReviewWriter:
    """Writes the JSON text of ``claim_review`` for claim after claim (see the module)."""

    def __init__(self, *, scale: RatingScale, org_name: str, org_url: str, base_url: str):
        self._review = partial(
            claim_review, scale=scale, org_name=org_name, org_url=org_url, base_url=base_url
        )
        # The stand-in's values: random, so that no text of an article holds them but by a
        # chance that _template checks for anyway. The key is a plain path segment.
        self._markers = (f"k{secrets.token_hex(8)}", secrets.token_hex(8), secrets.token_hex(8))
        self._encode_review = _ReuseEncoder()
        self._article: Any = None
        self._item: dict = {}
        # (verdict, claimant): {(no day, no body): a _Template, or None where none is made}
        self._templates: dict[tuple, dict[tuple[bool, bool], _Template | None]] = {}

    def __call__(self, claim: Any, article: Any, corrections: list | None = None) -> str:
        """``claim_review(claim, article, corrections=corrections, ...)`` as JSON text,
        without ``@context``; ValueError, as there, for a claim without a verdict on the
        scale. Claims come article by article: the templates are the current article's."""
        if article is not self._article and article != self._article:
            self._article, self._item, self._templates = article, item_reviewed(article), {}
        if corrections and correction_comments(corrections):  # a few claims: no template
            return self._encoded(claim, article, corrections)
        pair = (claim.verdict, getattr(claim, "claimant", None))
        templates = self._templates.get(pair)
        if templates is None:  # the pair's first claim is encoded whole (see the module)
            self._templates[pair] = {}
            return self._encoded(claim, article, None)
        day, body = review_day(claim), review_body(claim)
        shape = (day is None, body is None)
        template = templates.get(shape, False)
        if template is False:
            template = templates[shape] = self._template(pair, shape, article)
        if template is None:
            return self._encoded(claim, article, None)
        values = (
            path_segment(claim.key),
            _encode(claim.text),
            "" if day is None else _encode(day),
            "" if body is None else _encode(body),
        )
        (l0, l1, l2, l3, l4), (a, b, c, d) = template
        return "".join((l0, values[a], l1, values[b], l2, values[c], l3, values[d], l4))

    def _encoded(self, claim: Any, article: Any, corrections: list | None) -> str:
        review = self._review(
            claim, article, corrections=corrections, claim_as_published=self._item
        )
        return self._encode_review(review)

    def _template(
        self, pair: tuple[str, str | None], shape: tuple[bool, bool], article: Any
    ) -> _Template | None:
        """The template for claims of ``article`` with this verdict and claimant, and
        without a day or a body as ``shape`` says; None when a marker's text is not found
        exactly once in the stand-in's review (then each such claim is encoded whole)."""
        (verdict, claimant), (undated, bodiless) = pair, shape
        key, text, body = self._markers
        stand_in = SimpleNamespace(
            key=key,
            text=text,
            verdict=verdict,
            claimant=claimant,
            rationale=None if bodiless else body,
            published_at=None if undated else _MARKER_DAY,
            reviewed_at=None,
            updated_at=None,
        )
        review = self._encoded(stand_in, article, None)
        holes = (
            key,
            _encode(text),
            None if undated else _encode(review_day(stand_in)),
            None if bodiless else _encode(body),
        )
        found = []
        for value, hole in enumerate(holes):
            if hole is not None:
                if review.count(hole) != 1:
                    return None
                found.append((review.index(hole), len(hole), value))
        literals, order, at = [], [], 0
        for start, length, value in sorted(found):
            if start < at:  # overlapping markers: never by chance of random text, but sure
                return None
            literals.append(review[at:start])
            order.append(value)
            at = start + length
        literals.append(review[at:])
        for value, hole in enumerate(holes):
            if hole is None:  # an absent value: "" at the end
                literals.append("")
                order.append(value)
        return _Template(tuple(literals), tuple(order))


_KEYS: dict[str, str] = {}  # a review's keys, encoded: the same dozen in every review


class _ReuseEncoder:
    """Writes a review without its ``@context`` exactly as ``json.dumps(review,
    ensure_ascii=False)`` would, but encodes an object only when it differs from the one the
    previous review held under the same key (the article's item, the author, the rating).

    One C encoder made once: ``json.dumps`` makes a new one per call.
    """

    _encoder = json.encoder.c_make_encoder(
        None,
        json.JSONEncoder().default,
        json.encoder.encode_basestring,
        None,
        ": ",
        ", ",
        False,
        False,
        True,
    )

    def __init__(self) -> None:
        self.previous: dict[str, tuple[object, str]] = {}  # key: (value, its JSON)

    def __call__(self, review: dict) -> str:
        parts = []
        for key, value in review.items():
            if key == "@context":
                continue
            if value.__class__ is str:
                text = _encode(value)
            else:
                previous = self.previous.get(key)
                # Equal, not only the same object. (Python's 1 == 1.0 == True would let one
                # stand for another; a review holds none of them in one place: ratings are
                # the scale's integers.)
                if previous is not None and previous[0] == value:
                    text = previous[1]
                else:
                    text = "".join(self._encoder(value, 0))
                    self.previous[key] = (value, text)
            prefix = _KEYS.get(key)
            if prefix is None:
                prefix = _KEYS[key] = _encode(key) + ": "
            parts.append(prefix + text)
        return "{" + ", ".join(parts) + "}"
