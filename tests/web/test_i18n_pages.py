"""Every page in every language: no English left on an Indonesian page.

Every GET route of the app (walked from ``app.url_map``, so pages added later are covered
without touching this file; their addresses come from test_access.world, which every route
needs anyway) is rendered for a reader and for a logged-in editor, in Indonesian. A page fails

- when a message it looked up has no Indonesian translation in the catalogue, or
- when visible text is left once the page's data (every text the database holds, but for the
  English lines stored beside a message that pages must show translated), the
  Indonesian catalogue's translations and Babel's Indonesian month and day names are taken
  out: an English string that was never marked for translation.

Readers' pages of an English article are in English by design (they follow the article), so
the world's article is Indonesian here.
"""

from __future__ import annotations

import html
import re

import pytest
from babel import Locale
from sqlmodel import SQLModel, select

from factcheck import translations
from factcheck.models import Article, User
from tests.web.test_access import url_for_rule, world  # noqa: F401  (world: a fixture)

# Same in both languages: the product's name, codes and formats, language names.
SAME_IN_BOTH = {
    *("factcheck", "UTC", "CSV", "JSON", "ClaimReview", "https", "English", "Indonesia", "id"),
}


def get_routes(app) -> list[str]:
    return sorted(
        rule.rule
        for rule in app.url_map.iter_rules()
        if rule.endpoint != "static" and "GET" in rule.methods
    )


def visible_text(page: str) -> list[str]:
    """The page's text nodes and the attributes people read (aria-label, title, alt,
    placeholder, content of the description), entities decoded."""
    page = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", page)
    attributes = re.findall(
        r'\b(?:aria-label|title|alt|placeholder)="([^"]*)"|<meta name="description" '
        r'content="([^"]*)"',
        page,
    )
    texts = [a or b for a, b in attributes]
    texts += re.split(r"<[^>]+>", page)
    return [" ".join(html.unescape(t).split()) for t in texts if t.strip()]


def _pattern(message: str) -> str:
    """A regex for a translated message, its %(name)s placeholders matching anything."""
    parts = re.split(r"%\(\w+\)[sd]|%[sd]", message)
    pattern = r".*?".join(re.escape(p.strip()) for p in parts if p.strip())
    # whole words only, but a message that begins with a value ("%(what)s: queued") may
    # follow the value's last word
    return pattern if not parts[0].strip() else r"(?<!\w)" + pattern


def _weight(text: str) -> int:
    """How much literal text a message matches (placeholders match anything)."""
    return len(re.sub(r"%\(\w+\)[sd]", "", text))


# English kept for the command line and logs beside a message id and its values: a page
# showing these columns' text as it is would show English (jobs' results, fetch errors).
ENGLISH_COLUMNS = {("job", "result"), ("job", "result_message"), ("source", "fetch_error")}
ENGLISH_COLUMNS |= {("source", "fetch_error_message")}


def known_text(session, scale) -> re.Pattern:
    """What may stay on an Indonesian page: the data (the database's text, but for
    ENGLISH_COLUMNS, and the rating scale's labels in every language), the translations,
    Babel's month and day names."""
    data = set()
    for table in SQLModel.metadata.sorted_tables:
        columns = [c for c in table.columns if (table.name, c.name) not in ENGLISH_COLUMNS]
        for row in session.connection().execute(table.select().with_only_columns(*columns)):
            data.update(v for v in row if isinstance(v, str) and v)
    for rating in scale.ratings:
        for language in ("id", "en"):
            data.update(t for t in (rating.label(language), rating.explanation(language)) if t)
    messages = set()
    for message in translations.read_catalogue("id"):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in filter(None, strings):
            pieces = re.split(r"<[^>]+>", string)  # text nodes are split at tags too
            # a piece that is only a placeholder would match anything
            messages.update(p for p in pieces if re.search(r"\w", re.sub(r"%\(\w+\)[sd]", "", p)))
    locale = Locale.parse("id")
    names = {*locale.months["format"]["wide"].values(), *locale.days["format"]["wide"].values()}
    names |= set(locale.months["format"]["abbreviated"].values())
    # longest first: the first alternative that matches wins
    found = [(d, r"(?<!\w)" + re.escape(d)) for d in data] + [(m, _pattern(m)) for m in messages]
    found += [(n, r"(?<!\w)" + re.escape(n)) for n in names]
    alternatives = [pattern for text, pattern in sorted(found, key=lambda f: -_weight(f[0]))]
    # whole words only: a short datum ("check") must not eat part of an English word
    return re.compile(r"(?:" + "|".join(alternatives) + r")(?!\w)")


