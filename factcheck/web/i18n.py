"""The interface in the reader's or the staff member's language: Flask-Babel, set up once.

``_``/``gettext``/``ngettext`` (and ``lazy_gettext`` for text defined at import time, such as
form labels) work in Python and in every template. The messages come from
factcheck/translations, read from the .po files themselves (see that package).

The language of a request, first that applies:

1. the page's own (``use_language``): readers' pages are in their article's language;
2. the logged-in staff member's choice, remembered on their user row;
3. the browser's ``Accept-Language``, among the languages with a catalogue;
4. ``DEFAULT_LANGUAGE``.
"""

from __future__ import annotations

import functools
from decimal import Decimal

from babel import Locale, dates, numbers
from babel.numbers import NumberPattern, parse_pattern
from babel.support import NullTranslations
from flask import Flask, current_app, g, request
from flask_babel import Babel, Domain, get_locale, get_translations, refresh
from flask_babel import format_date as _format_date
from flask_babel import format_datetime as _format_datetime
from flask_babel import format_decimal as _format_decimal
from flask_babel.speaklater import LazyString
from flask_login import current_user
from flask_wtf import FlaskForm
from jinja2 import pass_eval_context
from markupsafe import Markup
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

from factcheck import translations
from factcheck.messages import Message

try:  # private in Flask-Babel 4 (pinned below 5 in pyproject.toml); without it, no memo
    from flask_babel import _get_current_context as _babel_context
except ImportError:  # pragma: no cover - a Flask-Babel that renamed it
    _babel_context = None

__all__ = ["_", "gettext", "lazy_gettext", "ngettext", "TranslatedForm", "use_language"]


class _Catalogue:
    """The request's translations, with the Flask-Babel context and locale they were found for."""

    __slots__ = ("space", "locale", "translations")

    def __init__(self, space, locale: Locale | None, translations: NullTranslations) -> None:
        self.space, self.locale, self.translations = space, locale, translations


def catalogue() -> NullTranslations:
    """The translations of this request's language (the messages as written outside one).

    Flask-Babel finds them again for every message through half a dozen context-local
    lookups (6 µs: most of a message's cost, and a queue page shows hundreds of messages).
    They are kept for the request and found again only when the locale object in
    Flask-Babel's context changes: ``use_language``'s refresh, ``force_locale``."""
    if _babel_context is None:
        return get_translations()
    try:
        memo = g.factcheck_catalogue  # one context-local lookup
    except AttributeError:
        memo = None
    except RuntimeError:  # outside an application context
        return get_translations()
    if memo is not None and getattr(memo.space, "babel_locale", None) is memo.locale:
        return memo.translations
    found = get_translations()
    space = _babel_context()
    g.factcheck_catalogue = _Catalogue(space, getattr(space, "babel_locale", None), found)
    return found


def gettext(string: str, **variables) -> str:
    """``string`` in the request's language, ``%(name)s`` filled from ``variables``."""
    text = catalogue().ugettext(string)
    return text % variables if variables else text


def ngettext(singular: str, plural: str, num: int, **variables) -> str:
    """The singular or plural form for ``num`` in the request's language (``%(num)d``)."""
    variables.setdefault("num", num)
    return catalogue().ungettext(singular, plural, num) % variables


def lazy_gettext(string: str, **variables) -> LazyString:
    """``gettext`` when the text is shown (form labels and other text made at import)."""
    return LazyString(gettext, string, **variables)


def lazy_ngettext(singular: str, plural: str, num: int, **variables) -> LazyString:
    return LazyString(ngettext, singular, plural, num, **variables)


_ = gettext


class CatalogueDomain(Domain):
    """Flask-Babel's message domain, reading factcheck/translations' .po files."""

    def get_translations(self):
        locale = get_locale()
        language = locale.language if locale else translations.SOURCE_LANGUAGE
        return translations.translations(language)


class FactcheckBabel(Babel):
    """Flask-Babel with the catalogues of factcheck/translations."""

    @property
    def domain_instance(self) -> Domain:
        return _DOMAIN

    def list_translations(self) -> list[Locale]:
        return [Locale.parse(language) for language in translations.languages()]


_DOMAIN = CatalogueDomain()


