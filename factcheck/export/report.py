"""The Markdown and HTML reports: per article, a verdict summary, each claim with its verdict
and rationale, and the article's sources numbered, with the date each was archived.

Both are written as the claims are read: an article's summary comes from one counting query,
its sources from one query, so no article's claims are ever held in memory together.

User text is made harmless in each format. HTML: Jinja autoescapes everything; the rationale
(Markdown) is rendered and sanitised as on the verdict pages
(factcheck.publishing.markup.render_markdown).
Markdown: the rationale stays Markdown as written, but raw HTML is escaped and script links
are disabled, since a Markdown renderer would pass them through; single-line fields are
escaped so they cannot start a heading, a table cell or a link.
"""

from __future__ import annotations

import html as html_entities
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import groupby
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import func, select
from sqlmodel import Session

from factcheck.export.records import (
    Publisher,
    Record,
    Selection,
    article_sources,
    iter_records,
)
from factcheck.models import Claim, Evidence, EvidenceState, utcnow
from factcheck.publishing.claimreview import day, instant, verdict_page_url
from factcheck.publishing.markup import render_markdown

# A standalone document, not a web page: its template lives with the export, outside the web
# templates (which the site's Content-Security-Policy keeps free of inline styles).
TEMPLATES = Path(__file__).resolve().parent / "templates"
CLAIM_COLUMNS = ["key", "text", "status", "verdict", "rationale"]


@dataclass
class ClaimView:
    """A claim as a report shows it."""

    key: str
    text: str
    status: str
    verdict: str | None  # the label in the article's language
    verdict_en: str | None  # the English label, when the article is in another language
    rationale: str
    sources: list[int]  # numbers in the article's source list
    url: str


@dataclass
class ArticleView:
    article: Any
    summary: list[tuple[str, int]]  # (verdict label, number of claims), scale order
    sources: list[dict]  # number, title, publisher, url, archived (ISO date or None)
    claims: Iterator[ClaimView]  # lazy: read while the report is written


def articles(session: Session, selection: Selection, publisher: Publisher) -> Iterator[ArticleView]:
    """The selected claims grouped by article, each group read lazily in order."""
    records = iter_records(
        session,
        selection,
        history=None,
        claim_columns=CLAIM_COLUMNS,
        evidence_columns=[Evidence.state, Evidence.source_id],
    )
    for _, group in groupby(records, key=lambda r: r.claim.article_id):
        first = next(group)
        article = first.article
        sources = [
            {
                "number": n,
                "title": s.title,
                "publisher": s.publisher,
                "url": s.url,
                "archived": day(snap.archived) if snap else None,
                "id": s.id,
            }
            for n, (s, snap) in enumerate(article_sources(session, article.id), 1)
        ]
        numbers = {s["id"]: s["number"] for s in sources}
        views = (_claim_view(r, publisher, numbers) for r in _chain(first, group))
        yield ArticleView(article, _summary(session, selection, publisher, article), sources, views)


def _chain(first: Record, rest: Iterator[Record]) -> Iterator[Record]:
    yield first
    yield from rest


def _summary(
    session: Session, selection: Selection, publisher: Publisher, article: Any
) -> list[tuple[str, int]]:
    query = (
        select(Claim.verdict, func.count())
        .where(*selection.conditions(), Claim.article_id == article.id)
        .group_by(Claim.verdict)
    )
    counts = dict(session.execute(query).all())
    order = {key: n for n, key in enumerate(publisher.scale.keys())}
    ranked = sorted(counts, key=lambda k: (k is None, order.get(k, len(order)), k or ""))
    return [
        (_label(publisher, k, article.language)[0] or "no verdict yet", counts[k]) for k in ranked
    ]


def _label(publisher: Publisher, key: str | None, language: str) -> tuple[str | None, ...]:
    """The label in the article's language, and the English one when it differs."""
    native, english = publisher.labels(key, language)
    return native, (english if english != native else None)


def _claim_view(record: Record, publisher: Publisher, numbers: dict[int, int]) -> ClaimView:
    c, a = record.claim, record.article
    label, english = _label(publisher, c.verdict, a.language)
    cited = sorted(
        {
            numbers[e.source_id]
            for e in record.evidence
            if e.state == EvidenceState.CONFIRMED and e.source_id in numbers
        }
    )
    return ClaimView(
        c.key,
        c.text,
        c.status,
        label,
        english,
        c.rationale or "",
        cited,
        verdict_page_url(publisher.base_url, a.slug, c.key),
    )


# --- HTML ---------------------------------------------------------------------------------
@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def html_chunks(session: Session, selection: Selection, publisher: Publisher) -> Iterator[str]:
    """A standalone HTML report (inline print stylesheet, no scripts), written as it goes."""
    template = _environment().get_template("report.html")
    stream = template.stream(
        articles=articles(session, selection, publisher),
        publisher=publisher,
        generated=instant(utcnow()),
        selection=selection,
        rationale_html=render_markdown,
    )
    stream.enable_buffering(200)  # Jinja yields every tiny piece otherwise
    yield from stream


