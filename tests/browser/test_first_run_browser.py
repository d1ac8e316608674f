"""The first run in a real browser, at desktop and phone widths: the home page says where the
set-up address is; the set-up page makes the first admin, who adds an article by pasting it
(its claims proposed by the worker while the page follows), then adds an editor."""

from __future__ import annotations

import pytest

from factcheck.jobs.consumer import start_embedded
from factcheck.review import firstrun
from tests.browser.conftest import PHONE
from tests.browser.test_every_page import axe_violations
from tests.web.test_add_article import ARTICLE

pytestmark = pytest.mark.browser
expect = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed"
).expect

DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def worker(live_app):
    """A worker in the live server's process, as `factcheck serve` runs one."""
    running = start_embedded(live_app.extensions["factcheck.jobs"], threads=1, watch=False)
    yield running
    running.stop()


def no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} is {width}px wide"


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_set_up_then_add_an_article_by_paste_and_an_editor(
    live_app, server, worker, new_page, screenshot, size
):
    token = firstrun.issue_token(live_app.instance_path)
    page = new_page(viewport=size)
    page.goto(server.url + "/")
    expect(page.locator("#setup-heading")).to_contain_text("nobody has an account yet")
    no_sideways_scroll(page)

    page.goto(f"{server.url}/setup/{token}")
    no_sideways_scroll(page)
    assert axe_violations(page) == []
    page.get_by_label("Your user name").fill("alice")
    page.get_by_label("Password", exact=True).fill("correct horse")
    page.get_by_label("Password again").fill("correct horse")
    page.get_by_role("button", name="Create the admin account").click()
    expect(page.locator(".flash")).to_contain_text("you are the first admin")

    page.get_by_role("link", name="Add an article").click()
    no_sideways_scroll(page)
    screenshot(page, f"first-run-add-article-{size['width']}")
    page.get_by_label("The article's text").fill(ARTICLE)
    page.get_by_role("button", name="Add the article").click()
    expect(page.locator(".flash").first).to_contain_text("Article added with 1 cited source")
    expect(page.locator("h1")).to_contain_text("Kota Sungai Emas")
    # the worker proposes the claims; the page reloads itself when the job is done
    expect(page.locator("#jobs .job-done")).to_have_count(1, timeout=20_000)
    expect(page.locator("#jobs .job-result")).to_contain_text("claims proposed")
    no_sideways_scroll(page)

    page.goto(f"{server.url}/review/users")
    add = page.locator('form[action="/review/users"]')
    add.get_by_label("User name").fill("budi")
    add.get_by_label("Role").select_option("editor")
    add.get_by_label("Password", exact=True).fill("budi-pw-123")
    add.get_by_label("Password again").fill("budi-pw-123")
    add.get_by_role("button", name="Add user").click()
    expect(page.locator(".flash")).to_contain_text("Added budi (editor)")
    expect(page.locator("table.users")).to_contain_text("budi")
    no_sideways_scroll(page)
    screenshot(page, f"first-run-users-{size['width']}")
