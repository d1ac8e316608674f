"""The first run in the browser: the one-time set-up page that makes the first admin.

``/setup/<token>`` exists only while no user exists and only for the token ``factcheck serve``
printed (factcheck.review.firstrun); once the first admin is made it redirects to the login
page, and the home and login pages stop pointing to it.
"""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, url_for

from factcheck.errors import FactcheckError, NotFound, PermissionDenied
from factcheck.review import firstrun
from factcheck.review.users import has_users
from factcheck.review.workflow import run_retrying
from factcheck.web import error_status, get_session
from factcheck.web.auth import bp
from factcheck.web.auth.forms import SetupForm
from factcheck.web.auth.routes import start_session
from factcheck.web.i18n import error_text, gettext

_SET_UP = "factcheck.users_exist"  # app.extensions: True once a user is seen (never undone)


def setup_pending() -> bool:
    """Whether nobody can log in yet (no user exists). Once a user is seen, this process
    never asks the database again: users are disabled, never deleted."""
    if current_app.extensions.get(_SET_UP):
        return False
    if has_users(get_session()):
        current_app.extensions[_SET_UP] = True
        return False
    return True


@bp.route("/setup/<token>", methods=["GET", "POST"])
def setup(token: str):
    """The first admin's name and password; then that admin is logged in, in the workspace."""
    instance = current_app.instance_path
    if not setup_pending():
        return redirect(url_for("auth.login"))  # done: the page is gone for good
    if not firstrun.token_matches(instance, token):
        abort(404)
    form = SetupForm()
    if not form.validate_on_submit():
        page = render_template("auth/setup.html", form=form, token=token)
        return page, 400 if form.is_submitted() else 200
    session = get_session()
    try:
        user = run_retrying(
            session,
            lambda: firstrun.create_first_admin(
                session, instance, token, name=form.name.data, password=form.password.data
            ),
        )
    except (NotFound, PermissionDenied) as error:  # another set-up got there first
        session.rollback()
        flash(error_text(error), "info")
        return redirect(url_for("auth.login"))
    except FactcheckError as error:
        session.rollback()
        form.name.errors.append(error_text(error))
        return render_template("auth/setup.html", form=form, token=token), error_status(error)
    firstrun.discard_token(instance)
    current_app.extensions[_SET_UP] = True
    start_session(user)
    flash(
        gettext(
            "Welcome, %(name)s: you are the first admin. Add your colleagues under “Users”: "
            "publishing a verdict takes a second person.",
            name=user.name,
        ),
        "success",
    )
    return redirect(url_for("review.dashboard"))
