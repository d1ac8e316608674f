"""Text cut into segments for highlighting: built in Python, rendered by autoescaped Jinja.

Templates loop over the segments and wrap marked ones in ``<mark>``; no HTML is built from
user text here, so nothing needs ``|safe``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    """A piece of text; ``kind`` is None for plain text, else what the mark means, and
    ``ref`` what it points to (a claim key, say)."""

    text: str
    kind: str | None = None
    ref: str | None = None


Mark = tuple[int, int, str, str | None]  # start, end, kind, ref


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """``text`` cut at every mark's edges; where marks overlap, the shortest one wins (so each
    of two nested claims stays visible). Marks outside the text are clipped or dropped."""
    marks = [(max(0, s), min(len(text), e), k, r) for s, e, k, r in marks]
    marks = [m for m in marks if m[0] < m[1]]
    cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    out: list[Segment] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [m for m in marks if m[0] <= start and end <= m[1]]
        best = min(covering, key=lambda m: (m[1] - m[0], m[0]), default=None)
        kind, ref = (best[2], best[3]) if best else (None, None)
        if out and out[-1].kind == kind and out[-1].ref == ref:
            out[-1] = Segment(out[-1].text + text[start:end], kind, ref)
        else:
            out.append(Segment(text[start:end], kind, ref))
    return out


def disagreeing_values(labels: list[str], side: str) -> list[str]:
    """The values a matcher's disagreement labels name for ``side`` ("claim" or "passage").

    Labels look like ``"year: claim 1992 ≠ passage 1993, 1994"``.
    """
    values: list[str] = []
    for label in labels:
        found = re.search(r"claim (.+?) ≠ passage (.+)$", label)
        if found:
            part = found.group(1) if side == "claim" else found.group(2)
            values += [v.strip() for v in part.split(",") if v.strip()]
    return values


def find_all(text: str, values: list[str]) -> list[tuple[int, int]]:
    """Every place a value occurs in ``text`` as a whole word or number."""
    spans = []
    for value in values:
        for found in re.finditer(rf"(?<!\w){re.escape(value)}(?!\w)", text):
            spans.append(found.span())
    return spans
