"""Real-browser fixtures: the app as a real HTTP server on a loopback port, and Debian's
Chromium driven by Playwright.

The server runs in a thread (werkzeug ``make_server``) with CSRF protection ON, on the fresh
test database of the root conftest. Chromium is never downloaded: without /usr/bin/chromium
(``apt-get install -y chromium``) or the playwright package the browser tests are skipped.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from factcheck import create_app

CHROMIUM = os.environ.get("FACTCHECK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"
PHONE = {"width": 390, "height": 844}


def _skip_reason() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM} (apt-get install -y chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    return None


def pytest_collection_modifyitems(config, items):
    reason = _skip_reason()
    for item in items:
        if "tests/browser" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


class LiveServer:
    """The app served over real HTTP at ``url`` until ``stop``."""

    def __init__(self, app):
        self.app = app
        self._server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._thread.join(timeout=10)
        self._server.server_close()


@pytest.fixture
def live_app(app_config):
    """The app with CSRF on (as in production) on this test's fresh database."""
    app_config["WTF_CSRF_ENABLED"] = True
    app = create_app(app_config)
    yield app
    app.extensions["factcheck.engine"].dispose()


@pytest.fixture
def server(live_app):
    live = LiveServer(live_app)
    yield live
    live.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser):
    """Open pages in fresh browser contexts (separate cookies: separate people)."""
    contexts = []

    def open_page(**options):
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def screenshot():
    """Save a full-page screenshot as tests/screenshots/<name>.png (git-ignored)."""
    SCREENSHOTS.mkdir(exist_ok=True)

    def take(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
