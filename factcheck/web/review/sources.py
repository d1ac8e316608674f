"""Managing an article's sources: add by address, paste text, fetch, match against claims.

Fetching, snapshots and matching live in factcheck.sources and factcheck.evidence; these views
only call them.
"""

from __future__ import annotations

from flask import abort, current_app, flash, url_for

from factcheck import editing
from factcheck.models import Article, Source
from factcheck.web import get_session
from factcheck.web.auth import me
from factcheck.web.review import bp, get_article_or_404, save
from factcheck.web.review import forms as f
from factcheck.web.review.articles import article_page


def _source_or_404(source_id: int) -> tuple[Source, Article]:
    session = get_session()
    source = session.get(Source, source_id)
    if source is None:
        abort(404)
    return source, session.get(Article, source.article_id)


def _back(article: Article) -> str:
    return url_for(".article", slug=article.slug, _anchor="sources")


@bp.post("/articles/<slug>/sources")
def add_source(slug: str):
    """Add a source by its web address."""
    article = get_article_or_404(slug)
    form = f.AddSourceForm()
    if not form.validate_on_submit():
        return article_page(article, source_form=form), 400
    return save(lambda: editing.add_source(get_session(), article, form.url.data, user=me(),
                                           title=form.title.data),
                "Source added; fetch it to archive its text.", back=_back(article),
                page=lambda: article_page(article, source_form=form))


@bp.post("/sources/<int:source_id>/paste")
def paste(source_id: int):
    """Save text a checker copied from the source (for pages that cannot be fetched)."""
    from factcheck import sources

    source, article = _source_or_404(source_id)
    form = f.PasteForm()
    if not form.validate_on_submit():
        return article_page(article, paste_form=form, paste_for=source.id), 400
    return save(lambda: sources.paste_text(get_session(), source, form.text.data, user=me()),
                "Pasted text saved as a snapshot.", back=_back(article),
                page=lambda: article_page(article, paste_form=form, paste_for=source.id))


@bp.post("/sources/<int:source_id>/fetch")
def fetch(source_id: int):
    """Fetch the source now and archive what came back."""
    from factcheck import sources

    source, article = _source_or_404(source_id)
    settings = sources.FetchSettings.from_config(current_app.config)
    response = save(lambda: sources.fetch_source(get_session(), source, settings),
                    "Source fetched.", back=_back(article), page=lambda: article_page(article))
    if source.fetch_status and source.fetch_status != "ok":
        flash(f"Fetching gave: {source.fetch_status}. {source.fetch_error or ''}", "error")
    return response


@bp.post("/articles/<slug>/match")
def match(slug: str):
    """Match the article's claims against its sources' passages (new suggestions)."""
    from factcheck import evidence

    article = get_article_or_404(slug)
    return save(lambda: evidence.match_article(get_session(), article),
                "Claims matched against the sources; see each claim's evidence.",
                back=url_for(".article", slug=slug, _anchor="claims"),
                page=lambda: article_page(article))
