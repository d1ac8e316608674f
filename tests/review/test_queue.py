"""The claim queue without a request: each filter, combinations, sorts, pages and text search
(SQLite FTS5 or PostgreSQL full text, whichever the suite runs on)."""

from datetime import timedelta

import pytest
from sqlalchemy import inspect
from sqlmodel import select

from factcheck.models import Claim, utcnow
from factcheck.review.pagination import paginate
from factcheck.review.queue import QueueFilters, find_articles, find_claims, load_queue
from tests.conftest import ON_POSTGRES


@pytest.fixture
def people(factory):
    return {"me": factory.user("mira"), "other": factory.user("oskar")}


@pytest.fixture
def claims(factory, people):
    """Five live claims (a-e) over two articles and one deleted (x), changed in order a..e."""
    k, b = (
        factory.article("Kazakhstan", slug="kazakhstan"),
        factory.article("Bridges", slug="bridges"),
    )
    me, other = people["me"].id, people["other"].id
    table = [
        # key, article, position, text, status, verdict, score, assignee
        ("a", k, 2, "Exports rose twelve percent in 2024", "in_review", None, 0.9, me),
        ("b", k, 1, "The capital is Astana", "verified", "true", 0.5, None),
        ("c", b, 1, "The bridge opened in 1990", "unverified", "false", 0.7, other),
        ("d", b, 2, "Astana has a bridge since 2001", "in_review", "false", 0.2, me),
        ("e", k, 3, "Café owners said prices rose", "published", "true", 0.9, None),
        ("x", k, 4, "Deleted claim about Astana", "unverified", None, 0.0, None),
    ]
    start, out = utcnow() - timedelta(hours=1), {}
    for n, (key, article, position, text, status, verdict, score, assignee) in enumerate(table):
        out[key] = factory.claim(
            article,
            text,
            position=position,
            status=status,
            verdict=verdict,
            score=score,
            assignee_id=assignee,
            updated_at=start + timedelta(minutes=n),  # changed in order a..e
            deleted_at=utcnow() if key == "x" else None,
        )
    return out


def keys(page, claims) -> str:
    by_id = {c.id: k for k, c in claims.items()}
    return "".join(by_id[c.id] for c in page.items)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, "abcde"),
        ({"status": "in_review"}, "ad"),
        ({"status": "published"}, "e"),
        ({"status": "no-such-status"}, ""),
        ({"verdict": "false"}, "cd"),
        ({"verdict": "none"}, "a"),
        ({"article": "bridges"}, "cd"),
        ({"article": "no-such-article"}, ""),
        ({"assignee": "me"}, "ad"),
        ({"assignee": "none"}, "be"),
        ({"assignee": "oskar"}, "c"),
        ({"assignee": "nobody-of-that-name"}, ""),
        ({"text": "astana"}, "bd"),  # the deleted claim about Astana is not shown
        ({"text": "ASTANA bridge"}, "d"),  # every word, any case
        ({"text": "cafe"}, "e"),  # accents ignored
        ({"text": "..."}, "abcde"),  # no words: no text filter
        ({"text": '"; DROP TABLE claim; --'}, ""),
        ({"status": "in_review", "assignee": "me", "article": "bridges"}, "d"),
        ({"verdict": "true", "article": "kazakhstan", "status": "verified"}, "b"),
        ({"verdict": "false", "text": "bridge", "assignee": "none"}, ""),
    ],
)
def test_filters_keep_the_live_claims_that_match_every_one(
    session, claims, people, filters, expected
):
    page = find_claims(
        session, filters=QueueFilters(sort="position", **filters), viewer_id=people["me"].id
    )
    assert "".join(sorted(keys(page, claims))) == expected
    assert page.total == len(expected)


def test_mine_without_a_viewer_is_nobody_not_the_unassigned(session, claims):
    page = find_claims(session, filters=QueueFilters(assignee="me"), viewer_id=None)
    assert page.items == []


@pytest.mark.parametrize(
    ("sort", "order"),
    [
        ("updated", "edcba"),  # most recently changed first
        ("position", "bae" + "cd"),  # by article, then place in it
        ("score", "aecbd"),  # most check-worthy first; ties by id
        ("no-such-sort", "edcba"),  # anything else: most recently changed
    ],
)
def test_sorts(session, claims, sort, order):
    assert keys(find_claims(session, filters=QueueFilters(sort=sort)), claims) == order


