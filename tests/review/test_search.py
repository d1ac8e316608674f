"""Claim text search, the same answers on SQLite (FTS5) and PostgreSQL (full text)."""

import pytest
from sqlmodel import select

from factcheck.models import Claim
from factcheck.review.search import claim_text_filter


@pytest.fixture
def claims(factory):
    article = factory.article()
    texts = [
        "Kazakhstan bergabung dengan Kesepakatan Abraham pada 2025.",
        "Hubungan diplomatik dengan Israel sejak 1992.",
        "Trade deals worth $12.4 billion were signed.",
        "Café owners said prices rose 5%.",
    ]
    return [factory.claim(article, text_=t) for t in texts]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kesepakatan abraham", [0]),
        ("ABRAHAM kazakhstan", [0]),
        ("1992", [1]),
        ("billion signed", [2]),
        ("cafe", [3]),  # accents ignored
        ("abraham 1992", []),  # every word must occur
        ('"; DROP TABLE claim; --', []),  # search syntax and SQL are just words
        ("israel OR trade", []),
    ],
)
def test_text_search_finds_claims_containing_every_word(session, claims, query, expected):
    clause = claim_text_filter(session, query)
    found = session.exec(select(Claim).where(clause).order_by(Claim.id)).all()
    assert [claims.index(next(c for c in claims if c.id == f.id)) for f in found] == expected


def test_empty_query_filters_nothing(session):
    assert claim_text_filter(session, "  ...  ") is None


def test_edited_claim_text_is_searchable_at_once(session, claims):
    claims[1].text = "Relations were established on 10 April 1992."
    session.add(claims[1])
    session.commit()
    found = session.exec(select(Claim).where(claim_text_filter(session, "april"))).all()
    assert [c.id for c in found] == [claims[1].id]
