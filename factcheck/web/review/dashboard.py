"""The dashboard (articles with their progress, my claims) and the claim queue."""

from __future__ import annotations

from flask import current_app, jsonify, render_template, request

from factcheck.archive.earlier import queue_marks
from factcheck.models import ClaimStatus, Role
from factcheck.review.dashboard import load_dashboard
from factcheck.review.pagination import page_number
from factcheck.review.queue import ClaimQueue, QueueFilters, find_articles, load_queue
from factcheck.review.verdict_changes import pending_corrections
from factcheck.review.workflow import has_role
from factcheck.web import get_session
from factcheck.web.auth import me
from factcheck.web.i18n import _, term
from factcheck.web.review import bp
from factcheck.web.review import forms as f
from factcheck.web.review.claimview import assignee_choices
from factcheck.web.review.wording import hint_line

ARTICLES_PER_PAGE = 20


@bp.get("/")
def dashboard():
    """Articles, newest first, with their progress; and the claims assigned to me."""
    found = load_dashboard(
        get_session(),
        user_id=me().id,
        page=page_number(request.args.get("page")),
        per_page=ARTICLES_PER_PAGE,
    )
    return render_template(
        "review/dashboard.html",
        page=found.page,
        mine=found.mine,
        titles=found.titles,
        progress=found.progress,
        scale=current_app.extensions["factcheck.ratings"],
        corrections=pending_corrections(get_session()) if has_role(me(), Role.EDITOR) else [],
    )


def queue_filters(form: f.QueueForm) -> QueueFilters:
    """The filters the queue form asks for, with the page from the query string."""
    return QueueFilters(
        show=form.show.data or "",
        status=form.status.data or "",
        verdict=form.verdict.data or "",
        article=form.article.data or "",
        assignee=form.assignee.data or "",
        text=form.q.data or "",
        contradicted=bool(form.contradicted.data),
        sort=form.sort.data or "updated",
        page=page_number(request.args.get("page")),
        per_page=current_app.config["CLAIMS_PER_PAGE"],
    )


def fill_choices(form: f.QueueForm, found: ClaimQueue) -> None:
    """Give the queue form's selects their options."""
    scale = current_app.extensions["factcheck.ratings"]
    form.status.choices = f.options(
        [("", _("Any"))] + [(s.value, term(s.value)) for s in ClaimStatus]
    )
    form.verdict.choices = f.options(
        [("", _("Any")), ("none", _("No verdict yet"))] + scale.choices()
    )
    form.assignee.choices = f.options(
        [("", _("Anyone")), ("me", _("Me")), ("none", _("Nobody"))]
        + [(name, name) for _, name in found.people.active]
    )


@bp.get("/claims")
def queue():
    """Claims filtered by status, verdict, article, assignee and text; sorted; paginated."""
    form = f.QueueForm(formdata=request.args)
    found = load_queue(get_session(), filters=queue_filters(form), viewer_id=me().id)
    fill_choices(form, found)
    page = found.page
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    # One assign form lends every row its CSRF token (one per session, not per form); each
    # row writes its version and a fresh request id beside it, and its menu comes from
    # assignee_menus (drawn once per assignee shown): building a WTForms form per row cost
    # more than the rest of the row.
    request_ids = {c.id: f.new_request_id() for c in page.items}
    return render_template(
        "review/queue.html",
        form=form,
        # the typed words' articles, for the datalist without script (at most a few)
        article_options=find_articles(get_session(), form.article.data or ""),
        page=page,
        articles=found.articles,
        args=args,
        names=found.people.names,
        assign_form=f.AssignForm(formdata=None),
        request_ids=request_ids,
        assignee_menus=f.SelectOptions(assignee_choices(found.people)),
        hints=found.hints,
        # each line once: the claims of an article mostly share their hint
        hint_lines={hint: hint_line(hint) for hint in set(found.hints.values())},
        earlier_marks=queue_marks(get_session(), [c.id for c in page.items]),
        scale=current_app.extensions["factcheck.ratings"],
    )


@bp.get("/claims/articles")
def queue_articles():
    """The article filter's typeahead: ``{"articles": [{"slug", "title"}, ...]}``, at most a
    few, whose title or slug hold every word of ``q``."""
    found = find_articles(get_session(), request.args.get("q", "")[:200])
    return jsonify({"articles": [{"slug": slug, "title": title} for slug, title in found]})
