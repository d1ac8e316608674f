"""`factcheck backup`: a consistent SQLite copy, even while someone writes."""

import sqlite3
import threading

import pytest
from sqlmodel import Session, select

from factcheck import db
from factcheck.models import Article
from tests.conftest import ON_POSTGRES

pytestmark = pytest.mark.skipif(ON_POSTGRES, reason="backup copies the SQLite database")


def test_backup_is_a_working_copy_of_the_database(runner, factory, tmp_path):
    factory.article("Kept in the backup")
    target = tmp_path / "copy.sqlite3"
    result = runner.invoke(args=["backup", "-o", str(target)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(target) as copy:
        titles = [row[0] for row in copy.execute("SELECT title FROM article")]
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert titles == ["Kept in the backup"]


def test_backup_while_another_connection_writes(app, factory, tmp_path):
    engine = app.extensions["factcheck.engine"]
    stop = threading.Event()

    def write():
        n = 0
        while not stop.is_set() and n < 500:
            n += 1
            factory_session = Session(engine)
            factory_session.add(
                Article(slug=f"w{n}", title="w", text=f"t{n}", content_hash=f"{n:064d}")
            )
            factory_session.commit()
            factory_session.close()

    writer = threading.Thread(target=write)
    writer.start()
    try:
        target = db.backup_sqlite(app.config["DATABASE_URL"], tmp_path / "live.sqlite3")
    finally:
        stop.set()
        writer.join()
    with sqlite3.connect(target) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        count = copy.execute("SELECT count(*) FROM article").fetchone()[0]
    with Session(engine) as session:
        assert count <= len(session.exec(select(Article)).all())
    assert not (tmp_path / "live.sqlite3.partial").exists()
