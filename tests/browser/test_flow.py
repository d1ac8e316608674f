"""The whole flow in a real browser: checker reviews, editor publishes, reader reads.

Runs Debian's Chromium against the app served over HTTP with CSRF protection on. Screenshots
of the main pages go to tests/screenshots/ for a person to look at.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from factcheck.models import Evidence, Snapshot, Source
from tests.web.test_public import publish

pytestmark = pytest.mark.browser
expect = pytest.importorskip(
    "playwright.sync_api",
    reason="the playwright package is not "
    "installed (pip install playwright; never `playwright install`)",
).expect


@pytest.fixture
def people(factory):
    return factory.user("siti", "checker", "siti-pw-123"), factory.user(
        "budi", "editor", "budi-pw-123"
    )


@pytest.fixture
def article(factory, session):
    """An Indonesian article citing one archived source, with one claim to check."""
    article = factory.article(
        "Kazakhstan bergabung dengan Abraham Accords",
        language="id",
        publisher="Harian Contoh",
        published_date=date(2025, 11, 7),
        url="https://news.example/kazakhstan",
    )
    source = Source(
        article_id=article.id,
        position=1,
        title="Kementerian Luar Negeri RI",
        url="https://kemlu.example/kazakhstan",
        fetch_status="ok",
    )
    session.add(source)
    session.flush()
    snapshot = Snapshot(
        source_id=source.id,
        url=source.url,
        sha256="0" * 64,
        text="Kazakhstan merdeka pada 16 Desember 1991.",
        fetched_at=datetime(2025, 11, 8, 9, 30, tzinfo=UTC),
    )
    session.add(snapshot)
    session.commit()
    claim = factory.claim(article, "Kazakhstan merdeka pada tahun 1995.", key="c1", position=1)
    session.add(
        Evidence(
            claim_id=claim.id,
            source_id=source.id,
            snapshot_id=snapshot.id,
            passage="Kazakhstan merdeka pada 16 Desember 1991.",
            score=81.0,
            state="suggested",
        )
    )
    session.commit()
    return article, claim


def log_in(page, base_url: str, name: str, password: str) -> None:
    page.goto(f"{base_url}/login")
    # by the fields' ids: the labels are in the browser's language
    page.locator("#name").fill(name)
    page.locator("#password").fill(password)
    page.locator("#submit").click()
    page.locator(".flash", has_text=name).wait_for()  # "Logged in as …" / "Masuk sebagai …"


def verdict_json_ld(page) -> dict | list:
    scripts = page.locator('script[type="application/ld+json"]')
    assert scripts.count() == 1
    return json.loads(scripts.text_content())


def test_checker_verifies_editor_publishes_reader_sees_claimreview(
    server, new_page, screenshot, session, article, people
):
    found, claim = article
    evidence_id = session.exec(select(Evidence.id).where(Evidence.claim_id == claim.id)).one()
    checker = new_page()
    log_in(checker, server.url, "siti", "siti-pw-123")
    checker.get_by_role("heading", name="Workspace").wait_for()
    screenshot(checker, "dashboard")

    checker.goto(f"{server.url}/review/claims/{claim.id}")
    # Each click submits a form; wait for its result before the next one, or the next click
    # could land on the page that is being replaced.
    checker.get_by_role("button", name="Start review").click()
    expect(checker.locator("#status .status")).to_have_text("in review")
    checker.locator(f"#evidence-{evidence_id}").get_by_role("button", name="Confirm").click()
    expect(checker.locator(f"#evidence-{evidence_id} .state-confirmed")).to_be_visible()
    checker.get_by_role("combobox", name="Verdict").select_option("false")
    checker.get_by_label("Rationale (Markdown)").fill(
        "Menurut [Kemlu](https://kemlu.example/kazakhstan), Kazakhstan merdeka pada "
        "**16 Desember 1991**, bukan 1995."
    )
    checker.get_by_role("button", name="Save verdict").click()
    expect(checker.locator("#verdict")).to_contain_text("The claim is not accurate.")
    checker.get_by_role("button", name="Mark verified").click()
    expect(checker.locator("#status .status")).to_have_text("verified")
    screenshot(checker, "claim-review")

    editor = new_page()  # another person, another browser session
    log_in(editor, server.url, "budi", "budi-pw-123")
    editor.goto(f"{server.url}/review/claims/{claim.id}")
    editor.get_by_role("button", name="Publish").click()
    expect(editor.locator("#status .status")).to_have_text("published")

    reader = new_page()
    reader.goto(f"{server.url}/")
    reader.get_by_role("link", name=found.title).click()
    expect(reader.locator("#claim-c1 .rating")).to_have_text("Salah")
    screenshot(reader, "article-verdict")
    reader.get_by_role("link", name=re.compile("Hasil lengkap")).click()
    expect(reader).to_have_url(f"{server.url}/articles/{found.slug}/claims/c1")
    expect(reader.locator("html")).to_have_attribute("lang", "id")
    review = verdict_json_ld(reader)
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == claim.text
    assert review["reviewRating"]["alternateName"] == "Salah"
    assert review["reviewRating"]["ratingValue"] == 1
    assert review["url"] == reader.url
    expect(reader.locator("blockquote.passage")).to_contain_text("16 Desember 1991")
    expect(reader.get_by_text("diarsipkan 8 November 2025").first).to_be_visible()
    screenshot(reader, "claim-verdict")


def test_reader_reads_a_verdict_and_reports_an_error(
    server, new_page, screenshot, session, article, people
):
    found, claim = article
    publish(
        session,
        claim,
        checker=people[0],
        editor=people[1],
        rationale="Menurut **Kemlu**, Kazakhstan merdeka pada 16 Desember 1991.",
    )
    page = new_page()
    page.goto(f"{server.url}/")
    page.get_by_role("link", name=found.title).click()
    expect(page.locator("html")).to_have_attribute("lang", "id")
    page.get_by_role("link", name=re.compile("Hasil lengkap")).click()
    expect(page).to_have_url(f"{server.url}/articles/{found.slug}/claims/c1")
    review = verdict_json_ld(page)
    assert review["reviewRating"]["alternateName"] == "Salah"
    assert review["reviewRating"]["ratingValue"] == 1

    page.get_by_role("link", name="Laporkan kesalahan").click()
    page.get_by_label("Apa yang salah?").fill("Tanggalnya 16 Desember 1991.")
    page.get_by_label("Apa yang salah?").press("Tab")  # keyboard only from here
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.get_by_text("Terima kasih").wait_for()
    expect(page).to_have_url(f"{server.url}/articles/{found.slug}/claims/c1")

    editor = new_page()
    log_in(editor, server.url, "budi", "budi-pw-123")
    editor.goto(f"{server.url}/reports")
    row = editor.get_by_role("row").filter(has_text="Tanggalnya 16 Desember 1991.")
    screenshot(editor, "reports")
    row.get_by_role("button", name=re.compile("Mark handled")).click()
    editor.get_by_text("No open reports.").wait_for()

    page.get_by_role("link", name=re.compile("metodologi")).click()
    page.get_by_role("heading", name="The rating scale").wait_for()
    screenshot(page, "methodology")

    phone = new_page(viewport={"width": 390, "height": 844}, is_mobile=True, device_scale_factor=2)
    phone.goto(f"{server.url}/articles/{found.slug}/claims/c1")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the verdict page scrolls sideways on a phone"
    screenshot(phone, "claim-verdict-phone")
