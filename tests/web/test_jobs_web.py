"""Jobs in the workspace: buttons queue and return at once, a second "Match" starts nothing,
the JSON status the pages poll, and the editors' queue of sources changed after publication."""

from __future__ import annotations

from sqlmodel import select

from factcheck.models import Job, ReviewEvent, Snapshot, Source, SourceChange


def _article_with_source(factory, url="https://stat.example/"):
    article = factory.article("Census", text_="The country has 20 million people.")
    claim = factory.claim(article, "The country has 20 million people.", status="published")
    source = factory._save(Source(article_id=article.id, title="Census office", url=url))
    return article, claim, source


def test_two_clicks_on_match_start_one_job(client, auth, session, factory):
    article, _claim, _source = _article_with_source(factory)
    auth.login("checker")
    first = client.post(f"/review/articles/{article.slug}/match", follow_redirects=True)
    assert "Matching claims against sources: queued" in first.get_data(as_text=True)
    second = client.post(f"/review/articles/{article.slug}/match", follow_redirects=True)
    assert "is already queued for this article; nothing new was started" in second.get_data(
        as_text=True
    )
    assert len(session.exec(select(Job)).all()) == 1
    assert client.application.extensions["factcheck.jobs"].huey.pending_count() == 1


def test_fetch_all_queues_one_job_for_the_article(
    client, auth, session, factory, httpserver, run_jobs
):
    article, _claim, source = _article_with_source(factory, httpserver.url_for("/census"))
    httpserver.expect_request("/census").respond_with_data(
        "<html><body><p>The census counted 19.6 million people.</p></body></html>",
        content_type="text/html",
    )
    auth.login("checker")
    response = client.post(f"/review/articles/{article.slug}/fetch")
    # the top of the article page: the message, then the list of jobs right under it
    assert response.status_code == 302 and response.location == f"/review/articles/{article.slug}"
    assert httpserver.log == [] and session.exec(select(Snapshot)).all() == []
    run_jobs()
    job = session.exec(select(Job)).one()
    assert (job.kind, job.state, job.done, job.total) == ("fetch_sources", "done", 1, 1)
    assert job.result == "fetched 1 of 1 sources with a web address"
    assert session.exec(select(Snapshot.source_id)).all() == [source.id]


def test_the_article_page_lists_its_jobs_for_the_script_to_follow(client, auth, session, factory):
    article, _claim, _source = _article_with_source(factory)
    auth.login("checker")
    client.post(f"/review/articles/{article.slug}/match")
    html = client.get(f"/review/articles/{article.slug}").get_data(as_text=True)
    assert 'id="jobs"' in html and 'data-job-url="/review/jobs/1"' in html
    assert 'data-job-state="queued"' in html and "/static/jobs.js" in html
    with client.get("/static/jobs.js") as script:
        assert script.status_code == 200 and b"data-job-url" in script.data


def test_job_status_json_says_state_progress_and_result(client, auth, session, factory, run_jobs):
    article, _claim, _source = _article_with_source(factory)
    user = auth.login("rina")
    client.post(f"/review/articles/{article.slug}/match")
    job_id = session.exec(select(Job.id)).one()
    waiting = client.get(f"/review/jobs/{job_id}")
    assert waiting.status_code == 200 and waiting.headers["Cache-Control"] == "private, no-store"
    assert waiting.json | {"requested_at": None} == {
        "id": job_id,
        "kind": "match_article",
        "label": "Matching claims against sources",
        "state": "queued",
        "state_label": "queued",  # in the person's language (English here)
        "progress": "",
        "finished": False,
        "done": 0,
        "total": None,
        "result": None,
        "attempts": 0,
        "requested_by": user.name,
        "article": article.slug,
        "requested_at": None,
        "started_at": None,
        "finished_at": None,
    }
    run_jobs()
    done = client.get(f"/review/jobs/{job_id}").json
    assert (done["state"], done["finished"], done["done"], done["total"]) == ("done", True, 1, 1)
    assert done["progress"] == "1 of 1"
    assert done["result"].startswith("Matched 1 claim against") and done["finished_at"]
    assert client.get("/review/jobs/999").status_code == 404


def test_the_jobs_page_lists_the_newest_jobs(client, auth, factory, run_jobs):
    article, _claim, _source = _article_with_source(factory)
    auth.login("checker")
    client.post(f"/review/articles/{article.slug}/match")
    run_jobs()
    html = client.get("/review/jobs").get_data(as_text=True)
    assert "Matching claims against sources" in html and "Matched 1 claim against" in html
    assert f'href="/review/articles/{article.slug}"' in html


def _changed(factory, session, source, claim):
    before = factory._save(Snapshot(source_id=source.id, sha256="1", text="Counted: 19.6 million."))
    after = factory._save(Snapshot(source_id=source.id, sha256="2", text="Counted: 21.0 million."))
    return factory._save(
        SourceChange(
            claim_id=claim.id,
            source_id=source.id,
            before_snapshot_id=before.id,
            after_snapshot_id=after.id,
        )
    )


def test_editors_see_what_changed_and_close_it(client, auth, session, factory):
    article, claim, source = _article_with_source(factory)
    change = _changed(factory, session, source, claim)
    auth.login("editor")
    html = client.get("/review/source-changes").get_data(as_text=True)
    assert (
        "<del>Counted: 19.6 million.</del>" in html and "<ins>Counted: 21.0 million.</ins>" in html
    )
    assert "I have looked at this change" in html
    response = client.post(f"/review/source-changes/{change.id}/reviewed", follow_redirects=True)
    assert "Marked as looked at" in response.get_data(as_text=True)
    assert "No source has changed" in client.get("/review/source-changes").get_data(as_text=True)
    session.expire_all()
    assert session.get(SourceChange, change.id).reviewed_at is not None
    assert session.exec(
        select(ReviewEvent.action).where(ReviewEvent.claim_id == claim.id)
    ).all() == ["source_change_reviewed"]


def test_checkers_see_the_queue_but_cannot_close_it(client, auth, session, factory):
    article, claim, source = _article_with_source(factory)
    change = _changed(factory, session, source, claim)
    auth.login("checker")
    html = client.get("/review/source-changes").get_data(as_text=True)
    assert "Counted: 21.0 million." in html and "I have looked at this change" not in html
    assert client.post(f"/review/source-changes/{change.id}/reviewed").status_code == 403
    session.expire_all()
    assert session.get(SourceChange, change.id).reviewed_at is None