# --- Markdown -----------------------------------------------------------------------------
_INLINE = re.compile(r"([\\`*_\[\]#!])")  # escapes CommonMark and Python-Markdown share
# Link destinations: inline ``](dest`` and reference definitions ``[label]: dest``, wherever
# they stand (in a blockquote or a list item too). The destination ends at a space or ``)``.
_INLINE_DEST = re.compile(r"\]\((\s*)(&lt;[^\n]*?>|[^\s)]*)")
_DEFINITION = re.compile(r"\[([^\]\n]*)\]:([ \t]*)(&lt;[^\n]*?>|\S*)")
_IMAGE = re.compile(r"(?<!\\)!\[")
SAFE_SCHEMES = ("http:", "https:", "mailto:")


def md_inline(text: str | None) -> str:
    """One line of user text that Markdown shows as typed (no markup, no line breaks).

    ``<`` becomes an entity rather than ``\\<``, which not every renderer understands.
    """
    return _INLINE.sub(r"\\\1", " ".join((text or "").split())).replace("<", "&lt;")


def md_cell(text: str | None) -> str:
    """User text for a Markdown table cell: also no ``|``, which would end the cell."""
    return md_inline(text).replace("|", "\\|")


def md_url(url: str) -> str:
    """A web address as a Markdown autolink; anything but http(s) stays plain text."""
    if re.match(r"https?://", url, re.IGNORECASE):
        return "<" + url.replace(">", "%3E").replace("<", "%3C").replace(" ", "%20") + ">"
    return md_inline(url)


def safe_destination(destination: str) -> bool:
    """Whether a Markdown link destination is a web or mail address, read as a browser would
    read it once a renderer has decoded its character references (``&#106;avascript:``) and
    dropped the tabs and line breaks inside it (``java&Tab;script:``)."""
    plain = html_entities.unescape(html_entities.unescape(destination)).strip().strip("<>")
    plain = "".join(c for c in plain if ord(c) > 0x20).lower()
    return plain.startswith(SAFE_SCHEMES)


def md_block(text: str) -> str:
    """Markdown written by a person, kept as is except raw HTML, links to anything but web or
    mail addresses (left as text), and images (left as links: no picture loads by itself)."""
    text = text.replace("<", "&lt;")  # enough to stop every tag; the rest reads as typed
    text = _IMAGE.sub("[", text)
    text = _INLINE_DEST.sub(
        lambda m: m.group(0) if safe_destination(m.group(2)) else "]\\(" + m.group(1) + m.group(2),
        text,
    )
    return _DEFINITION.sub(
        lambda m: m.group(0) if safe_destination(m.group(3)) else "\\" + m.group(0), text
    )


def markdown_chunks(session: Session, selection: Selection, publisher: Publisher) -> Iterator[str]:
    """The Markdown report, one chunk per article header, claim and source list."""
    yield (
        f"# Fact-check report: {md_inline(publisher.org_name)}\n\n"
        f"Generated {instant(utcnow())}; claims: {selection.status}.\n"
    )
    for view in articles(session, selection, publisher):
        yield _md_article_head(view)
        for claim in view.claims:
            yield _md_claim(claim)
        yield _md_sources(view.sources)


def _md_article_head(view: ArticleView) -> str:
    a = view.article
    lines = [f"\n## {md_inline(a.title)}\n"]
    facts = [md_inline(x) for x in (a.publisher, a.author) if x]
    if a.published_date:
        facts.append(a.published_date.isoformat())
    if facts:
        lines.append(" · ".join(facts) + "\n")
    if a.url:
        lines.append(md_url(a.url) + "\n")
    lines.append("| Verdict | Claims |\n|---|---:|")
    lines += [f"| {md_cell(label)} | {count} |" for label, count in view.summary]
    return "\n".join(lines) + "\n"


def _md_claim(claim: ClaimView) -> str:
    verdict = md_inline(claim.verdict) if claim.verdict else "no verdict yet"
    if claim.verdict_en:
        verdict += f" ({md_inline(claim.verdict_en)})"
    out = [
        f"\n### {md_inline(claim.key)}: {md_inline(claim.text)}\n",
        f"**Verdict:** {verdict} · status {claim.status}\n",
    ]
    if claim.rationale.strip():
        out.append(md_block(claim.rationale.strip()) + "\n")
    if claim.sources:
        out.append("Sources: " + ", ".join(f"[{n}]" for n in claim.sources) + "\n")
    return "\n".join(out)


def _md_sources(sources: list[dict]) -> str:
    if not sources:
        return ""
    lines = ["\n#### Sources\n"]
    for s in sources:
        line = f"{s['number']}. {md_inline(s['title'])}"
        if s["publisher"]:
            line += f", {md_inline(s['publisher'])}"
        if s["url"]:
            line += " " + md_url(s["url"])
        line += f" (archived {s['archived']})" if s["archived"] else " (not archived)"
        lines.append(line)
    return "\n".join(lines) + "\n"
