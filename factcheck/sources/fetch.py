"""Fetching a web page safely: the project's one fetcher (sources and ``factcheck ingest URL``).

Redirects are followed here, not by requests, so that every hop is checked: only http(s), and
no private, loopback, link-local, multicast, reserved or cloud-metadata address (unless
``allow_private``). The rule runs on every address the host name resolves to, right before
each request (for a clear message), and again on the address the socket actually connected to
(``_PeerCheck``), which closes the DNS-rebinding window between the two look-ups. Proxies from
the environment are ignored: through a proxy the connected address would be the proxy's.

A fetch has one wall-clock deadline (``total_seconds``) over everything it does: connecting,
waiting for headers, reading the body, following redirects and retrying. Socket timeouts alone
cannot give that, since a server sending one byte a second satisfies every read; so a
``_Watchdog`` shuts the fetch's sockets down when the deadline passes, and every timeout and
back-off is cut to the time left. (Resolving a host name is left to the system resolver's own
limits.)
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import BinaryIO
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from factcheck.errors import InputError
from factcheck.messages import N_, Message
from factcheck.sources.pagetext import UnreadablePage, charset_of, page_text

USER_AGENT = "factcheck/0.1 (+https://github.com/factcheck/factcheck)"
METADATA_ADDRESSES = frozenset(map(ipaddress.ip_address, ("169.254.169.254", "fd00:ec2::254")))
PAGE_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}
CHUNK_BYTES = 64 * 1024


SERVER_ERROR_RETRIED = N_(
    "%(url)s: the server answered %(status)s %(reason)s (after %(count)s attempts)"
)


class FetchError(InputError):
    """A URL that could not be fetched; ``refused`` when our own rules said no (address,
    scheme, size, content type) rather than the network or the server."""

    def __init__(self, message: str, *, refused: bool = False, **params):
        super().__init__(message, **params)
        self.refused = refused


@dataclass(frozen=True)
class FetchSettings:
    """How to fetch: timeouts in seconds (connect, read), limits and the address rule.

    ``trusted_hosts`` ("host:port") skip the address rule, for an intranet server a newsroom
    trusts; it is not a configuration setting, so a deployment cannot widen it by accident.
    """

    timeout: tuple[float, float] = (5.0, 15.0)
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 2
    allow_private: bool = False
    user_agent: str = USER_AGENT
    backoff: float = 0.5  # seconds before the first retry, doubled each time
    total_seconds: float = 60.0  # the whole fetch, retries and redirects included
    trusted_hosts: frozenset[str] = frozenset()

    @classmethod
    def from_config(cls, config: Mapping) -> FetchSettings:
        """Settings from the app's FETCH_* configuration (see factcheck/config.py)."""
        timeout = config.get("FETCH_TIMEOUT", cls.timeout)
        if isinstance(timeout, int | float):
            timeout = (float(timeout), float(timeout))
        return cls(
            timeout=(float(timeout[0]), float(timeout[1])),
            max_bytes=int(config.get("FETCH_MAX_BYTES", cls.max_bytes)),
            max_redirects=int(config.get("FETCH_MAX_REDIRECTS", cls.max_redirects)),
            retries=int(config.get("FETCH_RETRIES", cls.retries)),
            allow_private=bool(config.get("FETCH_ALLOW_PRIVATE", False)),
            total_seconds=float(config.get("FETCH_DEADLINE", cls.total_seconds)),
        )


@dataclass(frozen=True)
class FetchResult:
    """What came back: the raw body, and its main text (empty when ``not_modified``)."""

    final_url: str
    status: int
    content_type: str | None
    body: bytes
    text: str
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


# --- the address rule ---------------------------------------------------------------------
# Not on the internet, though the ipaddress module of some Python versions calls them global.
NON_PUBLIC = (ipaddress.ip_network("192.0.0.0/24"),)  # IETF protocol assignments
NAT64 = ipaddress.ip_network("64:ff9b::/96")  # the well-known prefix: the low 32 bits


