"""Adding an article in the browser: by web address (fetched in a background job by the one
safe fetcher), by pasting its text, or by uploading a text or HTML file.

Pasted and uploaded articles are checked and stored at once (the same checks and one-line
errors as ``factcheck ingest``), then their claims are proposed by a job; an address is
fetched, stored and its claims proposed by a job, listed on this page until it is done.
"""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, url_for
from flask_wtf.file import FileField, FileRequired
from wtforms import SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from factcheck.articles.adding import add_parsed, read_pasted, read_upload
from factcheck.articles.ingest import MAX_INPUT_BYTES
from factcheck.errors import FactcheckError
from factcheck.jobs import status
from factcheck.models import Article
from factcheck.review.workflow import run_retrying
from factcheck.sources.urls import web_address
from factcheck.web import error_status, get_session
from factcheck.web.auth import me
from factcheck.web.i18n import TranslatedForm, error_text, gettext, lazy_gettext, ngettext
from factcheck.web.review import bp, save
from factcheck.web.review.forms import options
from factcheck.web.review.jobs import job_queue, shown_job

LANGUAGE_NAMES = {"id": lazy_gettext("Indonesian"), "en": lazy_gettext("English")}


class ArticleForm(TranslatedForm):
    """What every way of adding an article may say about it."""

    title = StringField(lazy_gettext("Title"), validators=[Optional(), Length(max=500)])
    language = SelectField(lazy_gettext("Language"), validate_choice=False)
    publisher = StringField(lazy_gettext("Publisher"), validators=[Optional(), Length(max=200)])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        languages = current_app.config["LANGUAGES"]
        self.language.choices = options(
            [("", gettext("Detect it"))] + [(c, LANGUAGE_NAMES.get(c, c)) for c in languages]
        )

    def validate_language(self, field) -> None:
        if field.data and field.data not in current_app.config["LANGUAGES"]:
            raise ValidationError(gettext("choose one of the languages offered"))

    def chosen(self) -> dict:
        """The title and language to parse with (None: from the document)."""
        return {"title": self.title.data or None, "language": self.language.data or None}


class AddressForm(ArticleForm):
    url = StringField(
        lazy_gettext("Web address of the article"),
        validators=[DataRequired(), Length(max=2000)],
        render_kw={"inputmode": "url", "placeholder": "https://"},
    )
    submit = SubmitField(lazy_gettext("Fetch and add"))


class PasteArticleForm(ArticleForm):
    text = TextAreaField(
        lazy_gettext("The article's text"),
        validators=[DataRequired(), Length(max=MAX_INPUT_BYTES)],
        render_kw={"rows": 12},
    )
    submit = SubmitField(lazy_gettext("Add the article"))


class UploadForm(ArticleForm):
    file = FileField(
        lazy_gettext("A text (.txt) or web page (.html) file, UTF-8"),
        validators=[FileRequired(lazy_gettext("This field is required."))],
    )
    submit = SubmitField(lazy_gettext("Upload and add"))


def new_article_page(**submitted) -> str:
    """The three ways to add an article, and the newest articles being fetched."""
    session = get_session()
    forms = {
        "address_form": AddressForm(formdata=None),
        "paste_form": PasteArticleForm(formdata=None),
        "upload_form": UploadForm(formdata=None),
    }
    forms.update(submitted)
    jobs = status.recent_jobs(session, limit=10, kind="ingest_url")
    return render_template(
        "review/new_article.html",
        jobs=[shown_job(status.job_status(session, job)) for job in jobs],
        upload_limit=current_app.config["MAX_CONTENT_LENGTH"],
        **forms,
    )


@bp.get("/articles/new")
def new_article():
    """The page to add an article (by paste, address or file)."""
    return new_article_page()


@bp.post("/articles/new/address")
def add_by_address():
    """Queue fetching the address; the job stores the article and proposes its claims."""
    form = AddressForm()
    if not form.validate_on_submit():
        return new_article_page(address_form=form), 400

    def submit():
        url = web_address(form.url.data)  # a one-line error unless http(s); the fetcher checks more
        params = {**form.chosen(), "publisher": form.publisher.data or None}
        job_queue().submit(get_session(), "ingest_url", user=me(), url=url, **params)

    return save(
        submit,
        lambda: gettext(
            "Fetching %(url)s: queued. The article is listed below once it is stored.",
            url=form.url.data.strip(),
        ),
        back=url_for(".new_article"),
        page=lambda: new_article_page(address_form=form),
    )


@bp.post("/articles/new/paste")
def add_by_paste():
    """Store the pasted article, then queue proposing its claims."""
    form = PasteArticleForm()
    if not form.validate_on_submit():
        return new_article_page(paste_form=form), 400
    return _add(lambda: read_pasted(form.text.data, **form.chosen()), form, paste_form=form)


@bp.post("/articles/new/file")
def add_by_file():
    """Store the uploaded text or HTML file's article, then queue proposing its claims."""
    form = UploadForm()
    if not form.validate_on_submit():
        return new_article_page(upload_form=form), 400
    upload = form.file.data
    data = upload.read(MAX_INPUT_BYTES + 1)  # read_upload refuses what is larger
    return _add(lambda: read_upload(data, upload.filename, **form.chosen()), form, upload_form=form)


def _add(parse, form: ArticleForm, **submitted):
    """Parse and store the article (nothing stored on an error: the form again with the
    message), then queue proposing its claims and go to its page."""
    session = get_session()
    try:
        parsed = parse()
        article, created = run_retrying(
            session,
            lambda: add_parsed(
                session, parsed, user=me(), publisher=form.publisher.data, extract=False
            ),
        )
    except FactcheckError as error:
        session.rollback()
        flash(error_text(error), "error")
        return new_article_page(**submitted), error_status(error)
    back = url_for(".article", slug=article.slug)
    if not created:
        flash(
            gettext(
                "This text is already stored as “%(title)s”; nothing changed.", title=article.title
            ),
            "info",
        )
        return redirect(back)
    flash(
        ngettext(
            "Article added with %(num)d cited source.",
            "Article added with %(num)d cited sources.",
            len(parsed.sources),
        ),
        "success",
    )
    _propose_claims(article)
    return redirect(back)


def _propose_claims(article: Article) -> None:
    """Queue proposing the new article's claims, and say so."""
    try:
        job_queue().submit(get_session(), "propose_claims", user=me(), article=article)
    except FactcheckError as error:
        get_session().rollback()
        message = gettext(
            "Its claims could not be proposed yet (%(error)s): use “Re-run extraction”.",
            error=error_text(error),
        )
        flash(message, "error")
        return
    flash(gettext("Its claims are being proposed: see “Background jobs” below."), "info")
