"""The claim queue's article filter in a real browser: as one types, static/queue.js asks the
server for matching articles and offers them in the field's datalist; choosing one and
sending the form shows that article's claims. The strict CSP lets the script run (no inline
script) and nothing is refused."""

from __future__ import annotations

import pytest

from tests.browser.test_flow import log_in

pytestmark = pytest.mark.browser
expect = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed"
).expect


def test_typing_in_the_article_filter_offers_matching_articles(server, new_page, factory):
    factory.user("rini", "checker", "rini-pw-123")
    budget = factory.article("Budget of Jakarta 2025", slug="budget-jakarta")
    factory.article("Budget of Surabaya", slug="budget-surabaya")
    factory.article("Floods in Bekasi", slug="floods-bekasi")
    factory.claim(budget, "The budget grew by 12 percent.")
    factory.claim(factory.article("Other news", slug="other-news"), "Exports fell by 3 percent.")
    page = new_page()
    refused = []
    page.on("console", lambda m: refused.append(m.text) if m.type == "error" else None)
    log_in(page, server.url, "rini", "rini-pw-123")
    page.goto(f"{server.url}/review/claims")
    options = page.locator("#article-options option")
    expect(options).to_have_count(0)

    page.locator("#article").press_sequentially("budg", delay=30)
    expect(options).to_have_count(2)
    assert options.evaluate_all("os => os.map(o => [o.value, o.textContent])") == [
        ["budget-jakarta", "Budget of Jakarta 2025"],
        ["budget-surabaya", "Budget of Surabaya"],
    ]
    page.locator("#article").fill("")
    page.locator("#article").press_sequentially("jakarta", delay=30)
    expect(options).to_have_count(1)

    page.locator("#article").fill("budget-jakarta")  # what choosing the option puts there
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url("**/review/claims?*article=budget-jakarta*")
    expect(page.locator("table.queue")).to_contain_text("The budget grew by 12 percent.")
    expect(page.locator("table.queue")).not_to_contain_text("Exports fell")
    assert refused == []
