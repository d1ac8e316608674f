"""The public corrections page: every correction and retraction, newest first, with its date,
what changed, the claim and the note for readers (as IFCN's principles ask)."""

from __future__ import annotations

import pytest

from factcheck.models import ReviewEvent
from factcheck.review import workflow
from tests.web.test_public import correct, publish


@pytest.fixture
def people(factory):
    return (
        factory.user("checker1", "checker"),
        factory.user("editor1", "editor"),
        factory.user("editor2", "editor"),
    )


MISREAD = "We misread the table: the figure is right."


def correct_kept(session, people, kept) -> None:
    """The second editor approves the first's correction of ``kept``: rating and rationale."""
    _, editor, second = people
    correct(
        session,
        kept,
        "true",
        "The report says 120 tonnes.",
        editor=editor,
        approver=second,
        note=MISREAD,
    )


@pytest.fixture
def claims(factory, session, people):
    checker, editor, _ = people
    article = factory.article("Harbour report", language="en", slug="harbour")
    kept = factory.claim(article, "Cargo rose to 120 tonnes in 1995.", key="c1", position=1)
    withdrawn = factory.claim(article, "The port opened in 1890.", key="c2", position=2)
    for claim in (kept, withdrawn):
        publish(session, claim, checker=checker, editor=editor)
    return kept, withdrawn


def page(client) -> str:
    response = client.get("/corrections")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_an_empty_log_says_so(client):
    assert "No corrections or retractions yet." in page(client)


def test_corrections_and_retractions_are_listed_with_date_claim_and_note(
    client, session, people, claims
):
    kept, withdrawn = claims
    _, editor, _ = people
    correct_kept(session, people, kept)
    workflow.change_status(
        session,
        withdrawn,
        "verified",
        user=editor,
        expected_version=withdrawn.version,
        note="Withdrawn: the archive we cited was of another port.",
    )
    session.add(ReviewEvent(claim_id=kept.id, action="comment", note="INTERNAL ONLY"))
    session.commit()
    html = page(client)
    assert html.index("Withdrawn: the archive") < html.index("We misread the table")  # newest first
    assert "Rating changed from False to True" in html
    assert "Withdrawn for re-review" in html
    assert "Cargo rose to 120 tonnes in 1995." in html and "The port opened in 1890." in html
    assert 'href="/articles/harbour/claims/c1"' in html  # still published: linked
    assert 'href="/articles/harbour/claims/c2"' not in html  # withdrawn: named, not linked
    assert "INTERNAL ONLY" not in html
    assert html.count("We misread the table") == 1  # verdict and rationale: one entry
    assert '<time datetime="' in html


def test_a_new_correction_shows_on_the_next_request(client, session, people, claims):
    kept, _ = claims
    assert "Rating changed" not in page(client)
    correct(
        session,
        kept,
        "half_true",
        "Partly.",
        editor=people[1],
        approver=people[2],
        note="Only half of it holds.",
    )
    assert "Only half of it holds." in page(client)


def test_every_verdict_page_links_to_the_corrections_page(client, claims):
    html = client.get("/articles/harbour").get_data(as_text=True)
    assert 'href="/corrections"' in html


def test_a_correction_of_rating_and_explanation_says_its_note_once(client, session, people, claims):
    correct_kept(session, people, claims[0])
    note = MISREAD
    html = page(client)
    assert html.count(note) == 1
    assert "Rating changed from False to True" in html and "Explanation revised" in html
    article = client.get("/articles/harbour").get_data(as_text=True)
    log = article.split('id="corrections-h"')[1]
    assert log.count(note) == 1 and "Explanation revised" in log
