"""The fact-checkers' workspace: dashboard, articles, the claim queue and the claim page.

Everything here needs a login. Views read the request, call one domain function
(factcheck.review or factcheck.editing), commit, flash and redirect (POST-redirect-GET).
"""

from __future__ import annotations

from flask import Blueprint
from flask_login import current_user

from factcheck.web.auth import login_manager

bp = Blueprint("review", __name__, url_prefix="/review")


@bp.before_request
def _login_required():
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    return None


from factcheck.web.review import dashboard  # noqa: E402,F401  (registers views on bp)
