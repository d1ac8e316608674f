"""The interface in two languages: how a request's language is chosen, catalogues read from
their .po files, WTForms' own messages translated. (Every page in every language:
test_i18n_pages.py.)"""

from __future__ import annotations

import pytest
from flask_wtf import FlaskForm
from jinja2.ext import _gettext_alias as jinja_i18n_alias
from markupsafe import Markup

from factcheck import create_app, translations
from factcheck.web import i18n
from tests.web.test_public import publish


def test_browser_language_decides_for_a_visitor(client):
    page = client.get("/login", headers={"Accept-Language": "id-ID,id;q=0.9,en;q=0.5"})
    text = page.get_data(as_text=True)
    assert '<html lang="id">' in text
    assert "Langsung ke isi" in text and "Skip to content" not in text


def test_without_accept_language_the_default_language_is_used(client):
    text = client.get("/login").get_data(as_text=True)
    assert '<html lang="en">' in text and "Skip to content" in text


def test_a_browser_language_without_catalogue_falls_back_to_the_default(client):
    text = client.get("/login", headers={"Accept-Language": "fr, de;q=0.5"}).get_data(as_text=True)
    assert '<html lang="en">' in text


def test_default_language_setting_applies_when_the_browser_says_nothing(app_config):
    app_config["DEFAULT_LANGUAGE"] = "id"
    app = create_app(app_config)
    text = app.test_client().get("/login").get_data(as_text=True)
    app.extensions["factcheck.engine"].dispose()
    assert '<html lang="id">' in text and "Langsung ke isi" in text


def test_wtforms_own_messages_are_translated(client):
    page = client.post(
        "/login", data={"name": "", "password": ""}, headers={"Accept-Language": "id"}
    )
    assert "Isian ini wajib diisi." in page.get_data(as_text=True)


def test_catalogues_are_read_from_po_files_with_no_compiled_copy():
    assert {"id", "en"} <= set(translations.languages())
    assert not list(translations.FOLDER.glob("**/*.mo"))  # nothing to compile or let go stale
    assert translations.translations("id").gettext("Skip to content") == "Langsung ke isi"


def test_a_language_without_catalogue_shows_messages_as_written():
    assert translations.translations("xx").gettext("Skip to content") == "Skip to content"


def test_every_form_translates_wtforms_messages():
    import factcheck.web.auth.forms  # noqa: F401  (forms register as subclasses on import)
    import factcheck.web.public.forms  # noqa: F401
    import factcheck.web.review.forms  # noqa: F401

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    ours = [f for f in subclasses(FlaskForm) if f.__module__.startswith("factcheck.")]
    assert ours and [f for f in ours if not issubclass(f, i18n.TranslatedForm)] == []


def test_readers_pages_follow_the_article_not_the_browser(client, factory, session):
    checker, editor = factory.user("rina", "checker"), factory.user("sari", "editor")
    english = factory.article("An English article", language="en")
    publish(session, factory.claim(english, "A claim.", key="c1"), checker=checker, editor=editor)
    page = client.get(f"/articles/{english.slug}", headers={"Accept-Language": "id"})
    text = page.get_data(as_text=True)
    assert '<html lang="en">' in text and "Claims checked" in text and "Skip to content" in text


def test_cached_readers_pages_are_kept_per_browser_language(app, client):
    app.config["PUBLIC_CACHE_SECONDS"] = 60  # served by the page cache, even before Flask
    for _round in range(2):
        indonesian = client.get("/methodology", headers={"Accept-Language": "id"})
        english = client.get("/methodology", headers={"Accept-Language": "en"})
        assert "Cara kami memeriksa" in indonesian.get_data(as_text=True)
        assert "How we check" in english.get_data(as_text=True)
        assert "Accept-Language" in english.headers["Vary"]


def test_staff_without_a_choice_get_their_browsers_language(client, auth):
    auth.login("checker")
    page = client.get("/review/", headers={"Accept-Language": "id"}).get_data(as_text=True)
    assert '<html lang="id">' in page and "Ruang kerja" in page


