"""Rendered readers' pages, kept per process and checked against a stamp before reuse.

A verdict page costs several queries and a template render; the data behind it changes a
few times a day. So each page is kept, rendered, with the stamp its data had (see
``article_stamp`` and ``index_stamp`` in public/verdicts.py): a request reads the stamp with
one small query and, if it is unchanged, sends the stored page, or a 304 when the reader
already has it, without rendering anything. With ``PUBLIC_CACHE_SECONDS`` > 0 a page whose
stamp was checked that recently is sent without even that query, and by ``FreshPages``, a
WSGI middleware, without even Flask: readers then see a change at most that many seconds late.
With 0 (every request checks), ``FreshPages`` still reads the stamp itself, in one round
trip outside any transaction (on PostgreSQL by libpq on the thread's own connection, see
factcheck.pgreads), and sends a page whose stamp is unchanged without entering Flask.

Pages for logged-in staff (their navigation differs) and pages carrying a one-off flash
message are never stored or served from here.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import datetime
from time import monotonic

from flask import Response, abort, current_app, request, session
from flask_login import current_user
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.http import http_date, quote_etag

from factcheck.db import DriverReader, read_outside_transaction
from factcheck.web.i18n import browser_language

MAX_PAGES = 1000
MAX_BYTES = 64 * 1024 * 1024  # per process; an article page of 20 claims is about 40 KB


HTML = "text/html; charset=utf-8"


@dataclass
class CachedPage:
    """One rendered page (or document: the ClaimReview feed) and the stamp (named by
    ``stamp_key``, read by ``read_stamp``) it was rendered at; ``extra`` headers replace the
    defaults of the same name."""

    stamp_key: Hashable
    stamp: Hashable
    body: bytes
    etag: str
    last_modified: datetime | None
    content_type: str = HTML
    extra: tuple[tuple[str, str], ...] = ()
    headers: list[tuple[str, str]] = field(default_factory=list)
    sent_headers: list[tuple[str, str]] | None = None  # as Flask sent them (see FreshPages)
    read_stamp: StampRead | None = None
    # A page that shows part of what its shared stamp covers (one claim of an article): its
    # own stamp as read before it was rendered, and how to read it again (see ``serve``).
    own_stamp: Hashable | None = None
    read_own: StampRead | None = None

    def __post_init__(self):
        # Formatted once, not per request: a cached page is served thousands of times.
        self.headers = _headers(self.etag, self.last_modified, self.content_type, self.extra)


class PageCache:
    """Bounded, thread-safe LRUs of rendered pages and of the stamps last read, with when.

    One per process (gunicorn's threads share it). Stamps are kept by their own key, so the
    claim pages of one article share one stamp and one query per ``PUBLIC_CACHE_SECONDS``.
    """

    def __init__(self, max_pages: int = MAX_PAGES, max_bytes: int = MAX_BYTES):
        self.max_pages, self.max_bytes = max_pages, max_bytes
        self._pages: OrderedDict[Hashable, CachedPage] = OrderedDict()
        self._stamps: OrderedDict[Hashable, tuple[Hashable, float]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> CachedPage | None:
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: Hashable, page: CachedPage) -> None:
        with self._lock:
            old = self._pages.pop(key, None)
            self._bytes += len(page.body) - (len(old.body) if old else 0)
            self._pages[key] = page
            while self._pages and (
                len(self._pages) > self.max_pages or self._bytes > self.max_bytes
            ):
                _, dropped = self._pages.popitem(last=False)
                self._bytes -= len(dropped.body)

    def stamp(self, stamp_key: Hashable, read: Callable[[], Hashable], ttl: float) -> Hashable:
        """The stamp under ``stamp_key``: as read within the last ``ttl`` seconds, else
        ``read()`` now."""
        now = monotonic()  # before reading: the stamp is at least this recent
        known = self._stamps.get(stamp_key)
        if known is not None and now - known[1] < ttl:
            return known[0]
        value = read()
        with self._lock:
            self._stamps[stamp_key] = (value, now)
            self._stamps.move_to_end(stamp_key)
            while len(self._stamps) > self.max_pages:
                self._stamps.popitem(last=False)
        return value

    def fresh(self, page: CachedPage, ttl: float) -> bool:
        """Whether ``page``'s stamp was read within ``ttl`` seconds and is still its own."""
        known = self._stamps.get(page.stamp_key)
        return known is not None and known[0] == page.stamp and monotonic() - known[1] < ttl

    def __len__(self) -> int:
        return len(self._pages)


Render = Callable[[], tuple[str, datetime | None]]
StampRead = Callable[[DriverReader], Hashable | None]  # or pgreads' reader, on PostgreSQL


def read_stamp(engine, read: StampRead) -> Hashable | None:
    """A page's stamp, read on its own connection outside any transaction (one round trip),
    by the driver: the same way before Flask and in it, so that the two readings compare
    equal."""
    return read_outside_transaction(engine, read)


def serve(
    stamp_key: Hashable,
    stamp: StampRead,
    render: Render,
    *,
    content_type: str = HTML,
    headers: tuple[tuple[str, str], ...] = (),
    own: StampRead | None = None,
) -> Response:
    """The page ``render()`` makes (its text and Last-Modified), reused while ``stamp(reader)``
    (kept under ``stamp_key``; see db.DriverReader) is unchanged; 404 when it is None
    (nothing at this address).

    The stamp is read before the page's data, so a stored page is never older than its stamp
    (a change in between only costs one more render on the next request). ``content_type``
    and ``headers`` serve documents other than HTML pages (the feed).

    ``own`` is for a page that shows only part of what its shared stamp covers (a claim page
    shares its article's stamp, read once for all of them): when the shared stamp has moved,
    ``own(reader)`` is read, and while it is what it was before the page was rendered the
    stored page is kept (a save to one claim re-renders that claim's page and the article's,
    not every claim page of the article).
    """
    if "HTTP_COOKIE" in request.environ:  # without cookies: no login, no flash message
        if _has_flashes():  # read before rendering: rendering takes the messages out
            return _respond(*render(), store=False)
        if current_user.is_authenticated:  # staff see their own navigation and logout form
            return _respond(*render(), store=True, content_type=content_type, extra=headers)
    cache: PageCache = current_app.extensions["factcheck.page_cache"]
    key = request.environ.get(PAGE_KEY) or environ_key(request.environ)
    page = cache.get(key)
    current = _current_stamp(cache, stamp_key, stamp)
    if current is None:
        abort(404)
    if page is not None and page.stamp == current:
        return _from_cache(page)
    own_stamp = _own_stamp(own) if own is not None else None  # before the page's data, too
    if page is not None and restamped(page, current, own_stamp):
        return _from_cache(page)
    html, last_modified = render()
    body = html.encode()
    page = CachedPage(stamp_key, current, body, _etag(body), last_modified, content_type, headers)
    page.read_stamp, page.own_stamp, page.read_own = stamp, own_stamp, own
    cache.put(key, page)
    return _from_cache(page)


def restamped(page: CachedPage, current: Hashable, own_stamp: Hashable | None) -> bool:
    """Whether ``page``, whose shared stamp has moved to ``current``, still shows what is
    there: its own stamp, read after ``current``, is the one it was rendered at. If so the
    page takes ``current`` as its stamp, and the next check is one comparison again."""
    if own_stamp is None or own_stamp != page.own_stamp:
        return False
    page.stamp = current  # one attribute: threads reading the page see the old or the new
    return True


def _current_stamp(cache: PageCache, stamp_key: Hashable, stamp: StampRead) -> Hashable | None:
    """The stamp FreshPages has just read for this request, else one read now (or within
    PUBLIC_CACHE_SECONDS)."""
    known = request.environ.pop(STAMP_READ, None)
    if known is not None and known[0] == stamp_key:
        return known[1]
    request.environ.pop(OWN_READ, None)  # read for another stamp: not this one's
    engine = current_app.extensions["factcheck.engine"]
    ttl = current_app.config["PUBLIC_CACHE_SECONDS"]
    return cache.stamp(stamp_key, lambda: read_stamp(engine, stamp), ttl)


def _own_stamp(own: StampRead) -> Hashable | None:
    """The page's own stamp FreshPages has just read for this request, else one read now."""
    if OWN_READ in request.environ:
        return request.environ.pop(OWN_READ)
    return read_stamp(current_app.extensions["factcheck.engine"], own)


def _has_flashes() -> bool:
    return "_flashes" in session  # a message shown once must not be stored for others


def _etag(body: bytes) -> str:
    # A hash of the page itself: it changes whenever anything shown changes.
    return hashlib.sha256(body).hexdigest()


def _headers(
    etag: str,
    last_modified: datetime | None,
    content_type: str = HTML,
    extra: tuple[tuple[str, str], ...] = (),
) -> list[tuple[str, str]]:
    headers = {
        "Content-Type": content_type,
        "ETag": quote_etag(etag),
        "Cache-Control": "no-cache",  # may be stored, but ask us each time
        # logged-in staff get another page at the same address; readers one in their language
        "Vary": "Cookie, Accept-Language",
    }
    if last_modified is not None:
        headers["Last-Modified"] = http_date(last_modified)
    headers.update(extra)
    return list(headers.items())


CONDITIONAL = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
)


