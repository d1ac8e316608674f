"""Rationales are Markdown written by staff and shown to the public: in the verdict pages (as
sanitised HTML) and in the Markdown report (as Markdown, which another program renders). No
link may lead to script, however it is spelled, and no image may load by itself (a tracking
pixel would tell a third party who read the report)."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest

from factcheck.export.report import md_block
from factcheck.publishing.markup import render_markdown

HOSTILE = [
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;avascript:alert(1))",
    "[x](&#0000106;avascript:alert(1))",
    "[x](java&#09;script:alert(1))",
    "[x](java&Tab;script:alert(1))",
    "[x]( javascript:alert(1) )",
    "[x](<javascript:alert(1)>)",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "> [x]: javascript:alert(1)\n\n[click][x]",
    "> > [x]: &#106;avascript:alert(1)\n\n[click][x]",
    "- [x]: javascript:alert(1)\n\n[click][x]",
    "[click][x]\n\n   [x]: javascript:alert(1)",
    '[x]: javascript:alert(1) "title"\n\n[click][x]',
    "<javascript:alert(1)>",
    "<a href='javascript:alert(1)'>x</a>",
]
TRACKERS = [
    "![](https://tracker.example/pixel.gif)",
    "![seen][p]\n\n[p]: https://tracker.example/pixel.gif",
    "> ![](https://tracker.example/pixel.gif)",
    "<img src=https://tracker.example/pixel.gif>",
]
KEPT = [
    ("[the census](https://census.example/2024)", "https://census.example/2024"),
    ("[write to us](mailto:desk@news.example)", "mailto:desk@news.example"),
    ("[ref][c]\n\n[c]: https://census.example/table", "https://census.example/table"),
]


class Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.images: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "href" in attrs:
            self.hrefs.append(attrs["href"] or "")
        if tag == "img" or "src" in attrs:
            self.images.append(attrs.get("src") or "")


def links(html: str) -> Links:
    parsed = Links()
    parsed.feed(html)
    return parsed


def scriptable(href: str) -> bool:
    # What a browser does with an href: strip whitespace and control characters, ignore case.
    plain = "".join(c for c in href if ord(c) > 0x20).lower()
    return plain.startswith(("javascript:", "vbscript:", "data:"))


def both_renderings(text: str) -> list[tuple[str, str]]:
    """The rationale as a verdict page shows it, and the report as a Markdown viewer would."""
    return [
        ("page", str(render_markdown(text))),
        ("report", markdown.markdown(md_block(text))),
    ]


@pytest.mark.parametrize("text", HOSTILE)
def test_no_link_leads_to_script(text):
    for where, html in both_renderings(text):
        assert not [h for h in links(html).hrefs if scriptable(h)], (where, html)


@pytest.mark.parametrize("text", TRACKERS)
def test_no_image_loads_by_itself(text):
    for where, html in both_renderings(text):
        assert links(html).images == [], (where, html)


@pytest.mark.parametrize(("text", "href"), KEPT)
def test_ordinary_links_stay_links(text, href):
    for where, html in both_renderings(text):
        assert href in links(html).hrefs, (where, html)
