"""Helpers the readers' views share: template context and ClaimReview embedding."""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from babel.dates import format_date
from flask import current_app, request, url_for
from flask_babel import force_locale, gettext, ngettext

from factcheck.models import ClaimStatus, ReviewEvent
from factcheck.publishing.claimreview import claim_review
from factcheck.publishing.corrections import CorrectionEntry, group_corrections
from factcheck.publishing.markup import first_sentence, plain_excerpt, render_markdown
from factcheck.publishing.shareimage import ShareCard
from factcheck.publishing.verdicts import ShownClaim, VerdictPage
from factcheck.review.ratings import Rating, RatingScale
from factcheck.web.i18n import current_language, interface_language, use_language


def rating_scale() -> RatingScale:
    return current_app.extensions["factcheck.ratings"]


def base_url() -> str:
    """The public site's root URL: PUBLIC_BASE_URL, else the one this request came to."""
    return (current_app.config.get("PUBLIC_BASE_URL") or request.url_root).rstrip("/")


def absolute_url(endpoint: str, **values) -> str:
    """An absolute URL for ``endpoint`` under ``base_url()`` (canonical and og:url)."""
    path = url_for(endpoint, **values)[len(request.script_root) :]
    return base_url() + path


@dataclass(frozen=True)
class Badge:
    """A verdict as readers see it: label and explanation in the page language."""

    key: str
    label: str
    explanation: str
    tier: str
    level: int = 0  # the step on a five-step scale: its own colour and icon (0: no value)


class PageHelpers:
    """The words and formatters one page needs, in one language (templates call these).

    A page's own text is in the request's language (``_()`` in the templates); these say
    things in the helpers' language, which on the index and corrections pages is each
    listed article's own.
    """

    def __init__(self, lang: str, scale: RatingScale):
        self.lang = interface_language(lang)
        self.scale = scale

    def gettext(self, message: str, **values) -> str:
        with force_locale(self.lang):
            return gettext(message, **values)

    def ngettext(self, singular: str, plural: str, count: int, **values) -> str:
        with force_locale(self.lang):
            return ngettext(singular, plural, count, **values)

    def summary_of(self, count: int) -> str:
        """ "3 claims checked", in the helpers' language."""
        return self.ngettext("%(num)d claim checked", "%(num)d claims checked", count)

    def claim_label(self) -> str:
        return self.gettext("Claim")

    def in_language(self, lang: str | None) -> PageHelpers:
        """The same helpers in another language (the index lists articles in several)."""
        return PageHelpers(lang or "en", self.scale)

    def badge(self, key: str | None) -> Badge | None:
        if not key or key not in self.scale:
            return None  # a verdict the newsroom has since dropped from its scale
        rating = self.scale.get(key)
        return Badge(
            key,
            rating.label(self.lang),
            rating.explanation(self.lang),
            tier(rating, self.scale),
            self.scale.level(key),
        )

    def conclusion(self, claim) -> str:
        """The verdict in one line: the first sentence of the rationale."""
        return first_sentence(claim.rationale)

    def quote_lang(self, language: str) -> str | None:
        """The ``lang`` a quote needs inside this page: None when it is the page's own."""
        return None if language == self.lang else language

    def date(self, value) -> str:
        """``value`` as a reader reads it: "3 October 2025", "3 Oktober 2025" (Babel)."""
        return long_date(value, self.lang)

    def markdown(self, text: str | None):
        return render_markdown(text)

    def excerpt(self, text: str | None, limit: int = 200) -> str:
        return plain_excerpt(text, limit)

    def summary(self, counts: Counter) -> list[tuple[Badge, int]]:
        """Verdict counts in scale order (best first), as (badge, count) pairs."""
        known = [(self.badge(key), counts[key]) for key in self.scale.keys() if counts[key]]
        return [(badge, count) for badge, count in known if badge is not None]

    def summary_text(self, counts: Counter) -> str:
        """A one-line verdict summary, for og:description: "3 claims checked: False 2, ..."."""
        parts = ", ".join(f"{badge.label} {count}" for badge, count in self.summary(counts))
        return self.summary_of(sum(counts.values())) + (f": {parts}" if parts else "")

    def log(self, page: VerdictPage) -> list[CorrectionEntry]:
        """The corrections log of the page's claims, oldest first, one entry per correction."""
        rows = [
            (event, item.claim, page.article) for item in page.claims for event in item.corrections
        ]
        rows.sort(key=lambda row: (row[0].at.replace(tzinfo=None), row[0].id))
        return group_corrections(rows)

    def describe(self, event: ReviewEvent) -> str:
        """One line saying what a public history event changed."""
        if event.action == "correction":
            old, new = self.badge(event.from_value), self.badge(event.to_value)
            return self.gettext(
                "Rating changed from %(old)s to %(new)s",
                old=old.label if old else event.from_value,
                new=new.label if new else event.to_value,
            )
        if event.action == "rationale":
            return self.gettext("Explanation revised")
        if event.action == "status" and event.from_value == ClaimStatus.PUBLISHED:
            return self.gettext("Withdrawn for re-review")
        if event.action == "status" and event.to_value == ClaimStatus.PUBLISHED:
            return self.gettext("Published again")
        return event.action.replace("_", " ")


def long_date(value: date | datetime | None, lang: str) -> str:
    """``value`` as a long date in ``lang``; "" for none."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return _long_date(value, lang)


@functools.lru_cache(maxsize=4096)  # Babel's formatting is slow; a page repeats few dates
def _long_date(value: date, lang: str) -> str:
    return format_date(value, format="long", locale=lang)


def tier(rating: Rating, scale: RatingScale) -> str:
    """A colour family for a rating badge: good, mixed, bad or neutral (no value).

    By position on the scale, so a newsroom's own scale gets sensible colours; the badge
    always says the rating in words too, colour is never the only signal.
    """
    if rating.value is None or scale.best == scale.worst:
        return "neutral"
    position = (rating.value - scale.worst) / (scale.best - scale.worst)
    if position >= 0.75:
        return "good"
    return "bad" if position <= 0.25 else "mixed"


def helpers_for(page: VerdictPage | None = None) -> PageHelpers:
    """The page's helpers: in its article's language (the whole page follows it), else in
    the request's."""
    language = use_language(page.article.language) if page else current_language()
    return PageHelpers(language, rating_scale())


def claim_reviews(page: VerdictPage) -> list[dict]:
    """ClaimReview objects for the page's claims (built by the one ClaimReview function)."""
    config = current_app.config
    return [
        claim_review(
            item.claim,
            page.article,
            scale=rating_scale(),
            org_name=config["ORG_NAME"],
            org_url=config["ORG_URL"],
            base_url=base_url(),
            corrections=item.corrections,
        )
        for item in page.claims
        if item.claim.verdict in rating_scale()
    ]


def last_correction(item: ShownClaim) -> datetime | None:
    return max((e.at for e in item.corrections), default=None)


def share_card(page: VerdictPage, h: PageHelpers) -> ShareCard | None:
    """What the share image of the page's (first) claim says; None without a known rating."""
    claim = page.claims[0].claim
    badge = h.badge(claim.verdict)
    if badge is None:
        return None
    return ShareCard(
        claim=claim.text,
        label=badge.label,
        level=badge.level,
        conclusion=h.conclusion(claim),
        org_name=current_app.config["ORG_NAME"],
        claim_word=h.claim_label(),
    )
