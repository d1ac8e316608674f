"""ClaimReview (schema.org JSON-LD): the one function that turns a verdict into ClaimReview.

``claim_review`` is pure (no session): the readers' verdict pages embed its output in a
``<script type="application/ld+json">``, and the export and the public feed stream it as a
schema.org DataFeed.
Other organisations' ClaimReviews are read by factcheck.archive.reference.

Claims and articles may be ORM objects or database rows with the same column names: the
export streams rows, which is several times faster than building ORM objects.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import quote

from factcheck.language.markers import ORGANISATION_HEADS
from factcheck.review.ratings import RatingScale

if TYPE_CHECKING:
    from factcheck.models import Article, Claim, ReviewEvent

CONTEXT = "https://schema.org"


_PLAIN = re.compile(r"[A-Za-z0-9_.~-]+")  # needs no percent-encoding in a path segment


def verdict_page_url(base_url: str, article_slug: str, claim_key: str) -> str:
    """The public verdict page of a claim: ``{base}/articles/<slug>/claims/<key>``."""
    base = base_url.rstrip("/")
    return f"{base}/articles/{path_segment(article_slug)}/claims/{path_segment(claim_key)}"


def path_segment(text: str) -> str:
    """``text`` as one segment of a URL path (percent-encoded where it needs to be)."""
    if text.isalnum() and text.isascii():  # most keys ("c12"): quicker than the pattern
        return text
    return text if _PLAIN.fullmatch(text) else quote(text, safe="")


def claim_review(
    claim: Claim,
    article: Article,
    *,
    scale: RatingScale,
    org_name: str,
    org_url: str,
    base_url: str,
    corrections: list[ReviewEvent] | None = None,
    claim_as_published: dict | None = None,
) -> dict:
    """The ClaimReview object (with ``@context``) for a claim that has a verdict.

    ``corrections`` are the claim's public history events; those with a note become
    ``correction`` comments and set ``dateModified``. ``claim_as_published`` is
    ``item_reviewed(article)`` when the caller has it already (exports build it once per
    article). Raises ValueError when the claim has no verdict on ``scale`` (such a claim has
    nothing to review yet).
    """
    if not claim.verdict or claim.verdict not in scale:
        raise ValueError(
            f"claim {claim.key} has no verdict on the rating scale; "
            "only rated claims have a ClaimReview"
        )
    language = article.language or "en"
    item = claim_as_published or item_reviewed(article)
    author = claimant_entity(getattr(claim, "claimant", None), article)
    if author is not None and author != item.get("author"):
        item = {**item, "author": author}  # a copy: exports share one item per article
    review: dict = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": verdict_page_url(base_url, article.slug, claim.key),
        "claimReviewed": claim.text,
        "reviewRating": scale.review_rating(claim.verdict, language),
        "author": {"@type": "Organization", "name": org_name, "url": org_url},
        "inLanguage": language,
        "itemReviewed": item,
    }
    published = claim.published_at or claim.reviewed_at or claim.updated_at
    if published is not None:
        review["datePublished"] = day(published)
    rationale = claim.rationale
    if rationale and not rationale.isspace():  # as .strip() would say, without a copy
        review["reviewBody"] = rationale
    comments = correction_comments(corrections or [])
    if comments:
        review["correction"] = comments
        review["dateModified"] = max(c["datePublished"] for c in comments)
    return review


def item_reviewed(article: Article) -> dict:
    """The Claim as it appeared in the article (``itemReviewed``): who said it, when, where."""
    item: dict = {"@type": "Claim"}
    author = claim_author(article)
    if author:
        item["author"] = author
    if article.published_date:
        item["datePublished"] = day(article.published_date)
    item["appearance"] = [_appearance(article)]
    item["firstAppearance"] = _appearance(article)  # a copy: the article is the first place
    return item


def claimant_entity(claimant: str | None, article: Article) -> dict | None:
    """Who made the claim, as ClaimReview's ``itemReviewed.author``: the claim's claimant (the
    speaker its sentence names, or the article's author or publisher); None when unknown.

    The article's author is a Person and its publisher an Organization; another claimant is
    an Organization when its name holds an organisation's head noun ("Badan Pusat Statistik",
    "World Bank") or is an acronym, else a Person.
    """
    if not claimant:
        return None
    if claimant == article.author:
        return {"@type": "Person", "name": claimant}
    if claimant == article.publisher or _organisation(claimant):
        return {"@type": "Organization", "name": claimant}
    return {"@type": "Person", "name": claimant}


def _organisation(name: str) -> bool:
    return name.isupper() or any(w.lower() in _organisation_heads() for w in name.split())


@cache
def _organisation_heads() -> frozenset[str]:
    return frozenset(h.lower() for h in ORGANISATION_HEADS)


def claim_author(article: Article) -> dict | None:
    """The article's author as a Person, else its publisher as an Organization."""
    if article.author:
        return {"@type": "Person", "name": article.author}
    if article.publisher:
        return {"@type": "Organization", "name": article.publisher}
    return None


def _appearance(article: Article) -> dict:
    work: dict = {"@type": "CreativeWork", "headline": article.title}
    if article.url:
        work["url"] = article.url
    if article.published_date:
        work["datePublished"] = day(article.published_date)
    if article.publisher:
        work["publisher"] = {"@type": "Organization", "name": article.publisher}
    return work


def correction_comments(events: Iterable[ReviewEvent]) -> list[dict]:
    """Public history events with a note, as CorrectionComments (one per note and time).

    A correction that changes both verdict and rationale records two events with the same
    note; readers should see it once.
    """
    seen: set[tuple[str, str]] = set()
    out = []
    for event in events:
        if not event.public or not (event.note or "").strip():
            continue
        stamp = instant(event.at)
        if (stamp, event.note) in seen:
            continue
        seen.add((stamp, event.note))
        out.append({"@type": "CorrectionComment", "text": event.note, "datePublished": stamp})
    return out


def day(value: date | datetime) -> str:
    """An ISO 8601 date; datetimes are read as UTC (SQLite returns them naive)."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value.date().isoformat()
    return value.isoformat()


def instant(value: datetime | None) -> str | None:
    """A timestamp as ISO 8601 UTC with a Z, like claim files write it (None stays None).

    Written for speed: exports format hundreds of thousands of these.
    """
    if value is None:
        return None
    if value.utcoffset():  # None (naive, read as UTC) and zero need no conversion
        value = value.astimezone(UTC)
    return value.isoformat(timespec="seconds")[:19] + "Z"


# --- the feed: a DataFeed of ClaimReviews, written as it is read ----------------------------
def feed_chunks(reviews: Iterable[dict]) -> Iterator[str]:
    """A schema.org DataFeed holding ``reviews``, as JSON text chunks (one per review).

    The ``@context`` is stated once at the top; nested objects must not repeat it.
    """
    yield ('{"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": [')
    separator = "\n"
    encode = _FeedEncoder()
    for review in reviews:
        yield separator + encode(review)
        separator = ",\n"
    yield "\n]}\n"


_KEYS: dict[str, str] = {}  # a review's keys, encoded: the same dozen in every review


class _FeedEncoder:
    """Writes a review without its ``@context`` exactly as ``json.dumps(review,
    ensure_ascii=False)`` would, but encodes an object only when it differs from the one the
    previous review held under the same key: exports share one ``itemReviewed`` per article
    (a third of each review's text), and the author and the rating repeat.

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
                text = json.encoder.encode_basestring(value)
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
                prefix = _KEYS[key] = json.encoder.encode_basestring(key) + ": "
            parts.append(prefix + text)
        return "{" + ", ".join(parts) + "}"
