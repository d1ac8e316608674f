"""Login and logout views."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user

from factcheck import translations
from factcheck.review import users
from factcheck.review.sessions import close_session, open_session
from factcheck.web import get_session
from factcheck.web.auth import LoginUser, bp, login_manager
from factcheck.web.auth.forms import LoginForm
from factcheck.web.i18n import _, error_text


def safe_next(target: str | None) -> str:
    """``target`` if it is a path on this site, else the workspace (no open redirects)."""
    if target:
        parts = urlsplit(target)
        if (
            not parts.scheme
            and not parts.netloc
            and target.startswith("/")
            and not target.startswith("//")
            and "\\" not in target
        ):
            return target
    return url_for("review.dashboard")


@bp.route("/login", methods=["GET", "POST"])
def login():
    """The login form; on success go to ``next`` (a local path) or the workspace."""
    form = LoginForm()
    if request.method == "GET":
        form.next.data = request.args.get("next", "")
        if current_user.is_authenticated:
            return redirect(safe_next(form.next.data))
    if form.validate_on_submit():
        try:
            user = _authenticate(form)
        except users.TooManyLogins as error:
            flash(error_text(error), "error")
            page = render_template("auth/login.html", form=form)
            return page, 429, {"Retry-After": str(error.retry_after)}
        if user is not None:
            start_session(user)
            flash(_("Logged in as %(name)s.", name=user.name), "success")
            return redirect(safe_next(form.next.data))
        flash(_(users.LOGIN_FAILED), "error")
        return render_template("auth/login.html", form=form), 401
    return render_template("auth/login.html", form=form)


def start_session(user) -> None:
    """Log ``user`` in: a new server-side session, its cookie, and a fresh CSRF token (one
    seen before logging in is worth nothing after)."""
    token = open_session(get_session(), user, current_app.permanent_session_lifetime)
    get_session().commit()
    session.clear()
    login_user(LoginUser(user, token))


def _authenticate(form: LoginForm):
    config = current_app.config
    return users.authenticate(  # counts the attempt (and commits) even when it fails
        get_session(),
        form.name.data,
        form.password.data,
        max_failures=config["LOGIN_MAX_FAILURES"],
        lockout_seconds=config["LOGIN_LOCKOUT_SECONDS"],
        address=request.remote_addr or "unknown",
        address_limit=config["LOGIN_ATTEMPTS_PER_ADDRESS"],
        secret=config["SECRET_KEY"],
    )


@bp.post("/language")
def language():
    """The staff's language switcher: remember the chosen interface language on the user,
    then back to the page it was chosen on. (Readers' pages follow their article's language,
    other pages a visitor's browser: a form on them would set a cookie on every reader.)"""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    chosen = request.form.get("language", "")
    if chosen not in translations.languages():
        abort(400)
    users.choose_language(current_user.row, chosen)
    get_session().commit()
    return redirect(safe_next(request.form.get("next")), 303)


@bp.post("/logout")
def logout():
    """Log out (POST only, with a CSRF token, so no link can log anyone out): the session
    ends on the server too, so a copy of the cookie stops working."""
    if current_user.is_authenticated:  # CSRFProtect has checked the token before we get here
        close_session(get_session(), current_user.token)
        get_session().commit()
    logout_user()
    session.clear()  # and a new CSRF token
    flash(_("Logged out."), "success")
    return redirect(url_for("public.index"))
