"""The list of stored articles read with SQLAlchemy Core, for ``factcheck articles``.

``lookup.list_articles`` gives the same articles as ORM rows, whole (text included); a
command that only prints four columns of each reads them here instead, and so imports
neither SQLModel nor the models (about half of what such a command cost to start).
"""

from __future__ import annotations

from sqlalchemy import Engine, column, select, table

# The columns of models.Article this reads (tests check them against the model).
ARTICLE = table("article", column("id"), column("slug"), column("language"), column("title"))


def article_rows(engine: Engine) -> list[tuple[int, str, str, str]]:
    """(id, slug, language, title) of every article, oldest first (by id)."""
    statement = select(ARTICLE.c.id, ARTICLE.c.slug, ARTICLE.c.language, ARTICLE.c.title)
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(statement.order_by(ARTICLE.c.id))]