def _unwrapped(ip: ipaddress.IPv4Address | ipaddress.IPv6Address):
    """The IPv4 address an IPv6 address carries (mapped, 6to4, NAT64), else ``ip``: a
    wrapped private address reaches the same private host."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped:
            return ip.ipv4_mapped
        if ip.sixtofour:
            return ip.sixtofour
        if ip in NAT64:
            return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip


def address_problem(address: str) -> str | None:
    """Why fetching from ``address`` (an IP) is not allowed, or None for a public address.

    The reason names the kind of address ("private address"), not the address itself:
    messages go to people who need not learn the newsroom's internal network.
    """
    ip = _unwrapped(ipaddress.ip_address(address.split("%", 1)[0]))
    for reason, bad in (
        (N_("cloud metadata address"), ip in METADATA_ADDRESSES),
        (N_("loopback address"), ip.is_loopback),
        (N_("link-local address"), ip.is_link_local),
        (N_("multicast address"), ip.is_multicast),
        (N_("reserved address"), ip.is_reserved or ip.is_unspecified),
        (N_("private address"), ip.is_private),
        (N_("non-public address"), not ip.is_global or any(ip in net for net in NON_PUBLIC)),
    ):
        if bad:
            return Message(reason)
    return None


def _resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to."""
    return sorted({info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)})


def check_fetchable(url: str, settings: FetchSettings) -> None:
    """FetchError unless ``url`` is http(s) and (unless allowed) every address is public."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError(
            N_("%(url)s: only http:// and https:// web addresses can be fetched"),
            refused=True,
            url=url,
        )
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        raise FetchError(N_("%(url)s: the port is not a number from 0 to 65535"), url=url) from None
    if settings.allow_private or _trusted(settings, parts.hostname, port, parts.scheme):
        return
    try:
        addresses = _resolve(parts.hostname, port)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(
            N_("%(url)s: cannot find the host %(host)r (%(error)s)"),
            url=url,
            host=parts.hostname,
            error=str(error),
        ) from None
    for address in addresses:
        problem = address_problem(address)
        if problem:
            raise FetchError(
                N_("%(url)s: refused, %(host)s is a %(problem)s"),
                refused=True,
                url=url,
                host=parts.hostname,
                problem=problem,
            )


def _trusted(settings: FetchSettings, host: str, port: int | None, scheme: str) -> bool:
    port = port or (443 if scheme.lower() == "https" else 80)
    return f"{host}:{port}" in settings.trusted_hosts


class _PeerRefused(FetchError):
    """Raised inside urllib3 (which passes it through); fetch_url adds the URL."""


class _Watchdog:
    """The deadline of one fetch: when it passes, every socket the fetch opened is shut down,
    which ends a read blocked on a trickling server at once."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.expires = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        return self.expires - time.monotonic()

    def timeout(self, configured: tuple[float, float]) -> tuple[float, float]:
        """The (connect, read) timeouts, neither longer than the time left."""
        left = max(self.remaining(), 0.001)
        return (min(configured[0], left), min(configured[1], left))

    def watch(self, sock: socket.socket) -> None:
        """Shut ``sock`` down when the deadline passes (at once if it has)."""
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)

    def cancel(self) -> None:
        self._timer.cancel()

    def error(self, url: str) -> FetchError:
        return FetchError(
            N_(
                "%(url)s: the fetch took longer than %(seconds)s seconds (the server is too "
                "slow); try again later, or paste the page's text"
            ),
            url=url,
            seconds=f"{self.seconds:g}",
        )


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # closed already, or handed over to TLS (whose socket is watched too)


class _PeerCheck:
    """Put each connection's sockets under the fetch's watchdog, and (unless private addresses
    are allowed) refuse one whose socket reached a forbidden address (DNS rebinding)."""

    settings: FetchSettings
    watchdog: _Watchdog

    def connect(self) -> None:
        super().connect()  # type: ignore[misc]
        # https: the TLS socket, which a response keeps reading after the connection lets go
        self.watchdog.watch(self.sock)  # type: ignore[attr-defined]

    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()  # type: ignore[misc]
        self.watchdog.watch(sock)  # the plain socket: covers the TLS handshake
        scheme = "https" if isinstance(self, HTTPSConnection) else "http"
        if not self.settings.allow_private and not _trusted(
            self.settings, self.host, self.port, scheme
        ):
            problem = address_problem(sock.getpeername()[0])
            if problem:
                sock.close()
                raise _PeerRefused(
                    N_("%(host)s connected to a %(problem)s"),
                    refused=True,
                    host=self.host,
                    problem=problem,
                )
        return sock


