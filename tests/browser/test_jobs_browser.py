"""Background jobs in a real browser: "Fetch all" answers at once while the fetch takes
seconds, the page follows the job's progress (static/jobs.js polling the JSON status) and
shows its result when it is done; then "Match" the same way."""

from __future__ import annotations

import threading
import time

import pytest
from werkzeug import Response

from factcheck.jobs.consumer import start_embedded
from factcheck.models import Source
from tests.browser.test_flow import log_in

pytestmark = pytest.mark.browser
expect = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed"
).expect


@pytest.fixture
def worker(live_app):
    """A worker in the live server's process, as `factcheck serve` runs one."""
    running = start_embedded(live_app.extensions["factcheck.jobs"], threads=1, watch=False)
    yield running
    running.stop()


@pytest.fixture
def slow_source(app_config, httpserver):
    """A source page that takes two seconds to answer (the app waits for it up to ten)."""
    app_config["FETCH_TIMEOUT"] = (5.0, 10.0)
    answered = threading.Event()

    def slow(_request):
        time.sleep(2)
        answered.set()
        return Response(
            "<html><body><p>Officials said the country has 20 million people in 2024.</p>"
            "</body></html>",
            content_type="text/html; charset=utf-8",
        )

    httpserver.expect_request("/census").respond_with_handler(slow)
    return httpserver.url_for("/census"), answered


def test_fetch_all_and_match_run_in_the_background_and_the_page_follows_them(
    slow_source, server, worker, new_page, factory, screenshot
):
    url, answered = slow_source
    factory.user("siti", "checker", "siti-pw-123")
    article = factory.article("Census", text_="The country has 20 million people.")
    factory.claim(article, "The country has 20 million people.")
    factory._save(Source(article_id=article.id, title="Census office", url=url, position=1))
    page = new_page()
    log_in(page, server.url, "siti", "siti-pw-123")
    page.goto(f"{server.url}/review/articles/{article.slug}")

    started = time.monotonic()
    page.get_by_role("button", name="Fetch all sources").click()
    expect(page.locator(".flash")).to_contain_text("Fetching sources: queued")
    assert time.monotonic() - started < 1.5 and not answered.is_set()  # the page did not wait
    job = page.locator("#jobs .job").first
    expect(job).to_have_attribute("data-job-state", "running", timeout=10_000)
    screenshot(page, "job-running")
    expect(job.locator(".job-result")).to_have_text(
        "fetched 1 of 1 sources with a web address", timeout=15_000
    )  # shown after the script reloads the page once the job ended
    expect(page.locator("#sources")).to_contain_text("archived")
    # the reload did not wipe the message the checker may not have read yet
    expect(page.locator(".flash")).to_contain_text("Fetching sources: queued")

    page.get_by_role("button", name="Match claims against sources").click()
    expect(page.locator("#jobs .job").first.locator(".job-result")).to_contain_text(
        "Matched 1 claim against", timeout=15_000
    )
    expect(page.locator("#jobs .job-done")).to_have_count(2)
    screenshot(page, "job-done")
