"""A fetched page's bytes to readable text: the right charset, then the main text.

Kept apart from factcheck.sources.fetch (the network side) so each stays small.
"""

from __future__ import annotations

import re

from factcheck.errors import InputError
from factcheck.messages import N_, Message


class UnreadablePage(ValueError):
    """No readable text in the page; ``refused`` when it is not text at all."""

    def __init__(self, message: str, *, refused: bool = False):
        super().__init__(message)
        self.message = Message(message)  # for FetchError, which says it in the viewer's language
        self.refused = refused


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Browsers read these labels as windows-1252 (WHATWG Encoding); so do we.
_WINDOWS_1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"}


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header, if any."""
    found = re.search(r"charset\s*=\s*[\"']?([^\s;\"']+)", content_type or "", re.I)
    return found.group(1) if found else None


def decode_page(body: bytes, charset: str | None = None, *, html: bool = False) -> str:
    """Bytes to text: BOM, then the declared charset (header, then <meta>), then UTF-8, then
    a guess (charset_normalizer), then windows-1252 with replacement characters."""
    if body.startswith(b"\xef\xbb\xbf"):
        return body[3:].decode("utf-8", "replace")
    meta = _META_CHARSET.search(body[:4096]) if html else None
    for label in (charset, meta.group(1).decode("ascii") if meta else None, "utf-8"):
        if not label:
            continue
        label = "cp1252" if label.lower() in _WINDOWS_1252 else label
        try:
            return body.decode(label)
        except (LookupError, UnicodeDecodeError):
            continue
    from charset_normalizer import from_bytes

    guess = from_bytes(body).best()
    return str(guess) if guess is not None else body.decode("cp1252", "replace")


def page_text(body: bytes, kind: str | None, charset: str | None) -> str:
    """The readable text of a page: HTML through trafilatura, plain text as it is.

    ``kind`` is "html", "text" or None (the server did not say: sniffed). UnreadablePage
    when nothing readable is left.
    """
    if kind is None:  # no Content-Type: sniff, and refuse what is plainly binary
        if b"\x00" in body[:8192]:
            raise UnreadablePage(N_("refused, the answer is binary, not a page"), refused=True)
        head = body[:1024].lstrip().lower()
        kind = "html" if head.startswith((b"<!doctype html", b"<html")) else "text"
    text = decode_page(body, charset, html=kind == "html")
    if kind == "html":
        from factcheck.articles.ingest import html_to_text

        try:
            text = html_to_text(text).text
        except InputError:
            text = ""
    text = text.replace("\r\n", "\n").strip()
    if not text:
        raise UnreadablePage(N_("no readable text in the page; paste the text instead"))
    return text
