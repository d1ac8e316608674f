"""The dashboard (articles with their progress, my claims) and the claim queue."""

from __future__ import annotations

from flask import current_app, render_template, request
from sqlalchemy import func
from sqlmodel import Session, select

from factcheck.models import Article, Claim, ClaimStatus, Role, User
from factcheck.review.search import claim_text_filter
from factcheck.review.verdict_changes import pending_corrections
from factcheck.review.workflow import has_role
from factcheck.web import get_session
from factcheck.web.auth import me
from factcheck.web.review import bp
from factcheck.web.review import forms as f
from factcheck.web.review.claimview import assignee_choices
from factcheck.web.review.pagination import page_number, paginate

ARTICLES_PER_PAGE = 20
SORTS = {
    "updated": (Claim.updated_at.desc(), Claim.id.desc()),
    "position": (Claim.article_id, Claim.position, Claim.id),
    "score": (Claim.score.desc(), Claim.id),
}


def progress(session: Session, article_ids: list[int]) -> dict[int, dict]:
    """Per article: live claims per status and per verdict, their total, and how many are done
    (verified or published)."""
    out = {i: {"status": {}, "verdict": {}, "total": 0, "done": 0} for i in article_ids}
    live = (Claim.article_id.in_(article_ids), Claim.deleted_at.is_(None))
    for article_id, status, count in session.exec(
        select(Claim.article_id, Claim.status, func.count())
        .where(*live)
        .group_by(Claim.article_id, Claim.status)
    ):
        out[article_id]["status"][status] = count
        out[article_id]["total"] += count
        if status in (ClaimStatus.VERIFIED, ClaimStatus.PUBLISHED):
            out[article_id]["done"] += count
    for article_id, verdict, count in session.exec(
        select(Claim.article_id, Claim.verdict, func.count())
        .where(*live, Claim.verdict.is_not(None))
        .group_by(Claim.article_id, Claim.verdict)
    ):
        out[article_id]["verdict"][verdict] = count
    return out


@bp.get("/")
def dashboard():
    """Articles, newest first, with their progress; and the claims assigned to me."""
    session = get_session()
    page = paginate(
        session,
        select(Article).order_by(Article.created_at.desc(), Article.id.desc()),
        page_number(request.args.get("page")),
        ARTICLES_PER_PAGE,
    )
    mine = session.exec(
        select(Claim)
        .where(
            Claim.assignee_id == me().id,
            Claim.deleted_at.is_(None),
            Claim.status != ClaimStatus.PUBLISHED,
        )
        .order_by(Claim.updated_at.desc())
        .limit(50)
    ).all()
    titles = dict(
        session.exec(
            select(Article.id, Article.title).where(Article.id.in_({c.article_id for c in mine}))
        ).all()
    )
    return render_template(
        "review/dashboard.html",
        page=page,
        mine=mine,
        titles=titles,
        progress=progress(session, [a.id for a in page.items]),
        scale=current_app.extensions["factcheck.ratings"],
        corrections=pending_corrections(session) if has_role(me(), Role.EDITOR) else [],
    )


def queue_form(session: Session) -> f.QueueForm:
    """The queue's filter form, read from the query string, with its choices."""
    form = f.QueueForm(formdata=request.args)
    scale = current_app.extensions["factcheck.ratings"]
    form.status.choices = f.options(
        [("", "Any")] + [(s.value, s.value.replace("_", " ")) for s in ClaimStatus]
    )
    form.verdict.choices = f.options([("", "Any"), ("none", "No verdict yet")] + scale.choices())
    form.article.choices = f.options(
        [("", "Any")]
        + [(a.slug, a.title) for a in session.exec(select(Article).order_by(Article.title)).all()]
    )
    people = session.exec(select(User.name).where(User.active.is_(True)).order_by(User.name)).all()
    form.assignee.choices = f.options(
        [("", "Anyone"), ("me", "Me"), ("none", "Nobody")] + [(name, name) for name in people]
    )
    return form


def queue_statement(session: Session, form: f.QueueForm):
    """select(Claim) with the form's filters and sort; every filter uses an indexed column."""
    statement = select(Claim).where(Claim.deleted_at.is_(None))
    if form.status.data:
        statement = statement.where(Claim.status == form.status.data)
    if form.verdict.data == "none":
        statement = statement.where(Claim.verdict.is_(None))
    elif form.verdict.data:
        statement = statement.where(Claim.verdict == form.verdict.data)
    if form.article.data:
        statement = statement.where(
            Claim.article_id
            == select(Article.id).where(Article.slug == form.article.data).scalar_subquery()
        )
    if form.assignee.data == "me":
        statement = statement.where(Claim.assignee_id == me().id)
    elif form.assignee.data == "none":
        statement = statement.where(Claim.assignee_id.is_(None))
    elif form.assignee.data:
        statement = statement.where(
            Claim.assignee_id
            == select(User.id).where(User.name == form.assignee.data).scalar_subquery()
        )
    text = claim_text_filter(session, form.q.data or "")
    if text is not None:
        statement = statement.where(text)
    return statement.order_by(*SORTS.get(form.sort.data or "updated", SORTS["updated"]))


@bp.get("/claims")
def queue():
    """Claims filtered by status, verdict, article, assignee and text; sorted; paginated."""
    session = get_session()
    form = queue_form(session)
    page = paginate(
        session,
        queue_statement(session, form),
        page_number(request.args.get("page")),
        current_app.config["CLAIMS_PER_PAGE"],
    )
    articles = {
        a.id: a
        for a in session.exec(
            select(Article).where(Article.id.in_({c.article_id for c in page.items}))
        ).all()
    }
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    names = dict(session.exec(select(User.id, User.name)).all())
    choices = assignee_choices(session)
    # a form per row for its hidden fields; the select is drawn from assignee_options
    assign_forms = {c.id: f.AssignForm(formdata=None, version=c.version) for c in page.items}
    return render_template(
        "review/queue.html",
        form=form,
        page=page,
        articles=articles,
        args=args,
        names=names,
        assign_forms=assign_forms,
        assignee_options=choices,
    )