def _guarded_adapter(settings: FetchSettings, watchdog: _Watchdog) -> HTTPAdapter:
    """An HTTPAdapter whose connections run ``_PeerCheck`` with these settings."""
    pools = {}
    for scheme, pool, connection in (
        ("http", HTTPConnectionPool, HTTPConnection),
        ("https", HTTPSConnectionPool, HTTPSConnection),
    ):
        checked = type(
            f"Checked{connection.__name__}",
            (_PeerCheck, connection),
            {"settings": settings, "watchdog": watchdog},
        )
        pools[scheme] = type(f"Checked{pool.__name__}", (pool,), {"ConnectionCls": checked})
    adapter = HTTPAdapter(max_retries=0)
    adapter.poolmanager.pool_classes_by_scheme = pools
    return adapter


# --- fetching ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Download:
    """Where a fetch that is not a page goes (a ClaimReview feed): the body is written to
    ``into`` as it arrives (capped like a page), never held whole in memory, and only the
    ``types`` (media type to kind) are accepted."""

    into: BinaryIO
    types: Mapping[str, str]
    accept: str


def fetch_url(
    url: str,
    settings: FetchSettings,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    download: Download | None = None,
) -> FetchResult:
    """Fetch ``url``: redirects followed (each hop checked), body capped, text extracted,
    all within ``settings.total_seconds``.

    ``etag``/``last_modified`` make the request conditional; a 304 gives ``not_modified``.
    With ``download`` the body goes to its file instead (``body`` and ``text`` stay empty).
    Raises FetchError with a one-line message naming the URL.
    """
    headers = {
        "User-Agent": settings.user_agent,
        "Accept": download.accept
        if download
        else "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    watchdog = _Watchdog(settings.total_seconds)
    try:
        with requests.Session() as http:
            http.trust_env = False
            adapter = _guarded_adapter(settings, watchdog)
            http.mount("http://", adapter)
            http.mount("https://", adapter)
            current = url
            for _hop in range(settings.max_redirects + 1):
                check_fetchable(current, settings)
                result = _fetch_with_retries(http, current, headers, settings, watchdog, download)
                if isinstance(result, FetchResult):
                    return result
                current = result  # a redirect: the next hop's absolute URL
    finally:
        watchdog.cancel()
    raise FetchError(
        N_("%(url)s: more than %(count)s redirects"), url=url, count=settings.max_redirects
    )


def _fetch_with_retries(
    http: requests.Session,
    url: str,
    headers: dict,
    settings: FetchSettings,
    watchdog: _Watchdog,
    download: Download | None = None,
) -> FetchResult | str:
    """One hop: the result, or the URL a redirect points to. 5xx and timeouts are retried
    while the deadline leaves time for it."""
    for attempt in range(settings.retries + 1):
        last = attempt == settings.retries or watchdog.remaining() <= settings.backoff * 2**attempt
        try:
            result = _fetch_once(
                http, url, headers, settings, watchdog, give_up=last, download=download
            )
        except _PeerRefused as error:
            raise FetchError(
                N_("%(url)s: refused, %(reason)s"), refused=True, url=url, reason=error.message
            ) from None
        except (requests.RequestException, FetchError, _ServerError) as error:
            if watchdog.expired:
                raise watchdog.error(url) from None
            if isinstance(error, FetchError):
                raise
            if isinstance(error, requests.Timeout | requests.ConnectionError):
                if last:
                    raise FetchError(
                        N_("%(url)s: %(reason)s (after %(count)s attempts)"),
                        url=url,
                        reason=_describe(error),
                        count=attempt + 1,
                    ) from None
            elif not isinstance(error, _ServerError):  # a malformed URL or answer: no retry
                raise FetchError(f"{url}: {type(error).__name__}: {error}"[:300]) from None
        else:
            if watchdog.expired:  # a body cut short by the deadline is not a whole page
                raise watchdog.error(url)
            return result
        time.sleep(settings.backoff * 2**attempt)
    raise AssertionError("unreachable")  # pragma: no cover


class _ServerError(Exception):
    """A 5xx answer worth another try."""


def _fetch_once(
    http: requests.Session,
    url: str,
    headers: dict,
    settings: FetchSettings,
    watchdog: _Watchdog,
    *,
    give_up: bool,
    download: Download | None = None,
) -> FetchResult | str:
    if watchdog.remaining() <= 0:
        raise watchdog.error(url)
    with http.get(
        url,
        headers=headers,
        timeout=watchdog.timeout(settings.timeout),
        stream=True,
        allow_redirects=False,
    ) as response:
        status = response.status_code
        if response.is_redirect:
            return urljoin(url, response.headers["Location"])
        if status >= 500 and not give_up:
            raise _ServerError(status)
        if not (200 <= status < 300 or status == 304):
            if status >= 500:
                raise FetchError(
                    SERVER_ERROR_RETRIED,
                    url=url,
                    status=status,
                    reason=response.reason,
                    count=settings.retries + 1,
                )
            raise FetchError(
                N_("%(url)s: the server answered %(status)s %(reason)s"),
                url=url,
                status=status,
                reason=response.reason,
            )
        etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
        content_type = response.headers.get("Content-Type")
        if status == 304:
            return FetchResult(url, status, content_type, b"", "", etag, modified, True)
        if download is not None:
            _page_kind(url, content_type, download.types)
            _save_body(response, url, settings, download.into)
            if watchdog.expired:
                raise watchdog.error(url)
            return FetchResult(url, status, content_type, b"", "", etag, modified)
        kind = _page_kind(url, content_type)
        body = _read_body(response, url, settings)
    if watchdog.expired:
        raise watchdog.error(url)
    try:
        # a NUL in a page is noise, and no database column may hold one
        text = page_text(body, kind, charset_of(content_type)).replace("\x00", "")
    except UnreadablePage as error:
        raise FetchError(
            N_("%(url)s: %(reason)s"), refused=error.refused, url=url, reason=error.message
        ) from None
    return FetchResult(url, status, content_type, body, text, etag, modified)


def _page_kind(
    url: str, content_type: str | None, types: Mapping[str, str] = PAGE_TYPES
) -> str | None:
    """ "html" or "text" (or the kind ``types`` gives); None when the server did not say;
    FetchError for anything else."""
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if not media:
        return None
    if media not in types:
        raise FetchError(
            N_(
                "%(url)s: refused, the content type is %(media)s, not a web page or "
                "plain text (download it and paste its text instead)"
            ),
            refused=True,
            url=url,
            media=media,
        )
    return types[media]


def _read_body(response: requests.Response, url: str, settings: FetchSettings) -> bytes:
    return b"".join(_capped_chunks(response, url, settings))


def _save_body(
    response: requests.Response, url: str, settings: FetchSettings, into: BinaryIO
) -> None:
    into.seek(0)
    into.truncate()  # a retry starts the file afresh
    for chunk in _capped_chunks(response, url, settings):
        into.write(chunk)
    into.flush()


def _capped_chunks(response: requests.Response, url: str, settings: FetchSettings):
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > settings.max_bytes:
        raise FetchError(
            N_("%(url)s: refused, %(size)s bytes is more than the limit of %(limit)s"),
            refused=True,
            url=url,
            size=int(declared),
            limit=settings.max_bytes,
        )
    size = 0
    for chunk in response.iter_content(CHUNK_BYTES):  # decompressed: a zip bomb hits the cap
        size += len(chunk)
        if size > settings.max_bytes:
            raise FetchError(
                N_("%(url)s: refused, the page is larger than the limit of %(limit)s bytes"),
                refused=True,
                url=url,
                limit=settings.max_bytes,
            )
        yield chunk


def _describe(error: Exception) -> str:
    if isinstance(error, requests.ConnectTimeout):
        return Message(N_("timed out connecting"))
    if isinstance(error, requests.Timeout) or "timed out" in str(error).lower():
        return Message(N_("timed out waiting for the server"))
    reason = str(error).split(": ")[-1].strip("')\"")[:120]
    return Message(N_("could not connect (%(reason)s)"), reason=reason)
