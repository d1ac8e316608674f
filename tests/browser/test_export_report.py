"""The HTML report in a real Chromium: it prints one article per page, nothing runs, and
long addresses do not push the page wider than the paper."""

from __future__ import annotations

import re

from factcheck.export.records import Selection
from tests.export.test_formats import TRICKY, reviewed_articles, text_of


def test_html_report_prints_one_article_per_page(session, factory, new_page):
    reviewed_articles(session, factory)
    html = text_of(session, "html", Selection())
    page = new_page(java_script_enabled=True)
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text))
    page.set_content(html)
    assert page.evaluate("document.scripts.length") == 0
    assert TRICKY.split("\n")[0] in page.inner_text("body")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    too_wide = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert not too_wide
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 2  # two articles, each starting a page (break-before on h2)
    assert errors == []
