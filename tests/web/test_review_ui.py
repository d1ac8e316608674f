"""The fact-checkers' workspace through the test client: dashboard, queue, article and claim
pages, the review actions, locking conflicts, double submits and the publishing rules."""

import json
import re
from html.parser import HTMLParser

import pytest
from sqlmodel import select

from factcheck.models import Claim, Evidence, ReviewEvent, Source
from factcheck.review import verdict_changes, workflow
from factcheck.review.ratings import RatingScale

TEXT = (
    "Kazakhstan joined the Abraham Accords in 2025. The country has 20 million people, "
    "and its capital is Astana.\nOfficials said exports rose 12 percent in 2024."
)
SENTENCE = TEXT[47:108]  # "The country has ... Astana."


def form_data(html: str, action: str) -> dict:
    """The hidden fields of the form posting to ``action`` on the page."""
    found = re.search(rf'<form[^>]*action="{re.escape(action)}"[^>]*>(.*?)</form>', html, re.S)
    assert found, f"no form for {action}"
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', found.group(1)))


def events(session, claim, action=None):
    session.expire_all()
    query = select(ReviewEvent).where(ReviewEvent.claim_id == claim.id)
    if action:
        query = query.where(ReviewEvent.action == action)
    return session.exec(query.order_by(ReviewEvent.id)).all()


def fresh(session, claim):
    session.expire_all()
    return session.get(Claim, claim.id)


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def post_from_page(client, claim, action, **fields):
    """Open the claim page, then send the form for ``action`` with ``fields``."""
    url = f"/review/claims/{claim.id}"
    data = form_data(page(client, url), f"{url}/{action}")
    data.update(fields)
    return client.post(f"{url}/{action}", data=data)


def confirmed(client, response):
    """Answer "yes" on the page that asks before a destructive action; its response."""
    assert response.status_code == 200, "the action did not ask first"
    html = response.get_data(as_text=True)
    action = re.search(r'<form method="post" action="([^"]+)"', html).group(1)
    fields = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html)
    data: dict = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return client.post(action, data=data)


@pytest.fixture
def article(factory):
    return factory.article("Kazakhstan", text_=TEXT, language="en")


@pytest.fixture
def claim(factory, article):
    return factory.claim(
        article, "The country has 20 million people", start=47, end=80, sentence=SENTENCE
    )


# --- access and the dashboard --------------------------------------------------------------
def test_workspace_sends_anonymous_visitors_to_the_login_page(client, claim):
    for url in ["/review/", "/review/claims", f"/review/claims/{claim.id}"]:
        response = client.get(url)
        assert response.status_code == 302 and "/login?next=" in response.location


def test_dashboard_shows_progress_and_my_claims(client, auth, factory, article, claim):
    me = auth.login("checker")
    factory.claim(
        article, "Officials said exports rose", status="verified", verdict="true", assignee_id=me.id
    )
    factory.claim(article, "A published one", status="published", verdict="false")
    html = page(client, "/review/")
    assert 'value="2"' in html and 'max="3"' in html  # two of three claims done
    assert "verified: 1" in html and "unverified: 1" in html and "False: 1" in html
    mine = html.split('id="mine-heading"')[1].split("</section>")[0]
    assert "Officials said exports rose" in mine and "20 million" not in mine


# --- the queue -----------------------------------------------------------------------------
@pytest.fixture
def queue_claims(factory, article, auth):
    other = factory.article("Other", text_="Another text about bridges.")
    me = auth.login("checker")
    return {
        "a": factory.claim(
            article, "Exports rose twelve percent", status="in_review", assignee_id=me.id, score=0.9
        ),
        "b": factory.claim(
            article, "The capital is Astana", status="verified", verdict="true", score=0.5
        ),
        "c": factory.claim(other, "The bridge opened in 1990", verdict="false", score=0.7),
        "d": factory.claim(article, "Deleted claim about Astana", deleted_at=workflow.utcnow()),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"a", "b", "c"}),
        ("status=in_review", {"a"}),
        ("verdict=true", {"b"}),
        ("verdict=none", {"a"}),
        ("article={slug}", {"a", "b"}),
        ("assignee=me", {"a"}),
        ("assignee=none", {"b", "c"}),
        ("q=astana", {"b"}),
        ("q=bridge+1990&verdict=false", {"c"}),
    ],
)
def test_queue_filters(client, queue_claims, article, query, expected):
    html = page(client, "/review/claims?" + query.format(slug=article.slug))
    shown = {key for key, c in queue_claims.items() if f'href="/review/claims/{c.id}"' in html}
    assert shown == expected


