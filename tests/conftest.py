"""Shared fixtures: a fresh database per test (SQLite, or PostgreSQL when DATABASE_URL points
to one), the app, its test client and CLI runner, and small factories."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import uuid
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import create_engine, text
from sqlmodel import Session, SQLModel

from factcheck import create_app, db
from factcheck.models import Article, Claim, User

# The seed article (a copy of shared/seed's, so the tests need nothing outside the repo).
SEED_ARTICLE = (
    Path(__file__).resolve().parent
    / "data"
    / "extract"
    / ("seed-kazakhstan-abraham-accords.id.txt")
)
ROOT = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get("DATABASE_URL", "")

# CI replays the same generated examples every run, so main stays reproducibly green;
# developers' runs keep exploring new ones.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
ON_POSTGRES = POSTGRES_URL.startswith(("postgresql", "postgres:"))


def pytest_report_header(config):
    return f"factcheck database: {'PostgreSQL ' + POSTGRES_URL if ON_POSTGRES else 'SQLite'}"


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory):
    """A database at the newest revision, made once per run; tests get a fresh copy of it."""
    if ON_POSTGRES:
        engine = db.make_engine(POSTGRES_URL)
        db.upgrade(engine)
        engine.dispose()
        return POSTGRES_URL
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = db.make_engine(f"sqlite:///{path}")
    db.upgrade(engine)
    engine.dispose()
    return path


def _fresh_database(template, tmp_path: Path) -> str:
    if ON_POSTGRES:
        engine = db.make_engine(POSTGRES_URL)
        names = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
        with engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        engine.dispose()
        return POSTGRES_URL
    path = tmp_path / "factcheck.sqlite3"
    shutil.copy(template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def app_config(migrated_template, tmp_path) -> dict:
    """Settings for a test app; tests may change them before asking for ``app``."""
    instance = tmp_path / "instance"
    instance.mkdir()
    return {
        "TESTING": True,
        "WTF_CSRF_ENABLED": False,  # tests that check CSRF turn it back on
        "SECRET_KEY": "test-secret",
        "DATABASE_URL": _fresh_database(migrated_template, tmp_path),
        "AUTO_MIGRATE": False,
        "DEMO_CLAIMS_DIR": str(tmp_path / "no-demo"),
        "FETCH_ALLOW_PRIVATE": True,
        "FETCH_TIMEOUT": (2.0, 2.0),
        "FETCH_RETRIES": 1,
        "INSTANCE_PATH": str(instance),
        "PUBLIC_CACHE_SECONDS": 0,  # a change shows on the next request; cache tests turn it on
    }


@pytest.fixture
def app(app_config):
    app = create_app(app_config)
    yield app
    app.extensions["factcheck.engine"].dispose()


@pytest.fixture
def server():
    """A real HTTP server on loopback (pytest-httpserver), for fetching."""
    from pytest_httpserver import HTTPServer

    httpserver = HTTPServer(host="127.0.0.1")
    httpserver.start()
    yield httpserver
    httpserver.clear()
    httpserver.stop()


@pytest.fixture
def statements(app):
    """The SQL statements the app runs (appended as they run)."""
    from sqlalchemy import event

    seen: list[str] = []
    engine = app.extensions["factcheck.engine"]

    def count(_conn, _cursor, statement, *_args):
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    yield seen
    event.remove(engine, "before_cursor_execute", count)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def run_jobs(app):
    """Run the jobs waiting on the test app's queue (its SQLite file in the test's instance
    folder) in this thread, as ``factcheck worker --burst`` does; returns how many ran."""
    return app.extensions["factcheck.jobs"].run_pending


@pytest.fixture
def session(app):
    """A session on the test database; tests commit what they build."""
    with Session(app.extensions["factcheck.engine"], expire_on_commit=False) as s:
        yield s


@pytest.fixture
def empty_database_url(tmp_path):
    """The URL of a brand-new, empty database (for migration tests), dropped afterwards."""
    if not ON_POSTGRES:
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
        return
    name = f"factcheck_empty_{uuid.uuid4().hex[:10]}"
    admin = create_engine(
        POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://", 1),
        isolation_level="AUTOCOMMIT",
    )
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    base = POSTGRES_URL.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


class Clock:
    """A hand-wound clock for code that takes a ``now`` callable (limiters, caches)."""

    def __init__(self, now: float = 1000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


class Factory:
    """Small builders for test data; each commits and returns the stored row."""

    def __init__(self, session: Session):
        self.session = session
        self.count = 0

    def _save(self, row):
        self.session.add(row)
        self.session.commit()
        self.session.refresh(row)
        return row

    def user(
        self,
        name: str | None = None,
        role: str = "checker",
        password: str = "pw-123456",
        active: bool = True,
    ) -> User:
        from werkzeug.security import generate_password_hash

        self.count += 1
        return self._save(
            User(
                name=name or f"user{self.count}",
                role=role,
                active=active,
                # few iterations: test users need no strong hash, and speed
                password_hash=generate_password_hash(password, method="pbkdf2:sha256:1000"),
            )
        )

    def article(self, title: str = "An article", text_: str | None = None, **fields) -> Article:
        from factcheck.articles.ingest import content_hash, slugify

        self.count += 1
        body = text_ or f"Body of article {self.count}. It says 42 things."
        fields.setdefault("slug", f"{slugify(title)}-{self.count}")
        return self._save(
            Article(title=title, text=body, content_hash=content_hash(body), **fields)
        )

    def claim(
        self, article: Article | None = None, text_: str = "Kazakhstan joined in 1992.", **fields
    ) -> Claim:
        article = article or self.article()
        self.count += 1
        fields.setdefault("key", f"c{self.count}")
        fields.setdefault("sentence", text_)
        return self._save(Claim(article_id=article.id, text=text_, **fields))


@pytest.fixture
def factory(session) -> Factory:
    return Factory(session)


@pytest.fixture
def seed_text() -> str:
    return SEED_ARTICLE.read_text(encoding="utf-8")


class AuthActions:
    """Log in and out through the test client, as a person would."""

    def __init__(self, client, factory: Factory):
        self.client = client
        self.factory = factory

    def login(self, user_or_name="checker", password: str = "pw-123456", role: str | None = None):
        """Log in as a User, or as the named user (created with ``role`` if it does not exist).

        Returns the User row.
        """
        from sqlmodel import select

        user = user_or_name
        if isinstance(user_or_name, str):
            user = self.factory.session.exec(select(User).where(User.name == user_or_name)).first()
            if user is None:
                named_role = (
                    user_or_name if user_or_name in ("checker", "editor", "admin") else "checker"
                )
                user = self.factory.user(user_or_name, role=role or named_role, password=password)
        response = self.client.post("/login", data={"name": user.name, "password": password})
        assert response.status_code == 302, response.get_data(as_text=True)
        return user

    def logout(self):
        return self.client.post("/logout")


@pytest.fixture
def auth(client, factory) -> AuthActions:
    """``auth.login("editor")`` logs the test client in (making the user if needed)."""
    return AuthActions(client, factory)


class QueryLog:
    """The SQL statements run on the app's engine while ``with log:`` is open."""

    def __init__(self, engine):
        self.engine = engine
        self.statements: list[str] = []

    def _record(self, _connection, _cursor, statement, *_args) -> None:
        self.statements.append(statement)

    def __enter__(self) -> QueryLog:
        from sqlalchemy import event

        self.statements.clear()
        event.listen(self.engine, "before_cursor_execute", self._record)
        return self

    def __exit__(self, *_exc) -> None:
        from sqlalchemy import event

        event.remove(self.engine, "before_cursor_execute", self._record)

    def __len__(self) -> int:
        return len(self.statements)


@pytest.fixture
def query_log(app) -> QueryLog:
    """``with query_log: ...`` then ``len(query_log)``: how many statements ran."""
    return QueryLog(app.extensions["factcheck.engine"])


@pytest.fixture
def bench_module():
    """Load bench/<name>.py as a module (bench/ is not a package): tests share its data."""

    def load(name: str):
        spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up while building
        spec.loader.exec_module(module)
        return module

    return load
