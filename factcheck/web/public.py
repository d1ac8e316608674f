"""Readers' pages: articles and their claims. (Grows into the verdict pages.)"""

from __future__ import annotations

from flask import Blueprint, abort, render_template
from sqlalchemy import func
from sqlmodel import select

from factcheck.models import Article, Claim
from factcheck.web import get_session

bp = Blueprint("public", __name__)


@bp.get("/")
def index():
    """Every article with its number of claims per status."""
    session = get_session()
    articles = session.exec(select(Article).order_by(Article.created_at.desc())).all()
    counts: dict[int, dict[str, int]] = {}
    rows = session.exec(select(Claim.article_id, Claim.status, func.count()).where(
        Claim.deleted_at.is_(None)).group_by(Claim.article_id, Claim.status)).all()
    for article_id, status, count in rows:
        counts.setdefault(article_id, {})[status] = count
    return render_template("public/index.html", articles=articles, counts=counts)


@bp.get("/articles/<slug>")
def article(slug: str):
    """One article and its claims with their status."""
    session = get_session()
    found = session.exec(select(Article).where(Article.slug == slug)).first()
    if found is None:
        abort(404)
    claims = session.exec(select(Claim).where(Claim.article_id == found.id,
                                              Claim.deleted_at.is_(None))
                          .order_by(Claim.position)).all()
    return render_template("public/article.html", article=found, claims=claims)