def test_dates_are_written_the_languages_way(client, auth, factory, session):
    from datetime import datetime

    article = factory.article("Angka", language="id", published_date=datetime(2025, 10, 3).date())
    auth.login("checker")
    page = client.get(f"/review/articles/{article.slug}", headers={"Accept-Language": "id"})
    assert "3 Oktober 2025" in page.get_data(as_text=True)
    english = client.get(f"/review/articles/{article.slug}", headers={"Accept-Language": "en"})
    assert "October 3, 2025" in english.get_data(as_text=True)


def test_a_failed_login_says_so_in_the_browsers_language(client):
    page = client.post(
        "/login",
        data={"name": "nobody", "password": "wrong-pass"},
        headers={"Accept-Language": "id"},
    )
    assert page.status_code == 401
    assert "Nama atau kata sandi salah" in page.get_data(as_text=True)


def test_messages_follow_the_requests_language_when_it_changes_midway(app):
    # the request's catalogue is kept, but not past a change of language
    from flask import render_template_string
    from flask_babel import force_locale

    def both() -> tuple[str, str]:
        shown = render_template_string(
            "{{ _('Claim') }}|{{ ngettext('%(num)s claim', '%(num)s claims', 2) }}"
        )
        return i18n.gettext("Claim"), shown

    with app.test_request_context("/", headers={"Accept-Language": "id"}):
        assert both() == ("Klaim", "Klaim|2 klaim")
        i18n.use_language("en")
        assert both() == ("Claim", "Claim|2 claims")
        with force_locale("id"):
            assert both() == ("Klaim", "Klaim|2 klaim")
        assert both() == ("Claim", "Claim|2 claims")
        assert i18n.ngettext("%(num)s claim", "%(num)s claims", 1) == "1 claim"
    assert i18n.gettext("Claim") == "Claim"  # outside a request: as written


def test_numbers_with_a_fixed_pattern_read_as_babel_writes_them(app):
    # format_decimal remembers numbers by their rounded value: the same text as Babel's
    import random

    from babel.numbers import format_decimal as babel_format

    rng = random.Random(16)
    values = [rng.random() for _ in range(1500)] + [rng.uniform(-1e6, 1e6) for _ in range(1500)]
    values += [n / 1000 for n in range(-2000, 2000, 5)]  # the halfway cases: 0.005, 0.125 ...
    values += [0, -0.0, -0.001, 1, -7, 12345678, 0.1 + 0.2, 2.675, 1e14 + 0.5]
    values += [float("inf"), float("-inf"), float("nan"), 1e20, 10**20]
    for language in ("id", "en"):
        with app.test_request_context("/", headers={"Accept-Language": language}):
            for pattern in ("0.00", "0.0", "#,##0.00", "0", "0.###", "0%"):
                for value in values:
                    expected = babel_format(value, format=pattern, locale=language)
                    assert i18n.format_decimal(value, pattern) == expected, (value, pattern)


TEMPLATE_MESSAGES = [
    "{{ _('Claim') }}",
    "{{ _('Claim %(key)s', key=key) }}",  # a variable that needs escaping
    "{{ _('Claim %(key)s', key=markup) }}",  # markup kept as it is
    "{{ _('assigned to %(name)s', name=_('nobody')) }}",
    "{{ _('100%% sure') }}",  # always a %-format: %% is a percent sign
    "{{ _('No verdict yet.', unused=key) }}",
    "{% autoescape false %}{{ _('Claim %(key)s', key=key) }}{% endautoescape %}",
    "{{ _('Claim %(key)s', key=key)|length }}|{{ (_('Claim') ~ '<b>')|e }}",
]


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize("source", TEMPLATE_MESSAGES)
def test_templates_underscore_reads_as_jinjas_i18n_extension_gives_it(app, language, source):
    from flask import render_template_string

    values = {"key": 'c1 <b>"&', "markup": Markup("<em>c1</em>")}
    with app.test_request_context("/", headers={"Accept-Language": language}):
        ours = render_template_string(source, **values)
        app.jinja_env.globals["_"] = jinja_i18n_alias  # the extension's own
        try:
            app.jinja_env.cache.clear()
            theirs = render_template_string(source, **values)
        finally:
            app.jinja_env.globals["_"] = i18n.template_gettext
            app.jinja_env.cache.clear()
    assert ours == theirs
    if language == "id" and source == TEMPLATE_MESSAGES[1]:
        assert ours == "Klaim c1 &lt;b&gt;&#34;&amp;"
