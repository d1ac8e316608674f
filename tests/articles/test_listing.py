"""`factcheck articles` reads its four columns with SQLAlchemy Core: the same articles, in the
same order, as the ORM's lookup.list_articles."""

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


def test_listing_names_columns_the_model_has():
    assert listing.ARTICLE.name == Article.__tablename__
    for name in listing.ARTICLE.c.keys():
        assert name in Article.__table__.c
