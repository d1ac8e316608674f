"""ClaimReview (schema.org JSON-LD): the one function that turns a verdict into ClaimReview.

``claim_review`` is pure (no session): the readers' verdict pages embed its output in a
``<script type="application/ld+json">``, and the export and the public feed stream it as a
schema.org DataFeed (factcheck.publishing.feed writes its JSON text).
Other organisations' ClaimReviews are read by factcheck.archive.reference.

Claims and articles may be ORM objects or database rows with the same column names: the
export streams rows, which is several times faster than building ORM objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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
    published = review_day(claim)
    if published is not None:
        review["datePublished"] = published
    body = review_body(claim)
    if body is not None:
        review["reviewBody"] = body
    comments = correction_comments(corrections or [])
    if comments:
        review["correction"] = comments
        review["dateModified"] = max(c["datePublished"] for c in comments)
    return review


def review_day(claim: Claim) -> str | None:
    """The day a claim's review is dated by (``datePublished``): the day it was published,
    else reviewed, else last changed; None when it has none of them."""
    published = claim.published_at or claim.reviewed_at or claim.updated_at
    return None if published is None else day(published)


def review_body(claim: Claim) -> str | None:
    """The review's text (``reviewBody``): the claim's rationale, None when it is blank."""
    rationale = claim.rationale
    if rationale and not rationale.isspace():  # as .strip() would say, without a copy
        return rationale
    return None


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
