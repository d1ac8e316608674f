"""Readers' pages (verdicts, methodology, error reports) and the editors' report queue."""

from __future__ import annotations

import functools
import io
from datetime import datetime
from pathlib import Path

from flask import (
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)

from factcheck import translations
from factcheck.errors import InputError
from factcheck.models import Role
from factcheck.publishing.corrections import corrections_log, corrections_stamp
from factcheck.publishing.feedback import TooManyReports, close_report, list_open, submit_report
from factcheck.publishing.markup import script_json
from factcheck.publishing.shareimage import share_image
from factcheck.publishing.verdicts import (
    VerdictPage,
    article_stamp,
    claim_stamp,
    front_page_stamp,
    load_article_page,
    load_index,
)
from factcheck.review.ratings import DEFAULT_SCALE
from factcheck.web import get_session
from factcheck.web.auth import me, role_required
from factcheck.web.i18n import _, error_text
from factcheck.web.public import bp
from factcheck.web.public.forms import CloseReportForm, ReportForm
from factcheck.web.public.pagecache import serve
from factcheck.web.public.rendering import (
    absolute_url,
    claim_reviews,
    helpers_for,
    last_correction,
    rating_scale,
    share_card,
)

SHARE_MAX_AGE = 3600  # a corrected verdict draws a new image (its address stays the same)


@bp.get("/")
def index():
    """Articles with published verdicts, newest first, each with its verdict summary."""
    return serve("index", front_page_stamp, _index_page)


def _index_page() -> tuple[str, datetime | None]:
    entries, last_modified = load_index(get_session())
    return render_template("public/index.html", entries=entries, h=helpers_for()), last_modified


def _page_or_404(slug: str, key: str | None = None) -> VerdictPage:
    page = load_article_page(get_session(), slug, key)
    if page is None:
        abort(404)  # unknown, unpublished or deleted: readers cannot tell them apart
    return page


@bp.get("/articles/<slug>")
def article(slug: str):
    """An article's verdict page: summary of verdicts, then each published claim."""
    return serve(
        ("article", slug),
        functools.partial(article_stamp, slug=slug),
        lambda: _article_page(slug),
    )


def _article_page(slug: str) -> tuple[str, datetime]:
    page = _page_or_404(slug)
    h = helpers_for(page)
    return render_template(
        "public/article.html",
        page=page,
        h=h,
        jsonld=script_json(claim_reviews(page)),
        canonical=absolute_url("public.article", slug=slug),
        share_url=_share_url(page, h),
    ), page.last_modified


def _share_url(page: VerdictPage, h) -> str | None:
    """The absolute address of the share image of the page's first rated claim, if any."""
    for item in page.claims:
        if h.badge(item.claim.verdict) is not None:
            return absolute_url("public.share", slug=page.article.slug, key=item.claim.key)
    return None


@bp.get("/articles/<slug>/claims/<key>")
def claim(slug: str, key: str):
    """One claim's verdict page: the stable URL ClaimReview points to. It shares its
    article's stamp; a change to another claim of the article does not re-render it."""
    return serve(
        ("article", slug),
        functools.partial(article_stamp, slug=slug),
        lambda: _claim_page(slug, key),
        own=functools.partial(claim_stamp, slug=slug, key=key),
    )


def _claim_page(slug: str, key: str) -> tuple[str, datetime]:
    page = _page_or_404(slug, key)
    h = helpers_for(page)
    reviews = claim_reviews(page)
    return render_template(
        "public/claim.html",
        page=page,
        item=page.claims[0],
        h=h,
        jsonld=script_json(reviews[0] if reviews else {}),
        corrected_at=last_correction(page.claims[0]),
        canonical=absolute_url("public.claim", slug=slug, key=key),
        share_url=_share_url(page, h),
    ), page.last_modified


@bp.get("/articles/<slug>/claims/<key>/share.png")
def share(slug: str, key: str):
    """The verdict's share image (PNG, og:image), drawn once and then served from disk."""
    page = _page_or_404(slug, key)
    card = share_card(page, helpers_for(page))
    if card is None:
        abort(404)
    path = share_image(card, Path(current_app.instance_path) / "share-images")
    return send_file(
        io.BytesIO(path.read_bytes()),  # read whole: no file handle outlives the request
        mimetype="image/png",
        etag=card.key(),
        max_age=SHARE_MAX_AGE,
        conditional=True,
    )


@bp.get("/methodology")
def methodology():
    """How claims are checked, rated, signed off, corrected and archived."""
    # Nothing in the database shows here: the page changes only with the settings.
    return serve(
        "methodology",
        lambda _connection: "unchanged",
        lambda: (
            render_template(
                "public/methodology.html",
                h=helpers_for(),
                scale=rating_scale(),
                languages=translations.languages(),
                default_scale=DEFAULT_SCALE,
            ),
            None,
        ),
    )


@bp.get("/corrections")
def corrections():
    """Every correction and retraction, newest first, with dates and notes."""
    return serve(
        "corrections",
        corrections_stamp,
        lambda: (
            render_template(
                "public/corrections.html",
                entries=corrections_log(get_session()),
                h=helpers_for(),
            ),
            None,
        ),
    )


@bp.route("/articles/<slug>/report", methods=["GET", "POST"])
@bp.route("/articles/<slug>/claims/<key>/report", methods=["GET", "POST"])
def report(slug: str, key: str | None = None):
    """The "report an error" form; a sent report goes to the editors' queue."""
    page = _page_or_404(slug, key)
    h = helpers_for(page)
    form = ReportForm()
    status, headers = 200, {}
    if form.validate_on_submit():
        try:
            _submit(page, key, form)
        except TooManyReports as error:
            form.message.errors = [error_text(error)]
            status, headers = 429, {"Retry-After": str(error.retry_after)}
        except InputError as error:
            form.message.errors = [error_text(error)]
            status = 400
        else:
            flash(_("Thank you. Your report is with our editors."), "success")
            if key:
                return redirect(url_for("public.claim", slug=slug, key=key), 303)
            return redirect(url_for("public.article", slug=slug), 303)
    elif form.is_submitted():
        status = 400
    return (
        render_template("public/report.html", page=page, form=form, h=h, key=key),
        status,
        headers,
    )


def _submit(page: VerdictPage, key: str | None, form: ReportForm) -> None:
    session = get_session()
    submit_report(
        session,
        article=page.article,
        claim=page.claims[0].claim if key else None,
        message=form.message.data,
        contact=form.contact.data,
        client_address=request.remote_addr or "unknown",
        limiter=current_app.extensions["factcheck.report_limiter"],
    )
    session.commit()


@bp.get("/reports")
@role_required(Role.EDITOR)
def reports():
    """The editors' queue of open error reports."""
    return render_template("public/reports.html", items=list_open(get_session()))


@bp.post("/reports/<int:report_id>/close")
@role_required(Role.EDITOR)
def close(report_id: int):
    """Mark one report handled, then back to the queue."""
    if not CloseReportForm().validate_on_submit():
        abort(400)
    session = get_session()
    close_report(session, report_id, user=me())
    session.commit()
    flash(_("Report %(number)s marked handled.", number=report_id), "success")
    return redirect(url_for("public.reports"), 303)
