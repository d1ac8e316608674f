"""The article page: the text with its claims highlighted in place; adding, merging and
re-extracting claims; deleted claims, restorable."""

from __future__ import annotations

from flask import flash, render_template, url_for

from factcheck.articles.lookup import article_claims
from factcheck.errors import InputError
from factcheck.jobs.status import article_jobs, job_status
from factcheck.models import Article, Claim
from factcheck.review import editing
from factcheck.review.hints import article_coverage, claim_hints
from factcheck.review.previews import preview_merge, preview_reextract
from factcheck.sources.cited import sources_with_latest
from factcheck.web import get_session
from factcheck.web.auth import me
from factcheck.web.i18n import _, error_text
from factcheck.web.review import bp, get_article_or_404, save
from factcheck.web.review import forms as f
from factcheck.web.review.claimview import KINDS, SNAPSHOT_KINDS, STATUSES
from factcheck.web.review.confirm import ask_first
from factcheck.web.review.highlight import segments
from factcheck.web.review.jobs import shown_job, start_job


def claim_marks(claims: list[Claim]) -> list:
    """Marks for the article text: each live claim's span, linking to the claim."""
    return [(c.start, c.end, c.status, str(c.id)) for c in claims if c.end > c.start]


def article_page(article: Article, **submitted) -> str:
    """The article page; ``submitted`` forms (after an error) replace the fresh ones."""
    session = get_session()
    claims = article_claims(session, article=article)
    live = [c for c in claims if c.deleted_at is None]
    # opinions, hedged statements and low-scoring proposals go below the facts
    shown = [c for c in live if c.checkworthy or c.status != "unverified"]
    below = [c for c in live if c not in shown]
    forms = {
        "add_form": f.AddClaimForm(formdata=None),
        "merge_form": f.MergeForm(formdata=None),
        "reextract_form": f.ReextractForm(formdata=None),
        "source_form": f.AddSourceForm(formdata=None),
        "button_form": f.ButtonForm(formdata=None),
        "paste_form": f.PasteForm(formdata=None),
    }
    forms.update(submitted)
    deleted = [
        (c, f.RestoreForm(formdata=None, version=c.version))
        for c in claims
        if c.deleted_at is not None
    ]
    return render_template(
        "review/article.html",
        article=article,
        claims=shown,
        below=below,
        deleted=deleted,
        text=segments(article.text, claim_marks([c for c in live if c.section != "headline"])),
        sources=sources_with_latest(session, article.id, with_text=True),
        hints=claim_hints(session, live),
        jobs=[shown_job(job_status(session, job)) for job in article_jobs(session, article.id)],
        statuses=STATUSES,
        kinds=KINDS,
        snapshot_kinds=SNAPSHOT_KINDS,
        **forms,
    )


@bp.get("/articles/<slug>")
def article(slug: str):
    """The article with its claims in place, the claim list, sources and deleted claims."""
    return article_page(get_article_or_404(slug))


@bp.get("/articles/<slug>/coverage")
def coverage(slug: str):
    """Citation coverage for the editor: each claim supported, contradicted or not addressed
    by the article's cited sources."""
    found = article_coverage(get_session(), get_article_or_404(slug))
    return render_template("review/coverage.html", coverage=found, article=found.article)


@bp.post("/articles/<slug>/claims")
def add_claim(slug: str):
    """Add a claim typed in, or chosen in the text (from/to)."""
    article = get_article_or_404(slug)
    form = f.AddClaimForm()
    if not form.validate_on_submit():
        return article_page(article, add_form=form), 400
    added = []

    def change():
        added.append(
            editing.add_claim(
                get_session(),
                article,
                user=me(),
                text=form.text.data,
                start=form.start.data,
                end=form.end.data,
                request_id=form.request_id.data,
            )
        )

    return save(
        change,
        lambda: _("Claim %(key)s added.", key=added[0].key),
        back=url_for(".article", slug=slug),
        page=lambda: article_page(article, add_form=form),
    )


@bp.post("/articles/<slug>/merge")
def merge(slug: str):
    """Merge the ticked claims into the first of them."""
    article = get_article_or_404(slug)
    form = f.MergeForm()
    try:
        preview = preview_merge(get_session(), article, list(form.versions()))
    except InputError as error:
        flash(error_text(error), "error")
        return article_page(article), 400
    asking = ask_first("merge", preview, back=url_for(".article", slug=slug))
    if asking is not None:
        return asking
    return save(
        lambda: editing.merge_ticked_claims(
            get_session(), article, form.versions(), user=me(), request_id=form.request_id.data
        ),
        _("Claims merged; the others are listed as deleted."),
        back=url_for(".article", slug=slug),
        page=lambda: article_page(article),
    )


@bp.post("/articles/<slug>/reextract")
def reextract(slug: str):
    """Queue proposing claims again; reviewed claims stay, untouched proposals may be
    replaced."""
    article = get_article_or_404(slug)
    form = f.ReextractForm()
    if not form.validate_on_submit():
        return article_page(article, reextract_form=form), 400
    preview = preview_reextract(get_session(), article)
    asking = ask_first("reextract", preview, back=url_for(".article", slug=slug))
    if asking is not None:
        return asking
    return start_job(
        "reextract",
        article,
        lambda: article_page(article, reextract_form=form),
        min_score=float(form.min_score.data),
    )
