"""The dashboard's counts without a request: each article's progress and a checker's own
claims."""

from datetime import timedelta

import pytest

from factcheck.models import utcnow
from factcheck.review.dashboard import MY_CLAIMS_SHOWN, load_dashboard, my_claims, progress


def test_progress_counts_live_claims_by_status_and_verdict(session, factory):
    article, empty = factory.article("Counted"), factory.article("No claims")
    for status, verdict in [
        ("unverified", None),
        ("in_review", "false"),
        ("verified", "true"),
        ("published", "true"),
        ("published", "false"),
    ]:
        factory.claim(article, f"{status} {verdict}", status=status, verdict=verdict)
    factory.claim(article, "deleted", status="verified", verdict="true", deleted_at=utcnow())
    counted = progress(session, article_ids=[article.id, empty.id])
    assert counted[article.id] == {
        "status": {"unverified": 1, "in_review": 1, "verified": 1, "published": 2},
        "verdict": {"true": 2, "false": 2},
        "total": 5,
        "done": 3,  # verified or published
    }
    assert counted[empty.id] == {"status": {}, "verdict": {}, "total": 0, "done": 0}


def test_my_claims_are_the_unpublished_live_ones_assigned_to_me_newest_first(session, factory):
    me, other = factory.user("me"), factory.user("other")
    article = factory.article()
    start = utcnow() - timedelta(hours=1)
    rows = [
        ("older", dict(assignee_id=me.id)),
        ("newer", dict(assignee_id=me.id, status="verified")),
        ("published", dict(assignee_id=me.id, status="published")),
        ("deleted", dict(assignee_id=me.id, deleted_at=utcnow())),
        ("theirs", dict(assignee_id=other.id)),
        ("nobody's", {}),
    ]
    for n, (text, fields) in enumerate(rows):
        factory.claim(article, text, updated_at=start + timedelta(minutes=n), **fields)
    assert [c.text for c in my_claims(session, user_id=me.id)] == ["newer", "older"]


def test_my_claims_are_capped(session, factory):
    me, article = factory.user(), factory.article()
    for n in range(MY_CLAIMS_SHOWN + 1):
        factory.claim(article, f"claim {n}", assignee_id=me.id)
    assert len(my_claims(session, user_id=me.id)) == MY_CLAIMS_SHOWN


@pytest.mark.parametrize(("number", "shown"), [(1, ["third", "second"]), (2, ["first"])])
def test_dashboard_pages_articles_newest_first_with_their_progress(session, factory, number, shown):
    me = factory.user()
    start = utcnow() - timedelta(days=1)
    articles = [
        factory.article(title, created_at=start + timedelta(hours=n))
        for n, title in enumerate(["first", "second", "third"])
    ]
    mine = factory.claim(articles[0], "mine", assignee_id=me.id)
    factory.claim(articles[1], "not mine", status="verified")
    found = load_dashboard(session, user_id=me.id, page=number, per_page=2)
    assert [a.title for a in found.page.items] == shown
    assert set(found.progress) == {a.id for a in found.page.items}  # only the page's articles
    assert sum(p["done"] for p in found.progress.values()) == (1 if number == 1 else 0)
    # my claims and their articles' titles, whichever page of articles is shown
    assert [c.id for c in found.mine] == [mine.id]
    assert found.titles == {articles[0].id: "first"}
