"""The public ClaimReview feed is built once per change, not once per request: anonymous
clients hammering /claimreview.json cost one small stamp query each (none within
PUBLIC_CACHE_SECONDS), and a publish or correction shows on the next request."""

from __future__ import annotations

import json

import pytest

from tests.web.test_public import correct, publish


@pytest.fixture
def people(factory):
    """A checker and two editors (one proposes corrections, the other approves them)."""
    return tuple(
        factory.user(n, r) for n, r in (("c1", "checker"), ("e1", "editor"), ("e2", "editor"))
    )


@pytest.fixture
def published(factory, session, people):
    article = factory.article("Feed", language="en", slug="feed")
    claims = [
        factory.claim(article, f"Claim number {n} says 42.", key=f"c{n}", position=n)
        for n in range(1, 21)
    ]
    for claim in claims:
        publish(session, claim, checker=people[0], editor=people[1])
    return claims


def feed(client) -> dict:
    response = client.get("/claimreview.json")
    assert response.status_code == 200
    return json.loads(response.get_data(as_text=True))


def test_an_unchanged_feed_is_served_after_one_stamp_query(client, published, statements):
    first = feed(client)
    assert len(first["dataFeedElement"]) == 20
    statements.clear()
    again = feed(client)
    assert again == first
    assert len(statements) == 1, statements  # the stamp; no export queries


def test_within_the_cache_seconds_the_feed_costs_no_query(app, client, published, statements):
    app.config["PUBLIC_CACHE_SECONDS"] = 60
    feed(client)
    statements.clear()
    for _ in range(5):
        feed(client)
    assert statements == []


def test_a_publish_and_a_correction_show_on_the_next_request(
    client, factory, session, published, people
):
    assert len(feed(client)["dataFeedElement"]) == 20
    extra = factory.claim(None, "Another claim says 7.")  # in an article of its own
    publish(session, extra, checker=people[0], editor=people[1])
    assert len(feed(client)["dataFeedElement"]) == 21
    correct(
        session,
        published[0],
        "true",
        "It is right.",
        editor=people[1],
        approver=people[2],
        note="Re-read the table.",
    )
    reviews = {r["url"].rsplit("/", 1)[1]: r for r in feed(client)["dataFeedElement"]}
    assert reviews["c1"]["correction"][0]["text"] == "Re-read the table."


def test_the_feed_answers_304_to_its_etag_and_stays_public(client, published):
    first = client.get("/claimreview.json")
    assert first.headers["Access-Control-Allow-Origin"] == "*"
    assert "public" in first.headers["Cache-Control"]
    assert first.headers["Content-Type"].startswith("application/ld+json")
    again = client.get("/claimreview.json", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


@pytest.fixture
def pause(monkeypatch):
    from factcheck.web.api import FeedGuard

    monkeypatch.setattr(FeedGuard, "pause", 0.2)
    return 0.2


def test_one_address_hammering_the_feed_is_slowed_down_cheaply(app, client, published, pause):
    """Crawlers need the feed every few minutes (it says max-age=300); a loop on it gets a
    small 429 instead of megabytes, even from the page cache's fast path."""
    app.config.update(FEED_REQUESTS_PER_MINUTE=3, PUBLIC_CACHE_SECONDS=60)
    codes = [client.get("/claimreview.json").status_code for _ in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    refused = client.get("/claimreview.json")
    assert int(refused.headers["Retry-After"]) > 0 and len(refused.data) < 500
    other = client.get("/claimreview.json", environ_base={"REMOTE_ADDR": "192.0.2.9"})
    assert other.status_code == 200
    assert client.get("/").status_code in (200, 404)  # readers' pages are not limited


def test_a_refusal_waits_so_a_loop_slows_down_but_only_a_few_at_a_time(app, published, pause):
    import threading
    import time

    from factcheck.web.api import FeedGuard

    app.config["FEED_REQUESTS_PER_MINUTE"] = 0
    clients = [app.test_client() for _ in range(FeedGuard.waiting + 2)]
    took: list[float] = []
    barrier = threading.Barrier(len(clients))

    def ask(client):
        barrier.wait()
        started = time.monotonic()
        assert client.get("/claimreview.json").status_code == 429
        took.append(time.monotonic() - started)

    threads = [threading.Thread(target=ask, args=(c,)) for c in clients]
    [t.start() for t in threads]
    [t.join() for t in threads]
    slow = [t for t in took if t >= pause]
    assert len(slow) == FeedGuard.waiting  # the others are answered at once, holding no thread
    assert all(t < pause for t in took if t not in slow)


def test_behind_a_trusted_proxy_the_limit_counts_each_reader_not_the_proxy(
    app_config, published, pause
):
    from factcheck import create_app

    app_config.update(TRUSTED_PROXIES=1, FEED_REQUESTS_PER_MINUTE=1)
    proxied = create_app(app_config)
    try:
        client = proxied.test_client()
        for address in ("203.0.113.1", "203.0.113.2"):
            headers = {"X-Forwarded-For": address}
            assert client.get("/claimreview.json", headers=headers).status_code == 200
            assert client.get("/claimreview.json", headers=headers).status_code == 429
    finally:
        proxied.extensions["factcheck.engine"].dispose()