def interface_language(language: str | None) -> str:
    """The interface language for a language tag ("id-ID" -> "id"); the default language
    for one without a catalogue (or none)."""
    primary = (language or "").replace("_", "-").split("-")[0].lower()
    if primary in translations.languages():
        return primary
    return current_app.config["DEFAULT_LANGUAGE"]


def select_language() -> str:
    """The language of this request (see the module's docstring)."""
    chosen = g.get("page_language")
    if chosen:
        return chosen
    if current_user and current_user.is_authenticated and current_user.row.language:
        return interface_language(current_user.row.language)
    return browser_language(request.environ) or current_app.config["DEFAULT_LANGUAGE"]


def browser_language(environ: dict) -> str | None:
    """The language with a catalogue that the request's ``Accept-Language`` prefers most,
    if any (read from the WSGI environ: the page cache keys on it, before Flask)."""
    header = environ.get("HTTP_ACCEPT_LANGUAGE")
    if not header:
        return None
    return parse_accept_header(header, LanguageAccept).best_match(translations.languages())


def use_language(language: str | None) -> str:
    """Show the rest of this request in ``language`` (a page's own, e.g. its article's);
    returns the interface language chosen for it."""
    g.page_language = interface_language(language)
    refresh()  # a message translated earlier in the request fixed the language until now
    return g.page_language


def current_language() -> str:
    """The language this request's interface is in ("id", "en")."""
    locale = get_locale()
    return locale.language if locale else current_app.config["DEFAULT_LANGUAGE"]


def format_date(value, format: str = "long") -> str:  # noqa: A002
    """A date (or a datetime's date) in the request's language: "3 Oktober 2025"."""
    if value is None:
        return ""
    return _format_date(value, format=format, rebase=False)


def format_datetime(value, format: str = "d MMM y HH:mm") -> str:  # noqa: A002
    """A time as stored (UTC) in the request's language: "4 Des 2026 17.05" in Indonesian.

    With a pattern of its own (not a name the app's settings map to one) and no rebasing, the
    text depends only on the time, the pattern and the language, so it is remembered: a claim's
    history shows the same times on every view of its page (Babel takes 20-40 µs a time)."""
    if value is None:
        return ""
    if format in _NAMED_FORMATS:
        return _format_datetime(value, format=format, rebase=False)
    return _datetime_text(value, format, get_locale())


_NAMED_FORMATS = frozenset({None, "short", "medium", "long", "full"})


def datetime_formatter(format: str = "d MMM y HH:mm"):  # noqa: A002
    """``format_datetime`` with this request's locale looked up once, for a table that shows
    many times (a claim's history): each lookup goes through Flask-Babel's context locals."""
    if format in _NAMED_FORMATS:
        return lambda value: format_datetime(value, format)
    locale = get_locale()
    return lambda value: "" if value is None else _datetime_text(value, format, locale)


@functools.lru_cache(maxsize=8192)
def _datetime_text(value, format: str, locale: Locale) -> str:  # noqa: A002
    return dates.format_datetime(value, format, locale=locale)  # as Flask-Babel, rebase=False


def format_decimal(value, format: str | None = None) -> str:  # noqa: A002
    """A number in the request's language: "1.234,5" in Indonesian, "1,234.5" in English.

    With a fixed pattern ("0.00"), Babel's answer depends only on the number rounded as the
    pattern rounds it, so that is remembered (Babel takes 20 µs a number: a millisecond for a
    queue page's 50 scores; a page repeats few rounded values)."""
    pattern = _number_pattern(format) if format else None
    if pattern is None or pattern.scale or pattern.exp_prec or not _plain_number(value):
        return _format_decimal(value, format=format)
    # the rounding Babel does (half to even, on the number's shortest decimal form)
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-pattern.frac_prec[1]))
    return _rounded_decimal(str(rounded), format, get_locale())  # str: keeps -0.00 apart


def _plain_number(value) -> bool:
    """An int or a finite float of a size Decimal rounds without leaving its context."""
    return isinstance(value, float | int) and not isinstance(value, bool) and abs(value) < 1e15


@functools.lru_cache(maxsize=64)
def _number_pattern(format: str) -> NumberPattern:  # noqa: A002
    return parse_pattern(format)