@pytest.mark.parametrize(
    ("number", "per_page", "shown", "has_prev", "has_next"),
    [
        (1, 2, "ed", False, True),
        (2, 2, "cb", True, True),
        (3, 2, "a", True, False),
        (9, 2, "a", True, False),  # past the end: the last page, not an empty one
        (1, 10, "edcba", False, False),
    ],
)
def test_pages(session, claims, number, per_page, shown, has_prev, has_next):
    page = find_claims(session, filters=QueueFilters(page=number, per_page=per_page))
    assert keys(page, claims) == shown
    assert (page.total, page.pages) == (5, -(-5 // per_page))
    assert (page.has_prev, page.has_next) == (has_prev, has_next)


def test_pages_keep_the_filters(session, claims, people):
    filters = QueueFilters(text="astana", sort="position", page=2, per_page=1)
    page = find_claims(session, filters=filters)
    assert keys(page, claims) == "d" and page.total == 2 and not page.has_next


def test_text_search_uses_the_databases_own_index(session, claims, query_log):
    with query_log:  # a full page (one of two matches): the rows, then the count
        find_claims(session, filters=QueueFilters(text="astana", per_page=1))
    index = "claim.search_document @@" if ON_POSTGRES else "claim_fts MATCH"
    assert all(index in sql for sql in query_log.statements[-2:])  # the rows and the count
    assert "count(" in query_log.statements[-1]


def counts(statements: list[str]) -> list[str]:
    return [sql for sql in statements if "count(*)" in sql and "claim_fts MATCH" not in sql]


@pytest.mark.parametrize(("number", "per_page"), [(1, 10), (3, 2), (1, 5)])
def test_a_page_that_is_not_full_is_the_last_and_counts_itself(
    session, claims, query_log, number, per_page
):
    with query_log:
        page = find_claims(session, filters=QueueFilters(page=number, per_page=per_page))
    assert (page.total, page.capped, page.has_next) == (5, False, False)
    assert counts(query_log.statements) == []


@pytest.mark.parametrize(("number", "shown"), [(1, "ed"), (2, "cb"), (9, "a")])
def test_a_full_page_or_one_past_the_end_asks_for_the_count(
    session, claims, query_log, number, shown
):
    with query_log:
        page = find_claims(session, filters=QueueFilters(page=number, per_page=2))
    assert keys(page, claims) == shown and page.total == 5
    assert len(counts(query_log.statements)) == 1


def test_count_is_capped_so_deep_queues_stay_cheap(session, factory):
    article = factory.article()
    for n in range(12):
        factory.claim(article, f"Claim {n}")
    result = paginate(session, select(Claim).order_by(Claim.id), 2, 5, cap=10)
    assert (result.total, result.capped, len(result.items)) == (10, True, 5)
    assert result.has_next


def test_queue_page_brings_the_claims_articles_people_and_choices(session, factory, claims, people):
    people["other"].active = False
    session.add(people["other"])
    session.commit()
    found = load_queue(
        session, filters=QueueFilters(article="bridges", sort="position"), viewer_id=None
    )
    assert keys(found.page, claims) == "cd"
    assert set(found.articles) == {claims["c"].article_id}  # only the articles on the page
    assert found.articles[claims["c"].article_id].title == "Bridges"
    # a disabled assignee keeps their name on the page, but cannot be chosen any more
    assert found.people.names == {people["me"].id: "mira", people["other"].id: "oskar"}
    assert found.people.active == [(people["me"].id, "mira")]
    # the page shows the articles' titles: their texts (tens of KB each) are not read
    assert "text" in inspect(found.articles[claims["c"].article_id]).unloaded


def test_article_filter_takes_a_slug_or_words_of_the_title(session, factory, claims):
    factory.article("Bridges of Astana", slug="bridges-2")  # no claims; its slug starts alike
    by_slug = find_claims(session, filters=QueueFilters(article="bridges", sort="position"))
    assert keys(by_slug, claims) == "cd"  # the slug's article only, not bridges-2
    by_words = find_claims(session, filters=QueueFilters(article="KAZAKH", sort="position"))
    assert keys(by_words, claims) == "bae"
    nothing = find_claims(session, filters=QueueFilters(article="kazakhstan bridges"))
    assert nothing.items == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("astana", [("bridges-2", "Bridges of Astana")]),
        ("BRIDGES", [("bridges", "Bridges"), ("bridges-2", "Bridges of Astana")]),
        ("bridges-2", [("bridges-2", "Bridges of Astana")]),  # a slug: its words
        ("kaz", [("kazakhstan", "Kazakhstan")]),  # part of a word, as one types
        ("%", []),  # no words: nothing, not everything
        ("", []),
        ("rate_cut", [("rate_cut", "Rate_cut explained")]),  # "_" matches only itself
        ("rate_cut bridges", []),  # every word
    ],
)
def test_typeahead_finds_articles_by_words_of_title_or_slug(session, factory, query, expected):
    factory.article("Kazakhstan", slug="kazakhstan")
    factory.article("Bridges", slug="bridges")
    factory.article("Bridges of Astana", slug="bridges-2")
    factory.article("Rate_cut explained", slug="rate_cut")
    factory.article("Ratexcut", slug="ratexcut")
    assert find_articles(session, query) == expected