def test_article_filter_is_a_search_field_not_a_list_of_every_article(
    client, queue_claims, article
):
    html = page(client, "/review/claims")
    field = re.search(r'<input[^>]*name="article"[^>]*>', html).group(0)
    assert 'list="article-options"' in field and 'type="text"' in field
    assert "<select" not in html.split('name="article"')[0].rsplit("<p", 1)[-1]
    assert '<datalist id="article-options" data-source="/review/claims/articles">' in html
    assert 'src="/static/queue.js"' in html


def test_without_script_the_article_field_searches_titles(client, queue_claims):
    # typed words, sent with the form: the claims of the articles whose titles hold them
    html = page(client, "/review/claims?article=kazakh")
    shown = {key for key, c in queue_claims.items() if f'href="/review/claims/{c.id}"' in html}
    assert shown == {"a", "b"}
    assert 'value="kazakh"' in html  # the field keeps what was typed
    # and the articles those words find are offered in the datalist for the next try
    options = html.split('<datalist id="article-options"')[1].split("</datalist>")[0]
    assert ">Kazakhstan</option>" in options and ">Other</option>" not in options


def test_typeahead_answers_matching_articles_as_json(client, queue_claims, article):
    response = client.get("/review/claims/articles?q=KAZ")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.get_json() == {"articles": [{"slug": article.slug, "title": "Kazakhstan"}]}
    assert client.get("/review/claims/articles?q=").get_json() == {"articles": []}
    assert client.get("/review/claims/articles?q=nothing+like+it").get_json() == {"articles": []}


def test_typeahead_is_for_logged_in_people_only(client, article):
    response = client.get("/review/claims/articles?q=kaz")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize(("sort", "order"), [("score", "acb"), ("position", "abc")])
def test_queue_sorts(client, queue_claims, sort, order):
    html = page(client, f"/review/claims?sort={sort}")
    places = {
        k: html.index(f'href="/review/claims/{c.id}"') for k, c in queue_claims.items() if k != "d"
    }
    assert "".join(sorted(places, key=places.get)) == order


def test_queue_paginates_and_keeps_the_filters(app, client, auth, factory, article):
    auth.login("checker")
    app.config["CLAIMS_PER_PAGE"] = 10
    for n in range(25):
        factory.claim(article, f"Numbered claim {n}", status="in_review")
    first = page(client, "/review/claims?status=in_review&sort=position")
    assert "Page 1 of 3" in first and "25 claims" in first
    assert 'href="/review/claims?status=in_review&amp;sort=position&amp;page=2"' in first
    last = page(client, "/review/claims?status=in_review&sort=position&page=3")
    assert last.count('href="/review/claims/') == 5 and "Numbered claim 24" in last
    assert 'rel="prev"' in last and 'rel="next"' not in last


def test_assigning_from_the_queue_returns_to_it(client, queue_claims, session, auth):
    claim = queue_claims["b"]
    html = page(client, "/review/claims?status=verified")
    data = form_data(html, f"/review/claims/{claim.id}/assign")
    data["assignee"] = str(queue_claims["a"].assignee_id)
    response = client.post(f"/review/claims/{claim.id}/assign", data=data)
    assert response.status_code == 302 and response.location.endswith("status=verified")
    assert fresh(session, claim).assignee_id == queue_claims["a"].assignee_id


