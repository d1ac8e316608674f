"""The fact-checkers' workspace: dashboard, articles, the claim queue and the claim page.

Everything here needs a login. A view reads the request, calls one domain function
(factcheck.review.workflow, editing and evidence) through ``save``, which commits, flashes
and redirects (POST-redirect-GET); a stale version gets the conflict page, other user errors
the same page again with the message and everything typed still in the form.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, abort, flash, redirect, render_template, request
from flask_login import current_user

from factcheck.articles.lookup import article_by_slug
from factcheck.errors import FactcheckError, StaleClaim
from factcheck.models import Article, Claim
from factcheck.review import workflow
from factcheck.review.claimpage import load_conflict
from factcheck.web import error_status, get_session
from factcheck.web.auth import login_manager
from factcheck.web.i18n import _, error_text

bp = Blueprint("review", __name__, url_prefix="/review")


@bp.before_request
def _login_required():
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    return None


def get_claim_or_404(claim_id: int, *, deleted: bool = True) -> Claim:
    """The claim with this id (deleted ones too unless ``deleted=False``), else a 404."""
    claim = get_session().get(Claim, claim_id)
    if claim is None or (not deleted and claim.deleted_at is not None):
        abort(404)
    return claim


def get_article_or_404(slug: str) -> Article:
    """The article with this slug, else a 404."""
    article = article_by_slug(get_session(), slug=slug)
    if article is None:
        abort(404)
    return article


def save(
    change: Callable[[], object],
    done: str | Callable[[], str],
    *,
    back: str,
    page: Callable[[], str],
    claim: Claim | None = None,
    form=None,
    category: str | Callable[[], str] = "success",
):
    """Run one domain change, commit, flash ``done`` (or what it returns; as ``category``)
    and redirect to ``back``.

    StaleClaim: the conflict page (409) with both versions, unless this very form was saved
    meanwhile (a double click). Another user error: ``page()`` again (the submitted form
    still filled in) with the message, and nothing saved.
    """
    session = get_session()
    try:
        workflow.run_retrying(session, change)
    except StaleClaim as error:
        session.rollback()
        if form is not None and workflow.already_done(session, form.request_id.data):
            flash(_("Saved.") if callable(done) else done, "success")  # the first click's work
            return redirect(back)
        if claim is None or form is None:
            flash(error_text(error), "error")
            return redirect(back)
        return conflict(claim, form), 409
    except FactcheckError as error:
        session.rollback()
        flash(error_text(error), "error")
        return page(), error_status(error)
    flash(done() if callable(done) else done, category() if callable(category) else category)
    return redirect(back)


def conflict(claim: Claim, form) -> str:
    """The page for a save refused because someone else saved the claim first.

    It shows the current claim and recent history next to what this person sent, in a form
    that applies it again on top of the current version (with a new request id).
    """
    from factcheck.web.review.forms import new_request_id

    now = load_conflict(get_session(), claim=claim)
    sent_version = form.version.data
    form.version.data = str(claim.version)
    form.request_id.data = new_request_id()
    return render_template(
        "review/conflict.html",
        claim=claim,
        form=form,
        action=request.path,
        sent_version=sent_version,
        recent=now.recent,
        assignee=now.assignee,
    )


from factcheck.web.review import (  # noqa: E402,F401
    articles,
    audit,
    claims,
    dashboard,
    earlier,
    exports,
    jobs,
    newarticle,
    sources,
    users,
    wording,
)