@functools.lru_cache(maxsize=4096)
def _rounded_decimal(value: str, format: str, locale: Locale) -> str:  # noqa: A002
    return numbers.format_decimal(Decimal(value), format=format, locale=locale)


class _FormTranslations:
    """WTForms' own messages ("This field is required.") through our catalogues."""

    def gettext(self, string: str) -> str:
        return gettext(string)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return ngettext(singular, plural, n)


class TranslatedForm(FlaskForm):
    """FlaskForm whose built-in validation messages are translated too: every form of the
    web shell derives from it (a test checks)."""

    class Meta(FlaskForm.Meta):
        def get_translations(self, form):
            return _FormTranslations()


def language_name(code: str) -> str:
    """A language's name in itself ("Indonesia", "English"); the code if Babel knows none."""
    try:
        return Locale.parse(code).get_display_name(code) or code
    except ValueError:
        return code


def language_names() -> list[tuple[str, str]]:
    """(code, name in itself) for every interface language, for the language switcher."""
    return [(code, language_name(code)) for code in translations.languages()]


def translate(message: str | None) -> str:
    """A message made below the web (a ``Message``: an error's, a job's result) in the
    request's language, its values too; plain text as the catalogue has it, else as it is."""
    if message is None:
        return ""
    if not isinstance(message, Message):
        return gettext(message) if message else ""
    if message.is_term:
        return term(message.template)
    params = {name: _value(value) for name, value in message.params.items()}
    if message.plural_template is not None:
        return ngettext(message.template, message.plural_template, message.count, **params)
    return gettext(message.template, **params) if params else gettext(message.template)


def stored_message(stored: str | None, english: str | None) -> str:
    """A message stored as JSON (``Message.to_json``) in the request's language; the stored
    ``english`` line when there is none (rows written before messages were stored)."""
    message = Message.from_json(stored)
    return translate(message) if message is not None else english or ""


def _value(value):
    return translate(value) if isinstance(value, Message) else value


def error_text(error: Exception) -> str:
    """A user's error (FactcheckError) as one line in the request's language."""
    message = getattr(error, "message", None)
    return translate(message) if isinstance(message, Message) else str(error)


def term(value: str | None) -> str:
    """A stored word (a status, role, state, stance, kind) in the request's language; one
    this table does not know, as it is."""
    if value is None:
        return ""
    return str(TERMS.get(value, value))


# The words stored in the database that pages show, as people say them.
TERMS = {
    "checker": lazy_gettext("checker"),
    "checked before": lazy_gettext("checked before"),  # the claim queue's archive marks
    "repeat": lazy_gettext("repeat"),
    "editor": lazy_gettext("editor"),
    "admin": lazy_gettext("admin"),
    "unverified": lazy_gettext("unverified"),
    "in_review": lazy_gettext("in review"),
    "verified": lazy_gettext("verified"),
    "published": lazy_gettext("published"),
    "queued": lazy_gettext("queued"),
    "running": lazy_gettext("running"),
    "done": lazy_gettext("done"),
    "failed": lazy_gettext("failed"),
    "suggested": lazy_gettext("suggested"),
    "confirmed": lazy_gettext("confirmed"),
    "rejected": lazy_gettext("rejected"),
    "supports": lazy_gettext("supports"),
    "contradicts": lazy_gettext("contradicts"),
    "related": lazy_gettext("related"),
    "fact": lazy_gettext("fact"),
    "opinion": lazy_gettext("opinion"),
    "fetched": lazy_gettext("fetched"),
    "refused": lazy_gettext("refused"),
    "pasted": lazy_gettext("pasted"),
    "supported": lazy_gettext("supported"),
    "contradicted": lazy_gettext("contradicted"),
    "not addressed": lazy_gettext("not addressed"),
    "not read": lazy_gettext("not read"),
    # a claim's history
    "create": lazy_gettext("created"),
    "status": lazy_gettext("status"),
    "verdict": lazy_gettext("verdict"),
    "rationale": lazy_gettext("rationale"),
    "no_source": lazy_gettext("why no source"),
    "correction": lazy_gettext("correction"),
    "correction_proposed": lazy_gettext("correction proposed"),
    "correction_approved": lazy_gettext("correction approved"),
    "correction_rejected": lazy_gettext("correction rejected"),
    "evidence": lazy_gettext("evidence"),
    "edit": lazy_gettext("wording edited"),
    "split": lazy_gettext("split"),
    "merge": lazy_gettext("merged"),
    "assign": lazy_gettext("assigned"),
    "delete": lazy_gettext("deleted"),
    "restore": lazy_gettext("restored"),
    "source_change_reviewed": lazy_gettext("source change looked at"),
    # the audit log's actions
    "article.ingest": lazy_gettext("article added"),
    "source.add": lazy_gettext("source added"),
    "source.fetch": lazy_gettext("source fetched"),
    "source.paste": lazy_gettext("source text pasted"),
    "snapshot.add": lazy_gettext("copy archived"),
    "import": lazy_gettext("file imported"),
    "import_feed": lazy_gettext("ClaimReview feed imported"),
    "user.add": lazy_gettext("user added"),
    "user.invite": lazy_gettext("user invited"),
    "user.role": lazy_gettext("role changed"),
    "user.enable": lazy_gettext("user enabled"),
    "user.disable": lazy_gettext("user disabled"),
    "user.unlock": lazy_gettext("user unlocked"),
    "user.password": lazy_gettext("password set"),
}

