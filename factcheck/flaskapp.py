"""The Flask app: ``create_app`` (``factcheck.create_app``, which ``flask --app factcheck`` and
the ``factcheck`` command build through) and the app's class.

Kept out of ``factcheck/__init__.py`` so that importing any part of factcheck does not import
Flask: ``factcheck extract`` runs without it (factcheck/cli/__init__.py, ``run``).
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable
from importlib.resources import files

from flask import Flask
from werkzeug.routing import Map


class FactcheckApp(Flask):
    """Flask, with the web shell (blueprints, error pages, CSRF) set up on first need.

    Most commands never route a request, and importing the web's modules costs more than the
    rest of start-up: the web is set up when the app is first called as a WSGI app (before
    any middleware the set-up adds sees the request), or when anything first reads
    ``url_map`` (a test request context, ``flask routes``).
    """

    _web_setup: Callable[[Flask], None] | None = None
    _web_setting_up = False
    _warm: Callable[[Flask], None] | None = None

    def __call__(self, environ: dict, start_response: Callable):
        if self._web_setup is not None or self._warm is not None:
            self._set_up_web(serving=True)
        return super().__call__(environ, start_response)

    def defer_web(
        self, setup: Callable[[Flask], None], warm: Callable[[Flask], None] | None = None
    ) -> None:
        """Run ``setup(app)`` the first time the routes are needed, and ``warm(app)`` after
        it when the app first serves a request (not for ``flask routes``)."""
        self._web_lock = threading.RLock()
        self._web_setup, self._warm = setup, warm

    @property
    def url_map(self) -> Map:
        if self._web_setup is not None:
            self._set_up_web()
        return self._url_map

    @url_map.setter
    def url_map(self, value: Map) -> None:
        self._url_map = value

    def _set_up_web(self, serving: bool = False) -> None:
        # Other threads wait for the whole set-up; the setting-up thread itself reads url_map
        # while adding rules (hence a reentrant lock and the flag).
        with self._web_lock:
            if self._web_setting_up:
                return
            self._web_setting_up = True
            try:
                if self._web_setup is not None:
                    self._web_setup(self)
                    self._web_setup = None
                if serving and self._warm is not None:
                    self._warm(self)
                    self._warm = None
            finally:
                self._web_setting_up = False


class _Extensions(dict):
    """``app.extensions``, building the database engine and the job queue on first use.

    Importing SQLAlchemy is most of a command's start-up, and most commands never touch the
    database: ``app.extensions["factcheck.engine"]`` (and "factcheck.jobs", which needs it)
    is made when first read.
    """

    def __init__(self, builders: dict[str, Callable[[], object]]):
        super().__init__()
        self._builders = builders
        self._lock = threading.RLock()  # the job queue's builder reads the engine

    def __missing__(self, key: str):
        if key not in self._builders:
            raise KeyError(key)
        with self._lock:  # two first requests at once still make one engine
            if key not in self:
                self[key] = self._builders[key]()
            return dict.__getitem__(self, key)


def _make_engine(url: str, migrate: bool):
    from factcheck import db

    return db.make_engine(url, migrate=migrate)


def _make_job_queue(app: Flask):
    from factcheck.jobs.broker import JobQueue

    return JobQueue(app.config, app.extensions["factcheck.engine"], app.instance_path)


def _set_up_web(app: Flask) -> None:
    from factcheck import web
    from factcheck.web.warm import use_bytecode_cache

    web.init_app(app)
    use_bytecode_cache(app)  # after: the i18n extension and its policies are in its key


def _warm(app: Flask) -> None:
    from factcheck.web.warm import warm

    warm(app)


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: settings, instance folder, database engine, web shell and commands.

    Settings come from, in order: the defaults in factcheck/config.py, instance/config.py,
    the environment, then ``test_config``. Nothing is created or migrated here: the database
    (and the instance folder holding it) on first use, the routes on the first request.
    """
    # Imported here, not above: `factcheck --help` imports this package and needs none of it.
    from factcheck import config as settings
    from factcheck.errors import FactcheckError
    from factcheck.jobs.backend import queue_kind
    from factcheck.language.identify import use_languages
    from factcheck.review.ratings import RatingScale

    app = FactcheckApp(
        "factcheck",  # the package: the app's name, root path and default instance folder
        instance_relative_config=True,
        instance_path=settings.instance_folder(test_config),
        # templates/ and claims/ sit at the repository's root and ship inside the package.
        template_folder=str(files("factcheck.templates")),
        static_folder="static",
    )
    app.config.update(settings.read(app.instance_path, test_config))
    if app.config["PRODUCTION"] and app.config["SECRET_KEY"] == settings.DEFAULT_SECRET_KEY:
        raise FactcheckError("refusing to start in production with the default SECRET_KEY")
    if app.config["PRODUCTION"] and not app.config["PUBLIC_BASE_URL"]:
        # otherwise canonical URLs and the cacheable feed would name any Host a request sent
        raise FactcheckError("refusing to start in production without PUBLIC_BASE_URL")
    app.config["DEMO_CLAIMS_DIR"] = app.config["DEMO_CLAIMS_DIR"] or str(files("factcheck.demo"))
    if not app.config["DATABASE_URL"]:
        app.config["DATABASE_URL"] = "sqlite:///" + os.path.join(
            app.instance_path, "factcheck.sqlite3"
        )
    if app.config["ARCHIVE_INDEX_DIR"] is None:
        app.config["ARCHIVE_INDEX_DIR"] = os.path.join(app.instance_path, "archive-index")
    app.config["SESSION_COOKIE_SECURE"] = bool(app.config["PRODUCTION"])
    queue_kind(app.config)  # a bad JOBS_QUEUE or REDIS_URL stops the start, with its reason
    app.extensions = _Extensions(
        {
            "factcheck.engine": functools.partial(
                _make_engine, app.config["DATABASE_URL"], bool(app.config["AUTO_MIGRATE"])
            ),
            "factcheck.jobs": functools.partial(_make_job_queue, app),
        }
    )
    app.extensions["factcheck.ratings"] = RatingScale(app.config["RATING_SCALE"])
    use_languages(app.config["LANGUAGES"])

    if app.config["TRUSTED_PROXIES"]:
        from werkzeug.middleware.proxy_fix import ProxyFix

        hops = int(app.config["TRUSTED_PROXIES"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    # A serving process freezes its start-up's objects before its first answer
    # (factcheck/web/warm.py); tests build hundreds of apps and skip that.
    app.defer_web(_set_up_web, None if app.testing else _warm)

    from factcheck.cli import register_commands

    register_commands(app)
    return app
