"""factcheck: a fact-checking claim tracker.

``create_app`` is the Flask application factory: ``flask --app factcheck`` and the ``factcheck``
command both build the app through it.
"""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask

from factcheck import config as settings
from factcheck import db
from factcheck.errors import FactcheckError
from factcheck.review.ratings import RatingScale

ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: settings, instance folder, database engine, blueprints and commands.

    Settings come from, in order: the defaults in factcheck/config.py, instance/config.py,
    the environment, then ``test_config``.
    """
    app = Flask(
        __name__,
        instance_relative_config=True,
        instance_path=(test_config or {}).get("INSTANCE_PATH")
        or os.environ.get("FACTCHECK_INSTANCE", str(ROOT / "instance")),
        template_folder=str(ROOT / "templates"),
        static_folder="static",
    )
    app.config.from_mapping(settings.DEFAULTS)
    app.config["DEMO_CLAIMS_DIR"] = str(ROOT / "claims")
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.update(settings.from_environment())
    else:
        app.config.update(test_config)
    os.makedirs(app.instance_path, exist_ok=True)
    if app.config["PRODUCTION"] and app.config["SECRET_KEY"] == settings.DEFAULT_SECRET_KEY:
        raise FactcheckError("refusing to start in production with the default SECRET_KEY")
    if app.config["PRODUCTION"] and not app.config["PUBLIC_BASE_URL"]:
        # otherwise canonical URLs and the cacheable feed would name any Host a request sent
        raise FactcheckError("refusing to start in production without PUBLIC_BASE_URL")
    if not app.config["DATABASE_URL"]:
        app.config["DATABASE_URL"] = "sqlite:///" + os.path.join(
            app.instance_path, "factcheck.sqlite3"
        )
    app.config["SESSION_COOKIE_SECURE"] = bool(app.config["PRODUCTION"])
    app.extensions["factcheck.engine"] = db.make_engine(app.config["DATABASE_URL"])
    app.extensions["factcheck.ratings"] = RatingScale(app.config["RATING_SCALE"])
    if app.config["AUTO_MIGRATE"]:
        db.upgrade(app.extensions["factcheck.engine"])

    if app.config["TRUSTED_PROXIES"]:
        from werkzeug.middleware.proxy_fix import ProxyFix

        hops = int(app.config["TRUSTED_PROXIES"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    from factcheck import web

    web.init_app(app)

    from factcheck.cli import register_commands

    register_commands(app)
    return app