def _conditional(response: Response) -> Response:
    """``response``, or a 304 (412) for a client whose copy is current (stale)."""
    environ = request.environ
    if any(name in environ for name in CONDITIONAL):
        return response.make_conditional(request)
    return response


def _from_cache(page: CachedPage) -> Response:
    request.environ[SENT] = page  # FreshPages keeps the headers this response goes out with
    return _conditional(Response(page.body, headers=page.headers))


def _respond(
    html: str,
    last_modified: datetime | None,
    *,
    store: bool,
    content_type: str = HTML,
    extra: tuple[tuple[str, str], ...] = (),
) -> Response:
    """A page rendered for this request only; ``store`` False for one with a flash message."""
    if not store:
        return Response(html, mimetype="text/html", headers={"Cache-Control": "no-store"})
    body = html.encode()
    headers = _headers(_etag(body), last_modified, content_type, extra)
    return _conditional(Response(body, headers=headers))


# --- before Flask -------------------------------------------------------------------------
PAGE_KEY = "factcheck.page_key"
SENT = "factcheck.sent_page"
STAMP_READ = "factcheck.stamp_read"  # (stamp_key, stamp) FreshPages read for this request
OWN_READ = "factcheck.own_stamp_read"  # and the page's own stamp, if it read that too
_FORWARDED = (
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_X_FORWARDED_PREFIX",
)


