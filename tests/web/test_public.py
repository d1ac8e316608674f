"""Readers' pages: what is visible, in which language, with which metadata, and caching."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from html.parser import HTMLParser

import pytest

from factcheck import translations
from factcheck.models import ClaimStatus, Evidence, ReviewEvent, Snapshot, Source, utcnow
from factcheck.publishing.markup import render_markdown, script_json
from factcheck.review import verdict_changes, workflow
from factcheck.review.ratings import RatingScale

SCALE = RatingScale()


def publish(session, claim, *, checker, editor, verdict="false", rationale="Records say 1995."):
    """Take ``claim`` through the real workflow to published; returns it refreshed."""
    workflow.change_status(
        session, claim, "in_review", user=checker, expected_version=claim.version
    )
    ground(session, claim, checker)
    verdict_changes.set_verdict(
        session,
        claim,
        verdict,
        rationale,
        user=checker,
        expected_version=claim.version,
        scale=SCALE,
    )
    workflow.change_status(session, claim, "verified", user=checker, expected_version=claim.version)
    workflow.change_status(session, claim, "published", user=editor, expected_version=claim.version)
    session.commit()
    session.refresh(claim)
    return claim


def ground(session, claim, checker):
    """Evidence before verdict: the article's first source (and its newest copy, if archived)
    as confirmed evidence, or a quoted record when the article cites nothing."""
    from sqlmodel import select

    from factcheck.models import Evidence, Source
    from factcheck.sources.cited import latest_snapshot

    source = session.exec(select(Source).where(Source.article_id == claim.article_id)).first()
    snapshot = latest_snapshot(session, source) if source else None
    session.add(
        Evidence(
            claim_id=claim.id,
            source_id=source.id if source else None,
            snapshot_id=snapshot.id if snapshot else None,
            url=None if source else "https://records.example/",
            passage="The records.",
            state="confirmed",
            added_by_id=checker.id,
        )
    )
    session.flush()


def correct(session, claim, verdict, rationale, *, editor, approver, note):
    """A correction of a published verdict: ``editor`` proposes, ``approver`` approves."""
    verdict_changes.set_verdict(
        session,
        claim,
        verdict,
        rationale,
        user=editor,
        expected_version=claim.version,
        scale=SCALE,
        note=note,
    )
    verdict_changes.approve_correction(
        session, verdict_changes.pending_correction(session, claim), user=approver
    )
    session.commit()


@pytest.fixture
def people(factory):
    return factory.user("checker1", "checker"), factory.user("editor1", "editor")


@pytest.fixture
def published(factory, session, people):
    """An Indonesian article with one published claim and one still in verification."""
    article = factory.article(
        "Kazakhstan dan Abraham Accords",
        language="id",
        publisher="Harian Contoh",
        published_date=date(2025, 11, 7),
        url="https://news.example/kz",
    )
    claim = factory.claim(article, "Kazakhstan merdeka pada 1992.", key="c1", position=1)
    hidden = factory.claim(article, "Klaim yang belum terbit.", key="c2", position=2)
    publish(session, claim, checker=people[0], editor=people[1])
    workflow.change_status(
        session, hidden, "in_review", user=people[0], expected_version=hidden.version
    )
    session.commit()
    return article, claim


class Scripts(HTMLParser):
    """Collects every <script> element (type and text) and <meta property> of a page."""

    def __init__(self, page: str):
        super().__init__()
        self.scripts: list[tuple[str | None, str]] = []
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.html_lang: str | None = None
        self._in_script: str | None = None
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self._in_script = attrs.get("type") or ""
            self.scripts.append((self._in_script, ""))
        elif tag == "meta" and "property" in attrs:
            self.meta[attrs["property"]] = attrs.get("content", "")
        elif tag == "link" and attrs.get("rel"):
            self.links[attrs["rel"]] = attrs.get("href", "")
        elif tag == "html":
            self.html_lang = attrs.get("lang")

    def handle_data(self, data):
        if self._in_script is not None:
            kind, text = self.scripts[-1]
            self.scripts[-1] = (kind, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None


def json_ld(page: str):
    scripts = Scripts(page).scripts
    assert [kind for kind, _ in scripts] == ["application/ld+json"]
    return json.loads(scripts[0][1])


# --- safe text ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "markdown, present, absent",
    [
        (
            "[a](https://ok.example/x)",
            '<a href="https://ok.example/x" rel="nofollow noopener">',
            None,
        ),
        ("[a](mailto:desk@news.example)", 'href="mailto:desk@news.example"', None),
        ("[a](javascript:alert(1))", "<a rel=", "javascript"),
        ("[a](data:text/html,x)", "<a rel=", "data:"),
        ("[a](/review/claims/1)", "<a rel=", "/review"),
        ("[a](//evil.example)", "<a rel=", "evil"),
        ("<script>alert(1)</script>", "", "alert"),
        ('<img src="x" onerror="alert(1)">', "", "onerror"),
        ('<a href="https://x.example" onclick="y()">x</a>', 'href="https://x.example"', "onclick"),
        ("# Big heading", "<h3>Big heading</h3>", "<h1>"),
        ("| a | b |\n|---|---|\n| 1 | 2 |", "<td>1</td>", None),
    ],
)
def test_render_markdown_allows_only_safe_html(markdown, present, absent):
    html = str(render_markdown(markdown))
    assert present in html
    if absent:
        assert absent not in html


@pytest.mark.parametrize(
    "value",
    [
        "</script><script>alert(1)</script>",
        "<!--",
        "a & b",
        "line\u2028separator",
        '"quoted"',
    ],
)
def test_script_json_round_trips_and_never_contains_markup(value):
    text = str(script_json({"claimReviewed": value}))
    assert not any(char in text for char in "<>&")
    assert json.loads(text) == {"claimReviewed": value}


@pytest.mark.parametrize("language", sorted(set(translations.languages()) - {"en"}))
def test_every_interface_message_is_translated(language):
    """(English is the messages' own language: its catalogue may leave them as written.)"""
    assert translations.untranslated(translations.read_catalogue(language)) == []


# --- visibility ---------------------------------------------------------------------------
def test_index_lists_only_articles_with_published_claims(client, factory, published):
    article, _ = published
    draft = factory.article("Only drafts here")
    factory.claim(draft, "Unchecked claim.", status="verified", verdict="true", rationale="x")
    page = client.get("/").get_data(as_text=True)
    assert article.title in page
    assert "Only drafts here" not in page
    assert "Salah" in page  # the verdict summary, in the article's language


def test_article_page_shows_published_claims_only(client, factory, session, published):
    article, claim = published
    deleted = factory.claim(
        article,
        "Klaim terhapus.",
        key="c3",
        status="published",
        verdict="true",
        rationale="x",
        published_at=utcnow(),
        deleted_at=utcnow(),
    )
    page = client.get(f"/articles/{article.slug}").get_data(as_text=True)
    assert claim.text in page
    assert "Klaim yang belum terbit." not in page
    assert deleted.text not in page


@pytest.mark.parametrize(
    "path", ["/articles/no-such-article", "/articles/no-such-article/claims/c1"]
)
def test_unknown_article_is_not_found(client, path):
    assert client.get(path).status_code == 404


def test_article_without_published_claims_is_not_found(client, factory):
    article = factory.article("Drafts only")
    factory.claim(article, "Verified but not published.", status="verified", verdict="false")
    assert client.get(f"/articles/{article.slug}").status_code == 404


@pytest.mark.parametrize("key", ["c2", "c3", "c99"])  # in review, deleted, unknown
def test_unpublished_deleted_and_unknown_claims_are_not_found(client, factory, published, key):
    article, _ = published
    factory.claim(
        article,
        "Deleted after publishing.",
        key="c3",
        status="published",
        verdict="true",
        published_at=utcnow(),
        deleted_at=utcnow(),
    )
    assert client.get(f"/articles/{article.slug}/claims/{key}").status_code == 404
    assert client.get(f"/articles/{article.slug}/claims/{key}/report").status_code == 404


def test_withdrawn_claim_disappears_from_readers(client, session, published, people):
    article, claim = published
    workflow.change_status(
        session,
        claim,
        "verified",
        user=people[1],
        expected_version=claim.version,
        note="Rechecking the year.",
    )
    session.commit()
    assert client.get(f"/articles/{article.slug}/claims/c1").status_code == 404
    assert client.get(f"/articles/{article.slug}").status_code == 404


# --- language -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "language, label, explanation, heading",
    [
        ("id", "Salah", "Klaim ini tidak akurat.", "Alasan penilaian"),
        ("en", "False", "The claim is not accurate.", "Why we rated it so"),
        ("id-ID", "Salah", "Klaim ini tidak akurat.", "Alasan penilaian"),
    ],
)
def test_verdict_labels_and_page_language_follow_the_article(
    client, factory, session, people, language, label, explanation, heading
):
    article = factory.article("Language test", language=language)
    publish(
        session, factory.claim(article, "A claim.", key="c1"), checker=people[0], editor=people[1]
    )
    page = client.get(f"/articles/{article.slug}/claims/c1").get_data(as_text=True)
    assert Scripts(page).html_lang == language.split("-")[0]
    assert re.search(
        r'class="rating rating-bad rating-level-1 rating-large">'
        rf'<span class="rating-icon rating-icon-1" aria-hidden="true"></span>{label}</span>',
        page,
        re.S,
    )
    assert explanation in page
    assert heading in page


