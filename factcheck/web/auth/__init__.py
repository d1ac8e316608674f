"""Logging in and out, and who may see what: Flask-Login wired to factcheck.review.users.

``init_app`` sets up the LoginManager; ``role_required`` guards views by role; ``me()`` is
the logged-in User row (attached to the request's session) to pass to domain functions.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable

from flask import Blueprint, Flask
from flask_login import LoginManager, UserMixin, current_user

from factcheck.errors import PermissionDenied
from factcheck.messages import N_, Message
from factcheck.models import User
from factcheck.review import workflow
from factcheck.review.sessions import session_user
from factcheck.web import get_session
from factcheck.web.i18n import lazy_gettext

bp = Blueprint("auth", __name__)
login_manager = LoginManager()


class LoginUser(UserMixin):
    """The logged-in person as Flask-Login sees them; ``row`` is the User table row and
    ``token`` their session's (see factcheck.review.sessions)."""

    def __init__(self, row: User, token: str):
        self.row = row
        self.token = token

    def get_id(self) -> str:
        # The id carries a fingerprint of the password hash (a new password ends every session
        # opened with the old one) and the session's token (logging out ends it).
        return f"{self.row.id}.{_fingerprint(self.row)}.{self.token}"

    @property
    def is_active(self) -> bool:
        return bool(self.row.active)

    @property
    def name(self) -> str:
        return self.row.name

    @property
    def role(self) -> str:
        return self.row.role

    def can(self, role: str) -> bool:
        """Whether this person has ``role`` or a higher one (for templates)."""
        return workflow.has_role(self.row, role)


def _fingerprint(user: User) -> str:
    return hashlib.sha256((user.password_hash or "").encode()).hexdigest()[:16]


def load_user(user_id: str) -> LoginUser | None:
    """The LoginUser for a session's id; None (logged out) if the session was closed or has
    expired, the user disabled or their password changed."""
    number, _, rest = user_id.partition(".")
    fingerprint, _, token = rest.partition(".")
    if not number.isdigit() or len(number) > 10:
        return None
    user = session_user(get_session(), int(number), token)
    if user is None or not user.active or fingerprint != _fingerprint(user):
        return None
    return LoginUser(user, token)


def me() -> User:
    """The logged-in user's row (views behind ``login_required`` only)."""
    return current_user.row


def role_required(role: str) -> Callable:
    """Decorate a view: anonymous visitors go to the login page, too low a role gets 403."""

    def decorate(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not workflow.has_role(current_user.row, role):
                raise PermissionDenied(
                    N_("this page needs the %(role)s role"), role=Message.term(role)
                )
            return view(*args, **kwargs)

        return wrapper

    return decorate


def init_app(app: Flask) -> None:
    """Set up Flask-Login on ``app``."""
    login_manager.init_app(app)
    login_manager.user_loader(load_user)
    login_manager.login_view = "auth.login"
    login_manager.login_message = lazy_gettext("Log in to see that page.")
    login_manager.login_message_category = "info"
    # "strong" would log people out whenever their address changes (phones do that often)
    login_manager.session_protection = "basic"
    # the home and login pages say where the set-up address is while nobody can log in
    app.jinja_env.globals["setup_pending"] = setup.setup_pending


from factcheck.web.auth import invite, routes, setup  # noqa: E402,F401  (registers the views on bp)
