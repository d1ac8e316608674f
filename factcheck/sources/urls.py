"""Which addresses may become links: only absolute http(s) web addresses.

Anything else (javascript:, data:, file:, relative paths) stays text, wherever it came from:
a claim file, an import, an old database row.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from factcheck.errors import InputError
from factcheck.messages import N_

MAX_URL_CHARS = 2000


def is_web_url(url: str | None) -> bool:
    """True for one absolute http:// or https:// address with a host and no spaces."""
    if not url or len(url) > MAX_URL_CHARS or any(c.isspace() for c in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def web_url(url: str | None) -> str | None:
    """``url`` if it may be a link, else None (a Jinja filter: ``x.url|web_url``)."""
    return url if is_web_url(url) else None


def web_address(url: str | None) -> str:
    """``url`` stripped, if it is an absolute http(s) URL; InputError otherwise.

    javascript:, data:, file: and the like are refused: the link is shown to readers.
    """
    url = (url or "").strip()
    if not is_web_url(url):
        raise InputError(
            N_(
                "the link must be one web address starting with http:// or https://, "
                "without spaces, of at most %(limit)s characters"
            ),
            limit=MAX_URL_CHARS,
        )
    return url