# WTForms' messages that our forms can show, so that the catalogues carry them.
WTFORMS_MESSAGES = (
    lazy_gettext("This field is required."),
    lazy_gettext("Not a valid choice."),
    lazy_gettext("Not a valid integer value."),
    lazy_gettext("Invalid Choice: could not coerce."),
    lazy_gettext("Number must be at least %(min)s."),
    lazy_gettext("Number must be at most %(max)s."),
    lazy_gettext("Number must be between %(min)s and %(max)s."),
    lazy_gettext("Field must be between %(min)d and %(max)d characters long."),
    lazy_ngettext(
        "Field must be at least %(min)d character long.",
        "Field must be at least %(min)d characters long.",
        1,
    ),
    lazy_ngettext(
        "Field cannot be longer than %(max)d character.",
        "Field cannot be longer than %(max)d characters.",
        1,
    ),
)


def _template_globals() -> dict:
    """Helpers every template (and every imported macro) can call."""
    return {
        "term": term,
        "translate": translate,
        "stored_message": stored_message,
        "current_language": current_language,
        "language_names": language_names,
        "language_name": language_name,
        "format_datetime": format_datetime,
        "format_date": format_date,
        "format_decimal": format_decimal,
    }


@pass_eval_context
def template_gettext(eval_ctx, string: str, **variables):
    """``_()`` in a template, as Jinja's i18n extension (new style) gives it: the message in
    the request's language, Markup when the template escapes, always read as a %-format
    (``%(name)s`` filled, the variables escaped; ``%%`` a percent sign). The extension's own
    ``_`` looks the ``gettext`` global up and goes through two context calls per message
    (about 6 µs; a claim page shows about 50); this is one call."""
    text = catalogue().ugettext(string)
    if eval_ctx.autoescape:
        text = Markup(text)
    return text % variables if "%" in text else text  # without a %, ``%`` changes nothing


def init_app(app: Flask) -> None:
    """Set up Flask-Babel on ``app``: catalogues, language selection, template helpers."""
    app.config.setdefault("DEFAULT_LANGUAGE", "en")
    app.config["BABEL_DEFAULT_LOCALE"] = app.config["DEFAULT_LANGUAGE"]
    FactcheckBabel(app, locale_selector=select_language)
    # the templates' _(), ngettext() ... through the request's catalogue (see catalogue())
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: catalogue().ugettext(s),
        ngettext=lambda s, p, n: catalogue().ungettext(s, p, n),
        pgettext=lambda c, s: catalogue().upgettext(c, s),
        npgettext=lambda c, s, p, n: catalogue().unpgettext(c, s, p, n),
        newstyle=True,
    )
    app.jinja_env.globals["_"] = template_gettext
    # {% trans %} blocks are read with their whitespace collapsed, as the extractor reads them
    app.jinja_env.policies["ext.i18n.trimmed"] = True
    app.jinja_env.globals.update(_template_globals())
