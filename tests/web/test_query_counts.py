"""The workspace's pages read the database a fixed number of times, however much they show:
no query per claim, per piece of evidence or per person (no N+1)."""

import pytest

from factcheck.models import Evidence, ReviewEvent, Source

# The statements each page runs today, the logged-in user's row included. Lower is welcome;
# higher means a query crept into a loop (or a new read that should be joined to another).
BUDGET = {
    # +2 for the verdict hints: the page's claims' evidence, and their articles' source counts
    # +1 for the archive's marks ("checked before", "repeat") of the page's claims
    # the articles come with the claims; no count for a page that is not full (these are not)
    "queue": 6,
    "queue, filtered and searched": 8,  # SQLite also checks that the search index exists
    # +2 for "Checked before": the claim's stored vector and the archive index's stamp (the
    # earlier checks found, and the claim's links to them, are read in two or three more when
    # there are any; this claim is not embedded)
    "claim page": 8,
    "dashboard": 7,
}


def grow(session, factory, claim, size: int) -> None:
    """Add ``size`` articles of ``size`` claims, users, and evidence and history on ``claim``
    (from a new source each)."""
    for n in range(size):
        person = factory.user()
        article = factory.article(f"Article {n}")
        for _ in range(size):
            factory.claim(article, "Astana is the capital", assignee_id=person.id)
        source = Source(article_id=claim.article_id, position=n + 2, title=f"Source {n}")
        session.add(source)
        session.commit()
        session.add(Evidence(claim_id=claim.id, source_id=source.id, passage="Astana", score=n))
        session.add(ReviewEvent(claim_id=claim.id, user_id=person.id, action="note"))
        session.commit()


@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("queue", "/review/claims"),
        ("queue, filtered and searched", "/review/claims?q=astana&assignee=me&status=unverified"),
        ("claim page", "/review/claims/{claim}"),
        ("dashboard", "/review/"),
    ],
)
def test_page_reads_the_same_few_times_however_much_it_shows(
    client, auth, session, factory, query_log, name, url
):
    me = auth.login("checker")
    claim = factory.claim(factory.article("First"), "Astana is the capital", assignee_id=me.id)
    url = url.format(claim=claim.id)
    counts = []
    for size in (1, 6):
        grow(session, factory, claim, size)
        with query_log:
            response = client.get(url)
        assert response.status_code == 200
        assert "Astana" in response.get_data(as_text=True)
        counts.append(len(query_log))
    assert counts[0] == counts[1], query_log.statements
    assert counts[1] <= BUDGET[name], query_log.statements