def test_typeahead_offers_a_few_articles_only(session, factory):
    for n in range(15):
        factory.article(f"Budget {n:02}", slug=f"budget-{n}")
    found = find_articles(session, "budget", limit=10)
    assert [title for _slug, title in found] == [f"Budget {n:02}" for n in range(10)]


def test_empty_queue(session):
    found = load_queue(session, filters=QueueFilters())
    assert (found.page.items, found.page.total, found.page.pages, found.articles) == ([], 0, 1, {})


def test_the_queue_counts_only_checkworthy_claims_unless_asked_for_all(session, factory):
    article = factory.article("Opinions", slug="opinions")
    factory.claim(article, "Harga naik 5 persen", key="f", kind="fact", score=0.8)
    factory.claim(
        article, "Para pengamat menilai", key="o", kind="opinion", score=0.2, checkworthy=False
    )
    factory.claim(
        article,
        "Worked on though low",
        key="w",
        kind="fact",
        score=0.2,
        checkworthy=False,
        status="in_review",
    )
    shown = find_claims(session, filters=QueueFilters(article="opinions"))
    assert {c.key for c in shown.items} == {"f", "w"} and shown.total == 2
    everything = find_claims(session, filters=QueueFilters(article="opinions", show="all"))
    assert {c.key for c in everything.items} == {"f", "o", "w"}


@pytest.mark.parametrize(
    ("other_filters", "number", "shown", "total"),
    [
        ({}, 2, "b", 2),  # the last page: counted from its rows
        ({}, 1, "d", 2),  # a full page: counted by a query (streaming the matches on SQLite)
        ({"status": "in_review"}, 1, "d", 1),
        ({"article": "kazakhstan"}, 1, "b", 1),  # one article's claims: tested one by one
        ({"article": "bridges", "show": "all"}, 1, "d", 1),
        ({"text": "astana bridge"}, 1, "d", 1),
    ],
)
def test_a_common_words_search_finds_the_same_page_as_a_rare_words(
    session, claims, monkeypatch, other_filters, number, shown, total
):
    # past COMMON_MATCHES the rows are found by walking the sort order and counted by
    # streaming the matches (SQLite): the same claims, the same count
    from factcheck.review import search

    filters = QueueFilters(**{"text": "astana", "per_page": 1, "page": number, **other_filters})
    rare = find_claims(session, filters=filters)
    monkeypatch.setattr(search, "COMMON_MATCHES", 1)
    common = find_claims(session, filters=filters)
    queued = load_queue(session, filters=filters).page  # the same, with the claims' articles
    assert keys(common, claims) == keys(rare, claims) == keys(queued, claims) == shown
    assert (common.total, common.has_next) == (rare.total, rare.has_next) == (total, number < total)
    assert (queued.total, queued.has_next) == (total, number < total)
