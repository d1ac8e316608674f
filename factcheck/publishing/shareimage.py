"""The share image of a verdict: a PNG drawn on the server (1200 x 630, the size social sites
show), with the rating in its colour, icon and words, the claim, and the newsroom's name.

Drawn with Pillow and the font Pillow ships (nothing is downloaded), and kept on disk: an
image is drawn once per claim version and wording (``share_image`` returns the cached file).
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 630)
DESIGN = "1"  # part of the cache key: bump it when the drawing changes
# One colour per step of the rating scale (factcheck.review.ratings.RatingScale.level), as on
# the verdict pages; white text on each has a contrast of at least 4.5:1.
LEVEL_COLOURS = {
    5: "#1e6b33",
    4: "#0f6e6e",
    3: "#8a5a00",
    2: "#b03a00",
    1: "#a4161a",
    0: "#4d4d4d",
}
INK, PAPER, MUTED = "#1b1b1b", "#ffffff", "#555555"


@dataclass(frozen=True)
class ShareCard:
    """What the image says: the claim, its rating label and level, a one-line conclusion and
    the newsroom's name (with the verdict's word for "Claim" in the page's language)."""

    claim: str
    label: str
    level: int
    conclusion: str
    org_name: str
    claim_word: str = "Claim"

    def key(self) -> str:
        """A name for the cached file: changes with anything drawn."""
        parts = [DESIGN, self.claim, self.label, str(self.level), self.conclusion]
        parts += [self.org_name, self.claim_word]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


def _lines(text: str, font, width: int, most: int) -> list[str]:
    """``text`` wrapped to ``width`` pixels (measured) in at most ``most`` lines, the last
    cut with "…"; a word wider than a line is cut."""
    lines: list[str] = []
    for word in text.split():
        while font.getlength(word) > width:  # a long address: cut it where it fills the line
            cut = max(1, int(len(word) * width / font.getlength(word)) - 1)
            lines.append(word[:cut])
            word = word[cut:]
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = lines[-1].rstrip(" .,;:") + "…"
    return lines


def _icon(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], level: int) -> None:
    """The rating's icon in white: a pie filled by its step (full for the best), a cross
    for the worst, a question mark for a rating without a value."""
    draw.ellipse(box, outline=PAPER, width=6)
    if level == 0:
        x0, y0, x1, y1 = box
        draw.text(((x0 + x1) / 2, (y0 + y1) / 2), "?", font=_font(56), fill=PAPER, anchor="mm")
    elif level == 1:
        x0, y0, x1, y1 = (v + (16 if i < 2 else -16) for i, v in enumerate(box))
        draw.line((x0, y0, x1, y1), fill=PAPER, width=8)
        draw.line((x0, y1, x1, y0), fill=PAPER, width=8)
    else:
        draw.pieslice(box, -90, -90 + 360 * (level - 1) / 4, fill=PAPER)


def draw(card: ShareCard) -> bytes:
    """The share image of ``card`` as PNG bytes."""
    image = Image.new("RGB", SIZE, PAPER)
    paint = ImageDraw.Draw(image)
    colour = LEVEL_COLOURS.get(card.level, LEVEL_COLOURS[0])
    paint.rectangle((0, 0, SIZE[0], 170), fill=colour)
    _icon(paint, (60, 45, 140, 125), card.level)
    paint.text((170, 85), card.label, font=_font(64), fill=PAPER, anchor="lm")
    y = 215
    paint.text((60, y), card.claim_word, font=_font(30), fill=MUTED)
    y += 45
    body = _font(44)
    for line in _lines(f"“{card.claim}”", body, SIZE[0] - 120, 4):
        paint.text((60, y), line, font=body, fill=INK)
        y += 56
    small = _font(30)
    for line in _lines(card.conclusion, small, SIZE[0] - 120, 2):
        y += 8
        paint.text((60, y), line, font=small, fill=MUTED)
        y += 32
    paint.rectangle((0, SIZE[1] - 70, SIZE[0], SIZE[1]), fill="#10243e")
    paint.text((60, SIZE[1] - 35), card.org_name, font=_font(30), fill=PAPER, anchor="lm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def share_image(card: ShareCard, cache_dir: Path) -> Path:
    """The PNG file of ``card`` in ``cache_dir``, drawn the first time it is asked for.

    Written to a temporary name and renamed, so a reader never gets half a file even when
    two requests draw the same image at once."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / f"{card.key()}.png"
    if not path.exists():
        partial = cache_dir / f".{path.name}.{os.getpid()}.{id(card)}"
        partial.write_bytes(draw(card))
        os.replace(partial, path)
    return path
