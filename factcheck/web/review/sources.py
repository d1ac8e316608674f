"""Managing an article's sources: add by address, paste text, fetch, match against claims.

Adding and pasting happen here; fetching and matching take time, so these buttons queue a
job (factcheck.jobs) and return at once.
"""

from __future__ import annotations

from flask import abort, url_for

from factcheck.models import Article, Source
from factcheck.sources import cited
from factcheck.sources.snapshots import paste_text
from factcheck.web import get_session
from factcheck.web.auth import me
from factcheck.web.i18n import _
from factcheck.web.review import bp, get_article_or_404, save
from factcheck.web.review import forms as f
from factcheck.web.review.articles import article_page
from factcheck.web.review.jobs import job_queue, start_job


def _source_or_404(source_id: int) -> tuple[Source, Article]:
    session = get_session()
    source = session.get(Source, source_id)
    if source is None:
        abort(404)
    return source, session.get(Article, source.article_id)


def _back(article: Article) -> str:
    return url_for(".article", slug=article.slug)


@bp.post("/articles/<slug>/sources")
def add_source(slug: str):
    """Add a source by its web address."""
    article = get_article_or_404(slug)
    form = f.AddSourceForm()
    if not form.validate_on_submit():
        return article_page(article, source_form=form), 400
    return save(
        lambda: cited.add_source(
            get_session(), article, form.url.data, user=me(), title=form.title.data
        ),
        _("Source added; fetch it to archive its text."),
        back=_back(article),
        page=lambda: article_page(article, source_form=form),
    )


@bp.post("/sources/<int:source_id>/paste")
def paste(source_id: int):
    """Save text a checker copied from the source (for pages that cannot be fetched)."""
    source, article = _source_or_404(source_id)
    form = f.PasteForm()
    if not form.validate_on_submit():
        return article_page(article, paste_form=form, paste_for=source.id), 400
    done = []

    def paste_and_queue_embedding() -> None:
        done.append(paste_text(get_session(), source, form.text.data, user=me()))
        if done[0].snapshot is not None:  # its passages are embedded off the request
            job_queue().submit(get_session(), "embed_sources", user=me(), article=article)

    return save(
        paste_and_queue_embedding,
        lambda: done[0].describe(),
        back=_back(article),
        page=lambda: article_page(article, paste_form=form, paste_for=source.id),
    )


@bp.post("/sources/<int:source_id>/fetch")
def fetch(source_id: int):
    """Queue a fetch of this source (a failure is recorded on it and shown as the job's)."""
    source, article = _source_or_404(source_id)
    return start_job("fetch_sources", article, lambda: article_page(article), source_id=source.id)


@bp.post("/articles/<slug>/fetch")
def fetch_all(slug: str):
    """Queue a fetch of every source of the article that has a web address."""
    article = get_article_or_404(slug)
    return start_job("fetch_sources", article, lambda: article_page(article))


@bp.post("/articles/<slug>/match")
def match(slug: str):
    """Queue matching the article's claims against its sources' passages (new suggestions);
    while one runs, another click shows it instead of starting a second."""
    article = get_article_or_404(slug)
    return start_job("match_article", article, lambda: article_page(article))
