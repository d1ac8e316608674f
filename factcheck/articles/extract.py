"""Atomic-claim extraction for news articles (id, en).

article -> headline + sentences -> clauses (one checkable fact each) -> ProposedClaim: the
clause's span (the article's own words, ``text``), a claim text that stands on its own
(``claim_text``), who said it (``claimant``), and a check-worthiness score with the reasons a
reviewer sees. Opinion and hedged clauses are kept, marked kind="opinion" and scored low, so
nothing is hidden.

The steps live in their own modules: clauses (factcheck.articles.clauses), claim texts
(factcheck.articles.standalone), claimants (factcheck.articles.claimants) and scores
(factcheck.articles.worthiness). Sentences, numbers, dates, places and names come from the one
vocabulary (factcheck.language).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import asdict, dataclass

from factcheck.articles.claimants import find_attribution
from factcheck.articles.clauses import LIST_RE, split_clauses
from factcheck.articles.place import dateline_span
from factcheck.articles.standalone import Discourse, name_context
from factcheck.articles.worthiness import CHECKWORTHY, Assessment, NameContext, assess
from factcheck.language.anchors import whole_names
from factcheck.language.sentences import Sentence, split_sentences

__all__ = [
    "CHECKWORTHY",
    "ProposedClaim",
    "assess_claim",
    "extract_article",
    "extract_claims",
]

HEADLINE, STANDFIRST, BODY = "headline", "standfirst", "body"
MAX_STANDFIRST_SENTENCES = 2


@dataclass(frozen=True)
class ProposedClaim:
    """One proposed atomic claim. ``text == source[start:end]``, where the source is the
    article's title for ``section == "headline"`` and its body otherwise; ``claim_text`` is
    the same fact written to stand alone; ``claimant`` is who the sentence attributes it to
    (None: the article's own voice)."""

    text: str
    sentence: str
    start: int
    end: int
    score: float
    reasons: tuple[str, ...]
    kind: str
    claim_text: str = ""
    claimant: str | None = None
    section: str = BODY

    def as_dict(self) -> dict:
        """Plain dict (reasons as a list) for JSON and templates."""
        data = asdict(self)
        data["reasons"] = list(self.reasons)
        return data

    @property
    def checkworthy(self) -> bool:
        """A fact scoring at least CHECKWORTHY: what the claim queue shows by default."""
        return self.kind == "fact" and self.score >= CHECKWORTHY


def extract_claims(
    text: str,
    language: str = "id",
    min_score: float = 0.0,
    *,
    title: str = "",
    published: datetime.date | None = None,
    latest: datetime.date | None = None,
) -> list[ProposedClaim]:
    """Propose atomic claims for article body ``text``, in article order.

    ``language`` is "id" or "en" (anything else is treated as "en"). Claims scoring below
    ``min_score`` are left out; opinion claims are returned with kind="opinion". The claims
    of a short first paragraph (a standfirst) have section "standfirst". The article's
    ``title``, when given, helps tell which place the article is about. Its ``published``
    day (a byline's date), when known, is the year its "tahun lalu" and "Senin (30/11)" are
    read in; ``latest``, the day it was read in, bounds the year read from its own dates
    (``Discourse.read_dates``).
    """
    language = language if language in ("id", "en") else "en"
    discourse = Discourse.of(text, language, title)
    return _body_claims(text, language, min_score, discourse, published, latest)


def _body_claims(
    text: str,
    language: str,
    min_score: float,
    discourse: Discourse,
    published: datetime.date | None = None,
    latest: datetime.date | None = None,
) -> list[ProposedClaim]:
    standfirst_end = _standfirst_end(text, language)
    claims = []
    dateline = dateline_span(text)
    sentences = _without_dateline(split_sentences(text, language), dateline)
    # "HARMON FALLS, Ohio, Dec. 2, 2026 — ": the dateline dates the article too
    dated = [text[dateline[0] : dateline[1]]] if dateline else []
    discourse.read_dates([s.text for s in sentences] + dated, published, latest)
    for sentence in sentences:
        units = split_clauses(sentence.text, language)
        section = STANDFIRST if sentence.end <= standfirst_end else BODY
        for unit, written in zip(units, discourse.write(sentence.text, units), strict=True):
            found = assess(
                written.text,
                language,
                context=discourse.context,
                claimant=written.claimant,
                list_spans=[m.span() for m in LIST_RE.finditer(written.text)],
            )
            if found.score < min_score:
                continue
            claims.append(
                ProposedClaim(
                    text=sentence.text[unit.start : unit.end],
                    sentence=sentence.text,
                    start=sentence.start + unit.start,
                    end=sentence.start + unit.end,
                    score=found.score,
                    reasons=found.reasons,
                    kind=found.kind,
                    claim_text=written.claim_text,
                    claimant=written.claimant,
                    section=section,
                )
            )
    return claims


def _without_dateline(sentences: list[Sentence], span: tuple[int, int] | None) -> list[Sentence]:
    """The sentences with the article's dateline (``dateline_span``) cut off the sentence it
    opens ("Semarang (ANTARA) - Banjir merendam ..."): the place a story was filed from and
    the agency are neither part of the claim nor its speaker, and a claim text opening
    "BRISK — A storm ..." reads badly on a verdict page."""
    if span is None:
        return sentences
    start, end = span
    return [
        Sentence(s.text[end - start :], end, s.end) if s.start == start and s.end > end else s
        for s in sentences
    ]


def extract_article(
    title: str,
    text: str,
    language: str = "id",
    min_score: float = 0.0,
    *,
    published: datetime.date | None = None,
    latest: datetime.date | None = None,
) -> list[ProposedClaim]:
    """The headline's claim (its span in ``title``) followed by the body's claims
    (``extract_claims``, which reads ``published`` and ``latest``). A headline is proposed
    whole: headlines compress one claim."""
    language = language if language in ("id", "en") else "en"
    claims = []
    headline = title.strip()
    if headline and len(headline.split()) >= 3:
        start = title.index(headline)
        found = _assess_headline(headline, text, language, name_context(text, language))
        if found.score >= min_score:
            attribution = find_attribution(headline, language)
            claims.append(
                ProposedClaim(
                    text=headline,
                    sentence=headline,
                    start=start,
                    end=start + len(headline),
                    score=found.score,
                    reasons=found.reasons,
                    kind=found.kind,
                    claim_text=headline,
                    claimant=attribution.speaker if attribution else None,
                    section=HEADLINE,
                )
            )
    body = extract_claims(
        text, language, min_score, title=title, published=published, latest=latest
    )
    return claims + body


def _assess_headline(headline: str, body: str, language: str, context: NameContext) -> Assessment:
    """Score a headline as written in sentence case: its capitalised words that the body
    writes in lower case are ordinary words, not names ("Angka Kemiskinan ... Turun")."""
    names = whole_names(body, language, context.common, context.acronyms, context.known)
    kept = {w for n in names if n.text in headline for w in n.text.split()}
    cased = re.sub(
        r"\b[A-Z][a-z]+\b",
        lambda m: (
            m.group().lower()
            if m.group().lower() in context.common and m.group() not in kept
            else m.group()
        ),
        headline,
    )
    return assess(
        cased,
        language,
        context=context,
        list_spans=[m.span() for m in LIST_RE.finditer(cased)],
    )


def _standfirst_end(text: str, language: str) -> int:
    """Where the standfirst ends: a first paragraph of at most two sentences followed by at
    least two more paragraphs; 0 when there is none."""
    paragraphs = [m for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    if len(paragraphs) < 3:
        return 0
    first = paragraphs[0]
    if len(split_sentences(first.group(), language)) > MAX_STANDFIRST_SENTENCES:
        return 0
    return first.end()


def assess_claim(
    text: str, article_text: str, language: str, *, claimant: str | None = None
) -> Assessment:
    """Score a claim a person wrote (added by hand, or a part of a split) like a proposal,
    with the article's names as context. Its own attribution, if any, names the claimant."""
    language = language if language in ("id", "en") else "en"
    context: NameContext = name_context(article_text, language)
    if claimant is None:
        attribution = find_attribution(text, language)
        claimant = attribution.speaker if attribution else None
        claimant = context.acronyms.get(claimant or "", claimant)
    return assess(
        text,
        language,
        context=context,
        claimant=claimant,
        list_spans=[m.span() for m in LIST_RE.finditer(text)],
    )


def claimant_of(text: str, article_text: str, language: str) -> str | None:
    """Who a claim a person wrote attributes itself to, if anyone (acronyms written out)."""
    language = language if language in ("id", "en") else "en"
    attribution = find_attribution(text, language)
    if attribution is None:
        return None
    return Discourse.of(article_text, language).claimant(attribution.speaker)
