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
            # SQLite cannot ALTER much; batch operations also run as plain ALTERs on PostgreSQL,
            # so `factcheck db revision` writes them whatever the database it compares with.
            render_as_batch=True,
            compare_type=True,
            include_object=include_object,
            # `factcheck db revision` drops a revision with no change (see factcheck.db).
            process_revision_directives=context.config.attributes.get(
                "process_revision_directives"
            ),
        )
        context.run_migrations()


run_migrations_online()
