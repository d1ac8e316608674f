"""Alembic owns the schema: migrations build it from nothing, and agree with the models."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from factcheck import db


def test_upgrade_from_empty_creates_every_table(empty_database_url):
    engine = db.make_engine(empty_database_url)
    assert db.current_revision(engine) is None
    db.upgrade(engine)
    tables = set(inspect(engine).get_table_names())
    assert {t.name for t in SQLModel.metadata.sorted_tables} <= tables
    engine.dispose()


def test_models_and_migrations_agree(empty_database_url):
    engine = db.make_engine(empty_database_url)
    db.upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, SQLModel.metadata)
    engine.dispose()
    assert differences == []


def test_downgrade_to_base_and_up_again(empty_database_url):
    engine = db.make_engine(empty_database_url)
    db.upgrade(engine)
    db.downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    db.upgrade(engine)
    assert db.current_revision(engine) is not None
    engine.dispose()


def test_cli_db_upgrade_and_current(runner):
    result = runner.invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    current = runner.invoke(args=["db", "current"])
    assert current.exit_code == 0 and current.output.strip() in result.output
