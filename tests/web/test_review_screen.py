"""The review screen built for the task: the article beside the claim, evidence grouped by
stance, the forward move as the primary button, the verdict form only once the review has
started, no Publish for the verdict's author, labels instead of rating keys, confirmation
before destructive actions, and evidence marked stale when the wording changes."""

import re

import pytest
from sqlmodel import select

from factcheck.models import Claim, Evidence, Source
from factcheck.review import verdict_changes, workflow
from factcheck.review.ratings import RatingScale
from tests.web.test_review_ui import (
    SENTENCE,
    TEXT,
    confirmed,
    form_data,
    fresh,
    page,
    post_from_page,
)


@pytest.fixture
def article(factory):
    return factory.article("Kazakhstan", text_=TEXT, language="en")


@pytest.fixture
def claims(factory, article):
    first = factory.claim(
        article, "Kazakhstan joined in 2025", key="c1", position=1, start=0, end=46
    )
    second = factory.claim(
        article,
        "The country has 20 million people",
        key="c2",
        position=2,
        start=47,
        end=80,
        sentence=SENTENCE,
    )
    third = factory.claim(
        article, "Exports rose 12 percent", key="c3", position=3, start=109, end=140
    )
    return first, second, third


def buttons(html: str) -> list[tuple[str, str]]:
    """(class, label) of the status form's buttons, in order."""
    form = html.split('/status"')[1].split("</form>")[0]
    return re.findall(
        r'<button type="submit" name="to" value="[^"]+" class="([^"]+)">([^<]+)</button>', form
    )


def test_the_claim_sits_beside_the_article_text_with_previous_and_next(client, auth, claims):
    auth.login("checker")
    first, second, third = claims
    html = page(client, f"/review/claims/{second.id}")
    text = html.split('class="pane-text"')[1].split("</section>")[0]
    current = f'id="current-claim"><a href="/review/claims/{second.id}" aria-current="page">'
    assert current in text
    assert (
        f'href="/review/claims/{first.id}">' in text
        and f'href="/review/claims/{third.id}">' in text
    )
    assert f'<a rel="prev" href="/review/claims/{first.id}" data-key="p"' in html
    assert f'<a rel="next" href="/review/claims/{third.id}" data-key="n"' in html
    assert "First claim" in page(client, f"/review/claims/{first.id}")


def test_evidence_is_grouped_as_supports_contradicts_related(client, auth, session, claims):
    auth.login("checker")
    claim = claims[1]
    for stance in ("related", "contradicts", "supports"):
        session.add(
            Evidence(claim_id=claim.id, passage=f"A {stance} passage.", stance=stance, score=50)
        )
    session.add(
        Evidence(
            claim_id=claim.id, passage="A rejected passage.", stance="supports", state="rejected"
        )
    )
    session.commit()
    html = page(client, f"/review/claims/{claim.id}")
    headings = re.findall(r'<h3 id="group-[^"]+">(\w+)', html)
    assert headings == ["Supports", "Contradicts", "Related", "Rejected"]
    assert (
        html.index("A supports passage")
        < html.index("A contradicts passage")
        < html.index("A related passage")
    )


def test_forward_move_is_the_primary_button_and_the_verdict_form_waits_for_the_review(
    client, auth, claims
):
    auth.login("checker")
    claim = claims[1]
    html = page(client, f"/review/claims/{claim.id}")
    assert buttons(html) == [("button", "Start review")]
    assert f'action="/review/claims/{claim.id}/verdict"' not in html
    assert "Start the review (under “Status”) to set a verdict." in html
    post_from_page(client, claim, "status", to="in_review")
    html = page(client, f"/review/claims/{claim.id}")
    assert buttons(html) == [
        ("button", "Mark verified"),
        ("button secondary", "Back to unverified"),
    ]
    assert f'action="/review/claims/{claim.id}/verdict"' in html


def test_an_editor_is_not_offered_publish_on_their_own_verdict(
    client, auth, session, factory, claims
):
    claim = claims[1]
    editor = auth.login("editor")
    workflow.change_status(session, claim, "in_review", user=editor, expected_version=claim.version)
    session.add(Evidence(claim_id=claim.id, passage="Census", state="confirmed"))
    verdict_changes.set_verdict(
        session,
        claim,
        "mostly_true",
        "Census.",
        user=editor,
        expected_version=claim.version,
        scale=RatingScale(),
    )
    workflow.change_status(session, claim, "verified", user=editor, expected_version=claim.version)
    session.commit()
    html = page(client, f"/review/claims/{claim.id}")
    assert "Publish" not in [label for _, label in buttons(html)]
    assert "another editor must publish it" in html
    auth.logout()
    auth.login(factory.user("second", role="editor"))
    assert buttons(page(client, f"/review/claims/{claim.id}"))[0] == ("button", "Publish")


