"""Machine-readable downloads: exports for editors, and the public ClaimReview feed.

- ``/export.<fmt>`` (claimreview, json, csv, markdown, html): editors and admins only;
  ``?article=<slug>&status=verified|published|all&since=YYYY-MM-DD`` as on the command line;
  ``/export.claimfile?article=<slug>``: one article's claim file.
- ``/claimreview.json``: every published claim as a schema.org DataFeed of ClaimReviews, for
  search engines and other fact-checkers; no login.

Exports stream: the response starts before all claims are read, and memory stays flat. The
feed is kept, built, until a published claim changes (see ``claimreview_feed``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import date

from flask import Blueprint, Flask, Response, abort, current_app, request, stream_with_context
from flask_login import current_user

from factcheck.articles.lookup import article_by_slug
from factcheck.errors import InputError, NotFound
from factcheck.export.records import Publisher, Selection
from factcheck.export.stream import FORMATS, export_chunks
from factcheck.messages import N_
from factcheck.models import Role, utcnow
from factcheck.publishing.verdicts import index_stamp
from factcheck.ratelimit import LocalLimiter
from factcheck.review import workflow
from factcheck.web import get_session
from factcheck.web.public.pagecache import serve

bp = Blueprint("api", __name__)
# The HTML report is a standalone document with its own inline (print) styles and no scripts.
REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'"


@bp.get("/export.<fmt>")
def export(fmt: str):
    """Download the selected claims in ``fmt`` (editors and admins)."""
    if not getattr(current_user, "is_authenticated", False):
        return current_app.login_manager.unauthorized()
    workflow.require(current_user.row, Role.EDITOR, N_("downloading exports"))
    if fmt == "claimfile":
        return _claimfile(request.args.get("article") or "")
    if fmt not in FORMATS:
        abort(404)
    selection = _selection(request.args)
    name = f"factcheck-{utcnow():%Y%m%d}.{FORMATS[fmt].suffix}"
    response = _stream(fmt, selection)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "private, no-store"
    if fmt == "html":
        response.headers["Content-Security-Policy"] = REPORT_POLICY
    return response


def _claimfile(slug: str) -> Response:
    """One article's claim file (the lossless format; one article per file)."""
    from factcheck.claimfiles.dump import dump_chunks

    if not slug:
        raise InputError("a claim file holds one article: choose the article (?article=SLUG)")
    article = article_by_slug(get_session(), slug=slug)
    if article is None:
        raise NotFound(f"no article {slug!r}")

    def body() -> Iterator[str]:  # written as read, a batch of claims at a time
        yield from dump_chunks(get_session(), article)

    response = Response(stream_with_context(body()), content_type=CLAIMFILE_TYPE)
    response.headers["Content-Disposition"] = f'attachment; filename="{article.slug}.yaml"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


CLAIMFILE_TYPE = "application/yaml; charset=utf-8"
FEED_HEADERS = (
    ("Cache-Control", "public, max-age=300"),
    ("Access-Control-Allow-Origin", "*"),  # a public feed, read by any site
)


FEED_PATH = "/claimreview.json"


