"""Managing an article's sources: add by address, paste text, fetch, match against claims.

Fetching, snapshots and matching live in factcheck.sources and factcheck.matching; these
views only call them.
"""

from __future__ import annotations

from flask import abort, current_app, url_for

from factcheck.matching.suggest import match_article
from factcheck.models import Article, Source
from factcheck.sources import cited
from factcheck.sources.fetch import FetchSettings
from factcheck.sources.snapshots import fetch_source, paste_text
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
    return save(
        lambda: cited.add_source(
            get_session(), article, form.url.data, user=me(), title=form.title.data
        ),
        "Source added; fetch it to archive its text.",
        back=_back(article),
        page=lambda: article_page(article, source_form=form),
    )


def outcome_message(outcome) -> str:
    """One line for a sources.SnapshotOutcome: what fetching or pasting did."""
    if outcome.status != "ok":
        return (
            f"Could not fetch “{outcome.source.title}”: {outcome.error or outcome.status}. "
            "Paste its text instead if the site refuses us."
        )
    if outcome.unchanged:
        return f"“{outcome.source.title}” has not changed since the last copy; nothing new saved."
    return f"Saved a new copy of “{outcome.source.title}”."


@bp.post("/sources/<int:source_id>/paste")
def paste(source_id: int):
    """Save text a checker copied from the source (for pages that cannot be fetched)."""
    source, article = _source_or_404(source_id)
    form = f.PasteForm()
    if not form.validate_on_submit():
        return article_page(article, paste_form=form, paste_for=source.id), 400
    done = []
    return save(
        lambda: done.append(paste_text(get_session(), source, form.text.data, user=me())),
        lambda: outcome_message(done[0]),
        back=_back(article),
        page=lambda: article_page(article, paste_form=form, paste_for=source.id),
    )


@bp.post("/sources/<int:source_id>/fetch")
def fetch(source_id: int):
    """Fetch the source now and archive what came back (a failure is recorded on it)."""
    source, article = _source_or_404(source_id)
    settings = FetchSettings.from_config(current_app.config)
    done = []
    # a failed fetch is recorded on the source, not raised: it is shown as an error all the same
    return save(
        lambda: done.append(fetch_source(get_session(), source, settings, actor=me())),
        lambda: outcome_message(done[0]),
        back=_back(article),
        page=lambda: article_page(article),
        category=lambda: "success" if done[0].status == "ok" else "error",
    )


@bp.post("/articles/<slug>/match")
def match(slug: str):
    """Match the article's claims against its sources' passages (new suggestions)."""
    article = get_article_or_404(slug)
    done = []

    def summary() -> str:
        found = done[0]
        claims = f"{len(found.claims)} claim{'' if len(found.claims) == 1 else 's'}"
        return (
            f"Matched {claims} against {found.passages} passages: "
            f"{found.stored} suggestions stored, {len(found.unsupported)} claims without a "
            "supporting passage. See each claim's evidence."
        )

    return save(
        lambda: done.append(match_article(get_session(), article)),
        summary,
        back=url_for(".article", slug=slug, _anchor="claims"),
        page=lambda: article_page(article),
    )
