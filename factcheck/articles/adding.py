"""Adding an article the three ways a newsroom has one: its web address, pasted text, a file.

Each way ends in the same ParsedArticle and the same checks as ``factcheck ingest`` (empty,
binary, not UTF-8, too large, no article text, fields too long: one-line InputErrors), then
``add_parsed`` stores it once (an article whose text is already stored is returned as it is).

In: an address (with the fetch settings), pasted text or an uploaded file's bytes and name;
the person adding it. Out: a ParsedArticle, then the stored Article and whether it is new.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from factcheck.articles.ingest import (
    MAX_INPUT_BYTES,
    ParsedArticle,
    ingest,
    looks_like_html,
    parse_document,
    read_document,
)
from factcheck.errors import InputError
from factcheck.inputs import check_text
from factcheck.messages import N_

if TYPE_CHECKING:
    from sqlmodel import Session

    from factcheck.models import Article, User
    from factcheck.sources.fetch import FetchSettings

MAX_FILE_NAME = 120


def read_url(
    url: str, settings: FetchSettings, *, title: str | None = None, language: str | None = None
) -> ParsedArticle:
    """Fetch ``url`` with the one safe fetcher and parse the page (HTML or text); FetchError
    (an InputError) for an address that cannot or may not be fetched."""
    from factcheck.sources.fetch import fetch_url
    from factcheck.sources.pagetext import charset_of, decode_page

    result = fetch_url(url, settings)
    html = "html" in (result.content_type or "") or looks_like_html(
        result.body[:1000].decode("ascii", "ignore")
    )
    text = decode_page(result.body, charset_of(result.content_type), html=html)
    return parse_document(text, url, title=title, language=language, url=result.final_url)


def read_pasted(
    text: str, *, title: str | None = None, language: str | None = None
) -> ParsedArticle:
    """Parse pasted text (plain text, or a page's HTML source)."""
    text = check_text(text or "", N_("the pasted text"), None)
    if not text.strip():
        raise InputError(N_("the pasted text is empty"))
    if len(text.encode("utf-8")) > MAX_INPUT_BYTES:
        raise InputError(
            N_("the pasted text is larger than %(size)s MiB"), size=MAX_INPUT_BYTES // (1024 * 1024)
        )
    return parse_document(text, "the pasted text", title=title, language=language)


def file_label(filename: str | None) -> str:
    """An uploaded file's name as messages show it: no folders, no control characters."""
    name = re.split(r"[\\/]", filename or "")[-1]
    name = "".join(c for c in name if c.isprintable()).strip()
    return name[:MAX_FILE_NAME] or "the uploaded file"


def read_upload(
    data: bytes, filename: str | None, *, title: str | None = None, language: str | None = None
) -> ParsedArticle:
    """Parse an uploaded text or HTML file, checked as ``factcheck ingest FILE`` checks one."""
    return read_document(data, file_label(filename), title=title, language=language)


def add_parsed(
    session: Session,
    parsed: ParsedArticle,
    *,
    user: User,
    publisher: str | None = None,
    extract: bool = True,
) -> tuple[Article, bool]:
    """Store ``parsed`` as added by ``user`` (a checker or higher); returns (article,
    created). The caller commits; see ``articles.ingest.ingest``."""
    from factcheck.models import Role
    from factcheck.review import workflow

    workflow.require(user, Role.CHECKER, N_("adding articles"))
    publisher = (publisher or "").strip() or None
    return ingest(session, parsed, extract=extract, publisher=publisher, actor=user)
