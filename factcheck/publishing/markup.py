"""Turning stored text into safe HTML: Markdown rationales and JSON-LD data blocks.

The one place that decides which HTML a checker's Markdown may produce. Rationales are
written by staff but shown to the public, so they are treated as untrusted: Markdown is
rendered, then cleaned by nh3 (an allow-list sanitiser) before it reaches a page.
"""

from __future__ import annotations

import functools
import html as html_entities
import json
import threading

import markdown
import nh3
from markupsafe import Markup

from factcheck.language.sentences import split_sentences

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "em",
    "strong",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
# No javascript:, data: or relative links: a rationale points readers to sources, never
# into the app itself (nh3 lets relative URLs through, so _only_absolute drops them).
URL_SCHEMES = {"http", "https", "mailto"}
_ABSOLUTE = tuple(f"{scheme}:" for scheme in URL_SCHEMES)
LINK_REL = "nofollow noopener"


_local = threading.local()


def _markdown(text: str) -> str:
    # Building a Markdown parser costs more than converting a short rationale, so each
    # thread keeps one (instances are not thread-safe) and resets it between texts.
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = _local.parser = markdown.Markdown(
            extensions=["tables", "sane_lists"], output_format="html"
        )
    try:
        return parser.convert(text)
    finally:
        parser.reset()


@functools.lru_cache(maxsize=2048)  # pages are read far more often than rationales change
def render_markdown(text: str | None) -> Markup:
    """Markdown ``text`` as sanitised HTML, safe to insert into a page without escaping.

    Raw HTML in the input is escaped by nh3 unless it is on the allow-list; links keep only
    http, https and mailto targets and get ``rel="nofollow noopener"``. Headings start at h3
    because a rationale sits under the page's own h1 and h2.
    """
    if not text or not text.strip():
        return Markup("")
    html = _demote_headings(_markdown(text))
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
        attribute_filter=_only_absolute,
    )
    return Markup(cleaned)


def _only_absolute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href" and not value.strip().lower().startswith(_ABSOLUTE):
        return None
    return value


def _demote_headings(html: str) -> str:
    # h1/h2 from a rationale would break the page outline screen readers navigate by.
    for level in (2, 1):
        html = html.replace(f"<h{level}>", "<h3>").replace(f"</h{level}>", "</h3>")
    return html


def plain_excerpt(text: str | None, limit: int = 200) -> str:
    """The first ``limit`` characters of Markdown ``text`` as one line of plain text."""
    if not text:
        return ""
    plain = " ".join(nh3.clean(_markdown(text), tags=set()).split())
    # nh3 leaves entities (&amp;) in place; templates escape again, so undo them here.
    plain = html_entities.unescape(plain)
    if len(plain) <= limit:
        return plain
    return plain[: limit - 1].rsplit(" ", 1)[0] + "…"


def script_json(data: object) -> Markup:
    """``data`` as JSON that is safe inside ``<script type="application/ld+json">``.

    ``<``, ``>`` and ``&`` become \\u003c, \\u003e and \\u0026 (still the same JSON), so text
    such as ``</script><script>`` in a claim cannot end the data block; U+2028/U+2029 are
    escaped by ``ensure_ascii``.
    """
    text = json.dumps(data, ensure_ascii=True, sort_keys=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def first_sentence(text: str | None, limit: int = 200) -> str:
    """The first sentence of Markdown ``text`` as plain text (at most ``limit`` characters):
    the one-line conclusion at the top of a verdict page."""
    plain = plain_excerpt(text, limit=10_000)
    sentences = split_sentences(plain)
    first = sentences[0].text if sentences else plain
    return plain_excerpt(first, limit)
