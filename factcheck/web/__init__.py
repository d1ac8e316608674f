"""The web shell: per-request database session, blueprints, error pages."""

from __future__ import annotations

from flask import Flask, current_app, g, render_template, request
from flask_login import current_user
from flask_wtf.csrf import CSRFError, CSRFProtect
from sqlmodel import Session
from werkzeug.routing import IntegerConverter

from factcheck.errors import FactcheckError, NotFound, PermissionDenied
from factcheck.inputs import MAX_INT
from factcheck.sources.urls import web_url
from factcheck.web import fields, i18n
from factcheck.web.i18n import _, error_text


def get_session() -> Session:
    """The request's database session, opened on first use and closed at teardown."""
    if "db_session" not in g:
        g.db_session = Session(current_app.extensions["factcheck.engine"], expire_on_commit=False)
    return g.db_session


def _close_session(exc: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        if exc is not None:
            session.rollback()
        session.close()


csrf = CSRFProtect()

# The one map from user errors to HTTP statuses; any other FactcheckError is a 400.
ERROR_STATUS: dict[type[FactcheckError], int] = {NotFound: 404, PermissionDenied: 403}


def error_status(error: FactcheckError) -> int:
    """The HTTP status a page refusing ``error`` answers with."""
    for kind, status in ERROR_STATUS.items():
        if isinstance(error, kind):
            return status
    return 400


def _register_blueprints(app: Flask) -> None:
    """Blueprints by audience: auth, review (checkers), public (readers), api (downloads)."""
    from factcheck.web import api, auth, public, review

    for module in (auth, review, public, api):
        if hasattr(module, "init_app"):
            module.init_app(app)
        app.register_blueprint(module.bp)


# No inline scripts or styles anywhere: the pages work with this policy as it stands.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class DatabaseId(IntegerConverter):
    """``<int:...>`` in every route: 1 to 2**31 - 1, the ids a database holds; anything else
    is no page (404) rather than a query the database refuses (500)."""

    def __init__(self, url_map, fixed_digits=0, min=1, max=MAX_INT, signed=False):  # noqa: A002
        super().__init__(url_map, fixed_digits, min, max, signed)


def _has_nul() -> bool:
    """Whether the request's path, query or form holds a NUL character."""
    if "\x00" in request.path:
        return True
    fields = [request.args]
    if request.method == "POST" and request.mimetype in (
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    ):
        fields.append(request.form)
    return any("\x00" in k or "\x00" in v for d in fields for k, v in d.items(multi=True))


def _refuse_nul():
    # PostgreSQL cannot store or even compare text with a NUL in it, and SQLite would keep it
    # for every export to carry on: no such text gets past the door.
    if _has_nul():
        return render_template(
            "error.html",
            title=_("Cannot read that"),
            message=_(
                "What you sent contains a NUL character (binary data?). Nothing was "
                "saved; send plain text."
            ),
        ), 400
    return None


def _security_headers(response):
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    if current_app.config["PRODUCTION"]:
        headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    if request.endpoint != "static" and (
        request.blueprint == "auth" or current_user.is_authenticated
    ):
        # staff pages (readers' e-mails among them) stay out of browser and proxy caches
        headers["Cache-Control"] = "private, no-store"
    return response


def rating_label(key: str | None) -> str:
    """A verdict key as people read it, in the page's language ("mostly_true" -> "Mostly
    true", "Sebagian besar benar"); a key the scale no longer has is shown as stored, "—" for
    none."""
    if not key:
        return "—"
    return current_app.extensions["factcheck.ratings"].shown(key, i18n.current_language())


def init_app(app: Flask) -> None:
    """Register the session teardown, blueprints and error handlers on ``app``."""
    app.teardown_appcontext(_close_session)
    app.url_map.converters["int"] = DatabaseId  # before any route is added
    app.before_request(_refuse_nul)  # first: CSRFProtect reads the form after this
    csrf.init_app(app)  # every POST needs a token; forms carry it, tests check refusal
    i18n.init_app(app)
    app.jinja_env.filters["web_url"] = web_url  # every href built from stored data uses it
    app.jinja_env.filters["rating_label"] = rating_label  # verdict keys never show raw
    app.jinja_env.globals["field"] = fields.field  # label, hint, control and errors
    app.jinja_env.globals["hidden_fields"] = fields.hidden_fields
    app.after_request(_security_headers)

    _register_blueprints(app)

    @app.errorhandler(404)
    def not_found(_error):
        return render_template(
            "error.html", title=_("Not found"), message=_("There is nothing at this address.")
        ), 404

    @app.errorhandler(413)
    def too_large(_error):
        limit = app.config["MAX_CONTENT_LENGTH"] // 1024
        return render_template(
            "error.html",
            title=_("Too large"),
            message=_(
                "What you sent is larger than %(limit)s KiB. Nothing was "
                "saved; send a shorter text or a link.",
                limit=limit,
            ),
        ), 413

    @app.errorhandler(CSRFError)
    def csrf_failed(error):
        return render_template(
            "error.html",
            title=_("Form expired"),
            message=_(
                "The form was missing its security token or it expired. "
                "Go back, reload the page and send it again. Nothing was "
                "saved."
            ),
        ), 400

    @app.errorhandler(FactcheckError)
    def user_error(error: FactcheckError):
        code = error_status(error)
        session = g.get("db_session")
        if session is not None:
            session.rollback()
        return render_template(
            "error.html", title=_("Cannot do that"), message=error_text(error)
        ), code

    @app.errorhandler(500)
    def server_error(_error):
        session = g.get("db_session")
        if session is not None:
            session.rollback()
        return render_template(
            "error.html",
            title=_("Something went wrong"),
            message=_("The error was logged. Nothing you sent was saved."),
        ), 500
