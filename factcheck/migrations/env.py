"""Alembic environment: runs on the engine the app (or a test) hands over."""

from alembic import context
from sqlmodel import SQLModel

import factcheck.models  # noqa: F401  (registers the tables)
from factcheck.review.search import include_object

target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    engine = context.config.attributes["engine"]
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER much
            compare_type=True,
            include_object=include_object,
        )
        context.run_migrations()


run_migrations_online()