def test_each_queue_row_offers_the_active_people_with_its_assignee_chosen(
    client, queue_claims, factory
):
    factory.user('<b>"ana"</b>')  # a name is text, whatever it holds
    html = page(client, "/review/claims")

    def menu(claim) -> list[tuple[str, str, str]]:
        drawn = html.split(f'id="assignee-{claim.id}">')[1].split("</select>")[0]
        return re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', drawn)

    me = str(queue_claims["a"].assignee_id)
    for key in ("a", "b", "c"):
        options = menu(queue_claims[key])
        assert [label for _, _, label in options] == [
            "Nobody",
            "&lt;b&gt;&#34;ana&#34;&lt;/b&gt;",
            "checker",
        ]
        chosen = [value for value, selected, _ in options if selected]
        assert chosen == ([me] if key == "a" else [""])


# --- reviewing a claim ---------------------------------------------------------------------
def test_checker_reviews_and_another_editor_publishes(client, auth, session, claim, factory):
    auth.login("checker")
    assert post_from_page(client, claim, "status", to="in_review").status_code == 302
    response = post_from_page(
        client, claim, "verdict", verdict="false", rationale="The census says **19.6 million**."
    )
    assert response.status_code == 302
    add_census_evidence(client, claim)
    assert post_from_page(client, claim, "status", to="verified").status_code == 302
    html = page(client, f"/review/claims/{claim.id}")
    assert "<strong>19.6 million</strong>" in html
    assert 'value="published"' not in html  # a checker gets no publish button
    auth.logout()
    auth.login("editor")
    assert post_from_page(client, claim, "status", to="published").status_code == 302
    claim = fresh(session, claim)
    assert (claim.status, claim.verdict) == ("published", "false")
    history = page(client, f"/review/claims/{claim.id}").split('id="history-heading"')[1]
    assert 'verified</span> → <span class="to">published' in history and "editor" in history


def add_census_evidence(client, claim):
    """Evidence before verdict: a quoted source, added through the claim page."""
    response = post_from_page(
        client,
        claim,
        "evidence",
        url="https://census.example/2024",
        quote="Population: 19.6 million.",
    )
    assert response.status_code == 302


def test_verifying_without_evidence_or_a_reason_is_refused_with_a_message(client, auth, claim):
    auth.login("checker")
    post_from_page(client, claim, "status", to="in_review")
    post_from_page(client, claim, "verdict", verdict="false", rationale="Census.")
    response = post_from_page(client, claim, "status", to="verified")
    assert response.status_code == 400
    assert "confirmed evidence" in response.get_data(as_text=True)
    post_from_page(
        client,
        claim,
        "verdict",
        verdict="false",
        rationale="Census.",
        no_source_reason="The census office published no table; we asked by phone.",
    )
    assert post_from_page(client, claim, "status", to="verified").status_code == 302


def test_two_person_rule_is_explained(client, auth, session, factory, article):
    claim = factory.claim(article, "A claim", status="in_review")
    auth.login("editor")
    post_from_page(client, claim, "verdict", verdict="true", rationale="Checked.")
    add_census_evidence(client, claim)
    post_from_page(client, claim, "status", to="verified")
    assert "another editor must publish it" in page(client, f"/review/claims/{claim.id}")
    response = post_from_page(client, claim, "status", to="published")
    assert response.status_code == 403
    assert "two-person rule" in response.get_data(as_text=True)
    assert fresh(session, claim).status == "verified"


