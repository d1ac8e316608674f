"""Login and logout views."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_user, logout_user

from factcheck.review import users
from factcheck.web import get_session
from factcheck.web.auth import LoginUser, bp
from factcheck.web.auth.forms import LoginForm


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
        session = get_session()
        config = current_app.config
        user = users.authenticate(
            session,
            form.name.data,
            form.password.data,
            max_failures=config["LOGIN_MAX_FAILURES"],
            lockout_seconds=config["LOGIN_LOCKOUT_SECONDS"],
        )
        session.commit()  # the failure count is kept even when the login fails
        if user is not None:
            login_user(LoginUser(user))
            flash(f"Logged in as {user.name}.", "success")
            return redirect(safe_next(form.next.data))
        flash(users.LOGIN_FAILED, "error")
        return render_template("auth/login.html", form=form), 401
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
def logout():
    """Log out (POST only, with a CSRF token, so no link can log anyone out)."""
    logout_user()  # CSRFProtect has checked the token before we get here
    flash("Logged out.", "success")
    return redirect(url_for("public.index"))
