"""Alembic owns the schema: migrations build it from nothing, and agree with the models."""

import shutil

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Column, Integer, String, Table, inspect
from sqlmodel import SQLModel

from factcheck import create_app, db
from factcheck.review.search import include_object


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
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": include_object}
        )
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


def test_data_loaded_at_an_older_revision_survives_the_upgrade(empty_database_url):
    """Claims written at revision 0001 are all there, and searchable, after upgrading."""
    from sqlmodel import Session, select

    from factcheck.models import Article, Claim
    from factcheck.review.search import claim_text_filter

    engine = db.make_engine(empty_database_url)
    db.upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO article (slug, title, language, text, content_hash, created_at) "
            "VALUES ('a', 'Artikel', 'id', 'Teks.', 'h', '2025-11-06 10:00:00+00:00')"
        )
        for n, words in enumerate(["Kazakhstan bergabung 1992", "Maroko dan Sudan", "lain"]):
            connection.exec_driver_sql(
                'INSERT INTO claim (article_id, key, position, text, sentence, start, "end", '
                "score, reasons, kind, status, created_at, updated_at, version) VALUES "
                f"(1, 'c{n}', {n}, '{words}', '{words}.', 0, 1, 0.5, '[]', 'fact', "
                "'unverified', '2025-11-06 10:00:00+00:00', '2025-11-06 10:00:00+00:00', 1)"
            )
    db.upgrade(engine)
    with Session(engine) as session:
        assert len(session.exec(select(Claim)).all()) == 3
        assert session.exec(select(Article)).one().title == "Artikel"
        found = session.exec(select(Claim).where(claim_text_filter(session, "sudan maroko"))).all()
        assert [c.key for c in found] == ["c1"]
    engine.dispose()


def test_newest_revision_read_from_file_names_is_alembics_head():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(db.alembic_config(engine=None))
    assert db.head_revision() == script.get_current_head()


@pytest.fixture
def migrations_copy(tmp_path, monkeypatch):
    """The package's migrations copied to a temporary folder that `db revision` writes to."""
    copy = tmp_path / "migrations"
    shutil.copytree(db.MIGRATIONS, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(db, "MIGRATIONS", copy)
    return copy


@pytest.fixture
def new_table():
    """A table the models have and no migration creates yet."""
    table = Table(
        "scratch_note",
        SQLModel.metadata,
        Column("id", Integer, primary_key=True),
        Column("text", String(200), nullable=False),
    )
    yield table
    SQLModel.metadata.remove(table)


def test_db_revision_writes_the_next_numbered_migration_from_the_models(
    runner, migrations_copy, new_table
):
    head = db.head_revision()
    result = runner.invoke(args=["db", "revision", "-m", "Add scratch notes"])
    assert result.exit_code == 0, result.output
    written = migrations_copy / "versions" / f"{int(head) + 1:04d}_add_scratch_notes.py"
    assert f"wrote {written}" in result.output
    text = written.read_text()
    assert f"revision = '{int(head) + 1:04d}'" in text and f"down_revision = '{head}'" in text
    assert "create_table('scratch_note'" in text and "drop_table('scratch_note')" in text
    assert db.head_revision() == f"{int(head) + 1:04d}"
    engine = runner.app.extensions["factcheck.engine"]
    db.upgrade(engine)  # the written migration runs, and the models then agree
    assert "scratch_note" in inspect(engine).get_table_names()
    db.downgrade(engine, head)
    assert "scratch_note" not in inspect(engine).get_table_names()


def test_db_revision_writes_nothing_when_the_models_did_not_change(runner, migrations_copy):
    before = sorted((migrations_copy / "versions").iterdir())
    result = runner.invoke(args=["db", "revision", "-m", "nothing"])
    assert result.exit_code == 1
    assert result.output == "Error: the models and the migrations agree: no revision written\n"
    assert sorted((migrations_copy / "versions").iterdir()) == before


def test_db_revision_refuses_a_database_behind_the_newest_revision(
    app_config, empty_database_url, migrations_copy, new_table
):
    engine = db.make_engine(empty_database_url)
    db.upgrade(engine, "0001")
    app = create_app(dict(app_config, DATABASE_URL=empty_database_url))
    before = sorted((migrations_copy / "versions").iterdir())
    result = app.test_cli_runner().invoke(args=["db", "revision", "-m", "scratch"])
    assert result.exit_code == 1
    assert "at revision 0001, not at the newest" in result.output
    assert "factcheck db upgrade" in result.output
    assert sorted((migrations_copy / "versions").iterdir()) == before
    app.extensions["factcheck.engine"].dispose()
    engine.dispose()
