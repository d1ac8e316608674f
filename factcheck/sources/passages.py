"""Passages: a source's newest snapshot cut into pieces a claim can be matched against.

A passage id says where a passage comes from ("s3/n7/120-388": source 3, snapshot 7,
characters 120 to 388; "s3/title" for the source's title), so evidence can point back into the
archived text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlmodel import Session

from factcheck.models import Article
from factcheck.sources.cited import article_sources, latest_snapshot


@dataclass(frozen=True)
class Passage:
    """A piece of a source: its id, text, language if known, and its document's title."""

    id: str
    text: str
    lang: str | None = None
    source: str | None = None


def passage_id(
    source_id: int, snapshot_id: int | None = None, start: int | None = None, end: int | None = None
) -> str:
    """ "s{source}/n{snapshot}/{start}-{end}" for a snapshot passage, "s{source}/title" for the
    source's title."""
    if snapshot_id is None:
        return f"s{source_id}/title"
    return f"s{source_id}/n{snapshot_id}/{start}-{end}"


def parse_passage_id(value: str) -> tuple[int, int | None, int | None, int | None]:
    """(source id, snapshot id, start, end) from ``passage_id``; the last three None for a
    title. ValueError for anything else."""
    parts = value.split("/")
    if len(parts) == 2 and parts[0][:1] == "s" and parts[1] == "title":
        return int(parts[0][1:]), None, None, None
    if len(parts) == 3 and parts[0][:1] == "s" and parts[1][:1] == "n" and "-" in parts[2]:
        start, end = parts[2].split("-", 1)
        return int(parts[0][1:]), int(parts[1][1:]), int(start), int(end)
    raise ValueError(f"not a passage id: {value!r}")


def source_passages(session: Session, article: Article) -> list[Passage]:
    """Every source's title as a passage (titles are all some articles give), then the newest
    snapshot's text cut into passages; each passage carries its source's title."""
    passages = []
    for source in article_sources(session, article):
        passages.append(Passage(passage_id(source.id), source.title, source=source.title))
        snapshot = latest_snapshot(session, source)
        if snapshot is None:
            continue
        for start, end, text in cut_passages(snapshot.text):
            passages.append(
                Passage(passage_id(source.id, snapshot.id, start, end), text, source=source.title)
            )
    return passages


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|"
    r"Dec|Gen|Gov|Sen|Rep|Inc|Ltd|Co|vs|etc|dll|dsb|Jl|Tn|Ny|Sdr|H))\.$"
)


def cut_passages(text: str, max_chars: int = 400) -> list[tuple[int, int, str]]:
    """Cut a document into passages: (start, end, text) with ``text == document[start:end]``.

    Each line or paragraph no longer than ``max_chars`` is one passage (so a title alone is
    one); longer ones are cut into sentences, and a sentence still too long at word breaks.
    """
    passages = []
    for para in re.finditer(r"[^\n]+", text):
        start, chunk = para.start(), para.group()
        stripped = chunk.strip()
        if not stripped:
            continue
        start += len(chunk) - len(chunk.lstrip())
        for s, e in _sentences(stripped, max_chars):
            passages.append((start + s, start + e, text[start + s : start + e]))
    return passages


def _sentences(text: str, max_chars: int) -> list[tuple[int, int]]:
    if len(text) <= max_chars:
        return [(0, len(text))]
    cuts, begin = [], 0
    for m in _SENTENCE_END.finditer(text):
        if not _ABBREVIATION.search(text[begin : m.start()].rstrip('"”’)')):
            cuts.append((begin, m.start()))
            begin = m.end()
    cuts.append((begin, len(text)))
    spans = []
    for s, e in cuts:
        while e - s > max_chars:  # a run-on sentence: cut at the last space that fits
            cut = text.rfind(" ", s, s + max_chars)
            cut = cut if cut > s else s + max_chars
            spans.append((s, cut))
            s = cut + 1
        spans.append((s, e))
    return [(s, e) for s, e in spans if text[s:e].strip()]
