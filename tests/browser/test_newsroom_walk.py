"""A newcomer's whole first day in a real browser, from an empty database, in Indonesian.

The set-up address is taken as `factcheck serve` prints it; the first admin switches the
interface to Indonesian, adds an article by pasting it, adds an editor, reviews one of the
proposed claims and marks it verified; the editor (another browser, Indonesian) publishes it
(the two-person rule); an anonymous reader sees the Indonesian verdict page. Every screen on
the way is checked: Indonesian (no English left, as tests/web/test_i18n_pages reads a page),
axe-core finds no violation, nothing scrolls sideways; a screenshot of each is kept.
"""

from __future__ import annotations

import pytest
from sqlmodel import select

from factcheck import translations
from factcheck.cli.articles import setup_address
from factcheck.models import Article, Claim
from tests.browser.conftest import PHONE
from tests.browser.test_every_page import axe_violations, overflow
from tests.browser.test_first_run_browser import worker  # noqa: F401  (a fixture)
from tests.browser.test_flow import log_in
from tests.web.test_add_article import ARTICLE
from tests.web.test_i18n_pages import known_text, leftover_english

pytestmark = pytest.mark.browser
expect = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed"
).expect

DESKTOP = {"width": 1280, "height": 900}
ID = translations.translations("id").gettext  # what the Indonesian interface says


class Screens:
    """Checks each screen the walk reaches and keeps its screenshot."""

    def __init__(self, app, session, screenshot, width: int):
        self.app, self.session, self.screenshot, self.width = app, session, screenshot, width

    def check(self, page, name: str, *, indonesian: bool = True) -> None:
        page.wait_for_load_state("load")
        assert overflow(page) == 0, f"{name} scrolls sideways at {self.width} px"
        assert axe_violations(page) == [], name
        self.screenshot(page, f"walk-{name}-{self.width}")
        if indonesian:
            expect(page.locator("html")).to_have_attribute("lang", "id")
            known = known_text(self.session, self.app.extensions["factcheck.ratings"])
            self.session.commit()  # reading began a transaction: end it, the server writes
            left = leftover_english(page.content(), known)
            # the article page shows its text cut at the claims' highlights: pieces of data
            texts = " ".join(" ".join(a.text.split()) for a in self.session.exec(select(Article)))
            self.session.commit()
            assert [t for t in left if t not in texts] == [], name


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_newcomer_sets_up_reviews_and_publishes_in_indonesian(
    live_app,
    server,
    worker,  # noqa: F811  (the imported fixture)
    new_page,
    screenshot,
    session,
    size,  # noqa: F811
):
    screens = Screens(live_app, session, screenshot, size["width"])
    with live_app.app_context():
        printed = setup_address("127.0.0.1", 5000)  # the line `factcheck serve` prints
    assert printed is not None and "/setup/" in printed
    setup_path = printed.split(":5000", 1)[1]

    admin = new_page(viewport=size, locale="en-US")
    admin.goto(server.url + "/")
    expect(admin.locator("#setup-heading")).to_be_visible()
    screens.check(admin, "home-empty", indonesian=False)
    admin.goto(server.url + setup_path)
    screens.check(admin, "setup", indonesian=False)
    admin.get_by_label("Your user name").fill("alice")
    admin.get_by_label("Password", exact=True).fill("correct horse")
    admin.get_by_label("Password again").fill("correct horse")
    admin.get_by_role("button", name="Create the admin account").click()
    expect(admin.locator(".flash")).to_contain_text("you are the first admin")

    # the interface in Indonesian, remembered on the account
    admin.locator("#language-choice").select_option("id")
    admin.get_by_role("button", name="Change language").click()
    expect(admin.locator("html")).to_have_attribute("lang", "id")
    screens.check(admin, "workspace")

    admin.get_by_role("link", name=ID("Add an article")).first.click()
    screens.check(admin, "add-article")
    admin.get_by_label(ID("The article's text")).fill(ARTICLE)
    admin.get_by_role("button", name=ID("Add the article")).click()
    expect(admin.locator("h1")).to_contain_text("Kota Sungai Emas")
    expect(admin.locator("#jobs .job-done")).to_have_count(1, timeout=30_000)
    expect(admin.locator("#jobs .job-result")).to_contain_text("klaim diusulkan")
    screens.check(admin, "article")

    admin.goto(f"{server.url}/review/users")
    add = admin.locator('form[action="/review/users"]')
    add.get_by_label(ID("User name")).fill("budi")
    add.get_by_label(ID("Role")).select_option("editor")
    add.get_by_label(ID("Password"), exact=True).fill("budi-pw-123")
    add.get_by_label(ID("Password again")).fill("budi-pw-123")
    add.get_by_role("button", name=ID("Add user")).click()
    expect(admin.locator("table.users")).to_contain_text("budi")
    expect(admin.locator(".flash")).to_contain_text("budi")
    screens.check(admin, "users")

    article = session.exec(select(Article)).one()
    claim = session.exec(
        select(Claim).where(Claim.article_id == article.id).order_by(Claim.position)
    ).first()
    session.commit()
    admin.goto(f"{server.url}/review/claims/{claim.id}")
    admin.get_by_role("button", name=ID("Start review")).click()
    expect(admin.locator("#status .status")).to_have_text(ID("in review"))
    admin.get_by_role("combobox", name=ID("Verdict")).select_option("true")
    admin.get_by_label(ID("Rationale (Markdown)")).fill(
        "BPS Kota Sungai Emas mencatat inflasi tahunan 3,1 persen pada Oktober 2025."
    )
    admin.get_by_label(ID("No source available? Say why (shown to readers)")).fill(
        "Berita resmi BPS belum dapat diarsipkan; angkanya kami pastikan lewat telepon."
    )
    admin.get_by_role("button", name=ID("Save verdict")).click()
    expect(admin.locator("#verdict")).to_contain_text(ID("Verdict"))
    admin.get_by_role("button", name=ID("Mark verified")).click()
    expect(admin.locator("#status .status")).to_have_text(ID("verified"))
    screens.check(admin, "claim-verified")

    editor = new_page(viewport=size, locale="id-ID")  # another person, Indonesian browser
    log_in(editor, server.url, "budi", "budi-pw-123")
    editor.goto(f"{server.url}/review/claims/{claim.id}")
    screens.check(editor, "claim-to-publish")
    editor.get_by_role("button", name=ID("Publish")).click()
    expect(editor.locator("#status .status")).to_have_text(ID("published"))
    screens.check(editor, "claim-published")

    reader = new_page(viewport=size)  # anonymous; the page follows the article's language
    reader.goto(f"{server.url}/articles/{article.slug}/claims/{claim.key}")
    expect(reader.locator("h1")).to_contain_text(claim.text[:40])
    expect(reader.locator(".rating").first).to_have_text("Benar")
    screens.check(reader, "verdict-page")
