"""Passages: a source's newest snapshot cut into pieces a claim can be matched against.

A passage id says where a passage comes from ("s3/n7/120-388": source 3, snapshot 7,
characters 120 to 388; "s3/title" for the source's title), so evidence can point back into the
archived text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlmodel import Session

from factcheck.language.identify import identify_language
from factcheck.language.sentences import Sentence, split_sentences
from factcheck.models import Article
from factcheck.sources.cited import article_sources, latest_snapshot


@dataclass(frozen=True)
class Passage:
    """A piece of a source: its id, text, language ("id", "en"; None: not known, identified
    when needed) and its document's title."""

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
    snapshot's text cut into passages; each passage carries its source's title and its own
    language (factcheck.language.identify), which decides how its numbers are read."""
    passages = []
    for source in article_sources(session, article):
        title = source.title
        passages.append(Passage(passage_id(source.id), title, identify_language(title), title))
        snapshot = latest_snapshot(session, source)
        if snapshot is None:
            continue
        for start, end, text in cut_passages(snapshot.text):
            passage_ref = passage_id(source.id, snapshot.id, start, end)
            passages.append(Passage(passage_ref, text, identify_language(text), title))
    return passages


def cut_passages(text: str, max_chars: int = 400) -> list[tuple[int, int, str]]:
    """Cut a document into passages: (start, end, text) with ``text == document[start:end]``.

    Each line or paragraph no longer than ``max_chars`` is one passage (so a title alone is
    one); longer ones are cut into sentences (factcheck.language.sentences), and a sentence
    still too long at word breaks.
    """
    passages = []
    for line in re.finditer(r"[^\n]+", text):
        chunk = line.group()
        if not chunk.strip():
            continue
        start = line.start() + len(chunk) - len(chunk.lstrip())
        end = line.start() + len(chunk.rstrip())
        pieces = [Sentence(text[start:end], 0, end - start)]
        if end - start > max_chars:
            pieces = split_sentences(text[start:end])
        for piece in pieces:
            for s, e in _word_breaks(piece.text, max_chars):
                s, e = start + piece.start + s, start + piece.start + e
                passages.append((s, e, text[s:e]))
    return passages


def _word_breaks(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Spans of ``text`` at most ``max_chars`` long, cut at the last space that fits."""
    spans, s, e = [], 0, len(text)
    while e - s > max_chars:
        cut = text.rfind(" ", s, s + max_chars)
        cut = cut if cut > s else s + max_chars
        spans.append((s, cut))
        s = cut + 1
    spans.append((s, e))
    return [(s, e) for s, e in spans if text[s:e].strip()]
