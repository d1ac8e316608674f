"""`factcheck articles` reads its four columns with SQLAlchemy Core, or, from a SQLite file
at the newest revision, with sqlite3: the same articles, in the same order, as the ORM's
lookup.list_articles."""

import sqlite3

import pytest

from factcheck import db
from factcheck.articles import listing, lookup
from factcheck.models import Article


def test_listing_reads_what_the_orm_lists_in_the_same_order(app, factory, session, runner):
    assert listing.article_rows(app.extensions["factcheck.engine"]) == []
    later = factory.article("Harga beras naik", language="id")
    earlier = factory.article("Rice prices rise", language="en")
    factory.article("Judul dengan ‘kutip’ dan émoji 🙂")
    rows = listing.article_rows(app.extensions["factcheck.engine"])
    expected = [(a.id, a.slug, a.language, a.title) for a in lookup.list_articles(session)]
    assert rows == expected and len(rows) == 3
    assert [row[0] for row in rows] == sorted(row[0] for row in rows)
    assert rows[0][:2] == (later.id, later.slug) and rows[1][:2] == (earlier.id, earlier.slug)
    output = runner.invoke(args=["articles"]).output.splitlines()
    assert output == [f"{i:>4}  {slug}  [{lang}]  {title}" for i, slug, lang, title in expected]
    url = app.config["DATABASE_URL"]
    if db.sqlite_path(url):  # the same rows straight from the file
        assert listing.sqlite_article_rows(url) == expected


def test_listing_names_columns_the_model_has():
    assert listing.article_table().name == listing.TABLE == Article.__tablename__
    assert tuple(listing.article_table().c.keys()) == listing.COLUMNS
    for name in listing.COLUMNS:
        assert name in Article.__table__.c


def _sqlite_file(tmp_path, revision: str | None) -> str:
    path = tmp_path / "f.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE article (id INTEGER, slug, language, title, text)")
        connection.execute("INSERT INTO article VALUES (2, 'b', 'en', 'B', 'x')")
        connection.execute("INSERT INTO article VALUES (1, 'a', 'id', 'A ‘kutip’', 'y')")
        if revision is not None:
            connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
            connection.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
    connection.close()
    return f"sqlite:///{path}"


def test_sqlite_listing_reads_a_file_at_the_newest_revision_in_id_order(tmp_path):
    url = _sqlite_file(tmp_path, db.head_revision())
    assert listing.sqlite_article_rows(url) == [(1, "a", "id", "A ‘kutip’"), (2, "b", "en", "B")]


@pytest.mark.parametrize("case", ["older", "unversioned", "missing", "not sqlite", "options"])
def test_sqlite_listing_leaves_the_rest_to_the_engine(case, tmp_path):
    older = f"{int(db.head_revision()) - 1:04d}"
    url = {
        "older": lambda: _sqlite_file(tmp_path, older),
        "unversioned": lambda: _sqlite_file(tmp_path, None),
        "missing": lambda: f"sqlite:///{tmp_path / 'none.sqlite3'}",
        "not sqlite": lambda: "postgresql://postgres@127.0.0.1:5432/x",
        "options": lambda: _sqlite_file(tmp_path, db.head_revision()) + "?timeout=5",
    }[case]()
    assert listing.sqlite_article_rows(url) is None
    assert not (tmp_path / "none.sqlite3").exists()


def test_sqlite_listing_of_a_file_that_is_no_database_leaves_it_to_the_engine(tmp_path):
    (tmp_path / "bad.sqlite3").write_bytes(b"not a database at all, just bytes" * 100)
    assert listing.sqlite_article_rows(f"sqlite:///{tmp_path / 'bad.sqlite3'}") is None