def test_correction_of_a_published_verdict_needs_a_note(client, auth, session, factory, article):
    checker = factory.user("author")
    claim = factory.claim(
        article,
        "A claim",
        status="published",
        verdict="true",
        rationale="Old.",
        verdict_by_id=checker.id,
    )
    auth.login("editor")
    response = post_from_page(
        client, claim, "verdict", verdict="false", rationale="New reasoning that must not be lost."
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "needs a note for readers" in html
    assert "New reasoning that must not be lost." in html  # typed text is still in the form
    response = post_from_page(
        client,
        claim,
        "verdict",
        verdict="false",
        rationale="New reasoning.",
        note="We misread the table.",
    )
    assert response.status_code == 302
    assert events(session, claim, "correction") == []  # waits for a second editor
    assert fresh(session, claim).verdict == "true"
    html = page(client, f"/review/claims/{claim.id}")
    assert "waiting for another editor" in html and "We misread the table." in html
    pending = verdict_changes.pending_correction(session, claim)
    assert f"/review/corrections/{pending.id}/approve" not in html  # not for its author
    auth.logout()
    auth.login(factory.user("second", role="editor"))
    html = page(client, f"/review/claims/{claim.id}")
    data = form_data(html, f"/review/corrections/{pending.id}/approve")
    assert client.post(f"/review/corrections/{pending.id}/approve", data=data).status_code == 302
    correction = events(session, claim, "correction")[0]
    assert correction.public and correction.note == "We misread the table."
    assert fresh(session, claim).verdict == "false"


def test_a_proposed_correction_can_be_rejected(client, auth, session, factory, article):
    claim = factory.claim(article, "A claim", status="published", verdict="true", rationale="Old.")
    auth.login("editor")
    post_from_page(client, claim, "verdict", verdict="false", rationale="New.", note="Misread.")
    pending = verdict_changes.pending_correction(session, claim)
    data = form_data(
        page(client, f"/review/claims/{claim.id}"), f"/review/corrections/{pending.id}/reject"
    )
    assert client.post(f"/review/corrections/{pending.id}/reject", data=data).status_code == 302
    assert verdict_changes.pending_correction(session, claim) is None
    assert fresh(session, claim).verdict == "true"


def test_editors_see_the_corrections_waiting_on_the_dashboard(
    client, auth, session, factory, article
):
    claim = factory.claim(article, "A claim", status="published", verdict="true", rationale="Old.")
    auth.login("editor")
    post_from_page(client, claim, "verdict", verdict="false", rationale="New.", note="Misread.")
    auth.logout()
    auth.login(factory.user("second", role="editor"))
    waiting = page(client, "/review/").split('id="corrections-heading"')[1].split("</section>")[0]
    assert f'href="/review/claims/{claim.id}#verdict"' in waiting and "Misread." in waiting


def test_unknown_verdict_is_refused_and_nothing_typed_is_lost(client, auth, claim, session):
    auth.login("checker")
    post_from_page(client, claim, "status", to="in_review")
    response = post_from_page(
        client, claim, "verdict", verdict="pants-on-fire", rationale="My careful text"
    )
    assert response.status_code == 400
    assert "My careful text" in response.get_data(as_text=True)
    assert fresh(session, claim).verdict is None


def test_rationale_is_rendered_sanitised(client, auth, factory, article):
    claim = factory.claim(
        article,
        "A claim",
        status="in_review",
        verdict="false",
        rationale="<script>alert(1)</script> [x](javascript:alert(2)) *ok*",
    )
    auth.login("checker")
    html = page(client, f"/review/claims/{claim.id}")
    rationale = html.split('class="rationale"')[1].split("</div>")[0]
    assert "<script>" not in rationale and "javascript:" not in rationale
    assert "<em>ok</em>" in rationale


# --- evidence ------------------------------------------------------------------------------
@pytest.fixture
def evidence(session, claim):
    source = Source(
        article_id=claim.article_id, title="Census office", url="https://stat.example/census"
    )
    session.add(source)
    session.commit()
    row = Evidence(
        claim_id=claim.id,
        source_id=source.id,
        score=72.0,
        passage="The country has 19.6 million people, the census found.",
        explanation=json.dumps(
            {
                "agree": ["name: country"],
                "disagree": ["number: claim 20 ≠ passage 19.6"],
                "claim_spans": [[4, 11]],
                "passage_spans": [[4, 11]],
                "strength": "suggestion",
            }
        ),
    )
    session.add(row)
    session.commit()
    return row


def test_evidence_shows_agreeing_and_disagreeing_highlights(client, auth, claim, evidence):
    auth.login("checker")
    html = page(client, f"/review/claims/{claim.id}")
    passage = html.split('class="passage"')[1].split("</p>")[0]
    assert '<mark class="agree">country</mark>' in passage
    assert '<mark class="disagree">19.6</mark>' in passage
    assert "number: claim 20 ≠ passage 19.6" in html


def test_confirm_then_reject_evidence(client, auth, session, claim, evidence):
    auth.login("checker")
    url = f"/review/claims/{claim.id}"
    data = form_data(page(client, url), f"/review/evidence/{evidence.id}/state")
    response = client.post(
        f"/review/evidence/{evidence.id}/state", data={**data, "state": "confirmed"}
    )
    # back to the top of the claim page, where the message shows (no anchor jumping past it)
    assert response.status_code == 302 and response.location == url
    assert "Evidence updated." in page(client, url).split('id="status"')[0]
    data = form_data(page(client, url), f"/review/evidence/{evidence.id}/state")
    client.post(f"/review/evidence/{evidence.id}/state", data={**data, "state": "rejected"})
    assert [(e.from_value, e.to_value) for e in events(session, claim, "evidence")] == [
        ("suggested", "confirmed"),
        ("confirmed", "rejected"),
    ]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,hi", "ftp://x.org/"])
def test_evidence_with_a_non_web_address_is_refused(client, auth, session, claim, url):
    auth.login("checker")
    response = post_from_page(client, claim, "evidence", url=url, quote="The quote I copied")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "web address starting with http" in html and "The quote I copied" in html
    assert session.exec(select(Evidence)).all() == []


def test_evidence_added_by_url_and_quote(client, auth, session, claim):
    auth.login("checker")
    response = post_from_page(
        client, claim, "evidence", url="https://stat.example/t1", quote="19.6 million residents"
    )
    assert response.status_code == 302
    assert "19.6 million residents" in page(client, f"/review/claims/{claim.id}")


# --- locking and double submits ------------------------------------------------------------
def test_second_save_of_a_stale_claim_shows_both_versions_and_can_reapply(
    app, client, auth, session, factory, article
):
    claim = factory.claim(article, "A claim", status="in_review")
    auth.login("checker")
    url = f"/review/claims/{claim.id}"
    mine = form_data(page(client, url), f"{url}/verdict")  # opened at version 1
    other = factory.user("other")
    verdict_changes.set_verdict(
        session,
        claim,
        "true",
        "Their reasoning.",
        user=other,
        expected_version=1,
        scale=RatingScale(),
    )
    session.commit()
    response = client.post(
        f"{url}/verdict", data={**mine, "verdict": "false", "rationale": "My reasoning."}
    )
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "Their reasoning." in html and "My reasoning." in html
    again = form_data(html, f"{url}/verdict")
    assert again["version"] == "2" and again["request_id"] != mine["request_id"]
    response = client.post(
        f"{url}/verdict", data={**again, "verdict": "false", "rationale": "My reasoning."}
    )
    assert response.status_code == 302
    assert (fresh(session, claim).verdict, fresh(session, claim).rationale) == (
        "false",
        "My reasoning.",
    )


def test_double_submitted_form_makes_one_event(client, auth, session, claim):
    auth.login("checker")
    url = f"/review/claims/{claim.id}"
    data = form_data(page(client, url), f"{url}/status")
    data["to"] = "in_review"
    first = client.post(f"{url}/status", data=data)
    second = client.post(f"{url}/status", data=data)
    assert (first.status_code, second.status_code) == (302, 302)
    assert len(events(session, claim, "status")) == 1


# --- the article page ----------------------------------------------------------------------
def test_article_text_has_claims_in_place_and_is_escaped(client, auth, factory):
    article = factory.article("Tags", text_="Profits <b>doubled</b> in 2024. Nothing else.")
    claim = factory.claim(article, "Profits <b>doubled</b> in 2024", start=0, end=30)
    auth.login("checker")
    html = page(client, f"/review/articles/{article.slug}")
    text = html.split('id="article-text">')[1].split("</div>")[0]
    assert text == (
        f'<mark class="claim status-unverified"><a href="/review/claims/{claim.id}">'
        "Profits &lt;b&gt;doubled&lt;/b&gt; in 2024</a></mark>. Nothing else."
    )


def test_claim_added_by_choosing_a_span(client, auth, session, article):
    auth.login("checker")
    url = f"/review/articles/{article.slug}"
    data = form_data(page(client, url), f"{url}/claims")
    response = client.post(f"{url}/claims", data={**data, "start": "86", "end": "107"})
    assert response.status_code == 302
    claim = session.exec(select(Claim)).one()
    assert claim.text == "its capital is Astana" and claim.start == 86
    assert f'href="/review/claims/{claim.id}">its capital is Astana</a></mark>' in page(client, url)


def test_claim_with_neither_text_nor_span_is_refused(client, auth, session, article):
    auth.login("checker")
    response = client.post(f"/review/articles/{article.slug}/claims", data={"text": " "})
    assert response.status_code == 400
    assert "type the claim, or choose it in the text" in response.get_data(as_text=True)


def test_delete_lists_the_claim_as_deleted_and_restore_brings_it_back(
    client, auth, session, claim, article
):
    auth.login("checker")
    asked = post_from_page(client, claim, "delete", note="duplicate")
    assert "Delete this claim?" in asked.get_data(as_text=True)
    assert fresh(session, claim).deleted_at is None  # nothing happens before the answer
    assert confirmed(client, asked).status_code == 302
    html = page(client, f"/review/articles/{article.slug}")
    assert f'action="/review/claims/{claim.id}/restore"' in html
    assert 'status-unverified"><a href="/review/claims/' not in html  # no longer marked
    data = form_data(html, f"/review/claims/{claim.id}/restore")
    assert client.post(f"/review/claims/{claim.id}/restore", data=data).status_code == 302
    assert fresh(session, claim).deleted_at is None
    assert [e.action for e in events(session, claim)] == ["delete", "restore"]


def test_split_and_merge_from_the_pages(client, auth, session, factory, article):
    claim = factory.claim(article, SENTENCE[:-1], start=47, end=107, sentence=SENTENCE)
    auth.login("checker")
    response = post_from_page(
        client, claim, "split", parts="The country has 20 million people\nits capital is Astana"
    )
    assert response.status_code == 302
    session.expire_all()
    parts = session.exec(select(Claim).order_by(Claim.position)).all()
    assert [c.text for c in parts] == ["The country has 20 million people", "its capital is Astana"]
    url = f"/review/articles/{article.slug}"
    data = form_data(page(client, url), f"{url}/merge")
    ticked = [f"{c.id}:{c.version}" for c in parts]
    asked = client.post(f"{url}/merge", data={**data, "claims": ticked})
    assert f"Claim {parts[0].key} gets the merged text" in asked.get_data(as_text=True)
    assert confirmed(client, asked).status_code == 302
    session.expire_all()
    assert session.get(Claim, parts[0].id).text == SENTENCE[:-1]
    assert session.get(Claim, parts[1].id).deleted_at is not None


def test_reextract_runs_as_a_job_and_reports_what_it_did(client, auth, session, article, run_jobs):
    auth.login("checker")
    asked = client.post(f"/review/articles/{article.slug}/reextract", data={"min_score": "0.4"})
    assert "Re-run extraction?" in asked.get_data(as_text=True)
    response = confirmed(client, asked)
    response = client.get(response.location)
    assert "Re-running claim extraction: queued" in response.get_data(as_text=True)
    assert session.exec(select(Claim)).all() == []  # nothing was extracted in the request
    assert run_jobs() == 1
    html = page(client, f"/review/articles/{article.slug}")
    assert "Extraction re-run: 4 claims added, 0 replaced, 0 unchanged" in html
    assert len(session.exec(select(Claim)).all()) == 4


def test_source_added_by_web_address_only(client, auth, session, article):
    auth.login("checker")
    url = f"/review/articles/{article.slug}/sources"
    bad = client.post(url, data={"url": "javascript:alert(1)", "title": "x"})
    assert bad.status_code == 400 and session.exec(select(Source)).all() == []
    good = client.post(url, data={"url": "https://stat.example/", "title": "Statistics"})
    assert good.status_code == 302
    assert session.exec(select(Source.title)).all() == ["Statistics"]


# --- accessibility basics ------------------------------------------------------------------
class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.labels = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "label" and "for" in attrs:
            self.labels.append(attrs["for"])


def test_pages_have_unique_ids_and_every_label_points_to_a_field(
    client, auth, claim, article, evidence
):
    auth.login("editor")
    for url in [
        "/review/",
        "/review/claims",
        f"/review/articles/{article.slug}",
        f"/review/claims/{claim.id}",
    ]:
        parser = _Ids()
        parser.feed(page(client, url))
        duplicates = {i for i in parser.ids if parser.ids.count(i) > 1}
        assert duplicates == set(), url
        assert set(parser.labels) <= set(parser.ids), url


# --- sources -------------------------------------------------------------------------------
@pytest.fixture
def source(session, article):
    row = Source(article_id=article.id, title="Census office", url="https://stat.example/")
    session.add(row)
    session.commit()
    return row


def test_pasted_source_text_is_archived(client, auth, session, source, article):
    from factcheck.models import Snapshot

    auth.login("checker")
    response = client.post(
        f"/review/sources/{source.id}/paste",
        data={"text": "The census counted 19.6 million people."},
        follow_redirects=True,
    )
    assert "Saved a new copy of “Census office”" in response.get_data(as_text=True)
    snapshot = session.exec(select(Snapshot)).one()
    assert (snapshot.kind, snapshot.source_id) == ("pasted", source.id)
    assert "(pasted, 39 characters)" in page(client, f"/review/articles/{article.slug}")


def test_fetching_archives_the_page_and_a_failure_is_shown(
    client, auth, session, source, article, httpserver, run_jobs
):
    from factcheck.models import Snapshot

    httpserver.expect_request("/census").respond_with_data(
        "<html><body><p>The census counted 19.6 million people.</p></body></html>",
        content_type="text/html",
    )
    source.url = httpserver.url_for("/census")
    session.add(source)
    session.commit()
    auth.login("checker")
    response = client.post(f"/review/sources/{source.id}/fetch", follow_redirects=True)
    assert "Fetching sources: queued" in response.get_data(as_text=True)
    assert httpserver.log == []  # the request only queued the fetch
    assert run_jobs() == 1
    assert "Saved a new copy of “Census office”" in page(client, f"/review/articles/{article.slug}")
    assert "19.6 million" in session.exec(select(Snapshot.text)).one()
    source.url = httpserver.url_for("/gone")
    session.add(source)
    session.commit()
    client.post(f"/review/sources/{source.id}/fetch")
    run_jobs()
    html = page(client, f"/review/articles/{article.slug}")
    assert 'class="job job-failed"' in html and "Could not fetch “Census office”" in html
    assert len(session.exec(select(Snapshot)).all()) == 1


def test_matching_suggests_evidence_shown_with_its_highlights(
    client, auth, session, source, article, claim, run_jobs
):
    auth.login("checker")
    client.post(
        f"/review/sources/{source.id}/paste",
        data={
            "text": "Officials said the country has 20 million people in 2024. "
            "Astana is the capital."
        },
    )
    response = client.post(f"/review/articles/{article.slug}/match", follow_redirects=True)
    assert "Matching claims against sources: queued" in response.get_data(as_text=True)
    assert session.exec(select(Evidence)).all() == []  # nothing was matched in the request
    assert run_jobs() == 2  # the paste queued its embedding, the button queued matching
    assert "Matched 1 claim against" in page(client, f"/review/articles/{article.slug}")
    evidence = session.exec(select(Evidence)).all()
    assert evidence and evidence[0].claim_id == claim.id and evidence[0].state == "suggested"
    html = page(client, f"/review/claims/{claim.id}")
    assert 'class="passage"' in html and '<mark class="agree">' in html