# --- metadata -----------------------------------------------------------------------------
def test_claim_page_embeds_claimreview_with_rating_and_claim(client, published):
    article, claim = published
    review_ = json_ld(client.get(f"/articles/{article.slug}/claims/c1").get_data(as_text=True))
    assert review_["@type"] == "ClaimReview"
    assert review_["claimReviewed"] == claim.text
    assert review_["url"] == f"http://localhost/articles/{article.slug}/claims/c1"
    assert review_["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Salah",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
    }
    item = review_["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["datePublished"] == "2025-11-07"
    assert item["appearance"][0]["url"] == "https://news.example/kz"
    assert review_["author"]["name"]
    assert review_["datePublished"] == claim.published_at.date().isoformat()


def test_article_page_embeds_one_claimreview_per_published_claim(
    client, factory, session, published, people
):
    article, _ = published
    publish(
        session,
        factory.claim(article, "Second claim.", key="c4", position=4),
        checker=people[0],
        editor=people[1],
        verdict="true",
    )
    reviews = json_ld(client.get(f"/articles/{article.slug}").get_data(as_text=True))
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["Salah", "Benar"]


HOSTILE = '</script><script>alert(1)</script><!-- & "quotes" <b>bold</b>'


def test_hostile_claim_text_stays_inside_the_jsonld_and_is_escaped_on_the_page(
    client, factory, session, people
):
    article = factory.article(f"Title {HOSTILE}", language="en")
    publish(
        session,
        factory.claim(article, HOSTILE, key="c1"),
        checker=people[0],
        editor=people[1],
        rationale=f"Rationale {HOSTILE}",
    )
    for path in (f"/articles/{article.slug}", f"/articles/{article.slug}/claims/c1"):
        page = client.get(path).get_data(as_text=True)
        data = json_ld(page)  # exactly one script element: nothing broke out of it
        data = data[0] if isinstance(data, list) else data
        assert data["claimReviewed"] == HOSTILE
        assert "<script>alert(1)" not in page
        assert "<b>bold</b>" not in page
        assert HOSTILE in Scripts(page).meta["og:title"]  # escaped in the attribute, intact


def test_rationale_markdown_is_rendered_and_sanitised(client, factory, session, people):
    article = factory.article("Markdown", language="en")
    rationale = (
        "**Wrong.** See [the record](https://records.example/1), "
        "[bad](javascript:alert(1)) <img src=x onerror=alert(1)>"
    )
    publish(
        session,
        factory.claim(article, "X.", key="c1"),
        checker=people[0],
        editor=people[1],
        rationale=rationale,
    )
    page = client.get(f"/articles/{article.slug}/claims/c1").get_data(as_text=True)
    page = page.split("</head>", 1)[1]  # the JSON-LD keeps the Markdown source, as data
    assert "<strong>Wrong.</strong>" in page
    assert '<a href="https://records.example/1" rel="nofollow noopener">the record</a>' in page
    assert "javascript:" not in page
    assert "onerror" not in page


def test_verdict_pages_carry_open_graph_tags_and_a_canonical_link(client, published):
    article, claim = published
    page = client.get(f"/articles/{article.slug}/claims/c1").get_data(as_text=True)
    found = Scripts(page)
    url = f"http://localhost/articles/{article.slug}/claims/c1"
    assert found.links["canonical"] == url
    assert found.meta["og:url"] == url
    assert found.meta["og:type"] == "article"
    assert claim.text in found.meta["og:title"]
    assert found.meta["og:description"].startswith("Salah")
    assert "1995" in found.meta["og:description"]
    article_meta = Scripts(client.get(f"/articles/{article.slug}").get_data(as_text=True))
    assert article_meta.meta["og:description"] == "1 klaim diperiksa: Salah 1"


def test_public_base_url_setting_makes_the_canonical_urls(app, client, published):
    app.config["PUBLIC_BASE_URL"] = "https://checks.example.org/"
    article, _ = published
    page = client.get(f"/articles/{article.slug}/claims/c1").get_data(as_text=True)
    url = f"https://checks.example.org/articles/{article.slug}/claims/c1"
    assert Scripts(page).links["canonical"] == url
    assert json_ld(page)["url"] == url


# --- transparency -------------------------------------------------------------------------
@pytest.fixture
def sourced(session, published, people):
    """The published claim with two sources (one archived) and evidence in three states."""
    article, claim = published
    archived = Source(
        article_id=article.id,
        position=1,
        title="Kementerian Luar Negeri",
        url="https://kemlu.example/kz",
    )
    missing = Source(
        article_id=article.id, position=2, title="Blog tanpa arsip", url="https://blog.example/x"
    )
    session.add_all([archived, missing])
    session.flush()
    snapshot = Snapshot(
        source_id=archived.id,
        url=archived.url,
        sha256="0" * 64,
        text="Kazakhstan merdeka pada 16 Desember 1991.",
        fetched_at=datetime(2025, 11, 8, 9, 30, tzinfo=UTC),
    )
    session.add(snapshot)
    session.flush()
    for state, passage in [
        ("confirmed", "merdeka pada 16 Desember 1991"),
        ("suggested", "SUGGESTED PASSAGE"),
        ("rejected", "REJECTED PASSAGE"),
    ]:
        session.add(
            Evidence(
                claim_id=claim.id,
                source_id=archived.id,
                snapshot_id=snapshot.id,
                passage=passage,
                state=state,
            )
        )
    session.commit()
    return article, claim


def test_claim_page_shows_confirmed_evidence_with_passage_and_archive_date(client, sourced):
    article, _ = sourced
    page = client.get(f"/articles/{article.slug}/claims/c1").get_data(as_text=True)
    assert "merdeka pada 16 Desember 1991" in page
    assert 'href="https://kemlu.example/kz"' in page
    assert "diarsipkan 8 November 2025" in page
    assert "SUGGESTED PASSAGE" not in page
    assert "REJECTED PASSAGE" not in page


@pytest.mark.parametrize("path", ["/articles/{slug}", "/articles/{slug}/claims/c1"])
def test_verdict_pages_list_every_source_and_link_methodology_and_report(client, sourced, path):
    article, _ = sourced
    page = client.get(path.format(slug=article.slug)).get_data(as_text=True)
    assert "Kementerian Luar Negeri" in page and "Blog tanpa arsip" in page
    assert "belum diarsipkan" in page  # the source without a snapshot says so
    assert 'href="/methodology"' in page
    assert f'href="/articles/{article.slug}' in page and '/report"' in page


def test_corrections_log_shows_public_corrections_with_date_and_note(
    client, session, factory, published, people
):
    article, claim = published
    correct(
        session,
        claim,
        "mostly_false",
        "Records say December 1991.",
        editor=people[1],
        approver=factory.user("editor2", "editor"),
        note="The year was 1991, not 1995.",
    )
    for path in (f"/articles/{article.slug}", f"/articles/{article.slug}/claims/c1"):
        page = client.get(path).get_data(as_text=True)
        assert "Penilaian diubah dari Salah menjadi Sebagian besar salah" in page
        assert "The year was 1991, not 1995." in page
    claim_page = client.get(f"/articles/{article.slug}/claims/c1").get_data(as_text=True)
    assert "Dikoreksi" in claim_page
    assert json_ld(claim_page)["correction"][0]["text"] == "The year was 1991, not 1995."


def test_internal_history_is_not_shown_to_readers(client, session, published, people):
    article, claim = published
    session.add(ReviewEvent(claim_id=claim.id, action="comment", note="INTERNAL NOTE"))
    session.commit()
    page = client.get(f"/articles/{article.slug}/claims/c1").get_data(as_text=True)
    assert "INTERNAL NOTE" not in page
    assert "Tidak ada koreksi." in page


def test_methodology_explains_statuses_scale_two_person_rule_corrections_and_archive(client):
    page = client.get("/methodology").get_data(as_text=True)
    for text in (
        "In review",
        "Verified",
        "Published",
        "Two people on every verdict",
        "Corrections",
        "How we archive sources",
        "Report an error",
    ):
        assert text in page
    for rating in SCALE.ratings:
        assert rating.label("en") in page and rating.label("id") in page


# --- caching ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "path", ["/", "/articles/{slug}", "/articles/{slug}/claims/c1", "/methodology"]
)
def test_public_pages_answer_conditional_requests_with_304(client, published, path):
    article, _ = published
    path = path.format(slug=article.slug)
    first = client.get(path)
    assert first.status_code == 200 and first.headers["ETag"]
    again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert again.data == b""
    if path != "/methodology":
        modified = first.headers["Last-Modified"]
        assert client.get(path, headers={"If-Modified-Since": modified}).status_code == 304


