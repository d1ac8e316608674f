"""Every page in a real browser, at desktop and phone widths: axe-core finds no accessibility
violation, nothing scrolls sideways at 390 px, and a screenshot of each is kept in
tests/screenshots/ (git-ignored) for a person to look at.

axe-core comes bundled in the axe-playwright-python package: nothing is fetched at run time.
A page added to the app without an entry in PAGES fails ``test_every_page_is_checked``.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from factcheck.models import ErrorReport, Evidence, Job, Snapshot, Source, SourceChange
from factcheck.review import workflow
from tests.browser.conftest import PHONE
from tests.browser.test_flow import log_in
from tests.web.test_public import correct, publish

pytestmark = pytest.mark.browser
axe_module = pytest.importorskip(
    "axe_playwright_python.sync_playwright", reason="axe-playwright-python is not installed"
)

DESKTOP = {"width": 1280, "height": 900}
TEXT = (
    "Kazakhstan resmi bergabung dengan Abraham Accords pada November 2025. Negara itu "
    "menjalin hubungan diplomatik dengan Israel sejak tahun 1992, kata juru bicara "
    "Kementerian Luar Negeri. Perdagangan kedua negara mencapai 12,4 miliar dolar AS."
)
# (name, path, who): who is None for a reader, else the user logged in
PAGES = [
    ("home", "/", None),
    ("article-verdicts", "/articles/{slug}", None),
    ("claim-verdict", "/articles/{slug}/claims/{key}", None),
    ("report-form", "/articles/{slug}/report", None),
    ("claim-report-form", "/articles/{slug}/claims/{key}/report", None),
    ("methodology", "/methodology", None),
    ("corrections", "/corrections", None),
    ("login", "/login", None),
    ("not-found", "/no-such-page", None),
    ("dashboard", "/review/", "budi"),
    ("queue", "/review/claims", "budi"),
    ("review-article", "/review/articles/{slug}", "budi"),
    ("coverage", "/review/articles/{slug}/coverage", "budi"),
    ("review-claim", "/review/claims/{review_id}", "budi"),
    ("review-published-claim", "/review/claims/{claim_id}", "budi"),
    ("jobs", "/review/jobs", "budi"),
    ("source-changes", "/review/source-changes", "budi"),
    ("audit", "/review/audit", "budi"),
    ("reader-reports", "/reports", "budi"),
    ("add-article", "/review/articles/new", "budi"),
    ("exports", "/review/exports", "budi"),
    ("users", "/review/users", "dewi"),
    ("user", "/review/users/{user_id}", "dewi"),
]
# GET routes that are not HTML pages (feeds, files, JSON), or are PAGES under another name
NOT_PAGES = {
    "/claimreview.json",
    "/export.<fmt>",
    "/review/audit.csv",
    "/review/jobs/<int:job_id>",
    "/articles/<slug>/claims/<key>/share.png",
    "/static/<path:filename>",
    "/api/similar",  # JSON
    "/review/claims/articles",  # JSON: the queue's article typeahead
    # shown only before the first user exists: checked with axe in test_first_run_browser.py
    "/setup/<token>",
    # an invitation's page needs a live invitation link: tests/web/test_users_admin.py
    "/invite/<token>",
}


@pytest.fixture
def site(factory, session):
    """An Indonesian article with claims in every state: one published (then corrected), one
    in review with evidence that supports, contradicts and relates (one passage in English),
    one unverified; a reader's report, a job, a changed source; a checker and two editors."""
    siti = factory.user("siti", "checker", "siti-pw-123")
    budi = factory.user("budi", "editor", "budi-pw-123")
    ayu = factory.user("ayu", "editor", "ayu-pw-1234")
    factory.user("dewi", "admin", "dewi-pw-123")
    article = factory.article(
        "Kazakhstan bergabung dengan Abraham Accords",
        text_=TEXT,
        language="id",
        publisher="Harian Contoh",
        author="Rina",
        published_date=date(2025, 11, 7),
        url="https://news.example/kazakhstan",
    )
    source = Source(
        article_id=article.id,
        position=1,
        title="Ministry of Foreign Affairs of Kazakhstan: a very long title of an English source",
        url="https://mfa.example/kazakhstan/relations/israel/with-a-rather-long-address-that-goes-on",
        fetch_status="ok",
    )
    session.add(source)
    session.commit()
    before, after = (
        Snapshot(
            source_id=source.id,
            url=source.url,
            sha256=str(n) * 64,
            text=text,
            fetched_at=datetime(2025, 11, 8, 9, n, tzinfo=UTC),
        )
        for n, text in enumerate(
            (
                "Diplomatic relations with Israel were established on 10 April 1992.",
                "Diplomatic relations with Israel were established in April 1992.",
            )
        )
    )
    session.add_all([before, after])
    session.commit()
    first = TEXT.index("Negara itu")
    published = factory.claim(
        article,
        "Kazakhstan menjalin hubungan diplomatik dengan Israel sejak tahun 1992.",
        key="c1",
        position=1,
        start=first,
        end=TEXT.index(", kata"),
        claimant="juru bicara Kementerian Luar Negeri",
    )
    publish(
        session,
        published,
        checker=siti,
        editor=budi,
        verdict="true",
        rationale=(
            "Menurut [Kemlu](https://mfa.example/kazakhstan), hubungan dimulai pada 1992. "
            "Kalimat kedua."
        ),
    )
    correct(
        session,
        published,
        "mostly_true",
        "Hubungan dimulai April 1992; klaimnya benar, tetapi tanpa tanggal.",
        editor=budi,
        approver=ayu,
        note="Kami menambahkan tanggalnya.",
    )
    in_review = factory.claim(
        article,
        "Perdagangan Kazakhstan dan Israel mencapai 12,4 miliar dolar AS.",
        key="c2",
        position=2,
        start=TEXT.index("Perdagangan"),
        end=len(TEXT) - 1,
    )
    workflow.change_status(session, in_review, "in_review", user=siti, expected_version=1)
    for stance, passage in (
        ("supports", "Perdagangan mencapai 12,4 miliar dolar AS pada 2024."),
        ("contradicts", "Trade between the two countries reached $1.2 billion in 2024."),
        ("related", "Kazakhstan dan Israel menandatangani perjanjian dagang."),
    ):
        session.add(
            Evidence(
                claim_id=in_review.id,
                source_id=source.id,
                snapshot_id=after.id,
                passage=passage,
                score=70.0,
                stance=stance,
                explanation=json.dumps({"disagree": ["amount: claim 12,4 ≠ passage 1.2"]})
                if stance == "contradicts"
                else "{}",
            )
        )
    factory.claim(
        article,
        "Kazakhstan resmi bergabung pada November 2025.",
        key="c3",
        position=0,
        start=0,
        end=TEXT.index("."),
    )
    session.add(ErrorReport(article_id=article.id, message="Tanggalnya kurang tepat."))
    session.add(Job(kind="match_article", article_id=article.id, requested_by_id=siti.id))
    session.add(
        SourceChange(
            claim_id=published.id,
            source_id=source.id,
            before_snapshot_id=before.id,
            after_snapshot_id=after.id,
        )
    )
    session.commit()
    found = {
        "slug": article.slug,
        "key": published.key,
        "claim_id": published.id,
        "review_id": in_review.id,
        "user_id": siti.id,
    }
    session.commit()  # reading the ids began a transaction: end it, the server needs the tables
    return found


