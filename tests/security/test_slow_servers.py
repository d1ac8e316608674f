"""A cited site that answers one byte a second cannot hold a fetch past its deadline.

The server here is a raw socket on loopback (not an HTTP library, which would buffer): it
reads the request, then trickles its answer one byte a second, in the status line and headers
or in the body. Every read then succeeds well within the read timeout, so only a wall-clock
deadline over the whole fetch (connect, headers, body, redirects and retries) stops it.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from factcheck.sources.fetch import FetchError, FetchSettings, fetch_url

DEADLINE = 3.0
# Read timeouts longer than a byte's interval, retries and redirects: none of them may stretch
# the deadline.
SETTINGS = FetchSettings(
    timeout=(2.0, 2.0), retries=2, backoff=0.2, allow_private=True, total_seconds=DEADLINE
)
SLACK = 1.5  # thread start-up, a last byte in flight, a loaded machine
HEADERS = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"


class TricklingServer:
    """Answers every connection with ``prefix`` at once, then ``trickle`` one byte a second
    (for at most ``limit`` seconds), then closes; ``trickle=None`` holds the connection
    silently instead."""

    def __init__(self, prefix: bytes, trickle: bytes | None, limit: float = 15.0):
        self.prefix, self.trickle, self.limit = prefix, trickle, limit
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.stop = threading.Event()
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, path: str = "/page") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _accept(self) -> None:
        self.listener.settimeout(0.2)
        while not self.stop.is_set():
            try:
                connection, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._answer, args=(connection,), daemon=True).start()

    def _answer(self, connection: socket.socket) -> None:
        with connection:
            connection.settimeout(5)
            request = b""
            try:
                while b"\r\n\r\n" not in request:
                    chunk = connection.recv(4096)
                    if not chunk:
                        return
                    request += chunk
                connection.sendall(self.prefix)
                if self.trickle is None:
                    self.stop.wait(self.limit)
                    return
                started = time.monotonic()
                for byte in self.trickle:
                    if self.stop.wait(1.0) or time.monotonic() - started > self.limit:
                        return
                    connection.sendall(bytes([byte]))
            except OSError:
                return  # the client gave up: what we want

    def close(self) -> None:
        self.stop.set()
        self.listener.close()


@pytest.fixture
def trickling() -> Iterator:
    servers: list[TricklingServer] = []

    def start(prefix: bytes, trickle: bytes | None) -> TricklingServer:
        servers.append(TricklingServer(prefix, trickle))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def timed_fetch(url: str, settings: FetchSettings = SETTINGS) -> tuple[float, FetchError]:
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetch_url(url, settings)
    return time.monotonic() - started, caught.value


def test_status_line_and_headers_trickling_in_are_cut_off_at_the_deadline(trickling):
    server = trickling(b"", HEADERS + b"X-Padding: " + b"a" * 200 + b"\r\n\r\nlate")
    elapsed, error = timed_fetch(server.url())
    assert elapsed < DEADLINE + SLACK
    assert f"longer than {DEADLINE:g} seconds" in str(error)
    assert server.url() in str(error)


def test_a_body_trickling_in_is_cut_off_at_the_deadline(trickling):
    server = trickling(HEADERS + b"Content-Length: 500\r\n\r\nThe harbour ", b"x" * 500)
    elapsed, error = timed_fetch(server.url())
    assert elapsed < DEADLINE + SLACK
    assert f"longer than {DEADLINE:g} seconds" in str(error)


def test_a_body_without_a_length_cut_off_at_the_deadline_is_not_taken_as_complete(trickling):
    """A body that ends when the connection closes must not pass for a short, whole page."""
    server = trickling(HEADERS + b"Connection: close\r\n\r\nThe harbour moved ", b"y" * 500)
    elapsed, error = timed_fetch(server.url())
    assert elapsed < DEADLINE + SLACK
    assert f"longer than {DEADLINE:g} seconds" in str(error)


def test_retries_and_redirects_share_one_deadline(trickling):
    """Each hop answers just slower than the read timeout: retrying every hop (before, three
    attempts per hop) would take many times the deadline."""
    silent = trickling(b"", None)  # accepts, reads the request, never answers
    settings = FetchSettings(
        timeout=(1.0, 1.0), retries=5, backoff=0.1, allow_private=True, total_seconds=DEADLINE
    )
    elapsed, _error = timed_fetch(silent.url(), settings)
    assert elapsed < DEADLINE + SLACK


def test_the_deadline_comes_from_the_configuration():
    assert FetchSettings.from_config({"FETCH_DEADLINE": 7}).total_seconds == 7.0
    assert FetchSettings.from_config({}).total_seconds == FetchSettings.total_seconds