def test_last_modified_is_the_newest_change_shown(client, session, sourced):
    article, claim = sourced
    now = utcnow()
    article.created_at = now - timedelta(days=5)
    claim.published_at = now - timedelta(days=4)
    claim.updated_at = now - timedelta(days=3)
    session.execute(ReviewEvent.__table__.update().values(at=now - timedelta(days=4)))
    session.execute(Evidence.__table__.update().values(created_at=now - timedelta(days=4)))
    session.execute(Source.__table__.update().values(created_at=now - timedelta(days=4)))
    session.add_all([article, claim])
    session.commit()
    path = f"/articles/{article.slug}/claims/c1"
    # the newest thing shown is the source snapshot of 8 November 2025... unless the claim
    # changed later: here it did, three days ago.
    assert client.get(path).last_modified == max(
        claim.updated_at, datetime(2025, 11, 8, 9, 30, tzinfo=UTC)
    )
    session.execute(Snapshot.__table__.update().values(fetched_at=now - timedelta(days=1)))
    session.commit()
    assert client.get(path).last_modified == now - timedelta(days=1)


def test_a_correction_changes_etag_and_last_modified(client, session, factory, published, people):
    article, claim = published
    path = f"/articles/{article.slug}/claims/c1"
    before = client.get(path)
    correct(
        session,
        claim,
        "half_true",
        "Partly right.",
        editor=people[1],
        approver=factory.user("editor2", "editor"),
        note="Re-read the source.",
    )
    after = client.get(
        path,
        headers={
            "If-None-Match": before.headers["ETag"],
            "If-Modified-Since": before.headers["Last-Modified"],
        },
    )
    assert after.status_code == 200
    assert "Re-read the source." in after.get_data(as_text=True)
    assert after.headers["ETag"] != before.headers["ETag"]


def test_withdrawing_a_claim_moves_the_index_date_forward(client, factory, session, people):
    first = factory.article("Kept article", language="en")
    second = factory.article("Withdrawn article", language="en")
    keep = publish(
        session, factory.claim(first, "Kept.", key="c1"), checker=people[0], editor=people[1]
    )
    gone = publish(
        session, factory.claim(second, "Withdrawn.", key="c1"), checker=people[0], editor=people[1]
    )
    old = utcnow() - timedelta(hours=2)
    for row, stamp in ((keep, old), (gone, old - timedelta(hours=1))):
        row.updated_at = row.published_at = stamp
        session.add(row)
    session.commit()
    before = client.get("/")
    workflow.change_status(
        session, gone, "verified", user=people[1], expected_version=gone.version, note="Rechecking."
    )
    session.commit()
    after = client.get("/", headers={"If-Modified-Since": before.headers["Last-Modified"]})
    assert after.status_code == 200
    assert "Withdrawn article" not in after.get_data(as_text=True)
    assert "Kept article" in after.get_data(as_text=True)
    assert gone.status == ClaimStatus.VERIFIED