def leftover_english(page: str, known: re.Pattern) -> list[str]:
    """Text nodes with words left after taking out everything known."""
    found = []
    for text in visible_text(page):
        rest = known.sub(" ", text)
        words = [w for w in re.findall(r"[^\W\d_]{2,}", rest) if w not in SAME_IN_BOTH]
        if words:
            found.append(text)
    return found


class LookupLog:
    """Records every message the app translates while it renders (the catalogue's side)."""

    def __init__(self, monkeypatch):
        self.looked_up: set[str] = set()
        real = translations.translations

        def recording(language):
            found = real(language)
            log = self

            class Recorder:
                def gettext(self, message):
                    log.looked_up.add(message)
                    return found.gettext(message)

                ugettext = gettext

                def ngettext(self, singular, plural, n):
                    log.looked_up.add(singular)
                    return found.ngettext(singular, plural, n)

                ungettext = ngettext

            return Recorder()

        monkeypatch.setattr(translations, "translations", recording)


@pytest.fixture
def indonesian_world(world, session):  # noqa: F811  (the imported fixture)
    """test_access's world, its article in Indonesian, and an editor who chose Indonesian."""
    article = session.exec(select(Article).where(Article.slug == world["slug"])).one()
    article.language = "id"
    session.add(article)
    session.commit()
    return world


def _render_all(app, client, addresses) -> dict[str, str]:
    pages = {}
    for rule in get_routes(app):
        url = url_for_rule(rule, addresses)
        response = client.get(url, headers={"Accept-Language": "id"})
        if response.status_code in (301, 302, 303):
            continue  # the page it leads to is rendered on its own
        assert response.status_code in (200, 400, 404), (url, response.status_code)
        if response.mimetype == "text/html":
            pages[url] = response.get_data(as_text=True)
    return pages


@pytest.mark.parametrize("who", ["reader", "editor"])
def test_every_page_is_in_indonesian(
    app, client, auth, factory, session, indonesian_world, who, monkeypatch
):
    if who == "editor":
        editor = factory.user("ayu", role="admin")
        auth.login(editor)
        client.get("/review/")  # shows (and so clears) the login's message, still in English
        chosen = client.post("/language", data={"language": "id", "next": "/review/"})
        assert chosen.status_code == 303
    log = LookupLog(monkeypatch)
    pages = _render_all(app, client, indonesian_world)
    assert pages, "no page rendered"
    untranslated = set(translations.untranslated(translations.read_catalogue("id")))
    assert sorted(log.looked_up & untranslated) == [], "translate these in the id catalogue"
    # (WTForms looks up its hidden fields' default labels too; only shown ones matter)
    shown = " ".join(" ".join(visible_text(page)) for page in pages.values())
    catalogue = translations.read_catalogue("id")
    missing = [
        m
        for m in log.looked_up
        if catalogue.get(m) is None and re.search(rf"(?<!\w){re.escape(m)}(?!\w)", shown)
    ]
    assert sorted(missing) == [], "not in the catalogue: run `factcheck i18n update`"
    known = known_text(session, app.extensions["factcheck.ratings"])
    left = {url: leftover_english(page, known) for url, page in pages.items()}
    assert {url: texts for url, texts in left.items() if texts} == {}


def test_the_english_pages_stay_english(app, client, indonesian_world):
    for url, page in _render_all_en(app, client, indonesian_world).items():
        assert '<html lang="en">' in page or "/articles/" in url, url


def _render_all_en(app, client, addresses):
    pages = {}
    for rule in get_routes(app):
        response = client.get(url_for_rule(rule, addresses), headers={"Accept-Language": "en"})
        if response.mimetype == "text/html" and response.status_code == 200:
            pages[rule] = response.get_data(as_text=True)
    return pages


def test_chosen_language_is_remembered_on_the_user(client, auth, factory, session):
    user = factory.user("budi", role="checker")
    auth.login(user)
    response = client.post("/language", data={"language": "id", "next": "/review/claims"})
    assert response.status_code == 303 and response.location.endswith("/review/claims")
    session.expire_all()
    assert session.get(User, user.id).language == "id"
    page = client.get("/review/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="id">' in page  # the choice wins over the browser


def test_an_unknown_language_is_refused_and_nothing_changes(client, auth, factory, session):
    user = factory.user("citra", role="checker")
    auth.login(user)
    assert client.post("/language", data={"language": "xx"}).status_code == 400
    session.expire_all()
    assert session.get(User, user.id).language is None
