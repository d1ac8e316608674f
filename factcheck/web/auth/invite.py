"""The invited person's page: their one-time link, where they choose their password and are
logged in (factcheck.review.invitations)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for

from factcheck.errors import FactcheckError, NotFound
from factcheck.review import invitations
from factcheck.review.workflow import run_retrying
from factcheck.web import error_status, get_session
from factcheck.web.auth import bp
from factcheck.web.auth.forms import InvitationForm
from factcheck.web.auth.routes import start_session
from factcheck.web.i18n import error_text, gettext


@bp.route("/invite/<token>", methods=["GET", "POST"])
def invite(token: str):
    """Choose a password through an invitation link; a used or expired link is no page."""
    session = get_session()
    user = invitations.invited_user(session, token)
    if user is None:
        abort(404)
    form = InvitationForm()
    if not form.validate_on_submit():
        page = render_template("auth/invite.html", form=form, token=token, name=user.name)
        return page, 400 if form.is_submitted() else 200
    try:
        user = run_retrying(session, lambda: invitations.accept(session, token, form.password.data))
    except NotFound:  # used a moment ago (a double submit)
        session.rollback()
        abort(404)
    except FactcheckError as error:
        session.rollback()
        form.password.errors.append(error_text(error))
        page = render_template("auth/invite.html", form=form, token=token, name=user.name)
        return page, error_status(error)
    start_session(user)
    flash(gettext("Welcome, %(name)s: your password is set.", name=user.name), "success")
    return redirect(url_for("review.dashboard"))
