"""The web shell: per-request database session, blueprints, error pages."""

from __future__ import annotations

from flask import Flask, current_app, g, render_template
from flask_wtf import CSRFProtect
from sqlmodel import Session

from factcheck.errors import FactcheckError, NotFound, PermissionDenied


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
BLUEPRINTS = ("auth", "review", "public", "api")  # by audience; see GUIDE.md


def _register_blueprints(app: Flask) -> None:
    import importlib

    for name in BLUEPRINTS:
        try:
            module = importlib.import_module(f"factcheck.web.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"factcheck.web.{name}":
                raise
            continue  # an area not built yet
        if hasattr(module, "init_app"):
            module.init_app(app)
        app.register_blueprint(module.bp)


def init_app(app: Flask) -> None:
    """Register the session teardown, blueprints and error handlers on ``app``."""
    app.teardown_appcontext(_close_session)
    csrf.init_app(app)  # every POST needs a token; forms carry it, tests check refusal

    _register_blueprints(app)

    @app.errorhandler(404)
    def not_found(_error):
        return render_template("error.html", title="Not found",
                               message="There is nothing at this address."), 404

    @app.errorhandler(FactcheckError)
    def user_error(error: FactcheckError):
        code = 404 if isinstance(error, NotFound) else 403 if isinstance(
            error, PermissionDenied) else 400
        session = g.get("db_session")
        if session is not None:
            session.rollback()
        return render_template("error.html", title="Cannot do that", message=str(error)), code

    @app.errorhandler(500)
    def server_error(_error):
        session = g.get("db_session")
        if session is not None:
            session.rollback()
        return render_template("error.html", title="Something went wrong",
                               message="The error was logged. Nothing you sent was saved."), 500