class FeedGuard:
    """WSGI middleware, outermost: more than FEED_REQUESTS_PER_MINUTE requests for the feed
    from one client address in a minute get a short 429 before anything else runs (the feed
    is megabytes and may be cached for five minutes; a loop on it must cost next to nothing).

    A refused request also waits ``pause`` seconds before its answer, so a client looping on
    the feed slows down instead of asking thousands of times a second; at most ``waiting``
    refusals wait at a time in each process (the others are answered at once), so waiting
    clients never hold all the threads readers need.

    The client address is the one ProxyFix would give (TRUSTED_PROXIES hops from the right
    of X-Forwarded-For), since this runs before it.
    """

    pause = 1.0
    waiting = 2  # gunicorn's workers run 4 threads each in the production set-up

    def __init__(self, wsgi_app, app: Flask):
        self.wsgi_app, self.app = wsgi_app, app
        self.limiter = LocalLimiter(60.0)
        self._waiting = threading.Semaphore(self.waiting)

    def __call__(self, environ: dict, start_response):
        if environ.get("PATH_INFO") == FEED_PATH:
            limit = int(self.app.config["FEED_REQUESTS_PER_MINUTE"])
            wait = self.limiter.refuse(self._client(environ), limit)
            if wait is not None:
                self._slow_down()
                start_response(
                    "429 Too Many Requests",
                    [("Content-Type", "text/plain; charset=utf-8"), ("Retry-After", str(wait))],
                )
                return [b"Too many requests for the feed; it changes rarely (see Cache-Control).\n"]
        return self.wsgi_app(environ, start_response)

    def _slow_down(self) -> None:
        if self._waiting.acquire(blocking=False):
            try:
                time.sleep(self.pause)
            finally:
                self._waiting.release()

    def _client(self, environ: dict) -> str:
        hops = int(self.app.config["TRUSTED_PROXIES"] or 0)
        forwarded = [a.strip() for a in environ.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if hops and len(forwarded) >= hops and forwarded[-hops]:
            return forwarded[-hops]
        return environ.get("REMOTE_ADDR") or "unknown"


def init_app(app: Flask) -> None:
    """Put the feed's per-address limit in front of everything (see FeedGuard)."""
    app.wsgi_app = FeedGuard(app.wsgi_app, app)


@bp.get(FEED_PATH)
def claimreview_feed():
    """Every published, not deleted claim as ClaimReview JSON-LD (public).

    Built once per change and kept like the verdict pages (public/pagecache.py), under the
    stamp of the published claims: a request costs one small query, or none within
    PUBLIC_CACHE_SECONDS. FeedGuard limits how often one address may ask.
    """
    return serve(
        "claimreview-feed",
        index_stamp,
        _feed,
        content_type=FORMATS["claimreview"].media_type,
        headers=FEED_HEADERS,
    )


def _feed() -> tuple[str, None]:
    publisher = Publisher.from_config(
        current_app.config,
        current_app.extensions["factcheck.ratings"],
        request_root=request.url_root,
    )
    selection = Selection(status="published")
    return "".join(export_chunks(get_session(), "claimreview", selection, publisher)), None


def _stream(fmt: str, selection: Selection) -> Response:
    publisher = Publisher.from_config(
        current_app.config,
        current_app.extensions["factcheck.ratings"],
        request_root=request.url_root,
    )

    def body() -> Iterator[str]:
        yield from export_chunks(get_session(), fmt, selection, publisher)

    return Response(stream_with_context(body()), content_type=FORMATS[fmt].media_type)


def _selection(args) -> Selection:
    """The Selection in the query string; InputError (a 400 page) for bad values."""
    article_id = None
    if args.get("article"):
        slug = args["article"]
        article = article_by_slug(get_session(), slug=slug)
        if article is None:
            raise NotFound(f"no article {slug!r}")
        article_id = article.id
    since = None
    if args.get("since"):
        try:
            since = date.fromisoformat(args["since"])
        except ValueError:
            raise InputError(
                f"since must be a date like 2025-11-06, not {args['since']!r}"
            ) from None
    return Selection(status=args.get("status") or "verified", article_id=article_id, since=since)


@bp.get("/api/similar")
def similar():
    """Earlier checks close to ``?text=`` (``lang``, ``top``) as JSON, the fields of
    ``factcheck similar --format jsonl``. Readers see only published checks (and imported
    fact-checks); SIMILAR_REQUESTS_PER_MINUTE per client address, counted in the database.
    Errors are JSON too: ``{"error": one line}`` with 400, or 429 and Retry-After."""
    from factcheck.ratelimit import RateLimited

    try:
        return _similar(get_session(), request.args)
    except RateLimited as error:
        return {"error": str(error)}, 429, {"Retry-After": str(error.retry_after)}
    except InputError as error:
        return {"error": str(error)}, 400


def _similar(session, args) -> dict:
    from factcheck import ratelimit
    from factcheck.archive.similar import READERS, Scope, query_for_text, search
    from factcheck.inputs import check_text
    from factcheck.web.review.earlier import archive_parts, own_link

    address = request.remote_addr or "unknown"
    ratelimit.take(
        session,
        ratelimit.private_key(current_app.config["SECRET_KEY"], "similar", address),
        int(current_app.config["SIMILAR_REQUESTS_PER_MINUTE"]),
        60.0,
        "too many look-ups of similar claims from this address; wait a minute",
    )
    text = check_text((args.get("text") or "").strip(), "text", 2000)
    if not text:
        raise InputError("give the claim to look for as ?text=")
    try:
        top = min(max(int(args.get("top") or 5), 1), 50)
    except ValueError:
        raise InputError("top must be a whole number from 1 to 50") from None
    lang = args.get("lang") or None
    if lang is not None and lang not in current_app.config["LANGUAGES"]:
        raise InputError(f"lang must be one of {', '.join(current_app.config['LANGUAGES'])}")
    staff = getattr(current_user, "is_authenticated", False)
    model, index = archive_parts()
    found = search(
        session,
        index,
        model,
        query_for_text(model, text, lang),
        scope=Scope() if staff else READERS,
        top=top,
        org_name=current_app.config.get("ORG_NAME"),
        link=own_link,
    )
    return {"text": text, "results": [check.as_dict() for check in found]}