def test_lists_show_rating_labels_not_keys(client, auth, factory, article):
    factory.claim(article, "Mostly so", status="in_review", verdict="mostly_true", key="c9")
    auth.login("checker")
    for url in (f"/review/articles/{article.slug}", "/review/claims?show=all"):
        html = page(client, url)
        assert "Mostly true" in html and ">mostly_true<" not in html


def test_re_extraction_says_which_claims_it_may_replace_and_waits_for_yes(
    client, auth, session, claims, article
):
    auth.login("checker")
    post_from_page(client, claims[1], "status", to="in_review")  # worked on: kept
    asked = client.post(f"/review/articles/{article.slug}/reextract", data={"min_score": "0"})
    html = asked.get_data(as_text=True)
    assert "2 claims nobody has worked on may be replaced" in html
    assert "c1: Kazakhstan joined in 2025" in html and "c3: Exports rose 12 percent" in html
    assert "1 claim someone has worked on is kept" in html
    assert session.exec(select(Claim).where(Claim.deleted_at.is_not(None))).all() == []
    assert f'href="/review/articles/{article.slug}">No, go back</a>' in html


def test_a_changed_wording_marks_evidence_stale_until_judged_or_matched_again(
    client, auth, session, claims, article
):
    auth.login("checker")
    claim = claims[1]
    source = Source(article_id=article.id, title="Census", url="https://census.example/")
    session.add(source)
    session.commit()
    evidence = Evidence(
        claim_id=claim.id,
        source_id=source.id,
        passage="19.6 million",
        score=80,
        stance="contradicts",
    )
    session.add(evidence)
    session.commit()
    assert '<span class="badge stale">' not in page(client, f"/review/claims/{claim.id}")
    post_from_page(client, claim, "edit", text="The country has about 20 million people")
    session.expire_all()
    assert session.get(Evidence, evidence.id).stale is True
    html = page(client, f"/review/claims/{claim.id}")
    assert "The claim's wording changed after some of this evidence was found" in html
    assert f'action="/review/articles/{article.slug}/match"' in html
    assert '<span class="badge stale">stale</span>' in html
    url = f"/review/claims/{claim.id}"
    data = form_data(page(client, url), f"/review/evidence/{evidence.id}/state")
    client.post(f"/review/evidence/{evidence.id}/state", data={**data, "state": "confirmed"})
    session.expire_all()
    assert session.get(Evidence, evidence.id).stale is False
    assert "wording changed" not in page(client, url)


def test_merging_moves_evidence_and_marks_it_stale(client, auth, session, claims, article):
    auth.login("checker")
    first, second, _ = claims
    session.add(Evidence(claim_id=second.id, passage="20 million", score=60, stance="supports"))
    session.commit()
    url = f"/review/articles/{article.slug}"
    data = form_data(page(client, url), f"{url}/merge")
    asked = client.post(
        f"{url}/merge", data={**data, "claims": [f"{first.id}:1", f"{second.id}:1"]}
    )
    assert "1 piece of evidence moves to c1" in asked.get_data(as_text=True)
    assert fresh(session, second).deleted_at is None
    confirmed(client, asked)
    session.expire_all()
    moved = session.exec(select(Evidence)).one()
    assert (moved.claim_id, moved.stale) == (first.id, True)


def test_the_review_screen_speaks_indonesian(client, auth, claims, article):
    auth.login("checker")
    claim = claims[1]
    id_ = {"Accept-Language": "id"}
    html = client.get(f"/review/claims/{claim.id}", headers=id_).get_data(as_text=True)
    assert '<html lang="id">' in html
    assert buttons(html) == [("button", "Mulai pemeriksaan")]
    assert "Klaim berikutnya (c3)" in html and ">Bukti</h2>" in html
    assert "belum diverifikasi" in html and "Start review" not in html
    asked = client.post(
        f"/review/articles/{article.slug}/reextract", data={"min_score": "0"}, headers=id_
    )
    assert "Jalankan ulang ekstraksi?" in asked.get_data(as_text=True)
