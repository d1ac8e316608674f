"""The editors' downloads in one place: every export format for a chosen selection (article,
status, changed since), one article's claim file, and the audit log."""

from __future__ import annotations

from flask import render_template, request
from wtforms import SelectField, StringField

from factcheck.articles.lookup import list_articles
from factcheck.export.stream import FORMATS
from factcheck.models import Role
from factcheck.web import get_session
from factcheck.web.auth import role_required
from factcheck.web.i18n import TranslatedForm, gettext, lazy_gettext
from factcheck.web.review import bp
from factcheck.web.review.forms import options

FORMAT_NAMES = {
    "claimreview": lazy_gettext("ClaimReview JSON-LD (for search engines and other fact-checkers)"),
    "json": lazy_gettext("JSON, the full record (evidence, passages, history)"),
    "csv": lazy_gettext("CSV, one row per claim (for spreadsheets)"),
    "markdown": lazy_gettext("Markdown report"),
    "html": lazy_gettext("HTML report (to read and print)"),
}


class SelectionForm(TranslatedForm):
    """Which claims to export: a GET form (links can be shared); no CSRF (changes nothing)."""

    class Meta:
        csrf = False

    article = SelectField(lazy_gettext("Article"), validate_choice=False)
    status = SelectField(
        lazy_gettext("Claims"),
        validate_choice=False,
        choices=options(
            [
                ("verified", lazy_gettext("Verified and published")),
                ("published", lazy_gettext("Published only")),
                ("all", lazy_gettext("All, unchecked ones included")),
            ]
        ),
    )
    since = StringField(
        lazy_gettext("Changed on or after (YYYY-MM-DD)"), render_kw={"placeholder": "2025-11-06"}
    )


@bp.get("/exports")
@role_required(Role.EDITOR)
def exports():
    """Links to every export of the chosen selection (the download checks the values)."""
    form = SelectionForm(formdata=request.args)
    articles = list_articles(get_session())
    form.article.choices = options(
        [("", gettext("Every article"))] + [(a.slug, a.title) for a in articles]
    )
    chosen = {k: request.args.get(k) for k in ("article", "status", "since") if request.args.get(k)}
    return render_template(
        "review/exports.html",
        form=form,
        formats=[(fmt, FORMAT_NAMES.get(fmt, fmt)) for fmt in FORMATS],
        chosen=chosen,
    )