def axe_violations(page) -> list[str]:
    """One line per axe-core violation on the page: rule, impact, and where."""
    results = axe_module.Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(str(node["target"]) for node in v["nodes"][:3])
        for v in results.response["violations"]
    ]


def overflow(page) -> int:
    """How many CSS pixels the page is wider than the window (0: no sideways scrolling)."""
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def too_wide(page) -> list[str]:
    """The innermost elements reaching past the window's right edge (to say what to fix)."""
    return page.evaluate(
        """() => {
          const past = e => e.getBoundingClientRect().right > document.body.clientWidth;
          return [...document.querySelectorAll('body *')]
          .filter(e => past(e) && ![...e.children].some(past))
          .slice(0, 4)
          .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
                    + ': ' + (e.textContent || '').trim().slice(0, 40));
        }"""
    )


def check_pages(server, new_page, screenshot, site, viewport, suffix) -> list[str]:
    """Visit every page at ``viewport``; the problems found, one line each."""
    problems = []
    pages = {}
    for name, path, who in PAGES:
        if who not in pages:
            pages[who] = new_page(viewport=viewport)
            if who:
                log_in(pages[who], server.url, who, f"{who}-pw-123")
        page = pages[who]
        page.goto(server.url + path.format(**site))
        problems += [f"{name} ({suffix}): {line}" for line in axe_violations(page)]
        if overflow(page) > 0:
            problems.append(
                f"{name} ({suffix}): {overflow(page)} px wider than the window: {too_wide(page)}"
            )
        screenshot(page, f"page-{name}-{suffix}")
    return problems


