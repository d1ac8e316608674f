"""The list of stored articles, for ``factcheck articles``: four columns of each.

``lookup.list_articles`` gives the same articles as ORM rows, whole (text included); a
command that only prints four columns of each reads them here instead, and so imports
neither SQLModel nor the models. ``article_rows`` reads them with SQLAlchemy Core, on any
database; ``sqlite_article_rows`` reads a SQLite file that is already at the newest revision
with Python's own sqlite3, so that listing the articles does not import SQLAlchemy at all
(importing it costs more than the rest of the command). A database that is missing or behind
is left to the engine, which creates or migrates it.
"""

from __future__ import annotations

import os
from functools import cache
from typing import TYPE_CHECKING

from factcheck import dbfile

if TYPE_CHECKING:
    from sqlalchemy import Engine, TableClause

# The columns of models.Article this reads (tests check them against the model), in order.
TABLE, COLUMNS = "article", ("id", "slug", "language", "title")


@cache
def article_table() -> TableClause:
    """The columns read, as a SQLAlchemy table clause."""
    from sqlalchemy import column, table

    return table(TABLE, *(column(name) for name in COLUMNS))


def article_rows(engine: Engine) -> list[tuple[int, str, str, str]]:
    """(id, slug, language, title) of every article, oldest first (by id)."""
    from sqlalchemy import select

    article = article_table()
    statement = select(*(article.c[name] for name in COLUMNS)).order_by(article.c.id)
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(statement)]


def sqlite_article_rows(url: str) -> list[tuple[int, str, str, str]] | None:
    """``article_rows`` read with sqlite3 from the SQLite file behind ``url``, when the file
    exists and its schema is at the newest revision; None otherwise (another database, a
    URL with options, no file yet, an older schema), and the engine should read instead."""
    path = dbfile.sqlite_path(url)
    if path is None or "?" in path or "%" in path or not os.path.isfile(path):
        return None
    import sqlite3

    connection = sqlite3.connect(path, timeout=30)  # the engine's busy timeout
    try:
        try:
            found = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        except sqlite3.DatabaseError:  # an empty database, or no database: the engine says
            return None
        if [row[0] for row in found] != [dbfile.newest_revision()]:
            return None
        columns = ", ".join(COLUMNS)
        rows = connection.execute(f"SELECT {columns} FROM {TABLE} ORDER BY id")
        return [tuple(row) for row in rows]
    finally:
        connection.close()
