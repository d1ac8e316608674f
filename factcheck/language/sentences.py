"""The one sentence splitter, for Indonesian and English news text.

A sentence ends at ``.``, ``!``, ``?`` or an ellipsis followed by a capital or a digit, and
always at a line break. Closing quotes and brackets stay with their sentence ("“Ini
terbesar.” Warga senang." is two sentences, the first with its quote); no sentence ends after
a title or initial ("Dr. Ir. H. Rahmat", "J. Biden", "No. 5") or inside a number ("1.500",
"12,4"). Extraction (factcheck.articles.extract) and the passage cutter
(factcheck.sources.passages) both split here. Abbreviations are in
factcheck.language.vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.language.vocabulary import (
    ABBREVIATIONS_MAYBE_FINAL,
    ABBREVIATIONS_NEVER_FINAL,
    SENTENCE_OPENERS,
)


@dataclass(frozen=True)
class Sentence:
    """A sentence of a text; ``text == whole_text[start:end]``."""

    text: str
    start: int
    end: int


_TERMINATOR = re.compile(r"[.!?…]+[\"”’')\]]*")
_NEXT = re.compile(r"\s+[\"“‘'(\[]*([\w'-]+)")
_TOKEN_BEFORE = re.compile(r"[\w.]*$")


def split_sentences(text: str, lang: str | None = None) -> list[Sentence]:
    """Split ``text`` into sentences with spans, white space trimmed; a newline always ends one,
    and a list item's marker at a line's start ("- ", "* ", "2) ") is no part of its sentence.

    ``lang`` ("id", "en") is accepted for callers that know it; the rules cover both.
    """
    sentences: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        body = line.group()
        start = _BULLET.match(body).end()  # "- 520 rumah", "* Railcard ...", "2) ...": the item
        cuts = [m.end() for m in _TERMINATOR.finditer(body) if _ends_sentence(body, m)]
        for end in [*cuts, len(body)]:
            chunk = body[start:end]
            if chunk.strip():
                lead = len(chunk) - len(chunk.lstrip())
                s, e = line.start() + start + lead, line.start() + start + len(chunk.rstrip())
                sentences.append(Sentence(text[s:e], s, e))
            start = end
    return sentences


# a list item's marker opening a line: a dash, an asterisk or a bullet, or a number with a
# dot or bracket, then a space ("1.200 rumah" is a figure, not an item)
_BULLET = re.compile(r"\s*(?:(?:[-*•·–]|\d{1,2}[.)])\s+)?")


def _ends_sentence(line: str, match: re.Match[str]) -> bool:
    """Whether the terminator ``match`` inside ``line`` ends a sentence."""
    following = _NEXT.match(line, match.end())
    if not following or not (following.group(1)[0].isupper() or following.group(1)[0].isdigit()):
        return False
    if match.group() != ".":
        return True
    token = _TOKEN_BEFORE.search(line, 0, match.start()).group().lower()
    if token in ABBREVIATIONS_NEVER_FINAL or re.fullmatch(r"[a-z]", token):
        return False  # a title, or an initial such as "J." or "H."
    if token in ABBREVIATIONS_MAYBE_FINAL or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
        # "Acme Inc. The firm" ends a sentence; "Acme Inc. Chairman" need not.
        return following.group(1).lower() in SENTENCE_OPENERS
    return True
