"""The readers' side: verdict pages, methodology, "report an error", and the editors' queue.

Endpoints others link to: ``public.index``, ``public.article``, ``public.claim``,
``public.methodology``, ``public.report`` and ``public.reports`` (editors).
"""

from __future__ import annotations

from flask import Blueprint, Flask

from factcheck.publishing.feedback import ReportLimiter
from factcheck.web.public.pagecache import FreshPages, PageCache

bp = Blueprint("public", __name__)


def init_app(app: Flask) -> None:
    """Give the app its in-process error-report limiter (see factcheck.publishing.feedback) and its
    cache of rendered verdict pages (see public/pagecache.py)."""
    app.extensions["factcheck.report_limiter"] = ReportLimiter(
        app.config["REPORTS_PER_HOUR"], secret=app.config["SECRET_KEY"]
    )
    app.extensions["factcheck.page_cache"] = PageCache()
    app.wsgi_app = FreshPages(app.wsgi_app, app)  # outermost: sees requests before ProxyFix


from factcheck.web.public import routes  # noqa: E402,F401  (registers the views on bp)