def environ_key(environ: dict) -> tuple:
    """A page's cache key: everything in the request that its links and canonical URL depend
    on, read from the environ as the server passed it (before ProxyFix rewrites it)."""
    return (
        environ.get("wsgi.url_scheme"),
        environ.get("HTTP_HOST"),
        environ.get("SERVER_NAME"),
        environ.get("SERVER_PORT"),
        environ.get("SCRIPT_NAME", ""),
        environ.get("PATH_INFO", ""),
        *(environ.get(name) for name in _FORWARDED),
        browser_language(environ),  # pages without a language of their own follow it
    )


class FreshPages:
    """WSGI middleware: a reader's plain GET for a stored page whose stamp was checked within
    ``PUBLIC_CACHE_SECONDS``, or is unchanged when read now, gets the stored page, with the
    headers Flask last sent it with (security headers included), without entering Flask.

    Requests with a cookie (staff, flash messages), conditional requests and everything else
    go to the app. A header that should differ per request (a CSP nonce, say) would have to
    be added here too.
    """

    def __init__(self, wsgi_app, app):
        self.wsgi_app, self.app = wsgi_app, app
        self.cache: PageCache = app.extensions["factcheck.page_cache"]

    def __call__(self, environ: dict, start_response):
        if environ.get("REQUEST_METHOD") != "GET":
            return self.wsgi_app(environ, start_response)
        key = environ[PAGE_KEY] = environ_key(environ)
        if "HTTP_COOKIE" in environ or any(name in environ for name in CONDITIONAL):
            return self.wsgi_app(environ, start_response)
        page = self.cache.get(key)
        if page is not None and page.sent_headers and self._current(page, environ):
            start_response("200 OK", list(page.sent_headers))
            return [page.body]
        return self.wsgi_app(environ, _keeping_headers(environ, start_response))

    def _current(self, page: CachedPage, environ: dict) -> bool:
        """Whether ``page``'s stamp is still the database's (read within the TTL, else now),
        or, when it moved, the page's own stamp (see ``serve``'s ``own``) is unchanged.

        Stamps read now are left in ``environ`` for ``serve``, so that a changed page costs
        each stamp query once, not twice; a failed read leaves the request to Flask's error
        pages.
        """
        ttl = self.app.config["PUBLIC_CACHE_SECONDS"]
        if self.cache.fresh(page, ttl):
            return True
        if page.read_stamp is None:
            return False
        engine = self.app.extensions["factcheck.engine"]
        try:
            stamp = self.cache.stamp(
                page.stamp_key, lambda: read_stamp(engine, page.read_stamp), ttl
            )
            environ[STAMP_READ] = (page.stamp_key, stamp)
            if stamp == page.stamp:
                return True
            if stamp is None or page.read_own is None:
                return False
            environ[OWN_READ] = own_stamp = read_stamp(engine, page.read_own)
        except SQLAlchemyError:
            return False
        return restamped(page, stamp, own_stamp)


def _keeping_headers(environ: dict, start_response):
    def keep(status: str, headers: list, exc_info=None):
        page = environ.get(SENT)
        names = {name.lower() for name, _ in headers}
        if page is not None and status.startswith("200 ") and "set-cookie" not in names:
            # The server adds its own Date; a stale one must not be replayed.
            page.sent_headers = [(n, v) for n, v in headers if n.lower() != "date"]
        return start_response(status, headers, exc_info)

    return keep