@pytest.mark.parametrize("viewport, suffix", [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_every_page_passes_axe_and_fits_the_window(
    server, new_page, screenshot, site, viewport, suffix
):
    problems = check_pages(server, new_page, screenshot, site, viewport, suffix)
    assert problems == [], "\n".join(problems)


def test_every_page_is_checked(live_app):
    covered = {path.split("?")[0] for _, path, _ in PAGES}
    rules = {
        rule.rule
        for rule in live_app.url_map.iter_rules()
        if "GET" in rule.methods and rule.rule not in NOT_PAGES
    }
    named = {
        r.replace("<slug>", "{slug}")
        .replace("<key>", "{key}")
        .replace("<int:claim_id>", "{review_id}")
        .replace("<int:user_id>", "{user_id}")
        for r in rules
    }
    missing = {r for r in named if r not in covered}
    assert missing == set(), f"pages with no accessibility check: {sorted(missing)}"


def test_the_confirmation_pages_pass_axe_and_fit_a_phone(
    server, new_page, screenshot, site, session
):
    phone = new_page(viewport=PHONE)
    log_in(phone, server.url, "siti", "siti-pw-123")
    phone.goto(f"{server.url}/review/claims/{site['review_id']}")
    phone.get_by_text("Delete this claim").click()
    phone.get_by_role("button", name="Delete claim").click()
    phone.get_by_role("heading", name="Delete this claim?").wait_for()
    assert axe_violations(phone) == [] and overflow(phone) == 0
    screenshot(phone, "confirm-delete-phone")
    phone.goto(f"{server.url}/review/articles/{site['slug']}")
    phone.get_by_role("button", name="Re-run extraction").click()
    phone.get_by_role("heading", name="Re-run extraction?").wait_for()
    assert axe_violations(phone) == [] and overflow(phone) == 0
    assert session.exec(select(Evidence)).all()  # nothing was changed by asking


@pytest.mark.parametrize("viewport, suffix", [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_review_in_indonesian_with_keys_then_a_second_editor_publishes(
    server, new_page, screenshot, site, viewport, suffix
):
    """A checker reviews in Indonesian (the browser asks for it), going from claim to claim
    with the keyboard; another editor publishes; the reader's page is in Indonesian."""
    checker = new_page(viewport=viewport, locale="id-ID")
    log_in(checker, server.url, "siti", "siti-pw-123")
    checker.goto(f"{server.url}/review/claims/{site['claim_id']}")
    checker.keyboard.press("n")  # the next claim: c2, in review
    checker.wait_for_url(f"{server.url}/review/claims/{site['review_id']}")
    expect = pytest.importorskip("playwright.sync_api").expect
    expect(checker.locator("html")).to_have_attribute("lang", "id")
    evidence = checker.locator("#contradicts article.evidence").first
    evidence.get_by_role("button", name="Konfirmasi").click()
    expect(checker.locator(".flash")).to_be_in_viewport()  # the message, not below the fold
    # (form labels and messages are the i18n work's: fields by id, so this outlives it)
    checker.locator("#verdict-verdict").select_option("false")
    checker.locator("#verdict-rationale").fill("Perdagangan hanya 1,2 miliar dolar AS.")
    checker.locator("#verdict-submit").click()
    expect(checker.locator(".flash")).to_be_in_viewport()
    checker.get_by_role("button", name="Tandai terverifikasi").click()
    expect(checker.locator("#status .status")).to_have_text("terverifikasi")
    assert axe_violations(checker) == [] and overflow(checker) == 0
    screenshot(checker, f"review-indonesian-{suffix}")

    editor = new_page(viewport=viewport, locale="id-ID")
    log_in(editor, server.url, "budi", "budi-pw-123")
    editor.goto(f"{server.url}/review/claims/{site['review_id']}")
    editor.get_by_role("button", name="Terbitkan").click()
    expect(editor.locator("#status .status")).to_have_text("terbit")

    reader = new_page(viewport=viewport)
    reader.goto(f"{server.url}/articles/{site['slug']}/claims/c2")
    expect(reader.locator("html")).to_have_attribute("lang", "id")
    expect(reader.locator(".conclusion .rating")).to_have_text("Salah")
    expect(reader.locator(".byline")).to_contain_text("Diperiksa oleh siti")
    assert axe_violations(reader) == [] and overflow(reader) == 0
    screenshot(reader, f"reader-indonesian-{suffix}")
